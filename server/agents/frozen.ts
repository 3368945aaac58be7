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

/** Freezes `r`; call `release()` when the job ends (the memory view stops being kept). */
export function freeze(r: Resident): FrozenResident & { release(): void } {
  const memory = r.memory.freeze();
  const facts = new Set(r.knownFacts.keys());
  return {
    id: r.id,
    name: r.name,
    persona: { ...r.persona },
    memory,
    day: r.day && structuredClone(r.day),
    action: r.action && structuredClone(r.action),
    interrupted: r.interrupted && structuredClone(r.interrupted),
    knowsFact: (f) => facts.has(f),
    release: () => memory.release(),
  };
}

/** Runs `ask` on a frozen view of `r` and releases the view when it is done. */
export async function withFrozen<T>(r: Resident, ask: (view: FrozenResident) => Promise<T>): Promise<T> {
  const view = freeze(r);
  try {
    return await ask(view);
  } finally {
    view.release();
  }
}
