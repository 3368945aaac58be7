/**
 * `npm run map:check [path]`: validates every map maps/<name>/<name>.json (or only
 * the one given) against the scenarios in maps/scenarios whose `map` names it and
 * the sheets in maps/characters. Prints a summary per map; exits 1 listing every problem.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { checkMap } from "./map-check-lib";

function main(): void {
  const root = process.cwd();
  const mapsDir = join(root, "maps");
  const paths = process.argv[2]
    ? [process.argv[2]]
    : readdirSync(mapsDir).sort().map((name) => join(mapsDir, name, `${name}.json`)).filter((p) => existsSync(p));
  if (paths.length === 0) {
    console.error("map:check: no map found under maps/<name>/<name>.json");
    process.exit(1);
  }
  const scenarioDir = join(mapsDir, "scenarios");
  const scenarios = existsSync(scenarioDir)
    ? readdirSync(scenarioDir).filter((f) => f.endsWith(".json")).sort().map((f) => ({ file: `maps/scenarios/${f}`, json: JSON.parse(readFileSync(join(scenarioDir, f), "utf8")) as unknown }))
    : [];
  const charDir = join(mapsDir, "characters");
  const sprites = existsSync(charDir) ? new Set(readdirSync(charDir).filter((f) => f.endsWith(".png")).map((f) => f.slice(0, -4))) : undefined;
  let failed = 0;
  for (const mapPath of paths) if (!checkOne(mapPath, scenarios, sprites)) failed++;
  if (failed > 0) process.exit(1);
  console.log(`map:check: ok (${paths.length} map${paths.length > 1 ? "s" : ""})`);
}

function checkOne(mapPath: string, scenarios: { file: string; json: unknown }[], sprites: Set<string> | undefined): boolean {
  let map: unknown;
  try {
    map = JSON.parse(readFileSync(mapPath, "utf8"));
  } catch (e) {
    console.error(`map:check: cannot read ${mapPath}: ${(e as Error).message}`);
    return false;
  }
  const mapName = basename(dirname(mapPath));
  // Scenarios of other maps are not this map's business (the check would only note them).
  const mine = scenarios.filter(({ json }) => {
    const m = (json as { map?: unknown } | null)?.map;
    return typeof m !== "string" || m === mapName;
  });
  const result = checkMap({ map, mapName, scenarios: mine, sprites });
  const s = result.summary;
  if (s) {
    console.log(`map ${mapPath}: ${s.width}x${s.height} tiles, ${s.sectors} sectors, ${s.arenas} arenas, ${s.objects} objects of ${s.objectKinds} kinds, ${s.places} places, ${s.spawns} spawns (${s.playerSpawns} for players), ${s.scenariosChecked} scenarios checked`);
  }
  for (const n of result.notes) console.log(`note: ${n}`);
  if (!result.ok) {
    console.error(`map:check found ${result.problems.length} problem(s) in ${mapPath}:`);
    for (const p of result.problems) console.error(`  - ${p}`);
    return false;
  }
  return true;
}

main();
