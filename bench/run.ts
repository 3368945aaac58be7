/**
 * `npm run bench`: measures and prints the figures of docs/BENCHMARKS.md, and writes the
 * ones it measured into docs/bench-results.json and the generated "Figures" section of
 * docs/BENCHMARKS.md (bench/record.ts): median and range over `--runs N` runs (default 3),
 * with the date, commit, Node and CPU. `--no-save` only prints.
 *
 * Pass names to run a subset: `npm run bench -- headless scaling path net tick tokens`
 * (that is the default set). Named only, as they take minutes: `overlap` (a ville-25 day
 * on 500 ms model answers with and without overlapping calls, ~10 min), `lane` (a
 * person's reply with and without the model queue's fast lane, ~8 min), `latency`,
 * `crowd` and `towns` (people in towns; `--people` runs the three), `durable` (keeping
 * a ville-25 run of two game days), `scale` (two server processes on one Redis) and
 * `citytick` (the live server's tick with the 1,000-resident city, ~4 min).
 */
import { WebSocket } from "ws";
import { pathfindingBench } from "./pathfinding";
import { spectatorBandwidth, tickTimes } from "./network";
import { latencyLines, lineToFirstToken } from "./people-latency";
import { crowdBench, crowdLines } from "./people-crowd";
import { townsLines, townsPerProcess } from "./people-towns";
import { durableBench, durableLines } from "./durable";
import { scaleBench, scaleLines } from "./scale";
import { fastLaneBench, laneFigures, laneLines, laneRunLine } from "./fast-lane";
import { gridWalkFigures, scalingFigures, twoDayFigures } from "./headless";
import { overlapFigures } from "./overlap";
import { saveFigures, type Figure } from "./record";
import { llmTownTokenBench, townTokenLines } from "./llm-town-tokens";
import { baselineTokenFigures, baselineTokenRun, townTokenFigures } from "./token-figures";

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
const wanted = new Set(process.argv.slice(2));
/** Too slow for the default run: only when named, or with --people. */
const SLOW = new Set(["crowd", "towns", "durable", "scale", "lane", "overlap", "latency", "citytick"]);
const PEOPLE = new Set(["latency", "crowd", "towns"]);
const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
if (!(Number.isInteger(RUNS) && RUNS >= 1)) throw new Error(`--runs must be a whole number from 1, got "${args[runsAt + 1]}"`);
const named = [...wanted].filter((w) => !w.startsWith("--") && !(runsAt >= 0 && w === args[runsAt + 1]));
const want = (name: string) =>
  wanted.has(name) || (wanted.has("--people") && PEOPLE.has(name)) || (wanted.has("--durable") && name === "durable") || (named.length === 0 && !wanted.has("--people") && !wanted.has("--durable") && !SLOW.has(name));
const fmt = (n: number, digits = 1) => n.toLocaleString("en-US", { maximumFractionDigits: digits });

async function main(): Promise<void> {
  console.log(`Ville benchmarks — node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${RUNS} run(s) each`);
  const figures: Record<string, Figure> = {};
  const log = (prefix: string) => (line: string) => console.log(`${prefix}: ${line}`);
  if (want("headless")) Object.assign(figures, await twoDayFigures(RUNS, undefined, log("headless")));
  if (want("scaling")) {
    Object.assign(figures, gridWalkFigures(RUNS, log("scaling")), await scalingFigures(RUNS, log("scaling")));
    const walk = figures["scaling.walk.rate"].runs, full = figures["scaling.25.rate"].runs;
    const ratio = full.map((f, i) => f / walk[i]);
    console.log(`scaling: the full step of ville-25 runs at ${ratio.map((r) => `${(r * 100).toFixed(1)}%`).join(", ")} of the pure grid walk's rate`);
    figures["scaling.walk.share"] = { group: figures["scaling.walk.rate"].group, name: "25 residents, full step, as a share of the pure grid walk's rate", unit: "%", runs: ratio.map((r) => r * 100), command: "npm run bench -- scaling", digits: 1 };
  }
  if (want("path")) {
    const mean: number[] = [], p99: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const p = pathfindingBench(2000);
      mean.push(p.meanMs);
      p99.push(p.p99Ms);
      console.log(`path: ${p.queries} random queries on the town map: mean ${fmt(p.meanMs, 3)} ms, p50 ${fmt(p.p50Ms, 3)} ms, p99 ${fmt(p.p99Ms, 3)} ms, mean length ${fmt(p.meanLength, 0)} tiles`);
    }
    const group = "Path finding (A* on the 160 x 100 `ville` map, 2,000 random queries a run)";
    figures["path.mean"] = { group, name: "mean per query", unit: "ms", runs: mean, command: "npm run bench -- path", digits: 3 };
    figures["path.p99"] = { group, name: "p99 per query", unit: "ms", runs: p99, command: "npm run bench -- path", digits: 3 };
  }
  if (want("net")) {
    const b = await spectatorBandwidth(20, 1000);
    console.log(`net: one spectator, 25 residents walking, step ${b.stepMs} ms, ${b.seconds} s: ${fmt(b.bytesPerSecond, 0)} B/s sent to the spectator (state patches and chat lines)`);
    figures["net.spectator"] = { group: "Network and ticks (a real server on loopback)", name: "one spectator, 25 residents walking, a step a second: bytes sent per second", unit: "B/s", runs: [b.bytesPerSecond], command: "npm run bench -- net", digits: 0 };
  }
  if (want("tick")) {
    const t = await tickTimes(50, 20, 1000);
    console.log(`tick: 25 residents + ${t.bots} bot players, ${t.ticks} ticks of 50 ms: p50 ${fmt(t.p50Ms, 3)} ms, p99 ${fmt(t.p99Ms, 3)} ms, max ${fmt(t.maxMs, 2)} ms`);
    const group = "Network and ticks (a real server on loopback)";
    figures["tick.p50"] = { group, name: `server tick, 25 residents and ${t.bots} bot players: p50`, unit: "ms", runs: [t.p50Ms], command: "npm run bench -- tick", digits: 2 };
    figures["tick.p99"] = { group, name: `server tick, 25 residents and ${t.bots} bot players: p99`, unit: "ms", runs: [t.p99Ms], command: "npm run bench -- tick", digits: 2 };
  }
  if (want("citytick")) {
    // The city as a live town: the public town on city-1000, a step a second (the default), from 8 am.
    const p50: number[] = [], p99: number[] = [], max: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = await tickTimes(5, 60, 1000, "city-1000");
      console.log(`citytick: city-1000 live, 5 bot players, ${t.ticks} ticks of 50 ms over 60 s: p50 ${fmt(t.p50Ms, 2)} ms, p99 ${fmt(t.p99Ms, 1)} ms, max ${fmt(t.maxMs, 1)} ms`);
      p50.push(t.p50Ms);
      p99.push(t.p99Ms);
      max.push(t.maxMs);
    }
    const group = "Network and ticks (a real server on loopback)";
    const command = "npm run bench -- citytick";
    figures["citytick.p50"] = { group, name: "server tick, `city-1000` live (1,000 residents, a step a second, 5 bot players, first minute from 8 am): p50", unit: "ms", runs: p50, command, digits: 2 };
    figures["citytick.p99"] = { group, name: "server tick, `city-1000` live: p99", unit: "ms", runs: p99, command, digits: 1 };
    figures["citytick.max"] = { group, name: "server tick, `city-1000` live: slowest tick", unit: "ms", runs: max, command, digits: 1 };
  }
  if (want("tokens")) {
    const r = await llmTownTokenBench();
    for (const line of townTokenLines(r)) console.log(`tokens: ${line}`);
    const before = baselineTokenRun();
    for (const line of townTokenLines(before)) console.log(`tokens, at the baseline: ${line}`);
    Object.assign(figures, townTokenFigures(r), baselineTokenFigures(r, before));
  }
  if (want("overlap")) Object.assign(figures, await overlapFigures(undefined, log("overlap")));
  if (want("latency")) {
    for (const line of latencyLines(await lineToFirstToken())) console.log(`latency: ${line}`);
  }
  if (want("crowd")) {
    for (const line of crowdLines(await crowdBench())) console.log(`crowd: ${line}`);
  }
  if (want("durable")) {
    for (const line of durableLines(await durableBench())) console.log(`durable: ${line}`);
  }
  if (want("towns")) {
    for (const line of townsLines(await townsPerProcess())) console.log(`towns: ${line}`);
  }
  if (want("scale")) {
    for (const line of scaleLines(await scaleBench())) console.log(`scale: ${line}`);
  }
  if (want("lane")) {
    const r = await fastLaneBench({}, (run, i) => console.log(`lane: ${laneRunLine(run, i)}`));
    for (const line of laneLines(r)) console.log(`lane: ${line}`);
    Object.assign(figures, laneFigures(r));
  }
  if (Object.keys(figures).length > 0 && !wanted.has("--no-save")) {
    saveFigures(figures);
    console.log(`Wrote ${Object.keys(figures).length} figures to docs/bench-results.json and the figures section of docs/BENCHMARKS.md`);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
