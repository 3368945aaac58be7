/**
 * Where everything of the city goes, as numbers only (no pixels), so the
 * scenario generator can read it cheaply: a grid of street blocks, each with a
 * north and a south row of lots; six districts of 2 x 3 blocks; in each, the
 * public places (park, school or college, two offices, market, cafe, pub,
 * supply store, the college's dorm) on the rows nearest its centre, and homes
 * filling every row. Same seed, same layout.
 */
import { templateById } from "./plans-city";
import { Rng } from "./rng";
import { STREET } from "./streets";

export const CITY = {
  blockCols: 6,
  blockRows: 8,
  /** Inner size of a block (between the sidewalks around it). */
  blockW: 100,
  blockH: 40,
  margin: 4,
  /** Districts across and down; each holds (blockCols / districtCols) x (blockRows / districtRows) blocks. */
  districtCols: 3,
  districtRows: 2,
} as const;

/** A row of lots is half a block deep. */
export const ROW_H = CITY.blockH / 2;
export const PARK_W = 52;

export const CITY_W = 2 * CITY.margin + (CITY.blockCols + 1) * STREET + CITY.blockCols * CITY.blockW;
export const CITY_H = 2 * CITY.margin + (CITY.blockRows + 1) * STREET + CITY.blockRows * CITY.blockH;

export type PublicKind = "park" | "school" | "dorm" | "office" | "market" | "cafe" | "pub" | "supply";

export interface LotRow {
  id: number;
  district: number;
  x: number;
  y: number;
  w: number;
  /** Side of the street the row's front doors face. */
  facing: "north" | "south";
}

export type LotUse = { type: "public"; kind: PublicKind; index: number } | { type: "home"; template: string };

export interface Lot {
  id: number;
  row: number;
  district: number;
  /** Top-left of the building (or the park), in tiles. */
  x: number;
  y: number;
  w: number;
  h: number;
  flipX: boolean;
  flipY: boolean;
  use: LotUse;
}

export interface CityLayout {
  width: number;
  height: number;
  /** Top sidewalk rows of the horizontal streets, left columns of the vertical ones. */
  streetsY: number[];
  streetsX: number[];
  rows: LotRow[];
  lots: Lot[];
}

/** Width and height (without the facade row) of a public building's plan. */
const PUBLIC_SIZE: Record<Exclude<PublicKind, "park">, [number, number]> = {
  school: [35, 14], dorm: [31, 16], office: [39, 15], market: [27, 9], cafe: [21, 13], pub: [23, 10], supply: [16, 9],
};

/** Home templates and how often each is tried when filling a row. */
const HOME_MIX: [string, number][] = [
  ["apartments-9", 6], ["apartments-7", 3], ["family", 4], ["family-wide", 2], ["family-small", 2], ["couple", 2], ["cottage", 1], ["cottage-b", 1], ["shared", 1],
];

export function districtOf(blockCol: number, blockRow: number): number {
  const dc = CITY.blockCols / CITY.districtCols, dr = CITY.blockRows / CITY.districtRows;
  return Math.floor(blockRow / dr) * CITY.districtCols + Math.floor(blockCol / dc);
}

export function planLayout(seed: number, colleges: boolean[]): CityLayout {
  const rng = new Rng(seed).fork("city-layout");
  const streetsY = Array.from({ length: CITY.blockRows + 1 }, (_, i) => CITY.margin + i * (STREET + CITY.blockH));
  const streetsX = Array.from({ length: CITY.blockCols + 1 }, (_, j) => CITY.margin + j * (STREET + CITY.blockW));
  const rows: LotRow[] = [];
  for (let i = 0; i < CITY.blockRows; i++) for (let j = 0; j < CITY.blockCols; j++) {
    const x = streetsX[j] + STREET, y = streetsY[i] + STREET, district = districtOf(j, i);
    rows.push({ id: rows.length, district, x, y, w: CITY.blockW, facing: "north" });
    rows.push({ id: rows.length, district, x, y: y + ROW_H, w: CITY.blockW, facing: "south" });
  }
  const lots: Lot[] = [];
  const cursor = rows.map((r) => r.x + 2);
  const end = (r: LotRow) => r.x + r.w - 2;
  const put = (r: LotRow, w: number, h: number, use: LotUse, flipX = false) => {
    const x = cursor[r.id];
    const park = use.type === "public" && use.kind === "park";
    const y = park ? r.y : r.facing === "north" ? r.y + 2 : r.y + ROW_H - 2 - h;
    lots.push({ id: lots.length, row: r.id, district: r.district, x, y, w, h, flipX, flipY: !park && r.facing === "north", use });
    cursor[r.id] = x + w + 3 + (park ? 0 : rng.int(0, 2));
  };
  const districts = CITY.districtCols * CITY.districtRows;
  for (let d = 0; d < districts; d++) {
    const mine = rows.filter((r) => r.district === d);
    const cx = mine.reduce((s, r) => s + r.x + r.w / 2, 0) / mine.length, cy = mine.reduce((s, r) => s + r.y + ROW_H / 2, 0) / mine.length;
    // Shops want their display windows to the street: south-facing rows first at equal distance.
    const central = [...mine].sort((a, b) => dist(a, cx, cy) - dist(b, cx, cy) || (a.facing === "south" ? -1 : 1) - (b.facing === "south" ? -1 : 1) || a.id - b.id);
    const publics: [PublicKind, number][] = [["park", 0], ["school", 0], ...(colleges[d] ? [["dorm", 0] as [PublicKind, number]] : []), ["office", 0], ["office", 1], ["market", 0], ["cafe", 0], ["pub", 0], ["supply", 0]];
    for (const [kind, index] of publics) {
      const [w, h] = kind === "park" ? [PARK_W, ROW_H] : PUBLIC_SIZE[kind];
      const row = central.find((r) => end(r) - cursor[r.id] >= w);
      if (!row) throw new Error(`district ${d}: no room for the ${kind}`);
      put(row, w, h, { type: "public", kind, index });
    }
    for (const r of mine) {
      for (;;) {
        const fits = HOME_MIX.filter(([id]) => end(r) - cursor[r.id] >= templateById(id).width);
        if (fits.length === 0) break;
        const total = fits.reduce((s, [, wgt]) => s + wgt, 0);
        let pick = rng.next() * total;
        const [id] = fits.find(([, wgt]) => (pick -= wgt) < 0) ?? fits[fits.length - 1];
        const t = templateById(id);
        put(r, t.width, t.height, { type: "home", template: id }, t.kind !== "apartments" && rng.chance(0.5));
      }
    }
  }
  lots.sort((a, b) => a.row - b.row || a.x - b.x);
  lots.forEach((l, i) => (l.id = i));
  return { width: CITY_W, height: CITY_H, streetsY, streetsX, rows, lots };
}

function dist(r: LotRow, cx: number, cy: number): number {
  return Math.hypot(r.x + r.w / 2 - cx, r.y + ROW_H / 2 - cy);
}
