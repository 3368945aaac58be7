/**
 * Perceive: what the resident notices this step. Events come only from its own arena,
 * within its vision radius, nearest first, at most `attention` of them; an event is new
 * unless its triple is among the last `retention` events remembered (or being
 * remembered). New events are scored (idle ones are 1 without asking) and embedded off
 * the tick, then remembered.
 */
import type { Tile } from "../sim/address";
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

/** Does `a` come before an event at (distance, subject, order)? Ties of distance go by subject as `localeCompare` orders them. */
function ranksBefore(a: Seen, distance: number, subject: string, order: number): boolean {
  return (a.distance - distance || a.event.subject.localeCompare(subject) || a.order - order) < 0;
}

/** Reused between calls: perception runs for every resident at every step. */
const tileBuffer: number[] = [];

interface Seen extends Perceived {
  /** Tile index, then place on the tile: the row-major order a full scan of the square would visit. */
  order: number;
}

/** The new events the resident notices now (reads the town; notes an empty answer on the resident). */
export function perceive(r: Resident, maze: Maze, events: TileEvents): Perceived[] {
  // Indoors, only the own arena; outdoors (no arena), only other outdoor tiles.
  const arena = maze.arenaIdAt(r.tile.x, r.tile.y);
  const radius = r.persona.vision;
  const { x: rx, y: ry } = r.tile;
  const w = maze.width;
  const x0 = Math.max(0, rx - radius), y0 = Math.max(0, ry - radius), x1 = Math.min(w - 1, rx + radius), y1 = Math.min(maze.height - 1, ry + radius);
  // Standing still among unchanged events with an unchanged memory, the answer is again
  // "nothing new": most steps of a sleeping or working resident end here.
  const tile = ry * w + rx;
  // Indoors only the own arena is seen, so only its changes matter (not a passer-by outside).
  const version = arena >= 0 ? events.arenaVersion(arena) : events.versionIn(x0, y0, x1, y1);
  const last = r.sawNothing;
  if (last && last.tile === tile && last.events === version && last.memory === r.memory.size && r.remembering.size === 0) return [];
  // Only tiles that hold events are visited (a chunk index), so the cost follows the
  // events in view, not the area of the square.
  const tiles = tileBuffer;
  tiles.length = 0;
  events.tilesIn(x0, y0, x1, y1, tiles);
  const arenas = maze.perceptionArenas();
  // Only the `attention` nearest are kept, so they are chosen while scanning (nearest,
  // then by subject, then in row-major order) instead of sorting every event in view:
  // outdoors, lawns and paths put dozens of events in view.
  const limit = r.persona.attention;
  const attended: Seen[] = [];
  for (const i of tiles) {
    if (arenas[i] !== arena) continue; // another arena, or blocked (-2)
    const x = i % w, y = (i - x) / w;
    const distance = Math.abs(x - rx) + Math.abs(y - ry);
    let k = 0;
    for (const e of events.atIndex(i)!.values()) {
      const order = i * 1024 + k++;
      if (e.subject === r.id) continue;
      if (attended.length === limit && ranksBefore(attended[limit - 1], distance, e.subject, order)) continue;
      let at = attended.length;
      while (at > 0 && !ranksBefore(attended[at - 1], distance, e.subject, order)) at--;
      attended.splice(at, 0, { event: e, tile: { x, y }, distance, order });
      if (attended.length > limit) attended.pop();
    }
  }
  const recent = r.memory.recentTriples(r.persona.retention);
  // An idle object is only news the first time in a long while: a room full of idle
  // furniture would otherwise flood the memory and trigger reflection on nothing.
  const recentIdle = r.memory.recentTriples(IDLE_RETENTION);
  const fresh: Perceived[] = [];
  for (const p of attended) {
    const key = tripleKey(p.event);
    if (!r.remembering.has(key) && !(isIdle(p.event) ? recentIdle : recent).has(key)) fresh.push({ event: p.event, tile: p.tile, distance: p.distance });
  }
  r.sawNothing = fresh.length === 0 && r.remembering.size === 0 ? { tile, events: version, memory: r.memory.size } : null;
  return fresh;
}

/** Scores (one question for the batch; idle objects are 1 without asking) and embeds new events off the tick; the memories to append. */
export async function scoreEvents(mind: Mind, persona: Persona, events: readonly TileEvent[], nowMs: number): Promise<NewMemory[]> {
  if (events.length === 0) return [];
  const embeddings = await mind.embed(events.map((e) => e.description));
  const asked = events.filter((e) => !isIdle(e));
  const scores = asked.length > 0 ? await mind.poignancyBatch({ persona, items: asked.map((e) => ({ kind: "event" as const, description: e.description })) }) : [];
  if (scores.length !== asked.length) throw new Error(`poignancyBatch gave ${scores.length} scores for ${asked.length} events`);
  let next = 0;
  return events.map((e, i) => {
    const poignancy = isIdle(e) ? 1 : scores[next++];
    return { kind: "event", createdMs: nowMs, subject: e.subject, predicate: e.predicate, object: e.object, description: e.description, poignancy, embedding: embeddings[i] };
  });
}
