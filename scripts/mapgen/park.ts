/**
 * Johnson Park: a hedged park with paths, a fountain plaza, a pond, benches and
 * trees, and a fenced community garden (its own arena) on the east side.
 */
import { Furnisher } from "./furnish";
import { placeBush, placeLamp, plantTree } from "./outdoors";
import { Rng } from "./rng";
import { Rect, World } from "./world";

export const PARK_SECTOR = "Johnson Park";

export function buildPark(world: World, rng: Rng, area: Rect, sector = PARK_SECTOR): void {
  const gardenW = 14;
  const park: Rect = { x: area.x, y: area.y, w: area.w - gardenW, h: area.h };
  const garden: Rect = { x: area.x + area.w - gardenW, y: area.y, w: gardenW, h: area.h };
  world.sectors.push({ name: sector, rect: area });
  const parkIdx = addOutdoorRoom(world, sector, "park", park);
  const gardenIdx = addOutdoorRoom(world, sector, "garden", garden);
  const cx = park.x + Math.floor(park.w / 2), cy = area.y + Math.floor(area.h / 2);
  hedgeRing(world, area, cx, cy);
  layPaths(world, area, park, garden, cx, cy);
  digPond(world, { x: park.x + 3, y: park.y + 2, w: 11, h: 7 });
  gardenFence(world, garden, cy);
  const f = new Furnisher(world, rng);
  if (!f.tryPlace(parkIdx, "fountain", cx - 1, cy - 1)) throw new Error("the fountain does not fit in the park");
  parkBenches(f, parkIdx, park, cx, cy);
  f.require(parkIdx, "picnic table", "free");
  f.place(parkIdx, "picnic table", "free");
  gardenBeds(f, gardenIdx, garden, cy);
  for (const [dx, dy] of [[-5, -4], [5, -4], [-5, 4], [5, 4]]) placeLamp(world, cx + dx, cy + dy);
  parkTrees(world, rng, park);
}

function addOutdoorRoom(world: World, sector: string, arena: string, rect: Rect): number {
  const idx = world.rooms.length;
  world.rooms.push({ sector, arena, kind: "outdoor", rect, floor: "oak", wallpaper: "cream", residents: [] });
  for (let y = rect.y; y < rect.y + rect.h; y++) for (let x = rect.x; x < rect.x + rect.w; x++) world.roomAt[world.idx(x, y)] = idx;
  return idx;
}

/** Hedge around the park with gates in the middle of each side. */
function hedgeRing(world: World, r: Rect, cx: number, cy: number): void {
  const gate = (x: number, y: number) => (Math.abs(x - cx) <= 1 && (y === r.y || y === r.y + r.h - 1)) || (Math.abs(y - cy) <= 1 && (x === r.x || x === r.x + r.w - 1));
  for (let x = r.x; x < r.x + r.w; x++) for (const y of [r.y, r.y + r.h - 1]) if (!gate(x, y)) world.setWall(x, y, { type: "hedge" });
  for (let y = r.y; y < r.y + r.h; y++) for (const x of [r.x, r.x + r.w - 1]) if (!gate(x, y)) world.setWall(x, y, { type: "hedge" });
}

function layPaths(world: World, area: Rect, park: Rect, garden: Rect, cx: number, cy: number): void {
  const pave = (x: number, y: number, t = "pavers") => { world.setTer(x, y, t); world.keepClear[world.idx(x, y)] = 1; };
  for (let x = area.x; x < garden.x; x++) for (let d = -1; d <= 1; d++) pave(x, cy + d);
  for (let y = area.y; y < area.y + area.h; y++) for (let d = -1; d <= 1; d++) pave(cx + d, y);
  // plaza around the fountain
  for (let y = cy - 3; y <= cy + 3; y++) for (let x = cx - 4; x <= cx + 4; x++) {
    if (Math.abs(x - cx) === 4 && Math.abs(y - cy) === 3) continue;
    world.setTer(x, y, "pavers");
    world.keepClear[world.idx(x, y)] = Math.abs(x - cx) <= 1 && Math.abs(y - cy) <= 1 ? 0 : 1;
  }
  // the garden's own dirt paths
  for (let x = garden.x; x < garden.x + garden.w; x++) for (let d = -1; d <= 1; d++) pave(x, cy + d, "dirt");
  const gx = garden.x + Math.floor(garden.w / 2);
  for (let y = garden.y + 1; y < garden.y + garden.h - 1; y++) pave(gx, y, "dirt");
  void park;
}

function digPond(world: World, r: Rect): void {
  const cx = r.x + r.w / 2, cy = r.y + r.h / 2;
  for (let y = r.y; y < r.y + r.h; y++) for (let x = r.x; x < r.x + r.w; x++) {
    const dx = (x + 0.5 - cx) / (r.w / 2), dy = (y + 0.5 - cy) / (r.h / 2);
    if (dx * dx + dy * dy <= 1) {
      world.setTer(x, y, "water");
      world.blocked[world.idx(x, y)] = 1;
    }
  }
}

/** Picket fence between the park and the garden, with a gate on the main path. */
function gardenFence(world: World, garden: Rect, cy: number): void {
  for (let y = garden.y + 1; y < garden.y + garden.h - 1; y++) {
    if (Math.abs(y - cy) <= 1) continue;
    world.setWall(garden.x, y, { type: "fence", style: "picket" });
  }
}

function parkBenches(f: Furnisher, ri: number, park: Rect, cx: number, cy: number): void {
  const spots: [number, number][] = [
    [cx - 9, cy - 2], [cx + 6, cy - 2], [cx - 9, cy + 2], [cx + 6, cy + 2],
    [cx - 3, cy - 6], [cx + 2, cy - 6], [cx - 3, cy + 5], [cx + 2, cy + 5],
    [park.x + 4, cy + 2], [park.x + 3, cy - 2],
  ];
  for (const [x, y] of spots) f.tryPlace(ri, "park bench", x, y);
  if (!f.world.objects.some((o) => o.kind === "park bench")) f.require(ri, "park bench", "any");
}

function gardenBeds(f: Furnisher, ri: number, g: Rect, cy: number): void {
  const gx = g.x + Math.floor(g.w / 2);
  for (let y = g.y + 2; y + 2 < g.y + g.h - 1; y += 3) {
    if (y + 1 >= cy - 1 && y <= cy + 1) continue;
    for (const x of [g.x + 2, gx - 3, gx + 2, g.x + g.w - 4]) f.tryPlace(ri, "garden bed", x, y);
  }
  if (!f.world.objects.some((o) => o.kind === "garden bed")) f.require(ri, "garden bed", "any");
}

function parkTrees(world: World, rng: Rng, park: Rect): void {
  const kinds = ["oak", "oak", "blossom", "maple", "birch"] as const;
  const cells: [number, number][] = [];
  for (let y = park.y + 3; y < park.y + park.h - 1; y++) for (let x = park.x + 2; x < park.x + park.w - 1; x++) cells.push([x, y]);
  let n = 0;
  for (const [x, y] of rng.shuffle(cells)) {
    if (n >= 16) break;
    if (plantTree(world, x, y, rng.pick(kinds), rng.int(0, 3))) n++;
  }
  for (const [x, y] of rng.shuffle(cells).slice(0, 60)) placeBush(world, x, y, rng.int(0, 2));
}
