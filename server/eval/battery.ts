/**
 * The interview battery (the paper's evaluation): five categories of five questions,
 * instantiated per resident from its own state — the people it talked with and those it
 * never met, the planted news it heard and did not hear, its schedule for today, its
 * insights — and put through `town.interview`, so it measures whichever mind the town
 * runs. Each answer is checked against the town's truth (battery-checks.ts). The
 * battery only reads: asking does not change the run.
 */
import { stringHash } from "../agents/memory/embedding";
import type { Resident } from "../agents/resident";
import { formatTimeOfDay, minuteOfDay } from "../sim/clock";
import type { Town } from "../town/town";
import { checkAnswer, scoreItems, type BatteryQuestion, type Speaker } from "./battery-checks";
import { BATTERY_CATEGORIES, type BatteryItem, type BatteryResult } from "./battery-types";

export { checkAnswer, scoreItems, type BatteryQuestion, type Speaker, type Truth } from "./battery-checks";

export const QUESTIONS_PER_CATEGORY = 5;
/** Who asks, as the resident is told. */
export const BATTERY_ASKER = "an interviewer";

/** Names nobody in a scenario has, asked about when a resident has met everyone in town. */
const INVENTED_PEOPLE = ["Oliver Brandt", "Nadia Petrova", "Tobias Greene", "Lena Hartmann", "Marcus Whitfield", "Priya Raman", "Elias Varga", "Sofia Lindqvist"];

/**
 * Situations to react to, and words that name something sensible to do about each (the
 * question's own words do not count: an echo is no reaction).
 */
const SITUATIONS: { question: (friend: string) => string; actions: string[] }[] = [
  {
    question: () => "Your breakfast is burning! What would you do?",
    actions: ["turn", "off", "stove", "heat", "burner", "pan", "pot", "fire", "smoke", "water", "window", "toast", "again", "fresh", "oven", "throw", "scrape", "extinguisher", "alarm", "remove", "start over"],
  },
  {
    question: (friend) => `You see ${friend} walking past, looking upset. What would you do?`,
    actions: ["ask", "wrong", "okay", "ok", "alright", "comfort", "listen", "help", "hug", "support", "matter", "happened", "worry", "cheer", "check", "console", "there for"],
  },
  {
    question: () => "It starts to pour with rain while you are out. What would you do?",
    actions: ["umbrella", "shelter", "inside", "indoors", "cover", "run", "hurry", "wait", "coat", "jacket", "hood", "home", "dry", "duck", "stay"],
  },
  {
    question: () => "The power goes out where you are. What would you do?",
    actions: ["candle", "flashlight", "torch", "light", "phone", "call", "wait", "check", "fuse", "breaker", "neighbour", "neighbor", "outside", "window", "report", "company", "electricity", "save", "unplug"],
  },
  {
    question: () => "A neighbour asks for your help with something you know a lot about. What would you say?",
    actions: ["glad", "happy", "sure", "show", "explain", "teach", "course", "gladly", "yes", "absolutely", "love", "delighted", "certainly"],
  },
];

/** What the battery reads of a resident: what it said, whom it met, what it heard. */
interface Known {
  r: Resident;
  speaker: Speaker;
  /** Residents it talked with, most conversations first. */
  partners: string[];
  /** Everyone it knows of: partners, relationships, names in its memories or persona. */
  acquainted: Set<string>;
  /** Resident names of the town (not its own). */
  others: string[];
  memoryText: string;
  /** No one else in town has this person's first name: it alone names them. */
  uniqueFirst: (name: string) => boolean;
}

function known(town: Town, r: Resident): Known {
  const others = town.allResidents().filter((o) => o.id !== r.id).map((o) => o.name);
  const counts = new Map<string, number>();
  for (const c of town.conversations.log) {
    if (c.lines.length === 0 || !c.members.some((m) => m.who.id === r.id)) continue;
    for (const m of c.members) if (m.who.kind === "resident" && m.who.id !== r.id) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  }
  const partners = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([n]) => n);
  const memoryText = r.memory.nodes().map((n) => n.description).join("\n");
  const p = r.persona;
  const personaText = [p.learned, p.currently, p.dailyPlanRequirement, p.lifestyle, ...p.relationships.map((x) => `${x.name} ${x.note}`)].join("\n");
  // Known of by full name anywhere, or by a first name no one else in town carries.
  const firstNames = new Map<string, number>();
  for (const o of town.allResidents()) firstNames.set(o.persona.firstName, (firstNames.get(o.persona.firstName) ?? 0) + 1);
  const uniqueFirst = (name: string) => (firstNames.get(name.split(" ")[0]) ?? 0) <= 1;
  const mentioned = (name: string, text: string) => text.includes(name) || (uniqueFirst(name) && new RegExp(`\\b${name.split(" ")[0]}\\b`).test(text));
  const acquainted = new Set([...partners, ...p.relationships.map((x) => x.name)]);
  for (const o of others) if (mentioned(o, memoryText) || mentioned(o, personaText)) acquainted.add(o);
  const speaker: Speaker = { name: p.name, firstName: p.firstName, age: p.age, innate: p.innate, learned: p.learned, currently: p.currently, firstNameUnique: (firstNames.get(p.firstName) ?? 0) <= 1 };
  return { r, speaker, partners, acquainted, others, memoryText: `${memoryText}\n${personaText}`, uniqueFirst };
}

/** A deterministic pick that differs from resident to resident. */
function pickFor<T>(r: Resident, salt: string, list: readonly T[]): T | undefined {
  return list.length === 0 ? undefined : list[stringHash(`${r.name}|${salt}`) % list.length];
}

function firstSentence(text: string): string {
  return text.split(/(?<=[.!?])\s+/)[0] ?? text;
}

function selfQuestions(k: Known): BatteryQuestion[] {
  const p = k.r.persona;
  return [
    { category: "self", question: "What is your name?", truth: { kind: "name" } },
    { category: "self", question: "How old are you?", truth: { kind: "age" } },
    { category: "self", question: "What is your job?", truth: { kind: "job", reference: `${firstSentence(p.learned)} ${p.dailyPlanRequirement}` } },
    { category: "self", question: "Describe yourself.", truth: { kind: "describe", reference: `${p.innate}. ${p.learned} ${p.currently}` } },
    { category: "self", question: "Are you a human?", truth: { kind: "human" } },
  ];
}

/** The scenario's planted facts with the words a question may name them by. */
function factTopic(town: Town, keywords: readonly string[]): string {
  const people = new Set(town.allResidents().flatMap((r) => [r.name, ...r.persona.relationships.map((x) => x.name)]));
  const topic = keywords.filter((w) => !people.has(w)).slice(0, 2);
  return topic.length > 0 ? topic.join(" ") : keywords[0];
}

function strangers(k: Known, count: number): string[] {
  const never = k.others.filter((o) => !k.acquainted.has(o));
  const invented = INVENTED_PEOPLE.filter((n) => !k.others.includes(n) && !k.memoryText.includes(n));
  const out: string[] = [];
  const first = pickFor(k.r, "stranger", never);
  if (first) out.push(first);
  const rest = [...never.filter((n) => n !== first), ...invented];
  while (out.length < count && rest.length > 0) out.push(rest.splice(stringHash(`${k.r.name}|${out.length}`) % rest.length, 1)[0]);
  return out;
}

/** Does any memory carry the fact: its text, or most of its words? */
function remembersFact(r: Known["r"], fact: string): boolean {
  const words = new Set(fact.toLowerCase().match(/[a-z0-9']{4,}/g) ?? []);
  return r.memory.nodes().some((n) => {
    const said = n.description.toLowerCase();
    if (said.includes(fact.toLowerCase())) return true;
    let shared = 0;
    for (const w of words) if (said.includes(w)) shared++;
    return words.size > 0 && shared / words.size >= 0.6;
  });
}

function memoryQuestions(town: Town, k: Known): BatteryQuestion[] {
  const rel = k.r.persona.relationships.map((x) => x.name);
  const people = [...new Set([...k.partners, ...rel])];
  const facts = town.scenario.facts;
  // News it was told before news it holds itself: that is what memory is tested on.
  const heard = facts.filter((f) => k.r.knownFacts.has(f.id)).sort((a, b) => Number(k.r.knownFacts.get(a.id)!.from === "") - Number(k.r.knownFacts.get(b.id)!.from === ""));
  // Never heard: no provenance of it, and no memory that tells it (a memo of a talk may
  // hold news whose provenance was not passed on; knowing it then is no hallucination).
  const unheard = facts.filter((f) => !k.r.knownFacts.has(f.id) && !remembersFact(k.r, f.text));
  const strange = strangers(k, 2);
  const who = (person: string) => `Who is ${person}?`;
  const out: BatteryQuestion[] = [];
  for (const person of people.slice(0, 2)) out.push({ category: "memory", question: who(person), truth: { kind: "knows", person } });
  out.push({ category: "memory", question: who(strange[0]), truth: { kind: "stranger", person: strange[0] } });
  const about = (keywords: readonly string[]) => `What do you know about the ${factTopic(town, keywords)}?`;
  if (heard[0]) out.push({ category: "memory", question: about(heard[0].keywords), truth: { kind: "heard", fact: heard[0].text } });
  else if (people[2]) out.push({ category: "memory", question: who(people[2]), truth: { kind: "knows", person: people[2] } });
  const p = k.r.persona;
  const own = [p.learned, p.currently, p.dailyPlanRequirement, p.innate, ...p.relationships.map((x) => x.note)].join(" ");
  if (unheard[0]) out.push({ category: "memory", question: about(unheard[0].keywords), truth: { kind: "unheard", fact: unheard[0].text, own } });
  // Fewer people or facts than questions: more strangers, as many as it takes to ask five.
  for (const person of strange.slice(1)) if (out.length < QUESTIONS_PER_CATEGORY) out.push({ category: "memory", question: who(person), truth: { kind: "stranger", person } });
  while (out.length < QUESTIONS_PER_CATEGORY) {
    const person = INVENTED_PEOPLE[out.length % INVENTED_PEOPLE.length];
    out.push({ category: "memory", question: who(person), truth: { kind: "stranger", person } });
  }
  return out.slice(0, QUESTIONS_PER_CATEGORY);
}

/** Today's blocks with their start minute and the subtask under way at each question's minute. */
function planQuestions(town: Town, k: Known): BatteryQuestion[] {
  const day = k.r.day;
  const now = minuteOfDay(town.clock.nowMs);
  const ask = (minute: number) => (minute < now ? `What were you doing at ${formatTimeOfDay(minute)} today?` : `What will you be doing at ${formatTimeOfDay(minute)} today?`);
  if (!day) {
    // No plan made yet: the persona's daily requirement is all the town knows of its day.
    const task = k.r.persona.dailyPlanRequirement;
    return [9, 11, 13, 15, 18].map((h) => ({ category: "plans", question: ask(h * 60), truth: { kind: "plan", task, others: [] } }));
  }
  let start = 0;
  const blocks = day.schedule.map((b, i) => {
    const at = { index: i, task: b.task, start, minutes: b.minutes };
    start += b.minutes;
    return at;
  });
  const awake = blocks.filter((b) => !/^sleep/i.test(b.task) && b.minutes > 0);
  // One question per distinct task first, spread over the day; then again at other hours.
  const distinct = awake.filter((b, i) => awake.findIndex((x) => x.task === b.task) === i);
  const chosen = spread(distinct, QUESTIONS_PER_CATEGORY);
  for (const b of spread(awake, QUESTIONS_PER_CATEGORY * 2)) if (chosen.length < QUESTIONS_PER_CATEGORY && !chosen.includes(b)) chosen.push(b);
  chosen.sort((a, b) => a.start - b.start);
  const others = [...new Set(awake.map((b) => b.task))];
  return chosen.slice(0, QUESTIONS_PER_CATEGORY).map((b) => {
    // The middle of the block, on the half hour; the subtask then under way is part of the truth.
    const minute = Math.max(b.start, Math.floor((b.start + b.minutes / 2) / 30) * 30);
    const sub = subtaskAt(day.decomposed.get(b.index), minute - b.start);
    return { category: "plans" as const, question: ask(minute), truth: { kind: "plan" as const, task: sub ? `${b.task}: ${sub}` : b.task, others } };
  });
}

function subtaskAt(parts: readonly { task: string; minutes: number }[] | undefined, offset: number): string | null {
  let at = 0;
  for (const p of parts ?? []) {
    if (offset < at + p.minutes) return p.task;
    at += p.minutes;
  }
  return null;
}

/** Up to `n` items evenly spaced over the list, in order. */
function spread<T>(list: readonly T[], n: number): T[] {
  if (list.length <= n) return [...list];
  return Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]);
}

function reactionQuestions(k: Known): BatteryQuestion[] {
  const friend = k.partners[0] ?? k.r.persona.relationships.find((x) => k.others.includes(x.name))?.name;
  const friendText = friend ? friend.split(" ")[0] : "a neighbour";
  return SITUATIONS.map((s) => ({ category: "reactions", question: s.question(friendText), truth: { kind: "reaction", actions: s.actions } }));
}

function reflectionQuestions(k: Known): BatteryQuestion[] {
  const nodes = k.r.memory.nodes();
  const insights = nodes.filter((n) => n.kind === "thought" && n.evidence.length > 0).map((n) => n.description);
  const namesIn = (text: string) => k.others.filter((o) => text.includes(o) || (k.uniqueFirst(o) && new RegExp(`\\b${o.split(" ")[0]}\\b`).test(text)));
  const counts = new Map<string, number>();
  for (const text of insights) for (const n of namesIn(text)) counts.set(n, (counts.get(n) ?? 0) + 1);
  const byInsights = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([n]) => n);
  const people = [...new Set([...byInsights, ...k.partners, ...k.r.persona.relationships.filter((x) => k.others.includes(x.name)).map((x) => x.name)])].slice(0, 3);
  // Before any insight: what it remembers about them stands in, and the check says so.
  const memoriesOf = (person: string) => nodes.filter((n) => (n.kind === "thought" || n.kind === "chat") && n.description.includes(person)).map((n) => n.description);
  const out: BatteryQuestion[] = people.map((person) => {
    const about = insights.filter((t) => namesIn(t).includes(person));
    const note = k.r.persona.relationships.find((x) => x.name === person)?.note;
    const references = about.length > 0 ? about : [...memoriesOf(person), ...(note ? [note] : [])];
    return { category: "reflections", question: `What have you learned about ${person} lately?`, truth: { kind: "reflection", references, exclude: person, fromInsights: about.length > 0 } };
  });
  const general = insights.length > 0 ? insights : nodes.filter((n) => n.kind === "thought").map((n) => n.description).slice(-20).concat(k.r.persona.currently);
  const own = insights.filter((t) => namesIn(t).length === 0);
  const generalTruth = { kind: "reflection" as const, references: general, exclude: "", fromInsights: insights.length > 0 };
  out.push({ category: "reflections", question: "What has been on your mind lately?", truth: generalTruth });
  out.push({ category: "reflections", question: "What have you learned about yourself lately?", truth: own.length > 0 ? { ...generalTruth, references: own } : generalTruth });
  for (const q of ["What matters most to you these days?", "What have you noticed about the people around you?"]) if (out.length < QUESTIONS_PER_CATEGORY) out.push({ category: "reflections", question: q, truth: generalTruth });
  return out.slice(0, QUESTIONS_PER_CATEGORY);
}

/** The 25 questions for one resident, from the town as it is now. */
export function batteryQuestions(town: Town, r: Resident): { speaker: Speaker; questions: BatteryQuestion[] } {
  const k = known(town, r);
  const questions = [...selfQuestions(k), ...memoryQuestions(town, k), ...planQuestions(town, k), ...reactionQuestions(k), ...reflectionQuestions(k)];
  return { speaker: k.speaker, questions };
}

/** Every question put to one resident, one at a time, and the answers checked. */
export async function residentBatteryItems(town: Town, residentId: string, asker = BATTERY_ASKER): Promise<BatteryItem[]> {
  const r = town.resident(residentId);
  if (!r) throw new Error(`no resident "${residentId}"`);
  const { speaker, questions } = batteryQuestions(town, r);
  const items: BatteryItem[] = [];
  for (const q of questions) items.push(checkAnswer(speaker, q, (await town.interview(r.id, q.question, asker)) ?? ""));
  return items;
}

export async function runBattery(town: Town, residentId: string, asker = BATTERY_ASKER): Promise<BatteryResult> {
  return scoreItems(await residentBatteryItems(town, residentId, asker));
}

/**
 * The battery on every resident. Residents are interviewed side by side (a language
 * model's own limiter paces the calls), each one's questions in order; the items keep
 * the town's order. `onResident` hears of each as it is done (progress lines).
 */
export async function runTownBattery(town: Town, opts: { asker?: string; onResident?: (name: string, items: BatteryItem[]) => void } = {}): Promise<BatteryResult> {
  const perResident = await Promise.all(
    town.allResidents().map(async (r) => {
      const mine = await residentBatteryItems(town, r.id, opts.asker);
      opts.onResident?.(r.name, mine);
      return mine;
    }),
  );
  return scoreItems(perResident.flat());
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** Markdown: a table per category, the hallucination rate, and each resident's scores. */
export function batteryMarkdown(result: BatteryResult): string[] {
  const out = ["| category | asked | passed | score |", "|---|---|---|---|"];
  for (const c of BATTERY_CATEGORIES) {
    const s = result.categories[c];
    out.push(`| ${c} | ${s.asked} | ${s.passed} | ${pct(s.score)} |`);
  }
  const memory = result.items.filter((i) => i.category === "memory");
  out.push("", `Hallucination rate: ${pct(result.hallucinationRate)} (${memory.filter((i) => i.hallucinated).length} of ${memory.length} memory answers claim to know a stranger or news never heard; the paper: 1.3 %).`, "");
  const residents = [...new Set(result.items.map((i) => i.resident))];
  out.push(`| resident | ${BATTERY_CATEGORIES.join(" | ")} |`, `|---|${BATTERY_CATEGORIES.map(() => "---").join("|")}|`);
  for (const name of residents) {
    const of = result.items.filter((i) => i.resident === name);
    const cells = BATTERY_CATEGORIES.map((c) => {
      const mine = of.filter((i) => i.category === c);
      return `${mine.filter((i) => i.passed).length}/${mine.length}`;
    });
    out.push(`| ${name} | ${cells.join(" | ")} |`);
  }
  return out;
}

/** Console lines: per-category scores and the hallucination rate. */
export function batterySummary(result: BatteryResult): string[] {
  const residents = new Set(result.items.map((i) => i.resident)).size;
  const lines = [`Interview battery: ${residents} resident(s), ${result.items.length} questions`];
  for (const c of BATTERY_CATEGORIES) {
    const s = result.categories[c];
    lines.push(`  ${c.padEnd(12)} ${pct(s.score).padStart(7)}  (${s.passed}/${s.asked})`);
  }
  const memory = result.items.filter((i) => i.category === "memory");
  lines.push(`  hallucination rate ${pct(result.hallucinationRate)} (${memory.filter((i) => i.hallucinated).length} of ${memory.length} memory answers; paper 1.3 %)`);
  return lines;
}
