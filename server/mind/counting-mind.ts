/**
 * Counts the questions a town asks its mind, per question and per agent, whatever the
 * mind is. Token figures come from the mind's own meter when it has one (LlmMind).
 */
import type { Mind } from "./mind";

export interface QuestionCounts {
  calls: Record<string, number>;
  byAgent: Record<string, number>;
}

export function countingMind(inner: Mind): { mind: Mind; counts: QuestionCounts } {
  const counts: QuestionCounts = { calls: {}, byAgent: {} };
  const mind = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function" || typeof prop !== "string") return value;
      return (...args: unknown[]) => {
        counts.calls[prop] = (counts.calls[prop] ?? 0) + 1;
        const persona = (args[0] as { persona?: { name?: string } } | undefined)?.persona;
        if (persona?.name) counts.byAgent[persona.name] = (counts.byAgent[persona.name] ?? 0) + 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { mind, counts };
}
