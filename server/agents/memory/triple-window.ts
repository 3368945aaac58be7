/**
 * Sliding windows of the newest event triples: perception asks every step whether an
 * event is among the last `retention` remembered, so the answer is kept up to date.
 */
import type { Triple } from "./memory-stream";

export interface TripleWindow {
  size: number;
  queue: string[];
  counts: Map<string, number>;
  keys: Set<string>;
}

/** Adds the newest key to a window and drops the oldest beyond its size. */
export function slide(w: TripleWindow, key: string): void {
  w.queue.push(key);
  w.counts.set(key, (w.counts.get(key) ?? 0) + 1);
  w.keys.add(key);
  if (w.queue.length > w.size) {
    const old = w.queue.shift()!;
    const c = w.counts.get(old)! - 1;
    if (c === 0) {
      w.counts.delete(old);
      w.keys.delete(old);
    } else w.counts.set(old, c);
  }
}

export function tripleKey(t: Triple): string {
  return `${t.subject}\u0000${t.predicate}\u0000${t.object}`;
}

