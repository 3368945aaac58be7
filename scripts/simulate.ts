/**
 * Headless run in lockstep:
 *   npm run simulate -- --scenario ville-25 --days 2 --mind offline --seed 1 --out out/run1
 * Writes DIR/report.json and DIR/report.md. `--whisper "Name: text"` plants a thought
 * at the start (repeatable). `--save FILE` writes the town's snapshot at the end and
 * `--resume FILE` continues a saved town (the report covers the whole run).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { countingMind } from "../server/mind/counting-mind";
import { createMind } from "../server/mind/create-mind";
import { RunRecorder } from "../server/report/recorder";
import { buildReport, reportMarkdown } from "../server/report/report";
import { formatClock, formatDate } from "../server/sim/clock";
import { loadScenario } from "../server/scenarios";
import { createTown, loadMaze } from "../server/town-factory";
import { restoreTown, snapshotTown } from "../server/town/snapshot";

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
    },
  });
  const days = Number(values.days);
  const seed = Number(values.seed);
  if (!(days > 0 && days <= 30)) fail(`--days must be a number from 1 to 30, got "${values.days}"`);
  if (!Number.isInteger(seed)) fail(`--seed must be an integer, got "${values.seed}"`);
  if (values.mind && !["offline", "openai"].includes(values.mind)) fail(`--mind must be offline or openai, got "${values.mind}"`);

  const saved = values.resume ? readSaved(values.resume) : undefined;
  const env = { ...process.env, ...(values.mind ? { MIND: values.mind } : {}) };
  // A resumed town keeps its own seed, for the offline rules too.
  const created = createMind(env, saved?.town.seed ?? seed);
  const problem = await created.verify();
  if (problem) fail(problem);
  const { mind, counts } = countingMind(created.mind);
  const town = saved
    ? restoreTown(saved.town, { maze: loadMaze(saved.town.map), scenario: loadScenario(saved.town.scenario), mind })
    : createTown({ scenario: values.scenario, seed, mind, startTime: values.start });
  for (const w of values.whisper) {
    const at = w.indexOf(":");
    const r = at > 0 ? town.residentByName(w.slice(0, at).trim()) : undefined;
    if (!r) fail(`--whisper must be "Resident Name: text" with a resident of ${town.scenario.name}, got "${w}"`);
    town.whisper(r.id, w.slice(at + 1).trim());
  }
  const recorder = saved ? RunRecorder.restore(town, saved.recorder) : new RunRecorder(town);
  const startMs = saved?.startMs ?? town.clock.nowMs;
  const steps = Math.round(days * town.clock.stepsPerDay);
  console.log(`Simulating ${town.scenario.name} (${town.allResidents().length} residents) for ${days} game day(s), ${steps} steps, mind: ${town.mindLabel}, seed ${seed}`);
  const t0 = performance.now();
  await town.settle();
  if (!saved) recorder.sample();
  for (let i = 1; i <= steps; i++) {
    town.step();
    await town.settle();
    recorder.sample();
    if (!values.quiet && i % 360 === 0) {
      const known = Object.entries(recorder.knownCounts()).map(([k, v]) => `${k} ${v}`).join(", ");
      const now = town.clock.nowMs;
      process.stdout.write(`  ${formatDate(now)} ${formatClock(now)}  ${Math.round((i / steps) * 100)}%  conversations ${town.conversations.log.length}  knows: ${known}  (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
    }
  }
  const report = buildReport(town, recorder, counts, { wallSeconds: (performance.now() - t0) / 1000, startMs, tokens: created.usage?.() });
  mkdirSync(values.out, { recursive: true });
  if (values.save) {
    mkdirSync(dirname(values.save), { recursive: true });
    writeFileSync(values.save, JSON.stringify({ town: snapshotTown(town), recorder: recorder.toJSON(), startMs }));
    console.log(`Saved the town to ${values.save}`);
  }
  writeFileSync(join(values.out, "report.json"), JSON.stringify(report, null, 2) + "\n");
  writeFileSync(join(values.out, "report.md"), reportMarkdown(report) + "\n");
  console.log(`Done in ${report.wallSeconds} s. ${report.conversations.length} conversations, ${report.reflections.length} reflections.`);
  for (const f of report.spread.facts) console.log(`  ${f.id}: known by ${f.knownAtStart} -> ${f.knownAtEnd}`);
  console.log(`  density ${report.density.start} -> ${report.density.end}`);
  console.log(`Report: ${join(values.out, "report.md")} and report.json`);
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
