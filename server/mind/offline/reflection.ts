/**
 * Rule-based reflection: questions from the people and topics that recur in recent
 * memories; insights that generalise across several of them (patterns about people,
 * plans, feelings, the talk of the town), citing the memories they rest on. The daily
 * revision of "currently" is in `currently.ts`.
 */
import { tokenize } from "../../agents/memory/embedding";
import { GAME_MS_PER_HOUR } from "../../agents/memory/constants";
import type { Persona } from "../../sim/scenario";
import type { InsightAnswer, MemoryRef } from "../mind";
import { capitalize, escapeRe, fixProgressive, gerund, joinList, sentences, stripEnd } from "./language";
import { isCandidate } from "./views";
import { newsInMemory, peopleIn, topicOf } from "./topics";

const MAX_INSIGHTS = 5;
const MAX_EVIDENCE = 8;

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

/** Sentences this module writes: grouping them again would only echo them. */
export const OWN_INSIGHT = /\b(and I talk often|I keep running into|spends a lot of time|cares about|seems to be talking about|keeps coming up|I plan to go to|I've invited|I've told|I've been enjoying|I'm getting to know|share an interest in|Most of my days)\b|^I plan to go to/;

const DAY_PLAN = /^this is .+'s plan for\b/i;
/** Memories made within this long of each other belong to one conversation (its summary, memo and heard lines). */
const SAME_TALK_MS = 10 * 60_000;

interface Candidate {
  insight: string;
  evidence: MemoryRef[];
  /** People and topics the insight is about, to rank those the question asks about first. */
  about: string[];
  /** plans and feelings first, then people, then the talk of the town. */
  order: number;
}

/**
 * Insights that generalise across several memories, each citing at least two: patterns
 * about people (we talk often, they spend their time on X, they care about Y, we share an
 * interest), plans (an event to go to and who told of it; the guests a host has invited,
 * the neighbours a candidate has told), feelings (enjoying the company of many people,
 * what the days revolve around) and the talk of the town (news several people told).
 * A single observation ("I saw Latoya washing the dishes") is not an insight.
 */
export function insightsFor(p: Persona, question: string, memories: MemoryRef[]): InsightAnswer[] {
  const usable = memories.filter((m) => !/\bis idle\b/.test(m.text) && !/^[a-z]/.test(m.text) && !OWN_INSIGHT.test(m.text));
  const facts = usable.filter((m) => !DAY_PLAN.test(m.text));
  const found: Candidate[] = [...planInsights(p, facts), ...feelingInsights(p, usable), ...personInsights(p, facts), ...topicInsights(p, facts)];
  const focusPeople = peopleIn(question).filter((n) => n !== p.name);
  const focusStems = new Set(tokenize(question).filter((t) => !GENERIC.has(t)));
  const inFocus = (c: Candidate) => c.about.some((a) => focusPeople.includes(a) || tokenize(a).some((t) => focusStems.has(t)));
  const ranked = found.filter((c) => c.evidence.length >= 2).sort((a, b) => Number(inFocus(b)) - Number(inFocus(a)) || a.order - b.order || b.evidence.length - a.evidence.length);
  const out: InsightAnswer[] = [];
  for (const c of ranked) {
    if (out.length >= MAX_INSIGHTS || out.some((o) => o.insight === c.insight)) continue;
    out.push({ insight: c.insight, evidence: [...new Set(c.evidence.map((m) => m.id))].slice(0, MAX_EVIDENCE) });
  }
  return out;
}

/** Conversations among memories: those made within minutes of each other are one. */
function talks(list: MemoryRef[]): number {
  const times = [...new Set(list.map((m) => m.createdMs))].sort((a, b) => a - b);
  let n = 0;
  let last = -Infinity;
  for (const t of times) {
    if (t - last > SAME_TALK_MS) n++;
    last = t;
  }
  return n;
}

/** The partner a memory of a conversation is with: a summary, a memo, an invitation made, a line heard. */
function talkedWith(p: Persona, text: string): string | null {
  return (
    new RegExp(`^${escapeRe(p.name)} and (.+?) talked about`).exec(text)?.[1] ??
    /^I (?:invited|told) ([A-Z][a-z]+ [A-Z][a-z]+)\b/.exec(text)?.[1] ??
    /^([A-Z][a-z]+ [A-Z][a-z]+) (?:told me|thinks the Ville needs)\b/.exec(text)?.[1] ??
    (/^I (?:had a friendly chat|talked|got to know|enjoy talking) with ([A-Z][a-z]+ [A-Z][a-z]+)/.exec(text)?.[1] ?? null)
  );
}

const NEEDS = "thinks the Ville needs"; // a view on the town heard ("Sam Moore thinks the Ville needs more parks")
function personInsights(p: Persona, memories: MemoryRef[]): Candidate[] {
  const out: Candidate[] = [];
  const named = memories.flatMap((m) => peopleIn(m.text));
  const people = [...new Set(named)].filter((n) => n !== p.name);
  // What I am busy with (the first sentence of "currently"), without names, places and events.
  const names = new Set(tokenize(`${p.name} ${named.join(" ")} ville cafe hobbs park college pub market store party valentine night still`));
  const mine = new Set(tokenize(sentences(p.currently)[0] ?? "").filter((t) => t.length >= 5 && !GENERIC.has(t) && !names.has(t)));
  for (const person of people) {
    const about = memories.filter((m) => m.text.includes(person));
    const chats = about.filter((m) => talkedWith(p, m.text) === person);
    const seen = commonActivity(person, about, p.name);
    const topic = chatTopic(chats.map((m) => m.text));
    if (talks(chats) >= 2) out.push({ insight: `${person} and I talk often${topic ? `; lately we talked about ${topic}` : ""}`, evidence: chats, about: [person], order: 2 });
    else if (chats.length > 0 && about.length >= 2) out.push({ insight: `I'm getting to know ${person}${topic ? `; we talked about ${topic}` : ""}`, evidence: about, about: [person], order: 2 });
    if (seen && seen.hours >= 3) out.push({ insight: `${person} spends a lot of time ${seen.activity}`, evidence: seen.members, about: [person], order: 3 });
    const view = about.map((m) => m.text.includes(NEEDS) && /thinks the Ville needs (.+?)\.?$/.exec(sentences(m.text).find((x) => x.startsWith(`${person} ${NEEDS}`)) ?? "")?.[1]).find((v) => v);
    if (view) out.push({ insight: `${person} cares about ${view}`, evidence: about, about: [person], order: 2 });
    // What I care about, in two or more memories of this person.
    const shared = [...mine].filter((t) => about.filter((m) => tokenize(m.text).includes(t)).length >= 2 && !tokenize(person).includes(t));
    if (shared.length >= 2) out.push({ insight: `${person} and I share an interest in ${joinList(sharedWords(shared, about))}`, evidence: about, about: [person], order: 2 });
  }
  return out;
}

/** The words of `stems` as they appear in the memories (a stem "gentrif" -> "gentrification"), at most three. */
function sharedWords(stems: string[], memories: MemoryRef[]): string[] {
  const words = memories.flatMap((m) => m.text.split(/[^\p{L}'-]+/u));
  return stems.slice(0, 3).map((st) => words.find((w) => tokenize(w)[0] === st)?.toLowerCase() ?? st);
}

/** Plans: an event to go to and who told of it; a host's guests; a candidate's canvass. */
function planInsights(p: Persona, memories: MemoryRef[]): Candidate[] {
  const out: Candidate[] = [];
  const topics = new Map<string, MemoryRef[]>();
  for (const m of memories) for (const t of topicsOf(m.text)) topics.set(t, [...(topics.get(t) ?? []), m]);
  for (const [topic, members] of topics) {
    const going = members.some((m) => /I should go to|planning to go/i.test(m.text));
    const tellers = [...new Set(members.flatMap((m) => newsInMemory(m.text).map((n) => n.teller ?? "")).filter((t) => t))];
    if (going) out.push({ insight: `I plan to go to ${topic}${tellers.length > 0 ? `; ${tellers.length >= 3 ? "several people" : joinList(tellers)} told me about it` : ""}`, evidence: members, about: [topic], order: 0 });
  }
  const invitations = new Map<string, { people: string[]; members: MemoryRef[] }>();
  const canvassed: { people: string[]; members: MemoryRef[] } = { people: [], members: [] };
  const views: string[] = [];
  for (const m of memories) {
    for (const s of sentences(m.text)) {
      const inv = /^I invited (.+?) to my (.+?)\.?$/.exec(s);
      if (inv) {
        const e = invitations.get(inv[2]) ?? { people: [], members: [] };
        if (!e.people.includes(inv[1])) e.people.push(inv[1]);
        e.members.push(m);
        invitations.set(inv[2], e);
      }
      const told = /^I told (.+?) that I'm running for\b/.exec(s);
      if (told && !canvassed.people.includes(told[1])) canvassed.people.push(told[1]), canvassed.members.push(m);
      const view = /thinks the Ville needs (.+?)\.?$/.exec(s)?.[1];
      if (view && !views.includes(view)) views.push(view), canvassed.members.push(m);
    }
  }
  for (const [event, e] of invitations) {
    if (e.people.length < 2) continue;
    out.push({ insight: `I've invited ${joinList(e.people.slice(0, 4))}${e.people.length > 4 ? " and others" : ""} to my ${event}, and I'm looking forward to it`, evidence: e.members, about: [event, ...e.people], order: 0 });
  }
  // Only a candidate canvasses.
  if (isCandidate(p) && canvassed.people.length + views.length >= 2) {
    const heard = views.length > 0 ? `; my neighbours want ${views.slice(0, 2).join("; and ")}` : "";
    const who = canvassed.people.length > 0 ? `I've told ${joinList(canvassed.people.slice(0, 3))} about my campaign` : "I've been asking my neighbours what the Ville needs";
    out.push({ insight: `${who}${heard}`, evidence: canvassed.members, about: ["campaign", "election", ...canvassed.people], order: 0 });
  }
  return out;
}

/** Feelings: the company of many people; what the days revolve around. */
function feelingInsights(p: Persona, memories: MemoryRef[]): Candidate[] {
  const out: Candidate[] = [];
  const byPartner = new Map<string, MemoryRef[]>();
  for (const m of memories) {
    const who = talkedWith(p, m.text);
    if (who) byPartner.set(who, [...(byPartner.get(who) ?? []), m]);
  }
  const partners = [...byPartner.keys()];
  if (partners.length >= 3) out.push({ insight: `I've been enjoying the company of my neighbours lately, especially ${joinList(partners.slice(0, 3))}`, evidence: [...byPartner.values()].flat(), about: partners, order: 1 });
  const plans = memories.filter((m) => DAY_PLAN.test(m.text));
  if (plans.length >= 2) {
    const items = plans.map((m) => new Set((m.text.split(": ")[1] ?? "").split(/,\s*/).map((x) => x.replace(/\s+at \d{1,2}:\d{2} ?[ap]m\.?$/i, "").trim())));
    const common = [...items[0]].filter((x) => items.every((set) => set.has(x)) && !/breakfast|lunch|dinner|morning routine|ready for bed|relax|tidy/.test(x));
    // The day's work (planned around lunch, so twice in a day's plan) before a walk or a coffee.
    const twice = common.find((x) => plans.some((m) => (m.text.match(new RegExp(`\\b${escapeRe(x)} at \\d`, "g")) ?? []).length >= 2));
    const main = twice ?? common[0];
    if (main) out.push({ insight: `Most of my days are spent ${gerundPhrase(main)}`, evidence: plans, about: [common[0]], order: 1 });
  }
  return out;
}

function gerundPhrase(task: string): string {
  return gerund(task).replace(/\b(his|her|their)\b/g, "my");
}

/** The talk of the town: news that two or more people told, or that keeps coming up. */
function topicInsights(p: Persona, memories: MemoryRef[]): Candidate[] {
  const out: Candidate[] = [];
  const topics = new Map<string, MemoryRef[]>();
  for (const m of memories) for (const t of topicsOf(m.text)) topics.set(t, [...(topics.get(t) ?? []), m]);
  for (const [topic, members] of topics) {
    if (members.some((m) => /I should go to|planning to go/i.test(m.text))) continue;
    const tellers = [...new Set(members.flatMap((m) => newsInMemory(m.text).map((n) => n.teller ?? "")).filter((t) => t))];
    const own = members.some((m) => newsInMemory(m.text).some((n) => n.core.startsWith(p.name)));
    if (!own && tellers.length >= 2) out.push({ insight: `Everyone seems to be talking about ${topic}: ${joinList(tellers.slice(0, 3))} told me about it`, evidence: members, about: [topic, ...tellers], order: 3 });
    else if (!own && talks(members) >= 3) out.push({ insight: `${capitalize(topic)} keeps coming up around me`, evidence: members, about: [topic], order: 3 });
  }
  return out;
}

/** News topics a memory carries, and the event of a plan to go somewhere ("I should go to the party ..."). */
function topicsOf(text: string): string[] {
  const out = newsInMemory(text).map((n) => topicOf(n.core));
  const plan = /^(?:for my planning:\s*)?I should go to (.+)$/i.exec(text.trim());
  if (plan) out.push(topicOf(plan[1]));
  const chat = /talked about (.+?)\.?$/.exec(text);
  if (chat) out.push(topicOf(chat[1]));
  return [...new Set(out.filter((t): t is string => t !== null))];
}

/**
 * The most frequent action of a person in event memories ("Klaus Mueller is writing ..."),
 * with the number of distinct game hours it was seen in (one long action perceived step
 * after step is not "often") and the memories that show it. The resident itself becomes "me".
 */
function commonActivity(person: string, members: MemoryRef[], self: string): { activity: string; hours: number; members: MemoryRef[] } | null {
  const hours = new Map<string, { hours: Set<number>; members: MemoryRef[] }>();
  const prefix = `${person} is `;
  for (const m of members) {
    if (!m.text.startsWith(prefix)) continue;
    const activity = stripEnd(fixProgressive(m.text).slice(prefix.length).replace(/\s*\([^)]*\)/g, ""))
      .replace(/^(?:still|getting back to|wrapping up) /, "")
      .replace(new RegExp(`\\b${self}\\b`, "g"), "me");
    if (!activity || /^(sleeping|idle)$/.test(activity) || /^chatting with\b/.test(activity)) continue;
    const seen = hours.get(activity) ?? { hours: new Set<number>(), members: [] };
    seen.hours.add(Math.floor(m.createdMs / GAME_MS_PER_HOUR));
    seen.members.push(m);
    hours.set(activity, seen);
  }
  const best = [...hours.entries()].sort((a, b) => b[1].hours.size - a[1].hours.size)[0];
  return best ? { activity: best[0], hours: best[1].hours.size, members: best[1].members } : null;
}

/** A topic of talks with someone: news first, then the first topic of a conversation summary. */
function chatTopic(texts: string[]): string | null {
  for (const t of texts) for (const n of newsInMemory(t)) {
    const topic = topicOf(n.core);
    if (topic) return topic;
  }
  for (const t of texts) {
    const m = /talked about (.+?)(?:\.|$)/.exec(t);
    const first = m?.[1].split(/, | and (?=[A-Z])/)[0];
    if (first && !/^how their day/.test(first)) return first;
  }
  return null;
}
