/**
 * Where to do a task, chosen only among places the agent knows, by the words of the
 * task: a sector named outright wins; then home activities go home; then public places
 * by keyword; then the current sector; then home. Every answer is a real place.
 */
import type { Persona } from "../../sim/scenario";
import type { Rng } from "../../sim/rng";
import type { KnownPlaces } from "../mind";
import { homeOf, isOthersRoom, isPrivateSector } from "../../sim/places";
import { countMentions, HOME_ROOMS, mentions, OBJECT_WORDS, PUBLIC_PLACES } from "./vocabulary";

export interface PlaceChoice {
  sector: string;
  arena: string;
  object?: string;
}


function namedSector(text: string, known: KnownPlaces): string | null {
  const lower = text.toLowerCase();
  let best: string | null = null;
  for (const s of known.keys()) if (lower.includes(s.toLowerCase()) && (!best || s.length > best.length)) best = s;
  return best;
}

export function chooseSector(p: Persona, task: string, parentTask: string | undefined, currentSector: string | null, known: KnownPlaces): string {
  const home = homeOf(p).sector;
  const named = namedSector(task, known) ?? (parentTask ? namedSector(parentTask, known) : null);
  if (named) return named;
  const homeWork = parentTask && / at home$/.test(parentTask);
  if (homeWork || HOME_ROOMS.some((r) => mentions(task, r.words))) {
    if (known.has(home)) return home;
  }
  for (const place of PUBLIC_PLACES) {
    if (!mentions(task, place.words)) continue;
    const sector = [...known.keys()].find((s) => s.toLowerCase().includes(place.sectorWord) && !isPrivateSector(s));
    if (sector) return sector;
  }
  if (currentSector && known.has(currentSector) && (currentSector === home || !isPrivateSector(currentSector))) return currentSector;
  if (known.has(home)) return home;
  return [...known.keys()].sort()[0];
}

export function chooseArena(p: Persona, task: string, sector: string, known: KnownPlaces, rng: Rng): string {
  const arenas = [...(known.get(sector)?.keys() ?? [])].sort();
  const ownArena = sector === homeOf(p).sector ? homeOf(p).arena : undefined;
  const allowed = arenas.filter((a) => a === ownArena || !isOthersRoom(p, a));
  const pool = allowed.length > 0 ? allowed : arenas;
  if (sector === homeOf(p).sector) {
    const room = HOME_ROOMS.find((r) => mentions(task, r.words))?.room ?? "own";
    const match = (a: string) =>
      room === "own" ? a === ownArena : room === "common" ? /common|living|main room/i.test(a) : new RegExp(room, "i").test(a);
    const found = pool.find(match) ?? (ownArena && pool.includes(ownArena) ? ownArena : undefined);
    if (found) return found;
  }
  // Score arenas by the task's words that call for the objects they hold and their name.
  let best: string[] = [];
  let bestScore = -1;
  for (const a of pool) {
    const objects = known.get(sector)?.get(a) ?? [];
    const score = countMentions(task, a.split(/\s+/).filter((w) => w.length > 3)) * 3 +
      Math.max(0, ...objects.map((o) => countMentions(task, OBJECT_WORDS[kindOf(o)] ?? [])));
    if (score > bestScore) (best = [a]), (bestScore = score);
    else if (score === bestScore) best.push(a);
  }
  // Avoid back rooms (kitchens, restrooms) for a task that did not ask for them.
  const front = best.filter((a) => !/kitchen|bathroom|restroom|hallway/i.test(a) || mentions(task, a.split(/\s+/)));
  const choices = front.length > 0 ? front : best;
  return choices[Math.floor(rng() * choices.length)];
}

/** "cafe table 2" -> "cafe table". */
export function kindOf(objectName: string): string {
  return objectName.replace(/\s+\d+$/, "");
}

export function chooseObject(task: string, objects: readonly string[], rng: Rng): string | undefined {
  if (objects.length === 0) return undefined;
  let best: string[] = [];
  let bestScore = -1;
  for (const o of objects) {
    const score = countMentions(task, OBJECT_WORDS[kindOf(o)] ?? [kindOf(o)]) + (mentions(task, [kindOf(o)]) ? 2 : 0);
    if (score > bestScore) (best = [o]), (bestScore = score);
    else if (score === bestScore) best.push(o);
  }
  // With no word to go on, beds and toilets are poor guesses for an unknown task.
  if (bestScore === 0) {
    const neutral = best.filter((o) => !/^(bed|toilet|shower)$/.test(kindOf(o)));
    if (neutral.length > 0) best = neutral;
  }
  return best[Math.floor(rng() * best.length)];
}

export function choosePlace(p: Persona, task: string, parentTask: string | undefined, currentSector: string | null, known: KnownPlaces, rng: Rng): PlaceChoice {
  const sector = chooseSector(p, task, parentTask, currentSector, known);
  const arena = chooseArena(p, `${task} ${parentTask ?? ""}`, sector, known, rng);
  const object = chooseObject(task, known.get(sector)?.get(arena) ?? [], rng);
  return { sector, arena, object };
}
