/**
 * The saved form of a memory stream, checked when it is read back (a snapshot file or a
 * Redis value is input from outside the process). Embeddings are saved exactly, as base64
 * of their float32 bytes (little-endian): dense ones whole, a fifth of the size of a number
 * array; sparse ones (the offline mind's hashed words) as "s<length>:" and (uint16 index,
 * float32 value) pairs. Number arrays (older snapshots) are still read.
 */
import { z } from "zod";

const chatLineSchema = z.object({ speaker: z.string(), text: z.string() });

const sourceSchema = z.object({
  toldBy: z.string().optional(),
  factId: z.string().optional(),
  conversationId: z.string().optional(),
});

export const memoryNodeJsonSchema = z.object({
  id: z.string().regex(/^n\d+$/),
  kind: z.enum(["event", "thought", "chat"]),
  createdMs: z.number(),
  lastAccessedMs: z.number(),
  expiresMs: z.number().optional(),
  subject: z.string(),
  predicate: z.string(),
  object: z.string(),
  description: z.string(),
  poignancy: z.number().int().min(1).max(10),
  keywords: z.array(z.string()),
  embedding: z.union([z.string().regex(/^(s\d{1,5}:)?[A-Za-z0-9+/]*={0,2}$/), z.array(z.number())]),
  evidence: z.array(z.string()),
  depth: z.number().int().min(0),
  transcript: z.array(chatLineSchema).optional(),
  source: sourceSchema.optional(),
});

export const memoryStreamJsonSchema = z.object({
  /** The highest sequence number handed out, so ids are never reused. */
  seq: z.number().int().min(0),
  nodes: z.array(memoryNodeJsonSchema),
});

export type MemoryNodeJson = z.infer<typeof memoryNodeJsonSchema>;
export type MemoryStreamJson = z.infer<typeof memoryStreamJsonSchema>;

/** The saved form of an embedding (see the top of this file). */
/**
 * Sparse encodings already made, by vector: embeddings are never written to once made,
 * the offline mind's are shared per text, and the journal writes each node at least
 * twice (its log entry, then every snapshot). Dense ones (a model's, kilobytes each) are
 * not kept.
 */
const sparseEncoded = new WeakMap<Float32Array, string>();

export function encodeEmbedding(v: Float32Array): string {
  const known = sparseEncoded.get(v);
  if (known !== undefined) return known;
  let nonZero = 0;
  for (let i = 0; i < v.length; i++) if (v[i] !== 0) nonZero++;
  if (nonZero * 6 < v.length * 4 && v.length <= 65_536) {
    const view = new DataView(new ArrayBuffer(nonZero * 6));
    for (let i = 0, at = 0; i < v.length; i++) {
      if (v[i] === 0) continue;
      view.setUint16(at, i, true);
      view.setFloat32(at + 2, v[i], true);
      at += 6;
    }
    const text = `s${v.length}:${Buffer.from(view.buffer).toString("base64")}`;
    sparseEncoded.set(v, text);
    return text;
  }
  const view = new DataView(new ArrayBuffer(v.length * 4));
  for (let i = 0; i < v.length; i++) view.setFloat32(i * 4, v[i], true);
  return Buffer.from(view.buffer).toString("base64");
}

export function decodeEmbedding(saved: string | number[]): Float32Array {
  if (Array.isArray(saved)) return Float32Array.from(saved);
  const sparse = /^s(\d+):/.exec(saved);
  const bytes = Buffer.from(sparse ? saved.slice(sparse[0].length) : saved, "base64");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  if (sparse) {
    if (bytes.length % 6 !== 0) throw new Error(`a sparse embedding's bytes come in sixes, got ${bytes.length}`);
    const out = new Float32Array(Number(sparse[1]));
    for (let at = 0; at < bytes.length; at += 6) {
      const i = view.getUint16(at, true);
      if (i >= out.length) throw new Error(`a sparse embedding's index ${i} is beyond its length ${out.length}`);
      out[i] = view.getFloat32(at + 2, true);
    }
    return out;
  }
  if (bytes.length % 4 !== 0) throw new Error(`an embedding's bytes come in fours, got ${bytes.length}`);
  const out = new Float32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}
