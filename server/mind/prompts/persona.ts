/**
 * Shared pieces of every prompt: who the agent is (the "identity stable set"), the time,
 * memories with their ids, and a conversation so far. Every piece is capped, because
 * tokens are the cost: the caller passes the few memories that matter, and we still
 * clip them so one long memory cannot blow up a prompt.
 */
import { formatDate, formatTimeOfDay } from "../../sim/clock";
import type { Persona } from "../../sim/scenario";
import type { ChatTurn, MemoryRef } from "../mind";
import { clip } from "./fields";

/** How every system message ends: JSON mode needs the word, and a bare object parses best. */
export const JSON_ONLY = "Reply with one JSON object.";

/** A system message: the role of this one question, then the JSON rule. */
export function system(role: string): string {
  return `${role} ${JSON_ONLY}`;
}

const BACKGROUND_CHARS = 420;
const CURRENTLY_CHARS = 300;
const MEMORY_CHARS = 180;
const TURN_CHARS = 240;
const SHORT_CURRENTLY_CHARS = 110;

/**
 * The full identity: name, age, traits, background, current situation and routine.
 * For the once-a-day questions (planning, identity revision) and interviews.
 */
export function identity(p: Persona): string {
  return [
    `${p.name}, age ${p.age}. Traits: ${p.innate}.`,
    `Background: ${clip(p.learned, BACKGROUND_CHARS)}`,
    `Currently: ${clip(p.currently, CURRENTLY_CHARS)}`,
    `Routine: ${p.lifestyle}.`,
  ].join("\n");
}

/** The short identity for frequent questions: name, age, traits and the first line of "currently". */
export function briefIdentity(p: Persona): string {
  return `${p.name}, age ${p.age}; ${p.innate}. ${clip(firstSentence(p.currently), 160)}`;
}

/**
 * The one-line identity for the most frequent questions (scores, steps, places): name,
 * age, traits and the gist of "currently", about half the brief identity.
 */
export function shortIdentity(p: Persona): string {
  return `${p.name} (${p.age}; ${p.innate}): ${clip(firstSentence(p.currently), SHORT_CURRENTLY_CHARS)}`;
}

/** Who the agent is in a line for scoring memories: the name and the gist of "currently". */
export function gist(p: Persona): string {
  return `${p.name}, ${p.age}: ${clip(firstSentence(p.currently), SHORT_CURRENTLY_CHARS)}`;
}

/** The persona's own note on `name`, if they know them ("Klaus Mueller: regular customer; ..."). */
export function relationTo(p: Persona, name: string): string {
  const r = p.relationships.find((rel) => rel.name === name);
  return r ? `${name} is ${p.firstName}'s ${r.relation}. ${clip(r.note, 160)}` : `${p.firstName} has no recorded relationship with ${name}.`;
}

/** "8:05 am" */
export function timeText(minute: number): string {
  return formatTimeOfDay(((Math.round(minute) % 1440) + 1440) % 1440);
}

/** "Monday February 13, 2023" */
export function dateText(dayStartMs: number): string {
  return formatDate(dayStartMs);
}

/**
 * "[n12] Isabella is planning a party", one a line, for the first `limit` memories,
 * "(none)" when empty. Memories with the same text (an event seen again, a thought noted
 * twice) share one line with all their ids: "[n12, n40] Klaus is reading".
 */
export function memoryLines(memories: readonly MemoryRef[], limit: number): string {
  if (memories.length === 0) return "(none)";
  const byText = new Map<string, string[]>();
  for (const m of memories.slice(0, limit)) {
    const text = clip(oneLine(m.text), MEMORY_CHARS);
    byText.set(text, [...(byText.get(text) ?? []), m.id]);
  }
  return [...byText].map(([text, ids]) => `[${ids.join(", ")}] ${text}`).join("\n");
}

/** The last `limit` turns as "Name: text" lines, "(nothing yet)" when empty. */
export function transcriptLines(turns: readonly ChatTurn[], limit: number): string {
  if (turns.length === 0) return "(nothing yet)";
  const shown = turns.slice(-limit).map((t) => `${t.speaker}: ${clip(oneLine(t.text), TURN_CHARS)}`);
  return (turns.length > limit ? ["(earlier lines left out)"] : []).concat(shown).join("\n");
}

export function firstSentence(text: string): string {
  const match = /^.*?[.!?](\s|$)/.exec(text.trim());
  return (match ? match[0] : text).trim();
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
