/**
 * Towns per process: one server process (ville-25 towns, offline mind, a step per
 * second) with N towns made by `matchMaker.createRoom("town", {})`, one bot player in
 * each (people-swarm.ts, in a child process, a move per second to a tile 1-4 steps
 * away). N grows by levels; at each level the towns run `warmSeconds` (new towns plan
 * their residents' day first), then every town's tick durations are recorded for
 * `seconds`. The level passes while the p99 of all towns' ticks together stays at or
 * under `limitMs`; the answer is the largest N that passed. Each tick is timed by the
 * room itself (TownRoom.tickDurations), so it does not grow when the process is merely
 * busy: the event-loop delay (how late ticks start) and utilisation are printed beside
 * it, the largest N whose loop delay p99 stays under `limitMs` is reported too, and the
 * search stops when the loop delay p99 passes `maxLoopDelayMs` (saturated).
 *
 * `npx tsx bench/people-towns.ts [--levels 1,4,16,64,128,192,256] [--seconds 20] [--warm 10] [--limit-ms 20]`
 */
import { matchMaker } from "@colyseus/core";
import { startServer } from "../server/app";
import { ensureWebSocket, fmt, isMain, localTownRoom, loopMonitor, numberArg, stallText, type LoopFigures, percentile, sleep, summarize, SwarmProcess, type Summary } from "./people-common";

export interface TownsOptions {
  levels: number[];
  seconds: number;
  warmSeconds: number;
  limitMs: number;
  maxLoopDelayMs: number;
}

export const DEFAULT_TOWNS: TownsOptions = {
  levels: [1, 4, 16, 64, 128, 192, 256, 320, 384, 448, 512, 640],
  seconds: 20,
  warmSeconds: 10,
  limitMs: 20,
  maxLoopDelayMs: 250,
};

export interface TownsLevel {
  towns: number;
  /** All towns' ticks together. */
  ticks: Summary;
  /** The worst town's p99. */
  worstTownP99: number;
  loop: LoopFigures;
  rssMb: number;
  /** ms to create the towns added at this level, each. */
  createMs: number;
}

export interface TownsResult {
  options: TownsOptions;
  levels: TownsLevel[];
  /** The largest N whose tick p99 stayed under the limit (0: none). */
  largestUnderLimit: number;
  /** The largest N (of a run of passing levels from the first) whose event-loop delay p99 stayed under the limit: ticks on time. */
  largestOnTime: number;
  /** Why the search stopped. */
  stop: string;
}

export async function townsPerProcess(opts: Partial<TownsOptions> = {}): Promise<TownsResult> {
  const o: TownsOptions = { ...DEFAULT_TOWNS, ...opts };
  ensureWebSocket();
  const maxTowns = Math.max(...o.levels) + 1;
  const server = await startServer({ port: 0, host: "127.0.0.1", scenario: "ville-25", seed: 1, defaultTown: false, maxTowns, idleMs: 3_600_000 });
  const url = `ws://127.0.0.1:${server.port}`;
  const bots = new SwarmProcess();
  const roomIds: string[] = [];
  const levels: TownsLevel[] = [];
  let largestUnderLimit = 0;
  let largestOnTime = 0;
  let onTime = true;
  let stop = `reached the last level (${Math.max(...o.levels)} towns)`;
  try {
    await bots.ask({ role: "bots", url, rooms: [], seed: 11, decode: false, joinConcurrency: 4 }, "joined");
    for (const n of o.levels) {
      const added: string[] = [];
      const t0 = performance.now();
      while (roomIds.length < n) {
        const listing = await matchMaker.createRoom("town", {});
        roomIds.push(listing.roomId);
        added.push(listing.roomId);
      }
      const createMs = added.length > 0 ? (performance.now() - t0) / added.length : 0;
      const joined = await bots.ask<{ joined: number }>({ cmd: "add", rooms: added }, "joined");
      if (joined.joined !== roomIds.length) throw new Error(`${joined.joined} bots for ${roomIds.length} towns`);
      const over = bots.next("sending-over");
      const done = bots.ask({ cmd: "go", scatterSeconds: 0, seconds: o.warmSeconds + o.seconds, sayEverySeconds: 0, moveEveryMs: 1000 }, "done");
      await sleep(o.warmSeconds * 1000);
      const rooms = roomIds.map(localTownRoom);
      for (const r of rooms) r.tickDurations(true);
      const monitor = loopMonitor();
      await over;
      const loop = monitor.stop();
      const perTown = rooms.map((r) => r.tickDurations());
      await done;
      const all = perTown.flat();
      const level: TownsLevel = {
        towns: n,
        ticks: summarize(all),
        worstTownP99: Math.max(...perTown.map((t) => percentile([...t].sort((a, b) => a - b), 0.99))),
        loop,
        rssMb: process.memoryUsage().rss / 2 ** 20,
        createMs,
      };
      levels.push(level);
      if (process.env.BENCH_VERBOSE) console.error(`towns: ${levelLine(level)}`);
      if (level.ticks.p99 > o.limitMs) {
        stop = `tick p99 ${fmt(level.ticks.p99, 1)} ms > ${o.limitMs} ms at ${n} towns`;
        break;
      }
      largestUnderLimit = n;
      onTime &&= loop.delayP99Ms <= o.limitMs;
      if (onTime) largestOnTime = n;
      if (loop.delayP99Ms > o.maxLoopDelayMs) {
        stop = `event loop saturated at ${n} towns (delay p99 ${fmt(loop.delayP99Ms, 0)} ms > ${o.maxLoopDelayMs} ms) with tick p99 still ${fmt(level.ticks.p99, 1)} ms`;
        break;
      }
    }
    await bots.ask({ cmd: "stop" }, "stopped");
    return { options: o, levels, largestUnderLimit, largestOnTime, stop };
  } finally {
    bots.kill();
    await server.close();
  }
}

function levelLine(l: TownsLevel): string {
  return (
    `${l.towns} towns: tick p50 ${fmt(l.ticks.p50, 2)} ms, p99 ${fmt(l.ticks.p99, 2)} ms (worst town ${fmt(l.worstTownP99, 2)} ms), max ${fmt(l.ticks.max, 1)} ms; ` +
    `loop delay p99 ${fmt(l.loop.delayP99Ms, 1)} ms, utilisation ${fmt(l.loop.utilization * 100, 0)}%, ${stallText(l.loop.stalls)}; RSS ${fmt(l.rssMb, 0)} MB; ${fmt(l.createMs, 0)} ms to create a town`
  );
}

export function townsLines(r: TownsResult): string[] {
  return [
    ...r.levels.map(levelLine),
    `largest N with tick p99 <= ${r.options.limitMs} ms: ${r.largestUnderLimit} towns (ville-25, offline mind, one bot each; stopped: ${r.stop})`,
    `largest N with the event-loop delay p99 (how late ticks start) <= ${r.options.limitMs} ms: ${r.largestOnTime} towns`,
  ];
}

if (isMain(import.meta.url)) {
  const levelsArg = process.argv.find((a, i) => process.argv[i - 1] === "--levels");
  const opts: Partial<TownsOptions> = {
    ...(levelsArg && { levels: levelsArg.split(",").map(Number) }),
    seconds: numberArg("seconds", DEFAULT_TOWNS.seconds),
    warmSeconds: numberArg("warm", DEFAULT_TOWNS.warmSeconds),
    limitMs: numberArg("limit-ms", DEFAULT_TOWNS.limitMs),
  };
  townsPerProcess(opts).then(
    (r) => {
      for (const line of townsLines(r)) console.log(`towns: ${line}`);
      process.exit(0);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
