/**
 * When to reflect: every new event or thought counts down the scratch's reflection counter
 * by its poignancy; once the summed poignancy since the last reflection reaches the
 * threshold (the counter hits 0), the agent reflects and the counter starts over.
 */
import type { Scratch } from "./scratch";

/** Counts one new memory of poignancy `p` towards the next reflection. */
export function notePoignancy(s: Scratch, p: number): void {
  if (!Number.isFinite(p) || p < 0) throw new RangeError(`poignancy must be a non-negative number, got ${p}`);
  s.reflection.importanceTrigger -= p;
  s.reflection.importanceElapsed += 1;
}

/** True once the poignancy noted since the last reflection sums to the threshold or more. */
export function shouldReflect(s: Scratch): boolean {
  return s.reflection.importanceTrigger <= 0;
}

/** Poignancy noted since the last reflection. */
export function poignancySinceReflection(s: Scratch): number {
  return s.reflection.threshold - s.reflection.importanceTrigger;
}

/** Called after reflecting: the counter starts again from the threshold. */
export function resetReflection(s: Scratch): void {
  s.reflection.importanceTrigger = s.reflection.threshold;
  s.reflection.importanceElapsed = 0;
}
