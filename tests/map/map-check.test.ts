import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { checkMap } from "../../scripts/map-check-lib";
import { addressKey } from "../../server/sim/address";
import { Maze } from "../../server/sim/maze";

const root = process.cwd();
const mapText = readFileSync(join(root, "maps/ville/ville.json"), "utf8");
const scenarios = readdirSync(join(root, "maps/scenarios"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => ({ file: f, json: JSON.parse(readFileSync(join(root, "maps/scenarios", f), "utf8")) as unknown }));

interface Obj { name: string; x: number; y: number; width: number; height: number; properties?: { name: string; value: unknown }[] }
interface Layer { name: string; type: string; data?: number[]; objects?: Obj[] }
interface MapJson { width: number; height: number; layers: Layer[] }

const freshMap = (): MapJson => JSON.parse(mapText) as MapJson;
const layer = (m: MapJson, name: string) => m.layers.find((l) => l.name === name)!;
const addressOf = (o: Obj) => String(o.properties?.find((p) => p.name === "address")?.value);

describe("the shipped town map", () => {
  const result = checkMap({ map: JSON.parse(mapText), mapName: "ville", scenarios });

  test("passes the map check", () => {
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  test("is big and full enough", () => {
    const s = result.summary!;
    expect(s.width).toBeGreaterThanOrEqual(100);
    expect(s.height).toBeGreaterThanOrEqual(70);
    expect(s.sectors).toBeGreaterThanOrEqual(19);
    expect(s.arenas).toBeGreaterThanOrEqual(40);
    expect(s.objectKinds).toBeGreaterThanOrEqual(30);
    expect(s.playerSpawns).toBeGreaterThanOrEqual(6);
    expect(s.scenariosChecked).toBe(scenarios.filter((x) => (x.json as { map?: string }).map === "ville").length);
  });

  test("every home arena has a spawn point, a bed and a desk", () => {
    const maze = Maze.fromTiled(JSON.parse(mapText));
    const homes = maze.spawns.filter((s) => s.address).map((s) => addressKey(s.address!));
    expect(homes.length).toBeGreaterThanOrEqual(23);
    for (const home of homes) {
      const kinds = maze.objectRects.filter((o) => addressKey({ ...o.address, object: undefined }) === home).map((o) => o.kind);
      expect({ home, bed: kinds.includes("bed"), desk: kinds.includes("desk") }).toEqual({ home, bed: true, desk: true });
    }
  });

  test("kitchens, bathrooms, the cafe, the pub, the college and the park hold what they need", () => {
    const maze = Maze.fromTiled(JSON.parse(mapText));
    const kindsIn = (pred: (sector: string, arena: string) => boolean) =>
      new Set(maze.objectRects.filter((o) => pred(o.address.sector!, o.address.arena!)).map((o) => o.kind));
    for (const sector of maze.sectors()) {
      for (const arena of maze.arenas(sector)) {
        const kinds = kindsIn((s, a) => s === sector && a === arena);
        if (arena === "kitchen" && sector !== "Hobbs Cafe" && sector !== "The Rose and Crown Pub") {
          for (const k of ["stove", "refrigerator", "kitchen sink", "dining table"]) expect([sector, arena, k, kinds.has(k)]).toEqual([sector, arena, k, true]);
        }
        if (arena.includes("bathroom")) for (const k of ["toilet", "shower", "bathroom sink"]) expect([sector, arena, k, kinds.has(k)]).toEqual([sector, arena, k, true]);
      }
    }
    const cafe = kindsIn((s, a) => s === "Hobbs Cafe" && a === "cafe");
    for (const k of ["cafe counter", "coffee machine", "cafe table", "piano"]) expect(cafe.has(k)).toBe(true);
    expect(maze.objectRects.filter((o) => o.address.arena === "cafe" && o.kind === "cafe table").length).toBeGreaterThanOrEqual(3);
    const pub = kindsIn((s, a) => s === "The Rose and Crown Pub" && a === "pub");
    for (const k of ["bar counter", "pub table", "stage microphone"]) expect(pub.has(k)).toBe(true);
    const college = kindsIn((s) => s === "Oak Hill College");
    for (const k of ["classroom desk", "blackboard", "podium", "library shelf", "library table"]) expect(college.has(k)).toBe(true);
    const park = kindsIn((s) => s === "Johnson Park");
    for (const k of ["park bench", "garden bed", "fountain"]) expect(park.has(k)).toBe(true);
  });
});

describe("the map check on broken copies", () => {
  test("an object moved into a wall is reported with its tile", () => {
    const m = freshMap();
    const walls = layer(m, "walls").data!;
    const wallIndex = walls.findIndex((g, i) => g !== 0 && i > m.width * 10);
    const wx = wallIndex % m.width, wy = Math.floor(wallIndex / m.width);
    const obj = layer(m, "objects").objects![0];
    obj.x = wx * 32;
    obj.y = wy * 32;
    obj.width = 32;
    obj.height = 32;
    const result = checkMap({ map: m });
    expect(result.ok).toBe(false);
    expect(result.problems).toContain(`object ${addressOf(obj)} at tile (${wx},${wy}) is inside a wall`);
  });

  test("a room walled off is reported by name", () => {
    const m = freshMap();
    const arena = layer(m, "arenas").objects!.find((o) => addressOf(o) === "the Ville:Lin family's house:Eddy Lin's bedroom")!;
    const collision = layer(m, "collision").data!;
    const block = collision.find((g) => g !== 0)!;
    const x0 = arena.x / 32 - 1, y0 = arena.y / 32 - 1, x1 = x0 + arena.width / 32 + 1, y1 = y0 + arena.height / 32 + 1;
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
      if (x === x0 || y === y0 || x === x1 || y === y1) collision[y * m.width + x] = block;
    }
    const result = checkMap({ map: m });
    expect(result.ok).toBe(false);
    expect(result.problems.some((p) => p.startsWith("place the Ville:Lin family's house:Eddy Lin's bedroom cannot be reached"))).toBe(true);
  });

  test("a scenario home missing from the map is reported", () => {
    const json = JSON.parse(JSON.stringify(scenarios.find((x) => x.file === "ville-25.json")!.json)) as { personas: { livingArea: string }[] };
    json.personas[0].livingArea = "the Ville:Nowhere:attic";
    const result = checkMap({ map: freshMap(), mapName: "ville", scenarios: [{ file: "broken.json", json }] });
    expect(result.problems.some((p) => p.startsWith("broken.json: ") && p.includes("the Ville:Nowhere:attic"))).toBe(true);
  });

  test("a map that does not load says why", () => {
    const m = freshMap();
    m.layers = m.layers.filter((l) => l.name !== "collision");
    const result = checkMap({ map: m });
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatch(/does not load: .*collision/);
  });

  test("a small map is too small", () => {
    const result = checkMap({ map: { width: 10, height: 10, tilewidth: 32, layers: [] } });
    expect(result.ok).toBe(false);
  });
});
