/**
 * Human players: avatars that walk in real time, independent of simulation steps. The
 * server owns their positions; a refused move changes nothing.
 */
import { ErrorCode, PLAYER_MS_PER_TILE, type Facing } from "../../shared/constants";
import type { Tile } from "./address";
import type { TileEvent } from "./events";
import type { ConversationId, PlayerId } from "./ids";
import type { Maze } from "./maze";
import { findPath } from "./pathfinding";

export type Refusal = { ok: false; code: ErrorCode; message: string };

export interface Player {
  id: PlayerId;
  /** Display name, unique in the town (a suffix tells apart people who chose the same). */
  name: string;
  sprite: string;
  tile: Tile;
  facing: Facing;
  path: Tile[];
  /** Real ms carried towards the next tile. */
  carryMs: number;
  /** Conversation in progress, if any. */
  conversationId: ConversationId | null;
}

/** What residents perceive of a player. */
export const PLAYER_ACTIVITY = "walking around town";

export function playerEvent(p: Player): TileEvent {
  return { subject: p.id, predicate: "is", object: PLAYER_ACTIVITY, description: `${p.name} is ${PLAYER_ACTIVITY}` };
}

/** `name`, or `name (2)`, `name (3)`... when someone in town already goes by it. */
export function uniqueName(name: string, taken: (n: string) => boolean): string {
  if (!taken(name)) return name;
  for (let i = 2; ; i++) if (!taken(`${name} (${i})`)) return `${name} (${i})`;
}

const STEP: Record<Facing, Tile> = { up: { x: 0, y: -1 }, down: { x: 0, y: 1 }, left: { x: -1, y: 0 }, right: { x: 1, y: 0 } };

export function refuseTile(maze: Maze, x: number, y: number): Refusal | null {
  if (!maze.inBounds(x, y)) return { ok: false, code: ErrorCode.OutOfMap, message: `tile (${x},${y}) is off the map (${maze.width}x${maze.height})` };
  if (!maze.isWalkable(x, y)) return { ok: false, code: ErrorCode.Blocked, message: `tile (${x},${y}) is a wall or furniture` };
  return null;
}

/** Plans a walk to (x, y); the player's path is replaced only when the move is valid. */
export function planWalkTo(maze: Maze, p: Player, x: number, y: number): { ok: true; pathLength: number } | Refusal {
  const refusal = refuseTile(maze, x, y);
  if (refusal) return refusal;
  const from = p.path.length > 0 ? p.path[0] : p.tile;
  const result = findPath(maze, from, { x, y });
  if (!result.ok) return { ok: false, code: ErrorCode.Unreachable, message: `no way from (${from.x},${from.y}) to (${x},${y})` };
  p.path = p.path.length > 0 ? [p.path[0], ...result.path] : result.path;
  return { ok: true, pathLength: p.path.length };
}

/** One tile in a direction (arrow keys): after the tile being entered, if any. */
export function planStep(maze: Maze, p: Player, dir: Facing): { ok: true } | Refusal {
  const from = p.path.length > 0 ? p.path[0] : p.tile;
  const x = from.x + STEP[dir].x, y = from.y + STEP[dir].y;
  p.facing = dir;
  const refusal = refuseTile(maze, x, y);
  if (refusal) return refusal;
  p.path = p.path.length > 0 ? [p.path[0], { x, y }] : [{ x, y }];
  return { ok: true };
}

/** Moves along the path in real time; returns true when the tile changed. */
export function advancePlayer(maze: Maze, p: Player, elapsedMs: number): boolean {
  if (p.path.length === 0) {
    p.carryMs = 0;
    return false;
  }
  p.carryMs += elapsedMs;
  let moved = false;
  while (p.path.length > 0 && p.carryMs >= PLAYER_MS_PER_TILE) {
    const next = p.path[0];
    if (!maze.isWalkable(next.x, next.y)) {
      p.path = [];
      break;
    }
    p.facing = next.x > p.tile.x ? "right" : next.x < p.tile.x ? "left" : next.y < p.tile.y ? "up" : "down";
    p.tile = next;
    p.path.shift();
    p.carryMs -= PLAYER_MS_PER_TILE;
    moved = true;
  }
  if (p.path.length === 0) p.carryMs = 0;
  return moved;
}
