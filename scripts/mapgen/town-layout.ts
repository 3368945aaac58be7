/**
 * Where everything goes: three bands of lots between two main streets, cross
 * streets in the middle band, footpath lanes in the outer bands, and the
 * position and orientation of every building.
 */
import { PLANS } from "./building-plans";
import { PlacedBuilding, stampBuilding } from "./buildings";
import { horizontalStreet, junction, pathFromDoor, verticalStreet } from "./streets";
import { Rect, World } from "./world";

export const MAP_W = 160;
export const MAP_H = 100;

/** Top sidewalk rows of the two main streets, and left columns of the cross streets. */
export const MAIN_STREETS = [31, 66];
export const CROSS_STREETS = [28, 88];

export interface Lot {
  plan: string;
  x: number;
  y: number;
  flipX?: boolean;
  flipY?: boolean;
  /** Path surface from the front door to the street. */
  path: "pavers" | "dirt";
}

/** Top-left corners after mirroring; heights: see building-plans.ts. */
export const LOTS: Lot[] = [
  // band 1 (north of the first main street): the college, its dorm, the artists, the store
  { plan: "college", x: 4, y: 9, path: "pavers" },
  { plan: "dorm", x: 52, y: 11, path: "pavers" },
  { plan: "coliving", x: 96, y: 11, path: "pavers" },
  { plan: "supply", x: 132, y: 20, path: "pavers" },
  // band 2: the cafe, the pub over the market, the apartment block
  { plan: "cafe", x: 4, y: 52, path: "pavers" },
  { plan: "pub", x: 98, y: 41, flipY: true, path: "pavers" },
  { plan: "market", x: 97, y: 56, path: "pavers" },
  { plan: "apartments", x: 127, y: 48, path: "pavers" },
  // band 3 (south of the second main street): family homes facing north
  { plan: "lin", x: 4, y: 76, flipY: true, path: "dirt" },
  { plan: "moreno", x: 24, y: 76, flipY: true, flipX: true, path: "dirt" },
  { plan: "moore", x: 51, y: 76, flipY: true, path: "dirt" },
  { plan: "adam", x: 72, y: 76, flipY: true, flipX: true, path: "dirt" },
  { plan: "taylor", x: 103, y: 76, flipY: true, path: "dirt" },
  { plan: "yuriko", x: 130, y: 76, flipY: true, path: "dirt" },
];

export const PARK: Rect = { x: 38, y: 41, w: 48, h: 23 };

export function layStreets(world: World): void {
  const [h1, h2] = MAIN_STREETS;
  horizontalStreet(world, h1, 0, MAP_W - 1);
  horizontalStreet(world, h2, 0, MAP_W - 1);
  for (const vx of CROSS_STREETS) {
    verticalStreet(world, vx, h1 + 8, h2 - 1);
    junction(world, vx, h1, true);
    junction(world, vx, h2, false);
  }
}

export function placeBuildings(world: World): PlacedBuilding[] {
  const placed = LOTS.map((lot) => {
    const plan = PLANS.find((p) => p.id === lot.plan);
    if (!plan) throw new Error(`no plan ${lot.plan}`);
    return stampBuilding(world, plan, lot.x, lot.y, lot.flipX, lot.flipY);
  });
  const footprints = placed.map((b) => grow(b.footprint, 1));
  placed.forEach((b, i) => {
    for (const d of b.frontDoors) pathFromDoor(world, d, LOTS[i].path, footprints);
  });
  return placed;
}

export function grow(r: Rect, k: number): Rect {
  return { x: r.x - k, y: r.y - k, w: r.w + 2 * k, h: r.h + 2 * k };
}
