/**
 * Heuristic importance (poignancy, 1-10) of a memory, from documented word lists:
 *   1     an idle object, an object in use, someone sleeping, a stranger at work
 *   2     someone's routine (eating, walking, washing), someone seen at a party or campaigning
 *   3     anything seen of someone the persona knows or cares about; an ordinary chat or
 *         thought, such as the memo of a chat with nothing in it to remember
 *   4     an event with feelings or a deadline
 *   +1..4 thoughts and chats: plans, feelings, deadlines, people the persona knows, its concerns
 *   6-7   a public event heard of (show, open mic, workshop), more with a time or place
 *   8-9   the town's big news heard or thought: a party, an invitation, an election, the mayor
 * Chats stay in 3-7: they are the talk about things, not the things. A thought or chat
 * about routine stays at 3. Seeing is weighed below hearing: a busy cafe full of strangers
 * at work adds up slowly, news told adds up fast.
 */
import { tokenize } from "../../agents/memory/embedding";
import { MAX_POIGNANCY, MIN_POIGNANCY } from "../../agents/memory/constants";
import type { Persona } from "../../sim/scenario";
import type { PoignancyInput } from "../mind";
import { eventDetails, peopleIn } from "./topics";
import { mentions } from "./vocabulary";

const SLEEP_WORDS = ["sleep", "asleep", "nap", "bed", "pyjamas"];
const ROUTINE_WORDS = [
  "eat", "eating", "breakfast", "lunch", "dinner", "meal", "snack", "walk", "stroll", "shower", "teeth", "dress", "dressed",
  "wash", "tidy", "clean", "wipe", "dishes", "cook", "bathroom", "toilet", "morning routine", "get ready", "wake up", "sit", "rest",
];
const WORK_WORDS = [
  "work", "write", "study", "read", "paint", "sketch", "code", "serve", "brew", "bake", "customer", "class", "lecture", "research",
  "paper", "thesis", "practise", "rehearse", "compose", "restock", "shelf", "counter", "grade", "edit", "draft", "chapter", "proof",
];
/** The planted news and its kin: the highest band. */
export const BIG_NEWS_WORDS = ["party", "valentine", "election", "mayor", "campaign", "candidate", "vote", "invite", "invited", "invitation"];
const EVENT_WORDS = [
  "festival", "concert", "exhibition", "solo show", "one-man show", "open mic", "open-mic", "comedy night", "quiz night",
  "workshop", "wedding", "birthday", "fundraiser", "public talk", "celebration",
];
const WELCOME_WORDS = ["invite", "invited", "invitation", "welcome", "come", "join"];
const FEELING_WORDS = [
  "love", "crush", "feel", "feeling", "worried", "worry", "anxious", "excited", "happy", "sad", "angry", "upset", "lonely",
  "afraid", "nervous", "proud", "dream", "miss", "likes him", "likes her", "grateful", "jealous",
];
const PLAN_WORDS = ["plan", "planning", "should", "going to", "will", "tomorrow", "tonight", "decide", "want to", "hope to", "intend"];
const DEADLINE_WORDS = ["exam", "midterm", "deadline", "test", "interview", "submit", "release", "opening"];
const SOCIAL_WORDS = ["friend", "relationship", "told me", "talked", "talk", "chat", "met", "meet", "together", "news", "heard"];

const IDLE = /\bis idle\b/i;
const SMALL_TALK_THOUGHT = /^(?:For my planning: )?I (?:enjoy talking with|got to know|talked with [A-Z][a-z]+ [A-Z][a-z]+, who was|had a friendly chat with)\b/;
const DAY_PLAN = /^this is .+'s plan for\b/i;

export function scorePoignancy(input: PoignancyInput): number {
  const { persona, kind } = input;
  const text = input.description;
  if (IDLE.test(text)) return MIN_POIGNANCY;
  if (DAY_PLAN.test(text)) return 5;
  if (kind === "event") return eventScore(persona, text);
  // After a chat with nothing in it to remember: a pleasant, ordinary thought.
  if (SMALL_TALK_THOUGHT.test(text)) return 3;
  const news = newsFloor(text);
  if (news > 0) return kind === "chat" ? Math.min(news, 7) : news;
  const routine = mentions(text, ROUTINE_WORDS) && !mentions(text, WORK_WORDS);
  const score = 3 + bonuses(persona, kind, text);
  // Small talk about breakfast stays small, however it was told.
  return clamp(Math.min(score, routine ? 3 : kind === "chat" ? 6 : 10));
}

/**
 * Events: an object in use ("bathtub is in use") 1, someone asleep 1, a stranger at work 1
 * (the background of a busy cafe or library), someone's routine 2, someone at a party or
 * on the campaign 2; 3 when it is someone the persona knows or cares about.
 */
function eventScore(persona: Persona, text: string): number {
  if (/^[a-z]/.test(text) || mentions(text, SLEEP_WORDS)) return 1;
  const close = persona.relationships.some((r) => text.includes(r.name)) || sharesConcern(persona, text);
  // Seeing someone decorate for a party or work on a campaign is not the news itself.
  if (mentions(text, BIG_NEWS_WORDS) || mentions(text, EVENT_WORDS)) return close ? 3 : 2;
  if (mentions(text, FEELING_WORDS) || mentions(text, DEADLINE_WORDS)) return 4;
  if (!mentions(text, WORK_WORDS) || mentions(text, ROUTINE_WORDS)) return 2;
  return close ? 3 : 1;
}

/** Thoughts and chats: plans, feelings, deadlines, the persona's people and concerns raise the weight. */
function bonuses(persona: Persona, kind: PoignancyInput["kind"], text: string): number {
  let b = 0;
  if (mentions(text, FEELING_WORDS)) b += 2;
  if (mentions(text, PLAN_WORDS)) b += 1;
  if (mentions(text, DEADLINE_WORDS)) b += 1;
  // Every chat is talk: only thoughts gain from social words.
  if (kind === "thought" && mentions(text, SOCIAL_WORDS)) b += 1;
  if (persona.relationships.some((r) => text.includes(r.name))) b += 1;
  if (sharesConcern(persona, text)) b += 1;
  return Math.min(b, 4);
}

/** The news bands: big news 8-9, other public events 6-7; 0 for anything else. */
function newsFloor(text: string): number {
  const d = eventDetails(text);
  const specific = d.place !== null || d.date !== null || d.time !== null;
  if (mentions(text, BIG_NEWS_WORDS)) return mentions(text, WELCOME_WORDS) || specific ? 9 : 8;
  if (mentions(text, EVENT_WORDS)) return specific ? 7 : 6;
  return 0;
}

/** At least two content words in common with what the persona is busy with now. */
function sharesConcern(persona: Persona, text: string): boolean {
  const { own, names } = concernOf(persona);
  // Words of the text that are among the persona's concerns, each once; people count
  // once, through the relationship bonus, so names (its own, those in "currently" and
  // those in the text) are not concerns.
  let candidates: string[] | null = null;
  for (const t of tokenize(text)) if (own.has(t) && !names.has(t) && !candidates?.includes(t)) (candidates ??= []).push(t);
  if (!candidates || candidates.length < 2) return false;
  const inText = new Set(peopleIn(text).flatMap((n) => tokenize(n)));
  return candidates.filter((t) => !inText.has(t)).length >= 2;
}

/**
 * The stems of what a persona is busy with, and of the names that are not concerns,
 * kept per "currently": every perceived event asks, and "currently" changes once a day.
 */
function concernOf(persona: Persona): { own: ReadonlySet<string>; names: ReadonlySet<string> } {
  let byName = concerns.get(persona.currently);
  let c = byName?.get(persona.name);
  if (c) return c;
  if (!byName) {
    if (concerns.size >= CONCERNS_KEPT) concerns.clear();
    concerns.set(persona.currently, (byName = new Map()));
  }
  const names = new Set([persona.name, ...peopleIn(persona.currently)].flatMap((n) => tokenize(n)));
  c = { own: new Set(tokenize(persona.currently).filter((t) => t.length > 3)), names };
  byName.set(persona.name, c);
  return c;
}

const CONCERNS_KEPT = 5_000;
const concerns = new Map<string, Map<string, { own: ReadonlySet<string>; names: ReadonlySet<string> }>>();

function clamp(n: number): number {
  return Math.min(MAX_POIGNANCY, Math.max(MIN_POIGNANCY, n));
}
