/**
 * Overlapping thinking in lockstep. A headless run waits at each step for the answers
 * due then; with a lag of L steps for a kind of question, an answer asked at step s is
 * applied at the boundary after step s + L, never earlier and never later. So model
 * calls of many steps are in flight at once, while every run of the same seed applies
 * every answer at the same step (exactly reproducible, whatever the latency).
 *
 * The lag is the resident's thinking time: a decision taken L steps (L x 10 game
 * seconds) after it was asked. Questions nobody waits on (scoring what was seen,
 * reflecting, recalling a talk) can take longer than those that steer what a resident
 * does next (its next action, whether to talk) and the lines of a conversation.
 */
import type { Request } from "./requests";

export interface Overlap {
  /** Perceived events scored, reflections, recollections of a talk. */
  background: number;
  /** The next action (and the day plan behind it), whether to talk. */
  decisions: number;
  /** A resident's line in a conversation. */
  lines: number;
}

/** No overlap: each step waits for every answer (the paper's lockstep). */
export const NO_OVERLAP: Overlap = { background: 0, decisions: 0, lines: 0 };

/**
 * What `--overlap` gives a run on a language model: 5 game minutes for background
 * questions, 1 game minute to decide, half a minute for a line. Measured with
 * `npm run bench -- overlap` (docs/BENCHMARKS.md).
 */
export const DEFAULT_OVERLAP: Overlap = { background: 30, decisions: 6, lines: 3 };

export function lagOf(overlap: Overlap, req: Request): number {
  switch (req.kind) {
    case "plant":
      return 0; // a whisper or a scenario's fact is in the mind at once
    case "remember":
    case "reflect":
    case "recall":
      return overlap.background;
    case "plan":
    case "talk":
      return overlap.decisions;
    case "line":
      return overlap.lines;
  }
}

/** Parses "B,D,L" (steps for background, decisions, lines) or one number for all three. */
export function parseOverlap(text: string): Overlap {
  const parts = text.split(",").map((p) => p.trim());
  const nums = parts.map(Number);
  if (!(parts.length === 1 || parts.length === 3) || parts.some((p) => p === "") || nums.some((n) => !Number.isInteger(n) || n < 0 || n > 10_000)) {
    throw new Error(`overlap: expected "background,decisions,lines" steps or one number (whole numbers 0-10000), got "${text}"`);
  }
  const [background, decisions = background, lines = background] = nums;
  return { background, decisions, lines };
}
