/**
 * Perceive: what the resident notices this step. Events come only from its own arena,
 * within its vision radius, nearest first, at most `attention` of them; an event is new
 * unless its triple is among the last `retention` events remembered (or being
 * remembered). New events are scored (idle ones are 1 without asking) and embedded off
 * the tick, then remembered.
 */
import { manhattan, type Tile } from "../sim/address";
import { isIdle, type TileEvent, type TileEvents } from "../sim/events";
import type { Maze } from "../sim/maze";
import type { Mind } from "../mind/mind";
import type { Persona } from "../sim/scenario";
import { tripleKey, type NewMemory } from "./memory/memory-stream";
import type { Resident } from "./resident";

/** Events looked back over before an idle object counts as new again. */
const IDLE_RETENTION = 200;

export interface Perceived {
  event: TileEvent;
  tile: Tile;
  distance: number;
}

/** The new events the resident notices now (reads only). */
export function perceive(r: Resident, maze: Maze, events: TileEvents): Perceived[] {
  // Indoors, only the own arena; outdoors (no arena), only other outdoor tiles.
  const arena = maze.arenaIdAt(r.tile.x, r.tile.y);
  const radius = r.persona.vision;
  const seen: Perceived[] = [];
  for (let y = Math.max(0, r.tile.y - radius); y <= Math.min(maze.height - 1, r.tile.y + radius); y++) {
    for (let x = Math.max(0, r.tile.x - radius); x <= Math.min(maze.width - 1, r.tile.x + radius); x++) {
      if (maze.arenaIdAt(x, y) !== arena || !maze.isWalkable(x, y)) continue;
      const t = { x, y };
      for (const e of events.at(t)) if (e.subject !== r.id) seen.push({ event: e, tile: t, distance: manhattan(t, r.tile) });
    }
  }
  seen.sort((a, b) => a.distance - b.distance || a.event.subject.localeCompare(b.event.subject));
  const attended = seen.slice(0, r.persona.attention);
  const recent = r.memory.recentTriples(r.persona.retention);
  // An idle object is only news the first time in a long while: a room full of idle
  // furniture would otherwise flood the memory and trigger reflection on nothing.
  const recentIdle = r.memory.recentTriples(IDLE_RETENTION);
  return attended.filter((p) => {
    const key = tripleKey(p.event);
    return !r.remembering.has(key) && !(isIdle(p.event) ? recentIdle : recent).has(key);
  });
}

/** Scores and embeds new events (off the tick); the memories to append. */
export async function scoreEvents(mind: Mind, persona: Persona, events: readonly TileEvent[], nowMs: number): Promise<NewMemory[]> {
  if (events.length === 0) return [];
  const embeddings = await mind.embed(events.map((e) => e.description));
  const out: NewMemory[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const poignancy = isIdle(e) ? 1 : await mind.poignancy({ persona, kind: "event", description: e.description });
    out.push({ kind: "event", createdMs: nowMs, subject: e.subject, predicate: e.predicate, object: e.object, description: e.description, poignancy, embedding: embeddings[i] });
  }
  return out;
}
