/**
 * Whose places are whose: a resident's home, and the private places (homes, rooms) that
 * are not for other people. Both minds follow the same rules.
 */
import { arenaParts, type Persona } from "./scenario";

const PRIVATE_SECTOR = /'s (house|apartment)$|family's house$|co-living|\bdorm\b/i;
const PRIVATE_ROOM = /'s (room|bedroom)$|bedroom$/i;

/** The sector and arena the resident lives in. */
export function homeOf(p: Persona): { sector: string; arena: string } {
  const { sector, arena } = arenaParts(p.livingArea);
  return { sector, arena };
}

/** Someone's house, apartment, dorm or shared home. */
export function isPrivateSector(sector: string): boolean {
  return PRIVATE_SECTOR.test(sector);
}

/** A bedroom or "<name>'s room" that is not the resident's own. */
export function isOthersRoom(p: Persona, arena: string): boolean {
  return PRIVATE_ROOM.test(arena) && arena !== homeOf(p).arena && !arena.includes(p.firstName);
}
