/**
 * Frozen views of a memory stream, for decision jobs that read while the town goes on.
 */
import type { MemoryNode, MemoryReader, MemoryStream, NodeKind } from "./memory-stream";

/** The sequence number of a memory id `n<seq>`. */
export function seqOf(id: string): number {
  const m = /^n(\d+)$/.exec(id);
  if (!m) throw new Error(`bad memory id "${id}": expected n<seq>`);
  return Number(m[1]);
}

/**
 * A stream as it was when frozen: nodes added later are left out, and an access mark
 * made later is read at its earlier value (the stream hands the old value over before
 * it changes it). Release it when done, so the stream stops keeping values for it.
 */
export class FrozenMemory implements MemoryReader {
  /** Access times as they were at freezing, for nodes marked since. */
  readonly before = new Map<MemoryNode, number>();

  constructor(
    private readonly live: MemoryStream,
    readonly size: number,
    private readonly maxSeq: number,
    private readonly onRelease: (v: FrozenMemory) => void,
  ) {}

  private has(n: MemoryNode): boolean {
    return seqOf(n.id) <= this.maxSeq;
  }

  nodes(): readonly MemoryNode[] {
    return this.live.nodes().slice(0, this.size);
  }

  prefix(): { all: readonly MemoryNode[]; size: number } {
    return { all: this.live.nodes(), size: this.size };
  }

  get(id: string): MemoryNode | undefined {
    const n = this.live.get(id);
    return n && this.has(n) ? n : undefined;
  }

  accessedAt(node: MemoryNode): number {
    return this.before.get(node) ?? node.lastAccessedMs;
  }

  latest(n: number, kinds: readonly NodeKind[] = ["event", "thought", "chat"]): MemoryNode[] {
    const list = this.live.nodes();
    const out: MemoryNode[] = [];
    for (let i = this.size - 1; i >= 0 && out.length < n; i--) if (kinds.includes(list[i].kind)) out.push(list[i]);
    return out;
  }

  byKeyword(words: Iterable<string>, opts: { kinds?: readonly NodeKind[]; nowMs?: number } = {}): MemoryNode[] {
    return this.live.byKeyword(words, opts).filter((n) => this.has(n));
  }

  lastChatWith(key: string): MemoryNode | undefined {
    return this.byKeyword([key], { kinds: ["chat"] })[0];
  }

  release(): void {
    this.onRelease(this);
  }
}
