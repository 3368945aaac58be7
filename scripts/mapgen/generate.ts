/**
 * The whole generator in memory: town map JSON, tileset PNG and character
 * sheets, all from one seed. main.ts writes them to disk; tests compare runs.
 */
import { Canvas } from "./canvas";
import { PLAYERS, RESIDENTS } from "./character-looks";
import { paintSheet } from "./character-painter";
import { furnishInteriors } from "./interiors";
import { PlacedBuilding } from "./buildings";
import { bikesBy, cafeTerrace, carPark, collegeLawn, houseYards, lumberYard, meadowPond, playground } from "./grounds";
import { borderForest, decorateGrass, scatterTrees, stampItem, streetFurniture } from "./outdoors";
import { buildPark } from "./park";
import { renderGround, renderWalls } from "./render-layers";
import { Rng } from "./rng";
import { writeTiledJson } from "./tiled-writer";
import { Tileset } from "./tileset";
import { CROSS_STREETS, MAIN_STREETS, MAP_H, MAP_W, PARK, layStreets, placeBuildings } from "./town-layout";
import { checkReachable } from "./validate";
import { World } from "./world";

export const SEED = 20230407;
export const WORLD_NAME = "the Ville";

export interface Generated {
  mapJson: string;
  tilesetPng: Buffer;
  characters: Map<string, Buffer>;
  world: World;
}

export function buildWorld(seed = SEED): World {
  const rng = new Rng(seed);
  const world = new World(MAP_W, MAP_H, new Tileset(), WORLD_NAME);
  layStreets(world);
  const placed = placeBuildings(world);
  buildPark(world, rng.fork("park"), PARK);
  furnishInteriors(world, rng.fork("interiors"));
  dressGrounds(world, rng.fork("grounds"), placed);
  const [h1, h2] = MAIN_STREETS;
  streetFurniture(world, rng.fork("street"), MAIN_STREETS, CROSS_STREETS.map((x) => [x, h1 + 8, h2]));
  borderForest(world, rng.fork("border"));
  scatterTrees(world, rng.fork("trees"), { x: 1, y: 1, w: MAP_W - 2, h: MAP_H - 2 }, 140, ["oak", "oak", "maple", "birch", "pine", "fruit"]);
  decorateGrass(world, rng.fork("grass"));
  addPlayerSpawns(world, PARK.x + PARK.w / 2, PARK.y + PARK.h / 2, 8);
  checkReachable(world);
  return world;
}

export function generateTown(seed = SEED): Generated {
  const world = buildWorld(seed);
  const tiles = world.tiles;
  const collisionTile = tiles.tile("collision", (c: Canvas) => c.rect(0, 0, 32, 32, 0xff0000, 110));
  tiles.setProperties(collisionTile, { collides: true });
  const ground = renderGround(world);
  const walls = renderWalls(world);
  const atlas = tiles.build();
  const mapJson = writeTiledJson(world, { ground, walls, furniture: world.furniture, foreground: world.foreground, collisionTile }, atlas, "tileset.png");
  return { mapJson, tilesetPng: atlas.png, characters: paintCharacters(), world };
}

/** Yards, the college forecourt, the cafe terrace, the car park and the lumber yard. */
function dressGrounds(world: World, rng: Rng, placed: PlacedBuilding[]): void {
  const byId = (id: string) => placed.find((b) => b.plan.id === id)!;
  houseYards(world, rng, placed, MAP_H - 4);
  collegeLawn(world, rng, byId("college"));
  const cafe = byId("cafe").rect;
  cafeTerrace(world, rng, { x: cafe.x + 2, y: MAIN_STREETS[0] + 8, w: cafe.w - 4, h: 9 });
  const apts = byId("apartments").rect;
  carPark(world, rng, { x: apts.x + 1, y: MAIN_STREETS[0] + 9, w: apts.w - 2, h: 7 });
  const store = byId("supply").rect;
  lumberYard(world, rng, { x: store.x + store.w + 1, y: store.y, w: 8, h: store.h });
  const dorm = byId("dorm").rect;
  bikesBy(world, rng, { x: dorm.x - 5, y: dorm.y + 9, w: 4, h: 5 });
  decorateLobby(world, byId("apartments"));
  const adam = byId("adam").rect, taylor = byId("taylor").rect;
  playground(world, rng, { x: adam.x + adam.w + 4, y: adam.y + 1, w: taylor.x - adam.x - adam.w - 8, h: 7 });
  meadowPond(world, rng, { x: store.x + 1, y: 5, w: 13, h: 6 });
}

/** Plants and mailboxes in the corners of the apartment lobby. */
function decorateLobby(world: World, b: PlacedBuilding): void {
  const r = b.rect;
  const spots: [string, number, number][] = [["mailboxes", r.x + 21, r.y + 14], ["plant", r.x + 29, r.y + 14], ["plant", r.x + 29, r.y + 10], ["bench", r.x + 22, r.y + 10]];
  for (const [id, x, y] of spots) if (world.free(x, y)) stampItem(world, id, x, y, 0);
}

/** Human spawn points: free sidewalk tiles nearest the town centre, a few tiles apart. */
export function addPlayerSpawns(world: World, cx: number, cy: number, count: number): void {
  const cells: [number, number, number][] = [];
  for (let y = 0; y < world.height; y++) for (let x = 0; x < world.width; x++) {
    const i = world.idx(x, y);
    if (world.terrain[i] === "sidewalk" && !world.blocked[i] && world.furniture[i] < 0 && world.foreground[i] < 0) cells.push([Math.hypot(x - cx, (y - cy) * 1.4), x, y]);
  }
  cells.sort((a, b) => a[0] - b[0] || a[2] - b[2] || a[1] - b[1]);
  const picked: [number, number][] = [];
  for (const [, x, y] of cells) {
    if (picked.length >= count) break;
    if (picked.some(([px, py]) => Math.abs(px - x) + Math.abs(py - y) < 4)) continue;
    picked.push([x, y]);
    world.spawns.push({ name: "player", x, y });
  }
}

/** Sheets for the residents (by slug) and the player looks player_1..player_N. */
export function paintCharacters(): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const [slug, look] of Object.entries(RESIDENTS)) out.set(slug, paintSheet(look).toPng());
  PLAYERS.forEach((look, i) => out.set(`player_${i + 1}`, paintSheet(look).toPng()));
  return out;
}
