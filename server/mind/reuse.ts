/**
 * Plan reuse, as Affordable Generative Agents do it: an answer is stored with the
 * embeddings of the situation it answered, and a later question whose situation is
 * nearly the same (cosine >= 0.97) gets that answer again instead of a new call. A
 * situation is in parts (who the resident is now; the block), each compared alone, so
 * a long identity cannot make two different blocks look alike; the `key` holds what
 * must match exactly (the resident, the block's time and length, the day's engagements).
 * One resident's planning questions come one at a time, so what is stored, and so what
 * is reused, does not depend on how answers interleave.
 */
import { LRUCache } from "lru-cache";
import { cosine, type Embedding } from "../agents/memory/embedding";

export const REUSE_COSINE = 0.97;
/** Situations kept per key (older ones are dropped first). */
const PER_KEY = 8;
const KEYS = 2_000;

interface Stored<T> {
  parts: Embedding[];
  answer: T;
}

export class SituationCache<T> {
  private readonly byKey = new LRUCache<string, Array<Stored<T>>>({ max: KEYS });
  /** Answers given again (for tests and reports). */
  hits = 0;

  constructor(private readonly threshold = REUSE_COSINE) {}

  /** The stored answer under `key` whose every part is similar enough (the most similar on the whole). */
  find(key: string, parts: readonly Embedding[]): T | undefined {
    let best: Stored<T> | undefined;
    let bestScore = -Infinity;
    for (const s of this.byKey.get(key) ?? []) {
      if (s.parts.length !== parts.length) continue;
      const scores = parts.map((p, i) => cosine(s.parts[i], p));
      const least = Math.min(...scores);
      if (least >= this.threshold && least >= bestScore) [best, bestScore] = [s, least];
    }
    if (best) this.hits++;
    return best?.answer;
  }

  store(key: string, parts: readonly Embedding[], answer: T): void {
    const list = this.byKey.get(key) ?? [];
    list.push({ parts: [...parts], answer });
    if (list.length > PER_KEY) list.shift();
    this.byKey.set(key, list);
  }
}
