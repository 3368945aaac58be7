/**
 * Durable towns: what keeping a town costs and how fast it comes back. A `ville-25` run of
 * two game days, lockstep, offline mind, journaled into a file store (as `npm run simulate`
 * records every run): wall time with and without the journal, the final snapshot's size
 * and write time, log bytes per game day, resume time, and replay speed (re-simulating
 * the run on its recorded answers and checking every frame).
 */
import { existsSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { verifyReplay } from "../server/durable/fork";
import { journaled, newRecord, resumeTown, RUN_JOURNAL } from "../server/durable/saved-town";
import { OfflineMind } from "../server/mind/offline/offline-mind";
import { FileStore } from "../server/store/file-store";
import { LOG_NAMES } from "../server/store/store";
import { createTown } from "../server/town-factory";
import { snapshotTown } from "../server/town/snapshot";
import type { Town } from "../server/town/town";

const DAYS = 2;
const STEPS_PER_DAY = 8640;

export interface DurableFigures {
  plainSeconds: number;
  journaledSeconds: number;
  snapshotBytes: number;
  snapshotWriteMs: number;
  logBytesPerDay: Record<string, number>;
  resumeMs: number;
  replayDaysPerSecond: number;
  replayMatches: boolean;
  /** One chat line appended and fsynced (what a live town waits before sending a line): p50, p99 of 300. */
  appendMs: { p50: number; p99: number };
}

async function run(town: Town, steps: number, each?: () => Promise<unknown> | void): Promise<number> {
  const t0 = performance.now();
  for (let i = 1; i <= steps; i++) {
    town.step();
    await town.settle();
    await each?.();
  }
  return (performance.now() - t0) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function durableBench(): Promise<DurableFigures> {
  const steps = DAYS * STEPS_PER_DAY;
  const plain = createTown({ scenario: "ville-25", seed: 1, mind: new OfflineMind(1) });
  await plain.settle();
  const plainSeconds = await run(plain, steps);

  const dir = mkdtempSync(join(tmpdir(), "ville-bench-durable-"));
  const store = new FileStore(dir);
  const { town, journal } = journaled(store, new OfflineMind(1), (mind) => createTown({ scenario: "ville-25", seed: 1, mind }), (t) => newRecord(t, { id: "bench", name: "bench", mode: "lockstep" }), RUN_JOURNAL);
  await town.settle();
  journal.frame(true);
  await journal.saveRecord();
  await journal.snapshot();
  const journaledSeconds = await run(town, steps, () => {
    journal.stepped();
    if (town.clock.step % 360 === 0) return journal.commit();
  });
  await journal.close();

  // The final snapshot, written five more times.
  const writes: number[] = [];
  let snapshotBytes = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const data = snapshotTown(town);
    await store.putSnapshot("bench-snap", i, data);
    writes.push(performance.now() - t0);
    snapshotBytes = statSync(join(dir, "towns", "bench-snap", "snapshots", `${String(i).padStart(10, "0")}.json`)).size;
  }
  const logBytesPerDay: Record<string, number> = {};
  // The offline mind is deterministic: no answers log.
  for (const log of LOG_NAMES) logBytesPerDay[log] = (existsSync(join(dir, "towns", "bench", `${log}.jsonl`)) ? statSync(join(dir, "towns", "bench", `${log}.jsonl`)).size : 0) / DAYS;
  logBytesPerDay.snapshots = readdirSync(join(dir, "towns", "bench", "snapshots")).reduce((n, f) => n + statSync(join(dir, "towns", "bench", "snapshots", f)).size, 0) / DAYS;

  const resumes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await resumeTown(store, "bench", new OfflineMind(1), { ...RUN_JOURNAL, log: () => undefined });
    resumes.push(performance.now() - t0);
  }

  const t0 = performance.now();
  const check = await verifyReplay(store, "bench", { mind: new OfflineMind(1), journal: RUN_JOURNAL, scratchStore: new FileStore(mkdtempSync(join(tmpdir(), "ville-bench-replay-"))), log: () => undefined });
  const replaySeconds = (performance.now() - t0) / 1000;
  const appends: number[] = [];
  for (let i = 0; i < 300; i++) {
    const a0 = performance.now();
    await store.append("bench-append", "chat", [{ step: i, line: { seq: i, text: "Good morning! Are you coming to the party tonight?" } }]);
    appends.push(performance.now() - a0);
  }
  appends.sort((a, b) => a - b);
  await store.close();
  return {
    appendMs: { p50: appends[150], p99: appends[296] },
    plainSeconds,
    journaledSeconds,
    snapshotBytes,
    snapshotWriteMs: median(writes),
    logBytesPerDay,
    resumeMs: median(resumes),
    replayDaysPerSecond: check.steps / STEPS_PER_DAY / replaySeconds,
    replayMatches: check.firstDifference === null,
  };
}

export function durableLines(f: DurableFigures): string[] {
  const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
  return [
    `ville-25, ${DAYS} game days, offline mind: ${f.plainSeconds.toFixed(1)} s without the journal, ${f.journaledSeconds.toFixed(1)} s journaled into files (x${(f.journaledSeconds / f.plainSeconds).toFixed(2)})`,
    `snapshot after ${DAYS} days: ${mb(f.snapshotBytes)}, written (serialised, fsynced, renamed) in ${f.snapshotWriteMs.toFixed(0)} ms (median of 5)`,
    `per game day: ${Object.entries(f.logBytesPerDay).map(([k, v]) => `${k} ${mb(v)}`).join(", ")}`,
    `resume (newest snapshot + logs read back): ${f.resumeMs.toFixed(0)} ms (median of 3)`,
    `one line appended and fsynced: p50 ${f.appendMs.p50.toFixed(2)} ms, p99 ${f.appendMs.p99.toFixed(2)} ms (300 appends)`,
    `replay on recorded answers: ${f.replayDaysPerSecond.toFixed(2)} game days/s, ${f.replayMatches ? "every frame as recorded" : "DIFFERS from the recording"}`,
  ];
}
