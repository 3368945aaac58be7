/**
 * The associative memory ("memory stream"): an append-only list of what an agent perceived
 * (events), concluded (thoughts) and said (chats), with a lower-cased keyword index.
 * Only `lastAccessedMs` changes after a node is added (retrieval marks what it returns).
 */
import { MAX_POIGNANCY, MIN_POIGNANCY, THOUGHT_LIFETIME_MS } from "./constants";
import { decodeEmbedding, encodeEmbedding, memoryNodeJsonSchema, memoryStreamJsonSchema, type MemoryNodeJson, type MemoryStreamJson } from "./memory-json";
import { FrozenMemory, seqOf } from "./frozen-memory";
import { slide, tripleKey, tripleWindow, type TripleWindow } from "./triple-window";

export { tripleKey } from "./triple-window";

export * from "./memory-node";
import { isExpired, type MemoryNode, type MemoryReader, type MemorySource, type MemoryStreamOptions, type NewMemory, type NodeKind, type Triple } from "./memory-node";

export class MemoryStream implements MemoryReader {
  onAppend?: (node: MemoryNode) => void;
  private readonly list: MemoryNode[] = [];
  private readonly byId = new Map<string, MemoryNode>();
  /** Lower-cased keyword -> nodes, oldest first. */
  private readonly index = new Map<string, MemoryNode[]>();
  private seq = 0;
  private readonly tripleWindows = new Map<number, TripleWindow>();
  /** Frozen views still in use, which keep access times from before their freezing. */
  private readonly frozen = new Set<FrozenMemory>();

  constructor(options: MemoryStreamOptions = {}) {
    this.onAppend = options.onAppend;
  }

  get size(): number {
    return this.list.length;
  }

  /** The highest sequence number handed out. */
  get lastSeq(): number {
    return this.seq;
  }

  /** Appends a memory and hands it to the `onAppend` listener (the persistence hook). */
  add(input: NewMemory): MemoryNode {
    const node = this.build(input, `n${this.seq + 1}`);
    this.insert(node);
    this.onAppend?.(node);
    return node;
  }

  get(id: string): MemoryNode | undefined {
    return this.byId.get(id);
  }

  /** Every node, oldest first. */
  nodes(): readonly MemoryNode[] {
    return this.list;
  }

  prefix(): { all: readonly MemoryNode[]; size: number } {
    return { all: this.list, size: this.list.length };
  }

  /** The `n` newest nodes of the given kinds, newest first. */
  latest(n: number, kinds: readonly NodeKind[] = ["event", "thought", "chat"]): MemoryNode[] {
    const out: MemoryNode[] = [];
    for (let i = this.list.length - 1; i >= 0 && out.length < n; i--) {
      if (kinds.includes(this.list[i].kind)) out.push(this.list[i]);
    }
    return out;
  }

  latestEvents(n: number): MemoryNode[] {
    return this.latest(n, ["event"]);
  }

  /** Triples of the `retention` newest events: perception stores an event only if it is not among them. */
  recentTriples(retention: number): ReadonlyMap<string, number> {
    return this.windowOf(retention).counts;
  }

  /**
   * Perception asks every step, so each retention size keeps a sliding window of the
   * newest event triples, updated as events are added (a key counts while any copy of
   * it is inside the window).
   */
  private windowOf(retention: number): TripleWindow {
    let w = this.tripleWindows.get(retention);
    if (!w) {
      w = tripleWindow(retention);
      for (const n of this.latestEvents(retention).reverse()) slide(w, tripleKey(n));
      this.tripleWindows.set(retention, w);
    }
    return w;
  }

  isNovel(t: Triple, retention: number): boolean {
    return !this.recentTriples(retention).has(tripleKey(t));
  }

  /**
   * Nodes indexed under any of the words (case-insensitive), newest first, each once.
   * With `nowMs`, expired nodes are left out.
   */
  byKeyword(words: Iterable<string>, opts: { kinds?: readonly NodeKind[]; nowMs?: number } = {}): MemoryNode[] {
    const found = new Set<MemoryNode>();
    for (const w of words) for (const node of this.index.get(normalizeKeyword(w)) ?? []) found.add(node);
    return [...found]
      .filter((n) => (!opts.kinds || opts.kinds.includes(n.kind)) && (opts.nowMs === undefined || !isExpired(n, opts.nowMs)))
      .sort((a, b) => seqOf(b.id) - seqOf(a.id));
  }

  /** The newest conversation indexed under `key` (a partner's id), if any. */
  lastChatWith(key: string): MemoryNode | undefined {
    return this.byKeyword([key], { kinds: ["chat"] })[0];
  }

  /** What the agent holds about `name`: conversations and other live memories indexed under the name. */
  relationshipWith(name: string, nowMs: number): { chats: MemoryNode[]; others: MemoryNode[] } {
    const all = this.byKeyword([name], { nowMs });
    return { chats: all.filter((n) => n.kind === "chat"), others: all.filter((n) => n.kind !== "chat") };
  }

  accessedAt(node: MemoryNode): number {
    return node.lastAccessedMs;
  }

  /** Retrieval returned these nodes at `nowMs`: recency counts from now on. */
  markAccessed(ids: Iterable<string>, nowMs: number): void {
    for (const id of ids) {
      const n = this.byId.get(id);
      if (!n) continue;
      for (const v of this.frozen) if (!v.before.has(n)) v.before.set(n, n.lastAccessedMs);
      n.lastAccessedMs = nowMs;
    }
  }

  /** A read-only view of the stream as it is now: later additions and access marks do not show. */
  freeze(): MemoryReader & { release(): void } {
    const view = new FrozenMemory(this, this.list.length, this.seq, (v) => this.frozen.delete(v));
    this.frozen.add(view);
    return view;
  }

  toJSON(): MemoryStreamJson {
    return {
      seq: this.seq,
      nodes: this.list.map(memoryNodeToJson),
    };
  }

  /** Rebuilds a stream from `toJSON` output (validated), without calling `onAppend`. */
  static fromJSON(data: unknown, options: MemoryStreamOptions = {}): MemoryStream {
    const parsed = memoryStreamJsonSchema.parse(data);
    const stream = new MemoryStream(options);
    for (const n of parsed.nodes) stream.restore(n);
    stream.seq = Math.max(stream.seq, parsed.seq);
    return stream;
  }

  /**
   * Puts back one saved node (validated), e.g. a memory-log entry written after the last
   * snapshot, without calling `onAppend`. Its evidence must already be in the stream.
   */
  restore(data: unknown): MemoryNode {
    const n = memoryNodeJsonSchema.parse(data);
    const node = this.build({ ...n, embedding: decodeEmbedding(n.embedding), expiresMs: n.expiresMs ?? null }, n.id);
    node.lastAccessedMs = n.lastAccessedMs;
    if (node.depth !== n.depth) throw new Error(`memory ${n.id}: depth ${n.depth} does not match its evidence`);
    this.insert(node);
    return node;
  }

  private build(input: NewMemory, id: string): MemoryNode {
    if (this.byId.has(id)) throw new Error(`memory ${id} already exists`);
    if (!Number.isFinite(input.createdMs)) throw new RangeError(`memory ${id}: createdMs must be a finite game time`);
    if (!Number.isFinite(input.poignancy)) throw new RangeError(`memory ${id}: poignancy must be a number`);
    const evidence = [...(input.evidence ?? [])];
    const missing = evidence.filter((e) => !this.byId.has(e));
    if (missing.length > 0) throw new Error(`memory ${id}: unknown evidence ${missing.join(", ")}`);
    const depth = input.kind === "thought" ? 1 + Math.max(0, ...evidence.map((e) => this.byId.get(e)!.depth)) : 0;
    const expiresMs = input.expiresMs === undefined ? defaultExpiry(input) : (input.expiresMs ?? undefined);
    return {
      id,
      kind: input.kind,
      createdMs: input.createdMs,
      lastAccessedMs: input.createdMs,
      ...(expiresMs !== undefined && { expiresMs }),
      subject: input.subject,
      predicate: input.predicate,
      object: input.object,
      description: input.description,
      poignancy: Math.min(MAX_POIGNANCY, Math.max(MIN_POIGNANCY, Math.round(input.poignancy))),
      keywords: uniqueKeywords(input.keywords ?? defaultKeywords(input)),
      // Embeddings are never written to: a float32 one (the offline mind's, shared per text) is kept, not copied.
      embedding: input.embedding instanceof Float32Array ? input.embedding : Float32Array.from(input.embedding),
      evidence,
      depth,
      ...(input.transcript && { transcript: input.transcript.map((l) => ({ speaker: l.speaker, text: l.text })) }),
      ...(input.source && { source: sourceOf(input.source) }),
    };
  }

  private insert(node: MemoryNode): void {
    this.list.push(node);
    if (node.kind === "event") for (const w of this.tripleWindows.values()) slide(w, tripleKey(node));
    this.byId.set(node.id, node);
    this.seq = Math.max(this.seq, seqOf(node.id));
    for (const k of node.keywords) {
      const bucket = this.index.get(k);
      if (bucket) bucket.push(node);
      else this.index.set(k, [node]);
    }
  }
}

/** A deep copy in plain JSON types; the embedding becomes base64 of its float32 bytes (exact). */
export function memoryNodeToJson(n: MemoryNode): MemoryNodeJson {
  const { transcript, source, ...rest } = n;
  return {
    ...rest,
    keywords: [...n.keywords],
    evidence: [...n.evidence],
    embedding: encodeEmbedding(n.embedding),
    ...(transcript && { transcript: transcript.map((l) => ({ speaker: l.speaker, text: l.text })) }),
    ...(source && { source: { ...source } }),
  };
}

/** One key order for provenance, whatever the caller's: saved and restored streams compare equal. */
function sourceOf(s: MemorySource): MemorySource {
  return {
    ...(s.toldBy !== undefined && { toldBy: s.toldBy }),
    ...(s.factId !== undefined && { factId: s.factId }),
    ...(s.conversationId !== undefined && { conversationId: s.conversationId }),
  };
}

function defaultExpiry(input: Pick<NewMemory, "kind" | "createdMs">): number | undefined {
  return input.kind === "thought" ? input.createdMs + THOUGHT_LIFETIME_MS : undefined;
}

function normalizeKeyword(w: string): string {
  return w.trim().toLowerCase();
}

function uniqueKeywords(words: readonly string[]): string[] {
  return [...new Set(words.map(normalizeKeyword).filter((w) => w.length > 0))];
}

/** The subject and object of the triple; an address key contributes its last part ("piano"). */
function defaultKeywords(input: Pick<NewMemory, "subject" | "object">): string[] {
  return [input.subject, input.object].map((s) => s.split(":").pop() ?? "");
}
