/**
 * Places in prompts: which of the known places an agent may use (not other people's
 * homes or bedrooms), how to list them in few tokens, and how to read a place name a
 * model wrote back ("hobbs cafe", "the Ville:Hobbs Cafe", "Hobs Cafe") as a known one.
 */
import type { Persona } from "../../sim/scenario";
import type { KnownPlaces } from "../mind";
import { homeOf, isOthersRoom, isPrivateSector } from "../../sim/places";


/** Known sectors the agent may go to: public ones and its own home, in a stable order. */
export function allowedSectors(p: Persona, known: KnownPlaces): string[] {
  const home = homeOf(p).sector;
  return [...known.keys()].filter((s) => s === home || !isPrivateSector(s)).sort();
}

/** Known arenas of `sector` the agent may use: not someone else's bedroom. */
export function allowedArenas(p: Persona, sector: string, known: KnownPlaces): string[] {
  const arenas = [...(known.get(sector)?.keys() ?? [])];
  const allowed = arenas.filter((a) => !isOthersRoom(p, a));
  return allowed.length > 0 ? allowed : arenas;
}

/** "cafe table 2" when "cafe table" is also there (listed once: the first copy's name is a valid answer). */
export function isNumberedCopy(name: string, all: readonly string[]): boolean {
  const base = name.replace(/\s+\d+$/, "");
  return base !== name && all.includes(base);
}

/**
 * The known name `raw` means, or null. Tries, in order: exact, case and punctuation
 * insensitive, the last part of a "world:sector:arena" address, containment, shared
 * words, then a small edit distance (typos). Never returns a name outside `names`.
 */
export function matchName(raw: string | undefined | null, names: readonly string[]): string | null {
  if (!raw || names.length === 0) return null;
  if (names.includes(raw)) return raw;
  const parts = raw.split(":").map((part) => part.trim()).filter(Boolean);
  for (const candidate of [raw, ...parts.reverse()]) {
    const found = looseMatch(candidate, names);
    if (found) return found;
  }
  return null;
}

function looseMatch(raw: string, names: readonly string[]): string | null {
  const want = normalise(raw);
  if (!want) return null;
  const exact = names.find((n) => normalise(n) === want);
  if (exact) return exact;
  const containing = names.filter((n) => normalise(n).includes(want) || want.includes(normalise(n)));
  if (containing.length > 0) return closest(want, containing);
  const byWords = bestBy(names, (n) => wordOverlap(want, normalise(n)));
  if (byWords && byWords.score >= 0.5) return byWords.name;
  const byEdits = bestBy(names, (n) => 1 - editDistance(want, normalise(n)) / Math.max(want.length, normalise(n).length));
  return byEdits && byEdits.score >= 0.75 ? byEdits.name : null;
}

/** Among names that contain (or are contained in) the answer, the one closest in length. */
function closest(want: string, names: string[]): string {
  return [...names].sort((a, b) => Math.abs(normalise(a).length - want.length) - Math.abs(normalise(b).length - want.length))[0];
}

function bestBy(names: readonly string[], score: (name: string) => number): { name: string; score: number } | null {
  let best: { name: string; score: number } | null = null;
  for (const name of names) {
    const s = score(name);
    if (!best || s > best.score) best = { name, score: s };
  }
  return best;
}

function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/['\u2019]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .replace(/^(the|a|an) /, "")
    .trim();
}

/** Shared words over the words of the longer name (Jaccard would punish short answers). */
function wordOverlap(a: string, b: string): number {
  const wa = new Set(a.split(" "));
  const wb = new Set(b.split(" "));
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.max(wa.size, wb.size);
}

/** Levenshtein distance, two rows. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}
