/**
 * A saved town as one JSON file, to move it between servers or keep it:
 *   { format: "ville-run", version: 1, town, snapshots: [{ step, data }], logs: { memory, chat, steps, answers } }
 * An import is checked whole before anything is written, and lands under the file's id
 * when that is free, else under a new one. Snapshot bodies are checked by the code that
 * restores them (town/snapshot.ts); here only their envelope is.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { memoryNodeJsonSchema } from "../agents/memory/memory-json";
import { checkTownId, describeDamage, LOG_NAMES, type Damage, type LogName, type Store, type TownRecord } from "../store/store";

export const RUN_FORMAT = "ville-run";
export const RUN_VERSION = 1;

export interface RunFile {
  format: typeof RUN_FORMAT;
  version: typeof RUN_VERSION;
  town: TownRecord;
  snapshots: { step: number; data: unknown }[];
  logs: Record<LogName, object[]>;
}

/** The input is not a run file, or not a whole one: the message says where. */
export class RunFileError extends Error {
  override name = "RunFileError";
}

const townId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "letters, digits, '-' and '_', 1 to 64");
const step = z.number().int().min(0);

const townSchema = z.object({
  id: townId,
  name: z.string().max(200),
  scenario: z.string().max(80),
  map: z.string().max(80),
  mind: z.string().max(200),
  mode: z.enum(["lockstep", "live"]),
  seed: z.number().int(),
  private: z.boolean(),
  password: z.string().regex(/^[0-9a-f]{32}:[0-9a-f]{64}$/, "a salted hash, hex salt:hash").optional(),
  hostId: z.string().max(64).nullable(),
  isDefault: z.boolean(),
  defaultOf: z.string().max(200).optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
  step,
  gameTimeMs: z.number(),
  forkOf: z.object({ town: townId, step }).optional(),
  closed: z.boolean().optional(),
}) satisfies z.ZodType<TownRecord>;

const chatLineSchema = z.object({
  seq: z.number().int(),
  conversationId: z.string(),
  channel: z.enum(["conversation", "near", "town"]),
  from: z.string(),
  fromName: z.string(),
  to: z.string().nullable(),
  toName: z.string().nullable(),
  participants: z.array(z.string()),
  participantNames: z.array(z.string()),
  text: z.string(),
  gameTimeMs: z.number(),
  x: z.number(),
  y: z.number(),
  draftId: z.string().optional(),
});

const logSchemas = {
  steps: z.object({
    step,
    gameTimeMs: z.number(),
    full: z.boolean(),
    moved: z.array(z.tuple([z.string(), z.number().int(), z.number().int()])),
    acts: z.array(z.tuple([z.string(), z.string(), z.string(), z.string(), z.string()])),
    gone: z.array(z.string()).optional(),
    people: z.array(z.tuple([z.string(), z.string(), z.string()])).optional(),
  }),
  chat: z.object({ step, line: chatLineSchema }),
  memory: z.object({ step, resident: z.string(), node: memoryNodeJsonSchema }),
  answers: z.object({ step, q: z.string(), h: z.string(), a: z.unknown() }),
} satisfies Record<LogName, z.ZodType>;

const runFileSchema = z.object({
  format: z.literal(RUN_FORMAT),
  version: z.literal(RUN_VERSION),
  town: townSchema,
  snapshots: z.array(z.object({ step, data: z.unknown().refine((d) => d !== undefined, "missing") })),
  logs: z.object({ steps: z.array(logSchemas.steps), chat: z.array(logSchemas.chat), memory: z.array(logSchemas.memory), answers: z.array(logSchemas.answers) }),
});

/** Checks a parsed run file; throws RunFileError naming the first problems and where they are. */
export function parseRunFile(json: unknown): RunFile {
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new RunFileError("not a run file: expected a JSON object");
  const head = json as { format?: unknown; version?: unknown };
  if (head.format !== RUN_FORMAT) throw new RunFileError(`not a run file: "format" must be "${RUN_FORMAT}", got ${JSON.stringify(head.format)?.slice(0, 40)}`);
  if (head.version !== RUN_VERSION) throw new RunFileError(`unsupported run file version ${JSON.stringify(head.version)?.slice(0, 20)}: this server reads version ${RUN_VERSION}`);
  const checked = runFileSchema.safeParse(json);
  if (!checked.success) {
    const issues = checked.error.issues;
    const shown = issues.slice(0, 5).map((i) => `${pathOf(i.path)}: ${i.message}`);
    const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : "";
    throw new RunFileError(`damaged run file: ${shown.join("; ")}${more}`);
  }
  const steps = checked.data.snapshots.map((s) => s.step);
  const twice = steps.find((s, i) => steps.indexOf(s) !== i);
  if (twice !== undefined) throw new RunFileError(`damaged run file: snapshots: step ${twice} is there twice`);
  return checked.data as RunFile;
}

/** Parses the text of a run file (JSON.parse names the position of a cut or broken file). */
export function parseRunText(text: string): RunFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new RunFileError(`not JSON (a cut or damaged file?): ${(err as Error).message}`);
  }
  return parseRunFile(json);
}

function pathOf(path: PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === "number" ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), "") || "(top)";
}

export interface ExportedRun {
  file: RunFile;
  /** What could not be read; the file holds what came before it. */
  damage: Damage[];
}

/** A town with its snapshots and logs; null when the store has no such town. */
export async function exportRun(store: Store, id: string): Promise<ExportedRun | null> {
  const town = await store.getTown(id);
  if (!town) return null;
  const damage: Damage[] = [];
  const snapshots: RunFile["snapshots"] = [];
  for (const at of await store.snapshotSteps(id)) {
    const read = await store.getSnapshot(id, at);
    // A damaged snapshot reads as an older one: keep each step once, as itself.
    damage.push(...(read?.damage ?? []));
    if (read && read.step === at) snapshots.push({ step: read.step, data: read.data });
  }
  const logs = {} as RunFile["logs"];
  for (const name of LOG_NAMES) {
    const read = await store.readLog<object>(id, name);
    logs[name] = read.entries;
    if (read.damage) damage.push(read.damage);
  }
  return { file: { format: RUN_FORMAT, version: RUN_VERSION, town, snapshots, logs }, damage: dedupeDamage(damage) };
}

function dedupeDamage(list: Damage[]): Damage[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = describeDamage(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The file as JSON text in pieces, so a large run is never one string in memory.
 * Joined, the pieces are `JSON.stringify(file)`.
 */
export function* runFileChunks(file: RunFile): Generator<string> {
  yield `{"format":${JSON.stringify(file.format)},"version":${file.version},"town":${JSON.stringify(file.town)},"snapshots":[`;
  for (const [i, s] of file.snapshots.entries()) yield (i ? "," : "") + JSON.stringify(s);
  yield `],"logs":{`;
  for (const [n, name] of LOG_NAMES.entries()) {
    yield `${n ? "," : ""}${JSON.stringify(name)}:[`;
    const entries = file.logs[name];
    // Batches of entries: few pieces, none large.
    for (let i = 0; i < entries.length; i += 500) yield (i ? "," : "") + entries.slice(i, i + 500).map((e) => JSON.stringify(e)).join(",");
    yield "]";
  }
  yield "}}";
}

export interface ImportedRun {
  id: string;
  /** The id in the file; when it was taken, the town has a new one (`renamed`). */
  fileId: string;
  renamed: boolean;
  town: TownRecord;
  counts: { snapshots: number } & Record<LogName, number>;
}

/** Entries per append: bounded writes, and few of them. */
const APPEND_BATCH = 1000;

/**
 * Stores a checked run file as a town. `id`: the id to use (must be free); by default the
 * file's own when free, else a new one. The record is written last, so a town that is
 * listed is whole; if a write fails, what was written is removed again.
 */
export async function importRun(store: Store, input: RunFile | unknown, opts: { id?: string } = {}): Promise<ImportedRun> {
  const file = parseRunFile(input);
  let id: string;
  if (opts.id !== undefined) {
    id = checkTownId(opts.id);
    if (!(await isFree(store, id))) throw new RunFileError(`a town with id "${id}" is already stored`);
  } else {
    id = (await isFree(store, file.town.id)) ? file.town.id : await freeId(store);
  }
  // An imported town is nobody's default: that one belongs to the server it runs on.
  const { defaultOf: _, ...rest } = file.town;
  const town: TownRecord = { ...rest, id, isDefault: false };
  try {
    for (const s of file.snapshots) await store.putSnapshot(id, s.step, s.data);
    for (const name of LOG_NAMES) {
      const entries = file.logs[name];
      for (let i = 0; i < entries.length; i += APPEND_BATCH) await store.append(id, name, entries.slice(i, i + APPEND_BATCH));
    }
    await store.putTown(town);
  } catch (err) {
    await store.deleteTown(id).catch(() => undefined);
    throw err;
  }
  const counts = { snapshots: file.snapshots.length, ...Object.fromEntries(LOG_NAMES.map((n) => [n, file.logs[n].length])) } as ImportedRun["counts"];
  return { id, fileId: file.town.id, renamed: id !== file.town.id, town, counts };
}

/** A fresh id: random, since the id of a private town is its invite code. */
async function freeId(store: Store): Promise<string> {
  for (;;) {
    const id = randomBytes(9).toString("base64url");
    if (await isFree(store, id)) return id;
  }
}

/** No record, and nothing else under the id either (a town being written has logs before its record). */
async function isFree(store: Store, id: string): Promise<boolean> {
  if (await store.getTown(id)) return false;
  if ((await store.snapshotSteps(id)).length > 0) return false;
  for (const name of LOG_NAMES) if ((await store.readLog(id, name)).entries.length > 0) return false;
  return true;
}
