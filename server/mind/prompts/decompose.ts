/**
 * Decompose: one schedule block split into short consecutive steps. Models rarely make
 * the minutes add up, so `fitSteps` scales them to the block's length afterwards.
 * Blocks up to 90 minutes get 5-15 minute steps, as in the original; longer ones get
 * 10-30 minute steps so the answer (output tokens) stays about the same size.
 * Fallback: the block as one step.
 */
import { z } from "zod";
import type { PromptUnit } from "../llm/prompt";
import type { DecomposeInput, PlanBlock } from "../mind";
import { text, wholeNumber } from "./fields";
import { briefIdentity, system, timeText } from "./persona";

export const MAX_STEPS = 24;
export const STEP_CHARS = 100;
const SHORT_BLOCK_MINUTES = 90;
/** Up to this factor over the block's minutes, steps are scaled down; beyond it, cut. */
const OVERRUN_KEPT = 1.25;

const output = z.object({
  steps: z.array(z.object({ task: z.string(), minutes: z.number().int().min(1).max(1440) })).min(1).max(MAX_STEPS),
});

const step = z.object({ task: text(STEP_CHARS), minutes: wholeNumber(1, 1440, { clamp: true }) });
const schema = z.object({ steps: z.array(step).min(1).max(MAX_STEPS * 2) }).transform((a) => a.steps.slice(0, MAX_STEPS));

export const decomposeUnit: PromptUnit<DecomposeInput, PlanBlock[]> = {
  name: "decompose",
  build: ({ persona, task, startMinute, minutes }) => {
    const range = stepRange(minutes);
    return {
      system: system("You break a resident's activity into the small steps they actually do."),
      user: [
        briefIdentity(persona),
        `From ${timeText(startMinute)} to ${timeText(startMinute + minutes)} (${minutes} minutes), ${persona.firstName} will: ${task}.`,
        `List the steps in order, ${range} minutes each, adding up to ${minutes} minutes. ` +
          `Answer {"steps": [{"task": "...", "minutes": n}]}.`,
      ].join("\n"),
    };
  },
  outputSchema: output,
  schema,
  fallback: ({ task, minutes }) => [{ task, minutes }],
  maxTokens: 400,
  temperature: 0.5,
};

/** How long each step should be: "5 to 15" minutes for blocks up to 90 minutes, else "10 to 30". */
export function stepRange(minutes: number): string {
  return minutes <= SHORT_BLOCK_MINUTES ? "5 to 15" : "10 to 30";
}

/**
 * Scales the steps' minutes to sum to exactly `minutes` (largest remainders get the
 * leftover minutes); steps that would get no minute are dropped. A plan well over the
 * block's length keeps only the steps that fit (the rest would not happen in time),
 * rather than squeezing every step into a minute or two.
 */
export function fitSteps(steps: readonly PlanBlock[], minutes: number): PlanBlock[] {
  let usable = steps.filter((s) => s.minutes > 0);
  if (sum(usable) > minutes * OVERRUN_KEPT) usable = usable.filter((_, i) => i === 0 || sum(usable.slice(0, i + 1)) <= minutes);
  const total = sum(usable);
  if (usable.length === 0 || minutes <= 0) return [];
  if (total === minutes) return usable.map((s) => ({ ...s }));
  const exact = usable.map((s) => (s.minutes * minutes) / total);
  const out = exact.map((x, i) => ({ task: usable[i].task, minutes: Math.floor(x) }));
  let left = minutes - sum(out);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % byRemainder.length, left--) out[byRemainder[k].i].minutes++;
  return out.filter((s) => s.minutes > 0);
}

function sum(steps: readonly PlanBlock[]): number {
  return steps.reduce((n, s) => n + s.minutes, 0);
}
