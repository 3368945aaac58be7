/**
 * Towns in a store: a new one with its journal, and a saved one brought back from its
 * newest intact snapshot plus what its logs hold after it (memory nodes and lines made
 * before a crash). A town is never replaced by an empty one: a record without a readable
 * snapshot is an error naming the town.
 */
import { randomBytes } from "node:crypto";
import type { ChatMessage } from "../../shared/protocol";
import type { Mind } from "../mind/mind";
import { loadScenario } from "../scenarios";
import { loadMaze } from "../town-factory";
import { fillMemories, restoreTown, type TownSnapshot } from "../town/snapshot";
import type { Town } from "../town/town";
import type { ChatEntry, MemoryEntry, StepEntry } from "../store/entries";
import { describeDamage, type Damage, type Store, type TownMode, type TownRecord } from "../store/store";
import { TownJournal, type JournalOptions } from "./journal";
import { recordingMind, type AnswerSink } from "./recorded-mind";

/** 10 game seconds per step: a snapshot every 5 game minutes, six hours of them kept. */
export const LIVE_JOURNAL: JournalOptions = { snapshotEvery: 30, keepEvery: 2160 };
/** Headless runs snapshot every six game hours (a fork re-simulates at most that far), all kept. */
export const RUN_JOURNAL: JournalOptions = { snapshotEvery: 2160, keepEvery: 2160 };

/** A fresh id for a headless run or a fork (invite-code alphabet). */
export function newTownId(prefix = ""): string {
  return `${prefix}${randomBytes(6).toString("base64url")}`;
}

export function newRecord(town: Town, fields: { id: string; name: string; mode: TownMode } & Partial<TownRecord>): TownRecord {
  const now = Date.now();
  return {
    scenario: town.scenario.name,
    map: town.scenario.map,
    mind: town.mindLabel,
    seed: town.seed,
    private: false,
    hostId: null,
    isDefault: false,
    createdAt: now,
    updatedAt: now,
    step: town.clock.step,
    gameTimeMs: town.clock.nowMs,
    ...fields,
  };
}

/**
 * Builds a town whose mind's answers are journaled: `build` gets the recording mind (or,
 * for a deterministic mind, the mind itself).
 * The journal exists only once the town does, so the mind's sink is bound late.
 */
export function journaled(
  store: Store,
  inner: Mind,
  build: (mind: Mind) => Town,
  recordOf: (town: Town) => TownRecord,
  options: JournalOptions,
): { town: Town; journal: TownJournal } {
  let sink: AnswerSink = () => {};
  // A deterministic mind answers a replay the same again: nothing to record.
  const town = build(inner.deterministic ? inner : recordingMind(inner, (q, h, a) => sink(q, h, a)));
  const journal = new TownJournal(store, recordOf(town), town, options);
  sink = journal.answers;
  return { town, journal };
}

export interface Resumed {
  town: Town;
  journal: TownJournal;
  /** Step of the snapshot it started from, and memory nodes and lines put back after it. */
  fromSnapshot: number;
  restored: { memory: number; chat: number };
  damage: Damage[];
}

export class TownNotFound extends Error {
  override name = "TownNotFound";
}

/** Reads what a resume needs; damage is reported through `log` and returned. */
export async function readSaved(store: Store, id: string, atStep?: number) {
  const record = await store.getTown(id);
  if (!record) throw new TownNotFound(`no saved town "${id}" in ${store.kind === "files" ? store.where : "Redis"}`);
  const [memory, chat, steps] = await Promise.all([store.readLog<MemoryEntry>(id, "memory"), store.readLog<ChatEntry>(id, "chat"), store.readLog<StepEntry>(id, "steps")]);
  const damage = [memory, chat, steps].flatMap((l) => (l.damage ? [l.damage] : []));
  // The newest snapshot whose memories the log holds (a log cut short by damage holds fewer).
  for (let before = atStep; ; ) {
    const snap = await store.getSnapshot(id, before);
    if (!snap) throw new Error(`town ${id} (${record.name}) has no readable snapshot in ${store.where}: it cannot be brought back`);
    damage.unshift(...(snap.damage ?? []));
    try {
      fillMemories(snap.data, memory.entries);
    } catch (err) {
      damage.unshift({ town: id, where: `snapshot at step ${snap.step}`, position: "its memories", message: (err as Error).message });
      if (snap.step === 0) throw new Error(`town ${id} (${record.name}): no snapshot's memories are in its memory log (${(err as Error).message}): it cannot be brought back`);
      before = snap.step - 1;
      continue;
    }
    return { record, snap: { step: snap.step, data: snap.data }, memory: memory.entries, chat: chat.entries, steps: steps.entries, damage };
  }
}

/** Brings a saved town back as it was at its last write, journaling on. */
export async function resumeTown(store: Store, id: string, inner: Mind, options: JournalOptions & { log?: (m: string) => void }): Promise<Resumed> {
  const saved = await readSaved(store, id);
  const log = options.log ?? ((m: string) => console.error(`[store] ${m}`));
  for (const d of saved.damage) log(`damaged, recovered up to it: ${describeDamage(d)}`);
  const data = saved.snap.data as TownSnapshot;
  const { town, journal } = journaled(store, inner, (mind) => restoreTown(data, { maze: loadMaze(data.map), scenario: loadScenario(saved.record.scenario), mind, log }), () => saved.record, options);
  const restored = putBackLogs(town, saved, Infinity, log);
  journal.record.closed = undefined;
  journal.frame(true);
  return { town, journal, fromSnapshot: saved.snap.step, restored, damage: saved.damage };
}

/**
 * Memory nodes and lines the logs hold beyond the snapshot, up to `uptoStep`; the clock
 * goes on from the last step written, so time never runs backwards in the logs.
 */
export function putBackLogs(town: Town, saved: Awaited<ReturnType<typeof readSaved>>, uptoStep: number, log: (m: string) => void): { memory: number; chat: number } {
  const restored = { memory: 0, chat: 0 };
  for (const e of saved.memory) {
    if (e.step > uptoStep) break;
    const r = town.resident(e.resident);
    if (!r || r.memory.get(e.node.id)) continue;
    try {
      r.memory.restore(e.node);
      restored.memory++;
    } catch (err) {
      log(`town ${saved.record.id}: memory ${e.node.id} of ${e.resident} not restored: ${(err as Error).message}`);
    }
  }
  const data = saved.snap.data as TownSnapshot;
  const lines: ChatMessage[] = saved.chat.filter((e) => e.step <= uptoStep).map((e) => e.line);
  const feed = data.feed ?? { seq: 0, lines: [] };
  town.loadFeed(feed, lines);
  restored.chat = lines.filter((l) => l.seq > feed.seq).length;
  const written = saved.steps.filter((e) => e.step <= uptoStep);
  const lastStep = written.length > 0 ? written[written.length - 1].step : saved.snap.step;
  town.clock.step = Math.max(town.clock.step, lastStep);
  return restored;
}
