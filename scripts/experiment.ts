/**
 * Several seeds of the same headless run, and the paper's measures over them:
 *   npm run experiment -- --scenario ville-25 --days 2 --seeds 5 --out DIR \
 *     [--mind offline|openai] [--ablate memory|reflection|planning] [--interview]
 *     [--parallel N (default: one per core)] [--first-seed N (default 1)]
 * Each seed is its own `simulate` process (DIR/seed-N/, its log in DIR/seed-N/simulate.log),
 * at most one per core at a time. Then DIR/experiment.json, report.md and report.html
 * hold the median and range over seeds (server/report/experiment.ts).
 */
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { ABLATIONS, type Ablation } from "../server/agents/context";
import { experimentMarkdown, experimentTitle, summariseExperiment, summaryRows, type SeedReport } from "../server/report/experiment";
import { reportHtml } from "../server/report/html";

function fail(message: string): never {
  console.error(`experiment: ${message}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    scenario: { type: "string", default: "ville-25" },
    days: { type: "string", default: "2" },
    seeds: { type: "string", default: "5" },
    "first-seed": { type: "string", default: "1" },
    out: { type: "string" },
    mind: { type: "string" },
    ablate: { type: "string" },
    interview: { type: "boolean", default: false },
    parallel: { type: "string" },
  },
});

const days = Number(values.days);
const count = Number(values.seeds);
const firstSeed = Number(values["first-seed"]);
if (!values.out) fail("--out DIR is required (each seed writes DIR/seed-N/, the summary goes to DIR/)");
if (!(days > 0 && days <= 30)) fail(`--days must be a number from 1 to 30, got "${values.days}"`);
if (!(Number.isInteger(count) && count >= 1 && count <= 100)) fail(`--seeds must be a whole number from 1 to 100, got "${values.seeds}"`);
if (!Number.isInteger(firstSeed)) fail(`--first-seed must be an integer, got "${values["first-seed"]}"`);
if (values.mind && !["offline", "openai"].includes(values.mind)) fail(`--mind must be offline or openai, got "${values.mind}"`);
if (values.ablate && !(ABLATIONS as readonly string[]).includes(values.ablate)) fail(`--ablate must be one of ${ABLATIONS.join(", ")}, got "${values.ablate}"`);
const parallel = values.parallel === undefined ? Math.min(availableParallelism(), count) : Number(values.parallel);
if (!(Number.isInteger(parallel) && parallel >= 1)) fail(`--parallel must be a whole number from 1, got "${values.parallel}"`);

const root = process.cwd();
const out = resolve(values.out);
const seeds = Array.from({ length: count }, (_, i) => firstSeed + i);
const ablate = (values.ablate as Ablation | undefined) ?? null;

/** One seed in its own process (plain node with tsx: fast, and a crash stays in its seed). */
function runSeed(seed: number): Promise<void> {
  const dir = join(out, `seed-${seed}`);
  mkdirSync(dir, { recursive: true });
  const args = ["--import", "tsx", join(root, "scripts/simulate.ts"), "--scenario", values.scenario!, "--days", String(days), "--seed", String(seed), "--no-store", "--quiet", "--out", dir];
  if (values.mind) args.push("--mind", values.mind);
  if (ablate) args.push("--ablate", ablate);
  if (values.interview) args.push("--interview");
  const log = createWriteStream(join(dir, "simulate.log"));
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: process.env });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on("error", reject);
    child.on("close", (code) => {
      log.end();
      if (code === 0) done();
      else reject(new Error(`seed ${seed} failed (exit ${code}); see ${join(dir, "simulate.log")}:\n${tail(join(dir, "simulate.log"))}`));
    });
  });
}

function tail(file: string): string {
  try {
    return readFileSync(file, "utf8").trim().split("\n").slice(-8).map((l) => `  ${l}`).join("\n");
  } catch {
    return "  (no log)";
  }
}

/** Runs the seeds, `parallel` at a time, in seed order of starting. */
async function runAll(): Promise<void> {
  const queue = [...seeds];
  const failures: Error[] = [];
  const worker = async () => {
    for (let seed = queue.shift(); seed !== undefined; seed = queue.shift()) {
      const t0 = performance.now();
      try {
        await runSeed(seed);
        console.log(`  seed ${seed} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      } catch (err) {
        failures.push(err as Error);
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  if (failures.length > 0) fail(failures.map((f) => f.message).join("\n"));
}

async function main(): Promise<void> {
  const title = experimentTitle({ scenario: values.scenario!, days, seeds, mind: values.mind ?? "default mind", ablate, interview: values.interview, parallel, wallSeconds: 0 });
  console.log(`Experiment: ${title}; ${parallel} at a time, into ${out}`);
  const t0 = performance.now();
  await runAll();
  const runs = seeds.map((seed) => {
    const dir = join(out, `seed-${seed}`);
    return { seed, dir, report: JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as SeedReport };
  });
  const experiment = summariseExperiment(runs, {
    scenario: values.scenario!,
    days,
    mind: runs[0].report.mind,
    ablate,
    interview: values.interview,
    parallel,
    wallSeconds: Math.round((performance.now() - t0) / 100) / 10,
  });
  writeFileSync(join(out, "experiment.json"), JSON.stringify(experiment, null, 2) + "\n");
  writeFileSync(join(out, "report.md"), experimentMarkdown(experiment) + "\n");
  writeFileSync(join(out, "report.html"), reportHtml(experiment, runs.map((r) => r.report), { root }));
  console.log(`\n${experimentTitle(experiment)}: median (range) over seeds ${seeds.join(", ")}`);
  const rows = summaryRows(experiment);
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [measure, value, , paper] of rows) console.log(`  ${measure.padEnd(width)}  ${value}${paper ? `   (paper: ${paper})` : ""}`);
  console.log(`\nWall time ${experiment.wallSeconds} s. Wrote ${join(out, "experiment.json")}, report.md and report.html`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
