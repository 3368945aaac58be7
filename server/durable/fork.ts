/**
 * Forks and replays. A fork is a new town from a saved one's state at a step, with its
 * own record and logs, so nothing it does reaches its source. A lockstep run reaches any
 * step exactly: from the newest snapshot before it, re-simulated on the run's recorded
 * answers, so no model is asked; a live town (people walked in it, answers came in real
 * time) forks at its snapshot nearest before the step. A fork may start with an
 * intervention: a thought whispered, a fact planted, a resident taken out of the town.
 */
import type { Mind } from "../mind/mind";
import { loadScenario } from "../scenarios";
import { loadMaze } from "../town-factory";
import { restoreTown, type TownSnapshot } from "../town/snapshot";
import type { Town } from "../town/town";
import type { AnswerEntry, StepEntry } from "../store/entries";
import { describeDamage, type Store, type TownMode } from "../store/store";
import type { TownJournal, JournalOptions } from "./journal";
import { AnswerBook, replayingMind } from "./recorded-mind";
import { journaled, newRecord, newTownId, putBackLogs, readSaved } from "./saved-town";

export type Intervention =
  | { kind: "whisper"; resident: string; text: string }
  | { kind: "fact"; resident: string; text: string; factId: string; keywords?: string[] }
  | { kind: "remove"; resident: string };

export interface ForkOptions {
  /** Step to fork at; default: the newest state. */
  atStep?: number;
  /** Id of the fork; default: a fresh one. */
  id?: string;
  name?: string;
  interventions?: Intervention[];
  /** Who hosts the fork (player id), whether it is private, its password record. */
  hostId?: string | null;
  private?: boolean;
  password?: string;
  /** How the fork runs; default: as its source (a browser's fork runs live). */
  mode?: TownMode;
  /** Answers questions the recording lacks. */
  mind: Mind;
  journal: JournalOptions;
  log?: (message: string) => void;
}

export interface Forked {
  town: Town;
  journal: TownJournal;
  /** The step the fork starts at (the one asked for, or the snapshot before it for a live town). */
  step: number;
  /** Recorded answers used and questions the recording lacked while reaching the step. */
  replay: { hits: number; misses: number };
}

/** A resident by id or name (interventions name them as people do). */
function residentOf(town: Town, who: string) {
  return town.resident(who) ?? town.residentByName(who) ?? town.residents.find((r) => r.persona.firstName === who);
}

export async function forkTown(store: Store, sourceId: string, opts: ForkOptions): Promise<Forked> {
  const log = opts.log ?? ((m: string) => console.error(`[store] ${m}`));
  const saved = await readSaved(store, sourceId, opts.atStep);
  for (const d of saved.damage) log(`damaged, recovered up to it: ${describeDamage(d)}`);
  const source = saved.record;
  const lastWritten = saved.steps.length > 0 ? saved.steps[saved.steps.length - 1].step : source.step;
  const target = Math.min(opts.atStep ?? lastWritten, lastWritten);
  if (target < 0 || !Number.isInteger(target)) throw new RangeError(`fork step must be a whole number from 0, got ${opts.atStep}`);
  const exact = source.mode === "lockstep" && target > saved.snap.step;
  const answers = exact ? (await store.readLog<AnswerEntry>(sourceId, "answers")).entries : [];
  const book = new AnswerBook(answers, saved.snap.step);
  const data = saved.snap.data as TownSnapshot;
  // journaled() records every answer the fork uses, recorded or new, in the fork's own log.
  const mind = replayingMind(opts.mind, book);
  const id = opts.id ?? newTownId((opts.mode ?? source.mode) === "lockstep" ? "run-" : "");
  const { town, journal } = journaled(
    store,
    mind,
    (m) => restoreTown(data, { maze: loadMaze(data.map), scenario: loadScenario(source.scenario), mind: m, log }),
    (t) =>
      newRecord(t, {
        id,
        name: opts.name ?? `${source.name} (fork)`,
        mode: opts.mode ?? source.mode,
        private: opts.private ?? source.private,
        hostId: opts.hostId ?? null,
        ...(opts.password !== undefined && { password: opts.password }),
        forkOf: { town: sourceId, step: target },
      }),
    opts.journal,
  );
  // Checked before anything is written: a bad intervention leaves no half-made fork behind.
  const planned = (opts.interventions ?? []).map((iv) => {
    const r = residentOf(town, iv.resident);
    if (!r) throw new Error(`intervention: no resident "${iv.resident}" in ${source.name}`);
    return { iv, id: r.id };
  });
  if (!exact && source.mode === "live") putBackLogs(town, saved, target, log);
  // The fork's own memory log starts with everything its residents know: its snapshots point into it.
  journal.logAllMemories();
  await journal.saveRecord();
  if (exact) {
    journal.frame(true);
    while (town.clock.step < target) {
      town.step();
      await town.settle();
      journal.stepped();
    }
  }
  for (const { iv, id: resident } of planned) {
    if (iv.kind === "whisper") town.whisper(resident, iv.text);
    else if (iv.kind === "fact") town.plantFact(resident, iv.text, iv.factId, iv.keywords ?? []);
    else town.removeResident(resident);
  }
  // A lockstep fork settles its interventions now; a live one asks again when it runs.
  if (source.mode === "lockstep" && (opts.mode ?? source.mode) === "lockstep") await town.settle();
  journal.frame(true);
  await journal.snapshot();
  return { town, journal, step: town.clock.step, replay: { hits: book.hits, misses: book.misses } };
}

/** A recorded lockstep run played again from its first snapshot on its own answers. */
export interface ReplayCheck {
  steps: number;
  /** The first step whose frame differs from the recording, or null when all agree. */
  firstDifference: number | null;
  replay: { hits: number; misses: number };
}

/** Re-simulates a finished lockstep run and compares every frame with the one it recorded. */
export async function verifyReplay(store: Store, sourceId: string, opts: { mind: Mind; journal: JournalOptions; log?: (m: string) => void; scratchStore: Store }): Promise<ReplayCheck> {
  const recorded = (await store.readLog<StepEntry>(sourceId, "steps")).entries;
  const first = (await store.snapshotSteps(sourceId))[0] ?? 0;
  const end = recorded.length > 0 ? recorded[recorded.length - 1].step : first;
  const forked = await forkTownInto(store, opts.scratchStore, sourceId, first, end, opts);
  const replayed = (await opts.scratchStore.readLog<StepEntry>(forked.id, "steps")).entries;
  const mine = statesByStep(replayed);
  let firstDifference: number | null = null;
  for (const [step, state] of statesByStep(recorded)) {
    if (step <= first) continue;
    if (mine.get(step) !== state) {
      firstDifference = step;
      break;
    }
  }
  await opts.scratchStore.deleteTown(forked.id);
  return { steps: end - first, firstDifference, replay: forked.replay };
}

/** Re-simulates `sourceId` from its snapshot at `from` up to `to`, journaling into `target`. */
async function forkTownInto(source: Store, target: Store, sourceId: string, from: number, to: number, opts: { mind: Mind; journal: JournalOptions; log?: (m: string) => void }) {
  const saved = await readSaved(source, sourceId, from);
  const answers = (await source.readLog<AnswerEntry>(sourceId, "answers")).entries;
  const book = new AnswerBook(answers, saved.snap.step);
  const data = saved.snap.data as TownSnapshot;
  const id = newTownId("replay-");
  const log = opts.log ?? ((m: string) => console.error(`[store] ${m}`));
  const { town, journal } = journaled(
    target,
    replayingMind(opts.mind, book),
    (m) => restoreTown(data, { maze: loadMaze(data.map), scenario: loadScenario(saved.record.scenario), mind: m, log }),
    (t) => newRecord(t, { id, name: `replay of ${saved.record.name}`, mode: "lockstep" }),
    opts.journal,
  );
  journal.logAllMemories();
  journal.frame(true);
  while (town.clock.step < to) {
    town.step();
    await town.settle();
    journal.stepped();
    if (town.clock.step % 360 === 0) await journal.commit();
  }
  await journal.commit();
  return { id, replay: { hits: book.hits, misses: book.misses } };
}

/** Everyone's tile and activity after each step's frame, as one string per step. */
function statesByStep(frames: readonly StepEntry[]): Map<number, string> {
  const now = new Map<string, { at: string; act: string }>();
  const out = new Map<number, string>();
  for (const f of frames) {
    if (f.full) now.clear();
    for (const id of f.gone ?? []) now.delete(id);
    for (const [id, x, y] of f.moved) now.set(id, { at: `${x},${y}`, act: now.get(id)?.act ?? "" });
    for (const [id, ...act] of f.acts) now.set(id, { at: now.get(id)?.at ?? "", act: act.join("|") });
    out.set(f.step, [...now].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, s]) => `${id}@${s.at}:${s.act}`).join(";"));
  }
  return out;
}
