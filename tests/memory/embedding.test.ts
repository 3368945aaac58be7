import { cosine, hashEmbed, stem, tokenize } from "../../server/agents/memory/embedding";

describe("hashEmbed", () => {
  test("similar texts are closer than unrelated ones", () => {
    const party = hashEmbed("Isabella is planning a Valentine's Day party at Hobbs Cafe");
    const party2 = hashEmbed("Isabella plans the Valentine party at the cafe");
    const paper = hashEmbed("Klaus is writing his research paper on gentrification");
    expect(cosine(party, party2)).toBeGreaterThan(0.5);
    expect(cosine(party, party2)).toBeGreaterThan(cosine(party, paper) + 0.3);
  });

  test("is deterministic and unit length", () => {
    const a = hashEmbed("Maria is studying physics in the library");
    const b = hashEmbed("Maria is studying physics in the library");
    expect(Array.from(a)).toEqual(Array.from(b));
    const norm = Math.sqrt(Array.from(a).reduce((s, x) => s + x * x, 0));
    expect(norm).toBeCloseTo(1, 5);
    expect(cosine(a, b)).toBeCloseTo(1, 6);
  });

  test("a text without content words is the zero vector, similar to nothing", () => {
    const empty = hashEmbed("the, and... of!");
    expect(empty.every((x) => x === 0)).toBe(true);
    expect(cosine(empty, hashEmbed("coffee"))).toBe(0);
  });

  test("respects dims and rejects bad ones", () => {
    expect(hashEmbed("coffee", 64)).toHaveLength(64);
    expect(hashEmbed("coffee")).toHaveLength(256);
    expect(() => hashEmbed("coffee", 0)).toThrow(RangeError);
  });

  test("case, punctuation and possessives do not matter", () => {
    expect(cosine(hashEmbed("Isabella's CAFE!"), hashEmbed("isabella cafe"))).toBeCloseTo(1, 6);
  });

  test("word order counts through bigrams", () => {
    const ab = hashEmbed("coffee shop owner");
    expect(cosine(ab, hashEmbed("owner shop coffee"))).toBeLessThan(cosine(ab, hashEmbed("coffee shop owner")));
  });
});

describe("tokenize and stem", () => {
  test("drops stop words and folds common suffixes", () => {
    expect(tokenize("The parties and the party")).toEqual(["party", "party"]);
    expect(new Set(["planning", "planned", "plans", "plan"].map(stem))).toEqual(new Set(["plan"]));
    expect(new Set(["baking", "bakes", "baked", "bake"].map(stem)).size).toBe(1);
    expect(stem("dress")).toBe("dress");
    expect(stem("coffee")).toBe("coffee");
  });
});

describe("cosine", () => {
  test("of opposite vectors is -1; of different lengths is 0", () => {
    expect(cosine([1, 0], [-1, 0])).toBeCloseTo(-1);
    expect(cosine([1, 0], [1, 0, 0])).toBe(0);
    expect(cosine(new Float32Array([3, 4]), [3, 4])).toBeCloseTo(1);
  });
});
