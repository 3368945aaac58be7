/**
 * Retrieval: which memories come to mind for a focal point (a question, a person, an event).
 * Score = w_recency * recency + w_relevance * relevance + w_importance * importance, each
 * component min-max normalised over the candidates.
 */
import { cosineShaped, shapeOf, type Embedding, type EmbeddingShape } from "./embedding";
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
  const { nodes: candidates, shapes } = liveCandidates(stream, nowMs, opts.kinds);
  const recency = minMax(recencies(stream, candidates, nowMs, decay));
  const importance = minMax(candidates.map((n) => n.poignancy));

  const result = new Map<string, ScoredNode[]>();
  const raw = new Float64Array(candidates.length);
  for (const focal of focalPoints) {
    const shape = shapeOf(focal.embedding);
    for (let i = 0; i < candidates.length; i++) raw[i] = cosineShaped(candidates[i].embedding, shapes[i], focal.embedding, shape);
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
export function retrievalCandidates(stream: MemoryReader, nowMs: number, kinds: readonly NodeKind[] = DEFAULT_KINDS): MemoryNode[] {
  return liveCandidates(stream, nowMs, kinds).nodes;
}

const DEFAULT_KINDS: readonly NodeKind[] = ["event", "thought"];

/**
 * A stream's nodes of some kinds that are not about an idle object, in stream order, with
 * their embeddings' shapes. Nodes never change and streams only grow, so each stream
 * keeps one per kinds and only looks at nodes added since (every frozen view of the
 * stream shares it): a crowded town retrieves thousands of times per game hour.
 */
interface CandidateIndex {
  scanned: number;
  nodes: MemoryNode[];
  /** Each node's place in the stream, ascending: a frozen view sees those below its size. */
  positions: number[];
  shapes: EmbeddingShape[];
}

const indexes = new WeakMap<readonly MemoryNode[], Map<string, CandidateIndex>>();

function candidateIndex(all: readonly MemoryNode[], kinds: readonly NodeKind[]): CandidateIndex {
  let byKinds = indexes.get(all);
  if (!byKinds) indexes.set(all, (byKinds = new Map()));
  const key = kinds.join(",");
  let index = byKinds.get(key);
  if (!index) byKinds.set(key, (index = { scanned: 0, nodes: [], positions: [], shapes: [] }));
  for (; index.scanned < all.length; index.scanned++) {
    const n = all[index.scanned];
    if (!kinds.includes(n.kind) || isIdle(n)) continue;
    index.nodes.push(n);
    index.positions.push(index.scanned);
    index.shapes.push(shapeOf(n.embedding));
  }
  return index;
}

function liveCandidates(stream: MemoryReader, nowMs: number, kinds: readonly NodeKind[] = DEFAULT_KINDS): { nodes: MemoryNode[]; shapes: EmbeddingShape[] } {
  const { all, size } = stream.prefix();
  const index = candidateIndex(all, kinds);
  const nodes: MemoryNode[] = [];
  const shapes: EmbeddingShape[] = [];
  for (let j = 0; j < index.nodes.length && index.positions[j] < size; j++) {
    if (isExpired(index.nodes[j], nowMs)) continue;
    nodes.push(index.nodes[j]);
    shapes.push(index.shapes[j]);
  }
  return { nodes, shapes };
}

/** Each candidate's recency; neighbours in the stream were mostly made (and touched) at the same step, so a repeated time reuses its power. */
function recencies(stream: MemoryReader, candidates: readonly MemoryNode[], nowMs: number, decay: number): Float64Array {
  const out = new Float64Array(candidates.length);
  let lastMs = NaN;
  let last = 0;
  for (let i = 0; i < candidates.length; i++) {
    const at = stream.accessedAt(candidates[i]);
    if (at !== lastMs) last = recencyOf((lastMs = at), nowMs, decay);
    out[i] = last;
  }
  return out;
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
