/**
 * `npm run map:gen [-- ville|city]`: writes maps/ville/ville.json, maps/ville/tileset.png
 * and the Ville's sheets in maps/characters/, and maps/city/city.json,
 * maps/city/tileset.png and a sheet per city resident. Both maps by default.
 * Same seed, same bytes.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateCity } from "./city";
import { generateTown } from "./generate";
import { World } from "./world";

function write(name: string, out: { mapJson: string; tilesetPng: Buffer; characters: Map<string, Buffer>; world: World }, started: number): void {
  const root = process.cwd();
  const mapDir = join(root, "maps", name);
  const charDir = join(root, "maps", "characters");
  mkdirSync(mapDir, { recursive: true });
  mkdirSync(charDir, { recursive: true });
  writeFileSync(join(mapDir, `${name}.json`), out.mapJson);
  writeFileSync(join(mapDir, "tileset.png"), out.tilesetPng);
  for (const [slug, png] of out.characters) writeFileSync(join(charDir, `${slug}.png`), png);
  const w = out.world;
  console.log(`${name}: map ${w.width}x${w.height}: ${w.sectors.length} sectors, ${w.rooms.length} arenas, ${w.objects.length} objects, ${w.spawns.length} spawns; ${out.characters.size} character sheets; ${Date.now() - started} ms`);
}

function main(): void {
  const which = process.argv.slice(2);
  const all = which.length === 0;
  for (const name of which) if (name !== "ville" && name !== "city") throw new Error(`unknown map ${name} (ville or city)`);
  if (all || which.includes("ville")) {
    const started = Date.now();
    write("ville", generateTown(), started);
  }
  if (all || which.includes("city")) {
    const started = Date.now();
    write("city", generateCity(), started);
  }
}

main();
