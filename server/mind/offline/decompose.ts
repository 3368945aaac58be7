/**
 * Splits a schedule block into 5-15 minute subtasks from templates of what the block's
 * activity involves. Minutes always sum to the block's.
 */
import type { Persona } from "../../sim/scenario";
import { intBetween, type Rng } from "../../sim/rng";
import type { PlanBlock } from "../mind";
import { SLEEPING } from "./routine";
import { mentions } from "./vocabulary";

/** `closing`: the first and last steps happen once (cooking, washing up); the rest repeat. */
const STEPS: { words: string[]; steps: string[]; closing?: boolean }[] = [
  { words: ["morning routine", "wake up"], steps: ["get out of bed", "brush teeth at the bathroom sink", "take a shower", "get dressed at the closet"], closing: true },
  { words: ["breakfast"], steps: ["cook breakfast at the stove", "eat breakfast at the dining table", "wash the dishes at the kitchen sink"], closing: true },
  { words: ["lunch"], steps: ["get lunch ready", "eat lunch", "tidy up after lunch"], closing: true },
  { words: ["dinner"], steps: ["cook dinner at the stove", "eat dinner at the dining table", "wash the dishes at the kitchen sink"], closing: true },
  { words: ["ready for bed"], steps: ["brush teeth at the bathroom sink", "change into pyjamas at the closet", "read in bed"], closing: true },
  { words: ["walk"], steps: ["walk along the park paths", "sit on a park bench", "watch the fountain"] },
  { words: ["coffee"], steps: ["order a coffee at the cafe counter", "drink coffee at a cafe table", "chat at a cafe table"] },
  { words: ["drink"], steps: ["order a drink at the bar counter", "have a drink at a pub table"] },
  { words: ["read"], steps: ["pick a book from the bookshelf", "read a book", "think about what was read"] },
  { words: ["garden"], steps: ["water the garden beds", "pull weeds in the garden"] },
  { words: ["relax"], steps: ["relax on the sofa", "watch tv", "tidy the room"] },
];

/**
 * Work blocks draw from the persona's work tasks (passed as `workTasks`); other blocks
 * from the templates above; anything else stays one task.
 */
export function decomposeBlock(_p: Persona, task: string, minutes: number, workTasks: string[], rng: Rng): PlanBlock[] {
  if (task === SLEEPING || minutes <= 15) return [{ task, minutes }];
  const template = STEPS.find((s) => mentions(task, s.words));
  const steps = template?.steps ?? (workTasks.length > 0 ? workTasks : [task]);
  const out: PlanBlock[] = [];
  if (template) {
    // In order, about 15 minutes each; a long block lingers on the middle steps
    // (eating, walking) rather than on the last one (washing up, leaving).
    const n = Math.max(steps.length, Math.ceil(minutes / 15));
    const middle = steps.length > 2 ? steps.slice(1, -1) : steps.slice(0, 1);
    const sequence =
      n <= steps.length
        ? steps.slice(0, n)
        : template.closing
          ? [steps[0], ...Array.from({ length: n - 2 }, (_, j) => middle[j % middle.length]), steps[steps.length - 1]]
          : Array.from({ length: n }, (_, j) => steps[j % steps.length]);
    const each = Math.max(5, Math.floor(minutes / sequence.length / 5) * 5);
    let left = minutes;
    sequence.forEach((step, j) => {
      const m = j === sequence.length - 1 ? left : Math.min(each, left);
      if (m > 0) out.push({ task: step, minutes: m });
      left -= m;
    });
  } else {
    let left = minutes;
    let i = intBetween(rng, 0, steps.length - 1);
    while (left > 0) {
      let m = left <= 15 ? left : intBetween(rng, 1, 3) * 5;
      if (left - m > 0 && left - m < 5) m = left - 5;
      out.push({ task: steps[i % steps.length], minutes: m });
      left -= m;
      i++;
    }
  }
  return mergeRepeats(out);
}

function mergeRepeats(blocks: PlanBlock[]): PlanBlock[] {
  const out: PlanBlock[] = [];
  for (const b of blocks) {
    const last = out[out.length - 1];
    if (last && last.task === b.task && last.minutes + b.minutes <= 15) last.minutes += b.minutes;
    else out.push({ ...b });
  }
  return out;
}
