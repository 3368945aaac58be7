/**
 * `npm run map:gen`: writes maps/ville/ville.json, maps/ville/tileset.png and
 * maps/characters/*.png. Same seed, same bytes.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateTown } from "./generate";

function main(): void {
  const root = process.cwd();
  const started = Date.now();
  const out = generateTown();
  const mapDir = join(root, "maps", "ville");
  const charDir = join(root, "maps", "characters");
  mkdirSync(mapDir, { recursive: true });
  mkdirSync(charDir, { recursive: true });
  writeFileSync(join(mapDir, "ville.json"), out.mapJson);
  writeFileSync(join(mapDir, "tileset.png"), out.tilesetPng);
  for (const [slug, png] of out.characters) writeFileSync(join(charDir, `${slug}.png`), png);
  const w = out.world;
  console.log(`map ${w.width}x${w.height}: ${w.sectors.length} sectors, ${w.rooms.length} arenas, ${w.objects.length} objects, ${w.spawns.length} spawns; ${out.characters.size} character sheets; ${Date.now() - started} ms`);
}

main();
