/**
 * Extractive reflection: questions from the people and topics that recur in recent
 * memories; insights that group memories sharing a person, a piece of news or a word and
 * state what the group has in common, citing the grouped memories; and the daily
 * revision of "currently" from plans made and news heard.
 */
import { tokenize } from "../../agents/memory/embedding";
import { GAME_MS_PER_DAY, GAME_MS_PER_HOUR } from "../../agents/memory/constants";
import type { Persona } from "../../sim/scenario";
import type { InsightAnswer, MemoryRef } from "../mind";
import { capitalize, clip, fixProgressive, joinList, sentences, stripEnd } from "./language";
import { scorePoignancy } from "./poignancy";
import { newsInMemory, peopleIn, sameNews, topicOf } from "./topics";

const MAX_INSIGHTS = 5;
const MAX_EVIDENCE = 8;
const MAX_CURRENTLY_CHARS = 600;

/** Words too common in memories to make an insight of. */
const GENERIC = new Set(
  tokenize(
    "told talked said say chat chatted conversation thought think today tomorrow really often also going planning plan should would like just " +
      "everyone welcome people person thing things time day lately recently idle relationship know want good great nice right now usual",
  ),
);

export function questionsFrom(p: Persona, memories: MemoryRef[]): string[] {
  const people = rankCounts(memories.map((m) => peopleIn(m.text).filter((n) => n !== p.name)));
  const topics = rankCounts(memories.map((m) => newsInMemory(m.text).map((n) => topicOf(n.core)).filter((t): t is string => t !== null)));
  const out: string[] = [];
  const add = (q: string | null) => {
    if (q && !out.includes(q) && out.length < 3) out.push(q);
  };
  add(people[0] ? `What is my relationship with ${people[0]} like?` : null);
  add(topics[0] ? `What do I think about ${topics[0]}?` : null);
  add(people[1] ? `What do I know about ${people[1]}?` : topics[1] ? `What do I think about ${topics[1]}?` : null);
  for (const q of ["What am I working on these days?", "What matters most to me right now?", "How have my days in the Ville been going?"]) add(q);
  return out;
}

/** Items by how many lists hold them, most first; ties keep first appearance. */
function rankCounts(lists: string[][]): string[] {
  const counts = new Map<string, number>();
  for (const l of lists) for (const x of new Set(l)) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([x]) => x);
}

interface Group {
  /** person: memories naming someone; topic: a piece of news; self: what I do. */
  kind: "person" | "topic" | "self";
  key: string;
  members: MemoryRef[];
}

/** Sentences this module writes: grouping them again would only echo them. */
export const OWN_INSIGHT = /\b(is often|I saw|and I talk often|has been on my mind|told me about|keeps coming up|I spend much of my time|This stays with me|matters a lot to me)\b|^I plan to go to/;

export function insightsFor(p: Persona, question: string, memories: MemoryRef[]): InsightAnswer[] {
  const focusPeople = peopleIn(question).filter((n) => n !== p.name);
  const focusStems = new Set(tokenize(question).filter((t) => !GENERIC.has(t)));
  const asksSelf = /\b(I|my|me)\b/.test(question) && focusPeople.length === 0;
  const inFocus = (g: Group) =>
    g.kind === "person" ? focusPeople.includes(g.key) : g.kind === "topic" ? tokenize(g.key).some((t) => focusStems.has(t)) : asksSelf;
  const ranked = groupMemories(p, memories)
    .filter((g) => g.members.length >= 2 || (inFocus(g) && g.kind !== "self"))
    .sort((a, b) => Number(inFocus(b)) - Number(inFocus(a)) || kindRank(a) - kindRank(b) || b.members.length - a.members.length);
  const chosen: Group[] = [];
  for (const g of ranked) {
    if (chosen.length >= MAX_INSIGHTS) break;
    if (chosen.some((c) => overlapShare(c, g) >= 0.8)) continue;
    chosen.push(g);
  }
  const out = chosen.map((g) => ({ insight: statement(p, g), evidence: g.members.slice(0, MAX_EVIDENCE).map((m) => m.id) }));
  if (out.length > 0) return out;
  // Nothing recurs: the most important memory stands on its own.
  return [...memories]
    .filter((m) => !OWN_INSIGHT.test(m.text) && !/\bis idle\b/.test(m.text))
    .sort((a, b) => weight(p, b) - weight(p, a))
    .slice(0, 1)
    .map((m) => ({ insight: `This stays with me: ${fixProgressive(stripEnd(m.text.replace(/^for my planning:\s*/i, "")))}`, evidence: [m.id] }));
}

function kindRank(g: Group): number {
  return g.kind === "topic" ? 0 : g.kind === "person" ? 1 : 2;
}

function overlapShare(a: Group, b: Group): number {
  const ids = new Set(a.members.map((m) => m.id));
  return b.members.filter((m) => ids.has(m.id)).length / b.members.length;
}

function weight(p: Persona, m: MemoryRef): number {
  return scorePoignancy({ persona: p, kind: "thought", description: m.text });
}

/**
 * Memories grouped by a person they name, a piece of news they carry, and (for the
 * resident's own actions) by the resident. Object events ("bed is in use"), idle events
 * and this module's own insights are left out.
 */
function groupMemories(p: Persona, memories: MemoryRef[]): Group[] {
  const groups = new Map<string, Group>();
  const add = (kind: Group["kind"], key: string, m: MemoryRef) => {
    const id = `${kind}:${key}`;
    const g = groups.get(id) ?? { kind, key, members: [] };
    if (!g.members.includes(m)) g.members.push(m);
    groups.set(id, g);
  };
  for (const m of memories) {
    if (/\bis idle\b/.test(m.text) || /^[a-z]/.test(m.text) || OWN_INSIGHT.test(m.text)) continue;
    for (const person of peopleIn(m.text)) if (person !== p.name) add("person", person, m);
    for (const t of topicsOf(m.text)) add("topic", t, m);
    if (m.text.startsWith(`${p.name} is `)) add("self", p.name, m);
  }
  return [...groups.values()];
}

/** News topics a memory carries, and the event of a plan to go somewhere ("I should go to the party ..."). */
function topicsOf(text: string): string[] {
  const out = newsInMemory(text).map((n) => topicOf(n.core));
  const plan = /^(?:for my planning:\s*)?I should go to (.+)$/i.exec(text.trim());
  if (plan) out.push(topicOf(plan[1]));
  return [...new Set(out.filter((t): t is string => t !== null))];
}

/** What a group's memories have in common, as one sentence. */
function statement(p: Persona, g: Group): string {
  const texts = g.members.map((m) => m.text);
  if (g.kind === "topic") {
    const tellers = [...new Set(g.members.flatMap((m) => newsInMemory(m.text).map((n) => n.teller ?? "")).filter((t) => t))];
    const told = tellers.length >= 3 ? "several people told me about it" : tellers.length > 0 ? `${joinList(tellers)} told me about it` : "";
    if (texts.some((t) => /I should go to|planning to go/i.test(t))) return `I plan to go to ${g.key}${told ? `; ${told}` : ""}`;
    if (told) return capitalize(told.replace(/ it$/, ` ${g.key}`));
    // The resident's own news (the host's party, the candidate's campaign).
    const own = g.members.some((m) => newsInMemory(m.text).some((n) => n.core.startsWith(p.name)));
    if (own) return `${capitalize(g.key.startsWith(p.name + " ") ? g.key.slice(p.name.length + 1) : g.key)} matters a lot to me`;
    return `${capitalize(g.key)} is news that keeps coming up around me`;
  }
  const doing = commonActivity(g.key, g.members, p.name);
  if (g.kind === "self") return doing && doing.hours >= 2 ? `I spend much of my time ${doing.activity}` : `I have been busy lately`;
  const talks = texts.filter((t) => /\b(talked about|told me|chat)\b/.test(t));
  if (talks.length * 2 >= texts.length) {
    const topic = chatTopic(talks);
    return `${g.key} and I talk often${topic ? `, lately about ${topic}` : ""}`;
  }
  if (doing && doing.hours >= 3) return `${g.key} is often ${doing.activity}`;
  if (doing) return `I saw ${g.key} ${doing.activity}`;
  return `${g.key} has been on my mind lately`;
}

/**
 * The most frequent action of a person in event memories ("Klaus Mueller is write ..."),
 * in the -ing form, with the number of distinct game hours it was seen in (one long
 * action perceived step after step is not "often"). The resident itself becomes "me".
 */
function commonActivity(person: string, members: MemoryRef[], self: string): { activity: string; hours: number } | null {
  const hours = new Map<string, Set<number>>();
  const prefix = `${person} is `;
  for (const m of members) {
    if (!m.text.startsWith(prefix)) continue;
    const activity = stripEnd(fixProgressive(m.text).slice(prefix.length).replace(/\s*\([^)]*\)/g, "")).replace(new RegExp(`\\b${self}\\b`, "g"), "me");
    if (!activity || /^(sleeping|idle)$/.test(activity)) continue;
    const seen = hours.get(activity) ?? new Set<number>();
    seen.add(Math.floor(m.createdMs / GAME_MS_PER_HOUR));
    hours.set(activity, seen);
  }
  const best = [...hours.entries()].sort((a, b) => b[1].size - a[1].size)[0];
  return best ? { activity: best[0], hours: best[1].size } : null;
}

/** A topic of talks with someone: news first, then the first topic of a conversation summary. */
function chatTopic(texts: string[]): string | null {
  for (const t of texts) for (const n of newsInMemory(t)) {
    const topic = topicOf(n.core);
    if (topic) return topic;
  }
  for (const t of texts) {
    const m = /talked about (.+?)(?:\.|$)/.exec(t);
    const first = m?.[1].split(/, | and /)[0];
    if (first && !/^how their day/.test(first)) return first;
  }
  return null;
}

/**
 * The new "currently": the old one without yesterday's additions, plus a sentence on the
 * plans made and the news heard recently (most important first), bounded in length.
 */
export function revisedCurrently(p: Persona, currently: string, memories: MemoryRef[], dayStartMs: number): string {
  const recent = memories.filter((m) => m.createdMs >= dayStartMs - 2 * GAME_MS_PER_DAY);
  // Older plans and news are stale (the party may be over): only the last two days count.
  const pool = recent.sort((a, b) => weight(p, b) - weight(p, a));
  const added = new RegExp(`^${p.firstName} (plans to|has heard that|is planning to)\\b`);
  const base = sentences(currently).filter((s) => !added.test(s)).join(" ");
  const plans: string[] = [];
  const news: string[] = [];
  for (const m of pool) {
    const plan = /^(?:for my planning:\s*)?I should go to (.+)$/i.exec(stripEnd(m.text));
    if (plan && plans.length < 1 && !sameNews(plan[1], base)) plans.push(`plans to go to ${plan[1]}`);
  }
  for (const m of pool) {
    for (const n of newsInMemory(m.text)) {
      if (news.length >= 1 || n.core.startsWith(p.name) || sameNews(n.core, base) || plans.some((x) => sameNews(x, n.core))) continue;
      news.push(`has heard that ${clip(n.core, 160)}`);
    }
  }
  const parts = [...plans, ...news];
  if (parts.length === 0) return `${clip(base, MAX_CURRENTLY_CHARS - 1)}.`;
  const extra = `${p.firstName} ${joinList(parts)}.`;
  const room = MAX_CURRENTLY_CHARS - extra.length - 1;
  return `${stripEnd(clip(base, Math.max(80, room)))}. ${extra}`;
}
