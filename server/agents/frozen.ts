/**
 * A frozen view of a resident, taken when a decision job starts. The job reads only
 * this while it waits for the mind, so an answer that arrives steps later is computed
 * from the resident as it was when it asked, never from state that changed meanwhile.
 */
import type { ResidentId } from "../sim/ids";
import type { Persona } from "../sim/scenario";
import type { MemoryReader } from "./memory/memory-stream";
import type { Action, DayPlan, Resident } from "./resident";

export interface FrozenResident {
  readonly id: ResidentId;
  readonly name: string;
  readonly persona: Readonly<Persona>;
  readonly memory: MemoryReader;
  readonly day: DayPlan | null;
  readonly action: Action | null;
  readonly interrupted: Action | null;
  knowsFact(factId: string): boolean;
}

/** What a resident of a town without memory (the "memory" ablation) reads: nothing. */
export const NO_MEMORY: MemoryReader & { release(): void } = {
  size: 0,
  nodes: () => [],
  prefix: () => ({ all: [], size: 0 }),
  get: () => undefined,
  accessedAt: (node) => node.lastAccessedMs,
  latest: () => [],
  byKeyword: () => [],
  lastChatWith: () => undefined,
  release: () => {},
};

/**
 * Freezes `r`; call `release()` when the job ends (the memory view stops being kept).
 * `forget`: the mind is shown no memories at all (memories are still formed, so the
 * facts a resident hears are still counted as known; it just cannot recall them).
 */
export function freeze(r: Resident, forget = false): FrozenResident & { release(): void } {
  const memory = forget ? NO_MEMORY : r.memory.freeze();
  const facts = new Set(r.knownFacts.keys());
  return {
    id: r.id,
    name: r.name,
    persona: { ...r.persona },
    memory,
    // Plans change only by replacing parts (a decomposed block, a whole plan) and actions
    // only in their own fields, so copies one level deep freeze them (a deep clone per
    // job was a tenth of a headless run).
    day: r.day && { ...r.day, decomposed: new Map(r.day.decomposed) },
    action: r.action && { ...r.action },
    interrupted: r.interrupted && { ...r.interrupted },
    knowsFact: (f) => facts.has(f),
    release: () => memory.release(),
  };
}

/** Runs `ask` on a frozen view of `r` and releases the view when it is done. */
export async function withFrozen<T>(r: Resident, ask: (view: FrozenResident) => Promise<T>, forget = false): Promise<T> {
  const view = freeze(r, forget);
  try {
    return await ask(view);
  } finally {
    view.release();
  }
}
