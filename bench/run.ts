/**
 * `npm run bench`: prints the figures kept in docs/BENCHMARKS.md.
 * Pass names to run a subset: `npm run bench -- sim path net tokens tick latency`.
 * Two people benchmarks take minutes and run only when named (or with `--people`,
 * which runs all three): `crowd` (500 bot players in one town, ~3.5 min) and `towns`
 * (towns per process, ~5-10 min). `scale` (two server processes on one Redis, 200 bots, ~2 min)
 * runs only when named, as does `lane` (a person's reply with and without the model queue's fast
 * lane, ~8 min). `durable` (keeping a ville-25 run of two game days:
 * journal cost, snapshot, logs, resume, replay; ~2 min) runs when named or with `--durable`.
 */
import { WebSocket } from "ws";
import { simThroughput } from "./sim-throughput";
import { pathfindingBench } from "./pathfinding";
import { spectatorBandwidth, tickTimes } from "./network";
import { llmTokenBench, tokenBenchLines } from "./llm-tokens";
import { latencyLines, lineToFirstToken } from "./people-latency";
import { crowdBench, crowdLines } from "./people-crowd";
import { townsLines, townsPerProcess } from "./people-towns";
import { durableBench, durableLines } from "./durable";
import { scaleBench, scaleLines } from "./scale";
import { fastLaneBench, laneLines, laneRunLine } from "./fast-lane";

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
const wanted = new Set(process.argv.slice(2));
/** Too slow for the default run: only when named, or with --people. */
const SLOW = new Set(["crowd", "towns", "durable", "scale", "lane"]);
const PEOPLE = new Set(["latency", "crowd", "towns"]);
const named = [...wanted].filter((w) => !w.startsWith("--"));
const want = (name: string) =>
  wanted.has(name) || (wanted.has("--people") && PEOPLE.has(name)) || (wanted.has("--durable") && name === "durable") || (named.length === 0 && !wanted.has("--people") && !wanted.has("--durable") && !SLOW.has(name));
const fmt = (n: number, digits = 1) => n.toLocaleString("en-US", { maximumFractionDigits: digits });

async function main(): Promise<void> {
  console.log(`Ville benchmarks — node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  if (want("sim")) {
    for (const residents of [25, 500]) {
      const r = await simThroughput(residents, 8640);
      console.log(`sim: ${residents} residents, 1 game day (8,640 steps) lockstep, offline mind: ${fmt(r.seconds, 2)} s, ${fmt(r.agentStepsPerSecond, 0)} agent-steps/s`);
    }
  }
  if (want("path")) {
    const p = pathfindingBench(2000);
    console.log(`path: ${p.queries} random queries on the town map: mean ${fmt(p.meanMs, 3)} ms, p50 ${fmt(p.p50Ms, 3)} ms, p99 ${fmt(p.p99Ms, 3)} ms, mean length ${fmt(p.meanLength, 0)} tiles`);
  }
  if (want("net")) {
    const b = await spectatorBandwidth(20, 1000);
    console.log(`net: one spectator, 25 residents walking, step ${b.stepMs} ms, ${b.seconds} s: ${fmt(b.bytesPerSecond, 0)} B/s sent to the spectator (state patches and chat lines)`);
  }
  if (want("tokens")) {
    for (const line of tokenBenchLines(await llmTokenBench())) console.log(`tokens: ${line}`);
  }
  if (want("tick")) {
    const t = await tickTimes(50, 20, 1000);
    console.log(`tick: 25 residents + ${t.bots} bot players, ${t.ticks} ticks of 50 ms: p50 ${fmt(t.p50Ms, 3)} ms, p99 ${fmt(t.p99Ms, 3)} ms, max ${fmt(t.maxMs, 2)} ms`);
  }
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
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
