/**
 * Retrieval: which memories come to mind for a focal point (a question, a person, an event).
 * Score = w_recency * recency + w_relevance * relevance + w_importance * importance, each
 * component min-max normalised over the candidates.
 */
import { cosine, type Embedding } from "./embedding";
import { isExpired, isIdle, type MemoryNode, type MemoryReader, type NodeKind } from "./memory-stream";
import { DEFAULT_RETRIEVAL_WEIGHTS, DEFAULT_RETRIEVE_K, GAME_MS_PER_HOUR, RECENCY_DECAY_PER_GAME_HOUR } from "./constants";

export interface FocalPoint {
  text: string;
  embedding: Embedding;
}

export interface RetrievalWeights {
  recency: number;
  relevance: number;
  importance: number;
}

export interface RetrieveOptions {
  /** Memories kept per focal point (30 for reflection, 50 for an interview, 15 per chat turn). */
  k?: number;
  weights?: Partial<RetrievalWeights>;
  /** Recency = decay ^ (game hours since last access). */
  recencyDecayPerHour?: number;
  /** Kinds that may be retrieved; events and thoughts by default, as in the original. */
  kinds?: readonly NodeKind[];
}

/** A retrieved memory with its score and the normalised components behind it (for the inspector). */
export interface ScoredNode {
  node: MemoryNode;
  score: number;
  recency: number;
  relevance: number;
  importance: number;
}

/** Value given to a component when every candidate has the same raw value: it then favours nobody. */
export const FLAT_COMPONENT = 0.5;

/**
 * For each focal point, the top-k live candidates, best first (ties: newer first).
 * All focal points are scored against the same state. Reads only: the caller that acts
 * on the answer marks the returned nodes accessed (`accessedIds`, `markAccessed`), at a
 * step boundary.
 */
export function retrieve(
  stream: MemoryReader,
  focalPoints: readonly FocalPoint[],
  nowMs: number,
  opts: RetrieveOptions = {},
): Map<string, ScoredNode[]> {
  const k = opts.k ?? DEFAULT_RETRIEVE_K;
  const weights = { ...DEFAULT_RETRIEVAL_WEIGHTS, ...opts.weights };
  const decay = opts.recencyDecayPerHour ?? RECENCY_DECAY_PER_GAME_HOUR;
  const candidates = retrievalCandidates(stream, nowMs, opts.kinds);
  const recency = minMax(candidates.map((n) => recencyOf(stream.accessedAt(n), nowMs, decay)));
  const importance = minMax(candidates.map((n) => n.poignancy));

  const result = new Map<string, ScoredNode[]>();
  const raw = new Float64Array(candidates.length);
  for (const focal of focalPoints) {
    for (let i = 0; i < candidates.length; i++) raw[i] = cosine(candidates[i].embedding, focal.embedding);
    const relevance = minMax(raw);
    // Keep only the best k while scanning: sorting every candidate per focal point was
    // the hot spot of crowded towns.
    const best: { i: number; score: number }[] = [];
    for (let i = 0; i < candidates.length; i++) {
      const score = weights.recency * recency[i] + weights.relevance * relevance[i] + weights.importance * importance[i];
      if (best.length === k && compare(score, candidates[i], best[k - 1].score, candidates[best[k - 1].i]) >= 0) continue;
      let at = best.length;
      while (at > 0 && compare(score, candidates[i], best[at - 1].score, candidates[best[at - 1].i]) < 0) at--;
      best.splice(at, 0, { i, score });
      if (best.length > k) best.pop();
    }
    result.set(
      focal.text,
      best.map(({ i, score }) => ({ node: candidates[i], score, recency: recency[i], relevance: relevance[i], importance: importance[i] })),
    );
  }
  return result;
}

/** Ids of every node a retrieval returned, to mark accessed when its answer is applied. */
export function accessedIds(result: Map<string, ScoredNode[]>): string[] {
  return uniqueNodes(result).map((n) => n.id);
}

/** The retrieved nodes of every focal point, each once, in first-seen order. */
export function uniqueNodes(result: Map<string, ScoredNode[]>): MemoryNode[] {
  const seen = new Set<MemoryNode>();
  for (const list of result.values()) for (const s of list) seen.add(s.node);
  return [...seen];
}

/** Memories that can come to mind now: of the given kinds, not about an idle object, not expired. */
export function retrievalCandidates(
  stream: MemoryReader,
  nowMs: number,
  kinds: readonly NodeKind[] = ["event", "thought"],
): MemoryNode[] {
  return stream.nodes().filter((n) => kinds.includes(n.kind) && !idleNode(n) && !isExpired(n, nowMs));
}

/** Nodes never change, so whether one is about an idle object is worked out once. */
const idleNodes = new WeakMap<MemoryNode, boolean>();
function idleNode(n: MemoryNode): boolean {
  let idle = idleNodes.get(n);
  if (idle === undefined) idleNodes.set(n, (idle = isIdle(n)));
  return idle;
}

/** decay ^ hours since last access: 1 for a memory touched just now, smaller the longer ago. */
export function recencyOf(lastAccessedMs: number, nowMs: number, decayPerHour: number): number {
  const hours = Math.max(0, nowMs - lastAccessedMs) / GAME_MS_PER_HOUR;
  return Math.pow(decayPerHour, hours);
}

/** Scales values to [0, 1]; if they are all equal (or there is one), every value becomes FLAT_COMPONENT. */
export function minMax(values: ArrayLike<number>): number[] {
  if (values.length === 0) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < lo) lo = values[i];
    if (values[i] > hi) hi = values[i];
  }
  const range = hi - lo;
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = range <= 0 || !Number.isFinite(range) ? FLAT_COMPONENT : (values[i] - lo) / range;
  return out;
}

/** Negative when (scoreA, a) ranks before (scoreB, b): higher score, then newer, then later id. */
function compare(scoreA: number, a: MemoryNode, scoreB: number, b: MemoryNode): number {
  return scoreB - scoreA || b.createdMs - a.createdMs || seqDesc(a, b);
}

function seqDesc(a: MemoryNode, b: MemoryNode): number {
  return Number(b.id.slice(1)) - Number(a.id.slice(1));
}
