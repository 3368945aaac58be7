import { hashEmbed } from "../../server/agents/memory/embedding";
import { MemoryStream, isIdle, memoryNodeToJson, tripleKey, type MemoryNode, type NewMemory } from "../../server/agents/memory/memory-stream";
import { GAME_MS_PER_DAY, GAME_MS_PER_HOUR, THOUGHT_LIFETIME_MS } from "../../server/agents/memory/constants";
import { retrieve } from "../../server/agents/memory/retrieve";

const T0 = Date.UTC(2023, 1, 13, 8);

function event(description: string, extra: Partial<NewMemory> = {}): NewMemory {
  return {
    kind: "event",
    createdMs: T0,
    subject: "Isabella Rodriguez",
    predicate: "is",
    object: "brewing coffee",
    description,
    poignancy: 3,
    embedding: hashEmbed(description),
    ...extra,
  };
}

describe("MemoryStream", () => {
  test("appends with per-agent sequential ids and tells the listener", () => {
    const seen: MemoryNode[] = [];
    const s = new MemoryStream({ onAppend: (n) => seen.push(n) });
    const a = s.add(event("Isabella is brewing coffee"));
    const b = s.add(event("Isabella is wiping the counter", { object: "wiping the counter" }));
    expect([a.id, b.id]).toEqual(["n1", "n2"]);
    expect(seen).toEqual([a, b]);
    expect(s.get("n2")).toBe(b);
    expect(s.nodes()).toEqual([a, b]);
    expect(s.size).toBe(2);
    expect(new MemoryStream().add(event("x")).id).toBe("n1");
  });

  test("keywords are lower-cased when stored and when looked up", () => {
    const s = new MemoryStream();
    const n = s.add(event("Isabella talks about the party", { keywords: ["Isabella Rodriguez", "PARTY", "party "] }));
    expect(n.keywords).toEqual(["isabella rodriguez", "party"]);
    expect(s.byKeyword(["Party"])).toEqual([n]);
    expect(s.byKeyword(["ISABELLA RODRIGUEZ", "party"])).toEqual([n]);
    expect(s.byKeyword(["klaus"])).toEqual([]);
  });

  test("default keywords are the subject and the object's last address part", () => {
    const s = new MemoryStream();
    const n = s.add(event("the piano is being played", { subject: "the Ville:Hobbs Cafe:cafe:piano", predicate: "is", object: "Played" }));
    expect(n.keywords).toEqual(["piano", "played"]);
    expect(s.byKeyword(["Piano"])).toEqual([n]);
  });

  test("byKeyword returns newest first and can filter kinds", () => {
    const s = new MemoryStream();
    const a = s.add(event("a", { keywords: ["klaus"] }));
    const b = s.add({ ...event("b", { keywords: ["klaus"] }), kind: "chat", transcript: [{ speaker: "Klaus", text: "Hi" }] });
    expect(s.byKeyword(["klaus"])).toEqual([b, a]);
    expect(s.byKeyword(["klaus"], { kinds: ["event"] })).toEqual([a]);
    expect(s.lastChatWith("Klaus")).toBe(b);
    expect(s.relationshipWith("KLAUS", T0)).toEqual({ chats: [b], others: [a] });
  });

  test("thought depth is 1 + the deepest evidence; unknown evidence is refused", () => {
    const s = new MemoryStream();
    const e = s.add(event("e"));
    const t1 = s.add({ ...event("t1"), kind: "thought", evidence: [e.id] });
    const t2 = s.add({ ...event("t2"), kind: "thought", evidence: [e.id, t1.id] });
    const t3 = s.add({ ...event("t3"), kind: "thought" });
    expect([e.depth, t1.depth, t2.depth, t3.depth]).toEqual([0, 1, 2, 1]);
    expect(() => s.add({ ...event("t4"), kind: "thought", evidence: ["n99"] })).toThrow(/unknown evidence n99/);
    expect(s.size).toBe(4);
  });

  test("poignancy is kept to an integer 1-10; NaN is an error", () => {
    const s = new MemoryStream();
    expect(s.add(event("a", { poignancy: 14 })).poignancy).toBe(10);
    expect(s.add(event("b", { poignancy: 0 })).poignancy).toBe(1);
    expect(s.add(event("c", { poignancy: 6.6 })).poignancy).toBe(7);
    expect(() => s.add(event("d", { poignancy: NaN }))).toThrow(RangeError);
  });

  test("thoughts expire after 30 game days and expired memories are never retrieved", () => {
    const s = new MemoryStream();
    const thought = s.add({ ...event("Isabella loves hosting parties"), kind: "thought" });
    const ev = s.add(event("Isabella hosts a party"));
    expect(thought.expiresMs).toBe(T0 + THOUGHT_LIFETIME_MS);
    expect(ev.expiresMs).toBeUndefined();
    const focal = [{ text: "party", embedding: hashEmbed("party") }];
    const before = retrieve(s, focal, T0 + 29 * GAME_MS_PER_DAY).get("party")!.map((x) => x.node);
    expect(before).toContain(thought);
    const after = retrieve(s, focal, T0 + 30 * GAME_MS_PER_DAY).get("party")!.map((x) => x.node);
    expect(after).toEqual([ev]);
    expect(s.byKeyword(["isabella rodriguez"], { nowMs: T0 + 31 * GAME_MS_PER_DAY })).toEqual([ev]);
    const forever = s.add({ ...event("never forgotten"), kind: "thought", expiresMs: null });
    expect(forever.expiresMs).toBeUndefined();
  });

  test("recentTriples and isNovel look at the newest `retention` events only", () => {
    const s = new MemoryStream();
    s.add(event("old", { object: "sweeping" }));
    s.add(event("mid", { object: "brewing coffee" }));
    s.add({ ...event("a thought", { object: "sweeping" }), kind: "thought" });
    s.add(event("new", { object: "serving" }));
    const triple = { subject: "Isabella Rodriguez", predicate: "is", object: "sweeping" };
    expect(s.isNovel(triple, 2)).toBe(true);
    expect(s.isNovel(triple, 3)).toBe(false);
    expect(s.recentTriples(2).size).toBe(2);
    expect(s.latestEvents(2).map((n) => n.description)).toEqual(["new", "mid"]);
  });

  test("the sliding windows keep up over many events, repeats and all", () => {
    const s = new MemoryStream();
    s.recentTriples(5); // made before the events: it slides as they come
    for (let i = 0; i < 60; i++) s.add(event(`e${i}`, { object: `doing ${i % 7}` }));
    for (const retention of [1, 5, 13]) {
      const expected = new Set(s.latestEvents(retention).map((n) => tripleKey(n)));
      expect(new Set(s.recentTriples(retention).keys())).toEqual(expected);
    }
    expect(s.recentTriples(5).get(tripleKey({ subject: "Isabella Rodriguez", predicate: "is", object: "doing 3" }))).toBe(1);
    expect(s.recentTriples(13).get(tripleKey({ subject: "Isabella Rodriguez", predicate: "is", object: "doing 3" }))).toBe(2);
  });

  test("toJSON / fromJSON round-trips exactly and continues the id sequence", () => {
    const s = new MemoryStream();
    const e = s.add(event("Isabella is brewing coffee", { source: { toldBy: "Maria Lopez", factId: "party" } }));
    s.add({ ...event("chat"), kind: "chat", transcript: [{ speaker: "Maria", text: "Hello!" }], source: { conversationId: "c1" } });
    s.add({ ...event("a thought"), kind: "thought", evidence: [e.id] });
    retrieve(s, [{ text: "coffee", embedding: hashEmbed("coffee") }], T0 + 5 * GAME_MS_PER_HOUR);
    const json = JSON.parse(JSON.stringify(s.toJSON()));
    const appended: MemoryNode[] = [];
    const back = MemoryStream.fromJSON(json, { onAppend: (n) => appended.push(n) });
    expect(back.toJSON()).toStrictEqual(s.toJSON());
    expect(JSON.stringify(back.toJSON())).toBe(JSON.stringify(s.toJSON()));
    expect(back.nodes()[0].embedding).toBeInstanceOf(Float32Array);
    expect(Array.from(back.nodes()[0].embedding)).toEqual(Array.from(e.embedding));
    expect(back.byKeyword(["isabella rodriguez"])).toHaveLength(3);
    expect(appended).toEqual([]);
    expect(back.add(event("next")).id).toBe("n4");
    expect(appended).toHaveLength(1);
  });

  test("a snapshot plus the nodes appended after it restores the stream", () => {
    const log: unknown[] = [];
    const s = new MemoryStream({ onAppend: (n) => log.push(JSON.parse(JSON.stringify(memoryNodeToJson(n)))) });
    const e = s.add(event("before the snapshot"));
    const snapshot = JSON.parse(JSON.stringify(s.toJSON()));
    s.add({ ...event("after the snapshot"), kind: "thought", evidence: [e.id] });
    const back = MemoryStream.fromJSON(snapshot);
    for (const entry of log.slice(snapshot.nodes.length)) back.restore(entry);
    expect(back.toJSON()).toStrictEqual(s.toJSON());
    expect(() => back.restore(log[0])).toThrow(/already exists/);
  });

  test("fromJSON refuses malformed data", () => {
    expect(() => MemoryStream.fromJSON({ seq: 0, nodes: [{ id: "x" }] })).toThrow();
    const s = new MemoryStream();
    s.add({ ...event("t"), kind: "thought" });
    const bad = s.toJSON();
    bad.nodes[0].depth = 5;
    expect(() => MemoryStream.fromJSON(bad)).toThrow(/depth/);
  });

  test("isIdle recognises idle triples and descriptions", () => {
    expect(isIdle({ predicate: "is", object: "idle", description: "bed" })).toBe(true);
    expect(isIdle({ predicate: "", object: "", description: "the bed is idle" })).toBe(true);
    expect(isIdle({ predicate: "is", object: "occupied", description: "the bed is occupied" })).toBe(false);
  });
});
