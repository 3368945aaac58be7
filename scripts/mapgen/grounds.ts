/**
 * The grounds around buildings: fenced front yards and back gardens for the
 * family homes, the college lawn, the cafe terrace, the apartments' car park,
 * the store's lumber yard and the dorm's bikes.
 */
import { PlacedBuilding } from "./buildings";
import { placeBush, placeDecor, plantSmallTree, plantTree, stampItem } from "./outdoors";
import { Rng } from "./rng";
import { Rect, World, WallCell } from "./world";
import { car } from "./art-nature";

type Theme = { fence: WallCell; items: string[]; trees: number; pond?: boolean };

const THEMES: Record<string, Theme> = {
  lin: { fence: { type: "fence", style: "picket" }, items: ["veggie bed", "veggie bed", "bench", "bbq"], trees: 1 },
  moreno: { fence: { type: "fence", style: "rail" }, items: ["patio table", "bbq", "shed", "flower box", "flower box"], trees: 1 },
  moore: { fence: { type: "fence", style: "picket" }, items: ["veggie bed", "veggie bed", "veggie bed", "shed", "swing"], trees: 1 },
  adam: { fence: { type: "hedge" }, items: ["bench", "flower box"], trees: 1 },
  taylor: { fence: { type: "fence", style: "picket" }, items: ["patio table", "swing", "flower box", "flower box", "veggie bed"], trees: 1 },
  yuriko: { fence: { type: "fence", style: "iron" }, items: ["bench", "planter", "planter"], trees: 1, pond: true },
};

const FLOWERS = ["yellow", "pink", "white", "blue", "red", "mixed"];

/** Front fence along the sidewalk with a gate at the path, flowers behind it, a fenced back garden. */
export function houseYards(world: World, rng: Rng, houses: PlacedBuilding[], bottomY: number): void {
  for (const h of houses) {
    const theme = THEMES[h.plan.id];
    if (!theme) continue;
    const b = h.rect;
    frontYard(world, rng, b, theme);
    const top = h.footprint.y + h.footprint.h + 1;
    const garden: Rect = { x: b.x + 1, y: top, w: b.w - 2, h: bottomY - top + 1 };
    if (garden.h >= 5) backGarden(world, rng, garden, theme);
  }
}

function frontYard(world: World, rng: Rng, b: Rect, theme: Theme): void {
  const fenceY = b.y - 2, flowerY = b.y - 1;
  const flower = rng.pick(FLOWERS);
  let mailboxDone = false;
  for (let x = b.x - 1; x <= b.x + b.w; x++) {
    const t = world.ter(x, fenceY);
    if (t === "dirt" || t === "pavers") continue;
    const nextToGate = world.ter(x - 1, fenceY) === "dirt";
    if (nextToGate && !mailboxDone) {
      stampItem(world, "mailbox", x, fenceY, rng.int(0, 2));
      mailboxDone = true;
    } else world.setWall(x, fenceY, theme.fence);
  }
  for (let x = b.x; x < b.x + b.w; x++) {
    if (world.ter(x, flowerY).startsWith("grass") && rng.chance(0.75)) world.setTer(x, flowerY, `grass:flower-${flower}`);
  }
}

function backGarden(world: World, rng: Rng, g: Rect, theme: Theme): void {
  const gate = g.x + Math.floor(g.w / 2);
  for (let x = g.x; x < g.x + g.w; x++) {
    if (x !== gate && x !== gate - 1) world.setWall(x, g.y, theme.fence);
    world.setWall(x, g.y + g.h - 1, theme.fence);
  }
  for (let y = g.y; y < g.y + g.h; y++) { world.setWall(g.x, y, theme.fence); world.setWall(g.x + g.w - 1, y, theme.fence); }
  const inner: Rect = { x: g.x + 1, y: g.y + 1, w: g.w - 2, h: g.h - 2 };
  for (let x = gate - 1; x <= gate; x++) world.setTer(x, g.y, "dirt");
  if (theme.pond) pond(world, inner);
  for (const id of theme.items) tryIn(world, rng, inner, id);
  let trees = 0;
  for (const [x, y] of rng.shuffle(cells(inner))) {
    if (trees >= theme.trees) break;
    if (plantTree(world, x, y, rng.pick(["fruit", "blossom", "oak"]), rng.int(0, 3)) || plantSmallTree(world, x, y, "fruit", rng.int(0, 3))) trees++;
  }
  for (const [x, y] of rng.shuffle(cells(inner)).slice(0, 6)) placeBush(world, x, y, rng.int(0, 2));
}

/** A little pond with stepping space around it. */
function pond(world: World, r: Rect): void {
  const x0 = r.x + r.w - 5, y0 = r.y + 1;
  for (let y = y0; y < y0 + 2; y++) for (let x = x0; x < x0 + 3; x++) {
    world.setTer(x, y, "water");
    world.blocked[world.idx(x, y)] = 1;
  }
}

function cells(r: Rect): [number, number][] {
  const out: [number, number][] = [];
  for (let y = r.y; y < r.y + r.h; y++) for (let x = r.x; x < r.x + r.w; x++) out.push([x, y]);
  return out;
}

/** Try an item at random spots of an area; true when it found a place. */
function tryIn(world: World, rng: Rng, area: Rect, id: string, v = -1): boolean {
  for (const [x, y] of rng.shuffle(cells(area))) if (placeDecor(world, id, x, y, v >= 0 ? v : rng.int(0, 2))) return true;
  return false;
}

/** Paved forecourt of the college with its founder's statue, benches and planters. */
export function collegeLawn(world: World, rng: Rng, college: PlacedBuilding): void {
  const f = college.footprint;
  const door = college.frontDoors[0];
  const plaza: Rect = { x: door.x - 7, y: f.y + f.h, w: 17, h: 3 };
  for (const [x, y] of cells(plaza)) if (world.ter(x, y).startsWith("grass")) world.setTer(x, y, "pavers");
  placeDecor(world, "statue", plaza.x + 1, plaza.y + 3) || tryIn(world, rng, { x: plaza.x, y: plaza.y + 3, w: 5, h: 3 }, "statue");
  placeDecor(world, "bench", plaza.x + 3, plaza.y + 1);
  placeDecor(world, "bench", plaza.x + plaza.w - 5, plaza.y + 1);
  for (const x of [plaza.x, plaza.x + plaza.w - 1]) placeDecor(world, "planter", x, plaza.y + 1, rng.int(0, 2));
  for (let x = f.x + 1; x < f.x + f.w - 1; x++) if (world.ter(x, f.y + f.h).startsWith("grass")) world.setTer(x, f.y + f.h, "grass:flower-mixed");
  for (let y = plaza.y + 4; y < 30; y += 3) { plantSmallTree(world, door.x - 3, y, "birch", rng.int(0, 3)); plantSmallTree(world, door.x + 4, y, "birch", rng.int(0, 3)); }
}

/** A terrace behind the cafe: paving, parasol tables, planters. */
export function cafeTerrace(world: World, rng: Rng, area: Rect): void {
  for (const [x, y] of cells(area)) world.setTer(x, y, "pavers");
  for (let y = area.y + 1; y < area.y + area.h - 1; y += 3) for (let x = area.x + 1; x < area.x + area.w - 1; x += 3) placeDecor(world, "parasol table", x, y, rng.int(0, 2));
  for (const [x, y] of [[area.x, area.y], [area.x + area.w - 1, area.y], [area.x, area.y + area.h - 1], [area.x + area.w - 1, area.y + area.h - 1]]) placeDecor(world, "planter", x, y, rng.int(0, 2));
}

/** Car park: stalls along the top and bottom rows, cars in most of them. */
export function carPark(world: World, rng: Rng, area: Rect): void {
  for (const [x, y] of cells(area)) world.setTer(x, y, "road");
  const stallRows = [area.y, area.y + area.h - 2];
  for (const y of stallRows) {
    for (let x = area.x + 1; x < area.x + area.w - 1; x++) {
      world.setTer(x, y, "road:stall");
      world.setTer(x, y + 1, "road:stall");
      if (!rng.chance(0.55)) continue;
      const v = rng.int(0, 5);
      for (let j = 0; j < 2; j++) {
        world.furniture[world.idx(x, y + j)] = world.tiles.part(`car:v:${v}`, 1, 2, (c) => car(c, v, true), 0, j);
        world.blocked[world.idx(x, y + j)] = 1;
      }
      x++;
    }
  }
}

/** Lumber and crates in the store's side yard. */
export function lumberYard(world: World, rng: Rng, area: Rect): void {
  for (const [x, y] of cells(area)) world.setTer(x, y, "dirt");
  for (let k = 0; k < 3; k++) tryIn(world, rng, area, "lumber");
  for (let k = 0; k < 3; k++) tryIn(world, rng, area, "crates");
}

/** Bikes by a door. */
export function bikesBy(world: World, rng: Rng, area: Rect): void {
  tryIn(world, rng, area, "bike rack");
}

/** A sandy playground: swings, a slide, benches for the parents. */
export function playground(world: World, rng: Rng, area: Rect): void {
  for (const [x, y] of cells(area)) world.setTer(x, y, "sand");
  const inner: Rect = { x: area.x + 1, y: area.y + 1, w: area.w - 2, h: area.h - 2 };
  tryIn(world, rng, inner, "swing", 0);
  tryIn(world, rng, inner, "swing", 1);
  tryIn(world, rng, inner, "slide");
  for (const x of [area.x + 1, area.x + area.w - 3]) placeDecor(world, "bench", x, area.y + area.h + 1, 1);
  for (const [x, y] of [[area.x - 2, area.y], [area.x + area.w + 1, area.y + area.h - 1]]) plantTree(world, x, y, "oak", rng.int(0, 3));
}

/** A pond in a meadow with benches facing it. */
export function meadowPond(world: World, rng: Rng, r: Rect): void {
  const cx = r.x + r.w / 2, cy = r.y + r.h / 2;
  for (let y = r.y; y < r.y + r.h; y++) for (let x = r.x; x < r.x + r.w; x++) {
    const dx = (x + 0.5 - cx) / (r.w / 2), dy = (y + 0.5 - cy) / (r.h / 2);
    const wobble = Math.sin(x * 1.3) * 0.12 + Math.cos(y * 1.7) * 0.1;
    if (dx * dx + dy * dy <= 1 + wobble) { world.setTer(x, y, "water"); world.blocked[world.idx(x, y)] = 1; }
  }
  placeDecor(world, "bench", Math.round(cx) - 1, r.y + r.h + 1, 0);
  placeDecor(world, "bench", r.x - 3, Math.round(cy), 1);
  for (const [x, y] of rng.shuffle(cells({ x: r.x - 4, y: r.y - 2, w: r.w + 8, h: r.h + 5 })).slice(0, 40)) placeBush(world, x, y, rng.int(0, 2));
}
