import { slugOf } from "../../shared/constants";
import { parseLifestyle, sleepMinutes } from "../../server/sim/lifestyle";
import { arenaParts, checkScenarioAgainstPlaces, type Scenario } from "../../server/sim/scenario";
import { listScenarios, loadScenario } from "../../server/scenarios";
import { VILLE_ARENAS, VILLE_ARENA_KEYS } from "./ville-places";

const TWENTY_FIVE = [
  "Latoya Williams", "Rajiv Patel", "Abigail Chen", "Francisco Lopez", "Hailey Johnson", "Arthur Burton", "Ryan Park",
  "Isabella Rodriguez", "Giorgio Rossi", "Carlos Gomez", "Klaus Mueller", "Maria Lopez", "Ayesha Khan", "Wolfgang Schulz",
  "Mei Lin", "John Lin", "Eddy Lin", "Tom Moreno", "Jane Moreno", "Tamara Taylor", "Carmen Ortiz", "Sam Moore",
  "Jennifer Moore", "Yuriko Yamamoto", "Adam Smith",
];
const SECTORS = Object.keys(VILLE_ARENAS);
const shipped = ["ville-3", "ville-25"].map((name) => [name, loadScenario(name)] as const);

/** Unordered pairs of residents who list each other. */
function relatedPairs(s: Scenario): Set<string> {
  const pairs = new Set<string>();
  for (const p of s.personas)
    for (const r of p.relationships) if (!r.external) pairs.add([p.name, r.name].sort().join(" & "));
  return pairs;
}

test("both shipped scenarios are listed", () => {
  expect(listScenarios()).toEqual(expect.arrayContaining(["ville-3", "ville-25"]));
});

test("ville-3 has Isabella, Maria and Klaus; ville-25 has the 25 residents", () => {
  const [[, three], [, all]] = shipped;
  expect(three.personas.map((p) => p.name)).toEqual(["Isabella Rodriguez", "Maria Lopez", "Klaus Mueller"]);
  expect(all.personas.map((p) => p.name).sort()).toEqual([...TWENTY_FIVE].sort());
  expect(three.facts.map((f) => [f.id, f.holder])).toEqual([["valentine-party", "Isabella Rodriguez"]]);
  expect(all.facts.map((f) => [f.id, f.holder])).toEqual([
    ["valentine-party", "Isabella Rodriguez"],
    ["mayor-candidacy", "Sam Moore"],
  ]);
});

describe.each(shipped)("%s", (_name, s) => {
  test("starts on February 13, 2023 at midnight UTC on the ville map", () => {
    expect(s.map).toBe("ville");
    expect(Date.parse(s.startDate)).toBe(Date.UTC(2023, 1, 13));
  });

  test("every sprite slug matches the persona's name", () => {
    for (const p of s.personas) expect(p.sprite).toBe(slugOf(p.name));
  });

  test("every home and start address is an arena of the Ville, in the same sector", () => {
    expect(checkScenarioAgainstPlaces(s, (key) => VILLE_ARENA_KEYS.has(key))).toEqual([]);
    for (const p of s.personas) expect(arenaParts(p.start).sector).toBe(arenaParts(p.livingArea).sector);
  });

  test("every lifestyle gives bed, wake-up and meal times with a plausible night", () => {
    for (const p of s.personas) {
      const read = parseLifestyle(p.lifestyle);
      if (!read.ok) throw new Error(`${p.name}: ${read.problems.join("; ")}`);
      expect(sleepMinutes(read.value)).toBeGreaterThanOrEqual(6 * 60);
      expect(sleepMinutes(read.value)).toBeLessThanOrEqual(10 * 60);
    }
  });

  test("every daily requirement names a place by its exact sector name", () => {
    for (const p of s.personas) {
      const named = SECTORS.filter((sector) => p.dailyPlanRequirement.includes(sector));
      expect({ who: p.name, named: named.length > 0 }).toEqual({ who: p.name, named: true });
    }
  });

  test("every learned background is 60 to 120 words and perception defaults to 8", () => {
    for (const p of s.personas) {
      const words = p.learned.split(/\s+/).length;
      expect({ who: p.name, ok: words >= 60 && words <= 120 }).toEqual({ who: p.name, ok: true });
      expect([p.vision, p.attention, p.retention]).toEqual([8, 8, 8]);
    }
  });

  test("relationships between residents go both ways", () => {
    for (const p of s.personas)
      for (const r of p.relationships.filter((x) => !x.external)) {
        const other = s.personas.find((o) => o.name === r.name)!;
        expect({ from: p.name, to: r.name, back: other.relationships.some((x) => x.name === p.name) }).toEqual({
          from: p.name,
          to: r.name,
          back: true,
        });
      }
  });

  test("people who share a home know each other", () => {
    const pairs = relatedPairs(s);
    for (const a of s.personas)
      for (const b of s.personas)
        if (a.name < b.name && arenaParts(a.livingArea).sector === arenaParts(b.livingArea).sector)
          expect(pairs.has(`${a.name} & ${b.name}`)).toBe(true);
  });

  test("only the holder of a planted fact mentions it in their identity", () => {
    for (const f of s.facts) {
      const keyword = f.id === "valentine-party" ? "Valentine" : "mayor";
      const others = s.personas.filter((p) => p.name !== f.holder);
      for (const p of others) expect(`${p.learned} ${p.currently} ${p.dailyPlanRequirement}`).not.toContain(keyword);
    }
  });
});

test("the 25-resident network starts sparse, near the paper's density of 0.167", () => {
  const s = loadScenario("ville-25");
  const n = s.personas.length;
  const density = relatedPairs(s).size / ((n * (n - 1)) / 2);
  expect(density).toBeGreaterThan(0.14);
  expect(density).toBeLessThan(0.2);
  for (const p of s.personas) expect(p.relationships.filter((r) => !r.external).length).toBeGreaterThan(0);
});

test("the three residents of ville-3 are the same people as in ville-25", () => {
  const [[, three], [, all]] = shipped;
  for (const p of three.personas) {
    const twin = all.personas.find((o) => o.name === p.name)!;
    const { relationships: _a, ...identity } = p;
    const { relationships: _b, ...twinIdentity } = twin;
    expect(identity).toEqual(twinIdentity);
    for (const r of p.relationships) expect(twin.relationships).toContainEqual(r);
  }
});
