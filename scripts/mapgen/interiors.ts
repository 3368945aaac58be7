/**
 * Dressing every room: furniture by recipe, a rug in living spaces, things on
 * the walls, and a spawn point by the bed of every home.
 */
import { HOME_DECOR, WallDecor, paintWallDecor } from "./art-wall";
import { Furnisher, ring } from "./furnish";
import { Rng } from "./rng";
import { HOME_RECIPES } from "./room-recipes";
import { PUBLIC_RECIPES } from "./room-recipes-public";
import { BuildingPlan, PLANS } from "./building-plans";
import { hasInnerWindow } from "./render-layers";
import { World, rectContains } from "./world";

const RUG_COLORS = ["a8484a", "50689c", "5e8a62", "c89a48", "8a5a8a", "3a8a8a"];
const HOME_KINDS = new Set(["bedroom", "couple-bedroom", "guest-bedroom", "dorm-room", "main-room", "kids-bedroom"]);
const DECOR_BY_KIND: Record<string, WallDecor[]> = {
  "classroom": ["poster", "clock", "diploma"], "lecture-hall": ["clock", "diploma", "painting"], "library": ["clock", "painting"],
  "hallway": ["poster", "pennant", "diploma", "clock"], "cafe": ["menu", "painting", "clock"], "pub": ["dartboard", "painting", "pennant"],
  "supply-store": ["poster", "clock"], "market": ["poster", "clock"], "pharmacy": ["poster", "clock"], "dorm-room": ["poster", "pennant", "calendar"],
  "kitchen": ["clock", "calendar", "shelf"], "bathroom": ["mirror", "shelf"], "restroom": ["mirror"],
  "office": ["clock", "calendar", "poster", "painting"], "meeting-room": ["clock", "painting"], "break-room": ["clock", "calendar", "poster"],
};

/** Furnish every room of the world; `plans` are the buildings' plans (for each room's extras). */
export function furnishInteriors(world: World, rng: Rng, plans: BuildingPlan[] = PLANS): void {
  const f = new Furnisher(world, rng);
  world.rooms.forEach((room, ri) => {
    if (room.kind === "outdoor") return;
    layRug(world, ri, rng);
    const extras = extrasFor(plans, room.sector, room.arena);
    const home = HOME_RECIPES[room.kind], pub = PUBLIC_RECIPES[room.kind];
    if (!home && !pub) throw new Error(`no recipe for room kind ${room.kind}`);
    withRetries(f, () => (home ? home(f, ri, extras) : pub(f, ri)));
    hangWallDecor(world, ri, rng);
    if (HOME_KINDS.has(room.kind)) addHomeSpawn(world, ri);
  });
}

/** Random choices can paint a room into a corner: start the room over, up to 30 times. */
function withRetries(f: Furnisher, recipe: () => void): void {
  let last: unknown;
  for (let k = 0; k < 30; k++) {
    const ok = f.together(() => {
      try {
        recipe();
        return true;
      } catch (e) {
        last = e;
        return false;
      }
    });
    if (ok) return;
  }
  throw last;
}

function extrasFor(plans: BuildingPlan[], sector: string, arena: string): string[] {
  for (const p of plans) for (const spec of Object.values(p.rooms)) {
    if ((spec.sector ?? p.sector) === sector && spec.arena === arena) return spec.extras ?? [];
  }
  return [];
}

function layRug(world: World, ri: number, rng: Rng): void {
  const room = world.rooms[ri];
  if (!["common-room", "studio-common", "dorm-common", "bedroom", "couple-bedroom", "main-room", "library"].includes(room.kind)) return;
  const r = room.rect;
  if (r.w < 5 || r.h < 4) return;
  const w = Math.min(r.w - 2, room.kind.includes("common") ? 5 : 3), h = Math.min(r.h - 2, 3);
  const x0 = r.x + Math.floor((r.w - w) / 2), y0 = r.y + Math.max(1, Math.floor((r.h - h) / 2));
  const key = `rug:${room.floor}:${rng.pick(RUG_COLORS)}`;
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) world.setTer(x, y, key);
}

/** Pictures, clocks and shelves on the visible north wall, spaced apart. */
function hangWallDecor(world: World, ri: number, rng: Rng): void {
  const room = world.rooms[ri], r = room.rect;
  const y = r.y - 1;
  const pool = DECOR_BY_KIND[room.kind] ?? HOME_DECOR;
  let last = -9;
  for (let x = r.x; x < r.x + r.w; x++) {
    const cell = world.wallAt(x, y);
    if (!cell || cell.type !== "wall" || world.furniture[world.idx(x, y)] >= 0) continue;
    if (world.wallAt(x, y + 1) || hasInnerWindow(world, x, y) || x - last < 3 || !rng.chance(0.45)) continue;
    if ([-1, 1].some((d) => world.ter(x + d, y).startsWith("door"))) continue;
    const kind = rng.pick(pool), v = rng.int(0, 3);
    world.furniture[world.idx(x, y)] = world.tiles.tile(`decor:${kind}:${v}`, (c) => paintWallDecor(c, kind, v));
    last = x;
  }
}

function addHomeSpawn(world: World, ri: number): void {
  const room = world.rooms[ri];
  const bed = world.objects.find((o) => o.sector === room.sector && o.arena === room.arena && o.kind === "bed");
  const candidates = bed ? ring(bed.rect) : [];
  for (let y = room.rect.y; y < room.rect.y + room.rect.h; y++) for (let x = room.rect.x; x < room.rect.x + room.rect.w; x++) candidates.push([x, y]);
  const spot = candidates.find(([x, y]) => rectContains(room.rect, x, y) && world.walkable(x, y));
  if (!spot) throw new Error(`no spawn spot in ${room.sector}:${room.arena}`);
  const name = room.residents.length ? room.residents.join(" and ") : room.arena;
  world.spawns.push({ name, x: spot[0], y: spot[1], address: `${world.worldName}:${room.sector}:${room.arena}` });
}
