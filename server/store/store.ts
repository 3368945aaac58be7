/**
 * Where towns are kept: a record (name, access, host), snapshots by step, and four
 * append-only logs. Two implementations pass one contract suite (tests/store): files
 * under DATA_DIR (file-store.ts) and Redis (redis-store.ts). A write resolves only once
 * it is durable (fsync, or Redis' reply); reads report damage instead of hiding it.
 */

/** The append-only logs of a town. */
export type LogName = "memory" | "chat" | "steps" | "answers";
export const LOG_NAMES: readonly LogName[] = ["memory", "chat", "steps", "answers"];

/** How a town ran: lockstep runs (headless) re-simulate exactly; live towns do not. */
export type TownMode = "lockstep" | "live";

/** What the store keeps about a town besides its state. */
export interface TownRecord {
  /** The town's id: its invite code and room id. Letters, digits, '-' and '_'. */
  id: string;
  name: string;
  scenario: string;
  map: string;
  mind: string;
  mode: TownMode;
  seed: number;
  private: boolean;
  /** Salted scrypt hash of the password, hex ("salt:hash"); absent: no password. */
  password?: string;
  /** Player id of the host; null: nobody hosts it. */
  hostId: string | null;
  /** The server's default public town. */
  isDefault: boolean;
  /** For a default town: the process it belongs to (its public address, or "local"). */
  defaultOf?: string;
  /** Real ms. */
  createdAt: number;
  updatedAt: number;
  /** Latest step and game time written. */
  step: number;
  gameTimeMs: number;
  /** The town it was forked from, and at which step. */
  forkOf?: { town: string; step: number };
  /** True once it closed normally (not after a crash). */
  closed?: boolean;
  /**
   * The memory log holds every memory of every resident since the town began here, so
   * its snapshots point into the log instead of repeating them (towns saved before this
   * existed have full snapshots).
   */
  memoryLogged?: boolean;
}

/** Something read back was damaged: where, and what was recovered. */
export interface Damage {
  town: string;
  /** The file path or Redis key. */
  where: string;
  /** Line and byte offset in a file, or index in a Redis list. */
  position: string;
  message: string;
}

export interface LogRead<T = unknown> {
  /** Entries before any damage, in the order they were appended. */
  entries: T[];
  damage?: Damage;
}

export interface SnapshotRead {
  step: number;
  data: unknown;
  /** Newer snapshots that could not be read (the one returned is the newest intact one). */
  damage?: Damage[];
}

export interface Store {
  readonly kind: "files" | "redis";
  /** For messages: the directory, or the Redis address without credentials. */
  readonly where: string;

  listTowns(): Promise<TownRecord[]>;
  getTown(id: string): Promise<TownRecord | null>;
  putTown(record: TownRecord): Promise<void>;
  /** The record, its snapshots and its logs. */
  deleteTown(id: string): Promise<void>;

  /** Replaces a snapshot at the same step; readers never see a half-written one. */
  putSnapshot(id: string, step: number, data: unknown): Promise<void>;
  /** Steps with a snapshot, ascending. */
  snapshotSteps(id: string): Promise<number[]>;
  /** The newest intact snapshot at or before `atStep` (default: the newest); null if none. */
  getSnapshot(id: string, atStep?: number): Promise<SnapshotRead | null>;
  deleteSnapshot(id: string, step: number): Promise<void>;

  /** Appends entries (JSON objects) in order; resolves once they are durable. */
  append(id: string, log: LogName, entries: readonly object[]): Promise<void>;
  /** Everything appended, up to the first damaged entry. */
  readLog<T = unknown>(id: string, log: LogName): Promise<LogRead<T>>;

  close(): Promise<void>;
}

/** A store operation that failed: which town, which file or key, and why. */
export class StoreError extends Error {
  override name = "StoreError";
  constructor(
    message: string,
    readonly town: string,
    readonly where: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

const TOWN_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Throws on an id that cannot name a file or key safely. */
export function checkTownId(id: string): string {
  if (!TOWN_ID.test(id)) throw new StoreError(`bad town id "${id.slice(0, 80)}": letters, digits, '-' and '_', 1 to 64`, id.slice(0, 80), "");
  return id;
}

export function describeDamage(d: Damage): string {
  return `town ${d.town}: ${d.where} at ${d.position}: ${d.message}`;
}
