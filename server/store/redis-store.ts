/**
 * Towns in Redis, every key under a prefix (default "ville:"):
 *
 *   towns                      set of town ids
 *   town:<id>                  the record (JSON string)
 *   town:<id>:snap             sorted set of snapshot steps (score = member = step)
 *   town:<id>:snap:<step>      a snapshot (JSON string)
 *   town:<id>:log:<name>       a log: a list, one JSON string per entry
 *
 * A write resolves on Redis' reply. That is as durable as the server is configured to
 * make it (appendonly yes + appendfsync always/everysec is the operator's choice); we
 * treat the reply as the commit point.
 *
 * Redis going away never crashes the process: the connection errors are listened to (and
 * said once per outage), ioredis reconnects in the background, and while it is away every
 * call fails at once with a StoreError coded UNAVAILABLE (no offline queue) so the
 * journal keeps its entries and retries later.
 */
import { jsonTextOf } from "./json-text";
import { Redis } from "ioredis";
import { noIntactSnapshot, parseEntry, serializeEntries } from "./file-store";
import { checkTownId, LOG_NAMES, StoreError, type Damage, type LogName, type LogRead, type SnapshotRead, type Store, type TownRecord } from "./store";

/** Entries per RPUSH / LRANGE / MGET, so no single command blocks Redis for long. */
const CHUNK = 1000;
/** A Redis that accepts the connection but never answers must not hang a caller forever. */
const COMMAND_TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_MS = 5_000;

/** redis://user:pass@host:port/db -> redis://host:port/db, for messages. */
export function redisWhere(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname === "/" ? "" : u.pathname}`;
  } catch {
    return "redis (unparseable URL)";
  }
}

/** Reply errors that mean "try again later", like a closed connection. */
const TRANSIENT = new Set(["LOADING", "BUSY", "MASTERDOWN", "TRYAGAIN", "CLUSTERDOWN"]);

/** ioredis' words for a missing connection, said plainly. */
function why(e: Error | undefined): string {
  const m = e?.message ?? String(e);
  if (m.includes("enableOfflineQueue")) return "not connected";
  if (e?.name === "MaxRetriesPerRequestError") return "connection lost while the command was in flight";
  return m;
}

type Exec = [error: Error | null, result: unknown][] | null;

export class RedisStore implements Store {
  readonly kind = "redis" as const;
  readonly where: string;
  private readonly client: Redis;
  private readonly prefix: string;
  private readonly log: (m: string) => void;
  /** Settles at the end of the first connection attempt (ready, or failed). */
  private readonly firstAttempt: Promise<void>;
  private everReady = false;
  private down = false;
  private closing = false;
  /** Per list key, the tail of its chain of appends. */
  private readonly chains = new Map<string, Promise<void>>();

  constructor(url: string, opts: { prefix?: string; log?: (m: string) => void } = {}) {
    this.where = redisWhere(url);
    this.prefix = opts.prefix ?? "ville:";
    this.log = opts.log ?? ((m) => console.error(`[store] ${m}`));
    this.client = new Redis(url, {
      // Fail fast while disconnected instead of queueing: the journal holds and retries.
      enableOfflineQueue: false,
      // Commands in flight when the connection drops fail at once and are not resent
      // behind our back (a resent RPUSH whose first copy landed would duplicate entries).
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      connectTimeout: CONNECT_TIMEOUT_MS,
      commandTimeout: COMMAND_TIMEOUT_MS,
      // Reconnect forever, at most every 2 s.
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    this.firstAttempt = new Promise<void>((done) => {
      this.client.once("ready", done);
      this.client.once("error", done);
      this.client.once("close", done);
    });
    this.client.on("error", (err: Error) => this.outage(err.message));
    this.client.on("close", () => {
      if (!this.closing) this.outage("connection closed");
    });
    this.client.on("ready", () => {
      this.everReady = true;
      if (this.down) this.log(`Redis at ${this.where} is back`);
      this.down = false;
    });
  }

  /** Said once per outage, not per reconnection attempt. */
  private outage(why: string): void {
    if (this.down || this.closing) return;
    this.down = true;
    this.log(`Redis at ${this.where} is unreachable (${why}); store calls fail meanwhile, reconnecting in the background`);
  }

  private key(...parts: (string | number)[]): string {
    return this.prefix + parts.join(":");
  }
  private townKey(id: string): string {
    return this.key("town", checkTownId(id));
  }
  private snapsKey(id: string): string {
    return this.key("town", checkTownId(id), "snap");
  }
  private snapKey(id: string, step: number): string {
    return this.key("town", checkTownId(id), "snap", step);
  }
  private logKey(id: string, log: LogName): string {
    if (!(LOG_NAMES as readonly string[]).includes(log)) throw new StoreError(`unknown log "${String(log).slice(0, 40)}" (one of ${LOG_NAMES.join(", ")})`, id, "");
    return this.key("town", checkTownId(id), "log", log);
  }

  /** Runs Redis calls, turning what goes wrong into a StoreError naming town and key. */
  private async run<T>(town: string, key: string, doing: string, work: () => Promise<T>): Promise<T> {
    if (this.closing) throw new StoreError(`the Redis store (${this.where}) is closed`, town, key, "CLOSED");
    // Right after construction the first connection may still be on its way: wait for it
    // once, rather than fail the first calls of a healthy start.
    if (!this.everReady) await this.firstAttempt;
    try {
      return await work();
    } catch (err) {
      throw this.error(err, town, key, doing);
    }
  }

  private error(err: unknown, town: string, key: string, doing: string): StoreError {
    if (err instanceof StoreError) return err;
    const e = err as Error & { previousErrors?: Error[] };
    // EXECABORT carries the reply errors that aborted the transaction.
    const reply = e?.name === "ReplyError" ? (e.previousErrors?.[0] ?? e) : null;
    const replyCode = reply ? (reply.message.split(" ")[0] ?? "ERR") : null;
    if (replyCode && !TRANSIENT.has(replyCode)) return new StoreError(`Redis at ${this.where} refused ${doing} ${key}: ${reply!.message}`, town, key, replyCode);
    return new StoreError(`Redis at ${this.where} is unavailable (${why(e)}) ${doing} ${key}`, town, key, "UNAVAILABLE");
  }

  /** EXEC's replies, throwing the first error among them. */
  private static checked(replies: Exec): unknown[] {
    if (replies === null) throw new Error("transaction aborted");
    for (const [err] of replies) if (err) throw err;
    return replies.map(([, r]) => r);
  }

  async listTowns(): Promise<TownRecord[]> {
    const setKey = this.key("towns");
    return this.run("", setKey, "listing", async () => {
      const ids = (await this.client.smembers(setKey)).sort();
      const towns: TownRecord[] = [];
      for (let i = 0; i < ids.length; i += CHUNK) {
        const part = ids.slice(i, i + CHUNK);
        const values = await this.client.mget(part.map((id) => this.key("town", id)));
        values.forEach((text, j) => {
          const key = this.key("town", part[j]);
          if (text === null) return this.log(`town ${part[j]} is listed in ${setKey} but ${key} is missing; skipped`);
          try {
            const record = JSON.parse(text) as TownRecord;
            if (record === null || typeof record !== "object" || typeof record.id !== "string") throw new Error("not a town record");
            towns.push(record);
          } catch (err) {
            this.log(`${key} does not parse, town skipped: ${(err as Error).message}`);
          }
        });
      }
      return towns;
    });
  }

  async getTown(id: string): Promise<TownRecord | null> {
    const key = this.townKey(id);
    const text = await this.run(id, key, "reading", () => this.client.get(key));
    if (text === null) return null;
    try {
      return JSON.parse(text) as TownRecord;
    } catch (err) {
      throw new StoreError(`the record of town ${id} does not parse (${(err as Error).message}): ${key}`, id, key, "DAMAGED");
    }
  }

  async putTown(record: TownRecord): Promise<void> {
    const key = this.townKey(record.id);
    const text = JSON.stringify(record);
    await this.run(record.id, key, "writing", async () => {
      RedisStore.checked(await this.client.multi().set(key, text).sadd(this.key("towns"), record.id).exec());
    });
  }

  async deleteTown(id: string): Promise<void> {
    const key = this.townKey(id);
    const snaps = this.snapsKey(id);
    await Promise.all(LOG_NAMES.map((l) => this.chains.get(this.logKey(id, l))));
    await this.run(id, key, "deleting", async () => {
      const steps = await this.client.zrange(snaps, 0, -1);
      // One transaction; a snapshot written by someone else between the ZRANGE and it
      // would be left behind, which nobody does to a town being deleted.
      const tx = this.client.multi().srem(this.key("towns"), id).del(key, snaps, ...LOG_NAMES.map((l) => this.logKey(id, l)));
      for (let i = 0; i < steps.length; i += CHUNK) tx.del(...steps.slice(i, i + CHUNK).map((s) => this.key("town", id, "snap", s)));
      RedisStore.checked(await tx.exec());
    });
  }

  async putSnapshot(id: string, step: number, data: unknown): Promise<void> {
    if (!Number.isSafeInteger(step) || step < 0) throw new StoreError(`bad snapshot step ${step} for town ${id}: a whole number >= 0`, id, "");
    const key = this.snapKey(id, step);
    const text = jsonTextOf(data).toString();
    // SET replaces the value whole, so a reader never sees half of one.
    await this.run(id, key, "writing", async () => {
      RedisStore.checked(await this.client.multi().set(key, text).zadd(this.snapsKey(id), step, String(step)).exec());
    });
  }

  async snapshotSteps(id: string): Promise<number[]> {
    const key = this.snapsKey(id);
    const members = await this.run(id, key, "reading", () => this.client.zrange(key, 0, -1));
    return members.map(Number).sort((a, b) => a - b);
  }

  async getSnapshot(id: string, atStep?: number): Promise<SnapshotRead | null> {
    if (atStep !== undefined && Number.isNaN(atStep)) throw new StoreError(`bad step ${atStep} for town ${id}`, id, "");
    const index = this.snapsKey(id);
    const steps = await this.run(id, index, "reading", () => this.client.zrevrangebyscore(index, atStep === undefined ? "+inf" : atStep, "-inf"));
    const damage: Damage[] = [];
    for (const member of steps) {
      const step = Number(member);
      const key = this.snapKey(id, step);
      const text = await this.run(id, key, "reading", () => this.client.get(key));
      if (text === null) continue; // deleted (pruned) since the listing
      try {
        const data: unknown = JSON.parse(text);
        return damage.length > 0 ? { step, data, damage } : { step, data };
      } catch (err) {
        damage.push({ town: id, where: key, position: `whole value (${Buffer.byteLength(text)} bytes)`, message: `snapshot at step ${step} does not parse: ${(err as Error).message}` });
      }
    }
    return noIntactSnapshot(id, atStep, damage);
  }

  async deleteSnapshot(id: string, step: number): Promise<void> {
    const key = this.snapKey(id, step);
    await this.run(id, key, "deleting", async () => {
      RedisStore.checked(await this.client.multi().zrem(this.snapsKey(id), String(step)).del(key).exec());
    });
  }

  async append(id: string, log: LogName, entries: readonly object[]): Promise<void> {
    const key = this.logKey(id, log);
    if (entries.length === 0) return;
    const lines = serializeEntries(id, key, entries);
    // Chained per list like the file store, so order holds even across a failed call
    // followed by a retry or a reconnection.
    const run = (this.chains.get(key) ?? Promise.resolve()).then(() =>
      this.run(id, key, "appending to", async () => {
        // MULTI: the batch lands whole or not at all. (If the reply is lost after Redis
        // applied it, the caller's retry writes it again: at least once, never partial.)
        const tx = this.client.multi();
        for (let i = 0; i < lines.length; i += CHUNK) tx.rpush(key, ...lines.slice(i, i + CHUNK));
        RedisStore.checked(await tx.exec());
      }),
    );
    const tail = run.catch(() => undefined);
    this.chains.set(key, tail);
    void tail.then(() => {
      if (this.chains.get(key) === tail) this.chains.delete(key);
    });
    return run;
  }

  async readLog<T = unknown>(id: string, log: LogName): Promise<LogRead<T>> {
    const key = this.logKey(id, log);
    await this.chains.get(key);
    return this.run(id, key, "reading", async () => {
      const entries: T[] = [];
      for (let start = 0; ; start += CHUNK) {
        const part = await this.client.lrange(key, start, start + CHUNK - 1);
        for (let i = 0; i < part.length; i++) {
          const parsed = parseEntry(part[i]);
          if ("problem" in parsed) return { entries, damage: { town: id, where: key, position: `index ${start + i}`, message: parsed.problem } };
          entries.push(parsed.value as T);
        }
        if (part.length < CHUNK) return { entries };
      }
    });
  }

  async close(): Promise<void> {
    if (this.closing) return;
    await Promise.all([...this.chains.values()]);
    this.closing = true;
    if (this.client.status === "ready") {
      try {
        await this.client.quit();
        return;
      } catch {
        // fall through: drop the connection
      }
    }
    this.client.disconnect();
  }
}
