/**
 * Splits a schedule block into 5-15 minute subtasks from templates of what the block's
 * activity involves. Minutes always sum to the block's.
 */
import type { Persona } from "../../sim/scenario";
import { intBetween, type Rng } from "../../sim/rng";
import type { PlanBlock } from "../mind";
import { SLEEPING } from "./routine";
import { mentions } from "./vocabulary";

const STEPS: { words: string[]; steps: string[] }[] = [
  { words: ["morning routine", "wake up"], steps: ["get out of bed", "brush teeth at the bathroom sink", "take a shower", "get dressed at the closet"] },
  { words: ["breakfast"], steps: ["cook breakfast at the stove", "eat breakfast at the dining table", "wash the dishes at the kitchen sink"] },
  { words: ["lunch"], steps: ["get lunch ready", "eat lunch", "tidy up after lunch"] },
  { words: ["dinner"], steps: ["cook dinner at the stove", "eat dinner at the dining table", "wash the dishes at the kitchen sink"] },
  { words: ["ready for bed"], steps: ["brush teeth at the bathroom sink", "change into pyjamas at the closet", "read in bed"] },
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
  let left = minutes;
  let i = template ? 0 : intBetween(rng, 0, steps.length - 1);
  while (left > 0) {
    // Templates run in order; long blocks spend longer on each step.
    const base = template ? Math.max(5, Math.round(minutes / steps.length / 5) * 5) : intBetween(rng, 1, 3) * 5;
    let m = left <= 15 ? left : Math.min(base, 15);
    if (left - m > 0 && left - m < 5) m = left - 5;
    out.push({ task: steps[i % steps.length], minutes: m });
    left -= m;
    i++;
    if (template && i >= steps.length && left > 0) i = steps.length - 1;
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
