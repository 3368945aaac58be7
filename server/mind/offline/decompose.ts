/**
 * Splits a schedule block into subtasks. Routine blocks (meals, the morning routine, a
 * walk) follow a template whose steps happen once each, in order, sized to the block;
 * work blocks go through the persona's work tasks in 5-15 minute pieces, each task again
 * only once the others have had their turn; anything else stays one task. Minutes
 * always sum to the block's.
 */
import type { Persona } from "../../sim/scenario";
import { intBetween, type Rng } from "../../sim/rng";
import type { PlanBlock } from "../mind";
import { gerund } from "./language";
import { SLEEPING } from "./routine";
import { mentions } from "./vocabulary";

/** `closing`: the first and last steps are short (getting started, washing up); the middle ones take the time. */
const STEPS: { words: string[]; steps: string[]; closing?: boolean; out?: string[] }[] = [
  { words: ["morning routine", "wake up"], steps: ["get out of bed", "brush teeth at the bathroom sink", "take a shower", "get dressed at the closet"], closing: true },
  { words: ["breakfast"], steps: ["cook breakfast at the stove", "eat breakfast at the dining table", "wash the dishes at the kitchen sink"], closing: true, out: ["get breakfast at the counter", "eat breakfast at a table"] },
  { words: ["lunch"], steps: ["make lunch in the kitchen", "eat lunch at the dining table", "tidy up after lunch"], closing: true, out: ["get lunch at the counter", "eat lunch at a table"] },
  { words: ["dinner"], steps: ["cook dinner at the stove", "eat dinner at the dining table", "wash the dishes at the kitchen sink"], closing: true, out: ["order dinner at the counter", "eat dinner at a table"] },
  { words: ["ready for bed"], steps: ["brush teeth at the bathroom sink", "change into pyjamas at the closet", "read in bed"], closing: true },
  { words: ["host"], steps: ["welcome the guests", "chat with the guests", "serve drinks to the guests", "thank the guests for coming"], closing: true },
  { words: ["party"], steps: ["arrive at the party", "mingle with the other guests", "enjoy the party with friends"], closing: true },
  { words: ["walk"], steps: ["walk along the park paths", "sit on a park bench", "watch the fountain"] },
  { words: ["coffee"], steps: ["order a coffee at the cafe counter", "drink coffee at a cafe table"], closing: true },
  { words: ["drink"], steps: ["order a drink at the bar counter", "have a drink at a pub table"], closing: true },
  { words: ["read a book"], steps: ["pick a book from the bookshelf", "read a book", "put the book back"], closing: true },
  { words: ["garden"], steps: ["water the garden beds", "pull weeds in the garden"] },
  { words: ["relax"], steps: ["relax on the sofa", "listen to some music", "tidy the room"] },
];

/** A meal "at <Place>" that is not the home is eaten out. */
const EATING_OUT = /\bat (?!home\b)[A-Z]/;

/**
 * Work blocks draw from the persona's work tasks (passed as `workTasks`); other blocks
 * from the templates above; anything else stays one task.
 */
export function decomposeBlock(_p: Persona, task: string, minutes: number, workTasks: string[], rng: Rng): PlanBlock[] {
  if (task === SLEEPING || minutes <= 15) return [{ task, minutes }];
  if (workTasks.length > 0) return workPieces(workTasks, minutes, rng);
  const template = STEPS.find((s) => mentions(task, s.words));
  if (!template) return [{ task, minutes }];
  const steps = template.out && EATING_OUT.test(task) ? template.out : template.steps;
  return sized(steps, minutes, template.closing === true);
}

/** Steps in order, each once, in multiples of 5 minutes; the middle ones get twice the share. */
function sized(allSteps: string[], minutes: number, closing: boolean): PlanBlock[] {
  const steps = allSteps.slice(0, Math.max(1, Math.min(allSteps.length, Math.floor(minutes / 5))));
  const weights = steps.map((_, i) => (closing && steps.length > 2 && (i === 0 || i === steps.length - 1) ? 1 : 2));
  const total = weights.reduce((a, b) => a + b, 0);
  const out = steps.map((task, i) => ({ task, minutes: Math.max(5, Math.floor((minutes * weights[i]) / total / 5) * 5) }));
  // What rounding left (or took) goes to the longest step, so the minutes add up.
  const diff = minutes - out.reduce((n, s) => n + s.minutes, 0);
  const longest = out.reduce((m, s, i) => (s.minutes > out[m].minutes ? i : m), 0);
  out[longest].minutes += diff;
  return out.filter((s) => s.minutes > 0);
}

/**
 * Work in 5-15 minute pieces, grouped in stretches of one task ("write a speech", "keep
 * writing a speech", "wrap up writing a speech", later "get back to writing a speech"); the tasks come in a seeded order that
 * starts over only when each has had its turn, never the same task twice in a row.
 */
function workPieces(tasks: string[], minutes: number, rng: Rng): PlanBlock[] {
  const out: PlanBlock[] = [];
  let round: string[] = [];
  let left = minutes;
  let lastTask: string | undefined;
  while (left > 0) {
    if (round.length === 0) round = shuffled(tasks, rng, lastTask);
    const task = round.shift()!;
    lastTask = task;
    const pieces = left <= 20 ? 1 : intBetween(rng, 2, 3);
    const seen = new Set(out.map((o) => o.task));
    for (let k = 0; k < pieces && left > 0; k++) {
      let m = left <= 15 ? left : intBetween(rng, 2, 3) * 5;
      if (left - m > 0 && left - m < 5) m = left - 5;
      const again = seen.has(task);
      out.push({ task: k === 0 ? (again ? `get back to ${gerund(task)}` : task) : k === 1 ? `keep ${gerund(task)}` : `wrap up ${gerund(task)}`, minutes: m });
      left -= m;
    }
  }
  return out;
}
/** The tasks in a seeded order whose first is not `after`. */
function shuffled(tasks: string[], rng: Rng, after: string | undefined): string[] {
  const a = [...tasks];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  if (a.length > 1 && a[0] === after) a.push(a.shift()!);
  return a;
}
