/**
 * maps/scenarios/city-1000.json: generated from the city's plan, the same bytes every
 * time, valid, and readable by the offline mind as meant (workplaces, local outings).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadScenario } from "../../server/scenarios";
import { parseLifestyle, sleepMinutes } from "../../server/sim/lifestyle";
import { arenaParts } from "../../server/sim/scenario";
import { planCity } from "../../scripts/mapgen/city-people";
import { buildCityScenario, cityScenarioJson } from "../../scripts/scenariogen/city-scenario";
import { checkCityPersonas } from "../../scripts/scenariogen/check";

const root = process.cwd();
const city = planCity();
const scenario = loadScenario("city-1000");

test("generating twice gives the same bytes, and they are the committed file", () => {
  const first = cityScenarioJson();
  expect(cityScenarioJson()).toBe(first);
  expect(first).toBe(readFileSync(join(root, "maps/scenarios/city-1000.json"), "utf8"));
});

test("1,000 residents with unique names and a character sheet each, on the city map", () => {
  expect(scenario.map).toBe("city");
  expect(scenario.personas).toHaveLength(1000);
  expect(new Set(scenario.personas.map((p) => p.name)).size).toBe(1000);
  for (const p of scenario.personas) expect([p.sprite, existsSync(join(root, "maps/characters", `${p.sprite}.png`))]).toEqual([p.sprite, true]);
});

test("households share homes, and everyone starts at home", () => {
  const homes = new Map<string, number>();
  for (const p of scenario.personas) {
    expect(p.start).toBe(p.livingArea);
    const { sector } = arenaParts(p.livingArea);
    homes.set(sector, (homes.get(sector) ?? 0) + 1);
  }
  expect(homes.size).toBeGreaterThanOrEqual(300);
  expect(Math.max(...homes.values())).toBeGreaterThanOrEqual(4);
});

test("lifestyles give a plausible night", () => {
  for (const p of scenario.personas) {
    const read = parseLifestyle(p.lifestyle);
    if (!read.ok) throw new Error(`${p.name}: ${read.problems.join("; ")}`);
    expect([p.name, sleepMinutes(read.value) >= 6 * 60 && sleepMinutes(read.value) <= 10 * 60]).toEqual([p.name, true]);
  }
});

test("3 to 8 relationships each, all between residents and both ways", () => {
  const byName = new Map(scenario.personas.map((p) => [p.name, p]));
  for (const p of scenario.personas) {
    expect([p.name, p.relationships.length >= 3 && p.relationships.length <= 8]).toEqual([p.name, true]);
    for (const r of p.relationships) {
      expect(r.external).toBeUndefined();
      expect([p.name, r.name, byName.get(r.name)?.relationships.some((x) => x.name === p.name)]).toEqual([p.name, r.name, true]);
    }
  }
});

test("planted news: the party at Hobbs Cafe, the mayor's race, the book sale", () => {
  expect(scenario.facts.map((f) => f.id)).toEqual(["valentine-party", "mayor-candidacy", "book-sale"]);
  const cafe = scenario.facts[0];
  expect(cafe.event?.sector).toBe("Hobbs Cafe");
  const host = scenario.personas.find((p) => p.name === cafe.holder)!;
  expect(host.currently).toContain("Valentine's Day party at Hobbs Cafe");
  expect(scenario.personas.find((p) => p.name === scenario.facts[1].holder)!.currently).toContain("is running for mayor");
});

test("the offline mind finds everyone's workplace and keeps free time in the home district", () => {
  const parsed = loadScenario("city-1000");
  const result = checkCityPersonas(city, parsed);
  expect(result.wrongWorkplace).toEqual([]);
  expect(result.farOutings).toEqual([]);
  expect(result.outings).toBeGreaterThan(1500);
});

test("another seed makes another city", () => {
  const other = buildCityScenario(7);
  expect(other.personas.map((p) => p.name)).not.toEqual(scenario.personas.map((p) => p.name));
});
