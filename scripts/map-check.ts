/**
 * `npm run map:check [path]`: validates a map (default maps/ville/ville.json)
 * against the scenarios in maps/scenarios and the sheets in maps/characters.
 * Prints a summary; exits 1 listing every problem.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { checkMap } from "./map-check-lib";

function main(): void {
  const root = process.cwd();
  const mapPath = process.argv[2] ?? join(root, "maps", "ville", "ville.json");
  let map: unknown;
  try {
    map = JSON.parse(readFileSync(mapPath, "utf8"));
  } catch (e) {
    console.error(`map:check: cannot read ${mapPath}: ${(e as Error).message}`);
    process.exit(1);
  }
  const scenarioDir = join(root, "maps", "scenarios");
  const scenarios = existsSync(scenarioDir)
    ? readdirSync(scenarioDir).filter((f) => f.endsWith(".json")).sort().map((f) => ({ file: `maps/scenarios/${f}`, json: JSON.parse(readFileSync(join(scenarioDir, f), "utf8")) as unknown }))
    : [];
  const charDir = join(root, "maps", "characters");
  const sprites = existsSync(charDir) ? new Set(readdirSync(charDir).filter((f) => f.endsWith(".png")).map((f) => f.slice(0, -4))) : undefined;
  const result = checkMap({ map, mapName: basename(dirname(mapPath)), scenarios, sprites });
  const s = result.summary;
  if (s) {
    console.log(`map ${mapPath}: ${s.width}x${s.height} tiles, ${s.sectors} sectors, ${s.arenas} arenas, ${s.objects} objects of ${s.objectKinds} kinds, ${s.places} places, ${s.spawns} spawns (${s.playerSpawns} for players), ${s.scenariosChecked} scenarios checked`);
  }
  for (const n of result.notes) console.log(`note: ${n}`);
  if (!result.ok) {
    console.error(`map:check found ${result.problems.length} problem(s):`);
    for (const p of result.problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  console.log("map:check: ok");
}

main();
