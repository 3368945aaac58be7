/**
 * The city-1000 scenario, made from the city's people (scripts/mapgen/city-people.ts,
 * the same plan the city map is built from) and the templates of texts.ts: a persona
 * per resident with traits, a daily rhythm, a background, a current project and a
 * daily plan at the real places of the home district; relationships with household,
 * neighbours, colleagues or classmates and friends (3 to 8 each, both ways); and three
 * planted facts. Same seed, same bytes.
 */
import { CITY_SEED, City, Person, planCity } from "../mapgen/city-people";
import { DistrictNames } from "../mapgen/city-names";
import { Rng, hashString } from "../mapgen/rng";
import { CITY_WORLD } from "../mapgen/city-people";
import { slugOf } from "../../shared/constants";
import { FORMER, HOBBIES, JOBS, OUTINGS, ROOTS, RHYTHMS, Rhythm, TRAITS, clock } from "./texts";

export const SCENARIO_NAME = "city-1000";
const START_DATE = "2023-02-13T00:00:00Z";
const MAX_RELATIONSHIPS = 8;
const MIN_RELATIONSHIPS = 3;

export interface RelationshipJson {
  name: string;
  relation: string;
  note: string;
}

export interface PersonaJson {
  name: string;
  firstName: string;
  lastName: string;
  age: number;
  innate: string;
  learned: string;
  currently: string;
  lifestyle: string;
  livingArea: string;
  dailyPlanRequirement: string;
  sprite: string;
  start: string;
  relationships: RelationshipJson[];
}

export interface FactJson {
  id: string;
  holder: string;
  text: string;
  keywords: string[];
  event?: { sector: string; start: string; end: string };
}

export interface ScenarioJson {
  name: string;
  title: string;
  map: string;
  startDate: string;
  personas: PersonaJson[];
  facts: FactJson[];
}

/** The scenario as JSON text (what `npm run scenario:gen` writes). */
export function cityScenarioJson(seed = CITY_SEED): string {
  return JSON.stringify(buildCityScenario(seed), null, 1) + "\n";
}

export function buildCityScenario(seed = CITY_SEED, city: City = planCity(seed)): ScenarioJson {
  const roles = specialRoles(city);
  const shifts = shiftIndex(city);
  const personas = city.people.map((p) => persona(city, p, seed, shifts.get(p.id) ?? 0, roles));
  addRelationships(city, personas, new Rng(seed).fork("relationships"));
  return {
    name: SCENARIO_NAME,
    title: "The city: 1,000 residents in six districts",
    map: "city",
    startDate: START_DATE,
    personas,
    facts: facts(city, roles),
  };
}

interface Roles {
  host: Person;
  candidate: Person;
  librarian: Person;
}

/** Who holds the planted news: the owner of Hobbs Cafe, a retired Old Town resident, Cedar Hill College's librarian. */
function specialRoles(city: City): Roles {
  const oldTown = 0;
  const host = city.people.find((p) => p.district === oldTown && p.occupation === "cafe-owner");
  const candidate = city.people.find((p) => p.district === oldTown && p.occupation === "retired" && p.age < 78);
  const cedar = city.districts.findIndex((d) => d.name === "Cedar Hill");
  const librarian = city.people.find((p) => p.district === cedar && p.occupation === "librarian");
  if (!host || !candidate || !librarian) throw new Error("the city lacks a cafe owner, a retired resident or a librarian for the planted news");
  return { host, candidate, librarian };
}

/** The order of each worker among those of the same job at the same place (for shifts). */
function shiftIndex(city: City): Map<number, number> {
  const seen = new Map<string, number>();
  const out = new Map<number, number>();
  for (const p of city.people) {
    const key = `${p.occupation}@${p.workplace}`;
    const n = seen.get(key) ?? 0;
    out.set(p.id, n);
    seen.set(key, n + 1);
  }
  return out;
}

const address = (sector: string, arena: string) => `${CITY_WORLD}:${sector}:${arena}`;

function persona(city: City, p: Person, seed: number, shift: number, roles: Roles): PersonaJson {
  const rng = new Rng((hashString(`persona:${p.name}`) ^ seed) >>> 0);
  const d = city.districts[p.district];
  const job = JOBS[p.occupation];
  if (!job) throw new Error(`no texts for occupation ${p.occupation}`);
  const fill = slots(p, d, rng);
  const innate = rng.shuffle(TRAITS).slice(0, rng.int(3, 4)).join(", ");
  const rhythm: Rhythm = typeof job.rhythm === "function" ? job.rhythm(shift) : job.rhythm;
  const [bed, wake, breakfast, lunch, dinner] = rng.pick(RHYTHMS[rhythm]);
  const lifestyle = `goes to bed around ${clock(bed)}, wakes up around ${clock(wake)}, eats breakfast around ${clock(breakfast)}, lunch around ${clock(lunch)} and dinner around ${clock(dinner)}`;
  const learned = [rng.pick(job.intro), rng.pick(job.detail), householdSentence(city, p), ...(p.age >= 18 ? [rng.pick(ROOTS)] : []), rng.pick(HOBBIES)].map(fill).join(" ");
  let currently = fill(rng.pick(job.currently));
  let requirement = `${p.first} ${fill(job.work(shift))}, ${outings(p, rhythm, rng).map(fill).join(", and ")}.`;
  if (p === roles.host) {
    currently = fill("{first} is planning a Valentine's Day party at {cafe} on February 14, 2023, from 5pm to 7pm, and wants to invite as many customers and neighbours as {he} can. {He} is also decorating the cafe for the occasion.");
    requirement = fill("{first} opens {cafe} at 7am and works the counter until 3pm, greeting customers and inviting them to {his} Valentine's Day party, and takes a walk in {park} in the evening.");
  } else if (p === roles.candidate) {
    currently = fill("{first} is running for mayor in the upcoming local election and is working out how to talk to {his} neighbours about {his} plans for the city.");
    requirement = fill("{first} takes a morning walk in {park}, talks with neighbours about the city's future, works on {his} campaign at {home}, and drops by {pub} in the evening.");
  } else if (p === roles.librarian) {
    currently = fill("{first} is organising a book sale in the library of {work} on February 15, 2023, from 4pm to 6pm, to raise money for new shelves.");
  }
  const home = address(p.home.sector, p.home.arena);
  return {
    name: p.name,
    firstName: p.first,
    lastName: p.last,
    age: p.age,
    innate,
    learned,
    currently,
    lifestyle,
    livingArea: home,
    dailyPlanRequirement: requirement,
    sprite: slugOf(p.name),
    start: home,
    relationships: [],
  };
}

function slots(p: Person, d: DistrictNames, rng: Rng): (text: string) => string {
  const f = p.sex === "f";
  const values: Record<string, string> = {
    name: p.name, first: p.first, age: String(p.age), grade: String(Math.max(1, p.age - 5)), years: String(rng.int(4, 25)),
    He: f ? "She" : "He", he: f ? "she" : "he", His: f ? "Her" : "His", his: f ? "her" : "his", him: f ? "her" : "him", himself: f ? "herself" : "himself",
    work: p.workplace, home: /family's house$|co-living space$|^Dorm for /.test(p.home.sector) ? `the ${p.home.sector}` : p.home.sector, district: d.name, former: rng.pick(FORMER),
    cafe: d.cafe, pub: d.pub, park: d.park, market: d.market, supply: d.supply, school: d.school,
  };
  return (text) => text.replace(/\{(\w+)\}/g, (m, k: string) => {
    const v = values[k];
    if (v === undefined) throw new Error(`unknown slot ${m}`);
    return v;
  });
}

/** Free time in the plan: two outings at the district's own places (never one's own workplace, no pub for children). */
function outings(p: Person, rhythm: Rhythm, rng: Rng): string[] {
  if (p.occupation === "pupil") return ["does homework at {home} in the evening", rng.pick(["plays in {park} in the afternoon", "buys supplies at {supply}"])];
  if (p.occupation === "student") return ["studies in the library of {work}", rng.pick(["gets a coffee at {cafe} in the afternoon", "has a drink at {pub} in the evening", "takes a walk in {park} in the evening"])];
  if (p.occupation === "retired") return [rng.pick(["takes a morning walk in {park}", "buys groceries at {market}"]), rng.pick(["has lunch at {cafe}", "has a drink at {pub} in the evening"])];
  const own = placeKind(p);
  const pool = OUTINGS.filter(([key, clause]) => key !== own && !(rhythm === "late" && /evening|lunch/.test(clause)) && !(rhythm === "early" && key === "pub"));
  const first = rng.pick(pool);
  const second = rng.pick(pool.filter(([key]) => key !== first[0]));
  return [first[1], second[1]];
}

function placeKind(p: Person): string {
  switch (p.occupation) {
    case "cafe-owner": case "barista": return "cafe";
    case "publican": case "bartender": return "pub";
    case "grocer": case "shop-assistant": return "market";
    case "pharmacist": return "market";
    case "hardware-owner": case "hardware-clerk": return "supply";
    default: return "";
  }
}

const names = (xs: string[]) => (xs.length <= 2 ? xs.join(" and ") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`);

function householdSentence(city: City, p: Person): string {
  const h = city.households[p.household];
  const others = h.members.filter((id) => id !== p.id).map((id) => city.people[id]);
  const partners = others.filter((o) => o.role === "parents");
  const kids = others.filter((o) => o.role === "kids");
  const where = h.kind === "family" || h.kind === "couple" ? `the ${h.sector}` : h.sector;
  const partnerWord = (o: Person) => (o.sex === "f" ? "wife" : "husband");
  if (p.role === "parents") {
    const spouse = partners[0];
    const children = kids.length === 0 ? "" : `${kids.length === 1 ? (kids[0].sex === "f" ? "daughter" : "son") : "children"} ${names(kids.map((k) => k.first))}`;
    if (spouse && children) return `{He} lives in ${where} with {his} ${partnerWord(spouse)} ${spouse.first} and their ${children}.`;
    if (spouse) return `{He} lives in ${where} with {his} ${partnerWord(spouse)} ${spouse.first}.`;
    if (children) return `{He} lives in ${where} with {his} ${children}.`;
    return p.age >= 60 ? `{He} lives alone in ${where} since {his} children moved away.` : `{He} lives alone in ${where}.`;
  }
  if (p.role === "kids") {
    const siblings = kids.length > 0 ? ` and ${kids.length === 1 ? (kids[0].sex === "f" ? "sister" : "brother") : "siblings"} ${names(kids.map((k) => k.first))}` : "";
    const parents = partners.length === 2 ? `parents ${partners[0].first} and ${partners[1].first}` : `${partners[0].sex === "f" ? "mother" : "father"} ${partners[0].first}`;
    return `{He} lives in ${where} with {his} ${parents}${siblings}.`;
  }
  if (h.kind === "shared") return `{He} shares the ${h.sector} with ${names(others.map((o) => o.first))}.`;
  if (h.kind === "dorm") return `{He} lives in the ${h.sector} with ${names(others.map((o) => o.first))}.`;
  if (h.kind === "apartments") return `{He} lives alone in a flat in {district}.`;
  return `{He} lives alone in a small house in {district}.`;
}

/** Relationships both ways: household, neighbours, colleagues or classmates, then friends up to at least three. */
function addRelationships(city: City, personas: PersonaJson[], rng: Rng): void {
  const people = city.people;
  const linked = people.map(() => new Set<number>());
  const link = (a: number, b: number, ab: [string, string], ba: [string, string]): boolean => {
    if (a === b || linked[a].has(b) || linked[a].size >= MAX_RELATIONSHIPS || linked[b].size >= MAX_RELATIONSHIPS) return false;
    linked[a].add(b);
    linked[b].add(a);
    personas[a].relationships.push({ name: people[b].name, relation: ab[0], note: ab[1] });
    personas[b].relationships.push({ name: people[a].name, relation: ba[0], note: ba[1] });
    return true;
  };
  const kin = (o: Person, w: [string, string]) => (o.sex === "f" ? w[0] : w[1]);
  // Household.
  for (const h of city.households) {
    const ms = h.members.map((id) => people[id]);
    for (let i = 0; i < ms.length; i++) for (let j = i + 1; j < ms.length; j++) {
      const a = ms[i], b = ms[j];
      if (a.role === "parents" && b.role === "parents") {
        const years = Math.max(1, Math.min(a.age, b.age) - 24 - (hashString(a.name) % 5));
        const note = `${a.first} and ${b.first} have been married for ${years} years.`;
        link(a.id, b.id, [kin(b, ["wife", "husband"]), note], [kin(a, ["wife", "husband"]), note]);
      } else if (a.role === "parents" && b.role === "kids") {
        link(a.id, b.id, [kin(b, ["daughter", "son"]), `${a.first} is proud of ${b.first} and worries about ${kin(b, ["her", "his"])} future.`], [kin(a, ["mother", "father"]), `${b.first} can always count on ${a.first}, even when they argue.`]);
      } else if (a.role === "kids" && b.role === "kids") {
        const note = `${a.first} and ${b.first} squabble over the bedroom they share but stick together.`;
        link(a.id, b.id, [kin(b, ["sister", "brother"]), note], [kin(a, ["sister", "brother"]), note]);
      } else {
        const word = h.kind === "dorm" ? "dorm mate" : "housemate";
        const note = `${a.first} and ${b.first} share the kitchen of the ${h.sector} and take turns cooking.`;
        link(a.id, b.id, [word, note], [word, note]);
      }
    }
  }
  // Neighbours: the flats of one block, and the homes on either side along a street.
  const lotsInRow = new Map<number, number[]>();
  for (const l of city.layout.lots) if (city.byLot.has(l.id)) lotsInRow.set(l.row, [...(lotsInRow.get(l.row) ?? []), l.id]);
  const members = (lot: number) => (city.byLot.get(lot) ?? []).flatMap((h) => city.households[h].members);
  for (const lots of lotsInRow.values()) {
    for (let k = 0; k < lots.length; k++) {
      const here = members(lots[k]);
      const flats = city.byLot.get(lots[k])!.length > 1;
      if (flats) {
        for (let i = 0; i + 1 < here.length; i++) {
          const note = `${people[here[i]].first} and ${people[here[i + 1]].first} live across the corridor from each other and trade parcels and gossip.`;
          link(here[i], here[i + 1], ["neighbour", note], ["neighbour", note]);
        }
      }
      if (k + 1 < lots.length) {
        const next = members(lots[k + 1]);
        const a = here[here.length - 1], b = next[0];
        if (a !== undefined && b !== undefined) {
          const note = `${people[a].first} and ${people[b].first} are next-door neighbours who chat over the fence.`;
          link(a, b, ["neighbour", note], ["neighbour", note]);
        }
      }
    }
  }
  // Colleagues and classmates: the next one or two at the same place.
  const byPlace = new Map<string, number[]>();
  for (const p of people) {
    if (p.occupation === "retired" || p.workplace === p.home.sector) continue;
    byPlace.set(p.workplace, [...(byPlace.get(p.workplace) ?? []), p.id]);
  }
  for (const [place, ids] of byPlace) {
    const order = rng.shuffle(ids);
    for (let i = 0; i < order.length; i++) for (const step of [1, 2]) {
      if (order.length <= step || (step === 2 && order.length < 5)) continue;
      const a = people[order[i]], b = people[order[(i + step) % order.length]];
      const learners = (x: Person) => x.occupation === "pupil" || x.occupation === "student";
      const word = learners(a) && learners(b) ? "classmate" : learners(a) !== learners(b) ? (learners(a) ? "teacher" : "student") : "colleague";
      const back = word === "teacher" ? "student" : word === "student" ? "teacher" : word;
      const note = `${a.first} and ${b.first} see each other every day at ${place}.`;
      link(a.id, b.id, [word, note], [back, note]);
    }
  }
  // Friends: within the district first, until everyone knows at least three people.
  const byDistrict = city.districts.map((_, d) => people.filter((p) => p.district === d).map((p) => p.id));
  const adult = (p: Person) => p.age >= 18;
  for (const p of people) {
    for (let tries = 0; tries < 60 && (linked[p.id].size < MIN_RELATIONSHIPS || (tries === 0 && rng.chance(0.3))); tries++) {
      const pool = tries < 40 ? byDistrict[p.district] : people.map((x) => x.id);
      const o = people[rng.pick(pool)];
      if (adult(o) !== adult(p) || Math.abs(o.age - p.age) > 25) continue;
      const note = `${p.first} and ${o.first} met ${rng.pick(["years ago through friends", "at a neighbourhood party", "in an evening class", "when they were children", "at work long ago"])} and still see each other often.`;
      link(p.id, o.id, ["friend", note], ["friend", note]);
    }
  }
  const lonely = people.filter((p) => linked[p.id].size < MIN_RELATIONSHIPS);
  if (lonely.length > 0) throw new Error(`${lonely.length} residents know fewer than ${MIN_RELATIONSHIPS} people, e.g. ${lonely[0].name}`);
}

function facts(city: City, roles: Roles): FactJson[] {
  const cafe = city.districts[roles.host.district].cafe;
  const college = roles.librarian.workplace;
  return [
    {
      id: "valentine-party",
      holder: roles.host.name,
      text: `${roles.host.name} is hosting a Valentine's Day party at ${cafe} on February 14, 2023, from 5pm to 7pm, and everyone in the city is welcome.`,
      keywords: ["Valentine's Day", "party", cafe, roles.host.name],
      event: { sector: cafe, start: "2023-02-14T17:00:00Z", end: "2023-02-14T19:00:00Z" },
    },
    {
      id: "mayor-candidacy",
      holder: roles.candidate.name,
      text: `${roles.candidate.name} is running for mayor in the local election and wants to hear what ${roles.candidate.sex === "f" ? "her" : "his"} neighbours think the Ville needs.`,
      keywords: [roles.candidate.name, "mayor", "election"],
    },
    {
      id: "book-sale",
      holder: roles.librarian.name,
      text: `${roles.librarian.name} is hosting a book sale at ${college} on February 15, 2023, from 4pm to 6pm, to raise money for new library shelves.`,
      keywords: ["book sale", college, roles.librarian.name],
      event: { sector: college, start: "2023-02-15T16:00:00Z", end: "2023-02-15T18:00:00Z" },
    },
  ];
}
