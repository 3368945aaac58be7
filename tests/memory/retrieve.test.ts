import { hashEmbed } from "../../server/agents/memory/embedding";
import { MemoryStream, type NewMemory } from "../../server/agents/memory/memory-stream";
import { GAME_MS_PER_HOUR } from "../../server/agents/memory/constants";
import { accessedIds, FLAT_COMPONENT, minMax, retrieve, uniqueNodes } from "../../server/agents/memory/retrieve";

const T0 = Date.UTC(2023, 1, 13, 8);
const H = GAME_MS_PER_HOUR;

function mem(description: string, extra: Partial<NewMemory> = {}): NewMemory {
  return {
    kind: "event",
    createdMs: T0,
    subject: "Klaus Mueller",
    predicate: "is",
    object: description,
    description,
    poignancy: 5,
    embedding: hashEmbed(description),
    ...extra,
  };
}

const focal = (text: string) => ({ text, embedding: hashEmbed(text) });

/** Unit vectors at a chosen angle to [1, 0], so relevance is exact. */
const at = (cos: number) => [cos, Math.sqrt(1 - cos * cos)];

describe("retrieve", () => {
  test("a highly relevant memory beats a recent unrelated one", () => {
    const s = new MemoryStream();
    const relevant = s.add(mem("Isabella invited me to the Valentine's Day party at Hobbs Cafe", { createdMs: T0 }));
    const recent = s.add(mem("Klaus is eating breakfast in the kitchen", { createdMs: T0 + 20 * H }));
    const top = retrieve(s, [focal("Valentine's Day party at Hobbs Cafe")], T0 + 20 * H).get("Valentine's Day party at Hobbs Cafe")!;
    expect(top.map((x) => x.node)).toEqual([relevant, recent]);
    expect(top[0].relevance).toBe(1);
    expect(top[0].recency).toBe(0);
    expect(top[1].recency).toBe(1);
  });

  test("with equal relevance, the important memory wins", () => {
    const s = new MemoryStream();
    const dull = s.add(mem("a", { poignancy: 2, embedding: [1, 0] }));
    const big = s.add(mem("b", { poignancy: 9, embedding: [1, 0] }));
    const top = retrieve(s, [{ text: "q", embedding: [1, 0] }], T0 + H).get("q")!;
    expect(top.map((x) => x.node)).toEqual([big, dull]);
    expect(top[0].importance).toBe(1);
    expect(top[1].importance).toBe(0);
    expect(top[0].relevance).toBe(FLAT_COMPONENT);
  });

  test("recency decays with game hours since last access: 1 hour ago beats 10 hours ago", () => {
    const s = new MemoryStream();
    const old = s.add(mem("a", { createdMs: T0, embedding: [1, 0] }));
    const fresh = s.add(mem("b", { createdMs: T0, embedding: [1, 0] }));
    fresh.lastAccessedMs = T0 + 9 * H;
    const top = retrieve(s, [{ text: "q", embedding: [1, 0] }], T0 + 10 * H).get("q")!;
    expect(top.map((x) => x.node)).toEqual([fresh, old]);
    expect(top[0].recency).toBe(1);
    expect(top[1].recency).toBe(0);
  });

  test("scores are the weighted sum of normalised components, and weights can be changed", () => {
    const s = new MemoryStream();
    s.add(mem("a", { poignancy: 1, embedding: at(1), createdMs: T0 }));
    s.add(mem("b", { poignancy: 10, embedding: at(0.5), createdMs: T0 + 4 * H }));
    s.add(mem("c", { poignancy: 4, embedding: at(0), createdMs: T0 + 8 * H }));
    const q = { text: "q", embedding: [1, 0] };
    const top = retrieve(s, [q], T0 + 8 * H).get("q")!;
    for (const x of top) expect(x.score).toBeCloseTo(0.5 * x.recency + 3 * x.relevance + 2 * x.importance, 10);
    expect(top.map((x) => x.node.description)).toEqual(["b", "a", "c"]);
    const recencyOnly = retrieve(s, [q], T0 + 8 * H, { weights: { relevance: 0, importance: 0 } }).get("q")!;
    expect(recencyOnly.map((x) => x.node.description)).toEqual(["c", "b", "a"]);
  });

  test("a single candidate gets the flat value on every component", () => {
    const s = new MemoryStream();
    s.add(mem("only"));
    const [only] = retrieve(s, [focal("anything")], T0 + 3 * H).get("anything")!;
    expect([only.recency, only.relevance, only.importance]).toEqual([FLAT_COMPONENT, FLAT_COMPONENT, FLAT_COMPONENT]);
    expect(only.score).toBeCloseTo(5.5 * FLAT_COMPONENT);
  });

  test("min-max normalisation", () => {
    expect(minMax([])).toEqual([]);
    expect(minMax([3, 3, 3])).toEqual([FLAT_COMPONENT, FLAT_COMPONENT, FLAT_COMPONENT]);
    expect(minMax([2, 4, 6])).toEqual([0, 0.5, 1]);
    expect(minMax([-1, 1])).toEqual([0, 1]);
  });

  test("keeps the top k per focal point, ties newest first", () => {
    const s = new MemoryStream();
    for (let i = 0; i < 40; i++) s.add(mem(`m${i}`, { embedding: [1, 0] }));
    const result = retrieve(s, [{ text: "a", embedding: [1, 0] }, { text: "b", embedding: [0, 1] }], T0, { k: 5 });
    expect([...result.keys()]).toEqual(["a", "b"]);
    expect(result.get("a")!.map((x) => x.node.id)).toEqual(["n40", "n39", "n38", "n37", "n36"]);
    expect(retrieve(s, [focal("x")], T0).get("x")).toHaveLength(30);
    expect(uniqueNodes(result)).toHaveLength(5);
  });

  test("only reads: the caller marks what it used, and a frozen view keeps the old marks", () => {
    const s = new MemoryStream();
    const hit = s.add(mem("Maria has a crush on Klaus", { poignancy: 8 }));
    const miss = s.add(mem("the weather is mild", { poignancy: 1 }));
    const now = T0 + 6 * H;
    const frozen = s.freeze();
    const result = retrieve(s, [focal("Maria crush Klaus")], now, { k: 1 });
    expect(result.get("Maria crush Klaus")!.map((x) => x.node)).toEqual([hit]);
    expect(hit.lastAccessedMs).toBe(T0);
    s.markAccessed(accessedIds(result), now);
    expect(hit.lastAccessedMs).toBe(now);
    expect(miss.lastAccessedMs).toBe(T0);
    // A view frozen before the mark, and a memory added after it, do not show in it.
    s.add(mem("later"));
    expect(frozen.accessedAt(hit)).toBe(T0);
    expect(frozen.nodes().map((n) => n.description)).toEqual(["Maria has a crush on Klaus", "the weather is mild"]);
    expect(s.freeze().accessedAt(hit)).toBe(now);
  });

  test("excludes idle events and chats; includes thoughts", () => {
    const s = new MemoryStream();
    s.add(mem("bed is idle", { subject: "bed", predicate: "is", object: "idle" }));
    s.add(mem("the desk is idle", { subject: "desk", predicate: "", object: "" }));
    s.add({ ...mem("talked with Maria"), kind: "chat" });
    const thought = s.add({ ...mem("I should finish my paper"), kind: "thought" });
    const ev = s.add(mem("Klaus is reading"));
    const got = retrieve(s, [focal("paper")], T0 + H).get("paper")!.map((x) => x.node);
    expect(new Set(got)).toEqual(new Set([thought, ev]));
  });

  test("an empty stream or no focal points give empty results", () => {
    const s = new MemoryStream();
    expect(retrieve(s, [focal("x")], T0).get("x")).toEqual([]);
    expect(retrieve(s, [], T0).size).toBe(0);
  });

  test("every focal point sees the same state: order of focal points does not matter", () => {
    const build = () => {
      const s = new MemoryStream();
      s.add(mem("a", { embedding: at(1), createdMs: T0 }));
      s.add(mem("b", { embedding: at(0.6), createdMs: T0 + 2 * H, poignancy: 7 }));
      s.add(mem("c", { embedding: at(0), createdMs: T0 + 5 * H, poignancy: 3 }));
      return s;
    };
    const p = { text: "p", embedding: [1, 0] };
    const q = { text: "q", embedding: [0, 1] };
    const ids = (r: Map<string, { node: { id: string } }[]>, k: string) => r.get(k)!.map((x) => x.node.id);
    const r1 = retrieve(build(), [p, q], T0 + 9 * H, { k: 2 });
    const r2 = retrieve(build(), [q, p], T0 + 9 * H, { k: 2 });
    expect(ids(r1, "p")).toEqual(ids(r2, "p"));
    expect(ids(r1, "q")).toEqual(ids(r2, "q"));
  });
});
