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
  const { index, picked } = liveCandidates(stream, nowMs, opts.kinds);
  const n = picked.length;
  // The hot loops read the index's parallel arrays, not the nodes: a crowded town runs
  // this tens of thousands of times per game hour.
  const recency = new Float64Array(n);
  recencies(stream, index, picked, nowMs, decay, recency);
  normalise(recency);
  const importance = new Float64Array(n);
  for (let i = 0; i < n; i++) importance[i] = index.poignancy[picked[i]];
  normalise(importance);

  const result = new Map<string, ScoredNode[]>();
  const relevance = new Float64Array(n);
  const { embeddings, shapes, nodes } = index;
  for (const focal of focalPoints) {
    const shape = shapeOf(focal.embedding);
    if (!sparseRelevance(index, picked, focal.embedding, shape, relevance)) {
      for (let i = 0; i < n; i++) relevance[i] = cosineShaped(embeddings[picked[i]], shapes[picked[i]], focal.embedding, shape);
    }
    normalise(relevance);
    // Keep only the best k while scanning: sorting every candidate per focal point was
    // the hot spot of crowded towns. The order is total, so the k kept do not depend on
    // the scan's direction; newest first, a tie with the k-th rarely displaces it.
    const best: { i: number; score: number }[] = [];
    for (let i = n - 1; i >= 0; i--) {
      const score = weights.recency * recency[i] + weights.relevance * relevance[i] + weights.importance * importance[i];
      if (best.length === k && compareAt(index, score, picked[i], best[k - 1].score, picked[best[k - 1].i]) >= 0) continue;
      let at = best.length;
      while (at > 0 && compareAt(index, score, picked[i], best[at - 1].score, picked[best[at - 1].i]) < 0) at--;
      best.splice(at, 0, { i, score });
      if (best.length > k) best.pop();
    }
    result.set(
      focal.text,
      best.map(({ i, score }) => ({ node: nodes[picked[i]], score, recency: recency[i], relevance: relevance[i], importance: importance[i] })),
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

const DEFAULT_KINDS: readonly NodeKind[] = ["event", "thought"];

/**
 * A stream's nodes of some kinds that are not about an idle object, in stream order, with
 * what retrieval reads of them in parallel arrays. Nodes never change and streams only
 * grow, so each stream keeps one per kinds and only looks at nodes added since (every
 * frozen view of the stream shares it).
 */
interface CandidateIndex {
  scanned: number;
  nodes: MemoryNode[];
  /** Each node's place in the stream, ascending: a frozen view sees those below its size. */
  positions: number[];
  shapes: EmbeddingShape[];
  embeddings: Embedding[];
  poignancy: number[];
  /** When each node stops coming to mind (Infinity: never). */
  expires: number[];
  /** What ties are broken on: creation time, then the id's number (newer first). */
  created: number[];
  seq: number[];
  norm2: number[];
  /** Whether each entry's dot products come from the postings. */
  sparse: boolean[];
  /**
   * The sparse (hashed) embeddings by dimension: for each, the entries non-zero there
   * and their values. Null once embeddings of different lengths meet.
   */
  postings: { entries: number[]; values: number[] }[] | null;
  dims: number;
}

const indexes = new WeakMap<readonly MemoryNode[], Map<string, CandidateIndex>>();

function candidateIndex(all: readonly MemoryNode[], kinds: readonly NodeKind[]): CandidateIndex {
  let byKinds = indexes.get(all);
  if (!byKinds) indexes.set(all, (byKinds = new Map()));
  const key = kinds.join(",");
  let index = byKinds.get(key);
  if (!index) byKinds.set(key, (index = { scanned: 0, nodes: [], positions: [], shapes: [], embeddings: [], poignancy: [], expires: [], created: [], seq: [], norm2: [], sparse: [], postings: [], dims: -1 }));
  for (; index.scanned < all.length; index.scanned++) {
    const n = all[index.scanned];
    if (!kinds.includes(n.kind) || isIdle(n)) continue;
    index.nodes.push(n);
    index.positions.push(index.scanned);
    index.shapes.push(shapeOf(n.embedding));
    index.embeddings.push(n.embedding);
    index.poignancy.push(n.poignancy);
    index.expires.push(n.expiresMs ?? Infinity);
    index.created.push(n.createdMs);
    index.seq.push(Number(n.id.slice(1)));
    const shape = index.shapes[index.shapes.length - 1];
    index.norm2.push(shape.norm2);
    post(index, index.nodes.length - 1, n.embedding, shape);
  }
  return index;
}

/** Past this many non-zero values a vector (a model's embedding) is compared directly. */
const SPARSE_MAX = 128;

function post(index: CandidateIndex, entry: number, v: Embedding, shape: EmbeddingShape): void {
  const sparse = shape.nonZero.length <= SPARSE_MAX;
  index.sparse.push(sparse);
  if (!index.postings) return;
  if (index.dims === -1) index.dims = v.length;
  if (v.length !== index.dims) {
    index.postings = null;
    return;
  }
  if (!sparse) return;
  for (const d of shape.nonZero) {
    const list = (index.postings[d] ??= { entries: [], values: [] });
    list.entries.push(entry);
    list.values.push(v[d]);
  }
}

/**
 * `cosineShaped` of every picked entry with the focal point, the sparse entries' dot
 * products read off the postings of the focal point's non-zero dimensions instead of
 * visiting each memory's vector: the same products summed in the same (ascending) order,
 * so the same numbers. False when the index mixes lengths.
 */
function sparseRelevance(index: CandidateIndex, picked: Int32Array, focal: Embedding, shape: EmbeddingShape, out: Float64Array): boolean {
  const postings = index.postings;
  if (!postings || focal.length !== index.dims) return false;
  const dot = new Float64Array(index.nodes.length);
  for (const d of shape.nonZero) {
    const list = postings[d];
    if (!list) continue;
    const f = focal[d];
    for (let k = 0; k < list.entries.length; k++) dot[list.entries[k]] += list.values[k] * f;
  }
  const { norm2, sparse } = index;
  for (let i = 0; i < picked.length; i++) {
    const j = picked[i];
    if (!sparse[j]) out[i] = cosineShaped(index.embeddings[j], index.shapes[j], focal, shape);
    else out[i] = norm2[j] === 0 || shape.norm2 === 0 ? 0 : Math.max(-1, Math.min(1, dot[j] / Math.sqrt(norm2[j] * shape.norm2)));
  }
  return true;
}

/** The index and which of its entries this reader can retrieve now (seen by it, not expired). */
function liveCandidates(stream: MemoryReader, nowMs: number, kinds: readonly NodeKind[] = DEFAULT_KINDS): { index: CandidateIndex; picked: Int32Array } {
  const { all, size } = stream.prefix();
  const index = candidateIndex(all, kinds);
  const { positions, expires } = index;
  let end = index.nodes.length;
  while (end > 0 && positions[end - 1] >= size) end--;
  const picked = new Int32Array(end);
  let n = 0;
  for (let j = 0; j < end; j++) if (nowMs < expires[j]) picked[n++] = j;
  return { index, picked: n === end ? picked : picked.subarray(0, n) };
}

/** Each candidate's recency; neighbours in the stream were mostly made (and touched) at the same step, so a repeated time reuses its power. */
function recencies(stream: MemoryReader, index: CandidateIndex, picked: Int32Array, nowMs: number, decay: number, out: Float64Array): void {
  let lastMs = NaN;
  let last = 0;
  for (let i = 0; i < picked.length; i++) {
    const at = stream.accessedAt(index.nodes[picked[i]]);
    if (at !== lastMs) last = recencyOf((lastMs = at), nowMs, decay);
    out[i] = last;
  }
}

/** decay ^ hours since last access: 1 for a memory touched just now, smaller the longer ago. */
export function recencyOf(lastAccessedMs: number, nowMs: number, decayPerHour: number): number {
  const hours = Math.max(0, nowMs - lastAccessedMs) / GAME_MS_PER_HOUR;
  return Math.pow(decayPerHour, hours);
}

/** Scales values to [0, 1]; if they are all equal (or there is one), every value becomes FLAT_COMPONENT. */
export function minMax(values: ArrayLike<number>): number[] {
  return Array.from(normalise(Float64Array.from(values)));
}

/** `minMax` in place. */
function normalise(values: Float64Array): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < lo) lo = values[i];
    if (values[i] > hi) hi = values[i];
  }
  const range = hi - lo;
  const flat = range <= 0 || !Number.isFinite(range);
  for (let i = 0; i < values.length; i++) values[i] = flat ? FLAT_COMPONENT : (values[i] - lo) / range;
  return values;
}

/** Negative when (scoreA, entry a) ranks before (scoreB, entry b): higher score, then newer, then later id. */
function compareAt(index: CandidateIndex, scoreA: number, a: number, scoreB: number, b: number): number {
  return scoreB - scoreA || index.created[b] - index.created[a] || index.seq[b] - index.seq[a];
}
