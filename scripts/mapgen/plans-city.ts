/**
 * Floor plans of the city: the Ville's own buildings used as templates (family
 * houses, small houses, the co-living space, the dorm, the cafe, the pub, the
 * shops, the college), renamed for the people and districts of the city, plus
 * apartment blocks of any size and an office building. Notation: plan-types.ts.
 */
import { FACADE, FloorName } from "./palette";
import { BuildingPlan, RoomSpec, home } from "./plan-types";
import { HOME_PLANS } from "./plans-homes";
import { PUBLIC_PLANS } from "./plans-public";

/** Who sleeps in a room of a home template. */
export type Role = "parents" | "kids" | "single" | "mate" | "student";

export interface TemplateRoom {
  letter: string;
  role: Role;
  /** Furnishing recipe when the room is used (an empty room is a spare room). */
  kind: string;
  /** How many may sleep there. */
  beds: number;
}

export type HomeKind = "family" | "couple" | "single" | "shared" | "dorm" | "apartments";

export interface HomeTemplate {
  id: string;
  kind: HomeKind;
  /** The Ville plan it is drawn from (apartment blocks are drawn here). */
  base: string;
  width: number;
  height: number;
  /** Sleeping rooms by letter; other rooms keep the base plan's arenas. */
  rooms: TemplateRoom[];
  /** Residents it houses, fewest to most. */
  min: number;
  max: number;
}

const byId = (id: string): BuildingPlan => {
  const p = [...HOME_PLANS, ...PUBLIC_PLANS].find((x) => x.id === id);
  if (!p) throw new Error(`no Ville plan ${id}`);
  return p;
};

const sized = (t: Omit<HomeTemplate, "width" | "height">): HomeTemplate => {
  const rows = byId(t.base).rows;
  return { ...t, width: rows[0].length, height: rows.length };
};

export const HOME_TEMPLATES: HomeTemplate[] = [
  sized({ id: "family-small", kind: "family", base: "lin", rooms: [{ letter: "A", role: "parents", kind: "couple-bedroom", beds: 2 }, { letter: "B", role: "kids", kind: "bedroom", beds: 1 }], min: 2, max: 3 }),
  sized({ id: "family", kind: "family", base: "moreno", rooms: [{ letter: "A", role: "parents", kind: "couple-bedroom", beds: 2 }, { letter: "E", role: "kids", kind: "kids-bedroom", beds: 2 }], min: 3, max: 4 }),
  sized({ id: "family-wide", kind: "family", base: "taylor", rooms: [{ letter: "T", role: "parents", kind: "couple-bedroom", beds: 2 }, { letter: "O", role: "kids", kind: "kids-bedroom", beds: 2 }], min: 3, max: 4 }),
  sized({ id: "couple", kind: "couple", base: "moore", rooms: [{ letter: "A", role: "parents", kind: "couple-bedroom", beds: 2 }], min: 1, max: 2 }),
  sized({ id: "cottage", kind: "single", base: "adam", rooms: [{ letter: "M", role: "single", kind: "main-room", beds: 1 }], min: 1, max: 1 }),
  sized({ id: "cottage-b", kind: "single", base: "yuriko", rooms: [{ letter: "M", role: "single", kind: "main-room", beds: 1 }], min: 1, max: 1 }),
  sized({ id: "shared", kind: "shared", base: "coliving", rooms: ["A", "B", "C", "D", "E"].map((letter) => ({ letter, role: "mate" as const, kind: "bedroom", beds: 1 })), min: 3, max: 5 }),
  sized({ id: "dorm", kind: "dorm", base: "dorm", rooms: ["A", "B", "C", "D"].map((letter) => ({ letter, role: "student" as const, kind: "dorm-room", beds: 1 })), min: 3, max: 4 }),
];

/** An apartment block of `units` one-room flats (main room and bathroom), `top` of them along the north side. */
export function apartmentTemplate(units: number): HomeTemplate {
  const top = Math.ceil((units + 1) / 2);
  return { id: `apartments-${units}`, kind: "apartments", base: "apartments", width: 1 + top * 10, height: 16, rooms: [], min: units, max: units };
}

export function templateById(id: string): HomeTemplate {
  const m = /^apartments-(\d+)$/.exec(id);
  if (m) return apartmentTemplate(Number(m[1]));
  const t = HOME_TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`no home template ${id}`);
  return t;
}

/** Who sleeps in one room of a home, and the room's name ("Mei and John Lin's bedroom"). */
export interface Sleepers {
  arena: string;
  names: string[];
}

const FACADES = Object.keys(FACADE);

/**
 * A home from its template: the base plan with the household's names on its
 * sector and sleeping rooms. `sleepers` is indexed like template.rooms (null: a
 * spare room); `extras` adds furniture to a sleeping room.
 */
export function homePlan(t: HomeTemplate, id: string, sector: string, sleepers: (Sleepers | null)[], extras: string[][], facade: number): BuildingPlan {
  const base = byId(t.base);
  const rooms: Record<string, RoomSpec> = {};
  for (const [letter, spec] of Object.entries(base.rooms)) rooms[letter] = { ...spec, residents: [], extras: [...(spec.extras ?? [])].filter((x) => x === "piano") };
  t.rooms.forEach((r, i) => {
    const s = sleepers[i];
    const spec = rooms[r.letter];
    if (!s) {
      rooms[r.letter] = { ...spec, arena: t.kind === "dorm" ? "empty room" : "spare room", kind: "guest-bedroom", extras: [] };
      return;
    }
    const kind = r.role === "kids" && s.names.length === 1 ? "bedroom" : r.kind;
    rooms[r.letter] = { ...spec, arena: s.arena, kind, residents: s.names, extras: extras[i] ?? [] };
  });
  return { ...base, id, sector, rooms, facade: t.kind === "dorm" ? base.facade : FACADES[facade % FACADES.length] };
}

/** An apartment block: one sector per flat ("<name>'s apartment"), a corridor and a lobby with the front door. */
export function apartmentPlan(units: number, id: string, tenants: string[], extras: string[][], facade: number): BuildingPlan {
  if (tenants.length !== units) throw new Error(`apartment block ${id}: ${tenants.length} tenants for ${units} flats`);
  const top = Math.ceil((units + 1) / 2);
  const bottom = units - top;
  const w = 1 + top * 10;
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const unit = (k: number, mid: boolean) => `${letters[k].repeat(5)}${mid ? "+" : "#"}${letters[k].toLowerCase().repeat(3)}#`;
  const rows: string[] = ["#".repeat(w)];
  for (let r = 0; r < 5; r++) rows.push("#" + Array.from({ length: top }, (_, k) => unit(k, r === 2)).join(""));
  rows.push("#" + Array.from({ length: top }, () => "#+########").join(""));
  rows.push("#" + ".".repeat(w - 2) + "#", "#" + ".".repeat(w - 2) + "#");
  const lobby = w - 2 - bottom * 10;
  rows.push("#" + Array.from({ length: bottom }, () => "###+######").join("") + ".".repeat(lobby) + "#");
  for (let r = 0; r < 5; r++) rows.push("#" + Array.from({ length: bottom }, (_, k) => unit(top + k, r === 2)).join("") + ".".repeat(lobby) + "#");
  const door = 1 + bottom * 10 + Math.floor(lobby / 2) - 1;
  rows.push("#".repeat(door) + "@@" + "#".repeat(w - door - 2));
  const floors: FloorName[] = ["walnut", "oak", "pine", "herringbone", "parquet"];
  const papers = ["navy", "grey", "butter", "sage", "lilac", "sky", "rose", "cream"];
  const rooms: Record<string, RoomSpec> = {};
  tenants.forEach((person, k) => {
    const sector = `${person}'s apartment`;
    rooms[letters[k]] = { ...home("main room", "main-room", floors[(k + facade) % floors.length], papers[(k * 3 + facade) % papers.length], [person], extras[k] ?? []), sector };
    rooms[letters[k].toLowerCase()] = { ...home("bathroom", "bathroom", "bathTile", "tile"), sector };
  });
  return { id, facade: ["redBrick", "whiteBrick", "greyStone", "creamStucco"][facade % 4], hallFloor: "linoleum", rows, rooms };
}

/** A public building of the Ville under another name. */
export function renamedPlan(baseId: "cafe" | "pub" | "market" | "supply" | "college", id: string, sector: string): BuildingPlan {
  const base = byId(baseId);
  return { ...base, id, sector, rooms: Object.fromEntries(Object.entries(base.rooms).map(([k, r]) => [k, { ...r }])) };
}

/** An office building: an open office and a front office full of desks, a meeting room, a break room. */
export function officePlan(id: string, sector: string, facade: number): BuildingPlan {
  return {
    id,
    sector,
    facade: ["greyStone", "whiteBrick", "redBrick", "tealSiding"][facade % 4],
    rows: [
      "#######################################",
      "#OOOOOOOOOOOOOOOO#MMMMMMMM#BBBBBB#RRRR#",
      "#OOOOOOOOOOOOOOOO#MMMMMMMM#BBBBBB#RRRR#",
      "#OOOOOOOOOOOOOOOO#MMMMMMMM#BBBBBB#RRRR#",
      "#OOOOOOOOOOOOOOOO#MMMMMMMM#BBBBBB#RRRR#",
      "#OOOOOOOOOOOOOOOO#MMMMMMMM#BBBBBB#RRRR#",
      "#OOOOOOOOOOOOOOOO#MMMMMMMM#BBBBBB#RRRR#",
      "#OOOOOOOOOOOOOOOO#MMMMMMMM#BBBBBB#RRRR#",
      "#######+#############+#######+#####+###",
      "#FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF#",
      "#FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF#",
      "#FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF#",
      "#FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF#",
      "#FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF#",
      "##################@@###################",
    ],
    rooms: {
      O: home("open office", "office", "carpetBlue", "grey"),
      F: home("front office", "office", "oak", "cream"),
      M: home("meeting room", "meeting-room", "parquet", "navy"),
      B: home("break room", "break-room", "kitchenTile", "butter"),
      R: home("restroom", "restroom", "bathTile", "tile"),
    },
  };
}
