/**
 * Interview answers in character, in the first person, only from what the resident
 * remembers (memories, persona, today's plan). When nothing matches it says it does not
 * know: nothing is invented. Asked whether it is human, it says what it is: a resident
 * of a simulated town driven by a rule-based mind.
 */
import { tokenize } from "../../agents/memory/embedding";
import { parseClockTime } from "../../sim/lifestyle";
import { pick, type Rng } from "../../sim/rng";
import type { Persona } from "../../sim/scenario";
import type { InterviewInput, MemoryRef } from "../mind";
import { capitalize, clip, escapeRe, fixProgressive, ownDoing, sentences, stripEnd, toFirstPerson } from "./language";
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
const IDENTITY_QUESTION = /\b(who are you|about yourself|introduce yourself|your name|what do you do|your job|what is your work|what's your work)\b/i;
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
  if (HUMAN_QUESTION.test(q)) return notHuman(persona);
  if (IDENTITY_QUESTION.test(q) || peopleIn(q).includes(persona.name)) return introduce(persona);
  if (WORK_QUESTION.test(q)) return firstSentence(persona.currently, persona);
  if (ASKS_WELLBEING.test(q)) return `I'm doing well, thank you.${input.action ? ` I'm ${ownDoing(input.action)} right now.` : ""}`;
  const person = personAskedAbout(q, persona, input.memories);
  if (person) return aboutPerson(person, q, persona, input.memories, rng);
  const known = answerFromMemories(persona, q, input.memories, 2);
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

function introduce(p: Persona): string {
  return `I'm ${p.name}, ${p.age}. ${firstSentence(p.learned, p)} ${firstSentence(p.currently, p)}`.trim();
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
  const aboutYou = /\byou\b/i.test(question);
  const scored = memories
    .map((m, order) => {
      const stems = new Set(tokenize(m.text));
      const hits = wanted.filter((t) => stems.has(t)).length;
      return { m, order, hits, ok: stems.has(key) && hits >= need };
    })
    .filter((s) => s.ok && !/\bis idle\b/.test(s.m.text))
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
  const about = memories
    .filter((m) => m.text.includes(name) || new RegExp(`\\b${escapeRe(asked)}\\b`).test(m.text))
    .filter((m) => !/\bis idle\b/.test(m.text))
    .sort((a, b) => weight(p, b) - weight(p, a));
  const topic = answerFromMemories(p, q.replace(new RegExp(`${escapeRe(name)}|\\b${escapeRe(asked)}\\b`, "g"), ""), about);
  const recalled = topic ?? (about[0] ? speakable(about[0].text, p) : "");
  const yes = YES_NO.test(q) ? "Yes, " : "";
  const first = name.split(" ")[0];
  if (rel) {
    // The note is the author's view; only a note about the other person is the resident's to say.
    const note = rel.note.startsWith(first) ? ` ${rel.note}` : "";
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
