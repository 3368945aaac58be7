/**
 * Sliding windows of the newest event triples: perception asks every step whether an
 * event is among the last `retention` remembered, so the answer is kept up to date.
 */
import { tripleKey } from "../../sim/events";

export { tripleKey };

export interface TripleWindow {
  size: number;
  /** The newest `size` keys in a ring: `next` is where the following one goes. */
  ring: string[];
  next: number;
  /** How many copies of each key are inside the window; a key is recent while it is here. */
  counts: Map<string, number>;
}

export function tripleWindow(size: number): TripleWindow {
  return { size, ring: [], next: 0, counts: new Map() };
}

/** Adds the newest key to a window and drops the oldest beyond its size. */
export function slide(w: TripleWindow, key: string): void {
  const counts = w.counts;
  if (w.ring.length === w.size) {
    const old = w.ring[w.next];
    const c = counts.get(old)! - 1;
    if (c === 0) counts.delete(old);
    else counts.set(old, c);
  }
  if (w.size === 0) return;
  w.ring[w.next] = key;
  w.next = (w.next + 1) % w.size;
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
