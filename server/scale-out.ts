/**
 * Several processes on one Redis. Colyseus' RedisPresence carries the messages between
 * processes (seat reservations, remote room creation) and RedisDriver keeps one room
 * listing for all of them. This module adds what Colyseus leaves to the application:
 * a plain error when Redis cannot be reached at start, a Redis outage survived and said
 * once, new rooms placed only on processes that are up, and the listings of a process that
 * died without shutting down (SIGKILL, out of memory, lost machine) taken out of lookups.
 *
 * How Colyseus 0.18 sees a dead process (node_modules/@colyseus/core/src/MatchMaker.ts):
 * its listings stay in the driver; nothing sweeps them periodically. They go only when a
 * seat reservation in one of its rooms times out, or when a process starts (its
 * `healthCheckAllProcesses`). Every process subscribes to the channel `p:<processId>`,
 * and Redis drops that subscription as soon as the dead process's socket closes.
 */
import type { EventEmitter } from "node:events";
import { matchMaker, type IRoomCache, type MatchMakerDriver, type Presence } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { Redis } from "ioredis";

export interface ScaleOutConfig {
  /** redis://host:port; absent: one process, in-memory presence and listing. */
  redisUrl?: string;
  /** host:port (optionally /path) at which clients reach this process. */
  publicAddress?: string;
}

/** The part of Colyseus' server options that scale-out sets; spread it into defineServer. */
export interface ScaleOutServerOptions {
  presence?: Presence;
  driver?: MatchMakerDriver;
  publicAddress?: string;
  selectProcessIdToCreateRoom?: matchMaker.SelectProcessIdCallback;
}

export class RedisUnreachableError extends Error {
  override name = "RedisUnreachableError";
}

const PROBE_TIMEOUT_MS = 3000;

/**
 * Server options for the configured mode. With a Redis URL, Redis is probed first: the
 * presence would otherwise queue its commands and the server would hang at start while
 * ioredis logs a reconnect error every few seconds.
 */
export async function scaleOutOptions(config: ScaleOutConfig): Promise<ScaleOutServerOptions> {
  // A public address also matters to one process behind a proxy: seat reservations name it.
  const address = config.publicAddress !== undefined ? { publicAddress: config.publicAddress } : {};
  if (config.redisUrl === undefined) return address;
  await assertRedisReachable(config.redisUrl);
  // A URL, not a client instance: an instance of another ioredis than theirs is silently ignored.
  const driver = new RedisDriver(config.redisUrl);
  healAfterFailedReads(driver);
  watchOutages(config.redisUrl, driver);
  return { ...address, presence: new RedisPresence(config.redisUrl), driver, selectProcessIdToCreateRoom: pickProcessForNewRoom };
}

/**
 * RedisDriver 0.18.3 shares one HGETALL between concurrent listing reads and forgets it only
 * when it succeeds: one read failing (Redis away for a moment) leaves the rejected read in
 * place, and every later query() and joinOrCreate lookup of this process fails with it until
 * restart. Forget it on failure too (its private fields; if they are renamed, nothing changes).
 */
function healAfterFailedReads(driver: RedisDriver): void {
  const shared = driver as unknown as { _concurrentRoomCacheRequest?: unknown; _roomCacheRequestByName?: Record<string, unknown> };
  const forget = (err: unknown) => {
    shared._concurrentRoomCacheRequest = undefined;
    shared._roomCacheRequestByName = {};
    throw err;
  };
  const query = driver.query.bind(driver);
  const findOne = driver.findOne.bind(driver);
  driver.query = (...args) => query(...args).catch(forget);
  // findOne answers with a thenable (the driver's Query), not always a Promise.
  driver.findOne = (...args) => Promise.resolve(findOne(...args)).catch(forget);
}

let outage = false;
let watching = false;

/**
 * A Redis outage, said once when it starts and once when it ends, and survived.
 * Colyseus leaves some Redis writes unobserved (Stats.persist, re-run from a timer, returns
 * presence.hset's promise to no one): once ioredis gives up on them (after 20 failed
 * reconnects, a few seconds), Node would end the process on that unhandled rejection.
 * Only that ioredis error is absorbed; any other unhandled rejection still ends the process.
 */
function watchOutages(url: string, driver: RedisDriver): void {
  const where = redisAddress(url);
  const away = (why: string) => {
    if (outage) return;
    outage = true;
    console.error(`[scale-out] Redis at ${where} is unreachable (${why}); joining and creating towns fail until it is back; reconnecting in the background`);
  };
  // The driver's client has no error listener (ioredis then prints every reconnect failure
  // with a stack); a private field, so this is best effort: if it is renamed, only the noise returns.
  const client = (driver as unknown as { _client?: EventEmitter })._client;
  client?.on("error", (err: Error) => away(err.message));
  client?.on("ready", () => {
    if (!outage) return;
    outage = false;
    console.log(`[scale-out] Redis at ${where} is reachable again`);
  });
  if (watching) return;
  watching = true;
  process.on("unhandledRejection", (reason) => {
    if (reason instanceof Error && reason.name === "MaxRetriesPerRequestError") return away(reason.message);
    throw reason;
  });
}

/** Connects once, without retrying, and PINGs; throws RedisUnreachableError saying where and why. */
export async function assertRedisReachable(url: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<void> {
  const probe = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, retryStrategy: () => null, maxRetriesPerRequest: 0, enableOfflineQueue: false });
  // connect() rejects with a bare "Connection is closed"; the cause (ECONNREFUSED, ETIMEDOUT,
  // WRONGPASS) arrives as an error event, which also keeps ioredis from logging it unhandled.
  let cause: Error | undefined;
  probe.on("error", (err: Error) => (cause ??= err));
  try {
    await probe.connect();
    await probe.ping();
  } catch (err) {
    const why = (cause ?? (err as Error)).message.replace(/\.$/, "");
    throw new RedisUnreachableError(
      `cannot start: Redis at ${redisAddress(url)} (REDIS_URL) is not reachable: ${why}.\n` +
        "Start Redis there, fix REDIS_URL, or unset REDIS_URL to run a single process with in-memory presence.",
    );
  } finally {
    probe.disconnect();
  }
}

/** host:port of a Redis URL, without credentials, for messages. */
export function redisAddress(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "6379"}`;
  } catch {
    return "(unparsable REDIS_URL)";
  }
}

/** Ids of the processes whose IPC channel is subscribed: the ones that are up. */
async function liveProcessIds(): Promise<Set<string>> {
  // The same test Colyseus' own healthCheckAllProcesses makes before asking a process.
  const channels = await matchMaker.presence.channels("p:*");
  return new Set(channels.map((c) => c.slice("p:".length)));
}

/**
 * Confirms over IPC that a process is gone and, if so, has Colyseus remove its listings
 * and its room count (matchMaker.healthCheckProcessId: one request, 2 s timeout by
 * default). A process that was only stalled gets a receipt and re-lists its rooms.
 * Resolves true when the process answered.
 */
async function confirmAlive(processId: string): Promise<boolean> {
  return matchMaker.healthCheckProcessId(processId).catch(() => false);
}

/**
 * The listings whose process is up. Listings of dead processes are left out at once, and
 * their removal from the driver is started, not awaited, so a lobby never waits on it.
 */
export async function withoutDeadProcesses(rooms: IRoomCache[]): Promise<IRoomCache[]> {
  const remote = rooms.filter((r) => r.processId !== matchMaker.processId);
  // One process (or only our own rooms): nothing can be stale.
  if (remote.length === 0) return rooms;
  const live = await liveProcessIds();
  const dead = new Set(remote.map((r) => r.processId).filter((id) => !live.has(id)));
  if (dead.size === 0) return rooms;
  for (const id of dead) void confirmAlive(id);
  return rooms.filter((r) => !dead.has(r.processId));
}

/**
 * Whether a listed room runs on a process that is up. When its process is dead, waits
 * until the dead process's listings are gone, so the caller may create a room with the
 * same roomId right after a false. Accepts a roomId or the listing already read.
 */
export async function isRoomAlive(room: string | IRoomCache): Promise<boolean> {
  const listing = typeof room === "string" ? await matchMaker.getRoomById(room) : room;
  if (!listing) return false;
  // Ours: a listing exists from just before the room registers, so trust it.
  if (listing.processId === matchMaker.processId) return true;
  if ((await liveProcessIds()).has(listing.processId)) return true;
  return confirmAlive(listing.processId);
}

/**
 * Where a new room goes: the live process with the fewest rooms, this one on a tie
 * (no IPC round trip). Colyseus' default ranks by room count alone, dead processes
 * included, and then waits 2 s for the dead one before creating the room locally.
 */
export async function pickProcessForNewRoom(): Promise<string> {
  const [stats, live] = await Promise.all([matchMaker.stats.fetchAll(), liveProcessIds()]);
  const here = matchMaker.processId;
  const candidates = stats.filter((s) => s.processId === here || live.has(s.processId));
  candidates.sort((a, b) => a.roomCount - b.roomCount || Number(b.processId === here) - Number(a.processId === here));
  return candidates[0]?.processId ?? here;
}
