/** Constants shared by server and client. Units are in the names. */

export const ROOM_NAME = "town";
export const WORLD_NAME = "the Ville";
export const TILE_SIZE_PX = 32;

/** Game time units (a game day is 24 game hours; the game runs in UTC). */
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 60 * MS_PER_MINUTE;
export const MINUTES_PER_DAY = 24 * 60;
export const MS_PER_DAY = MINUTES_PER_DAY * MS_PER_MINUTE;

/** One simulation step is 10 game seconds, as in the original. */
export const GAME_SECONDS_PER_STEP = 10;
export const STEPS_PER_GAME_DAY = (24 * 3600) / GAME_SECONDS_PER_STEP;

/** Real milliseconds per simulation step at time scale 1 in a live town. */
export const DEFAULT_STEP_MS = 1000;
/** Human avatars walk in real time, independent of steps. */
export const PLAYER_MS_PER_TILE = 180;

export const MAX_NAME_CHARS = 24;
export const MAX_CHAT_CHARS = 280;
/** Town names chosen by hosts. */
export const MAX_TOWN_NAME_CHARS = 40;
export const MAX_PASSWORD_CHARS = 64;
/** A player token: random, kept by the browser, never shown. */
export const MIN_TOKEN_CHARS = 16;
export const MAX_TOKEN_CHARS = 64;
/** Host speed control range (time scale). */
export const MIN_SPEED = 0.5;
export const MAX_SPEED = 8;
/** People and residents this close (tiles, Manhattan) hear each other; further, `say` to a resident is refused. */
export const EARSHOT_TILES = 6;
/** Lines a joiner receives at once (`feed`). */
export const FEED_LINES = 50;
/** Seconds a dropped connection keeps its avatar (and host role) waiting. */
export const RECONNECT_SECONDS = 30;
/**
 * Largest frame the server reads; a bigger one closes the connection. Below it every field
 * is bounded by its schema, so an oversized line (a 5 KB chat) is refused with `bad_message`.
 */
export const MAX_MESSAGE_BYTES = 16_384;
/** Token bucket per client: sustained rate and burst. */
export const CLIENT_MESSAGES_PER_SECOND = 15;
export const CLIENT_MESSAGE_BURST = 30;

export const PLAYER_LOOKS = ["player_1", "player_2", "player_3", "player_4", "player_5", "player_6", "player_7", "player_8"] as const;
export type PlayerLook = (typeof PLAYER_LOOKS)[number];

export const FACINGS = ["down", "left", "right", "up"] as const;
export type Facing = (typeof FACINGS)[number];

/** Error codes sent in `error { code, message }`. One vocabulary for every layer. */
export const ErrorCode = {
  BadMessage: "bad_message",
  UnknownType: "unknown_type",
  RateLimited: "rate_limited",
  Blocked: "blocked",
  OutOfMap: "out_of_map",
  Unreachable: "unreachable",
  Spectator: "spectator",
  /** A host-only control from someone else. */
  Forbidden: "forbidden",
  NotFound: "not_found",
  Busy: "busy",
  /** The one spoken to is too far away to hear. */
  OutOfEarshot: "out_of_earshot",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function slugOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
}
