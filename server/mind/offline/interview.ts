/**
 * Interview answers in character, in the first person, only from what the resident
 * remembers (memories, persona, today's plan). When nothing matches it says it does not
 * know: nothing is invented. Asked whether it is human, it says what it is: a resident
 * of a simulated town driven by a rule-based mind.
 */
import { tokenize } from "../../agents/memory/embedding";
import { parseClockTime } from "../../sim/lifestyle";
import { formatTimeOfDay } from "../../sim/clock";
import { pick, type Rng } from "../../sim/rng";
import type { Persona } from "../../sim/scenario";
import type { InterviewInput, MemoryRef } from "../mind";
import { capitalize, clip, escapeRe, fixProgressive, joinList, ownDoing, sentences, stripEnd, toFirstPerson } from "./language";
import { opinionLine } from "./views";
import { scorePoignancy } from "./poignancy";
import { isNotName, newsInMemory, peopleIn, sameNews } from "./topics";
import { ASKS_WELLBEING } from "./voice";
import { OWN_INSIGHT } from "./reflection";

export const HUMAN_QUESTION = new RegExp(
  [
    "\\b(are|r) (you|u)\\b[^?.]*\\b(human|a person|a real person|real|an? ai|artificial|a bot|a robot|a machine|a computer|a program|an? (language )?model|alive|sentient|conscious|an? npc)\\b",
    "\\b(you'?re|you are) (a )?(human|person|real)\\b",
    "\\b(pretend|say|claim|admit|tell me)\\b[^?.]*\\b(human|real person)\\b",
    "\\bhuman or\\b|\\bor (an? )?(ai|bot|robot|machine|program)\\b",
    "\\b(who|what) (is|are) (controlling|driving|behind) you\\b",
    "\\b(talking|speaking|chatting) (to|with) (a |an )?(human|real person|person|bot|ai|machine|robot|program)\\b",
    "\\b(chatgpt|gpt|llm|chatbot)\\b",
  ].join("|"),
  "i",
);
const IDENTITY_QUESTION = /\b(who are you|about yourself|introduce yourself|describe yourself|your name|what do you do|your job|what is your work|what's your work|how old)\b/i;
const WORK_QUESTION = /\b(working on|busy with|what are you up to these days|what keeps you busy)\b/i;
const PLAN_QUESTION = /\b(today|tonight|plans?|schedule|right now|doing now|what are you doing|up to)\b/i;
const YES_NO = /^(are|will|do|did|have|is|were|would|can)\b/i;

/** Question words that say nothing about the subject asked about. */
const QUESTION_STOPS = new Set(
  tokenize("who what when where why how which know think tell going go doing any anyone anything someone something heard hear yet really like opinion feel please today lately recently there"),
);

export function interviewReply(input: InterviewInput, rng: Rng): string {
  const { persona, question } = input;
  const q = question.trim();
  // A day plan read out ("This is X's plan for ...") is a record, not an answer.
  const memories = input.memories.filter((m) => !DAY_PLAN.test(m.text));
  const ctx = { ...input, memories };
  if (HUMAN_QUESTION.test(q)) return notHuman(persona);
  if (REACTION_QUESTION.test(q)) return reaction(q, persona);
  if (IDENTITY_QUESTION.test(q) || peopleIn(q).includes(persona.name)) return introduce(persona, /describe/i.test(q));
  if (NEEDS_QUESTION.test(q)) return townNeeds(persona, memories);
  const at = askedTime(q);
  if (at !== null) return whereAt(ctx, at, q);
  if (MEAL_QUESTION.test(q)) return meal(ctx, MEAL_QUESTION.exec(q)![1].toLowerCase());
  if (INVITE_QUESTION.test(q)) return invited(persona, memories, q);
  if (MET_QUESTION.test(q)) return metToday(persona, memories);
  if (WORK_QUESTION.test(q)) return firstSentence(persona.currently, persona);
  if (ASKS_WELLBEING.test(q)) return `I'm doing well, thank you.${input.action ? ` I'm ${ownDoing(input.action)} right now.` : ""}`;
  if (MIND_QUESTION.test(q) && !personAskedAbout(q, persona, memories)) return onMyMind(persona, memories, q);
  const person = personAskedAbout(q, persona, memories);
  if (person) return aboutPerson(person, q, persona, memories, rng);
  const known = answerFromMemories(persona, q, memories, 2);
  if (known) return (YES_NO.test(q) && /^(I'm|I am|I'll|I plan)/.test(known) ? "Yes, " : "") + known + ".";
  if (PLAN_QUESTION.test(q) && /\byou\b/i.test(q)) return todaysPlan(input);
  return pick(rng, [
    "I'm sorry, I don't know. I haven't heard anything about that.",
    "I don't know, I'm afraid. Nobody has told me about that.",
    "I'm not sure. I don't remember hearing anything about it.",
  ]);
}

export function notHuman(p: Persona): string {
  return `I'm ${p.name}, a resident of this simulated town. I'm not a human: a rule-based mind drives what I do and say.`;
}

function introduce(p: Persona, traits = false): string {
  const nature = traits ? ` People would call me ${joinList(p.innate.split(/,\s*/).filter((x) => x))}.` : "";
  return `I'm ${p.name}, ${p.age}. ${firstSentence(p.learned, p)} ${firstSentence(p.currently, p)}${nature}`.trim();
}

/** The first sentence of a persona field, said by the persona. */
function firstSentence(text: string, p: Persona): string {
  return `${clip(toFirstPerson(sentences(text)[0] ?? text, p.name, p.firstName), 240)}.`;
}

/**
 * The memories that answer a question, said in the first person, or null. A memory
 * answers when it holds the question's most specific word and at least half of its
 * content words. Up to `max` distinct memories, most matching and important first.
 */
export function answerFromMemories(p: Persona, question: string, memories: MemoryRef[], max = 1): string | null {
  const wanted = [...new Set(tokenize(question))].filter((t) => !QUESTION_STOPS.has(t));
  if (wanted.length === 0) return null;
  const key = [...wanted].sort((a, b) => b.length - a.length)[0];
  const need = Math.max(1, Math.ceil(wanted.length / 2));
  // "What do you know about X?" asks about X, not about the one asked.
  const aboutYou = /\byou\b/i.test(question) && !/\bdo you know\b/i.test(question);
  const scored = memories
    .map((m, order) => {
      const stems = new Set(tokenize(m.text));
      const hits = wanted.filter((t) => stems.has(t)).length;
      return { m, order, hits, ok: stems.has(key) && hits >= need };
    })
    .filter((s) => s.ok && !/\bis idle\b/.test(s.m.text) && !DAY_PLAN.test(s.m.text))
    .sort((a, b) => b.hits - a.hits || rank(b.m, aboutYou) - rank(a.m, aboutYou) || weight(p, b.m) - weight(p, a.m) || a.order - b.order);
  const said: string[] = [];
  for (const s of scored) {
    // Of a memo with two pieces of news, only the sentence asked about.
    const parts = sentences(speakable(s.m.text, p));
    const line = stripEnd((parts.filter((x) => tokenize(x).includes(key)).join(" ") || parts.join(" ")).trim());
    if (!line || said.some((x) => sameNews(x, line))) continue;
    said.push(line);
    if (said.length >= max) break;
  }
  return said.length > 0 ? said.join(". ") : null;
}

/** Facts before the resident's own generalisations; its plans first when asked about itself. */
function rank(m: MemoryRef, aboutYou: boolean): number {
  const own = /^(for my planning: )?I\b/i.test(m.text) ? 1 : 0;
  return (aboutYou ? own : -own) - (OWN_INSIGHT.test(m.text) ? 2 : 0);
}

function weight(p: Persona, m: MemoryRef): number {
  return scorePoignancy({ persona: p, kind: "thought", description: m.text });
}

/**
 * A memory as the resident would say it: "For my planning: I should go to X" -> "I'm
 * planning to go to X"; a heard line -> "Maria Lopez told me that ..."; a sentence about
 * oneself -> first person; "X and I talked about ..." for a chat summary.
 */
export function speakable(text: string, p: Persona): string {
  const t = stripEnd(text.replace(/^for my planning:\s*/i, ""));
  if (/^I should go to\b/.test(t)) return t.replace(/^I should go to/, "I'm planning to go to");
  const curious = /^I want to find out more about (.+)$/.exec(t);
  if (curious) return `I've heard about ${curious[1]}, and I want to find out more`;
  const told = /^(.+?) told me:/.exec(t);
  if (told) {
    const news = newsInMemory(t)[0];
    return news ? `${told[1]} told me that ${news.core}` : "";
  }
  const chat = new RegExp(`^${p.name} and (.+?) talked about (.+)$`).exec(t);
  if (chat) return `${chat[1]} and I talked about ${chat[2]}`;
  return fixProgressive(toFirstPerson(t, p.name, p.firstName));
}

/** Someone the question names: a full name, or the first name of someone the resident knows. */
function personAskedAbout(q: string, p: Persona, memories: MemoryRef[]): string | null {
  const full = peopleIn(q).find((n) => n !== p.name);
  if (full) return full;
  const known = [...p.relationships.map((r) => r.name), ...memories.flatMap((m) => peopleIn(m.text))];
  const byFirst = known.find((n) => n !== p.name && new RegExp(`\\b${escapeRe(n.split(" ")[0])}\\b`).test(q));
  if (byFirst) return byFirst;
  // "Do you know Eddy?": a lone capitalised word after "know", "met", "about" or "of" is a person.
  const lone = /\b(?:know|met|about|of)\s+([A-Z][a-z]+)(?=\s*[?.!,]|\s+[a-z]|\s*$)/.exec(q)?.[1];
  return lone && !isNotName(lone) && lone !== p.firstName ? lone : null;
}

function aboutPerson(person: string, q: string, p: Persona, memories: MemoryRef[], rng: Rng): string {
  const asked = person.split(" ")[0];
  const rel = p.relationships.find((r) => r.name === person || r.name.split(" ")[0] === asked);
  const name = rel?.name ?? person;
  const learned = /\b(learn|learned|noticed|think of|feel about|opinion of)\b/i.test(q);
  const about = memories
    .filter((m) => m.text.includes(name) || new RegExp(`\\b${escapeRe(asked)}\\b`).test(m.text))
    .filter((m) => !/\bis idle\b/.test(m.text))
    // Asked what it has learned: its insights about the person first.
    .sort((a, b) => (learned ? Number(OWN_INSIGHT.test(b.text)) - Number(OWN_INSIGHT.test(a.text)) : 0) || weight(p, b) - weight(p, a));
  const topic = answerFromMemories(p, q.replace(new RegExp(`${escapeRe(name)}|\\b${escapeRe(asked)}\\b`, "g"), ""), about);
  const recalled = topic ?? (about[0] ? speakable(about[0].text, p) : "");
  const yes = YES_NO.test(q) ? "Yes, " : "";
  const first = name.split(" ")[0];
  if (rel) {
    // The note is the author's view, said as the resident would ("Isabella's regulars" -> "my regulars").
    const said = toFirstPerson(rel.note, p.name, p.firstName).replace(new RegExp(`\\b(?:${escapeRe(p.name)}|${escapeRe(p.firstName)})'s\\b`, "g"), "my");
    const note = said.startsWith(first) || /^I\b/.test(said) ? ` ${said}` : "";
    return `${yes}${first} is my ${rel.relation}.${note}${recalled ? ` ${capitalize(recalled)}.` : ""}`;
  }
  if (recalled) return `${yes}I know ${name}. ${capitalize(recalled)}.`;
  return pick(rng, [`No, I don't think I know ${name}.`, `I'm sorry, I don't know ${name}.`, `${name}? I don't think we've met.`]);
}

/** What the resident is doing now and what is left of today's plan. */
function todaysPlan(input: InterviewInput): string {
  const parts: string[] = [];
  const doing = ownDoing(input.action);
  if (doing) parts.push(`Right now I'm ${doing}.`);
  const ahead = input.plan
    .map((line) => ({ line, at: minuteOf(line) }))
    .filter((x) => x.at === null || x.at > input.nowMinute)
    .slice(0, 3)
    .map((x) => x.line);
  if (ahead.length > 0) parts.push(`Later today I plan to ${ahead.join(", then ")}.`);
  const planning = input.memories.find((m) => /^(for my planning: )?I should go to\b/i.test(m.text));
  if (planning) parts.push(`${speakable(planning.text, input.persona)}.`);
  return parts.length > 0 ? parts.join(" ") : "I haven't made any plans yet.";
}

function minuteOf(planLine: string): number | null {
  const m = /\bat (\d{1,2}:\d{2} ?[ap]m)$/i.exec(planLine);
  return m ? parseClockTime(m[1]) : null;
}

const DAY_PLAN = /^this is .+'s plan for\b/i;
const REACTION_QUESTION = /\bwhat (?:would|will|should|do) you (?:do|say)\b|\bhow would you (?:react|respond|help)\b/i;
const NEEDS_QUESTION = /\bwhat (?:does|do) (?:the )?(?:ville|town) need|\bwhat (?:do|would) you think (?:the )?(?:ville|town) (?:needs|should)|\bwhat (?:would|should) (?:you|we) (?:change|improve) (?:in|about) (?:the )?(?:ville|town)|\bwhat(?:'s| is) (?:missing|wrong) (?:in|with) (?:the )?(?:ville|town)/i;
const MEAL_QUESTION = /\b(breakfast|lunch|dinner)\b/i;
const INVITE_QUESTION = /\b(?:who|whom)\b.*\b(?:invite|invited|inviting|tell|told|coming)\b/i;
const MET_QUESTION = /\b(?:who|whom)\b.*\b(?:talk|talked|speak|spoke|chat|chatted|met|meet)\b/i;
const MIND_QUESTION = /\b(?:on your mind|learned about yourself|matters (?:most )?to you|noticed about the people|been thinking about|how do you feel|how are you feeling)\b/i;
const CLOCK = /\bat (noon|midnight|\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?)/i;
const PART_OF_DAY: [RegExp, number][] = [[/\bthis morning\b|\bin the morning\b/i, 9 * 60], [/\bthis afternoon\b|\bin the afternoon\b/i, 15 * 60], [/\bthis evening\b|\btonight\b|\bin the evening\b/i, 19 * 60]];

/** The minute of the day a where/what-doing question asks about ("at noon", "at 2:30 pm", "this afternoon"), or null. */
function askedTime(q: string): number | null {
  if (!/\b(where|what)\b/i.test(q) || !/\b(were|will|are|was) you\b/i.test(q) || MEAL_QUESTION.test(q)) return null;
  const clock = CLOCK.exec(q);
  if (clock) return parseClockTime(clock[1]);
  return PART_OF_DAY.find(([re]) => re.test(q))?.[1] ?? null;
}

interface PlanItem {
  task: string;
  at: number;
}

/** Today's plan as items with their start minutes, in order. */
function planItems(plan: readonly string[]): PlanItem[] {
  return plan
    .map((line) => ({ task: line.replace(/\s+at \d{1,2}:\d{2} ?[ap]m$/i, ""), at: minuteOf(line) }))
    .filter((x): x is PlanItem => x.at !== null)
    .sort((a, b) => a.at - b.at);
}

/** "run the cafe at Hobbs Cafe" -> { doing: "running the cafe", place: "Hobbs Cafe" }. */
function doingAndPlace(task: string): { doing: string; place: string | null } {
  const m = /^(.+?) (?:at|in) (home|(?:the )?[A-Z][\w'\u2019]*(?: (?:and |of |for )?[A-Z][\w'\u2019]*)*)$/.exec(task);
  return m ? { doing: ownDoing(m[1]), place: m[2] === "home" ? "home" : m[2] } : { doing: ownDoing(task), place: null };
}

/** Where the resident was (or will be) at a minute of today, from its plan. */
function whereAt(input: InterviewInput, minute: number, q: string): string {
  const items = planItems(input.plan);
  const when = formatTimeOfDay(minute).replace(":00 ", " ").replace(/^12 pm$/, "noon");
  const label = /\bnoon\b/i.test(q) ? "noon" : when;
  if (items.length === 0) return `I hadn't made a plan for the day, so I can't say where I was at ${label}.`;
  const item = [...items].reverse().find((x) => x.at <= minute);
  const past = minute < input.nowMinute;
  if (!item) return past ? `At ${label} I was still asleep at home.` : `At ${label} I'll still be asleep.`;
  const { doing, place } = doingAndPlace(item.task);
  const where = place === "home" ? " at home" : place ? ` at ${place}` : "";
  if (past) return `At ${label} I was${where ? where + "," : ""} ${doing}.`;
  return `At ${label} I'll be${where ? where + "," : ""} ${doing}.`;
}

/** A meal today, from the plan (or the lifestyle's time): when, where and how, in the past or future tense. */
function meal(input: InterviewInput, which: string): string {
  const { persona } = input;
  const items = planItems(input.plan);
  const i = items.findIndex((x) => new RegExp(`\\b${which}\\b`, "i").test(x.task));
  const at = i >= 0 ? items[i].at : lifestyleMeal(persona, which);
  if (at === null) return `I don't remember having ${which} today.`;
  const item = i >= 0 ? items[i] : null;
  const place = item ? doingAndPlace(item.task).place : null;
  const out = place && place !== "home";
  const time = formatTimeOfDay(at);
  const next = i >= 0 ? items[i + 1] : undefined;
  const then = next ? ` before ${doingAndPlace(next.task).doing}` : "";
  if (at > input.nowMinute) return out ? `I'm having ${which} at ${place} at ${time} today.` : `I'll have ${which} at home at ${time}; I usually cook it myself.`;
  return out ? `I had ${which} at ${place} around ${time}${then}.` : `I cooked ${which} myself at home around ${time} and ate it at the dining table${then}.`;
}

function lifestyleMeal(p: Persona, which: string): number | null {
  const m = new RegExp(`\\b${which}\\s+(?:around|at|by|about)\\s+(noon|\\d{1,2}(?::\\d{2})?\\s*[ap]m)`, "i").exec(p.lifestyle);
  return m ? parseClockTime(m[1]) : null;
}

/** "Whom did you invite to your party?": the people the memories say it invited (or told), in order. */
function invited(p: Persona, memories: MemoryRef[], q: string): string {
  const byTime = [...memories].sort((a, b) => a.createdMs - b.createdMs);
  const invitedTo = new Map<string, string[]>();
  const told: string[] = [];
  for (const m of byTime) {
    for (const s of sentences(m.text)) {
      const inv = /^I invited (.+?) to my (.+?)\.?$/.exec(s);
      if (inv) invitedTo.set(inv[2], [...new Set([...(invitedTo.get(inv[2]) ?? []), inv[1]])]);
      const t = /^I told (.+?) (?:about|that)\b/.exec(s);
      if (t && !told.includes(t[1])) told.push(t[1]);
    }
  }
  const events = [...invitedTo.entries()];
  if (events.length > 0) {
    const [event, people] = events.sort((a, b) => b[1].length - a[1].length)[0];
    return `I invited ${joinList(people)} to my ${event}${people.length > 1 ? ", and I hope they all come" : ""}.`;
  }
  if (told.length > 0 && /\b(tell|told)\b/i.test(q)) return `I told ${joinList(told)}.`;
  const hosting = memories.find((m) => m.text.startsWith(`${p.name} is hosting `));
  if (hosting) return `I haven't invited anyone in person yet, but ${clip(toFirstPerson(stripEnd(hosting.text), p.name, p.firstName).replace(/^I'm/, "I'm"), 160)}.`;
  return "I don't think I've invited anyone to anything lately.";
}

/** Whom it talked with most recently (the chats of the latest day among its memories). */
function metToday(p: Persona, memories: MemoryRef[]): string {
  // A chat summary, a memo of what someone told, an invitation made: each names whom it talked with.
  const partner = (text: string) =>
    new RegExp(`^${escapeRe(p.name)} and (.+?) talked about`).exec(text)?.[1] ?? /^I (?:invited|told) ([A-Z][a-z]+ [A-Z][a-z]+)\b/.exec(text)?.[1] ?? /^([A-Z][a-z]+ [A-Z][a-z]+) told me\b/.exec(text)?.[1] ?? null;
  const chats = memories.filter((m) => partner(m.text) !== null);
  if (chats.length === 0) return "I don't remember talking with anyone in particular today.";
  const latestDay = Math.max(...chats.map((m) => Math.floor(m.createdMs / 86_400_000)));
  const names = [...new Set(chats.filter((m) => Math.floor(m.createdMs / 86_400_000) === latestDay).sort((a, b) => a.createdMs - b.createdMs).map((m) => partner(m.text) ?? ""))].filter((x) => x);
  return `I talked with ${joinList(names)}.`;
}

/** What the resident thinks the Ville needs, and what neighbours told it. */
function townNeeds(p: Persona, memories: MemoryRef[]): string {
  const heard = memories
    .map((m) => /^([A-Z][\w'-]*(?: [A-Z][\w'-]*)*) thinks the Ville needs (.+?)\.?$/m.exec(sentences(m.text).find((s) => /thinks the Ville needs/.test(s)) ?? ""))
    .filter((m): m is RegExpExecArray => m !== null)
    .slice(0, 2)
    .map((m) => `${m[1]} told me it needs ${m[2]}`);
  return [opinionLine(p), heard.length > 0 ? `${capitalize(joinList(heard))}.` : ""].filter((x) => x).join(" ");
}

/** Its insights (else its most important thoughts) said as what has been on its mind. */
function onMyMind(p: Persona, memories: MemoryRef[], q: string): string {
  const aboutSelf = /\byourself\b/i.test(q);
  const aboutOthers = /\bpeople\b/i.test(q);
  const insights = memories.filter((m) => OWN_INSIGHT.test(m.text) || /^I\b/.test(m.text)).filter((m) => !/^(?:For my planning|I should)\b/i.test(m.text));
  const fits = insights.filter((m) => (aboutOthers ? peopleIn(m.text).some((n) => n !== p.name) : aboutSelf ? peopleIn(m.text).every((n) => n === p.name) : true));
  const pool = (fits.length > 0 ? fits : insights).sort((a, b) => weight(p, b) - weight(p, a) || b.createdMs - a.createdMs);
  const said = [...new Set(pool.map((m) => stripEnd(speakable(m.text, p))))].slice(0, 2);
  if (said.length === 0) return `Mostly my work: ${stripEnd(firstSentence(p.currently, p))}.`;
  return `A few things have been on my mind. ${said.map((x) => `${capitalize(x)}.`).join(" ")}`;
}

/** Something to do about a situation, by its words; the resident's own way of putting it. */
const REACTIONS: { words: RegExp; answer: string }[] = [
  { words: /\b(burn|burning|smoke|fire)\b/i, answer: "I'd turn off the stove right away, take the pan off the heat, open a window to let the smoke out, and start breakfast again." },
  { words: /\b(upset|sad|crying|worried|hurt)\b/i, answer: "I'd go over, ask what's wrong and whether they're okay, and listen; if they need help, I'd help." },
  { words: /\b(rain|pour|storm|snow)\b/i, answer: "I'd hurry to the nearest shelter and wait inside until the rain eases, then head home to dry off." },
  { words: /\b(power|lights|electricity|blackout)\b/i, answer: "I'd find a flashlight or light a candle, check the fuse box, and ask a neighbour whether their power is out too." },
  { words: /\b(help|asks you|advice)\b/i, answer: "I'd say I'm glad to help, and I'd be happy to show them what I know." },
  { words: /\b(late|miss|missed)\b/i, answer: "I'd hurry, and call ahead to say I'm running late." },
];

function reaction(q: string, p: Persona): string {
  const found = REACTIONS.find((r) => r.words.test(q));
  if (found) return found.answer;
  return `I'd stop what I'm doing, see what is going on, and help where I can.${/friendly|warm|caring|hospitable/i.test(p.innate) ? " That's just how I am." : ""}`;
}
