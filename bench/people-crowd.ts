/**
 * Many people in one town: a real server on loopback (ville-25, offline mind, a step
 * per second) and N bot players in a child process (people-swarm.ts) joining the
 * default town by id, plus one observer (a spectator, in a process of its own) that
 * decodes every patch. After a scatter from the spawn points, each bot sends a `move`
 * every second to a random walkable tile 1-4 steps away, and every 20 s a numbered
 * line on the town channel.
 *
 * Reported for the measured window: the town's tick durations (TownRoom.tickDurations:
 * avatars, the town step, state sync) and, apart, the state patch broadcasts (encode
 * and send to every client, timed around Room.broadcastPatch); the server's event-loop
 * delay and utilisation; move -> seen (a bot's `move` send to the observer seeing that
 * avatar's tile change, only for moves made while the observer saw the avatar standing
 * on the tile it left; this includes the first tile's walking time of 180 ms, counted
 * on 50 ms ticks); town lines lost (sent, not refused, never received by the observer)
 * and their latency; errors sent back to bots, by code; connections dropped.
 *
 * `npx tsx bench/people-crowd.ts [--bots 500] [--seconds 130] [--scatter 15] [--decode]`
 */
import { performance } from "node:perf_hooks";
import { startServer } from "../server/app";
import { PLAYER_MS_PER_TILE } from "../shared/constants";
import { countWarnings, ensureWebSocket, fmt, isMain, localTownRooms, loopMonitor, numberArg, stallText, type LoopFigures, sleep, summarize, SwarmProcess, type Summary } from "./people-common";
import type { BotsReport, MoveRecord, ObserverReport } from "./people-swarm";

const SCHEMA_OVERFLOW = "@colyseus/schema buffer overflow";
/** Steady walking before the measured window opens. */
const WARMUP_MS = 3000;

export interface CrowdOptions {
  bots: number;
  seconds: number;
  scatterSeconds: number;
  sayEverySeconds: number;
  decode: boolean;
  stepMs?: number;
}

export const DEFAULT_CROWD: CrowdOptions = { bots: 500, seconds: 130, scatterSeconds: 15, sayEverySeconds: 20, decode: false };

export interface CrowdResult {
  options: CrowdOptions;
  joined: number;
  joinFailures: number;
  ticks: Summary;
  patches: Summary;
  loop: LoopFigures;
  moveSeen: Summary;
  movesSent: number;
  /** Moves measured (the avatar was seen standing on the tile it left). */
  movesMeasured: number;
  /** Moves sent and not refused whose avatar the observer never saw move within 5 s. */
  movesNeverSeen: number;
  refusedMoves: number;
  linesSent: number;
  linesRefused: number;
  linesLost: number;
  lineLatency: Summary;
  errors: Record<string, number>;
  drops: number;
  reconnects: number;
  leaves: Record<string, number>;
  observerDrops: number;
  clientsAtEnd: number;
  windowSeconds: number;
  /** CPU ms per wall second, per process. */
  cpu: { server: number; bots: number; observer: number };
  rssMb: number;
  /** "@colyseus/schema buffer overflow" warnings on the server (one per full-state encode above Encoder.BUFFER_SIZE). */
  schemaOverflows: number;
}

export async function crowdBench(opts: Partial<CrowdOptions> = {}): Promise<CrowdResult> {
  const o: CrowdOptions = { ...DEFAULT_CROWD, ...opts };
  ensureWebSocket();
  const overflow = countWarnings(SCHEMA_OVERFLOW);
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    scenario: "ville-25",
    seed: 1,
    maxClients: o.bots + 10,
    ...(o.stepMs !== undefined && { stepMs: o.stepMs }),
  });
  const url = `ws://127.0.0.1:${server.port}`;
  const [room] = await localTownRooms();
  const observer = new SwarmProcess();
  const bots = new SwarmProcess();
  try {
    // Time the patch broadcasts (the interval calls this.broadcastPatch()).
    const patchMs: number[] = [];
    const patchable = room as unknown as { broadcastPatch: () => boolean };
    const broadcast = patchable.broadcastPatch.bind(room);
    patchable.broadcastPatch = () => {
      const t0 = performance.now();
      const sent = broadcast();
      patchMs.push(performance.now() - t0);
      return sent;
    };
    await observer.ask({ role: "observer", url, roomId: room.roomId }, "joined");
    const joined = await bots.ask<{ joined: number; failures: number }>(
      { role: "bots", url, rooms: Array.from({ length: o.bots }, () => room.roomId), seed: 7, decode: o.decode, joinConcurrency: 10 },
      "joined",
    );
    const go = { cmd: "go", scatterSeconds: o.scatterSeconds, seconds: o.seconds, sayEverySeconds: o.sayEverySeconds, moveEveryMs: 1000 };
    await observer.ask(go, "running");
    const sendingOver = bots.next("sending-over");
    const botsDone = bots.ask<BotsReport>(go, "done");
    // The measured window starts after the scatter and a few seconds of steady walking.
    await sleep(o.scatterSeconds * 1000 + WARMUP_MS);
    room.tickDurations(true);
    patchMs.length = 0;
    const monitor = loopMonitor();
    const windowStart = performance.now();
    await sendingOver;
    const loop = monitor.stop();
    const windowMs = performance.now() - windowStart;
    const ticks = room.tickDurations();
    const patches = [...patchMs];
    const botReport = await botsDone;
    const clientsAtEnd = room.clients.length;
    const obsReport = await observer.ask<ObserverReport>({ cmd: "stop" }, "done");
    await bots.ask({ cmd: "stop" }, "stopped");

    const seen = matchMoves(botReport.moves, obsReport.changes);
    const sent = Object.entries(botReport.said);
    const lost = sent.filter(([text]) => obsReport.heard[text] === undefined).length;
    return {
      options: o,
      joined: joined.joined,
      joinFailures: joined.failures,
      ticks: summarize(ticks),
      patches: summarize(patches),
      loop,
      moveSeen: summarize(seen.latencies),
      movesSent: botReport.moves.length,
      movesMeasured: seen.latencies.length,
      movesNeverSeen: seen.neverSeen,
      refusedMoves: botReport.moves.filter((m) => m.refused).length,
      linesSent: sent.length,
      linesRefused: botReport.saysRefused,
      linesLost: lost - botReport.saysRefused,
      lineLatency: summarize(sent.filter(([text]) => obsReport.heard[text] !== undefined).map(([text, at]) => obsReport.heard[text] - at)),
      errors: botReport.errors,
      drops: botReport.drops,
      reconnects: botReport.reconnects,
      leaves: botReport.leaves,
      observerDrops: obsReport.drops,
      clientsAtEnd,
      windowSeconds: windowMs / 1000,
      // The children's CPU is counted from the go (scatter included) to their report.
      cpu: { server: (loop.cpuMs / windowMs) * 1000, bots: botReport.cpuMs / (o.scatterSeconds + o.seconds + 3), observer: obsReport.cpuMs / (o.scatterSeconds + o.seconds + 3) },
      rssMb: process.memoryUsage().rss / 2 ** 20,
      schemaOverflows: overflow.count,
    };
  } finally {
    observer.kill();
    bots.kill();
    await server.close();
    overflow.restore();
  }
}

/** Send -> first tile change seen, for moves made while the observer saw the avatar standing where it left from. */
function matchMoves(moves: MoveRecord[], changes: ObserverReport["changes"]): { latencies: number[]; neverSeen: number } {
  const latencies: number[] = [];
  let neverSeen = 0;
  for (const m of moves) {
    if (m.refused) continue;
    const seen = changes[m.playerId];
    if (!seen) {
      neverSeen++;
      continue;
    }
    // Last change at or before the send, by binary search.
    let lo = 0, hi = seen.length - 1, before = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (seen[mid][0] <= m.at) {
        before = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (before < 0 || seen[before][1] !== m.from.x || seen[before][2] !== m.from.y) continue;
    const next = seen[before + 1];
    if (!next || next[0] - m.at > 5000) {
      neverSeen++;
      continue;
    }
    latencies.push(next[0] - m.at);
  }
  return { latencies, neverSeen };
}

export function crowdLines(r: CrowdResult): string[] {
  const ms = (s: Summary, d = 1) => `p50 ${fmt(s.p50, d)} ms, p99 ${fmt(s.p99, d)} ms, max ${fmt(s.max, d)} ms`;
  const o = r.options;
  return [
    `${r.joined} bot players (${r.joinFailures} failed joins) + 1 observer in one ville-25 town, offline mind, ${o.seconds} s (measured ${fmt(r.windowSeconds, 0)} s after a ${o.scatterSeconds} s scatter), a move per bot per second, a town line per bot per ${o.sayEverySeconds} s${o.decode ? ", bots decode patches" : ""}`,
    `tick (${r.ticks.n} ticks of 50 ms): ${ms(r.ticks, 2)}; patch broadcast (${r.patches.n}): ${ms(r.patches, 2)}`,
    `server event loop: delay p50 ${fmt(r.loop.delayP50Ms, 1)} ms, p99 ${fmt(r.loop.delayP99Ms, 1)} ms, max ${fmt(r.loop.delayMaxMs, 0)} ms; utilisation ${fmt(r.loop.utilization * 100, 0)}%; ${stallText(r.loop.stalls)}; CPU ms/s server ${fmt(r.cpu.server, 0)}, bots ${fmt(r.cpu.bots, 0)}, observer ${fmt(r.cpu.observer, 0)}; server RSS ${fmt(r.rssMb, 0)} MB`,
    `move -> seen by the observer (${r.movesMeasured} of ${r.movesSent} moves; includes the first tile's ${PLAYER_MS_PER_TILE} ms walk): ${ms(r.moveSeen, 0)}; never seen ${r.movesNeverSeen}; refused ${r.refusedMoves}`,
    `town lines: ${r.linesSent} sent, ${r.linesRefused} refused, ${r.linesLost} lost; send -> observer ${ms(r.lineLatency, 0)}`,
    `errors to bots: ${JSON.stringify(r.errors)}; connections dropped ${r.drops} (reconnected ${r.reconnects}), left ${JSON.stringify(r.leaves)}, observer drops ${r.observerDrops}; clients at the end ${r.clientsAtEnd}`,
    `server warnings "${SCHEMA_OVERFLOW}" (a join's full state over Encoder.BUFFER_SIZE, encoded twice): ${r.schemaOverflows}`,
  ];
}

if (isMain(import.meta.url)) {
  const opts: Partial<CrowdOptions> = {
    bots: numberArg("bots", DEFAULT_CROWD.bots),
    seconds: numberArg("seconds", DEFAULT_CROWD.seconds),
    scatterSeconds: numberArg("scatter", DEFAULT_CROWD.scatterSeconds),
    sayEverySeconds: numberArg("say-every", DEFAULT_CROWD.sayEverySeconds),
    decode: process.argv.includes("--decode"),
  };
  crowdBench(opts).then(
    (r) => {
      for (const line of crowdLines(r)) console.log(`crowd: ${line}`);
      process.exit(0);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
