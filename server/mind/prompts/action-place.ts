/**
 * Action place: where and how to do a task, in one answer (the original asked six
 * questions: sector, arena, object, emoji, event triple, object state). The prompt
 * lists in full only the sectors most likely to fit (named in the task, the one the
 * agent stands in, home, the best word matches), each arena with a number, and the other
 * allowed sectors by name and number, so its size does not grow with the town. The model
 * answers with a number (fewer tokens than names), an object, an emoji, the event (what
 * others see the agent do) and the object's state. `resolvePlace` reads the number (or,
 * from a model that writes names, the closest known names) as a known place, or reports
 * which part is unknown.
 * Fallback: the current sector (or home), its first arena, no object.
 */
import { z } from "zod";
import type { PromptUnit } from "../llm/prompt";
import type { PlaceAnswer, PlaceInput } from "../mind";
import { gerund } from "../offline/language";
import { clip } from "./fields";
import { system, timeText } from "./persona";
import { allowedArenas, allowedSectors, isNumberedCopy, matchName } from "./places";
import { homeOf } from "../../sim/places";

const EXPANDED_SECTORS = 2;
/** The least score of a sector the task (100) or its block (50) names. */
const NAMED_SCORE = 50;
export const DEFAULT_EMOJI = "🙂";

/** The model's answer before its names are checked. */
export interface PlaceDraft {
  /** The number of a listed place; null when the answer named the place instead. */
  place: number | null;
  /** Names, from a model that wrote them instead of (or besides) a number. */
  sector: string;
  arena: string;
  object: string;
  emoji: string;
  /** Predicate and object of the event; the subject is always the agent. Null when not given. */
  event: [string, string] | null;
  state: string;
}

/** A numbered place of a prompt: an arena of a sector listed in full, or a sector listed by name. */
export interface Spot {
  sector: string;
  arena?: string;
}

/** The place lines of a prompt and what each number stands for (`spots[n - 1]`). */
export interface PlaceMenu {
  lines: string[];
  spots: Spot[];
}

const optionalText = (maxChars: number) =>
  z.union([z.string(), z.number(), z.null()]).optional().transform((s) => clip(String(s ?? "").trim(), maxChars));

/** 3, "3", "#3" or "3. cafe" as 3; a name as the name. */
const placeRef = z
  .union([z.number(), z.string(), z.null()])
  .optional()
  .transform((v): { n: number | null; name: string } => {
    if (typeof v === "number") return { n: Number.isInteger(v) ? v : null, name: "" };
    const text = (v ?? "").trim();
    const numbered = /^#?\s*(\d+)\b/.exec(text);
    return numbered ? { n: Number(numbered[1]), name: "" } : { n: null, name: text };
  });

/** Models sometimes name the number field after the list ("at", "where", "number"). */
function withPlaceKey(value: unknown): unknown {
  if (typeof value !== "object" || value === null || "place" in value) return value;
  const record = value as Record<string, unknown>;
  const alias = ["at", "where", "number", "spot"].find((a) => a in record);
  return alias === undefined ? value : { ...record, place: record[alias] };
}

export const placeDraftSchema = z.preprocess(
  withPlaceKey,
  z
    .object({
      place: placeRef,
      sector: optionalText(120),
      arena: optionalText(120),
      object: optionalText(80),
      emoji: optionalText(16),
      // ["is brewing", "coffee"], or with the subject first as a triple
      event: z
        .array(z.union([z.string(), z.number()]).transform(String))
        .min(2)
        .max(3)
        .transform((e) => (e.length === 3 ? [e[1], e[2]] : [e[0], e[1]]) as [string, string])
        .optional()
        .catch(undefined),
      state: optionalText(80),
    })
    .transform((d): PlaceDraft => {
      // "Hobbs Cafe: cafe" written in the number's place reads as a sector and an arena.
      const [named, ...rest] = d.place.name.split(/\s*:\s*(?=[^:]*$)/);
      const sector = d.sector || (rest.length > 0 ? named : d.place.name);
      const arena = d.arena || (rest.length > 0 ? rest[0] : "");
      return { place: d.place.n, sector, arena, object: d.object, emoji: d.emoji, event: d.event ?? null, state: d.state };
    })
    .refine((d) => d.place !== null || d.sector.length > 0, "expected the number of a listed place"),
);

/** The place answer as the model should write it (for structured output). */
export const placeOutputFields = {
  place: z.number().int().describe("number of a listed place"),
  object: z.string().describe("one object listed there, or empty"),
  emoji: z.string(),
  event: z.array(z.string()).min(2).max(2).describe('["verb phrase", "what"]'),
  state: z.string().describe("what the object is doing, or empty"),
};

/** The answer's fields, as the prompt shows them. */
export const PLACE_FIELDS =
  '"place": n, "object": "" or one listed there, "emoji": "", "event": ["verb phrase", "what"], "state": "what the object is doing" or ""';

export const PLACE_SYSTEM = system("You decide where in town a resident does tasks, choosing only among the numbered places.");

export const actionPlaceUnit: PromptUnit<PlaceInput, PlaceDraft> = {
  name: "action_place",
  build: (input) => ({
    system: PLACE_SYSTEM,
    user: [
      whoAndWhere(input),
      ...actionPlaceMenu(input).lines,
      `Task: ${input.task}${input.parentTask && input.parentTask !== input.task ? ` (part of: ${input.parentTask})` : ""}.`,
      `Answer {${PLACE_FIELDS}}.`,
    ].join("\n"),
  }),
  outputSchema: z.object(placeOutputFields),
  schema: placeDraftSchema,
  fallback: (input) => {
    const sector = [input.currentSector, homeOf(input.persona).sector].find((s) => s && input.known.has(s)) ?? [...input.known.keys()][0] ?? "";
    const arena = allowedArenas(input.persona, sector, input.known)[0] ?? "";
    return { place: null, sector, arena, object: "", emoji: DEFAULT_EMOJI, event: null, state: "" };
  },
  maxTokens: 60,
  temperature: 0.2,
};

/** The places the action-place prompt lists for `input`. */
export function actionPlaceMenu(input: PlaceInput): PlaceMenu {
  return placeMenu(input, EXPANDED_SECTORS);
}

/** Where the resident lives and is, and the time: "Isabella Rodriguez lives in ... It is 8:00 am. Isabella is at Hobbs Cafe." */
export function whoAndWhere(input: Pick<PlaceInput, "persona" | "nowMinute" | "currentSector">): string {
  const { persona, nowMinute, currentSector } = input;
  const when = nowMinute === undefined ? "" : ` It is ${timeText(nowMinute)}.`;
  const where = currentSector ? ` ${persona.firstName} is at ${currentSector}.` : "";
  return `${persona.name} lives in ${homeOf(persona).sector}.${when}${where}`;
}

/**
 * The places as numbered lines: `expandedCount` sectors with their arenas (numbered) and
 * objects, then the other allowed sectors by name (numbered too: "somewhere there").
 * Numbered copies of an object ("cafe table 2") are listed once. The place hangs on the
 * task, not the character, so name and home stand for the persona here.
 */
export function placeMenu(input: PlaceInput, expandedCount: number, namedFirst = false): PlaceMenu {
  const { expanded, others } = candidateSectors(input, expandedCount, namedFirst);
  const spots: Spot[] = [];
  const lines = ["Places (sector: #n arena [objects]):"];
  for (const sector of expanded) {
    const arenas = allowedArenas(input.persona, sector, input.known).map((arena) => {
      spots.push({ sector, arena });
      const objects = [...new Set(input.known.get(sector)?.get(arena) ?? [])].filter((o, _, all) => !isNumberedCopy(o, all));
      return `#${spots.length} ${arena}${objects.length > 0 ? ` [${objects.join(", ")}]` : ""}`;
    });
    lines.push(`${sector}: ${arenas.join("; ")}`);
  }
  if (others.length > 0) {
    const named = others.map((sector) => {
      spots.push({ sector });
      return `#${spots.length} ${sector}`;
    });
    lines.push(`Elsewhere: ${named.join(", ")}`);
  }
  return { lines, spots };
}

/**
 * Sectors shown with their arenas and objects, best first, and the other allowed ones by
 * name. With `namedFirst`, a sector the task or its block names is shown alone in full
 * (the others, the current one too, by name).
 */
export function candidateSectors(input: PlaceInput, expandedCount = EXPANDED_SECTORS, namedFirst = false): { expanded: string[]; others: string[] } {
  const home = homeOf(input.persona).sector;
  const taskWords = wordsOf(`${input.task} ${input.parentTask ?? ""}`);
  const mentions = (text: string | undefined, s: string) => (text ?? "").toLowerCase().includes(s.toLowerCase());
  const score = (s: string): number =>
    (mentions(input.task, s) ? 100 : 0) +
    (mentions(input.parentTask, s) ? NAMED_SCORE : 0) +
    (s === input.currentSector ? 6 : 0) +
    (s === home ? 5 : 0) +
    2 * overlap(taskWords, sectorWords(s, input));
  const ranked = allowedSectors(input.persona, input.known)
    .map((s) => ({ s, n: score(s) }))
    .sort((a, b) => b.n - a.n || a.s.localeCompare(b.s));
  const named = namedFirst ? ranked.filter((r) => r.n >= NAMED_SCORE).length : 0;
  const count = named > 0 ? Math.min(named, expandedCount) : expandedCount;
  return { expanded: ranked.slice(0, count).map((r) => r.s), others: ranked.slice(count).map((r) => r.s).sort() };
}

export type ResolvedPlace =
  | { ok: true; answer: PlaceAnswer }
  /** `sector` is set when the sector was known but the arena was not (or only the sector was chosen). */
  | { ok: false; sector: string | null; problem: string };

/**
 * Reads the draft as an allowed known place: the listed place its number stands for,
 * else its names (closest name when not exact). An unknown object is dropped (the arena
 * alone is a valid place); an unknown sector or arena, or a sector chosen without an
 * arena, is reported, so the caller can fall back. Without an event, the task is the event.
 */
export function resolvePlace(draft: PlaceDraft, input: PlaceInput, spots: readonly Spot[]): ResolvedPlace {
  const spot = draft.place !== null ? spots[draft.place - 1] : undefined;
  const sectorName = spot ? spot.sector : draft.sector;
  const sector = matchName(sectorName, allowedSectors(input.persona, input.known));
  if (!sector) return { ok: false, sector: null, problem: draft.place !== null && !spot ? `no place numbered ${draft.place}` : `unknown sector "${sectorName}"` };
  const arenaName = spot ? spot.arena : draft.arena;
  const arena = matchName(arenaName, allowedArenas(input.persona, sector, input.known));
  if (!arena) return { ok: false, sector, problem: arenaName ? `unknown arena "${arenaName}" in ${sector}` : `no arena chosen in ${sector}` };
  const object = matchName(draft.object, input.known.get(sector)?.get(arena) ?? []) ?? undefined;
  return {
    ok: true,
    answer: {
      sector,
      arena,
      ...(object !== undefined && { object }),
      emoji: draft.emoji || DEFAULT_EMOJI,
      event: draft.event ? [input.persona.name, draft.event[0] || "is", draft.event[1] || input.task] : taskEvent(input),
      objectState: object !== undefined ? draft.state : "",
    },
  };
}

/** The event of the task itself, when the model gave none: the agent "is brewing a fresh pot of coffee". */
export function taskEvent(input: Pick<PlaceInput, "persona" | "task">): PlaceAnswer["event"] {
  return [input.persona.name, "is", gerund(input.task) || input.task];
}

/** True when the answer names only places in `known`. */
export function isKnownPlace(answer: Pick<PlaceAnswer, "sector" | "arena" | "object">, input: PlaceInput): boolean {
  const objects = input.known.get(answer.sector)?.get(answer.arena);
  return objects !== undefined && (answer.object === undefined || objects.includes(answer.object));
}

function sectorWords(sector: string, input: PlaceInput): Set<string> {
  const arenas = input.known.get(sector);
  const names = [sector, ...(arenas?.keys() ?? []), ...[...(arenas?.values() ?? [])].flat()];
  return wordsOf(names.join(" "));
}

const STOP_WORDS = new Set(["the", "and", "for", "with", "from", "into", "about", "some", "her", "his", "their", "own"]);

function wordsOf(s: string): Set<string> {
  const words = (s.toLowerCase().match(/[a-z]{3,}/g) ?? []).filter((w) => !STOP_WORDS.has(w));
  return new Set(words.map((w) => w.replace(/(es|s)$/, "")));
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}
