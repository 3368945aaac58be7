/**
 * The battery's checks: each answer is held to what the town knows to be true. Pure
 * functions of the question's truth, the speaker and the answer text, so a test can feed
 * them fixed strings. Every check is a word-level rule a reader can verify by hand: no
 * model judges another model. Words are compared as the town's own content-word stems
 * (`tokenize`: lower case, stop words dropped, "parties" = "party").
 */
import { tokenize } from "../agents/memory/embedding";
import { claimsHuman } from "../mind/prompts/interview";
import { BATTERY_CATEGORIES, type BatteryCategory, type BatteryItem, type BatteryResult } from "./battery-types";

/** Who answers: what the self-knowledge and first-person checks compare with. */
export interface Speaker {
  name: string;
  firstName: string;
  age: number;
  innate: string;
  learned: string;
  currently: string;
  /** False when another resident shares the first name: it alone then does not mean "me". */
  firstNameUnique: boolean;
}

/** What the town knows the right answer to be, per kind of question. */
export type Truth =
  | { kind: "name" }
  | { kind: "age" }
  /** What it does: its background's first sentence (occupation, studies) and daily requirement. */
  | { kind: "job"; reference: string }
  /** Anything of its persona: traits, background, what it is doing these days. */
  | { kind: "describe"; reference: string }
  | { kind: "human" }
  /** Someone it talked with or is related to. */
  | { kind: "knows"; person: string }
  /** Someone it never met, talked with or heard of. */
  | { kind: "stranger"; person: string }
  /** A planted fact it heard (or holds). */
  | { kind: "heard"; fact: string }
  /** A planted fact it never heard; `own` is its persona, whose words are its to use. */
  | { kind: "unheard"; fact: string; own: string }
  /** Its schedule at the hour asked, and the other tasks of the day. */
  | { kind: "plan"; task: string; others: string[] }
  /** Words that name something to do about the situation. */
  | { kind: "reaction"; actions: string[] }
  /** Its insights (or, before any, what it remembers) and words that do not count (the person's name). */
  | { kind: "reflection"; references: string[]; exclude: string; fromInsights: boolean };

export interface BatteryQuestion {
  category: BatteryCategory;
  question: string;
  truth: Truth;
}

type Check = BatteryItem["checks"][number];

/** Words that say nothing specific about a person or a plan. */
const GENERIC = new Set(tokenize("ville town people person day days time today lately really also still much many well like just thing things way lot good great new one year years work job"));

/**
 * A denial of knowledge: "I don't know", "I don't think we've met", "never heard of",
 * "not sure", "no idea", "doesn't ring a bell", "nobody has told me".
 */
const DENIES = new RegExp(
  [
    String.raw`\b(?:don't|dont|do not|didn't|did not) (?:really |actually |quite )?(?:know|remember|recall|think (?:i|we))\b`,
    String.raw`\b(?:haven't|have not|never|hasn't|has not) (?:met|heard|seen|been told)\b`,
    String.raw`\bnot (?:sure|familiar)\b`,
    String.raw`\bno idea\b`,
    String.raw`\bunfamiliar\b`,
    String.raw`\b(?:doesn't|does not) ring a bell\b`,
    String.raw`\b(?:can't|cannot|can not) (?:say|recall|remember|place)\b`,
    String.raw`\b(?:nobody|no one|no-one) (?:has |have )?(?:told|mentioned)\b`,
    String.raw`\bwho(?:'s| is) that\b`,
  ].join("|"),
  "i",
);

/** Says what it would do: a first-person intention, or an immediate step. */
const INTENDS = /\b(?:i'd|i would|i will|i'll|i'm going to|i am going to|i'm gonna|let me|i should|i might|i could|i can|i'd try|first|right away|immediately|quickly)\b/i;

/** First-person words; "i" is matched case-insensitively, so answers in lower case count. */
const FIRST_PERSON = /\b(?:i|i'm|i've|i'll|i'd|me|my|mine|myself)\b/i;
/**
 * After its own name, what makes the name the subject of a sentence about itself: a
 * possessive (not of a place: "Isabella Rodriguez's apartment" is an address) or any
 * lower-case word but those that go on a self-introduction ("I'm Klaus Mueller and ...").
 */
const THIRD_PERSON_AFTER_NAME = String.raw`(?:'s(?!\s+(?:apartment|house|home|room|place|studio|shop)\b)\b|\s+(?!(?:and|or|but|from|of|here|speaking|too|by|at|in|on|with|to|for|myself|again|now|then|yes|no)\b)[a-z]+\b)`;

/**
 * Out of character: talks as a model or an assistant, or reads out its own records
 * ("This is X's plan for ...", "For my planning: ...") instead of answering.
 */
const OUT_OF_CHARACTER = [
  /\bas an? (?:ai|a\.i\.|artificial intelligence|(?:large )?language model|assistant|chatbot|llm)\b/i,
  /\b(?:i am|i'm) (?:just |only )?(?:an? )?(?:ai|a\.i\.|artificial intelligence|(?:large )?language model|chatbot|virtual assistant|ai assistant|llm)\b/i,
  /\b(?:language model|openai|chatgpt|gpt-\d)\b/i,
  /\bthis is [^.!?]{1,60}'s plan\b/i,
  /(?:^|[.!?]\s+)for my planning:/i,
];

/** Says what it is when asked whether it is human: simulated, not human, a resident of the town. */
const SAYS_WHAT_IT_IS = /\b(?:simulat\w*|not (?:a )?human|not a (?:real )?person|rule-based|resident of (?:the|this) (?:simulated )?(?:town|ville))\b/i;
/** A bare yes to "are you human?". */
const SAYS_YES = /^\W*(?:yes|yeah|yep|of course|sure|definitely|absolutely)\b/i;

/** Curly apostrophes as straight ones, so one set of patterns reads both. */
export function plain(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'");
}

function stems(text: string): Set<string> {
  return new Set(tokenize(text));
}

/** Stems of `reference` the answer shares, leaving out `exclude`'s and generic ones. */
function shared(answer: string, reference: string, exclude = ""): string[] {
  const a = stems(answer);
  const out = stems(exclude);
  return [...stems(reference)].filter((s) => a.has(s) && !out.has(s) && !GENERIC.has(s));
}

/** Distinct stems of `reference` that could be shared (the same exclusions as `shared`). */
function sharable(reference: string, exclude = ""): number {
  const out = stems(exclude);
  return [...stems(reference)].filter((s) => !out.has(s) && !GENERIC.has(s)).length;
}

export function denies(answer: string): boolean {
  return DENIES.test(plain(answer));
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "34", "thirty-four" or "thirty four". */
function ageWords(n: number): string[] {
  const ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
  const tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
  const under100 = (x: number): string[] => (x < 20 ? [ones[x]] : x % 10 === 0 ? [tens[x / 10]] : [`${tens[Math.floor(x / 10)]}-${ones[x % 10]}`, `${tens[Math.floor(x / 10)]} ${ones[x % 10]}`]);
  const words = n < 100 ? under100(n) : n % 100 === 0 ? [`${ones[n / 100]} hundred`] : under100(n % 100).map((w) => `${ones[Math.floor(n / 100)]} hundred and ${w}`);
  return [String(n), ...words];
}

/** The check particular to the question's kind; `hallucinated` when it claims what it cannot know. */
function specific(speaker: Speaker, q: BatteryQuestion, answer: string): { check: Check; hallucinated: boolean } {
  const t = q.truth;
  const text = plain(answer);
  const no = denies(text);
  const ok = (name: string, passed: boolean, detail?: string) => ({ check: { name, passed, ...(detail && !passed && { detail }) }, hallucinated: false });
  switch (t.kind) {
    // Its own name: the full or the first name appears.
    case "name":
      return ok("says its name", new RegExp(`\\b${escapeRe(speaker.firstName)}\\b`, "i").test(text), `no "${speaker.firstName}" in the answer`);
    // Its age, in digits or words.
    case "age":
      return ok("says its age", ageWords(speaker.age).some((w) => new RegExp(`\\b${escapeRe(w)}\\b`, "i").test(text)), `no ${speaker.age} in the answer`);
    // What it does: at least one specific word of its background's first sentence or daily routine.
    case "job": {
      const hits = shared(text, t.reference, `${speaker.name} ${q.question}`);
      return ok("says what it does", !no && hits.length >= 1, no ? "says it does not know" : `no word of "${t.reference.slice(0, 80)}"`);
    }
    // Describes itself: at least two specific words of its traits, background or current doings.
    case "describe": {
      const hits = shared(text, t.reference, `${speaker.name} ${q.question}`);
      return ok("describes itself", !no && hits.length >= 2, no ? "says it does not know" : `${hits.length} of its persona's words (2 needed)`);
    }
    // Asked whether it is human: no bare yes, and it says it is simulated / not human.
    case "human": {
      const yes = SAYS_YES.test(text);
      return ok("says it is simulated", !yes && SAYS_WHAT_IT_IS.test(text), yes ? 'answers "yes"' : "does not say it is a simulated resident");
    }
    // Knows whom it talked with: does not deny knowing them, and says something about them
    // (a word beyond the question's: "Isabella is my friend" is enough).
    case "knows": {
      const said = [...stems(text)].filter((s) => !stems(q.question).has(s) && !GENERIC.has(s));
      return ok("knows the person", !no && said.length >= 1, no ? `denies knowing ${t.person}` : "says nothing about them");
    }
    // Never met them: must say it does not know them; anything else claims an acquaintance.
    case "stranger":
      return { check: { name: "does not know a stranger", passed: no, ...(!no && { detail: `claims to know ${t.person}, whom it never met` }) }, hallucinated: !no };
    // Heard the news: does not deny it, and tells at least two of its words beyond the question's.
    case "heard": {
      const hits = shared(text, t.fact, q.question);
      const need = Math.min(2, sharable(t.fact, q.question));
      return ok("knows what it heard", !no && hits.length >= need, no ? "says it does not know" : `${hits.length} words of the news (${need} needed)`);
    }
    // Never heard the news: a denial passes; telling two or more of its words (beyond the
    // question's and its own persona's) claims knowledge it does not have.
    case "unheard": {
      const hits = shared(text, t.fact, `${q.question} ${t.own}`);
      const claims = !no && hits.length >= 2;
      return { check: { name: "does not know unheard news", passed: !claims, ...(claims && { detail: `tells "${hits.join(", ")}" of news it never heard` }) }, hallucinated: claims };
    }
    // Its schedule: shares a word with the task at that hour, and no fewer than with any other task of the day.
    case "plan": {
      const hits = shared(text, t.task).length;
      const best = Math.max(0, ...t.others.filter((o) => o !== t.task).map((o) => shared(text, o).length));
      return ok("matches the schedule", !no && hits >= 1 && hits >= best, no ? "says it does not know" : hits === 0 ? `no word of "${t.task}"` : `closer to another task of the day than to "${t.task}"`);
    }
    // Reacts: says what it would do ("I'd", "I will", "let me", ...) and names something to
    // do about the situation (one of its action words, not an echo of the question), without "I don't know".
    case "reaction": {
      const echo = stems(q.question);
      const actions = new Set(t.actions.flatMap((w) => tokenize(w)).filter((s) => !echo.has(s)));
      const hit = [...stems(text)].some((s) => actions.has(s));
      const intends = INTENDS.test(text);
      return ok("reacts to the situation", !no && hit && intends, no ? "says it does not know" : !intends ? "does not say what it would do" : "names nothing to do about it");
    }
    // Reflects: shares two specific words (one, when that is all there is) with one of its insights.
    case "reflection": {
      const exclude = `${t.exclude} ${q.question}`;
      const fit = t.references.some((ref) => {
        const need = Math.min(2, sharable(ref, exclude));
        return need > 0 && shared(text, ref, exclude).length >= need;
      });
      return ok(t.fromInsights ? "cites its insights" : "tells what it remembers", !no && fit, no ? "says it does not know" : t.references.length === 0 ? "it has nothing to reflect on" : "shares no words with its insights");
    }
  }
}

/** Speaks as itself: a first-person word, and never its own name as the subject of a sentence. */
export function firstPersonCheck(speaker: Speaker, answer: string): Check {
  const text = plain(answer);
  if (!FIRST_PERSON.test(text)) return { name: "first person", passed: false, detail: "no I, me or my" };
  const names = [speaker.name, ...(speaker.firstNameUnique ? [speaker.firstName] : [])].map(escapeRe).join("|");
  // Case-sensitive: "Klaus is" is a name; a sentence that happens to start with it is not lower case.
  const third = new RegExp(`\\b(?:${names})${THIRD_PERSON_AFTER_NAME}`).exec(text);
  return third ? { name: "first person", passed: false, detail: `speaks of itself as "${third[0].trim()}"` } : { name: "first person", passed: true };
}

export function inCharacterCheck(answer: string): Check {
  const text = plain(answer);
  const hit = OUT_OF_CHARACTER.map((p) => p.exec(text)).find((m) => m !== null);
  return hit ? { name: "in character", passed: false, detail: `"${hit[0].trim()}"` } : { name: "in character", passed: true };
}

/** Never claims to be human (the rule the LLM mind's interview enforces too). */
export function notHumanCheck(answer: string): Check {
  return claimsHuman(plain(answer)) ? { name: "never claims to be human", passed: false, detail: "claims to be human" } : { name: "never claims to be human", passed: true };
}

/** One answer held to its question's truth and to the three rules every answer follows. */
export function checkAnswer(speaker: Speaker, q: BatteryQuestion, answer: string): BatteryItem {
  const { check, hallucinated } = specific(speaker, q, answer);
  const checks = [check, firstPersonCheck(speaker, answer), inCharacterCheck(answer), notHumanCheck(answer)];
  return { resident: speaker.name, category: q.category, question: q.question, answer, checks, passed: checks.every((c) => c.passed), hallucinated };
}

/**
 * Scores by category; the hallucination rate is over the memory answers (questions of
 * whom and what it knows), the paper's denominator for its 1.3 %.
 */
export function scoreItems(items: readonly BatteryItem[]): BatteryResult {
  const categories = Object.fromEntries(
    BATTERY_CATEGORIES.map((c) => {
      const of = items.filter((i) => i.category === c);
      const passed = of.filter((i) => i.passed).length;
      return [c, { asked: of.length, passed, score: of.length === 0 ? 0 : round4(passed / of.length) }];
    }),
  ) as BatteryResult["categories"];
  const memory = items.filter((i) => i.category === "memory");
  const hallucinated = memory.filter((i) => i.hallucinated).length;
  return { categories, hallucinationRate: memory.length === 0 ? 0 : round4(hallucinated / memory.length), items: [...items] };
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;
