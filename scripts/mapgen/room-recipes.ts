/**
 * How each kind of room is furnished. Recipes name what a room must hold
 * (require: the generator fails if it cannot fit) and what makes it feel
 * lived in (place: kept when it fits).
 */
import { Furnisher } from "./furnish";
import { Rect } from "./world";

type Recipe = (f: Furnisher, ri: number, extras: string[]) => void;

const extrasOf = (f: Furnisher, ri: number, extras: string[]) => {
  for (const id of extras) f.require(ri, id, id === "piano" || id === "bookshelf" || id === "vanity" ? "n" : "wall");
};

function nightstandBeside(f: Furnisher, ri: number, bed: Rect): void {
  f.tryPlace(ri, "nightstand", bed.x + bed.w, bed.y) || f.tryPlace(ri, "nightstand", bed.x - 1, bed.y);
}

const bedroom: Recipe = (f, ri, extras) => {
  const bed = f.place(ri, "bed", "corner") ?? f.require(ri, "bed", "wall");
  nightstandBeside(f, ri, bed);
  f.require(ri, "desk", "wall");
  extrasOf(f, ri, extras);
  f.place(ri, "closet", "n") ?? f.place(ri, "dresser", "wall");
  f.place(ri, "plant", "corner");
  f.place(ri, "floor lamp", "corner");
};

const coupleBedroom: Recipe = (f, ri, extras) => {
  const bed = f.place(ri, "double bed", "n") ?? f.require(ri, "double bed", "wall");
  f.tryPlace(ri, "nightstand", bed.x - 1, bed.y);
  f.tryPlace(ri, "nightstand", bed.x + bed.w, bed.y);
  f.require(ri, "desk", "wall");
  extrasOf(f, ri, extras);
  f.place(ri, "closet", "n");
  f.place(ri, "dresser", "wall");
  f.place(ri, "plant", "corner");
};

const guestBedroom: Recipe = (f, ri) => {
  f.place(ri, "bed", "corner") ?? f.require(ri, "bed", "wall");
  f.require(ri, "desk", "wall");
  f.place(ri, "crates", "corner");
  f.place(ri, "crates", "corner");
  f.place(ri, "closet", "n");
};

/** Two beds for brothers and sisters (the city's family houses). */
const kidsBedroom: Recipe = (f, ri, extras) => {
  f.place(ri, "bed", "corner") ?? f.require(ri, "bed", "wall");
  f.place(ri, "bed", "corner") ?? f.require(ri, "bed", "wall");
  f.require(ri, "desk", "wall");
  extrasOf(f, ri, extras);
  f.place(ri, "closet", "n") ?? f.place(ri, "dresser", "wall");
  f.place(ri, "plant", "corner");
};

const dormRoom: Recipe = (f, ri, extras) => {
  const bed = f.place(ri, "bed", "corner") ?? f.require(ri, "bed", "wall");
  nightstandBeside(f, ri, bed);
  f.require(ri, "desk", "wall");
  extrasOf(f, ri, extras);
  f.place(ri, "closet", "n");
  f.place(ri, "plant", "corner");
};

const mainRoom: Recipe = (f, ri, extras) => {
  const bed = f.place(ri, "bed", "corner") ?? f.require(ri, "bed", "wall");
  nightstandBeside(f, ri, bed);
  f.require(ri, "desk", "wall");
  extrasOf(f, ri, extras);
  f.place(ri, "refrigerator", "n");
  f.place(ri, "stove", "n");
  f.place(ri, "kitchen sink", "n");
  f.place(ri, "armchair", "wall");
  f.place(ri, "closet", "n");
  f.place(ri, "plant", "corner");
};

/** TV on the north wall, a coffee table, and a sofa facing them, tried as one group. */
function tvCorner(f: Furnisher, ri: number): boolean {
  for (const [x, y] of f.rng.shuffle(f.spots(ri, "tv", "n"))) {
    const ok = f.together(() => {
      if (!f.tryPlace(ri, "tv", x, y)) return false;
      const table = f.tryPlace(ri, "coffee table", x, y + 2);
      const sofas: [string, number, number][] = [["sofa facing tv", -1, 3], ["loveseat facing tv", 0, 3], ["sofa facing tv", -1, 4], ["loveseat facing tv", 0, 4]];
      return table && sofas.some(([id, dx, dy]) => f.tryPlace(ri, id, x + dx, y + dy));
    });
    if (ok) return true;
  }
  return false;
}

const commonRoom: Recipe = (f, ri, extras) => {
  if (!tvCorner(f, ri)) {
    f.place(ri, "tv", "n");
    f.require(ri, "sofa", "s");
  }
  extrasOf(f, ri, extras);
  f.place(ri, "bookshelf", "n");
  f.place(ri, "armchair", "wall");
  f.place(ri, "plant", "corner");
  f.place(ri, "plant", "corner");
  f.place(ri, "floor lamp", "corner");
};

const studioCommon: Recipe = (f, ri, extras) => {
  commonRoom(f, ri, []);
  extrasOf(f, ri, extras);
  f.require(ri, "easel", "free");
  f.place(ri, "easel", "free");
  f.place(ri, "long dining table", "free");
  f.place(ri, "guitar", "wall");
  f.place(ri, "plant", "wall");
};

const dormCommon: Recipe = (f, ri) => {
  commonRoom(f, ri, []);
  f.require(ri, "pool table", "free");
  f.place(ri, "loveseat", "s");
  f.place(ri, "bookshelf", "n");
  f.place(ri, "piano", "n");
  f.place(ri, "plant", "corner");
};

const kitchen: Recipe = (f, ri) => {
  f.require(ri, "refrigerator", "n");
  f.require(ri, "stove", "n");
  f.require(ri, "kitchen sink", "n");
  const t = f.place(ri, "dining table", "free") ?? f.place(ri, "dining table", "s") ?? f.require(ri, "dining table", "any");
  f.chairsAround(ri, t);
  for (let k = 0; k < 3; k++) f.place(ri, "counter", "n");
  f.place(ri, "trash can", "corner");
  f.place(ri, "plant", "corner");
};

const bathroom: Recipe = (f, ri) => {
  f.require(ri, "toilet", "n");
  f.require(ri, "bathroom sink", "n");
  f.require(ri, "shower", "n");
  f.place(ri, "bathtub", "wall");
  f.place(ri, "washing machine", "wall");
  f.place(ri, "plant", "corner");
};

const restroom: Recipe = (f, ri) => {
  f.require(ri, "toilet", "n");
  f.require(ri, "toilet", "n");
  f.require(ri, "bathroom sink", "n");
  f.place(ri, "bathroom sink", "n");
  f.place(ri, "plant", "corner");
};

function sameRoom(f: Furnisher, ri: number, o: { sector: string; arena: string }): boolean {
  const r = f.world.rooms[ri];
  return o.sector === r.sector && o.arena === r.arena;
}

export const HOME_RECIPES: Record<string, Recipe> = {
  "bedroom": bedroom,
  "couple-bedroom": coupleBedroom,
  "guest-bedroom": guestBedroom,
  "dorm-room": dormRoom,
  "kids-bedroom": kidsBedroom,
  "main-room": mainRoom,
  "common-room": commonRoom,
  "studio-common": studioCommon,
  "dorm-common": dormCommon,
  "kitchen": kitchen,
  "bathroom": bathroom,
  "restroom": restroom,
};
