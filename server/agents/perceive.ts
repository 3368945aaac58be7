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
import type { NewMemory } from "./memory/memory-stream";
import type { Resident } from "./resident";

/** Events looked back over before an idle object counts as new again. */
const IDLE_RETENTION = 200;

export interface Perceived {
  event: TileEvent;
  tile: Tile;
  distance: number;
}

/** `localeCompare`'s order (the same default locale and options) without making a collator per call. */
const bySubject = new Intl.Collator().compare;

/** Does a seen event at (da, sa, oa) come before one at (db, sb, ob)? Nearer, then by subject as `localeCompare` orders them, then row-major order. */
function ranksBefore(da: number, sa: string, oa: number, db: number, sb: string, ob: number): boolean {
  return (da - db || (sa === sb ? 0 : bySubject(sa, sb)) || oa - ob) < 0;
}

/**
 * Reused between calls (perception runs for every resident at every step), never
 * truncated, since a shorter array gives its storage back and grows it again next time;
 * what lies past the used part is stale. At most `attention` events stay referenced.
 */
const tileBuffer: number[] = [];
const attEvent: TileEvent[] = [];
const attSubject: string[] = [];
const attKey: string[] = [];
const attIdle: boolean[] = [];
const attTile: number[] = [];
const attDistance: number[] = [];
const attOrder: number[] = [];

/** The answer when nothing is new (callers only read it). */
const NOTHING: readonly Perceived[] = Object.freeze([]);

/** The new events the resident notices now (reads the town; notes an empty answer on the resident). */
export function perceive(r: Resident, maze: Maze, events: TileEvents): readonly Perceived[] {
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
  if (last && last.tile === tile && last.events === version && last.memory === r.memory.size && r.remembering.size === 0) return NOTHING;
  // Only tiles that hold events are visited (a chunk index), so the cost follows the
  // events in view, not the area of the square.
  const tiles = tileBuffer;
  const count = arena >= 0 ? events.tilesInArena(arena, x0, y0, x1, y1, tiles) : events.tilesIn(x0, y0, x1, y1, tiles);
  // Only the `attention` nearest are kept, so they are chosen while scanning (nearest,
  // then by subject, then in row-major order) instead of sorting every event in view:
  // outdoors, lawns and paths put dozens of events in view.
  const limit = r.persona.attention;
  // The attended so far, best first, in reused parallel arrays: no object per candidate.
  const ev = attEvent, subj = attSubject, keys = attKey, idle = attIdle, at = attTile, dist = attDistance, ord = attOrder;
  let n = 0;
  for (let t = 0; t < count; t++) {
    const i = tiles[t];
    const x = i % w, y = (i - x) / w;
    const distance = Math.abs(x - rx) + Math.abs(y - ry);
    const view = events.viewAt(i)!;
    const subjects = view.subjects;
    for (let k = 0; k < subjects.length; k++) {
      const subject = subjects[k];
      const order = i * 1024 + k;
      if (subject === r.id) continue;
      if (n === limit && ranksBefore(dist[n - 1], subj[n - 1], ord[n - 1], distance, subject, order)) continue;
      let j = n < limit ? n++ : n - 1;
      for (; j > 0 && !ranksBefore(dist[j - 1], subj[j - 1], ord[j - 1], distance, subject, order); j--) {
        ev[j] = ev[j - 1];
        subj[j] = subj[j - 1];
        keys[j] = keys[j - 1];
        idle[j] = idle[j - 1];
        at[j] = at[j - 1];
        dist[j] = dist[j - 1];
        ord[j] = ord[j - 1];
      }
      ev[j] = view.events[k];
      subj[j] = subject;
      keys[j] = view.keys[k];
      idle[j] = view.idle[k];
      at[j] = i;
      dist[j] = distance;
      ord[j] = order;
    }
  }
  const recent = r.memory.recentTriples(r.persona.retention);
  // An idle object is only news the first time in a long while: a room full of idle
  // furniture would otherwise flood the memory and trigger reflection on nothing.
  const recentIdle = r.memory.recentTriples(IDLE_RETENTION);
  const fresh: Perceived[] = [];
  for (let j = 0; j < n; j++) {
    const key = keys[j];
    if (r.remembering.has(key) || (idle[j] ? recentIdle : recent).has(key)) continue;
    const x = at[j] % w;
    fresh.push({ event: ev[j], tile: { x, y: (at[j] - x) / w }, distance: dist[j] });
  }
  if (fresh.length > 0 || r.remembering.size > 0) r.sawNothing = null;
  else if (last) (last.tile = tile), (last.events = version), (last.memory = r.memory.size);
  else r.sawNothing = { tile, events: version, memory: r.memory.size };
  return fresh.length > 0 ? fresh : NOTHING;
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
