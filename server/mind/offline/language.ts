/**
 * Small English helpers for the offline mind's templates: verb forms, first <-> third
 * person, sentence splitting and length limits. Rules for the sentences the town itself
 * produces (task names, planted facts, its own dialogue), not a general grammar.
 */

/** Short verbs whose last consonant doubles before -ing ("run" -> "running"). */
const DOUBLING = new Set(["get", "sit", "run", "put", "stop", "plan", "jog", "chat", "shop", "swim", "set", "cut", "hit", "begin", "let", "drop", "hop", "mop", "nap", "prep", "skip", "step", "trim", "wrap", "grab", "hug", "dig", "win"]);
const IRREGULAR_ING: Record<string, string> = { lie: "lying", die: "dying", tie: "tying", be: "being", see: "seeing", free: "freeing" };

/** "brew coffee for customers" -> "brewing coffee for customers"; already -ing stays. */
export function gerund(task: string): string {
  const text = task.replace(/\s*\([^)]*\)\s*/g, " ").trim();
  const [first, ...rest] = text.split(/\s+/);
  if (!first) return "";
  const w = first.toLowerCase();
  // "keep writing a speech" -> "still writing a speech"; "finish writing" -> "finishing writing".
  if (w === "keep" && /ing$/.test(rest[0] ?? "")) return ["still", ...rest].join(" ");
  if (w.endsWith("ing") || !/^[a-z]+$/.test(w)) return text;
  let ing: string;
  if (IRREGULAR_ING[w]) ing = IRREGULAR_ING[w];
  else if (DOUBLING.has(w)) ing = w + w[w.length - 1] + "ing";
  else if (w.endsWith("ie")) ing = w.slice(0, -2) + "ying";
  else if (w.endsWith("e") && !/(ee|ye|oe)$/.test(w)) ing = w.slice(0, -1) + "ing";
  else ing = w + "ing";
  // "attend class and take notes" -> "attending class and taking notes".
  return [ing, ...rest].join(" ").replace(/ and ([a-z]+)\b/, (all, v: string) => (TASK_VERBS.has(v) ? ` and ${gerund(v)}` : all));
}

/** The speaker's own action as they would say it: "work on his paper" -> "working on my paper". */
export function ownDoing(action: string): string {
  return gerund(action).replace(/\b(his|her|their)\b/g, "my");
}

/** "wants" -> "want", "goes" -> "go", "tries" -> "try", "has" -> "have". */
export function baseVerb(verb: string): string {
  const w = verb.toLowerCase();
  if (w === "has") return "have";
  if (w === "does") return "do";
  if (w === "is") return "am";
  if (/ies$/.test(w) && w.length > 4) return w.slice(0, -3) + "y";
  if (/(sh|ch|x|ss|zz|o)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("s") && !w.endsWith("ss")) return w.slice(0, -1);
  return w;
}

/** "want" -> "wants", "go" -> "goes", "try" -> "tries", "have" -> "has". */
export function thirdPersonVerb(verb: string): string {
  const w = verb.toLowerCase();
  // A past tense stays as it is ("I invited" -> "she invited").
  if (/ed$/.test(w) || ["told", "said", "met", "saw", "went", "made", "had", "was", "heard", "thought"].includes(w)) return w;
  if (w === "have") return "has";
  if (w === "am") return "is";
  if (/[^aeiou]y$/.test(w)) return w.slice(0, -1) + "ies";
  if (/(sh|ch|x|ss|zz|o)$/.test(w)) return w + "es";
  return w + "s";
}

/** Auxiliaries after a subject: third-person form -> first-person form. */
const AUX_TO_FIRST: [RegExp, string][] = [
  [/^is not\b/, "I'm not"],
  [/^is\b/, "I'm"],
  [/^was\b/, "I was"],
  [/^has been\b/, "I've been"],
  [/^has\b/, "I have"],
  [/^will\b/, "I'll"],
  [/^would\b/, "I'd"],
  [/^(can|could|should|might|must|may)\b/, "I $1"],
];

/** Words that may follow a subject but are not verbs to put in the first person. */
const NOT_VERBS = /^(and|or|but|at|in|on|of|to|the|a|an|who|whose|with|from|told|said|asked|invited|thought)$/i;

/**
 * A sentence about the speaker, said by the speaker: "Sam Moore is running for mayor and
 * wants to hear what his neighbours think" -> "I'm running for mayor and want to hear what
 * my neighbours think". Only sentences that start with the speaker's name change.
 */
export function toFirstPerson(text: string, fullName: string, firstName: string): string {
  const subject = [fullName, firstName].find((n) => text.startsWith(n + " "));
  if (!subject) return text;
  let rest = text.slice(subject.length + 1);
  const aux = AUX_TO_FIRST.find(([re]) => re.test(rest));
  if (aux) rest = rest.replace(aux[0], aux[1]);
  else {
    const verb = rest.split(" ")[0];
    if (NOT_VERBS.test(verb) || !/s$/.test(verb)) return text;
    rest = `I ${baseVerb(verb)}${rest.slice(verb.length)}`;
  }
  // A relative clause is about someone else: "keeping an eye on Eddy, who is working on his piece".
  const cut = rest.search(/, who\b/);
  const tail = cut >= 0 ? rest.slice(cut) : "";
  if (cut >= 0) rest = rest.slice(0, cut);
  return (rest
    .replace(/\band (\w+?s) (to|for|about|that|my|his|her|their|the|a|an|\w+ing)\b/g, (all, v: string, next: string) => (NOT_VERBS.test(v) || /ss$/.test(v) ? all : `and ${baseVerb(v)} ${next}`))
    .replace(/\band is (\w+ing)\b/g, "and am $1")
    .replace(/\b(with|for|to) (?:him|her)$/, "$1 me")
    // Persona texts speak of the person as "she"/"he" later on.
    .replace(/\b(?:she|he) (is|has|was)\b/g, (_m, v: string) => (v === "is" ? "I am" : v === "has" ? "I have" : "I was"))
    .replace(/\b(?:she|he) (can|will|would|could|should|might|must|may)\b/g, "I $1")
    .replace(/\b(?:she|he) (\w+s)\b/g, (_m, v: string) => `I ${baseVerb(v)}`)
    .replace(/\b(his|her|their)\b/g, "my")
    .replace(/\b(himself|herself|themselves)\b/g, "myself")
    .replace(new RegExp(`\\b${escapeRe(fullName)}'s\\b`, "g"), "my")) + tail;
}

/** First person auxiliaries -> third person, given the subject's name. */
const AUX_TO_THIRD: [RegExp, string][] = [
  [/^I'm not\b/, "is not"],
  [/^(I'm|I am)\b/, "is"],
  [/^I was\b/, "was"],
  [/^(I've|I have)\b/, "has"],
  [/^(I'll|I will)\b/, "will"],
  [/^(I'd|I would)\b/, "would"],
  [/^I (can|could|should|might|must|may)\b/, "$1"],
];

/** Words after "and" that the first-person conversion treats as verbs ("and want to"). */
const AND_VERB = /\band (\w+) (to|for|about|that)\b/g;

/**
 * A line the speaker said about themself, retold by someone else: "I'm hosting a party
 * and want you to come" -> "Isabella Rodriguez is hosting a party and wants you to come".
 * "my" becomes "their" (no gender is guessed). Other sentences are returned unchanged.
 */
export function toThirdPerson(text: string, speaker: string): string {
  if (!/^I\b|^I'/.test(text)) return text;
  let rest: string;
  const aux = AUX_TO_THIRD.find(([re]) => re.test(text));
  if (aux) rest = text.replace(aux[0], aux[1]);
  else {
    const m = /^I (\w+)/.exec(text);
    if (!m) return text;
    rest = thirdPersonVerb(m[1]) + text.slice(m[0].length);
  }
  rest = rest.replace(AND_VERB, (all, v: string, next: string) => (/(s|ing|ed)$/.test(v) || NOT_VERBS.test(v) ? all : `and ${thirdPersonVerb(v)} ${next}`)).replace(/\band am (\w+ing)\b/g, "and is $1");
  return `${speaker} ${rest}`.replace(/\bmy\b/g, "their").replace(/\bmyself\b/g, "themselves").replace(/\bme\b/g, "them");
}

/** Sentences of a text ("Hi Klaus! Did you hear? Isabella ..." -> three). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z"'])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Drops the final punctuation: "a party." -> "a party". */
export function stripEnd(text: string): string {
  return text.trim().replace(/[\s.!?;,:]+$/, "");
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a", "a and b", "a, b and c". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * Shortens a clause to at most `max` characters, cutting at a clause boundary (", and",
 * ";", ",") when one is far enough in, otherwise at a word boundary. No ellipsis: what is
 * kept must read as a sentence.
 */
export function clip(text: string, max: number): string {
  const t = stripEnd(text);
  if (t.length <= max) return t;
  const head = t.slice(0, max + 1);
  for (const mark of [", and ", "; ", ", ", " and "]) {
    const at = head.lastIndexOf(mark);
    if (at >= max * 0.5) return t.slice(0, at);
  }
  const space = head.lastIndexOf(" ");
  return t.slice(0, space > 0 ? space : max).replace(/[\s,;:]+$/, "");
}

/** Joins parts with spaces while the whole fits in `max` characters; later parts are dropped first. */
export function fitParts(parts: readonly string[], max: number): string {
  let out = "";
  for (const part of parts) {
    if (!part) continue;
    // One "Oh," per line is enough.
    const p = out.startsWith("Oh") && /^Oh, \w/.test(part) ? capitalize(part.slice(4)) : part;
    const next = out ? `${out} ${p}` : p;
    if (next.length <= max) out = next;
  }
  return out || clip(parts.find((p) => p) ?? "", max);
}

export function firstWord(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Task verbs the town's actions start with ("brew coffee", "host a party"). */
const TASK_VERBS = new Set(
  ("brew serve bake wipe chat pour wash fill advise restock work help check give teach hold prepare grade attend study browse " +
    "paint sketch mix edit plan sort draw render rehearse write practise practice revise read outline debug answer review think " +
    "compose get take cook eat sit watch walk order drink have pick water pull relax tidy change brush decorate invite run host go " +
    "make meet visit play sing perform clean shop buy sell jog stroll rest nap sleep wake complete tend stream code").split(" "),
);

/**
 * Event descriptions are built as "<name> is <task>" ("Isabella Rodriguez is brew coffee");
 * this mends them to "Isabella Rodriguez is brewing coffee". Other texts are unchanged.
 */
export function fixProgressive(text: string): string {
  return text.replace(/\b(is|are) ([a-z]+)\b([^.,;]*)/g, (all, aux: string, verb: string, rest: string) => (TASK_VERBS.has(verb) ? `${aux} ${gerund(verb + rest)}` : all));
}
