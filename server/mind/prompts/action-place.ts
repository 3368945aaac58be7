/**
 * Action place: where and how to do a task, in one answer (the original asked six
 * questions: sector, arena, object, emoji, event triple, object state). The prompt
 * lists in full only the sectors most likely to fit (named in the task, the one the
 * agent stands in, home, the best word matches), and the other allowed sectors by name,
 * so its size does not grow with the town. `resolvePlace` then reads the answer's names
 * as known places (closest name) or reports which part is unknown.
 * Fallback: the current sector (or home), its first arena, no object.
 */
import { z } from "zod";
import type { PromptUnit } from "../llm/prompt";
import type { PlaceAnswer, PlaceInput } from "../mind";
import { clip, text } from "./fields";
import { system, timeText } from "./persona";
import { allowedArenas, allowedSectors, describeSector, matchName } from "./places";
import { homeOf } from "../../sim/places";

const EXPANDED_SECTORS = 2;
export const DEFAULT_EMOJI = "🙂";

/** The model's answer before its names are checked. */
export interface PlaceDraft {
  sector: string;
  arena: string;
  object: string;
  emoji: string;
  /** Predicate and object of the event; the subject is always the agent. */
  event: [string, string];
  state: string;
}

const optionalText = (maxChars: number) =>
  z.union([z.string(), z.null()]).optional().transform((s) => clip((s ?? "").trim(), maxChars));

export const placeDraftSchema = z.object({
  sector: text(120),
  arena: text(120),
  object: optionalText(80),
  emoji: optionalText(16),
  // ["is brewing", "coffee"], or with the subject first as a triple
  event: z.array(z.string()).min(2).max(3).transform((e) => (e.length === 3 ? [e[1], e[2]] : [e[0], e[1]]) as [string, string]),
  state: optionalText(80),
});

/** The place answer as the model should write it (for structured output). */
export const placeOutputFields = {
  sector: z.string(),
  arena: z.string(),
  object: z.string().describe("may be empty"),
  emoji: z.string(),
  event: z.array(z.string()).min(2).max(2).describe('["verb phrase", "what"]'),
  state: z.string().describe("what the object is doing"),
};

/** The answer's fields, as the prompt shows them. */
export const PLACE_FIELDS =
  '"sector": "", "arena": "", "object": "" (may stay empty), "emoji": "", "event": ["verb phrase", "what"], ' +
  '"state": "what the object is doing"';

export const PLACE_SYSTEM = system("You decide where in town a resident does tasks, using only the places listed, with names as written.");

export const actionPlaceUnit: PromptUnit<PlaceInput, PlaceDraft> = {
  name: "action_place",
  build: (input) => ({
    system: PLACE_SYSTEM,
    user: [
      ...placeContext(input, EXPANDED_SECTORS),
      `Task: ${input.task}${input.parentTask && input.parentTask !== input.task ? ` (part of: ${input.parentTask})` : ""}.`,
      `Answer {${PLACE_FIELDS}}.`,
    ].join("\n"),
  }),
  outputSchema: z.object(placeOutputFields),
  schema: placeDraftSchema,
  fallback: (input) => {
    const sector = [input.currentSector, homeOf(input.persona).sector].find((s) => s && input.known.has(s)) ?? [...input.known.keys()][0] ?? "";
    const arena = allowedArenas(input.persona, sector, input.known)[0] ?? "";
    return { sector, arena, object: "", emoji: DEFAULT_EMOJI, event: ["is", input.task], state: "" };
  },
  maxTokens: 90,
  temperature: 0.2,
};

/**
 * Who, when, where now, and the places: `expandedCount` sectors with arenas and objects,
 * the other allowed ones by name. The place hangs on the task, not the character, so
 * name and home stand for the persona here.
 */
export function placeContext(input: PlaceInput, expandedCount: number): string[] {
  const { persona, nowMinute, currentSector } = input;
  const { expanded, others } = candidateSectors(input, expandedCount);
  const when = nowMinute === undefined ? "" : ` It is ${timeText(nowMinute)}.`;
  const where = currentSector ? ` ${persona.firstName} is at ${currentSector}.` : "";
  return [
    `${persona.name} lives in ${homeOf(persona).sector}.${when}${where}`,
    "Places (sector: arena [objects]):",
    ...expanded.map((s) => `- ${describeSector(persona, s, input.known)}`),
    ...(others.length > 0 ? [`Other sectors: ${others.join(", ")}.`] : []),
  ];
}

/** Sectors shown with their arenas and objects, best first, and the other allowed ones by name. */
export function candidateSectors(input: PlaceInput, expandedCount = EXPANDED_SECTORS): { expanded: string[]; others: string[] } {
  const home = homeOf(input.persona).sector;
  const taskWords = wordsOf(`${input.task} ${input.parentTask ?? ""}`);
  const mentions = (text: string | undefined, s: string) => (text ?? "").toLowerCase().includes(s.toLowerCase());
  const score = (s: string): number =>
    (mentions(input.task, s) ? 100 : 0) +
    (mentions(input.parentTask, s) ? 50 : 0) +
    (s === input.currentSector ? 6 : 0) +
    (s === home ? 5 : 0) +
    2 * overlap(taskWords, sectorWords(s, input));
  const ranked = allowedSectors(input.persona, input.known)
    .map((s) => ({ s, n: score(s) }))
    .sort((a, b) => b.n - a.n || a.s.localeCompare(b.s));
  return { expanded: ranked.slice(0, expandedCount).map((r) => r.s), others: ranked.slice(expandedCount).map((r) => r.s).sort() };
}

export type ResolvedPlace =
  | { ok: true; answer: PlaceAnswer }
  /** `sector` is set when the sector was known but the arena was not. */
  | { ok: false; sector: string | null; problem: string };

/**
 * Reads the draft's names as allowed known places (closest name when not exact). An
 * unknown object is dropped (the arena alone is a valid place); an unknown sector or
 * arena is reported, so the caller can fall back.
 */
export function resolvePlace(draft: PlaceDraft, input: PlaceInput): ResolvedPlace {
  const sector = matchName(draft.sector, allowedSectors(input.persona, input.known));
  if (!sector) return { ok: false, sector: null, problem: `unknown sector "${draft.sector}"` };
  const arena = matchName(draft.arena, allowedArenas(input.persona, sector, input.known));
  if (!arena) return { ok: false, sector, problem: `unknown arena "${draft.arena}" in ${sector}` };
  const object = matchName(draft.object, input.known.get(sector)?.get(arena) ?? []) ?? undefined;
  return {
    ok: true,
    answer: {
      sector,
      arena,
      ...(object !== undefined && { object }),
      emoji: draft.emoji || DEFAULT_EMOJI,
      event: [input.persona.name, draft.event[0] || "is", draft.event[1] || input.task],
      objectState: object !== undefined ? draft.state : "",
    },
  };
}

/** True when the answer names only places in `known`. */
export function isKnownPlace(answer: Pick<PlaceAnswer, "sector" | "arena" | "object">, input: PlaceInput): boolean {
  const objects = input.known.get(answer.sector)?.get(answer.arena);
  return objects !== undefined && (answer.object === undefined || objects.includes(answer.object));
}

function sectorWords(sector: string, input: PlaceInput): Set<string> {
  const arenas = input.known.get(sector);
  const names = [sector, ...(arenas?.keys() ?? []), ...[...(arenas?.values() ?? [])].flat()];
  return wordsOf(names.join(" "));
}

const STOP_WORDS = new Set(["the", "and", "for", "with", "from", "into", "about", "some", "her", "his", "their", "own"]);

function wordsOf(s: string): Set<string> {
  const words = (s.toLowerCase().match(/[a-z]{3,}/g) ?? []).filter((w) => !STOP_WORDS.has(w));
  return new Set(words.map((w) => w.replace(/(es|s)$/, "")));
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}
