/**
 * Trees, bushes, flowers and street furniture. Trunks and props block; tree
 * crowns go on the foreground layer so people walk under them. A tree is only
 * planted where its trunk leaves every neighbour walkable (no pockets) and its
 * crown stays off roofs-less interiors.
 */
import { TreeKind, bush, car, lampPost, smallTree, treeCanopy, treeTrunk } from "./art-nature";
import { item } from "./items";
import { Rng, noise } from "./rng";
import { Rect, World } from "./world";

const N8 = [[-1, -1], [0, -1], [1, -1], [-1, 0], [1, 0], [-1, 1], [0, 1], [1, 1]];

function overBuilding(world: World, x: number, y: number): boolean {
  if (!world.inside(x, y)) return false;
  const w = world.wallAt(x, y);
  return world.indoor[world.idx(x, y)] === 1 || (!!w && (w.type === "wall" || w.type === "facade")) || world.ter(x, y).startsWith("porch");
}

/** A spot for a solid 1x1 thing outdoors that cannot cut anything off. */
export function openSpot(world: World, x: number, y: number, grassOnly = true): boolean {
  if (!world.free(x, y)) return false;
  const t = world.ter(x, y);
  if (grassOnly && !t.startsWith("grass")) return false;
  if (world.roomAt[world.idx(x, y)] < 0 && world.indoor[world.idx(x, y)]) return false;
  return N8.every(([dx, dy]) => !world.inside(x + dx, y + dy) || (world.walkable(x + dx, y + dy) && world.furniture[world.idx(x + dx, y + dy)] < 0));
}

/** Big tree: trunk at (x, y), crown over x-1..x+1, y-2..y. */
export function plantTree(world: World, x: number, y: number, kind: TreeKind, v: number): boolean {
  if (!openSpot(world, x, y)) return false;
  for (let j = -2; j <= 0; j++) for (let i = -1; i <= 1; i++) {
    if (overBuilding(world, x + i, y + j) || overBuilding(world, x + i, y + j + 1)) return false;
    if (world.inside(x + i, y + j) && world.foreground[world.idx(x + i, y + j)] >= 0) return false;
  }
  const ts = world.tiles;
  const key = `canopy:${kind}:${v}`;
  for (let j = -2; j <= 0; j++) for (let i = -1; i <= 1; i++) {
    if (!world.inside(x + i, y + j)) continue;
    const t = ts.part(key, 3, 3, (c) => treeCanopy(c, kind, v), i + 1, j + 2);
    if (t >= 0) world.foreground[world.idx(x + i, y + j)] = t;
  }
  const i = world.idx(x, y);
  world.furniture[i] = ts.tile(`trunk:${kind}`, (c) => treeTrunk(c, kind));
  world.blocked[i] = 1;
  return true;
}

/** Slim tree for sidewalks and narrow yards: trunk at (x, y), crown at (x, y-1). */
export function plantSmallTree(world: World, x: number, y: number, kind: TreeKind, v: number, grassOnly = true): boolean {
  if (!openSpot(world, x, y, grassOnly) || overBuilding(world, x, y - 1)) return false;
  if (world.inside(x, y - 1) && world.foreground[world.idx(x, y - 1)] >= 0) return false;
  const key = `small:${kind}:${v}`;
  const ts = world.tiles;
  if (world.inside(x, y - 1)) world.foreground[world.idx(x, y - 1)] = ts.part(key, 1, 2, (c) => smallTree(c, kind, v), 0, 0);
  world.furniture[world.idx(x, y)] = ts.part(key, 1, 2, (c) => smallTree(c, kind, v), 0, 1);
  world.blocked[world.idx(x, y)] = 1;
  return true;
}

export function placeBush(world: World, x: number, y: number, v: number): boolean {
  if (!openSpot(world, x, y)) return false;
  world.furniture[world.idx(x, y)] = world.tiles.tile(`bush:${v}`, (c) => bush(c, v));
  world.blocked[world.idx(x, y)] = 1;
  return true;
}

/** Lamp post: post at (x, y), lantern on the foreground tile above. */
export function placeLamp(world: World, x: number, y: number): boolean {
  if (!openSpot(world, x, y, false) || (world.inside(x, y - 1) && world.foreground[world.idx(x, y - 1)] >= 0)) return false;
  const ts = world.tiles;
  if (world.inside(x, y - 1)) world.foreground[world.idx(x, y - 1)] = ts.part("lamp", 1, 2, lampPost, 0, 0);
  world.furniture[world.idx(x, y)] = ts.part("lamp", 1, 2, lampPost, 0, 1);
  world.blocked[world.idx(x, y)] = 1;
  return true;
}

/** Scatter trees in an area: candidates in random order, kept apart by `gap` tiles. */
export function scatterTrees(world: World, rng: Rng, area: Rect, count: number, kinds: TreeKind[], gap = 4): number {
  let planted = 0;
  const cells: [number, number][] = [];
  for (let y = area.y; y < area.y + area.h; y++) for (let x = area.x; x < area.x + area.w; x++) cells.push([x, y]);
  for (const [x, y] of rng.shuffle(cells)) {
    if (planted >= count) break;
    if (!spaced(world, x, y, gap)) continue;
    if (plantTree(world, x, y, rng.pick(kinds), rng.int(0, 3))) planted++;
  }
  return planted;
}

/** No other trunk or bush within gap tiles. */
function spaced(world: World, x: number, y: number, gap: number): boolean {
  for (let j = -gap; j <= gap; j++) for (let i = -gap; i <= gap; i++) {
    if (!world.inside(x + i, y + j)) continue;
    if (world.furniture[world.idx(x + i, y + j)] >= 0 && world.roomAt[world.idx(x + i, y + j)] < 0 && !world.indoor[world.idx(x + i, y + j)]) return false;
  }
  return true;
}

/** Trees along the map edge: a wooded frame around the town. */
export function borderForest(world: World, rng: Rng): void {
  const { width: W, height: H } = world;
  const edge: [number, number][] = [];
  for (let x = 1; x < W - 1; x += 3) edge.push([x, 1], [x, H - 1]);
  for (let y = 4; y < H - 1; y += 3) edge.push([0, y], [W - 1, y]);
  for (const [x, y] of edge) {
    const kind: TreeKind = rng.chance(0.35) ? "pine" : rng.chance(0.15) ? "maple" : "oak";
    plantTree(world, x + rng.int(0, 1) * (x === 0 ? 1 : x === W - 1 ? -1 : 0), y, kind, rng.int(0, 3)) || placeBush(world, x, y, rng.int(0, 2));
  }
}

/** Flower patches, tufts and pebbles on plain grass, in clusters. */
export function decorateGrass(world: World, rng: Rng): void {
  const colors = ["white", "yellow", "pink", "blue", "red", "mixed"];
  for (let y = 0; y < world.height; y++) for (let x = 0; x < world.width; x++) {
    if (world.ter(x, y) !== "grass") continue;
    const cluster = noise(x >> 2, y >> 2, 501);
    const r = rng.next();
    if (cluster > 0.82 && r < 0.45) world.setTer(x, y, `grass:flower-${colors[Math.floor(noise(x >> 3, y >> 3, 502) * colors.length)]}`);
    else if (r < 0.05) world.setTer(x, y, "grass:tuft");
    else if (r < 0.07) world.setTer(x, y, "grass:pebble");
  }
}

/** Lamps along sidewalks and a few parked cars at the curb. */
export function streetFurniture(world: World, rng: Rng, mainStreets: number[], crossStreets: [number, number, number][]): void {
  for (const y0 of mainStreets) {
    for (let x = 4; x < world.width - 2; x += 11) {
      placeLamp(world, x, y0) || placeLamp(world, x + 1, y0);
      placeLamp(world, x + 5, y0 + 7) || placeLamp(world, x + 6, y0 + 7);
    }
    for (let x = 6; x < world.width - 6; x += rng.int(9, 17)) parkCar(world, rng, x, y0 + (rng.chance(0.5) ? 2 : 5));
  }
  for (const [x0, y0, y1] of crossStreets) {
    for (let y = y0 + 2; y < y1 - 1; y += 8) { placeLamp(world, x0, y); placeLamp(world, x0 + 7, y + 4); }
    for (let y = y0 + 3; y < y1 - 3; y += rng.int(7, 12)) parkCarVertical(world, rng, x0 + (rng.chance(0.5) ? 2 : 5), y);
  }
}

function parkCar(world: World, rng: Rng, x: number, y: number): void {
  if (![0, 1].every((i) => world.ter(x + i, y).startsWith("road") && !world.ter(x + i, y).includes("zebra") && world.furniture[world.idx(x + i, y)] < 0)) return;
  if ([-1, 2].some((i) => world.ter(x + i, y).includes("zebra") || world.blocked[world.idx(x + i, y)])) return;
  const v = rng.int(0, 5);
  for (let i = 0; i < 2; i++) {
    world.furniture[world.idx(x + i, y)] = world.tiles.part(`car:h:${v}`, 2, 1, (c) => car(c, v, false), i, 0);
    world.blocked[world.idx(x + i, y)] = 1;
  }
}

function parkCarVertical(world: World, rng: Rng, x: number, y: number): void {
  if (![0, 1].every((j) => world.ter(x, y + j).startsWith("road") && !world.ter(x, y + j).includes("zebra"))) return;
  if ([-1, 2].some((j) => world.blocked[world.idx(x, y + j)])) return;
  const v = rng.int(0, 5);
  for (let j = 0; j < 2; j++) {
    world.furniture[world.idx(x, y + j)] = world.tiles.part(`car:v:${v}`, 1, 2, (c) => car(c, v, true), 0, j);
    world.blocked[world.idx(x, y + j)] = 1;
  }
}

/**
 * Decoration from the furniture catalogue outside any room (no object). Its
 * footprint must be free, and the ring of cells around it walkable and empty,
 * so it can never close a pocket.
 */
export function placeDecor(world: World, id: string, x: number, y: number, v = 0): boolean {
  const d = item(id);
  for (let j = -1; j <= d.h; j++) for (let i = -1; i <= d.w; i++) {
    const inside = i >= 0 && j >= 0 && i < d.w && j < d.h;
    const cx = x + i, cy = y + j;
    if (inside && (!world.free(cx, cy) || overBuilding(world, cx, cy) || world.foreground[world.idx(cx, cy)] >= 0)) return false;
    if (!inside && world.inside(cx, cy) && (!world.walkable(cx, cy) || world.furniture[world.idx(cx, cy)] >= 0)) return false;
  }
  stampItem(world, id, x, y, v);
  return true;
}

/** Put an item's tiles down without any check (callers know the spot is right). */
export function stampItem(world: World, id: string, x: number, y: number, v = 0): void {
  const d = item(id);
  for (let j = 0; j < d.h; j++) for (let i = 0; i < d.w; i++) {
    const t = world.tiles.part(`item:${id}:${v}`, d.w, d.h, (c) => d.paint(c, v), i, j);
    const k = world.idx(x + i, y + j);
    if (t >= 0) world.furniture[k] = t;
    if (d.solid) world.blocked[k] = 1;
  }
}
