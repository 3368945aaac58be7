/**
 * Scenario files on disk (`maps/scenarios/<name>.json`): list them and load one.
 * Paths are relative to the working directory, which is the repo root.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseScenario, ScenarioError, type Scenario } from "./sim/scenario";

export const SCENARIO_DIR = "maps/scenarios";

/** Scenario names (file names without `.json`), sorted. Empty when the folder is absent. */
export function listScenarios(dir = SCENARIO_DIR): string[] {
  const folder = resolve(process.cwd(), dir);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort();
}

/**
 * Read and validate `<dir>/<name>.json`. Throws ScenarioError for an unknown name
 * (listing the available ones), unreadable JSON, an invalid scenario, or a file whose
 * `name` field differs from its file name.
 */
export function loadScenario(name: string, dir = SCENARIO_DIR): Scenario {
  // The name may come from a client asking for a town: never let it leave the folder.
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name) || !listScenarios(dir).includes(name)) {
    const available = listScenarios(dir);
    const list = available.length > 0 ? available.join(", ") : "none";
    throw new ScenarioError(name, [`no such scenario in ${dir} (available: ${list})`]);
  }
  const file = join(resolve(process.cwd(), dir), `${name}.json`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new ScenarioError(name, [`cannot read ${join(dir, `${name}.json`)}: ${(err as Error).message}`]);
  }
  const scenario = parseScenario(json, name);
  if (scenario.name !== name) throw new ScenarioError(name, [`name: "${scenario.name}" differs from the file name "${name}.json"`]);
  return scenario;
}
