/**
 * Copies the town's views into the synced schema state. Only fields whose value changed
 * are assigned, so a patch carries just what moved; map entries are added and removed
 * to match the views.
 */
import type { MapSchema } from "@colyseus/schema";
import { AgentState, PlayerState, type ClockState } from "../../shared/state";
import type { PlayerView, ResidentView } from "../town/views";

const AGENT_FIELDS = ["name", "sprite", "x", "y", "facing", "emoji", "action", "location", "conversationId", "thinking"] as const;
const PLAYER_FIELDS = ["name", "sprite", "x", "y", "facing", "location", "conversationId"] as const;

/** Assigns `source[f]` to `target[f]` for each listed field whose value differs. */
export function assignChanged<T extends object, F extends keyof T>(target: T, source: { [K in F]: T[K] }, fields: readonly F[]): number {
  let changed = 0;
  for (const f of fields) {
    if (target[f] !== source[f]) {
      target[f] = source[f];
      changed++;
    }
  }
  return changed;
}

/** Makes `map` hold one entry per view, keyed by id, with the view's field values. */
function syncMap<S extends object, F extends keyof S, V extends { id: string } & { [K in F]: S[K] }>(
  map: MapSchema<S>,
  views: readonly V[],
  create: () => S,
  fields: readonly F[],
): void {
  const seen = new Set<string>();
  for (const view of views) {
    seen.add(view.id);
    let entry = map.get(view.id);
    if (!entry) {
      entry = create();
      assignChanged(entry, view, fields);
      map.set(view.id, entry);
    } else {
      assignChanged(entry, view, fields);
    }
  }
  for (const id of [...map.keys()]) if (!seen.has(id)) map.delete(id);
}

export function syncAgents(map: MapSchema<AgentState>, views: readonly ResidentView[]): void {
  syncMap(map, views, () => new AgentState(), AGENT_FIELDS);
}

export function syncPlayers(map: MapSchema<PlayerState>, views: readonly PlayerView[]): void {
  syncMap(map, views, () => new PlayerState(), PLAYER_FIELDS);
}

export function syncClock(clock: ClockState, town: { step: number; nowMs: number }, live: { stepMs: number; speed: number; paused: boolean }): void {
  const now = { step: town.step, gameTimeMs: town.nowMs, stepMs: live.stepMs, speed: live.speed, paused: live.paused };
  assignChanged(clock, now, ["step", "gameTimeMs", "stepMs", "speed", "paused"] as const);
}
