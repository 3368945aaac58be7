/**
 * What viewers see of anyone in town, resident or player: the rows the room copies into
 * the synced state (shared/state.ts).
 */
import type { Facing } from "../../shared/constants";
import { placeLabel } from "../sim/address";
import type { Maze } from "../sim/maze";
import type { Player } from "../sim/players";
import type { Resident } from "../agents/resident";

export interface PlayerView {
  id: string;
  name: string;
  sprite: string;
  x: number;
  y: number;
  facing: Facing;
  location: string;
  /** "" when not in a conversation. */
  conversationId: string;
}

export interface ResidentView extends PlayerView {
  emoji: string;
  action: string;
  thinking: boolean;
}

export function playerView(maze: Maze, p: Player): PlayerView {
  return { id: p.id, name: p.name, sprite: p.sprite, x: p.tile.x, y: p.tile.y, facing: p.facing, location: placeLabel(maze.addressAt(p.tile.x, p.tile.y)), conversationId: p.conversationId ?? "" };
}

export function residentView(maze: Maze, r: Resident, thinking: boolean): ResidentView {
  return {
    id: r.id,
    name: r.name,
    sprite: r.persona.sprite,
    x: r.tile.x,
    y: r.tile.y,
    facing: r.facing,
    emoji: r.action?.emoji ?? "",
    action: r.action?.description ?? "",
    location: placeLabel(maze.addressAt(r.tile.x, r.tile.y)),
    conversationId: r.conversationId ?? "",
    thinking,
  };
}
