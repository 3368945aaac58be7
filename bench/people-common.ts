/**
 * Helpers shared by the people benchmarks (people-latency, people-crowd, people-towns):
 * percentiles, waiting, a clock that two processes on this machine share, the town rooms
 * of this process, and the walkable tiles of the map.
 */
import { fork, type ChildProcess } from "node:child_process";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { matchMaker } from "@colyseus/core";
import { WebSocket } from "ws";
import type { TownRoom } from "../server/rooms/town-room";
import type { Maze } from "../server/sim/maze";

/** The SDK (and Colyseus reconnection) read the global WebSocket, which Node 20 lacks. */
export function ensureWebSocket(): void {
  (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Wall-clock ms with sub-ms resolution, comparable between processes of one machine. */
export const wallNow = () => performance.timeOrigin + performance.now();

export interface Summary {
  n: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function summarize(values: readonly number[]): Summary {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 0.5), p99: percentile(s, 0.99), max: s[s.length - 1] ?? NaN, mean: s.reduce((a, b) => a + b, 0) / (s.length || 1) };
}

export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 0.5);
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toLocaleString("en-US", { maximumFractionDigits: digits }) : String(n));

/** Bounded polling every `everyMs` until `ok(probe())`. */
export async function until<T>(probe: () => T, ok: (value: T) => boolean, what: string, timeoutMs = 30_000, everyMs = 10): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** The TownRoom instances of this process. */
export async function localTownRooms(): Promise<TownRoom[]> {
  const listing = await matchMaker.query({ name: "town" });
  return listing.map((l) => matchMaker.getLocalRoomById(l.roomId) as unknown as TownRoom).filter(Boolean);
}

export function localTownRoom(roomId: string): TownRoom {
  const room = matchMaker.getLocalRoomById(roomId) as unknown as TownRoom | undefined;
  if (!room) throw new Error(`no local room ${roomId}`);
  return room;
}

/** True when the file with this `import.meta.url` is the script node was started with. */
export function isMain(metaUrl: string): boolean {
  return process.argv[1] !== undefined && metaUrl === pathToFileURL(process.argv[1]).href;
}

/** Reads `--name value` (or `--name=value`) from argv as a number. */
export function numberArg(name: string, fallback: number, argv = process.argv): number {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return fallback;
  const raw = argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new Error(`--${name} needs a number, got "${raw}"`);
  return n;
}

/** Sampling period of the event-loop delay histogram; its values include it, so it is taken off. */
const LOOP_RESOLUTION_MS = 10;

/** A gap between two 20 ms timer fires this long counts as a stall. */
const STALL_MS = 250;

export interface LoopFigures {
  delayP50Ms: number;
  delayP99Ms: number;
  delayMaxMs: number;
  utilization: number;
  cpuMs: number;
  /** Gaps of STALL_MS or more between two timer fires, and the CPU this process used in them. */
  stalls: { atMs: number; gapMs: number; cpuMs: number }[];
}

/**
 * This process's event-loop delay (beyond the sampling timer), utilisation and stalls over
 * a window. A stall with as much CPU as wall time was the process at work; one with
 * little CPU was the process waiting for a core (the machine is shared).
 */
export function loopMonitor(): { stop(): LoopFigures } {
  const h = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  h.enable();
  const elu0 = performance.eventLoopUtilization();
  const cpu0 = process.cpuUsage();
  const stalls: LoopFigures["stalls"] = [];
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    if (now - last >= STALL_MS) stalls.push({ atMs: now, gapMs: now - last, cpuMs: (cpu.user + cpu.system) / 1000 });
    last = now;
    lastCpu = process.cpuUsage();
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      h.disable();
      const elu = performance.eventLoopUtilization(elu0);
      const cpu = process.cpuUsage(cpu0);
      const lag = (ns: number) => Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS);
      return { delayP50Ms: lag(h.percentile(50)), delayP99Ms: lag(h.percentile(99)), delayMaxMs: lag(h.max), utilization: elu.utilization, cpuMs: (cpu.user + cpu.system) / 1000, stalls };
    },
  };
}

/** "3 stalls >= 250 ms (longest 1,100 ms, 40% of it on CPU)". */
export function stallText(stalls: LoopFigures["stalls"]): string {
  if (stalls.length === 0) return `no stall >= ${STALL_MS} ms`;
  const longest = stalls.reduce((a, b) => (b.gapMs > a.gapMs ? b : a));
  const gap = stalls.reduce((n, s) => n + s.gapMs, 0), cpu = stalls.reduce((n, s) => n + s.cpuMs, 0);
  return `${stalls.length} stall(s) >= ${STALL_MS} ms (longest ${fmt(longest.gapMs, 0)} ms; CPU ${fmt((100 * cpu) / gap, 0)}% of the stalled time)`;
}

/** Every walkable tile of a maze. */
export function walkableTiles(maze: Maze): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (let y = 0; y < maze.height; y++) for (let x = 0; x < maze.width; x++) if (maze.isWalkable(x, y)) out.push({ x, y });
  return out;
}

const SWARM = fileURLToPath(new URL("./people-swarm.ts", import.meta.url));

/** A forked people-swarm.ts process (bots or an observer), asked and answered over IPC. */
export class SwarmProcess {
  private readonly proc: ChildProcess;
  private readonly waiting: { ev: string; done: (m: any) => void; fail: (e: Error) => void }[] = [];

  constructor() {
    this.proc = fork(SWARM, [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"], serialization: "advanced" });
    const failAll = (error: Error) => {
      for (const w of this.waiting.splice(0)) w.fail(error);
    };
    this.proc.on("message", (m: { ev: string; message?: string }) => {
      if (m.ev === "fatal") return failAll(new Error(`swarm process: ${m.message}`));
      const i = this.waiting.findIndex((w) => w.ev === m.ev);
      if (i >= 0) this.waiting.splice(i, 1)[0].done(m);
    });
    this.proc.on("exit", (code) => failAll(new Error(`swarm process exited (${code})`)));
  }

  ask<T>(message: unknown, ev: string): Promise<T> {
    const answer = this.next<T>(ev);
    this.proc.send(message as never);
    return answer;
  }

  next<T>(ev: string): Promise<T> {
    return new Promise((done, fail) => this.waiting.push({ ev, done, fail }));
  }

  kill(): void {
    if (this.proc.connected) this.proc.disconnect();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}

/**
 * Counts (and keeps off the console) the warnings that start with `prefix`, e.g. the
 * schema encoder's "buffer overflow" notice, printed once per full-state encode.
 */
export function countWarnings(prefix: string): { readonly count: number; restore(): void } {
  const warn = console.warn;
  let count = 0;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].startsWith(prefix)) count++;
    else warn(...args);
  };
  return {
    get count() {
      return count;
    },
    restore: () => void (console.warn = warn),
  };
}
