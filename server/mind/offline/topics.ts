/**
 * What a text is about, read with word lists and patterns: news (events, invitations,
 * elections), the people it names, and an event's place, date and time. Used by the
 * offline mind's dialogue, post-chat thoughts, reflections and interviews.
 */
import { tokenize } from "../../agents/memory/embedding";
import { escapeRe, sentences, stripEnd, toThirdPerson } from "./language";
import { mentions } from "./vocabulary";

/**
 * News words: public happenings worth passing on. A memory or a line that names one of
 * these is "news"; the planted facts (party, election) are the first of them.
 */
export const NEWS_WORDS = [
  "party", "valentine", "election", "mayor", "campaign", "candidate", "vote", "invite", "invitation",
  "celebration", "festival", "concert", "exhibition", "solo show", "open mic", "open-mic", "comedy night",
  "quiz night", "workshop", "wedding", "birthday", "fundraiser", "public talk", "reading night",
];

/** Event nouns, longest first, for naming an event ("a Valentine's Day party"). */
const EVENT_NOUNS = [
  "open-mic night", "open mic night", "comedy night", "quiz night", "reading night", "public talk", "solo show", "one-man show",
  "party", "celebration", "festival", "concert", "exhibition", "workshop", "wedding", "fundraiser", "election",
];
/** Each noun with the capitalised words before it ("Valentine's Day party"). */
const EVENT_RES = EVENT_NOUNS.map((noun) => ({ noun, re: new RegExp(`((?:[A-Z][\\w'\u2019]*\\s+)*)${escapeRe(noun)}s?\\b`) }));

const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const DATE_RE = new RegExp(`\\bon ((?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )?(?:${MONTHS}) \\d{1,2}(?:st|nd|rd|th)?(?:,? \\d{4})?)`);
const DAY_WORD_RE = /\b(today|tonight|tomorrow(?: evening| night| afternoon| morning)?|this (?:evening|weekend|afternoon)|next (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b/i;
const CLOCK = "\\d{1,2}(?::\\d{2})?\\s?[ap]\\.?m\\.?";
const TIME_RE = new RegExp(`\\b(from ${CLOCK} (?:to|until|till) ${CLOCK}|at ${CLOCK}|${CLOCK} (?:to|until) ${CLOCK})`, "i");
const CAP = "[A-Z][\\w'\u2019]*";
const PLACE_RE = new RegExp(`\\b(?:at|in) ((?:[Tt]he )?${CAP}(?:\\s+(?:(?:and|of)\\s+)?${CAP})*)`);

/** Capitalised words that start a phrase but are not people. */
const NOT_NAME_WORDS = new Set(
  ("The This That These Those Did Have Has Had Oh Hi Hello Hey Yes No Some By Guess What Who Where When Why How I It " +
    "On At In For From And But So If Today Tomorrow Tonight Good Great Thanks Thank Well See Take Bye Nice Really Apparently Maybe " +
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December " +
    "Cafe Park College Pub Market Pharmacy Store Supply Hill Oak Day Valentine Rose Crown Willows Harvey Hobbs Ville Library Dorm Street Apartment House").split(" "),
);

/** Places named without a proper name ("at the pub"). */
const COMMON_PLACE_RE = /\b(?:at|in) (the (?:pub|cafe|park|library|college|market|store|bar|dorm|square))\b/i;

/** Capitalised words before an event noun that do not name it ("The", "A", "Our"). */
const EVENT_OPENERS = new Set(["The", "A", "An", "Our", "My", "Her", "His", "Their", "Your", "This", "That", "Next", "Big"]);
/** "at/in <Capitalised>" matches that are times or the whole town, not places. */
const NOT_PLACES = new RegExp(`^(?:(?:${MONTHS}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\\b|Ville$|I$|It$)`);

export interface EventDetails {
  /** "Valentine's Day party", "comedy night", "election". */
  event: string | null;
  /** "Hobbs Cafe". */
  place: string | null;
  /** "February 14, 2023" or "tomorrow". */
  date: string | null;
  /** "from 5pm to 7pm". */
  time: string | null;
}

export function isNews(text: string): boolean {
  return mentions(text, NEWS_WORDS);
}

/** The event a text speaks of, with where and when if it says so. */
export function eventDetails(text: string): EventDetails {
  let event: string | null = null;
  for (const { noun, re } of EVENT_RES) {
    const m = re.exec(text);
    if (m) {
      const mods = m[1].split(/\s+/).filter((w) => w && !EVENT_OPENERS.has(w));
      event = [...mods, noun].join(" ").replace(/\s+/g, " ");
      break;
    }
  }
  const found = PLACE_RE.exec(text)?.[1]?.replace(/^the /, "") ?? COMMON_PLACE_RE.exec(text)?.[1] ?? null;
  const place = found && !NOT_PLACES.test(found) ? found : null;
  const date = DATE_RE.exec(text)?.[1] ?? DAY_WORD_RE.exec(text)?.[1] ?? null;
  const time = TIME_RE.exec(text)?.[1] ?? null;
  return { event, place, date, time };
}

/** A short name for what a news text is about: "Sam Moore running for mayor", "the Valentine's Day party at Hobbs Cafe". */
export function topicOf(text: string): string | null {
  // "Sam Moore is running for mayor", and a summary's "Sam Moore running for mayor".
  const run = /\b([A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:(?:is|was) )?running for (\w+)/.exec(text);
  if (run) return `${run[1]} running for ${run[2]}`;
  const d = eventDetails(text);
  if (!d.event) return null;
  if (d.event === "election") return "the election";
  return `the ${d.event}${d.place ? ` at ${d.place}` : ""}`;
}

/** A capitalised word that is a place, a date or a sentence opener, not a person's name. */
export function isNotName(word: string): boolean {
  return NOT_NAME_WORDS.has(word);
}

/** People named in a text: pairs of capitalised words that are not places or sentence openers. */
export function peopleIn(text: string): string[] {
  const words = text.replace(/[^\p{L}\s'\u2019-]/gu, " ").split(/\s+/);
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i], words[i + 1]];
    if (!/^[A-Z][a-z]+$/.test(a) || !/^[A-Z][a-z]+$/.test(b)) continue;
    if (NOT_NAME_WORDS.has(a) || NOT_NAME_WORDS.has(b)) continue;
    const name = `${a} ${b}`;
    if (!out.includes(name)) out.push(name);
    i++;
  }
  return out;
}

/** Share of `a`'s content stems that also appear in `b` (0..1). */
export function overlap(a: string, b: string): number {
  const ta = new Set(tokenize(a));
  if (ta.size === 0) return 0;
  const tb = new Set(tokenize(b));
  let n = 0;
  for (const t of ta) if (tb.has(t)) n++;
  return n / ta.size;
}

/** Two texts carry the same news: most of the words, or the same named event. */
export function sameNews(a: string, b: string): boolean {
  if (overlap(a, b) >= 0.5) return true;
  const ta = topicOf(a);
  return ta !== null && ta === topicOf(b);
}

/** Openers the offline dialogue puts before a piece of news; stripped when retelling it. */
const NEWS_OPENERS = /^(?:these days|lately|by the way|oh,? and|also|apparently|guess what|some news for you|some news|big news|you know what|i heard that|i heard|word is that|people say that|i just heard that|did you know that|(?:[A-Z][a-z]+ )?also (?:mentioned|said|told me) that)[,:!?]?\s+/i;

/**
 * The news in one spoken line, retold in the third person: "Did you hear? I'm hosting a
 * party at Hobbs Cafe." said by Isabella -> ["Isabella Rodriguez is hosting a party at
 * Hobbs Cafe"]. Questions and lines without news words give nothing.
 */
export function newsInLine(line: string, speaker: string): string[] {
  const out: string[] = [];
  for (const s of sentences(line)) {
    // "I'm arriving at the party right now" says what the speaker does, not news.
    if (s.endsWith("?") || !isNews(s) || ACTIVITY.test(s)) continue;
    let core = stripEnd(s);
    while (NEWS_OPENERS.test(core)) core = core.replace(NEWS_OPENERS, "");
    if (/^(you'?re|you are) invited\b/i.test(core)) continue;
    // "..., you should come!" is the invitation, not the news.
    core = core.replace(/,?\s*(?:and )?(?:you should|you must|please|do|so) (?:come|join)\b.*$/i, "").replace(/,\s*(?:come|join us)$/i, "");
    const retold = toThirdPerson(core, speaker);
    // "I'd love for you to come", "Thanks for the invitation" and the like carry no news.
    if (/^(I|we|you)\b/i.test(retold) || !/^[A-Z]/.test(retold) || REPLY_WORDS.test(retold) || !STATEMENT.test(retold)) continue;
    out.push(retold.charAt(0).toUpperCase() + retold.slice(1));
  }
  return out;
}

/** A line of small talk about what one is doing this minute. */
const ACTIVITY = /^(?:Oh, )?(?:I'm|Just|Still|Same here, I'm) \w+ing\b.*\b(?:right now|at the moment|as usual|too)[.!]?$|^(?:Just|Still) \w+ing\b/;

/** Sentence starts of replies, not of news. */
const REPLY_WORDS = /^(Thanks|Thank|Yes|No|Oh|Sure|Count|Sounds|That|This|It|Well|Good|Great|Nice|Really|Wow|Hi|Hello|Hey|Maybe|Sorry|How|What|Congratulations|Lovely|Happy|Just|Still|Also|Busy|Same|Here|There)\b/;
/** A statement of news has a verb: "X is hosting", "X will", "X hosts". */
const STATEMENT = /\b(is|are|was|were|will|has|have|had|\w+s)\b/;

export interface MemoryNews {
  /** The news in the third person ("Isabella Rodriguez is hosting ..."). */
  core: string;
  /** Who told it, when the memory says so. */
  teller: string | null;
}

const TOLD_RE = /^([A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*)*) told me(?: that|:)\s+(.+)$/s;
const PLANNING_PREFIX = /^for my planning:\s*/i;

/**
 * The news a memory carries, in the third person. Handles a planted fact ("Isabella
 * Rodriguez is hosting ..."), a memo ("Maria Lopez told me that ...") and a heard line
 * ("Maria Lopez told me: Hi Klaus! Did you hear? ..."). Thoughts about oneself (plans,
 * reflections) and conversation summaries are not news.
 */
export function newsInMemory(text: string): MemoryNews[] {
  const t = text.replace(PLANNING_PREFIX, "").trim();
  if (/^this is .+ plan for\b/i.test(t) || /\btalked about\b|\bconversation\b/i.test(t)) return [];
  const told = TOLD_RE.exec(t);
  if (told) {
    const [, teller, all] = told;
    // A memo ("X told me that A. I invited X to ...") tells its first sentence; a heard line all of it.
    const body = /^[^:]+ told me that /.test(t) ? sentences(all)[0] ?? all : all;
    const first = teller.split(" ")[0];
    return newsInLine(body, teller).map((core) => ({ core: expandFirstName(core, teller, first), teller }));
  }
  // Thoughts in the first person (plans, reflections) are the resident's own, not news.
  if (/\b(I|I'm|I'll|I've|I'd|me|my)\b/.test(t) || !isNews(t)) return [];
  return [{ core: stripEnd(t), teller: null }];
}

/** "Isabella is hosting" told by Isabella Rodriguez -> "Isabella Rodriguez is hosting". */
function expandFirstName(core: string, full: string, first: string): string {
  return core.startsWith(first + " ") && !core.startsWith(full) ? full + core.slice(first.length) : core;
}

/** Does the text name this person (full name, or first name as a word)? */
export function names(text: string, person: string): boolean {
  const first = person.split(" ")[0];
  return text.includes(person) || new RegExp(`\\b${escapeRe(first)}\\b`).test(text);
}
