/**
 * The city map (maps/city/): deterministic, exactly the generator's output, and a
 * valid map for its scenario; the generator's changes leave the Ville byte for byte.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { checkMap } from "../../scripts/map-check-lib";
import { Maze } from "../../server/sim/maze";
import { addressKey } from "../../server/sim/address";

const root = process.cwd();
const sha = (data: Buffer) => createHash("sha256").update(data).digest("hex");
const mapText = readFileSync(join(root, "maps/city/city.json"), "utf8");

describe("the city generator", () => {
  test("is deterministic, the committed city is exactly its output, and the Ville is unchanged", () => {
    const tsx = join(root, "node_modules", ".bin", "tsx");
    const run = spawnSync(tsx, ["scripts/mapgen/city-digest.ts"], { cwd: root, encoding: "utf8", timeout: 180_000, maxBuffer: 1 << 24 });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const { first, second, ville } = JSON.parse(run.stdout) as Record<"first" | "second" | "ville", Record<string, string>>;
    expect(second).toEqual(first);
    expect(first["city.json"]).toBe(sha(Buffer.from(mapText)));
    expect(first["tileset.png"]).toBe(sha(readFileSync(join(root, "maps/city/tileset.png"))));
    const sheets = Object.keys(first).filter((f) => f !== "city.json" && f !== "tileset.png");
    expect(sheets).toHaveLength(1000);
    for (const file of sheets) expect([file, sha(readFileSync(join(root, "maps/characters", file)))]).toEqual([file, first[file]]);
    expect(ville["ville.json"]).toBe(sha(readFileSync(join(root, "maps/ville/ville.json"))));
    expect(ville["tileset.png"]).toBe(sha(readFileSync(join(root, "maps/ville/tileset.png"))));
  });
});

describe("the city map", () => {
  const map = JSON.parse(mapText) as unknown;
  const scenarios = readdirSync(join(root, "maps/scenarios"))
    .filter((f) => f.endsWith(".json"))
    .map((f) => ({ file: f, json: JSON.parse(readFileSync(join(root, "maps/scenarios", f), "utf8")) as { map: string } }))
    .filter((s) => s.json.map === "city");
  const sprites = new Set(readdirSync(join(root, "maps/characters")).filter((f) => f.endsWith(".png")).map((f) => f.slice(0, -4)));

  test("passes the map check with its scenario (homes, starts and sprites included)", () => {
    expect(scenarios.map((s) => s.file)).toEqual(["city-1000.json"]);
    const result = checkMap({ map, mapName: "city", scenarios, sprites });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    const s = result.summary!;
    expect(s.scenariosChecked).toBe(1);
    expect(s.width * s.height).toBeGreaterThan(200_000);
    expect(s.sectors).toBeGreaterThan(600);
    expect(s.playerSpawns).toBeGreaterThanOrEqual(6);
  });

  test("is a Tiled map of sane size with one embedded tileset beside it", () => {
    expect(mapText.length).toBeLessThan(8_000_000);
    const json = map as { tilesets: { name: string; image: string }[] };
    expect(json.tilesets.map((t) => [t.name, t.image])).toEqual([["city", "tileset.png"]]);
  });

  test("six districts, each with its cafe, pub, market, supply store, park, school or college and two offices", () => {
    const maze = Maze.fromTiled(map);
    const sectors = new Set(maze.sectors());
    for (const word of ["Cafe", "Pub", "Market and Pharmacy", "Supply Store", "Park", "Offices"]) {
      expect([word, [...sectors].filter((s) => s.includes(word)).length >= 6]).toEqual([word, true]);
    }
    expect([...sectors].filter((s) => / (School|College)$/.test(s) && !s.startsWith("Dorm for "))).toHaveLength(6);
    const homes = [...sectors].filter((s) => /'s (house|apartment)$|co-living space$|^Dorm for /.test(s));
    expect(homes.length).toBeGreaterThanOrEqual(300);
    // every home arena with a spawn has a bed
    for (const spawn of maze.spawns.filter((x) => x.address)) {
      const home = addressKey(spawn.address!);
      const kinds = maze.objectRects.filter((o) => addressKey({ ...o.address, object: undefined }) === home).map((o) => o.kind);
      expect([home, kinds.includes("bed")]).toEqual([home, true]);
    }
  });
});
