/**
 * Hashed bag-of-words embeddings: the offline mind's embedder, and the fallback when a
 * remote embedding call fails. Deterministic: the same text always gives the same vector.
 */
import { HASH_EMBEDDING_DIMS } from "./constants";

/** A remote model returns plain arrays; the hash embedder and the memory stream use Float32Array. */
export type Embedding = Float32Array | number[];

/** Function words that say nothing about what a memory is about. */
const STOP_WORDS = new Set(
  (
    "a an the and or but nor of to in on at for with by from into onto about as " +
    "is are was were be been being am do does did has have had will would can could should shall may might must " +
    "i me my mine you your yours he him his she her hers it its we us our they them their " +
    "this that these those there here then than so if not no just very too also up out over now"
  ).split(" "),
);

/** Weight of a bigram relative to a unigram: word order counts, but less than the words. */
const BIGRAM_WEIGHT = 0.5;

/** Lower-cases, drops apostrophes (so "Isabella's" matches "Isabella"), and splits on anything else. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['\u2019]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .split(" ")
    .filter((w) => w.length > 0);
}

/**
 * A crude suffix stripper so that "parties" / "party", "planning" / "planned" / "plans" and
 * "baking" / "bakes" land on one stem. The stems need not be words, only consistent.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith("ies")) return w.slice(0, -3) + "y";
  if (w.length > 5 && w.endsWith("ing")) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith("ed") && !w.endsWith("eed")) w = undouble(w.slice(0, -2));
  else if (w.length > 3 && w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith("e") && !w.endsWith("ee")) w = w.slice(0, -1);
  return w;
}

/** "plann" -> "plan", but "dress" and "fall" keep their pair. */
function undouble(w: string): string {
  const last = w[w.length - 1];
  if (w.length > 2 && last === w[w.length - 2] && !"lsz".includes(last) && !"aeiou".includes(last)) {
    return w.slice(0, -1);
  }
  return w;
}

/** Content-word stems of a text, in order. */
export function tokenize(text: string): readonly string[] {
  // The offline mind tokenizes the same memories over and over (scoring, reflecting,
  // talking): one shared, frozen answer per text.
  let tokens = tokenCache.get(text);
  if (!tokens) {
    if (tokenCache.size >= TOKEN_CACHE_SIZE) tokenCache.clear();
    tokenCache.set(text, (tokens = Object.freeze(words(text).filter((w) => !STOP_WORDS.has(w)).map(stem))));
  }
  return tokens;
}

const TOKEN_CACHE_SIZE = 20_000;
const tokenCache = new Map<string, readonly string[]>();

/** 32-bit FNV-1a over UTF-16 code units, finished with murmur3's mixer for better low bits. */
export function stringHash(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SIGN_SEED = 0x9e3779b9;

/**
 * Unigrams and bigrams of the text's content stems, each hashed to a bucket with a hashed
 * sign (so collisions cancel on average instead of piling up), then L2-normalised.
 * A text with no content words gives the zero vector.
 */
export function hashEmbed(text: string, dims = HASH_EMBEDDING_DIMS): Float32Array {
  if (!Number.isInteger(dims) || dims < 1) throw new RangeError(`hashEmbed: dims must be a positive integer, got ${dims}`);
  // Residents see the same few hundred events over and over ("Maria Lopez is sleeping"):
  // vectors are never written to once made, so one per text is shared.
  const key = dims === HASH_EMBEDDING_DIMS ? text : `${dims}\u0000${text}`;
  let v = embedCache.get(key);
  if (!v) {
    if (embedCache.size >= EMBED_CACHE_SIZE) embedCache.clear();
    embedCache.set(key, (v = embedUncached(text, dims)));
  }
  return v;
}

const EMBED_CACHE_SIZE = 20_000;
const embedCache = new Map<string, Float32Array>();

function embedUncached(text: string, dims: number): Float32Array {
  const tokens = tokenize(text);
  const v = new Float64Array(dims);
  const addFeature = (feature: string, weight: number) => {
    const bucket = stringHash(feature) % dims;
    const sign = stringHash(feature, SIGN_SEED) & 1 ? -1 : 1;
    v[bucket] += sign * weight;
  };
  tokens.forEach((t, i) => {
    addFeature(t, 1);
    if (i > 0) addFeature(`${tokens[i - 1]} ${t}`, BIGRAM_WEIGHT);
  });
  return toUnit(v);
}

function toUnit(v: Float64Array): Float32Array {
  let sum = 0;
  for (const x of v) sum += x * x;
  const norm = Math.sqrt(sum);
  const out = new Float32Array(v.length);
  if (norm === 0) return out;
  for (let i = 0; i < v.length; i++) out[i] = v[i] / norm;
  return out;
}

/**
 * Cosine similarity in [-1, 1]. A zero vector is similar to nothing (0). Vectors of different
 * lengths come from different embedders and cannot be compared: they are unrelated (0).
 */
export function cosine(a: Embedding, b: Embedding): number {
  if (a.length !== b.length) return 0;
  return cosineShaped(a, shapeOf(a), b, shapeOf(b));
}

/** `cosine` when both shapes are at hand (retrieval keeps the memories'); the same sums. */
export function cosineShaped(a: Embedding, sa: EmbeddingShape, b: Embedding, sb: EmbeddingShape): number {
  if (a.length !== b.length) return 0;
  // Only the non-zero entries are visited, in index order: the skipped terms are exact
  // zeros, so the sums are bit-for-bit those of the full loop. Hashed embeddings have a
  // few dozen of 256, and retrieval compares every memory per question.
  if (sa.norm2 === 0 || sb.norm2 === 0) return 0;
  const nz = sa.nonZero.length <= sb.nonZero.length ? sa.nonZero : sb.nonZero;
  let dot = 0;
  for (let j = 0; j < nz.length; j++) {
    const i = nz[j];
    dot += a[i] * b[i];
  }
  return Math.max(-1, Math.min(1, dot / Math.sqrt(sa.norm2 * sb.norm2)));
}

/** Where an embedding is non-zero (ascending) and its squared length. */
export interface EmbeddingShape {
  nonZero: Int32Array;
  norm2: number;
}

/** Embeddings are never written to once made, so each one's shape is worked out once. */
const shapes = new WeakMap<Embedding, EmbeddingShape>();

export function shapeOf(v: Embedding): EmbeddingShape {
  let s = shapes.get(v);
  if (s) return s;
  let count = 0;
  let norm2 = 0;
  for (let i = 0; i < v.length; i++) {
    if (v[i] !== 0) count++;
    norm2 += v[i] * v[i];
  }
  const nonZero = new Int32Array(count);
  for (let i = 0, j = 0; i < v.length; i++) if (v[i] !== 0) nonZero[j++] = i;
  shapes.set(v, (s = { nonZero, norm2 }));
  return s;
}
