/**
 * The people of the city, as data the map and the scenario share: households
 * sized to the homes of the layout (exactly CITY_POPULATION people), unique
 * names, ages, and for everyone an occupation and a place of work or study in
 * the home district (children go to the nearest school, young adults to the
 * nearest college). The map names homes and bedrooms after them; the scenario
 * turns each into a persona. Pure and cheap: no pixels.
 */
import { CityLayout, Lot, planLayout } from "./city-layout";
import { DISTRICTS, DistrictNames, FAMILY_NAMES, FEMALE, MALE, VILLE_NAMES } from "./city-names";
import { HomeTemplate, Role, templateById } from "./plans-city";
import { Rng } from "./rng";

export const CITY_POPULATION = 1000;
export const CITY_SEED = 20240610;
/** The city is the Ville grown up: addresses keep its world name. */
export const CITY_WORLD = "the Ville";

export type Sex = "f" | "m";

export type Workplace = "cafe" | "pub" | "market" | "pharmacy" | "supply" | "office" | "school" | "college" | "home";

export interface Occupation {
  id: string;
  /** "barista", "software engineer", ... */
  title: string;
  place: Workplace;
  /** Furniture for a home worker's room. */
  extras?: string[];
}

export const OCCUPATIONS: Record<string, Occupation> = {
  "cafe-owner": { id: "cafe-owner", title: "cafe owner", place: "cafe" },
  "barista": { id: "barista", title: "barista", place: "cafe" },
  "publican": { id: "publican", title: "publican", place: "pub" },
  "bartender": { id: "bartender", title: "bartender", place: "pub" },
  "grocer": { id: "grocer", title: "grocer", place: "market" },
  "shop-assistant": { id: "shop-assistant", title: "shop assistant", place: "market" },
  "pharmacist": { id: "pharmacist", title: "pharmacist", place: "pharmacy" },
  "hardware-owner": { id: "hardware-owner", title: "hardware shop owner", place: "supply" },
  "hardware-clerk": { id: "hardware-clerk", title: "hardware clerk", place: "supply" },
  "teacher": { id: "teacher", title: "teacher", place: "school" },
  "professor": { id: "professor", title: "professor", place: "college" },
  "librarian": { id: "librarian", title: "librarian", place: "college" },
  "software-engineer": { id: "software-engineer", title: "software engineer", place: "office" },
  "accountant": { id: "accountant", title: "accountant", place: "office" },
  "lawyer": { id: "lawyer", title: "lawyer", place: "office" },
  "architect": { id: "architect", title: "architect", place: "office" },
  "insurance-agent": { id: "insurance-agent", title: "insurance agent", place: "office" },
  "editor": { id: "editor", title: "editor", place: "office" },
  "planner": { id: "planner", title: "town planner", place: "office" },
  "clerk": { id: "clerk", title: "office clerk", place: "office" },
  "writer": { id: "writer", title: "writer", place: "home", extras: ["writing desk"] },
  "painter": { id: "painter", title: "painter", place: "home", extras: ["easel"] },
  "musician": { id: "musician", title: "musician", place: "home", extras: ["guitar"] },
  "photographer": { id: "photographer", title: "photographer", place: "home", extras: ["camera tripod"] },
  "illustrator": { id: "illustrator", title: "illustrator", place: "home", extras: ["computer desk"] },
  "developer": { id: "developer", title: "freelance programmer", place: "home", extras: ["computer desk"] },
  "tax-advisor": { id: "tax-advisor", title: "tax advisor", place: "home", extras: ["computer desk"] },
  "poet": { id: "poet", title: "poet and translator", place: "home", extras: ["writing desk"] },
  "pupil": { id: "pupil", title: "pupil", place: "school" },
  "student": { id: "student", title: "college student", place: "college" },
  "retired": { id: "retired", title: "retired", place: "home" },
};

/** Jobs at every district's public places. */
const PUBLIC_JOBS: [string, number][] = [
  ["cafe-owner", 1], ["barista", 2], ["publican", 1], ["bartender", 1], ["grocer", 1], ["shop-assistant", 2], ["pharmacist", 2], ["hardware-owner", 1], ["hardware-clerk", 1],
];
const SCHOOL_JOBS: [string, number][] = [["teacher", 6]];
const COLLEGE_JOBS: [string, number][] = [["professor", 6], ["librarian", 1]];
const OFFICE_JOBS = ["software-engineer", "accountant", "lawyer", "architect", "insurance-agent", "editor", "planner", "clerk"];
const HOME_JOBS = ["writer", "painter", "musician", "photographer", "illustrator", "developer", "tax-advisor", "poet"];
/** Desks an office fills before the rest work from home. */
export const OFFICE_SEATS = 26;
const RETIREMENT_AGE = 67;

export interface Person {
  id: number;
  first: string;
  last: string;
  name: string;
  sex: Sex;
  age: number;
  household: number;
  role: Role;
  district: number;
  occupation: string;
  /** Sector of work or study; the home sector for home workers and the retired. */
  workplace: string;
  /** Arena of work within the workplace, when it is a public place. */
  workArena: string | null;
  home: { sector: string; arena: string };
}

export interface Household {
  id: number;
  lot: number;
  district: number;
  kind: HomeTemplate["kind"];
  sector: string;
  members: number[];
  /** Members per sleeping room of the template (apartments: one household per flat). */
  rooms: number[][];
  /** Partners share a family name and a bedroom. */
  family: string | null;
}

export interface City {
  seed: number;
  layout: CityLayout;
  districts: DistrictNames[];
  people: Person[];
  households: Household[];
  /** Households of each home lot (apartment blocks: one per flat, in flat order). */
  byLot: Map<number, number[]>;
}

const FLAT_ARENA = "main room";

/** The whole city plan from a seed: layout, households, people, jobs. */
export function planCity(seed = CITY_SEED): City {
  const colleges = DISTRICTS.map((d) => d.college);
  const layout = planLayout(seed, colleges);
  const rng = new Rng(seed).fork("city-people");
  const homeLots = layout.lots.filter((l) => l.use.type === "home");
  const sizes = householdSizes(rng.fork("sizes"), homeLots);
  const people: Person[] = [];
  const households: Household[] = [];
  const byLot = new Map<number, number[]>();
  const names = new NameBook(rng.fork("names"));
  const ages = rng.fork("ages");
  const addPerson = (p: Omit<Person, "id" | "name" | "occupation" | "workplace" | "workArena" | "home">): Person => {
    const person: Person = { ...p, id: people.length, name: `${p.first} ${p.last}`, occupation: "", workplace: "", workArena: null, home: { sector: "", arena: "" } };
    people.push(person);
    return person;
  };
  homeLots.forEach((lot, k) => {
    const t = templateById((lot.use as { template: string }).template);
    const size = sizes[k];
    const ids: number[] = [];
    if (t.kind === "apartments") {
      for (let u = 0; u < size; u++) {
        const sex: Sex = ages.chance(0.5) ? "f" : "m";
        const [first, last] = names.person(sex);
        const p = addPerson({ first, last, sex, age: ages.int(21, 82), household: households.length, role: "single", district: lot.district });
        p.home = { sector: `${p.name}'s apartment`, arena: FLAT_ARENA };
        ids.push(households.length);
        households.push({ id: households.length, lot: lot.id, district: lot.district, kind: "apartments", sector: p.home.sector, members: [p.id], rooms: [[p.id]], family: null });
      }
    } else {
      const h = makeHousehold(t, size, lot, households.length, names, ages, addPerson);
      ids.push(h.id);
      households.push(h);
    }
    byLot.set(lot.id, ids);
  });
  // The dorms: students of the college, by name of the college's dorm.
  for (const lot of layout.lots.filter((l) => l.use.type === "public" && l.use.kind === "dorm")) {
    const t = templateById("dorm");
    const h = makeHousehold(t, t.max, lot, households.length, names, ages, addPerson);
    households.push(h);
    byLot.set(lot.id, [h.id]);
  }
  assignWork(rng.fork("work"), layout, people, households);
  return { seed, layout, districts: DISTRICTS, people, households, byLot };
}

/** A size for every home in [min, max], summing to the city's population (dorms are full). */
function householdSizes(rng: Rng, lots: Lot[]): number[] {
  const ts = lots.map((l) => templateById((l.use as { template: string }).template));
  const dorms = DISTRICTS.filter((d) => d.college).length * templateById("dorm").max;
  const target = CITY_POPULATION - dorms;
  const sizes = ts.map((t) => rng.int(t.min, t.max));
  let total = sizes.reduce((a, b) => a + b, 0);
  const min = ts.reduce((s, t) => s + t.min, 0), max = ts.reduce((s, t) => s + t.max, 0);
  if (target < min || target > max) throw new Error(`the city's homes hold ${min} to ${max} people, not ${target}`);
  const order = rng.shuffle(ts.map((_, i) => i));
  while (total !== target) {
    for (const i of order) {
      if (total === target) break;
      if (total > target && sizes[i] > ts[i].min) sizes[i]--, total--;
      else if (total < target && sizes[i] < ts[i].max) sizes[i]++, total++;
    }
  }
  return sizes;
}

class NameBook {
  private used = new Set<string>(VILLE_NAMES);
  private families: string[];

  constructor(private rng: Rng) {
    this.families = rng.shuffle(FAMILY_NAMES);
  }

  /** A family name no other family house uses. */
  family(): string {
    const f = this.families.pop();
    if (!f) throw new Error("more family houses than family names");
    return f;
  }

  /** A first name not yet used with this family name. */
  first(sex: Sex, last: string): string {
    const pool = sex === "f" ? FEMALE : MALE;
    for (let k = 0; k < 200; k++) {
      const first = this.rng.pick(pool);
      if (!this.used.has(`${first} ${last}`)) {
        this.used.add(`${first} ${last}`);
        return first;
      }
    }
    throw new Error(`no free first name for the ${last} family`);
  }

  person(sex: Sex): [string, string] {
    const last = this.rng.pick(FAMILY_NAMES);
    return [this.first(sex, last), last];
  }
}

type AddPerson = (p: Omit<Person, "id" | "name" | "occupation" | "workplace" | "workArena" | "home">) => Person;

function makeHousehold(t: HomeTemplate, size: number, lot: Lot, id: number, names: NameBook, rng: Rng, add: AddPerson): Household {
  const d = lot.district;
  const rooms: number[][] = t.rooms.map(() => []);
  const members: number[] = [];
  const put = (p: Person, room: number) => { rooms[room].push(p.id); members.push(p.id); };
  let family: string | null = null;
  let sector: string;
  if (t.kind === "family" || t.kind === "couple") {
    family = names.family();
    const kidsRoom = t.rooms.findIndex((r) => r.role === "kids");
    const kidBeds = kidsRoom >= 0 ? t.rooms[kidsRoom].beds : 0;
    const kids = Math.min(kidBeds, Math.max(0, size - 2), size - 1);
    const parents = size - kids;
    const old = t.kind === "couple" && rng.chance(0.45);
    const a = kids > 0 ? rng.int(32, 54) : old ? rng.int(66, 84) : rng.int(24, 62);
    const firstSex: Sex = rng.chance(0.5) ? "f" : "m";
    put(add({ first: names.first(firstSex, family), last: family, sex: firstSex, age: a, household: id, role: "parents", district: d }), 0);
    if (parents === 2) {
      const sex: Sex = rng.chance(0.9) ? (firstSex === "f" ? "m" : "f") : firstSex;
      put(add({ first: names.first(sex, family), last: family, sex, age: Math.max(22, a + rng.int(-4, 4)), household: id, role: "parents", district: d }), 0);
    }
    for (let k = 0; k < kids; k++) {
      const sex: Sex = rng.chance(0.5) ? "f" : "m";
      const age = rng.int(8, Math.min(21, a - 21));
      put(add({ first: names.first(sex, family), last: family, sex, age, household: id, role: "kids", district: d }), kidsRoom);
    }
    sector = `${family} family's house`;
  } else if (t.kind === "single") {
    const sex: Sex = rng.chance(0.5) ? "f" : "m";
    const [first, last] = names.person(sex);
    const p = add({ first, last, sex, age: rng.int(26, 84), household: id, role: "single", district: d });
    put(p, 0);
    sector = `${p.name}'s house`;
  } else {
    const student = t.kind === "dorm";
    for (let k = 0; k < size; k++) {
      const sex: Sex = rng.chance(0.5) ? "f" : "m";
      const [first, last] = names.person(sex);
      put(add({ first, last, sex, age: student ? rng.int(18, 22) : rng.int(22, 34), household: id, role: student ? "student" : "mate", district: d }), k);
    }
    sector = student ? `Dorm for ${DISTRICTS[d].school}` : `${10 + (lot.id % 89)} ${DISTRICTS[d].street} co-living space`;
  }
  return { id, lot: lot.id, district: d, kind: t.kind, sector, members, rooms, family };
}

/**
 * Jobs: children to school, young adults to college, the old retire; then the
 * public places of each district are staffed, the offices filled up to their
 * seats, and the rest work from home.
 */
function assignWork(rng: Rng, layout: CityLayout, people: Person[], households: Household[]): void {
  // Homes and home arenas.
  for (const h of households) {
    if (h.kind === "apartments") continue;
    const t = templateById((layout.lots[h.lot].use as { template?: string }).template ?? "dorm");
    h.rooms.forEach((ids, r) => {
      if (ids.length === 0) return;
      const arena = t.kind === "single" ? FLAT_ARENA : roomArena(people, ids, t.rooms[r].role, h.family);
      for (const id of ids) people[id].home = { sector: h.sector, arena };
    });
  }
  const nearest = (d: number, college: boolean) => {
    const [c, r] = [d % 3, Math.floor(d / 3)];
    let best = -1, bestDist = Infinity;
    DISTRICTS.forEach((x, k) => {
      if (x.college !== college) return;
      const dd = Math.abs(k % 3 - c) + Math.abs(Math.floor(k / 3) - r);
      if (dd < bestDist) (best = k), (bestDist = dd);
    });
    return best;
  };
  const set = (p: Person, occupation: string, workplace: string, arena: string | null) => {
    p.occupation = occupation;
    p.workplace = workplace;
    p.workArena = arena;
  };
  const adults: Person[][] = DISTRICTS.map(() => []);
  for (const p of people) {
    if (p.age <= 17) set(p, "pupil", DISTRICTS[nearest(p.district, false)].school, "classroom");
    else if (p.role === "student" || (p.role === "kids" && p.age <= 22)) set(p, "student", DISTRICTS[nearest(p.district, true)].school, "lecture hall");
    else if (p.age >= RETIREMENT_AGE) set(p, "retired", p.home.sector, null);
    else adults[p.district].push(p);
  }
  DISTRICTS.forEach((d, k) => {
    const pool = rng.shuffle(adults[k]);
    const take = () => pool.shift();
    const jobs: [string, string, string][] = [];
    const arenaOf: Record<string, [string, string]> = {
      cafe: [d.cafe, "cafe"], pub: [d.pub, "pub"], market: [d.market, "market"], pharmacy: [d.market, "pharmacy"], supply: [d.supply, "supply store"],
    };
    for (const [occ, n] of PUBLIC_JOBS) for (let i = 0; i < n; i++) jobs.push([occ, ...arenaOf[OCCUPATIONS[occ].place]]);
    for (const [occ, n] of d.college ? COLLEGE_JOBS : SCHOOL_JOBS) {
      for (let i = 0; i < n; i++) jobs.push([occ, d.school, occ === "librarian" ? "library" : d.college ? "lecture hall" : "classroom"]);
    }
    for (const [occ, sector, arena] of jobs) {
      const p = take();
      if (!p) throw new Error(`${d.name}: nobody left to work as ${occ}`);
      set(p, occ, sector, arena);
    }
    let office = 0;
    for (const p of pool.splice(0, OFFICE_SEATS * 2)) {
      set(p, rng.pick(OFFICE_JOBS), d.offices[office % 2], office % 4 < 2 ? "open office" : "front office");
      office++;
    }
    for (const p of pool) set(p, rng.pick(HOME_JOBS), p.home.sector, p.home.arena);
  });
}

/** "Mei and John Lin's bedroom", "Eddy Lin's bedroom", "Ana Cruz's room". */
function roomArena(people: Person[], ids: number[], role: Role, family: string | null): string {
  const names = ids.map((i) => people[i].name);
  const word = role === "mate" || role === "student" ? "room" : "bedroom";
  if (names.length === 1) return `${names[0]}'s ${word}`;
  const firsts = ids.map((i) => people[i].first);
  const join = (xs: string[]) => (xs.length <= 2 ? xs.join(" and ") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`);
  return family ? `${join(firsts)} ${family}'s ${word}` : `${join(names)}'s ${word}`;
}

/** Extras for a sleeping room: the first home worker's tools. */
export function roomExtras(city: City, ids: number[]): string[] {
  for (const id of ids) {
    const o = OCCUPATIONS[city.people[id].occupation];
    if (o?.extras && o.place === "home") return o.extras;
  }
  return [];
}
