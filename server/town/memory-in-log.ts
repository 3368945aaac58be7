/**
 * Snapshots of a journaled town do not repeat its memories. Every node is written to the
 * town's memory log when it is made, and after that only its access time changes, so a
 * snapshot says, per resident, how many of the resident's logged nodes it holds and
 * which of them were retrieved since; reading it back fills the nodes in from the log.
 * A city's snapshot goes from hundreds of megabytes to a few.
 */
import type { MemoryNodeJson, MemoryStreamJson } from "../agents/memory/memory-json";
import type { MemoryStream } from "../agents/memory/memory-stream";

/** A resident's memory as a snapshot that points into the memory log holds it. */
export interface MemoryInLog {
  /** The stream's sequence number (ids are never reused). */
  seq: number;
  /** The stream is the resident's first `logged` nodes in the log, in log order... */
  logged: number;
  /** ...the last of which has this id (a check that the log is the one the snapshot knew). */
  last: string | null;
  /** Pairs (index in the stream, game ms) for nodes retrieved since they were made. */
  accessed: number[];
}

export function memoryInLog(stream: MemoryStream): MemoryInLog {
  const nodes = stream.nodes();
  const accessed: number[] = [];
  nodes.forEach((n, i) => {
    if (n.lastAccessedMs !== n.createdMs) accessed.push(i, n.lastAccessedMs);
  });
  return { seq: stream.lastSeq, logged: nodes.length, last: nodes.length > 0 ? nodes[nodes.length - 1].id : null, accessed };
}

export function isMemoryInLog(m: unknown): m is MemoryInLog {
  return typeof m === "object" && m !== null && typeof (m as MemoryInLog).logged === "number" && !("nodes" in m);
}

/**
 * The memory streams a snapshot points to, from the memory log's entries (in log order).
 * Throws when the log does not hold what the snapshot counts on: a log cut short or not
 * this town's.
 */
export function memoryFromLog(resident: string, ref: MemoryInLog, entries: readonly { resident: string; node: MemoryNodeJson }[]): MemoryStreamJson {
  const nodes: MemoryNodeJson[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (nodes.length === ref.logged) break;
    // An entry written twice (a batch retried after a reply was lost) counts once.
    if (e.resident !== resident || seen.has(e.node.id)) continue;
    seen.add(e.node.id);
    nodes.push(e.node);
  }
  const lastId = nodes.length > 0 ? nodes[nodes.length - 1].id : null;
  if (nodes.length !== ref.logged || lastId !== ref.last) {
    throw new Error(`the memory log holds ${nodes.length} memories of ${resident} ending at ${lastId ?? "none"}, where the snapshot counts on ${ref.logged} ending at ${ref.last ?? "none"}`);
  }
  for (let i = 0; i + 1 < ref.accessed.length; i += 2) {
    const at = ref.accessed[i];
    if (!Number.isInteger(at) || at < 0 || at >= nodes.length) throw new Error(`memory of ${resident}: access mark for node ${at} of ${nodes.length}`);
    nodes[at] = { ...nodes[at], lastAccessedMs: ref.accessed[i + 1] };
  }
  return { seq: ref.seq, nodes };
}

/** Groups log entries by resident once, so filling a city's streams is not quadratic. */
export function entriesByResident<E extends { resident: string }>(entries: readonly E[]): Map<string, E[]> {
  const out = new Map<string, E[]>();
  for (const e of entries) {
    const list = out.get(e.resident);
    if (list) list.push(e);
    else out.set(e.resident, [e]);
  }
  return out;
}
