/**
 * Execute: take up an action and walk it, one tile per step. The action's place becomes a path. Up to four candidate tiles of
 * the place are tried and the nearest reachable one wins; if the object cannot be
 * reached, any tile of its arena, then of its sector, will do.
 */
import { addressKey, truncate, type Address, type Tile } from "../sim/address";
import { idleEvent, type TileEvent } from "../sim/events";
import type { Maze } from "../sim/maze";
import { findPath, type PathFailure } from "../sim/pathfinding";
import { rngFor, type Rng } from "../sim/rng";
import type { TownContext } from "./context";
import { waitFor } from "./react";
import type { Action, Resident } from "./resident";

const CANDIDATES = 4;

export type Route = { ok: true; path: Tile[]; target: Address } | { ok: false; reason: PathFailure | "no_place" };

export function routeTo(maze: Maze, from: Tile, address: Address, rng: Rng): Route {
  const levels: Address[] = [address, truncate(address, "arena"), truncate(address, "sector")];
  let failure: PathFailure | "no_place" = "no_place";
  for (const target of levels) {
    const tiles = maze.tilesAt(target);
    if (tiles.length === 0) continue;
    if (tiles.some((t) => t.x === from.x && t.y === from.y)) return { ok: true, path: [], target };
    const result = findPath(maze, from, sample(tiles, rng));
    if (result.ok) return { ok: true, path: result.path, target };
    failure = result.reason;
  }
  return { ok: false, reason: failure };
}

/** Up to CANDIDATES distinct tiles, chosen with the seeded rng. */
function sample(tiles: Tile[], rng: Rng): Tile[] {
  if (tiles.length <= CANDIDATES) return tiles;
  const picked = new Set<number>();
  while (picked.size < CANDIDATES) picked.add(Math.floor(rng() * tiles.length));
  return [...picked].map((i) => tiles[i]);
}

export function facingOf(from: Tile, to: Tile): "up" | "down" | "left" | "right" {
  if (to.x > from.x) return "right";
  if (to.x < from.x) return "left";
  return to.y < from.y ? "up" : "down";
}

/** The event others perceive on the resident's tile: its id and what it is doing. */
export function residentEvent(r: Resident): TileEvent {
  const [, predicate, object] = r.action?.event ?? [r.id, "is", "idle"];
  return { subject: r.id, predicate, object, description: `${r.name} ${predicate} ${object}` };
}

/** Marks an object as in use (a state) or idle (null) on every tile it lends itself to. */
export function setObjectEvent(ctx: TownContext, address: Address, state: string | null): void {
  const e = state === null ? idleEvent(address) : { subject: addressKey(address), predicate: "is", object: state, description: `${address.object} is ${state}` };
  for (const t of ctx.maze.tilesAt(address)) ctx.events.add(t, e);
}

/** Takes up a planned action: frees the last object, waits for a busy one, finds the way. */
export function startAction(ctx: TownContext, r: Resident, planned: Action): void {
  if (r.action?.address.object) setObjectEvent(ctx, r.action.address, null);
  const now = ctx.clock.nowMs;
  const action = waitFor(r, planned, ctx.residents, now) ?? planned;
  r.action = action;
  r.actionLog.push({ startMs: action.startMs, description: action.description, place: addressKey(action.address) });
  const route = routeTo(ctx.maze, r.tile, action.address, rngFor(ctx.seed, "route", r.id, ctx.clock.step));
  r.path = route.ok ? route.path : [];
  if (route.ok) action.address = route.target;
  if (action.address.object) setObjectEvent(ctx, action.address, action.objectState || "in use");
  ctx.events.add(r.tile, residentEvent(r));
}

/** Walks one tile of the path; the resident learns the places it now sees. */
export function walk(ctx: TownContext, r: Resident): void {
  const next = r.path.shift();
  if (!next) return;
  r.facing = facingOf(r.tile, next);
  ctx.events.remove(r.tile, r.id);
  r.tile = next;
  ctx.events.add(r.tile, residentEvent(r));
  r.spatial.learnAll(ctx.maze.addressesNear(r.tile.x, r.tile.y, r.persona.vision));
}
