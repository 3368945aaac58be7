/**
 * People's avatars in a town: joining (a spawn point, a look, a name nobody else has),
 * leaving (out of any conversation), and walking, which the server plans and advances:
 * a client's position is never taken on trust.
 */
import { PLAYER_LOOKS, type Facing } from "../../shared/constants";
import { leaveConversation } from "../agents/converse";
import { asPlayerId, type PlayerId } from "../sim/ids";
import { advancePlayer, planStep, planWalkTo, playerEvent, uniqueName, type Player, type Refusal } from "../sim/players";
import type { Town } from "./town";
import { playerView, type PlayerView } from "./views";

const NO_AVATAR: Refusal = { ok: false, code: "not_found", message: "you have no avatar in this town" };

export function addPlayer(town: Town, id: string, name: string, look: string): PlayerView {
  if (town.resident(id)) throw new Error(`player id "${id}" is taken by a resident`);
  const spawns = town.maze.spawns.filter((s) => s.name === "player");
  const spot = spawns.length > 0 ? spawns[town.players.size % spawns.length] : town.residents[0]?.tile ?? { x: 0, y: 0 };
  const sprite = (PLAYER_LOOKS as readonly string[]).includes(look) ? look : PLAYER_LOOKS[0];
  const taken = (n: string) => town.residents.some((r) => r.name === n) || [...town.players.values()].some((p) => p.name === n);
  const p: Player = { id: asPlayerId(id), name: uniqueName(name, taken), sprite, tile: { x: spot.x, y: spot.y }, facing: "down" as Facing, path: [], carryMs: 0, conversationId: null };
  town.players.set(p.id, p);
  town.events.add(p.tile, playerEvent(p));
  return playerView(town.maze, p);
}

export function removePlayer(town: Town, id: string): void {
  const p = town.players.get(id as PlayerId);
  if (!p) return;
  const conv = p.conversationId ? town.conversations.get(p.conversationId) : undefined;
  if (conv) leaveConversation(town, conv, { kind: "player", id: p.id });
  town.events.remove(p.tile, p.id);
  town.players.delete(p.id);
}

export function movePlayerTo(town: Town, id: string, x: number, y: number): { ok: true; pathLength: number } | Refusal {
  const p = town.players.get(id as PlayerId);
  return p ? planWalkTo(town.maze, p, x, y) : NO_AVATAR;
}

export function walkPlayer(town: Town, id: string, dir: Facing): { ok: true } | Refusal {
  const p = town.players.get(id as PlayerId);
  return p ? planStep(town.maze, p, dir) : NO_AVATAR;
}

export function stopPlayer(town: Town, id: string): void {
  const p = town.players.get(id as PlayerId);
  if (p) p.path = p.path.slice(0, 1);
}

/** Returns true when any player moved. */
export function advancePlayers(town: Town, elapsedRealMs: number): boolean {
  let moved = false;
  for (const p of town.players.values()) {
    const from = p.tile;
    if (!advancePlayer(town.maze, p, elapsedRealMs)) continue;
    moved = true;
    town.events.remove(from, p.id);
    town.events.add(p.tile, playerEvent(p));
  }
  return moved;
}
