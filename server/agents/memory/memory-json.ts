/**
 * The saved form of a memory stream, checked when it is read back (a snapshot file or a
 * Redis value is input from outside the process). Embeddings are plain number arrays.
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
  embedding: z.array(z.number()),
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
