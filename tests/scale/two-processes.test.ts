/**
 * Two real server processes on one real Redis: a private town created through A is joined
 * by its code through B (B reserves the seat, the client connects to A's public address);
 * either lobby lists the public towns of both; once A is SIGKILLed, B's lobby stops
 * showing A's towns, a lookup of A's town brings it back on B from the shared Redis store
 * (with what was said in it), and new towns open on B. Then Redis goes away for a while: B
 * lives through it, says so once, its town runs on for the person inside, and matchmaking
 * works again once Redis is back. Waits are bounded; nothing asserts how long anything takes.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import { Redis } from "ioredis";
import type { TownListing, WelcomeMessage } from "../../shared/protocol";
import { Inbox, newToken } from "../room/harness";
import { freePort, startRedis, type TestRedis } from "../store/redis-server";

const ROOT = resolve(__dirname, "../..");
const START_TIMEOUT_MS = 30_000;
const GONE_TIMEOUT_MS = 20_000;

interface Proc {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  dataDir: string;
  log: () => string;
}

let redis: TestRedis | undefined;
let redisClient: Redis | undefined;
const procs: Proc[] = [];
/** Rooms still joined, for cleanup after a failure. */
const rooms = new Set<Room>();
// If jest itself goes down, no server outlives it.
process.once("exit", () => procs.forEach((p) => p.child.kill("SIGKILL")));

/** Polls `ok` every 50 ms; fails early when `failed` says the wait is hopeless. */
async function waitFor(ok: () => boolean, failed: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (failed() || Date.now() > deadline) throw new Error(what());
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** SIGTERM, then SIGKILL if the child is still there after 5 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  child.kill("SIGTERM");
  const late = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(late);
}

async function startProcess(name: string, redisUrl: string): Promise<Proc> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), `ville-scale-${name}-`));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: "127.0.0.1", REDIS_URL: redisUrl, PUBLIC_ADDRESS: `127.0.0.1:${port}`, DATA_DIR: dataDir, SCENARIO: "ville-3", MIND: "offline", STEP_MS: "1000" };
  delete env.HOST_TOKEN;
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout!.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  const proc: Proc = { name, port, url: `http://127.0.0.1:${port}`, child, dataDir, log: () => log };
  procs.push(proc);
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  await waitFor(() => log.includes(`Ville is running: open http://127.0.0.1:${port}/`), gone, START_TIMEOUT_MS, () => `process ${name} did not start:\n${log}`);
  return proc;
}

async function api(p: Proc, path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${p.url}${path}`);
  return { status: res.status, body: await res.json() };
}

const lobbyIds = async (p: Proc) => ((await api(p, "/api/towns")).body.towns as TownListing[]).map((t) => t.roomId).sort();

/** Re-reads `probe` every 200 ms until `ok`; gives up (and says what it last saw) after `timeoutMs`. */
async function eventually<T>(probe: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = GONE_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function joined(room: Room): Promise<{ room: Room; inbox: Inbox; welcome: WelcomeMessage }> {
  rooms.add(room);
  room.onLeave(() => rooms.delete(room));
  const inbox = new Inbox(room);
  return { room, inbox, welcome: await inbox.next<WelcomeMessage>("welcome") };
}

let a: Proc;
let b: Proc;
let defaultA: string;

beforeAll(async () => {
  // AOF as in production, so the restart below keeps the store and the listings.
  redis = await startRedis({ aof: true });
  redisClient = new Redis(redis.url);
  a = await startProcess("A", redis.url);
  // Alone, A lists only its own default town.
  [defaultA] = await lobbyIds(a);
  b = await startProcess("B", redis.url);
}, 60_000);

afterAll(async () => {
  // leave() waits for the server's answer, which a killed process never sends: bound it.
  await Promise.all([...rooms].map((r) => Promise.race([r.leave(), new Promise((done) => setTimeout(done, 2000).unref())])));
  for (const p of procs) {
    await stopChild(p.child);
    rmSync(p.dataDir, { recursive: true, force: true });
  }
  redisClient?.disconnect();
  await redis?.destroy();
}, 30_000);

test("a town made on A is joined by code through B; both lobbies span both; A's towns leave B's lobby once A is killed", async () => {
  expect(defaultA).toBeDefined();
  const both = await eventually(() => lobbyIds(b), (ids) => ids.length === 2, "B's lobby to list both default towns");
  expect(both).toContain(defaultA);
  const defaultB = both.find((id) => id !== defaultA)!;
  expect(await lobbyIds(a)).toEqual(both);

  // A new room goes to the live process with the fewest rooms as last written to Colyseus'
  // `roomcount` hash (at most once a second), a tie to the process asked: once both read 1, A.
  await eventually(() => redisClient!.hvals("roomcount"), (v) => v.length === 2 && v.every((c) => c.startsWith("1,")), "both room counts in Redis");
  const ana = await joined(await new Client(a.url).create("town", { name: "Across", private: true, playerName: "Ana", token: newToken() }));
  const code = ana.welcome.town.roomId;
  const processA = JSON.parse((await redisClient!.hget("roomcaches", code))!).processId as string;
  expect(ana.welcome).toMatchObject({ host: true, town: { private: true } });
  expect((await api(a, "/health")).body.rooms).toBe(2);
  expect((await api(b, "/health")).body.rooms).toBe(1);

  // Through B: the lookup finds the town on A, and the seat B reserves sends Bo to A.
  expect((await api(b, `/api/towns/${code}`)).body).toMatchObject({ roomId: code, name: "Across", private: true });
  const bo = await joined(await new Client(b.url).joinById(code, { name: "Bo", token: newToken() }));
  expect(bo.welcome).toMatchObject({ host: false, town: { roomId: code, private: true } });
  await eventually(async () => ana.room.state.players.size, (n) => n === 2, "Ana to see Bo", 10_000);
  // The private town stays out of both lobbies.
  expect(await lobbyIds(a)).toEqual(both);
  expect(await lobbyIds(b)).toEqual(both);

  // Said on A and stored in the shared store before it reached anyone.
  ana.room.send("say", { text: "see you on the other side", channel: "town" });
  await bo.inbox.next("chat", (l: { text: string }) => l.text === "see you on the other side");
  // No one left inside: the SDK would otherwise retry a process that is gone.
  for (const r of [ana.room, bo.room]) await r.leave();
  a.child.kill("SIGKILL");
  await new Promise((r) => (a.child.exitCode !== null || a.child.signalCode !== null ? r(null) : a.child.once("exit", r)));

  // Before any lookup (a lookup may wake a saved town): B's lobby leaves out the dead process's town.
  await eventually(() => lobbyIds(b), (ids) => ids.length === 1 && ids[0] === defaultB, "B's lobby to drop A's town");
  // A lookup waits until the dead process's listings are gone from the driver (RedisDriver's hash).
  const lookup = await api(b, `/api/towns/${code}`);
  const listedProcesses = Object.values(await redisClient!.hgetall("roomcaches")).map((json) => JSON.parse(json).processId as string);
  expect(listedProcesses).not.toContain(processA);
  // The town was saved in the shared store: B brings it back under the same code, with its lines.
  expect(lookup.status).toBe(200);
  const again = await joined(await new Client(b.url).joinById(code, { name: "Cy", token: newToken() }));
  expect(again.welcome.town.roomId).toBe(code);
  const feed = await again.inbox.next<{ lines: { text: string }[] }>("feed");
  expect(feed.lines.map((l) => l.text)).toContain("see you on the other side");
  expect((await api(b, "/health")).body.rooms).toBe(2);
  await again.room.leave();
  // A new town opens on B, the one live process.
  const roomsOnB = (await api(b, "/health")).body.rooms as number;
  const dee = await joined(await new Client(b.url).create("town", { name: "After", private: true, playerName: "Dee", token: newToken() }));
  expect((await api(b, "/health")).body.rooms).toBe(roomsOnB + 1);
  await dee.room.leave();
  expect(b.child.exitCode).toBeNull();
}, 60_000);

test("B lives through a Redis outage, says so once, and matchmakes again once Redis is back", async () => {
  expect(b.child.exitCode).toBeNull();
  const [town] = await lobbyIds(b);
  // A join right before the outage leaves Colyseus a room-count write queued on a timer,
  // whose failure nobody awaits: without server/scale-out.ts' guard it ends the process.
  const bea = await joined(await new Client(b.url).joinById(town, { name: "Bea", token: newToken() }));
  await redis!.stop();
  // The lobby fails once ioredis has given up on queued commands (the timer's write among them).
  await eventually(async () => (await api(b, "/api/towns")).status, (s) => s === 500, "the lobby to fail without Redis");
  let patches = 0;
  bea.room.onStateChange(() => patches++);
  await eventually(async () => ({ patches, exited: b.child.exitCode ?? b.child.signalCode }), (v) => v.patches >= 2 || v.exited !== null, "the town to run on for Bea", 10_000);
  if (b.child.exitCode !== null || b.child.signalCode !== null) throw new Error(`B ended during the outage (${b.child.exitCode ?? b.child.signalCode}):\n${b.log().slice(-1500)}`);
  expect(b.log().match(/\[scale-out\] Redis at .* is unreachable/g)).toHaveLength(1);

  await redis!.restart();
  await eventually(async () => b.log(), (log) => /\[scale-out\] Redis at .* is reachable again/.test(log), "B to see Redis back");
  expect(await eventually(() => lobbyIds(b).catch(() => [] as string[]), (ids) => ids.includes(town), "the lobby to list B's town again")).toContain(town);
  const cal = await joined(await new Client(b.url).joinById(town, { name: "Cal", token: newToken() }));
  expect(cal.welcome.town.roomId).toBe(town);
  await cal.room.leave();
  await bea.room.leave();
}, 60_000);
