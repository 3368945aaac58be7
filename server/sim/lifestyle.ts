/**
 * Reads the daily rhythm out of a persona's `lifestyle` sentence, so the offline mind and
 * the scenario check agree on what a lifestyle must say.
 *
 * Grammar (case-insensitive, anywhere in the text):
 *   bed:   "bed around|at|by|about <time>"            e.g. "goes to bed around 11pm"
 *   wake:  "wake(s) up around|at|by|about <time>"     e.g. "wakes up around 6:30am"
 *   meal:  "<breakfast|lunch|dinner> around|at|by|about <time>"  e.g. "lunch at noon"
 *   <time>: "7am", "7:30 pm", "noon", "midnight"
 * A lifestyle must give a bed time, a wake-up time and at least one meal time.
 */

export const MEALS = ["breakfast", "lunch", "dinner"] as const;
export type Meal = (typeof MEALS)[number];

/** Times are minutes after midnight (0..1439), game time. */
export interface LifestyleTimes {
  bedMinute: number;
  wakeMinute: number;
  meals: Partial<Record<Meal, number>>;
}

export type LifestyleResult = { ok: true; value: LifestyleTimes } | { ok: false; problems: string[] };

const TIME = String.raw`(noon|midnight|\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?)`;
const LINK = String.raw`\s+(?:around|at|by|about)\s+`;
const BED = new RegExp(String.raw`\bbed${LINK}${TIME}`, "i");
const WAKE = new RegExp(String.raw`\bwakes?\s+up${LINK}${TIME}`, "i");
const mealPattern = (meal: Meal) => new RegExp(String.raw`\b${meal}${LINK}${TIME}`, "i");

/** "7:30pm" -> 1170; "noon" -> 720; "midnight" -> 0; null when not a clock time. */
export function parseClockTime(text: string): number | null {
  const t = text.trim().toLowerCase().replace(/\./g, "");
  if (t === "noon") return 720;
  if (t === "midnight") return 0;
  const m = /^(\d{1,2})(?::(\d{2}))?\s*([ap])m$/.exec(t);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  if (hour < 1 || hour > 12 || minute > 59) return null;
  return ((hour % 12) + (m[3] === "p" ? 12 : 0)) * 60 + minute;
}

function find(pattern: RegExp, text: string): number | null {
  const m = pattern.exec(text);
  return m ? parseClockTime(m[1]) : null;
}

/** Parse a lifestyle sentence; problems say which part is missing. */
export function parseLifestyle(text: string): LifestyleResult {
  const bedMinute = find(BED, text);
  const wakeMinute = find(WAKE, text);
  const meals: Partial<Record<Meal, number>> = {};
  for (const meal of MEALS) {
    const at = find(mealPattern(meal), text);
    if (at !== null) meals[meal] = at;
  }
  const problems: string[] = [];
  if (bedMinute === null) problems.push(`no bed time (write e.g. "goes to bed around 11pm")`);
  if (wakeMinute === null) problems.push(`no wake-up time (write e.g. "wakes up around 7am")`);
  if (Object.keys(meals).length === 0) problems.push(`no meal time (write e.g. "eats dinner around 6pm")`);
  if (bedMinute !== null && bedMinute === wakeMinute) problems.push("bed time equals wake-up time");
  if (problems.length > 0 || bedMinute === null || wakeMinute === null) return { ok: false, problems };
  return { ok: true, value: { bedMinute, wakeMinute, meals } };
}

/** Minutes asleep per night, across midnight when bed time is after wake-up time. */
export function sleepMinutes(times: LifestyleTimes): number {
  return (times.wakeMinute - times.bedMinute + 1440) % 1440;
}
