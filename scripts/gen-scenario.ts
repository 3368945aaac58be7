/**
 * `npm run scenario:gen`: writes maps/scenarios/city-1000.json, the 1,000 residents of
 * the city map, from the city's plan and the persona templates of scripts/scenariogen/.
 * Same seed, same bytes; it validates the scenario before writing it.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseScenario } from "../server/sim/scenario";
import { SCENARIO_NAME, cityScenarioJson } from "./scenariogen/city-scenario";

function main(): void {
  const started = Date.now();
  const text = cityScenarioJson();
  const scenario = parseScenario(JSON.parse(text), SCENARIO_NAME);
  const path = join(process.cwd(), "maps", "scenarios", `${SCENARIO_NAME}.json`);
  writeFileSync(path, text);
  const links = scenario.personas.reduce((n, p) => n + p.relationships.length, 0);
  console.log(`${SCENARIO_NAME}: ${scenario.personas.length} residents, ${links} relationships, ${scenario.facts.length} planted facts, ${text.length} bytes; ${Date.now() - started} ms`);
}

main();
