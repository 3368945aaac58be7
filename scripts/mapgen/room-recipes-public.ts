/**
 * Furnishing the public rooms: classrooms and halls in rows, the library in
 * aisles, the cafe and pub with tables and chairs, shops with shelves.
 */
import { Furnisher } from "./furnish";

type Recipe = (f: Furnisher, ri: number) => void;

const room = (f: Furnisher, ri: number) => f.world.rooms[ri].rect;

/** Blackboard centred on the north wall, or wherever the north wall allows. */
function blackboardNorth(f: Furnisher, ri: number): void {
  const r = room(f, ri);
  const cx = r.x + Math.floor((r.w - 3) / 2);
  if (!f.tryPlace(ri, "blackboard", cx, r.y) && !f.tryPlace(ri, "blackboard", cx + 1, r.y)) f.require(ri, "blackboard", "n");
}

const classroom: Recipe = (f, ri) => {
  const r = room(f, ri);
  blackboardNorth(f, ri);
  f.tryPlace(ri, "desk", r.x + r.w - 2, r.y + 1) || f.require(ri, "desk", "wall");
  for (let y = r.y + 3; y < r.y + r.h; y += 2) for (let x = r.x + 1; x < r.x + r.w - 1; x += 3) f.tryPlace(ri, "classroom desk", x, y);
  f.place(ri, "bookshelf", "n");
  f.place(ri, "plant", "corner");
};

const lectureHall: Recipe = (f, ri) => {
  const r = room(f, ri);
  blackboardNorth(f, ri);
  const cx = r.x + Math.floor(r.w / 2);
  if (!f.tryPlace(ri, "podium", cx, r.y + 2)) f.require(ri, "podium", "free");
  for (let y = r.y + 4; y < r.y + r.h - 1; y += 2) for (let x = r.x + 1; x + 3 <= r.x + r.w - 1; x += 4) f.tryPlace(ri, "lecture desk", x, y);
  f.place(ri, "plant", "corner");
  f.place(ri, "plant", "corner");
  f.place(ri, "piano", "n");
};

const library: Recipe = (f, ri) => {
  const r = room(f, ri);
  for (const y of [r.y, r.y + 3]) for (let x = r.x; x + 2 <= r.x + r.w; x += 2) f.tryPlace(ri, "library shelf", x, y);
  const t = f.place(ri, "library table", "free") ?? f.require(ri, "library table", "any");
  f.chairsAround(ri, t, "ew");
  const t2 = f.place(ri, "library table", "free");
  if (t2) f.chairsAround(ri, t2, "ew");
  f.place(ri, "computer desk", "wall");
  f.place(ri, "armchair", "wall");
  f.place(ri, "plant", "corner");
  if (!f.world.objects.some((o) => o.kind === "library shelf")) f.require(ri, "library shelf", "wall");
};

const hallway: Recipe = (f, ri) => {
  const r = room(f, ri);
  for (let x = r.x + 2; x < r.x + r.w - 2; x += 7) f.tryPlace(ri, "plant", x, r.y + r.h - 1);
  f.place(ri, "park bench", "s");
  f.place(ri, "trash can", "corner");
};

const cafe: Recipe = (f, ri) => {
  const r = room(f, ri);
  const counter = f.place(ri, "cafe counter", "n") ?? f.require(ri, "cafe counter", "wall");
  f.tryPlace(ri, "coffee machine", counter.x + counter.w, counter.y) || f.tryPlace(ri, "coffee machine", counter.x - 1, counter.y) || f.require(ri, "coffee machine", "n");
  f.place(ri, "pastry case", "n");
  f.require(ri, "piano", "n");
  for (let y = r.y + 2; y < r.y + r.h - 1; y += 2) {
    for (let x = r.x + 1 + ((y - r.y) % 4 === 0 ? 1 : 0); x < r.x + r.w - 1; x += 3) {
      if (f.tryPlace(ri, "cafe table", x, y)) f.chairsAround(ri, { x, y, w: 1, h: 1 }, "ew");
    }
  }
  f.place(ri, "plant", "corner");
  f.place(ri, "plant", "corner");
};

const cafeKitchen: Recipe = (f, ri) => {
  f.require(ri, "refrigerator", "n");
  f.require(ri, "stove", "n");
  f.place(ri, "stove", "n");
  f.require(ri, "kitchen sink", "n");
  for (let k = 0; k < 4; k++) f.place(ri, "counter", "n");
  const t = f.place(ri, "dining table", "free");
  if (!t) f.place(ri, "counter", "s");
  f.place(ri, "crates", "corner");
};

/** A raised stage in the south-west corner with the microphone on it. */
function stage(f: Furnisher, ri: number): void {
  const r = room(f, ri), w = f.world;
  const x0 = r.x, y0 = r.y + r.h - 2;
  for (let y = y0; y < y0 + 2; y++) for (let x = x0; x < x0 + 3; x++) w.setTer(x, y, `stage:${w.rooms[ri].floor}`);
  if (!f.tryPlace(ri, "stage microphone", x0 + 1, y0)) f.require(ri, "stage microphone", "corner");
  f.tryPlace(ri, "guitar", x0, y0 + 1);
}

const pub: Recipe = (f, ri) => {
  const r = room(f, ri);
  const bar = f.place(ri, "bar counter", "n") ?? f.require(ri, "bar counter", "wall");
  for (let i = 0; i < bar.w; i += 2) f.tryPlace(ri, "chair s", bar.x + i, bar.y + 1);
  stage(f, ri);
  f.place(ri, "jukebox", "n");
  f.place(ri, "pool table", "free");
  for (let y = r.y + 3; y < r.y + r.h - 1; y += 3) for (let x = r.x + 1; x < r.x + r.w - 2; x += 4) {
    if (f.tryPlace(ri, "pub table", x, y)) f.chairsAround(ri, { x, y, w: 2, h: 1 }, "ns");
  }
  if (f.world.objects.filter((o) => o.kind === "pub table").length < 2) f.require(ri, "pub table", "free");
  f.place(ri, "piano", "n");
  f.place(ri, "plant", "corner");
};

const pubKitchen: Recipe = (f, ri) => {
  f.require(ri, "stove", "n");
  f.require(ri, "refrigerator", "n");
  f.require(ri, "kitchen sink", "n");
  f.place(ri, "counter", "n");
  for (let k = 0; k < 4; k++) f.place(ri, "counter", "e");
  f.place(ri, "dining table", "free");
  f.place(ri, "crates", "corner");
  f.place(ri, "crates", "corner");
};

/** Shelves in rows with an aisle between every two rows. */
function shelfRows(f: Furnisher, ri: number, id: string, rows: number[], x0: number, x1: number, step: number): void {
  for (const y of rows) for (let x = x0; x + 2 < x1; x += step) f.tryPlace(ri, id, x, y);
}

const supplyStore: Recipe = (f, ri) => {
  const r = room(f, ri);
  shelfRows(f, ri, "supply shelf", [r.y, r.y + 3], r.x, r.x + r.w, 3);
  f.require(ri, "cashier counter", "s");
  f.place(ri, "crates", "corner");
  f.place(ri, "crates", "wall");
  f.place(ri, "plant", "corner");
};

const market: Recipe = (f, ri) => {
  const r = room(f, ri);
  shelfRows(f, ri, "grocery shelf", [r.y, r.y + 3], r.x, r.x + r.w - 4, 4);
  f.require(ri, "freezer", "e");
  f.require(ri, "produce stand", "free");
  f.place(ri, "produce stand", "free");
  f.require(ri, "cashier counter", "s");
  f.place(ri, "crates", "corner");
};

const pharmacy: Recipe = (f, ri) => {
  const r = room(f, ri);
  for (let x = r.x; x + 2 <= r.x + r.w; x += 3) f.tryPlace(ri, "medicine shelf", x, r.y);
  if (!f.tryPlace(ri, "pharmacy counter", r.x + 2, r.y + 3)) f.require(ri, "pharmacy counter", "free");
  f.place(ri, "plant", "corner");
  f.place(ri, "armchair", "wall");
};

/** Desks in rows with two-tile aisles, so every desk keeps a tile of its own (the city's offices). */
const office: Recipe = (f, ri) => {
  const r = room(f, ri);
  let n = 0;
  for (let y = r.y + 1; y < r.y + r.h - 1; y += 3) {
    for (let x = r.x + 1; x + 2 < r.x + r.w; x += 3) if (f.tryPlace(ri, n++ % 3 === 0 ? "computer desk" : "desk", x, y)) f.tryPlace(ri, "chair s", x, y + 1);
  }
  if (!f.world.objects.some((o) => o.kind === "desk" && o.sector === f.world.rooms[ri].sector && o.arena === f.world.rooms[ri].arena)) f.require(ri, "desk", "any");
  f.place(ri, "bookshelf", "n");
  f.place(ri, "plant", "corner");
  f.place(ri, "plant", "corner");
  f.place(ri, "trash can", "corner");
};

const meetingRoom: Recipe = (f, ri) => {
  blackboardNorth(f, ri);
  const t = f.place(ri, "library table", "free") ?? f.require(ri, "library table", "any");
  f.chairsAround(ri, t);
  f.place(ri, "plant", "corner");
};

const breakRoom: Recipe = (f, ri) => {
  f.require(ri, "refrigerator", "n");
  f.require(ri, "coffee machine", "n");
  f.require(ri, "kitchen sink", "n");
  f.place(ri, "counter", "n");
  const t = f.place(ri, "dining table", "free") ?? f.require(ri, "dining table", "any");
  f.chairsAround(ri, t);
  f.place(ri, "trash can", "corner");
};

export const PUBLIC_RECIPES: Record<string, Recipe> = {
  "classroom": classroom,
  "lecture-hall": lectureHall,
  "library": library,
  "hallway": hallway,
  "cafe": cafe,
  "cafe-kitchen": cafeKitchen,
  "pub": pub,
  "pub-kitchen": pubKitchen,
  "supply-store": supplyStore,
  "market": market,
  "pharmacy": pharmacy,
  "office": office,
  "meeting-room": meetingRoom,
  "break-room": breakRoom,
};
