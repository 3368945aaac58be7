/**
 * Seeded randomness. Nothing in the simulation calls Math.random: a run with the same
 * seed is the same run. `rngFor(seed, ...keys)` gives an independent stream per purpose,
 * so one agent's choices do not shift when another agent asks more questions.
 */
export type Rng = () => number;

/** FNV-1a over the keys, mixed into a 32-bit seed. */
export function hashKeys(...keys: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const k of keys) {
    const s = String(k);
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0xff;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for choices in a simulation. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function rngFor(seed: number, ...keys: (string | number)[]): Rng {
  return mulberry32(hashKeys(seed, ...keys));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error("pick: no items");
  return items[Math.floor(rng() * items.length)];
}

/** Integer in [lo, hi]. */
export function intBetween(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}
