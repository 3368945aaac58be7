/**
 * Realistic model answers for the token benchmark: the fake OpenAI-compatible server
 * answers each question the way a good model would, with answers of realistic length
 * (places picked from the prompt's list, ids cited from the prompt's memories, steps
 * that fill the asked minutes). Deterministic: the same prompt gets the same answer.
 */
import type { ChatRequestBody } from "../tests/llm/fake-openai-server";

/** Work steps as a model writes them; long blocks repeat some, as real days do. */
const STEPS = [
  "greet the customers who walk in", "brew a fresh pot of coffee", "take orders at the counter", "wipe down the tables",
  "restock the pastry case", "chat with a regular about their week", "wash the cups and saucers", "check the supplies in the back",
  "read a chapter of a sociology book", "take notes on the reading", "draft a paragraph of the paper", "look up a source in the library",
];

export function fakeAnswer(body: ChatRequestBody): string {
  const user = body.messages.filter((m) => m.role === "user").map((m) => m.content).join("\n");
  const ask = (key: string) => user.includes(`Answer {"${key}"`);
  if (ask("wake")) return JSON.stringify({ wake: "06:30", plan: PLAN, blocks: SCHEDULE });
  if (ask("hour")) return JSON.stringify({ hour: 6, minute: 30 });
  if (ask("plan")) return JSON.stringify({ plan: PLAN });
  if (ask("blocks") && !user.includes("place number")) return JSON.stringify({ blocks: SCHEDULE });
  if (ask("blocks") && user.includes("place number")) return JSON.stringify(blockPlanFor(user));
  if (ask("steps")) return JSON.stringify({ steps: stepsFor(user) });
  if (ask("places")) return JSON.stringify({ places: stepNumbers(user).map((n) => ({ n, ...placeFor(user) })) });
  if (ask("place")) return JSON.stringify(placeFor(user));
  if (ask("scores")) return JSON.stringify({ scores: listedItems(user).map((item) => 1 + (hash(item) % 6)) });
  if (ask("score")) return JSON.stringify({ score: 1 + (hash(memoryLine(user)) % 6) });
  if (ask("lines")) return JSON.stringify(conversationFor(user));
  if (ask("talk")) return JSON.stringify({ talk: hash(talkKey(user)) % 3 !== 0 });
  if (ask("text")) return JSON.stringify({ text: LINES[hash(user) % LINES.length], end: false, cites: idsIn(user).slice(0, 1) });
  if (ask("summary")) return JSON.stringify({ ...SUMMARY, ...POST_CHAT });
  if (ask("planning")) return JSON.stringify(POST_CHAT);
  if (ask("questions") && user.includes('"q": 1')) return JSON.stringify({ questions: QUESTIONS, insights: [1, 2, 3].flatMap((q) => insightsFor(user).map((i) => ({ q, ...i }))) });
  if (ask("questions")) return JSON.stringify({ questions: QUESTIONS });
  if (ask("insights")) return JSON.stringify({ insights: insightsFor(user) });
  if (ask("currently")) return JSON.stringify({ currently: CURRENTLY });
  if (ask("answer")) return JSON.stringify({ answer: "I'm getting the cafe ready for the Valentine's Day party tomorrow evening." });
  return "{}";
}

const PLAN = [
  "wake up and get ready at 6:30 am", "bake pastries at home until 7:30 am", "open Hobbs Cafe at 8:00 am and serve customers",
  "have lunch behind the counter at 1:00 pm", "invite customers to the Valentine's Day party all afternoon",
  "close the cafe at 8:00 pm", "have dinner at home at 8:30 pm", "go to bed at 11:00 pm",
];

const SCHEDULE = [
  ["00:00", "sleeping"], ["06:30", "wake up and get ready at home"], ["07:00", "bake pastries in the kitchen at home"],
  ["07:30", "walk to Hobbs Cafe"], ["08:00", "open Hobbs Cafe and serve the morning rush"], ["11:00", "serve customers and talk about the party"],
  ["13:00", "have lunch behind the counter at Hobbs Cafe"], ["13:30", "serve customers and decorate the cafe"],
  ["17:00", "serve the evening customers at Hobbs Cafe"], ["20:00", "close the cafe and walk home"],
  ["20:30", "have dinner at home"], ["21:30", "read a book at home"], ["22:30", "get ready for bed"], ["23:00", "sleeping"],
].map(([at, task]) => ({ at, task }));

const LINES = [
  "Good to see you! Did you hear I'm hosting a Valentine's Day party here tomorrow from five to seven? I'd love for you to come.",
  "That sounds lovely. How is your research going? You always seem so focused when you write at that corner table.",
  "I think I can make it. Is it alright if I bring a friend along? I'll let everyone at the library know about it too.",
];

const SUMMARY = { summary: "Isabella and Klaus talked about the Valentine's Day party at Hobbs Cafe and his research paper.", importance: 4 };

const POST_CHAT = {
  planning: "Isabella should save a table for Klaus and Maria at the party on February 14 at 5pm.",
  memo: "Klaus seemed happy to be invited and is working hard on his paper about gentrification.",
};

const QUESTIONS = [
  "How are the preparations for Isabella's Valentine's Day party going?",
  "Which of the regulars has Isabella grown closest to lately?",
  "What does Isabella hope the party will do for the cafe?",
];

const CURRENTLY =
  "Isabella is finishing the decorations at Hobbs Cafe for tomorrow's Valentine's Day party from 5pm to 7pm, " +
  "and she has invited Klaus, Maria and most of her regulars. She is also keeping the cafe running as usual.";

/** Steps of 10 minutes filling the asked minutes, as "(N minutes)" states them in the block's line. */
function stepsFor(block: string): Array<{ task: string; minutes: number }> {
  const minutes = Number(/\((\d+) minutes\)/.exec(block)?.[1] ?? 60);
  const count = Math.max(1, Math.round(minutes / 10));
  const start = hash(blockKey(block)) % STEPS.length;
  return Array.from({ length: count }, (_, i) => ({ task: STEPS[(start + i) % STEPS.length], minutes: 10 }));
}

/** The first listed place (the best-ranked sector's first arena) and its first object: a valid, realistic choice. */
function placeFor(user: string) {
  const first = /^[^\n]+?: #1 ([^;\n]+)/m.exec(user)?.[1] ?? "";
  const object = /\[([^,\]]+)/.exec(first)?.[1] ?? "";
  return { place: 1, object, emoji: "☕", event: ["is serving", "customers at the counter"], state: object ? "in use by a customer" : "" };
}

/**
 * Each listed block's steps, each with its place as the block plan asks: [task, minutes,
 * place, object, emoji, verb, what, state]; a task given before in the answer as [task, minutes].
 */
function blockPlanFor(user: string) {
  const p = placeFor(user);
  const given = new Set<string>();
  const tuple = (s: { task: string; minutes: number }) => {
    const again = given.has(s.task);
    given.add(s.task);
    return again ? [s.task, s.minutes] : [s.task, s.minutes, p.place, p.object, p.emoji, ...p.event, p.state];
  };
  return { blocks: blockLines(user).map((b) => ({ steps: stepsFor(b).map(tuple) })) };
}

/** The texts of the items listed as "1. text". */
function listedItems(user: string): string[] {
  return [...user.matchAll(/^\d+\. (.+)$/gm)].map((m) => m[1]);
}

/**
 * A whole conversation as a model writes one: as many lines as allowed (the line-by-line
 * answers never end a talk early either), alternating, each speaker's first line citing
 * its first memory; then both sides' notes, as the chat summary gives them.
 */
function conversationFor(user: string) {
  const [, first = "A", second = "B"] = /^(.+) speaks first, to (.+?)\. /m.exec(user) ?? [];
  const count = Number(/at most (\d+) lines/.exec(user)?.[1] ?? 8);
  const ids = (side: string) => leadingIds(user).filter((id) => new RegExp(`^${side}\\d+$`).test(id));
  const h = hash(`${first}|${second}|${count}`);
  const lines = Array.from({ length: count }, (_, i) => ({
    by: i % 2 === 0 ? first : second,
    text: LINES[(h + i) % LINES.length],
    cites: i < 2 ? ids(i === 0 ? "a" : "b").slice(0, 1) : [],
  }));
  return { lines, notes: [first, second].map((by) => ({ by, ...SUMMARY, ...POST_CHAT })) };
}

/** The numbers of the steps listed as "1. task". */
function stepNumbers(user: string): number[] {
  return [...user.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
}

function insightsFor(user: string) {
  const ids = idsIn(user);
  const cite = (k: number) => [ids[k % Math.max(1, ids.length)], ids[(k + 1) % Math.max(1, ids.length)]].filter(Boolean);
  return [
    "Isabella's regulars are excited about the Valentine's Day party and several plan to bring friends",
    "Isabella feels the party could make Hobbs Cafe the meeting place she always wanted",
    "Klaus has become one of Isabella's most loyal customers and trusts her with his worries",
    "Isabella is stretched thin between running the cafe and preparing the party",
    "Maria seems to care about whether Klaus will be at the party",
  ].map((text, k) => ({ text, because: cite(k), importance: 4 + (k % 4) }));
}

function idsIn(user: string): string[] {
  return leadingIds(user).filter((id) => /^n\d+$/.test(id));
}

/** The ids memory lines start with: "[n12] ..." or "[n12, n40] ..." (one text seen twice). */
function leadingIds(user: string): string[] {
  return [...user.matchAll(/^\[([a-z]\d+(?:, [a-z]\d+)*)\]/gm)].flatMap((m) => m[1].split(", "));
}

/*
 * The fake's choices hang on what a question is about, never on its wording, so a
 * reworded prompt gets the same decisions and runs stay comparable across prompt changes.
 */

/** The memory a single score is asked for ("event: ..."): scored as it would be in a batch. */
function memoryLine(user: string): string {
  return /^(?:event|thought|conversation): .+$/m.exec(user)?.[0] ?? user;
}

/** Who would talk to whom, and when. */
function talkKey(user: string): string {
  const [, who = "", partner = ""] = /Would (.+?) start a conversation with (.+?) now/.exec(user) ?? [];
  return `${who}|${partner}|${/It is ([^.]+ [ap]m)\./.exec(user)?.[1] ?? ""}|${who ? "" : user}`;
}

/** The block being split: its times, whose it is and its task. */
function blockKey(user: string): string {
  return /^(?:\d+\. )?(From .+? \(\d+ minutes\), .+? will: [^\n]+?\.)(?= |$)/m.exec(user)?.[1] ?? user;
}

/** The blocks a block plan lists, one a line: "1. From 6:30 am to 7:00 am (30 minutes), Isabella will: ...". */
function blockLines(user: string): string[] {
  return [...user.matchAll(/^\d+\. From .+$/gm)].map((m) => m[0]);
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
