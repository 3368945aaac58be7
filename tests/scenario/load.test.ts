import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { listScenarios, loadScenario } from "../../server/scenarios";

const dir = mkdtempSync(join(tmpdir(), "scenarios-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const minimal = (name: string) => ({
  name,
  title: "One hermit",
  map: "ville",
  startDate: "2023-02-13T00:00:00Z",
  personas: [
    {
      name: "Hal Stone", firstName: "Hal", lastName: "Stone", age: 70, innate: "quiet, wry, patient",
      learned: "Hal lives alone.", currently: "Hal is reading.",
      lifestyle: "goes to bed around 9pm, wakes up around 5am, eats dinner around 5pm",
      livingArea: "the Ville:Hut:main room", dailyPlanRequirement: "Hal walks in Johnson Park.",
      sprite: "hal_stone", start: "the Ville:Hut:main room", relationships: [],
    },
  ],
  facts: [],
});

beforeAll(() => {
  writeFileSync(join(dir, "hermit.json"), JSON.stringify(minimal("hermit")));
  writeFileSync(join(dir, "renamed.json"), JSON.stringify(minimal("other")));
  writeFileSync(join(dir, "broken.json"), "{ not json");
  writeFileSync(join(dir, "notes.txt"), "not a scenario");
});

test("lists scenario files without their extension, sorted", () => {
  expect(listScenarios(dir)).toEqual(["broken", "hermit", "renamed"]);
  expect(listScenarios(join(dir, "absent"))).toEqual([]);
});

test("loads and validates a scenario by name", () => {
  expect(loadScenario("hermit", dir).personas[0].name).toBe("Hal Stone");
});

test("an unknown scenario lists the available ones", () => {
  expect(() => loadScenario("village", dir)).toThrow("scenario village: no such scenario in " + dir + " (available: broken, hermit, renamed)");
});

test("a name that tries to leave the folder is refused", () => {
  expect(() => loadScenario("../scenarios/ville-3", dir)).toThrow("no such scenario");
});

test("unreadable JSON and a name that differs from the file are refused", () => {
  expect(() => loadScenario("broken", dir)).toThrow(/scenario broken: cannot read .*broken\.json/);
  expect(() => loadScenario("renamed", dir)).toThrow('scenario renamed: name: "other" differs from the file name "renamed.json"');
});
