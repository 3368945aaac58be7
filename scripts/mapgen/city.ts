/**
 * The city map: the layout and people of city-layout.ts and city-people.ts
 * built with the Ville's own parts (streets, plans, furnishing, parks, trees,
 * the same painters), written as maps/city/city.json with its own tileset and
 * a character sheet for each of its residents. Same seed, same bytes.
 */
import { Canvas } from "./canvas";
import { BuildingPlan } from "./building-plans";
import { grow } from "./town-layout";
import { PlacedBuilding, stampBuilding } from "./buildings";
import { paintSheet } from "./character-painter";
import { lookFor } from "./city-looks";
import { CITY_SEED, CITY_WORLD, City, Household, planCity, roomExtras } from "./city-people";
import { slugOf } from "../../shared/constants";
import { Lot } from "./city-layout";
import { addPlayerSpawns } from "./generate";
import { furnishInteriors } from "./interiors";
import { borderForest, decorateGrass, placeBush, placeDecor, plantSmallTree, scatterTrees, streetFurniture } from "./outdoors";
import { buildPark } from "./park";
import { apartmentPlan, homePlan, officePlan, renamedPlan, templateById } from "./plans-city";
import { renderGround, renderWalls } from "./render-layers";
import { Rng } from "./rng";
import { STREET, horizontalStreet, junction, pathFromDoor, verticalStreet } from "./streets";
import { writeTiledJson } from "./tiled-writer";
import { Tileset } from "./tileset";
import { checkReachable } from "./validate";
import { Rect, World } from "./world";

export interface GeneratedCity {
  mapJson: string;
  tilesetPng: Buffer;
  characters: Map<string, Buffer>;
  world: World;
  city: City;
}

export interface CityWorld {
  world: World;
  city: City;
  plans: BuildingPlan[];
}

export function buildCityWorld(seed = CITY_SEED): CityWorld {
  const city = planCity(seed);
  const rng = new Rng(seed);
  const { layout } = city;
  const world = new World(layout.width, layout.height, new Tileset(), CITY_WORLD);
  // The collision tile first: gid 1 keeps the collision layer's text short.
  collisionTileOf(world.tiles);
  layStreets(world, city);
  const parks: Rect[] = [];
  for (const lot of layout.lots) {
    if (lot.use.type !== "public" || lot.use.kind !== "park") continue;
    const area = { x: lot.x, y: lot.y, w: lot.w, h: lot.h };
    buildPark(world, rng.fork(`park ${lot.id}`), area, city.districts[lot.district].park);
    parks.push(area);
  }
  const plans: BuildingPlan[] = [];
  const placed: [Lot, PlacedBuilding][] = [];
  for (const lot of layout.lots) {
    const plan = planFor(city, lot);
    if (!plan) continue;
    plans.push(plan);
    placed.push([lot, stampBuilding(world, plan, lot.x, lot.y, lot.flipX, lot.flipY)]);
  }
  const avoid = [...placed.map(([, b]) => grow(b.footprint, 1)), ...parks.map((p) => grow(p, 1))];
  for (const [lot, b] of placed) for (const d of b.frontDoors) pathFromDoor(world, d, lot.use.type === "home" && lot.use.template !== "dorm" && !lot.use.template.startsWith("apartments") ? "dirt" : "pavers", avoid);
  checkUniqueSectors(world);
  furnishInteriors(world, rng.fork("interiors"), plans);
  yards(world, rng.fork("yards"), placed);
  streetFurniture(world, rng.fork("street"), layout.streetsY, crossStreets(city));
  borderForest(world, rng.fork("border"));
  scatterTrees(world, rng.fork("trees"), { x: 1, y: 1, w: world.width - 2, h: world.height - 2 }, 900, ["oak", "oak", "maple", "birch", "pine", "fruit", "blossom"]);
  decorateGrass(world, rng.fork("grass"));
  addPlayerSpawns(world, world.width / 2, world.height / 2, 8);
  checkReachable(world);
  return { world, city, plans };
}

export function generateCity(seed = CITY_SEED): GeneratedCity {
  const { world, city } = buildCityWorld(seed);
  const tiles = world.tiles;
  const collisionTile = collisionTileOf(tiles);
  const ground = renderGround(world);
  const walls = renderWalls(world);
  const atlas = tiles.build();
  const mapJson = writeTiledJson(world, { ground, walls, furniture: world.furniture, foreground: world.foreground, collisionTile }, atlas, "tileset.png", { tilesetName: "city", compactObjects: true });
  return { mapJson, tilesetPng: atlas.png, characters: paintCityCharacters(city), world, city };
}

function collisionTileOf(tiles: Tileset): number {
  const id = tiles.tile("collision", (c: Canvas) => c.rect(0, 0, 32, 32, 0xff0000, 110));
  tiles.setProperties(id, { collides: true });
  return id;
}

/** A sheet per resident, by slug; a look that repeats another is drawn again. */
export function paintCityCharacters(city: City): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const seen = new Set<string>();
  for (const p of city.people) {
    let look = lookFor(p);
    for (let k = 1; seen.has(JSON.stringify(look)); k++) look = lookFor(p, k);
    seen.add(JSON.stringify(look));
    out.set(slugOf(p.name), paintSheet(look).toPng());
  }
  return out;
}

function layStreets(world: World, city: City): void {
  const { streetsY, streetsX } = city.layout;
  const x0 = streetsX[0], x1 = streetsX[streetsX.length - 1] + STREET - 1;
  for (const y of streetsY) horizontalStreet(world, y, x0, x1);
  for (let i = 0; i + 1 < streetsY.length; i++) for (const x of streetsX) verticalStreet(world, x, streetsY[i] + STREET, streetsY[i + 1] - 1);
  streetsY.forEach((y, i) => {
    for (const x of streetsX) {
      if (i + 1 < streetsY.length) junction(world, x, y, true);
      if (i > 0) junction(world, x, y, false);
    }
  });
}

function crossStreets(city: City): [number, number, number][] {
  const { streetsY, streetsX } = city.layout;
  const out: [number, number, number][] = [];
  for (let i = 0; i + 1 < streetsY.length; i++) for (const x of streetsX) out.push([x, streetsY[i] + STREET, streetsY[i + 1]]);
  return out;
}

function planFor(city: City, lot: Lot): BuildingPlan | null {
  const id = `lot-${lot.id}`;
  const d = city.districts[lot.district];
  if (lot.use.type === "public") {
    switch (lot.use.kind) {
      case "park": return null;
      case "cafe": return renamedPlan("cafe", id, d.cafe);
      case "pub": return renamedPlan("pub", id, d.pub);
      case "market": return renamedPlan("market", id, d.market);
      case "supply": return renamedPlan("supply", id, d.supply);
      case "school": return renamedPlan("college", id, d.school);
      case "office": return officePlan(id, d.offices[lot.use.index], lot.id);
      case "dorm": return householdPlan(city, lot, id, "dorm");
    }
  }
  return householdPlan(city, lot, id, lot.use.template);
}

function householdPlan(city: City, lot: Lot, id: string, template: string): BuildingPlan {
  const t = templateById(template);
  const hs = (city.byLot.get(lot.id) ?? []).map((h) => city.households[h]);
  if (t.kind === "apartments") {
    const tenants = hs.map((h) => city.people[h.members[0]].name);
    return apartmentPlan(t.min, id, tenants, hs.map((h) => roomExtras(city, h.members)), lot.id);
  }
  const h: Household = hs[0];
  const sleepers = h.rooms.map((ids) => (ids.length === 0 ? null : { arena: city.people[ids[0]].home.arena, names: ids.map((i) => city.people[i].name) }));
  return homePlan(t, id, h.sector, sleepers, h.rooms.map((ids) => roomExtras(city, ids)), lot.id);
}

function checkUniqueSectors(world: World): void {
  const seen = new Set<string>();
  for (const s of world.sectors) {
    if (seen.has(s.name)) throw new Error(`two sectors are called ${s.name}`);
    seen.add(s.name);
  }
}

const FLOWERS = ["yellow", "pink", "white", "blue", "red", "mixed"];

/** Flowers along the front of every home, bushes and a small tree or a bench behind. */
function yards(world: World, rng: Rng, placed: [Lot, PlacedBuilding][]): void {
  for (const [lot, b] of placed) {
    if (lot.use.type !== "home") continue;
    const f = b.footprint;
    const front = lot.flipY ? f.y - 1 : f.y + f.h;
    const flower = rng.pick(FLOWERS);
    for (let x = f.x; x < f.x + f.w; x++) if (world.ter(x, front) === "grass" && rng.chance(0.7)) world.setTer(x, front, `grass:flower-${flower}`);
    const back = lot.flipY ? f.y + f.h + 1 : f.y - 2;
    const spots = rng.shuffle(Array.from({ length: f.w - 2 }, (_, i) => f.x + 1 + i));
    let items = 0;
    for (const x of spots) {
      if (items >= 3) break;
      const r = rng.next();
      const ok = r < 0.3 ? plantSmallTree(world, x, back, rng.pick(["fruit", "birch", "blossom"] as const), rng.int(0, 3)) : r < 0.45 ? placeDecor(world, "bench", x, back, rng.int(0, 1)) : placeBush(world, x, back, rng.int(0, 2));
      if (ok) items++;
    }
  }
}
