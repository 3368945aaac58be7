/**
 * Server configuration from environment variables. Every value is checked; a bad one
 * stops the server with a message naming the variable, what it holds and what it needs.
 */
import { DEFAULT_STEP_MS } from "../shared/constants";

export interface ServerConfig {
  /** TCP port; 0 lets the system pick a free one. */
  port: number;
  host: string;
  /** Scenario of the default public town (`maps/scenarios/<name>.json`). */
  scenario: string;
  /** Real milliseconds per simulation step (10 game seconds) at speed 1. */
  stepMs: number;
  /** Game time when a new town starts, ISO UTC. */
  townStart: string;
  /** Seed of the town's randomness; undefined lets the town pick its default. */
  seed: number | undefined;
  /** People (players and spectators) one town admits. */
  maxClients: number;
  /** Towns one process runs at most (the default town included). */
  maxTowns: number;
  /** Minutes an empty created town waits for its people before it closes. */
  idleMinutes: number;
  /** Operator's player token: makes them host of the default public town. */
  hostToken: string | undefined;
  /** Directory of the file store (towns, snapshots, logs) when there is no Redis. */
  dataDir: string;
  /** redis://host:port: the store, presence and driver shared by several processes. */
  redisUrl: string | undefined;
  /** host:port at which clients reach this process (needed with several processes). */
  publicAddress: string | undefined;
  /** Game minutes between two snapshots of a running town. */
  snapshotMinutes: number;
}

export const DEFAULT_CONFIG: ServerConfig = {
  port: 2567,
  host: "0.0.0.0",
  scenario: "ville-25",
  stepMs: DEFAULT_STEP_MS,
  // 7 am: a newcomer finds the residents up and about, not asleep.
  townStart: "2023-02-13T07:00:00Z",
  seed: undefined,
  maxClients: 500,
  maxTowns: 20,
  idleMinutes: 15,
  hostToken: undefined,
  dataDir: "data",
  redisUrl: undefined,
  publicAddress: undefined,
  snapshotMinutes: 5,
};

export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(readonly problems: string[]) {
    super(`bad configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

type Env = Record<string, string | undefined>;

/** Reads the config; throws ConfigError listing every bad variable at once. */
export function loadConfig(env: Env = process.env): ServerConfig {
  const problems: string[] = [];
  const read = <T>(name: string, fallback: T, parse: (raw: string) => T | string): T => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === "") return fallback;
    const value = parse(raw);
    if (typeof value === "string" && typeof fallback !== "string") {
      problems.push(`${name}="${raw}": ${value}`);
      return fallback;
    }
    return value as T;
  };
  const config: ServerConfig = {
    port: read("PORT", DEFAULT_CONFIG.port, intIn(0, 65535)),
    host: read("HOST", DEFAULT_CONFIG.host, (s) => s),
    scenario: read("SCENARIO", DEFAULT_CONFIG.scenario, (s) => s),
    stepMs: read("STEP_MS", DEFAULT_CONFIG.stepMs, intIn(10, 600_000)),
    townStart: read("TOWN_START", DEFAULT_CONFIG.townStart, (s) => s),
    seed: read<number | undefined>("SEED", undefined, intIn(0, 2 ** 32 - 1)),
    maxClients: read("MAX_CLIENTS_PER_TOWN", DEFAULT_CONFIG.maxClients, intIn(1, 100_000)),
    maxTowns: read("MAX_TOWNS", DEFAULT_CONFIG.maxTowns, intIn(1, 10_000)),
    idleMinutes: read("TOWN_IDLE_MINUTES", DEFAULT_CONFIG.idleMinutes, intIn(0, 7 * 24 * 60)),
    hostToken: env.HOST_TOKEN?.trim() || undefined,
    dataDir: read("DATA_DIR", DEFAULT_CONFIG.dataDir, (s) => s),
    redisUrl: env.REDIS_URL?.trim() || undefined,
    publicAddress: env.PUBLIC_ADDRESS?.trim() || undefined,
    snapshotMinutes: read("SNAPSHOT_MINUTES", DEFAULT_CONFIG.snapshotMinutes, intIn(1, 24 * 60)),
  };
  if (config.redisUrl !== undefined && !/^rediss?:\/\/[^\s]+$/.test(config.redisUrl)) {
    problems.push(`REDIS_URL: expected redis://host:port (or rediss://), got "${config.redisUrl.replace(/\/\/[^@]*@/, "//***@").slice(0, 80)}"`);
  }
  if (config.publicAddress !== undefined && !/^[A-Za-z0-9.-]+(:\d{1,5})?(\/[A-Za-z0-9._~\/-]*)?$/.test(config.publicAddress)) {
    problems.push(`PUBLIC_ADDRESS="${config.publicAddress.slice(0, 80)}": expected host:port as clients reach this process, like town1.example.com:443`);
  }
  if (config.hostToken !== undefined && !/^[A-Za-z0-9_-]{24,64}$/.test(config.hostToken)) {
    problems.push("HOST_TOKEN: expected 24 to 64 letters, digits, '-' or '_' (the player token of the operator's browser)");
  }
  if (!/^[a-z0-9][a-z0-9-]*$/.test(config.scenario)) {
    problems.push(`SCENARIO="${config.scenario}": expected a scenario name like ville-25 (lower-case letters, digits, '-')`);
  }
  if (!isIsoDate(config.townStart)) {
    problems.push(`TOWN_START="${config.townStart}": expected an ISO UTC date like ${DEFAULT_CONFIG.townStart}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** A parser for a whole number in [min, max]; returns an explanation when it is not. */
function intIn(min: number, max: number): (raw: string) => number | string {
  return (raw) => {
    const n = Number(raw);
    if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(n)) return `expected a whole number from ${min} to ${max}`;
    if (n < min || n > max) return `expected a whole number from ${min} to ${max}`;
    return n;
  };
}

/** `2023-02-13T07:00:00Z` (seconds and ms optional); UTC only, so every reader agrees on the hour. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/.test(s)) return false;
  const ms = Date.parse(s);
  // A date that does not exist (February 30) must not roll over into March.
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 16) === s.slice(0, 16);
}
