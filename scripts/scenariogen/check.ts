/**
 * Does the offline mind read the city's personas as meant? For every persona: the
 * workplace it finds in the daily plan is the one the city gave it, and every
 * free-time item goes to a place of its own district (or home, work, school).
 * Uses the offline mind's own rules (routine.ts, places.ts) on the places a
 * resident knows on its first morning (home, public places, places its texts name).
 */
import type { KnownPlaces } from "../../server/mind/mind";
import { chooseSector } from "../../server/mind/offline/places";
import { leisureOf, workplaceOf } from "../../server/mind/offline/persona-day";
import { homeOf } from "../../server/sim/places";
import type { Scenario } from "../../server/sim/scenario";
import type { City } from "../mapgen/city-people";

/** The public sectors everyone knows (server/town/settle-in.ts). */
const PUBLIC_SECTOR = /cafe|pub|park|college$|market|supply/i;

export interface PersonaCheck {
  /** Residents whose workplace the offline mind reads differently. */
  wrongWorkplace: string[];
  /** Free-time items that go to another district, as "name: task -> sector". */
  farOutings: string[];
  outings: number;
}

export function checkCityPersonas(city: City, scenario: Scenario): PersonaCheck {
  const districtOf = new Map<string, number>();
  city.districts.forEach((d, k) => {
    for (const s of [d.cafe, d.pub, d.market, d.supply, d.park, d.school, ...d.offices]) districtOf.set(s, k);
  });
  const allSectors = new Set<string>([...districtOf.keys(), ...city.households.map((h) => h.sector)]);
  const byName = new Map(city.people.map((p) => [p.name, p]));
  const out: PersonaCheck = { wrongWorkplace: [], farOutings: [], outings: 0 };
  for (const persona of scenario.personas) {
    const p = byName.get(persona.name)!;
    const home = homeOf(persona).sector;
    const text = `${persona.learned} ${persona.currently} ${persona.dailyPlanRequirement}`.toLowerCase();
    const known: KnownPlaces = new Map([...allSectors].filter((s) => s === home || PUBLIC_SECTOR.test(s) || text.includes(s.toLowerCase())).map((s) => [s, new Map()]));
    const want = p.workplace === home ? null : p.workplace;
    const got = workplaceOf(persona, known);
    if (got !== want) out.wrongWorkplace.push(`${persona.name}: ${got} instead of ${want}`);
    for (const task of leisureOf(persona, known)) {
      out.outings++;
      const sector = chooseSector(persona, task, undefined, home, known);
      const d = districtOf.get(sector);
      if (sector !== home && sector !== p.workplace && d !== undefined && d !== p.district) out.farOutings.push(`${persona.name}: ${task} -> ${sector}`);
    }
  }
  return out;
}
