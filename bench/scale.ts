/**
 * Two server processes on one Redis: a real redis-server (AOF, appendfsync always), two
 * real `server/main.ts` processes A and B on it (offline mind, a step per second), and
 * private towns created alternately through A and B so that each process hosts the same
 * number. Bot players (people-swarm.ts, two child processes: one joins through A's URL,
 * one through B's) look each code up with `GET /api/towns/<code>` on their process, as
 * the protocol asks, then `joinById` it there; half of each swarm's towns live on the
 * other process (that process reserves the seat, the bot connects to the host's public
 * address). After a short scatter, each bot moves once a second and says a numbered
 * town-channel line every `sayEverySeconds`. One spectator per town, in this process
 * (which runs no server), decodes every patch and records the lines it hears.
 *
 * Reported: clients connected vs attempted, lookup and join failures (by text), town lines
 * sent vs heard per town (lost = not heard and not refused), send -> heard and move ->
 * seen latency, errors, drops, each process's /health (and how long it took to answer
 * during the window), CPU per process and Redis' command rate.
 *
 * `npx tsx bench/scale.ts [--bots 200] [--towns 4] [--seconds 60] [--say-every 10] [--scatter 5] [--scenario ville-25]`
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { Client, type Room } from "@colyseus/sdk";
import { Redis } from "ioredis";
import type { ChatMessage } from "../shared/protocol";
import type { TownState } from "../shared/state";
import { freePort, startRedis, type TestRedis } from "../tests/store/redis-server";
import { ensureWebSocket, fmt, isMain, numberArg, sleep, summarize, SwarmProcess, wallNow, type Summary } from "./people-common";
import type { BotsReport, MoveRecord } from "./people-swarm";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const START_TIMEOUT_MS = 60_000;
/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks. */
const CLOCK_TICKS_PER_SECOND = 100;
const HEALTH_EVERY_MS = 500;
const SLOW_HEALTH_MS = 250;

export interface ScaleOptions {
  /** Bots in all; half join through A's URL, half through B's. */
  bots: number;
  /** Towns hosted by each process (besides its default town). */
  townsPerProcess: number;
  seconds: number;
  scatterSeconds: number;
  sayEverySeconds: number;
  scenario: string;
  stepMs: number;
}

export const DEFAULT_SCALE: ScaleOptions = { bots: 200, townsPerProcess: 4, seconds: 60, scatterSeconds: 5, sayEverySeconds: 10, scenario: "ville-25", stepMs: 1000 };

interface ServerProc {
  name: "A" | "B";
  url: string;
  child: ChildProcess;
  dataDir: string;
  processId: string;
  log(): string;
}

/** One /health request during the window, and the CPU the server used while it waited. */
interface HealthSample {
  ms: number;
  cpuMs: number;
}

interface HealthFigures {
  answer: Summary;
  /** Answers of SLOW_HEALTH_MS or more; their CPU share says busy (near 100%) or waiting for a core (low). */
  slow: number;
  slowCpuShare: number;
}

interface Health {
  ok: boolean;
  uptimeSeconds: number;
  rooms: number;
  clients: number;
}

export interface TownFigures {
  code: string;
  host: "A" | "B" | "?";
  bots: number;
  /** Bots in it that joined through the process that does not host it. */
  crossBots: number;
  linesSent: number;
  linesHeard: number;
}

export interface ScaleResult {
  options: ScaleOptions;
  attempted: number;
  joined: { viaA: number; viaB: number };
  lookupMs: Summary;
  /** Failure text -> count, lookups ("lookup 404: ...") and joins together. */
  failures: Record<string, number>;
  joinSeconds: number;
  towns: TownFigures[];
  linesSent: number;
  linesRefused: number;
  linesLost: number;
  /** Lines whose text two bots in one town could have said (then counted as heard if heard). */
  linesAmbiguous: number;
  lineLatency: Summary;
  moveSeen: Summary;
  movesSent: number;
  movesNeverSeen: number;
  movesRefused: number;
  errors: Record<string, number>;
  drops: number;
  reconnects: number;
  leaves: Record<string, number>;
  observerDrops: number;
  health: { A: Health; B: Health };
  healthMs: { A: HealthFigures; B: HealthFigures };
  /** The machine's 1-minute load average at the end of the window (it is shared). */
  loadAverage: number;
  windowSeconds: number;
  /** CPU ms per wall second over the window. */
  cpu: { A: number; B: number; redis: number; botsA: number; botsB: number; observers: number };
  redis: { commandsPerSecond: number; aofMb: number; memoryMb: number };
  /** Lines the servers wrote to stderr (warnings, errors), and the first of them. */
  serverStderr: { A: number; B: number; first: string };
}

/** One observer per town, in this process: a spectator that decodes every patch. */
interface Watch {
  code: string;
  room: Room<any, TownState>;
  heard: Record<string, number>;
  /** playerId -> [time, x, y] for every tile change seen. */
  changes: Record<string, [number, number, number][]>;
  drops: number;
}

export async function scaleBench(opts: Partial<ScaleOptions> = {}): Promise<ScaleResult> {
  const o: ScaleOptions = { ...DEFAULT_SCALE, ...opts };
  ensureWebSocket();
  const servers: ServerProc[] = [];
  const swarms: SwarmProcess[] = [];
  const watches: Watch[] = [];
  let redis: TestRedis | undefined;
  let redisClient: Redis | undefined;
  // A Ctrl-C or a crash of this process takes its children along (redis-server.ts kills its own on exit).
  const onExit = () => {
    for (const s of servers) {
      s.child.kill("SIGKILL");
      rmSync(s.dataDir, { recursive: true, force: true });
    }
    if (redis) rmSync(redis.dir, { recursive: true, force: true });
  };
  const onSignal = () => process.exit(130);
  process.once("exit", onExit);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    redis = await startRedis({ aof: true });
    redisClient = new Redis(redis.url);
    const rc = redisClient;
    // Start one at a time, so each process id is the new entry of the room-count hash.
    const a = await startServerProcess("A", redis.url, o, rc, [], servers);
    const b = await startServerProcess("B", redis.url, o, rc, [a.processId], servers);
    const byPid = new Map([a, b].map((s) => [s.processId, s]));

    // Alternate A, B: a new room goes to the live process with the fewest rooms (a tie to the
    // one asked), read from the room counts Colyseus writes at most once a second: wait for them.
    await waitForRoomCounts(rc);
    const codes: string[] = [];
    for (let i = 0; i < 2 * o.townsPerProcess; i++) {
      const via = i % 2 === 0 ? a : b;
      const host = await new Client(via.url).create("town", { name: `Scale ${i + 1}`, private: true, spectator: true });
      host.onMessage("*", () => undefined);
      codes.push(host.roomId);
      await host.leave();
      await waitForRoomCounts(rc);
    }
    const hostOf = async (code: string) => byPid.get(JSON.parse((await rc.hget("roomcaches", code)) ?? "{}").processId)?.name ?? "?";
    const hosts = await Promise.all(codes.map(hostOf));

    // Bot i of A's swarm and bot i of B's are in different towns, so a numbered line
    // ("bench b<i> line <n>") heard in a town names one sender.
    const half = Math.ceil(o.bots / 2);
    const wanted = { A: Array.from({ length: half }, (_, i) => codes[i % codes.length]), B: Array.from({ length: o.bots - half }, (_, i) => codes[(i + 1) % codes.length]) };
    const failures: Record<string, number> = {};
    const fail = (text: string) => (failures[text] = (failures[text] ?? 0) + 1);
    const lookupMs: number[] = [];
    const lookUp = async (via: ServerProc, code: string) => {
      const t0 = performance.now();
      try {
        const res = await fetch(`${via.url}/api/towns/${code}`);
        const body = (await res.json()) as { roomId?: string; error?: string };
        lookupMs.push(performance.now() - t0);
        if (res.status === 200 && body.roomId === code) return true;
        fail(`lookup ${res.status}: ${body.error ?? JSON.stringify(body)}`);
      } catch (err) {
        fail(`lookup: ${(err as Error).message}`);
      }
      return false;
    };

    // The observers first, each through the process that does not host its town.
    for (const [k, code] of codes.entries()) {
      const via = hosts[k] === "A" ? b : a;
      if (!(await lookUp(via, code))) throw new Error(`observer lookup of ${code} through ${via.name} failed: ${JSON.stringify(failures)}`);
      watches.push(await watch(via.url, code));
    }
    lookupMs.length = 0;

    const rooms: { A: string[]; B: string[] } = { A: [], B: [] };
    for (const side of ["A", "B"] as const) {
      const via = side === "A" ? a : b;
      const ok = await mapLimit(wanted[side], 10, (code) => lookUp(via, code));
      rooms[side] = wanted[side].filter((_, i) => ok[i]);
    }
    const swarmA = new SwarmProcess();
    const swarmB = new SwarmProcess();
    swarms.push(swarmA, swarmB);
    const t0 = performance.now();
    await Promise.all([
      swarmA.ask({ role: "bots", url: a.url, rooms: rooms.A, seed: 31, decode: false, joinConcurrency: 10 }, "joined"),
      swarmB.ask({ role: "bots", url: b.url, rooms: rooms.B, seed: 32, decode: false, joinConcurrency: 10 }, "joined"),
    ]);
    const joinSeconds = (performance.now() - t0) / 1000;

    const go = { cmd: "go", scatterSeconds: o.scatterSeconds, seconds: o.seconds, sayEverySeconds: o.sayEverySeconds, moveEveryMs: 1000 };
    const over = Promise.all([swarmA.next("sending-over"), swarmB.next("sending-over")]);
    const done = Promise.all([swarmA.ask<BotsReport>(go, "done"), swarmB.ask<BotsReport>(go, "done")]);
    // Awaited below; a swarm that dies must fail the run there, not as an unhandled rejection.
    done.catch(() => undefined);
    await sleep(o.scatterSeconds * 1000);
    // The window: the bots' steady part (scatter left out).
    const cpu0 = { A: procCpuMs(a.child), B: procCpuMs(b.child), redis: await redisCpuMs(rc), observers: process.cpuUsage() };
    const cmds0 = Number(redisInfo(await rc.info("stats")).total_commands_processed);
    const w0 = performance.now();
    const healthMs = { A: [] as HealthSample[], B: [] as HealthSample[] };
    let sending = true;
    const polls = [a, b].map(async (s) => {
      while (sending) {
        const t = performance.now(), c = procCpuMs(s.child);
        await health(s).catch(() => undefined);
        healthMs[s.name].push({ ms: performance.now() - t, cpuMs: procCpuMs(s.child) - c });
        await sleep(HEALTH_EVERY_MS);
      }
    });
    await over;
    sending = false;
    const windowMs = performance.now() - w0;
    const obsCpu = process.cpuUsage(cpu0.observers);
    const cpu = {
      A: ((procCpuMs(a.child) - cpu0.A) / windowMs) * 1000,
      B: ((procCpuMs(b.child) - cpu0.B) / windowMs) * 1000,
      redis: (((await redisCpuMs(rc)) - cpu0.redis) / windowMs) * 1000,
      observers: ((obsCpu.user + obsCpu.system) / 1000 / windowMs) * 1000,
    };
    const commandsPerSecond = ((Number(redisInfo(await rc.info("stats")).total_commands_processed) - cmds0) / windowMs) * 1000;
    await Promise.all(polls);
    const [repA, repB] = await done;
    // While the bots are still in.
    const [healthA, healthB] = await Promise.all([health(a), health(b)]);
    const persistence = redisInfo(await rc.info("persistence"));
    const memory = redisInfo(await rc.info("memory"));
    await Promise.all(swarms.map((s) => s.ask({ cmd: "stop" }, "stopped")));

    for (const r of [repA, repB]) for (const f of r.joinFailures) fail(f);
    const lines = countLines(codes, hosts, rooms, repA, repB, watches);
    const moves = moveLatencies([...repA.moves.map((m) => ({ m, code: rooms.A[m.bot] })), ...repB.moves.map((m) => ({ m, code: rooms.B[m.bot] }))], watches);
    const add = (x: Record<string, number>, y: Record<string, number>) => Object.entries(y).reduce((s, [k, v]) => ({ ...s, [k]: (s[k] ?? 0) + v }), { ...x });
    const stderrOf = (s: ServerProc) => s.log().split("\n").filter((l) => l.startsWith("[stderr] "));
    const seconds = o.scatterSeconds + o.seconds + 3;
    return {
      options: o,
      attempted: o.bots,
      joined: { viaA: repA.joined, viaB: repB.joined },
      lookupMs: summarize(lookupMs),
      failures,
      joinSeconds,
      towns: lines.towns,
      linesSent: lines.sent,
      linesRefused: repA.saysRefused + repB.saysRefused,
      linesLost: lines.sent - lines.heard - repA.saysRefused - repB.saysRefused,
      linesAmbiguous: lines.ambiguous,
      lineLatency: summarize(lines.latencies),
      moveSeen: summarize(moves.latencies),
      movesSent: repA.moves.length + repB.moves.length,
      movesNeverSeen: moves.neverSeen,
      movesRefused: [...repA.moves, ...repB.moves].filter((m) => m.refused).length,
      errors: add(repA.errors, repB.errors),
      drops: repA.drops + repB.drops,
      reconnects: repA.reconnects + repB.reconnects,
      leaves: add(repA.leaves, repB.leaves),
      observerDrops: watches.reduce((n, w) => n + w.drops, 0),
      health: { A: healthA, B: healthB },
      healthMs: { A: healthFigures(healthMs.A), B: healthFigures(healthMs.B) },
      loadAverage: loadavg()[0],
      windowSeconds: windowMs / 1000,
      cpu: { ...cpu, botsA: repA.cpuMs / seconds, botsB: repB.cpuMs / seconds },
      redis: { commandsPerSecond, aofMb: Number(persistence.aof_current_size ?? 0) / 2 ** 20, memoryMb: Number(memory.used_memory ?? 0) / 2 ** 20 },
      serverStderr: { A: stderrOf(a).length, B: stderrOf(b).length, first: [...stderrOf(a), ...stderrOf(b)][0]?.slice(9, 209) ?? "" },
    };
  } finally {
    // leave() waits for the server's answer: bound it.
    await Promise.all(watches.map((w) => Promise.race([w.room.leave().catch(() => undefined), sleep(2000)])));
    for (const s of swarms) s.kill();
    for (const s of servers) await stopChild(s.child);
    for (const s of servers) rmSync(s.dataDir, { recursive: true, force: true });
    redisClient?.disconnect();
    await redis?.destroy();
    process.off("exit", onExit);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

async function startServerProcess(name: "A" | "B", redisUrl: string, o: ScaleOptions, rc: Redis, known: string[], servers: ServerProc[]): Promise<ServerProc> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), `ville-bench-scale-${name}-`));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    REDIS_URL: redisUrl,
    PUBLIC_ADDRESS: `127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    SCENARIO: o.scenario,
    MIND: "offline",
    STEP_MS: String(o.stepMs),
    // The created towns are empty until the bots come: keep them open past the run.
    TOWN_IDLE_MINUTES: "60",
  };
  delete env.HOST_TOKEN;
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  // Bounded: a chatty server must not grow this process.
  let log = "";
  const keep = (prefix: string) => (d: Buffer) => {
    log += d.toString().split("\n").filter(Boolean).map((l) => `${prefix}${l}\n`).join("");
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  child.stdout!.on("data", keep(""));
  child.stderr!.on("data", keep("[stderr] "));
  const proc: ServerProc = { name, url: `http://127.0.0.1:${port}`, child, dataDir, processId: "", log: () => log };
  servers.push(proc);
  const deadline = Date.now() + START_TIMEOUT_MS;
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  while (!log.includes(`Ville is running: open http://127.0.0.1:${port}/`)) {
    if (gone() || Date.now() > deadline) throw new Error(`process ${name} did not start:\n${log.slice(-3000)}`);
    await sleep(50);
  }
  for (;;) {
    const fresh = (await rc.hkeys("roomcount")).filter((id) => !known.includes(id));
    if (fresh.length === 1) {
      proc.processId = fresh[0];
      return proc;
    }
    if (fresh.length > 1 || Date.now() > deadline) throw new Error(`process ${name}: cannot tell its process id from ${JSON.stringify(fresh)}`);
    await sleep(50);
  }
}

/** Until every process's room count in Redis matches the listings it holds. */
async function waitForRoomCounts(rc: Redis): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const listed: Record<string, number> = {};
    for (const json of await rc.hvals("roomcaches")) {
      const pid = JSON.parse(json).processId as string;
      listed[pid] = (listed[pid] ?? 0) + 1;
    }
    const counts = await rc.hgetall("roomcount");
    if (Object.entries(listed).every(([pid, n]) => parseInt(counts[pid] ?? "", 10) === n)) return;
    if (Date.now() > deadline) throw new Error(`room counts ${JSON.stringify(counts)} do not match the listings ${JSON.stringify(listed)}`);
    await sleep(100);
  }
}

async function watch(url: string, code: string): Promise<Watch> {
  const room = (await new Client(url).joinById(code, { spectator: true })) as Room<any, TownState>;
  const w: Watch = { code, room, heard: {}, changes: {}, drops: 0 };
  room.onMessage("chat", (l: ChatMessage) => {
    if (l.channel === "town") w.heard[l.text] = wallNow();
  });
  room.onMessage("*", () => undefined);
  room.onDrop(() => w.drops++);
  room.onStateChange((state: TownState) => {
    const at = wallNow();
    state.players.forEach((p, id) => {
      const seen = (w.changes[id] ??= []);
      const last = seen[seen.length - 1];
      if (!last || last[1] !== p.x || last[2] !== p.y) seen.push([at, p.x, p.y]);
    });
  });
  return w;
}

const BOT_LINE = /^bench b(\d+) line \d+$/;

function countLines(codes: string[], hosts: string[], rooms: { A: string[]; B: string[] }, repA: BotsReport, repB: BotsReport, watches: Watch[]) {
  const towns = new Map<string, TownFigures>(codes.map((code, k) => [code, { code, host: hosts[k] as TownFigures["host"], bots: 0, crossBots: 0, linesSent: 0, linesHeard: 0 }]));
  for (const side of ["A", "B"] as const) {
    // A swarm reports how many joined, not which: a bot that moved is one that joined.
    const joinedIdx = new Set((side === "A" ? repA : repB).moves.map((m) => m.bot));
    rooms[side].forEach((code, i) => {
      if (!joinedIdx.has(i)) return;
      const t = towns.get(code)!;
      t.bots++;
      if (t.host !== side) t.crossBots++;
    });
  }
  const heardIn = new Map(watches.map((w) => [w.code, w.heard]));
  const latencies: number[] = [];
  let sent = 0, heard = 0, ambiguous = 0;
  const saidIn = new Map<string, Set<string>>();
  for (const [side, rep] of [["A", repA], ["B", repB]] as const) {
    for (const [text, at] of Object.entries(rep.said)) {
      const bot = Number(BOT_LINE.exec(text)?.[1]);
      const code = rooms[side][bot];
      const t = towns.get(code);
      if (!t) continue;
      const said = saidIn.get(code) ?? new Set<string>();
      saidIn.set(code, said);
      if (said.has(text)) ambiguous++;
      said.add(text);
      sent++;
      t.linesSent++;
      const got = heardIn.get(code)?.[text];
      if (got === undefined) continue;
      heard++;
      t.linesHeard++;
      latencies.push(got - at);
    }
  }
  return { towns: [...towns.values()], sent, heard, ambiguous, latencies };
}

/**
 * Send -> first tile change the observer saw, counted only for moves made while the
 * observer saw the avatar on the tile it left (else the change may be an earlier move's).
 */
function moveLatencies(moves: { m: MoveRecord; code: string }[], watches: Watch[]): { latencies: number[]; neverSeen: number } {
  const byCode = new Map(watches.map((w) => [w.code, w.changes]));
  const latencies: number[] = [];
  let neverSeen = 0;
  for (const { m, code } of moves) {
    if (m.refused) continue;
    const track = byCode.get(code)?.[m.playerId];
    if (!track) {
      neverSeen++;
      continue;
    }
    let lo = 0, hi = track.length - 1, at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (track[mid][0] <= m.at) (at = mid), (lo = mid + 1);
      else hi = mid - 1;
    }
    if (at < 0 || track[at][1] !== m.from.x || track[at][2] !== m.from.y) continue;
    const next = track[at + 1];
    if (!next || next[0] - m.at > 5000) neverSeen++;
    else latencies.push(next[0] - m.at);
  }
  return { latencies, neverSeen };
}

function healthFigures(samples: HealthSample[]): HealthFigures {
  const slow = samples.filter((x) => x.ms >= SLOW_HEALTH_MS);
  const wall = slow.reduce((n, x) => n + x.ms, 0), cpu = slow.reduce((n, x) => n + x.cpuMs, 0);
  return { answer: summarize(samples.map((x) => x.ms)), slow: slow.length, slowCpuShare: wall > 0 ? cpu / wall : NaN };
}

async function health(s: ServerProc): Promise<Health> {
  const res = await fetch(`${s.url}/health`);
  return (await res.json()) as Health;
}

/** User + system CPU of a child so far, from /proc (NaN where there is none). */
function procCpuMs(child: ChildProcess): number {
  try {
    // Fields after the ")" of the command name: utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${child.pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(f[11]) + Number(f[12])) / CLOCK_TICKS_PER_SECOND) * 1000;
  } catch {
    return NaN;
  }
}

async function redisCpuMs(rc: Redis): Promise<number> {
  const cpu = redisInfo(await rc.info("cpu"));
  return (Number(cpu.used_cpu_user) + Number(cpu.used_cpu_sys)) * 1000;
}

function redisInfo(text: string): Record<string, string> {
  return Object.fromEntries(text.split("\r\n").filter((l) => l.includes(":")).map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 1)]));
}

/** `fn` over `items`, at most `limit` at a time, results in order. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  }));
  return out;
}

/** SIGTERM (the server closes its towns and listings), then SIGKILL after 10 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  child.kill("SIGTERM");
  const late = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(late);
}

export function scaleLines(r: ScaleResult): string[] {
  const o = r.options;
  const ms = (s: Summary, d = 0) => `p50 ${fmt(s.p50, d)} ms, p99 ${fmt(s.p99, d)} ms, max ${fmt(s.max, d)} ms`;
  const onA = r.towns.filter((t) => t.host === "A").length, onB = r.towns.filter((t) => t.host === "B").length;
  const joined = r.joined.viaA + r.joined.viaB;
  const cross = r.towns.reduce((n, t) => n + t.crossBots, 0);
  const slowText = (x: HealthFigures) => (x.slow === 0 ? `none >= ${SLOW_HEALTH_MS} ms` : `${x.slow} >= ${SLOW_HEALTH_MS} ms (server CPU ${fmt(100 * x.slowCpuShare, 0)}% of their time)`);
  const h = (x: Health) => `${x.rooms} rooms, ${x.clients} clients, up ${x.uptimeSeconds} s`;
  return [
    `2 processes (A, B) on one Redis (AOF, appendfsync always), SCENARIO=${o.scenario}, offline mind, STEP_MS ${o.stepMs}; ${r.towns.length} private towns (${onA} on A, ${onB} on B) + a default town each; ${o.bots} bots (half through A's URL, half through B's), each looks its town's code up then joins by it; a move per bot per second, a town line per bot per ${o.sayEverySeconds} s, ${o.seconds} s (measured ${fmt(r.windowSeconds, 0)} s after a ${o.scatterSeconds} s scatter); bots do not decode; one observer per town decodes every patch`,
    `clients: ${joined} of ${r.attempted} connected (through A ${r.joined.viaA}, through B ${r.joined.viaB}; ${cross} in a town on the other process), joins took ${fmt(r.joinSeconds, 1)} s; lookups ${ms(r.lookupMs, 1)}; failures ${JSON.stringify(r.failures)}`,
    `town lines: ${r.linesSent} sent, ${r.linesRefused} refused, ${r.linesLost} lost${r.linesAmbiguous > 0 ? ` (${r.linesAmbiguous} ambiguous)` : ""}; send -> observer ${ms(r.lineLatency)}`,
    `per town: ${r.towns.map((t) => `${t.code.slice(0, 6)} on ${t.host}: ${t.bots} bots (${t.crossBots} through ${t.host === "A" ? "B" : "A"}), heard ${t.linesHeard}/${t.linesSent}`).join("; ")}`,
    `move -> seen by the observer (${r.moveSeen.n} of ${r.movesSent} moves; includes the first tile's walk): ${ms(r.moveSeen)}; never seen ${r.movesNeverSeen}; refused ${r.movesRefused}`,
    `errors to bots: ${JSON.stringify(r.errors)}; connections dropped ${r.drops} (reconnected ${r.reconnects}), left ${JSON.stringify(r.leaves)}, observer drops ${r.observerDrops}`,
    `/health at the end: A ${h(r.health.A)}; B ${h(r.health.B)}`,
    `/health every ${HEALTH_EVERY_MS} ms in the window: A ${ms(r.healthMs.A.answer, 1)}, ${slowText(r.healthMs.A)}; B ${ms(r.healthMs.B.answer, 1)}, ${slowText(r.healthMs.B)}; machine load average ${fmt(r.loadAverage, 1)} (2 cores)`,
    `CPU ms/s: A ${fmt(r.cpu.A, 0)}, B ${fmt(r.cpu.B, 0)}, redis ${fmt(r.cpu.redis, 0)}, bots through A ${fmt(r.cpu.botsA, 0)}, through B ${fmt(r.cpu.botsB, 0)}, observers ${fmt(r.cpu.observers, 0)}; redis ${fmt(r.redis.commandsPerSecond, 0)} commands/s, AOF ${fmt(r.redis.aofMb, 1)} MB, memory ${fmt(r.redis.memoryMb, 1)} MB`,
    `server stderr lines: A ${r.serverStderr.A}, B ${r.serverStderr.B}${r.serverStderr.first ? `; first: ${r.serverStderr.first}` : ""}`,
  ];
}

if (isMain(import.meta.url)) {
  const scenarioArg = process.argv.indexOf("--scenario");
  scaleBench({
    bots: numberArg("bots", DEFAULT_SCALE.bots),
    townsPerProcess: numberArg("towns", DEFAULT_SCALE.townsPerProcess),
    seconds: numberArg("seconds", DEFAULT_SCALE.seconds),
    sayEverySeconds: numberArg("say-every", DEFAULT_SCALE.sayEverySeconds),
    scatterSeconds: numberArg("scatter", DEFAULT_SCALE.scatterSeconds),
    ...(scenarioArg > 0 && { scenario: process.argv[scenarioArg + 1] }),
  }).then(
    (r) => {
      for (const line of scaleLines(r)) console.log(`scale: ${line}`);
      process.exit(0);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
