/**
 * What a memory is, and what readers of a memory stream (live or frozen) can ask of it.
 * The stream itself is in memory-stream.ts.
 */
import type { Embedding } from "./embedding";

export type NodeKind = "event" | "thought" | "chat";

export interface ChatLine {
  speaker: string;
  text: string;
}

/** How the agent came to know this, so a report can tell who knows what and from whom. */
export interface MemorySource {
  /** Who told the agent (a conversation partner). */
  toldBy?: string;
  /** A planted scenario fact (e.g. the party invitation) this memory carries. */
  factId?: string;
  conversationId?: string;
}

export interface MemoryNode {
  /** `n<seq>`, unique within one agent's stream. */
  readonly id: string;
  readonly kind: NodeKind;
  readonly createdMs: number;
  /** Game ms of the last retrieval that returned this node (creation time at first). */
  lastAccessedMs: number;
  /** After this game time the node is never retrieved. Thoughts get 30 game days by default. */
  readonly expiresMs?: number;
  readonly subject: string;
  readonly predicate: string;
  readonly object: string;
  readonly description: string;
  /** Importance, an integer 1-10. */
  readonly poignancy: number;
  /** Lower-cased, without duplicates. */
  readonly keywords: readonly string[];
  readonly embedding: Float32Array;
  /** Thoughts: ids of the memories the thought rests on. */
  readonly evidence: readonly string[];
  /** Thoughts: 1 + the deepest evidence; events and chats: 0. */
  readonly depth: number;
  readonly transcript?: readonly ChatLine[];
  readonly source?: MemorySource;
}

/** What a caller supplies to `add`; the stream assigns id, depth and defaults. */
export interface NewMemory {
  kind: NodeKind;
  createdMs: number;
  subject: string;
  predicate: string;
  object: string;
  description: string;
  poignancy: number;
  embedding: Embedding;
  /** Defaults to the subject and object (the last `:` part of an address key). */
  keywords?: readonly string[];
  evidence?: readonly string[];
  /** Overrides the default expiry (thoughts: created + 30 game days; others: never); null: never. */
  expiresMs?: number | null;
  transcript?: readonly ChatLine[];
  source?: MemorySource;
}

export interface Triple {
  subject: string;
  predicate: string;
  object: string;
}

export interface MemoryStreamOptions {
  /** Called with every node `add` creates (not with restored nodes). `memoryNodeToJson` gives its saved form. */
  onAppend?: (node: MemoryNode) => void;
}

export function isExpired(node: MemoryNode, nowMs: number): boolean {
  return node.expiresMs !== undefined && nowMs >= node.expiresMs;
}

/** An object at rest: `(desk, is, idle)` or a description such as "the desk is idle". */
export { isIdle } from "../../sim/events";

/**
 * What retrieval and the cognition modules read of a stream. A live stream is one; a
 * decision job reads a frozen one (`freeze()`), so answers that arrive later cannot see
 * memories or access marks made after the job started.
 */
export interface MemoryReader {
  readonly size: number;
  nodes(): readonly MemoryNode[];
  /**
   * The stream's own list (append-only, never copied) and how many of its first nodes this
   * reader sees: retrieval keeps one index per stream for every view of it.
   */
  prefix(): { all: readonly MemoryNode[]; size: number };
  get(id: string): MemoryNode | undefined;
  /** Game ms of the node's last retrieval, as this reader sees it. */
  accessedAt(node: MemoryNode): number;
  latest(n: number, kinds?: readonly NodeKind[]): MemoryNode[];
  byKeyword(words: Iterable<string>, opts?: { kinds?: readonly NodeKind[]; nowMs?: number }): MemoryNode[];
  lastChatWith(key: string): MemoryNode | undefined;
}
