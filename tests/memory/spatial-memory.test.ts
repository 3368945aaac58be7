import { SpatialMemory } from "../../server/agents/memory/spatial-memory";

const W = "the Ville";

describe("SpatialMemory", () => {
  test("learns places level by level, in discovery order", () => {
    const m = new SpatialMemory();
    m.learn({ world: W, sector: "Hobbs Cafe", arena: "cafe", object: "piano" });
    m.learn({ world: W, sector: "Hobbs Cafe", arena: "cafe", object: "cafe counter" });
    m.learn({ world: W, sector: "Hobbs Cafe", arena: "cafe", object: "piano" });
    m.learn({ world: W, sector: "Johnson Park", arena: "park garden" });
    m.learn({ world: W, sector: "Oak Hill College" });
    expect(m.knownWorlds()).toEqual([W]);
    expect(m.knownSectors()).toEqual(["Hobbs Cafe", "Johnson Park", "Oak Hill College"]);
    expect(m.knownSectors(W)).toEqual(m.knownSectors());
    expect(m.knownSectors("elsewhere")).toEqual([]);
    expect(m.knownArenas("Hobbs Cafe")).toEqual(["cafe"]);
    expect(m.knownArenas("Oak Hill College")).toEqual([]);
    expect(m.knownObjects("Hobbs Cafe", "cafe")).toEqual(["piano", "cafe counter"]);
    expect(m.knownObjects("Johnson Park", "park garden")).toEqual([]);
    expect(m.knownObjects("Nowhere", "x")).toEqual([]);
  });

  test("has() checks every level the address names", () => {
    const m = new SpatialMemory();
    m.learn({ world: W, sector: "Hobbs Cafe", arena: "cafe", object: "piano" });
    expect(m.has({ world: W })).toBe(true);
    expect(m.has({ world: W, sector: "Hobbs Cafe" })).toBe(true);
    expect(m.has({ world: W, sector: "Hobbs Cafe", arena: "cafe", object: "piano" })).toBe(true);
    expect(m.has({ world: W, sector: "Hobbs Cafe", arena: "cafe", object: "bed" })).toBe(false);
    expect(m.has({ world: W, sector: "Hobbs Cafe", arena: "kitchen" })).toBe(false);
    expect(m.has({ world: W, sector: "Johnson Park" })).toBe(false);
    expect(m.has({ world: "elsewhere" })).toBe(false);
  });

  test("toJSON / fromJSON round-trips, keeping empty branches", () => {
    const m = new SpatialMemory();
    m.learn({ world: W, sector: "Hobbs Cafe", arena: "cafe", object: "piano" });
    m.learn({ world: W, sector: "Hobbs Cafe", arena: "kitchen" });
    m.learn({ world: W, sector: "Johnson Park" });
    const json = m.toJSON();
    expect(json).toEqual({ [W]: { "Hobbs Cafe": { cafe: ["piano"], kitchen: [] }, "Johnson Park": {} } });
    const back = SpatialMemory.fromJSON(JSON.parse(JSON.stringify(json)));
    expect(back.toJSON()).toEqual(json);
    expect(back.has({ world: W, sector: "Johnson Park" })).toBe(true);
    expect(() => SpatialMemory.fromJSON({ [W]: { cafe: ["not a tree"] } })).toThrow();
  });
});
