/**
 * Headless run in lockstep:
 *   npm run simulate -- --scenario ville-25 --days 2 --mind offline --seed 1 --out out/run1
 * Writes DIR/report.json, DIR/report.md and DIR/report.html (one page that opens offline).
 * `--whisper "Name: text"` plants a thought at the start (repeatable). `--save FILE` writes the town's snapshot at the end and
 * `--resume FILE` continues a saved town (the report covers the whole run).
 *
 * Every run is recorded in the store (DATA_DIR, default data/, or REDIS_URL; `--data-dir`
 * picks the directory, `--no-store` records nothing) and can be replayed and forked:
 *   --fork <town> [--at-step N]  starts from a saved town's state at step N (exact for a
 *                                recorded run: re-simulated on its recorded answers), then
 *                                runs --days more (0: just make the fork); --whisper and
 *                                --fact "Name: text", and --remove "Name", are interventions
 *   --replay <town>              re-simulates a recorded run on its recorded answers and
 *                                checks every position against the recording
 *
 * Ablations (the paper's, for experiments): `--ablate memory|reflection|planning` runs
 * residents without that part of the architecture (server/agents/ablation.ts). Such a run
 * is not recorded in the store: a replay or fork of it would not be ablated.
 *
 * Overlapping thinking (server/agents/overlap.ts): `--overlap on` (or "B,D,L" steps for
 * background questions, decisions and lines) applies each answer a fixed number of steps
 * after it was asked, so model calls of many steps run at once and the run stays exactly
 * reproducible. Worth it on a language model; the offline rules answer at once.
 *
 * `--residents N` runs only the scenario's first N residents (a smaller town of the same
 * people, for scaling runs); the report gives the process's peak memory (`peakRssMb`).
 *
 * Interview battery (server/eval/battery.ts): `--interview` puts it to every resident at
 * the end of a run (or fork), writes DIR/interview.json and adds it to the report;
 * `--interview-run <town>` puts it to a saved run as it was at its last write.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { countingMind } from "../server/mind/counting-mind";
import { createMind } from "../server/mind/create-mind";
import { RunRecorder } from "../server/report/recorder";
import { buildReport, reportMarkdown, type RunReport } from "../server/report/report";
import { formatClock, formatDate } from "../server/sim/clock";
import { loadScenario } from "../server/scenarios";
import { createTown, loadMaze } from "../server/town-factory";
import { restoreTown, snapshotTown } from "../server/town/snapshot";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { DEFAULT_CONFIG } from "../server/config";
import { forkTown, verifyReplay } from "../server/durable/fork";
import type { TownJournal } from "../server/durable/journal";
import { journaled, newRecord, newTownId, RUN_JOURNAL } from "../server/durable/saved-town";
import type { Mind } from "../server/mind/mind";
import { FileStore } from "../server/store/file-store";
import { openStore } from "../server/store/open-store";
import type { Store } from "../server/store/store";
import type { Town } from "../server/town/town";
import { relaunchForLargeTown } from "./young-generation";
import { ABLATIONS, type Ablation } from "../server/agents/context";
import { DEFAULT_OVERLAP, parseOverlap, type Overlap } from "../server/agents/overlap";
import { runReportHtml } from "../server/report/html";
import { interviewSavedRun, interviewTown } from "../server/eval/headless";

function fail(message: string): never {
  console.error(`simulate: ${message}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: "string", default: "ville-25" },
      days: { type: "string", default: "1" },
      mind: { type: "string" },
      seed: { type: "string", default: "1" },
      out: { type: "string", default: "out/run" },
      start: { type: "string" },
      whisper: { type: "string", multiple: true, default: [] },
      quiet: { type: "boolean", default: false },
      save: { type: "string" },
      resume: { type: "string" },
      "data-dir": { type: "string" },
      "no-store": { type: "boolean", default: false },
      fork: { type: "string" },
      "at-step": { type: "string" },
      fact: { type: "string", multiple: true, default: [] },
      remove: { type: "string", multiple: true, default: [] },
      replay: { type: "string" },
      name: { type: "string" },
      ablate: { type: "string" },
      interview: { type: "boolean", default: false },
      overlap: { type: "string" },
      residents: { type: "string" },
      "interview-run": { type: "string" },
    },
  });
  if (values.ablate !== undefined && !(ABLATIONS as readonly string[]).includes(values.ablate)) fail(`--ablate must be one of ${ABLATIONS.join(", ")}, got "${values.ablate}"`);
  if (values.ablate && (values.fork || values.replay)) fail("--ablate is for a new run (or --resume), not --fork or --replay");
  const ablate = values.ablate as Ablation | undefined;
  let overlap: Overlap | undefined;
  try {
    overlap = values.overlap === undefined ? undefined : values.overlap === "on" ? DEFAULT_OVERLAP : parseOverlap(values.overlap);
  } catch (e) {
    fail(`--overlap: ${(e as Error).message}`);
  }
  // Before anything is opened: a new run of a large town runs in a Node with a roomier young generation.
  if (!values.resume && !values.replay && !values.fork && !values["interview-run"]) relaunchForLargeTown(values.scenario, values.residents);
  const store = values["no-store"] || ablate ? null : openStore({ dataDir: values["data-dir"] ?? process.env.DATA_DIR ?? DEFAULT_CONFIG.dataDir, redisUrl: process.env.REDIS_URL });
  if (ablate && !values["no-store"]) console.log("(An ablated run is not recorded in the store: its replay would not be ablated.)");
  if (values.replay) return replay(values.replay, store, values.mind);
  if (values["interview-run"]) return interviewRun(values["interview-run"], store, values.mind, values.out, values.quiet);
  if (values.fork) return fork(values, store);
  const days = Number(values.days);
  const seed = Number(values.seed);
  if (!(days > 0 && days <= 30)) fail(`--days must be a number from 1 to 30, got "${values.days}"`);
  if (!Number.isInteger(seed)) fail(`--seed must be an integer, got "${values.seed}"`);
  const residents = values.residents === undefined ? undefined : Number(values.residents);
  if (residents !== undefined && !(Number.isInteger(residents) && residents >= 1)) fail(`--residents must be a whole number from 1, got "${values.residents}"`);
  if (residents !== undefined && values.resume) fail("--residents is for a new run, not --resume");
  if (values.mind && !["offline", "openai"].includes(values.mind)) fail(`--mind must be offline or openai, got "${values.mind}"`);

  const saved = values.resume ? readSaved(values.resume) : undefined;
  const env = { ...process.env, ...(values.mind ? { MIND: values.mind } : {}) };
  // A resumed town keeps its own seed, for the offline rules too.
  const created = createMind(env, saved?.town.seed ?? seed);
  const problem = await created.verify();
  if (problem) fail(problem);
  const { mind, counts } = countingMind(created.mind);
  const build = (m: Mind) =>
    saved ? restoreTown(saved.town, { maze: loadMaze(saved.town.map), scenario: loadScenario(saved.town.scenario), mind: m, ablate, overlap }) : createTown({ scenario: values.scenario, seed, mind: m, startTime: values.start, ablate, overlap, residents });
  const id = newTownId("run-");
  const opened = store ? journaled(store, mind, build, (t) => newRecord(t, { id, name: values.name ?? `${t.scenario.title}, seed ${t.seed}`, mode: "lockstep" }), RUN_JOURNAL) : { town: build(mind), journal: null };
  const { town, journal } = opened;
  // The run's memory log starts with everything its residents know: snapshots point into it.
  journal?.logAllMemories();
  intervene(town, values.whisper, values.fact);
  const recorder = saved ? RunRecorder.restore(town, saved.recorder) : new RunRecorder(town);
  const startMs = saved?.startMs ?? town.clock.nowMs;
  const steps = Math.round(days * town.clock.stepsPerDay);
  console.log(`Simulating ${town.scenario.name} (${town.allResidents().length} residents) for ${days} game day(s), ${steps} steps, mind: ${town.mindLabel}${ablate ? `, without ${ablate}` : ""}, seed ${seed}`);
  const t0 = performance.now();
  await town.settle();
  if (!saved) recorder.sample();
  if (journal) await startJournal(journal);
  await runSteps(town, steps, recorder, journal, values.quiet);
  if (journal) await endJournal(journal, store!);
  const report = buildReport(town, recorder, counts, { wallSeconds: (performance.now() - t0) / 1000, startMs, tokens: created.usage?.() });
  // The process's peak resident memory (kB on Linux), for the scaling benchmarks.
  report.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  mkdirSync(values.out, { recursive: true });
  if (values.save) {
    // Answers still on their way are waited for, so they are saved with their step.
    if (overlap) await town.drain();
    mkdirSync(dirname(values.save), { recursive: true });
    writeFileSync(values.save, JSON.stringify({ town: snapshotTown(town), recorder: recorder.toJSON(), startMs }));
    console.log(`Saved the town to ${values.save}`);
  }
  if (values.interview) await addInterview(town, report, values.out, values.quiet);
  writeFileSync(join(values.out, "report.json"), JSON.stringify(report, null, 2) + "\n");
  writeFileSync(join(values.out, "report.md"), reportMarkdown(report) + "\n");
  writeFileSync(join(values.out, "report.html"), runReportHtml(report));
  console.log(`Done in ${report.wallSeconds} s. ${report.conversations.length} conversations, ${report.reflections.length} reflections.`);
  for (const f of report.spread.facts) console.log(`  ${f.id}: known by ${f.knownAtStart} -> ${f.knownAtEnd}`);
  console.log(`  density ${report.density.start} -> ${report.density.end}`);
  console.log(`  peak memory ${report.peakRssMb} MB`);
  console.log(`Report: ${join(values.out, "report.md")}, report.json and report.html`);
}

/**
 * Steps in lockstep, with a progress line per game hour. The journal commits every hour
 * while the town steps on (the disk works beside the simulation); one commit at a time,
 * so a slow store holds the run back instead of piling up entries.
 */
async function runSteps(town: Town, steps: number, recorder: RunRecorder, journal: TownJournal | null, quiet: boolean): Promise<void> {
  const t0 = performance.now();
  let writing: Promise<boolean> | null = null;
  const written = async () => {
    if (writing && !(await writing)) console.error(`  (the store is failing: ${journal!.status.failure}; ${journal!.status.pending} entries kept, retrying)`);
  };
  for (let i = 1; i <= steps; i++) {
    town.step();
    await town.settle();
    recorder.sample();
    journal?.stepped();
    if (i % 360 !== 0) continue;
    if (journal) {
      await written();
      writing = journal.commit();
    }
    if (quiet) continue;
    const known = Object.entries(recorder.knownCounts()).map(([k, v]) => `${k} ${v}`).join(", ");
    const now = town.clock.nowMs;
    process.stdout.write(`  ${formatDate(now)} ${formatClock(now)}  ${Math.round((i / steps) * 100)}%  conversations ${town.conversations.log.length}  knows: ${known}  (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  }
  await written();
}

async function startJournal(journal: TownJournal): Promise<void> {
  journal.frame(true);
  if (!(await journal.saveRecord()) || !(await journal.snapshot())) fail(`cannot write to the store: ${journal.status.failure}`);
}

async function endJournal(journal: TownJournal, store: Store): Promise<void> {
  const ok = await journal.close();
  await store.close();
  if (ok) console.log(`Saved run ${journal.record.id} in ${store.where} (replay: /replay/${journal.record.id}; fork: npm run simulate -- --fork ${journal.record.id} --at-step N)`);
  else console.error(`The run could not be saved completely: ${journal.status.failure}`);
}

/** `--whisper` and `--fact` "Name: text": a thought, or a fact the report follows. */
function intervene(town: Town, whispers: string[], facts: string[]): void {
  const parse = (flag: string, w: string) => {
    const at = w.indexOf(":");
    const r = at > 0 ? town.residentByName(w.slice(0, at).trim()) : undefined;
    if (!r) fail(`--${flag} must be "Resident Name: text" with a resident of ${town.scenario.name}, got "${w}"`);
    return { r, text: w.slice(at + 1).trim() };
  };
  for (const w of whispers) {
    const { r, text } = parse("whisper", w);
    town.whisper(r.id, text);
  }
  facts.forEach((f, i) => {
    const { r, text } = parse("fact", f);
    town.plantFact(r.id, text, `planted-${i + 1}`);
  });
}

function mindFor(mindFlag: string | undefined, seed: number) {
  const env = { ...process.env, ...(mindFlag ? { MIND: mindFlag } : {}) };
  return createMind(env, seed);
}

async function fork(values: { fork?: string; "at-step"?: string; days: string; whisper: string[]; fact: string[]; remove: string[]; name?: string; out: string; quiet: boolean; mind?: string; interview: boolean }, store: Store | null): Promise<void> {
  if (!store) fail("--fork needs the store (drop --no-store)");
  const atStep = values["at-step"] === undefined ? undefined : Number(values["at-step"]);
  if (atStep !== undefined && !(Number.isInteger(atStep) && atStep >= 0)) fail(`--at-step must be a whole number from 0, got "${values["at-step"]}"`);
  const days = Number(values.days);
  if (!(days >= 0 && days <= 30)) fail(`--days must be a number from 0 to 30, got "${values.days}"`);
  const source = await store.getTown(values.fork!);
  if (!source) fail(`no saved town "${values.fork}" in ${store.where}`);
  const created = mindFor(values.mind, source.seed);
  const { mind, counts } = countingMind(created.mind);
  const t0 = performance.now();
  const interventions = [
    ...values.whisper.map((w) => ({ kind: "whisper" as const, ...split("whisper", w) })),
    ...values.fact.map((f, i) => ({ kind: "fact" as const, factId: `planted-${i + 1}`, ...split("fact", f) })),
    ...values.remove.map((name) => ({ kind: "remove" as const, resident: name.trim() })),
  ];
  const forked = await forkTown(store, source.id, { atStep, mind, journal: RUN_JOURNAL, interventions, ...(values.name && { name: values.name }) }).catch((err: Error) => fail(err.message));
  const asked = Object.values(counts.calls).reduce((a, b) => a + b, 0);
  console.log(`Forked ${source.id} at step ${forked.step} as ${forked.journal.record.id}: ${forked.replay.hits} recorded answers replayed, ${asked} questions asked of ${mind.label} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const { town, journal } = forked;
  const recorder = new RunRecorder(town);
  recorder.sample();
  const startMs = town.clock.nowMs;
  const steps = Math.round(days * town.clock.stepsPerDay);
  await runSteps(town, steps, recorder, journal, values.quiet);
  await endJournal(journal, store);
  if (steps === 0) return;
  const report = buildReport(town, recorder, counts, { wallSeconds: (performance.now() - t0) / 1000, startMs, tokens: created.usage?.() });
  // The process's peak resident memory (kB on Linux), for the scaling benchmarks.
  report.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  mkdirSync(values.out, { recursive: true });
  if (values.interview) await addInterview(town, report, values.out, values.quiet);
  writeFileSync(join(values.out, "report.json"), JSON.stringify(report, null, 2) + "\n");
  writeFileSync(join(values.out, "report.md"), reportMarkdown(report) + "\n");
  writeFileSync(join(values.out, "report.html"), runReportHtml(report));
  console.log(`Report: ${join(values.out, "report.md")}, report.json and report.html`);
}

/** The battery at the end of a run; its questions are not counted in the run's usage. */
async function addInterview(town: Town, report: RunReport, out: string, quiet: boolean): Promise<void> {
  report.usage = structuredClone(report.usage);
  report.interview = await interviewTown(town, out, { quiet });
}

async function interviewRun(id: string, store: Store | null, mindFlag: string | undefined, out: string, quiet: boolean): Promise<void> {
  if (!store) fail("--interview-run needs the store (drop --no-store)");
  await interviewSavedRun(store, id, (seed) => mindFor(mindFlag, seed).mind, out, { quiet }).catch((err: Error) => fail(err.message));
  await store.close();
}

function split(flag: string, w: string): { resident: string; text: string } {
  const at = w.indexOf(":");
  if (at <= 0) fail(`--${flag} must be "Resident Name: text", got "${w}"`);
  return { resident: w.slice(0, at).trim(), text: w.slice(at + 1).trim() };
}

async function replay(id: string, store: Store | null, mindFlag: string | undefined): Promise<void> {
  if (!store) fail("--replay needs the store (drop --no-store)");
  const source = await store.getTown(id);
  if (!source) fail(`no saved town "${id}" in ${store.where}`);
  if (source.mode !== "lockstep") fail(`town ${id} ran live (people, real-time answers): it can be replayed in the browser (/replay/${id}) but not re-simulated exactly`);
  const created = mindFor(mindFlag, source.seed);
  const { mind, counts } = countingMind(created.mind);
  const t0 = performance.now();
  const scratch = new FileStore(mkdtempSync(join(tmpdir(), "ville-replay-")));
  const check = await verifyReplay(store, id, { mind, journal: RUN_JOURNAL, scratchStore: scratch });
  const asked = Object.values(counts.calls).reduce((a, b) => a + b, 0);
  const seconds = (performance.now() - t0) / 1000;
  console.log(`Replayed ${check.steps} steps of ${id} in ${seconds.toFixed(1)} s (${(check.steps / 8640 / seconds).toFixed(2)} game days/s): ${check.replay.hits} recorded answers, ${asked} questions asked of ${mind.label}`);
  if (check.firstDifference === null) console.log("Every position and action matches the recording.");
  else {
    console.error(`Differs from the recording from step ${check.firstDifference} on.`);
    process.exitCode = 1;
  }
  await store.close();
}

function readSaved(file: string): { town: ReturnType<typeof snapshotTown>; recorder: ReturnType<RunRecorder["toJSON"]>; startMs: number } {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    fail(`--resume: cannot read ${file}: ${(err as Error).message}`);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
