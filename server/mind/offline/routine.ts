/**
 * The offline mind's day: what the persona's texts say of it (`persona-day.ts`: lifestyle
 * times, the clauses of its daily requirement, occupation words, hobbies) turned into an
 * hour-by-hour schedule. Meals and the morning routine are short fixed blocks; work fills its hours;
 * each free-time item is used at most once a day, and nothing is planned at the place
 * the resident has just worked (no "coffee at Hobbs Cafe" for the cafe's owner).
 */
import type { Persona } from "../../sim/scenario";
import { homeOf } from "../../sim/places";
import { formatTimeOfDay } from "../../sim/clock";
import type { Rng } from "../../sim/rng";
import type { KnownPlaces, PlanBlock } from "../mind";
import { FALLBACK_LEISURE, leisureOf, lifestyleOf, readClauses, sectorIn, workProfileOf, type Period } from "./persona-day";

export const SLEEPING = "sleeping";
const DAY = 1440;
/** Fixed lengths (minutes) of the day's short blocks. */
const LENGTH = { morning: 30, breakfast: 30, lunch: 45, dinner: 60, bedtime: 30 } as const;
/** Free time shorter than this joins the block before it; longer than LONG_GAP is split. */
const MIN_ITEM = 30;
const LONG_GAP = 120;
/** Free time a hobby is planned for; shorter gaps go to the blocks around them. */
const HOBBY_GAP = 45;
/** A work stretch at least this long may give an hour to a clause that found no free time. */
const CARVABLE = 150;
// Every block, so that the plan answers "what were you doing at 3 pm" (a day has about a dozen).
const DAILY_PLAN_ITEMS = 14;


interface Slot {
  start: number;
  end: number;
  task: string;
  /** Work may give time to free-time items; fixed blocks (meals, engagements) never do. */
  kind: "work" | "fixed" | "free";
}

const PERIODS: Record<Period | "daytime", [number, number]> = { morning: [0, 12 * 60], afternoon: [12 * 60, 17 * 60], evening: [17 * 60, DAY], daytime: [9 * 60, 17 * 60] };

/** Whether a free-time task suits a time of day: drinks in the evening, coffee and walks by day. */
function suits(task: string, minute: number): boolean {
  if (/\b(drinks?|pub|bar|beer)\b|\bevening\b/i.test(task)) return minute >= 17 * 60;
  if (/\bmorning\b/i.test(task)) return minute < 12 * 60;
  if (/\bafternoon\b/i.test(task)) return minute >= 12 * 60 && minute < 17 * 60;
  if (/\b(coffee|cafe|client|market|store|groceries|supplies|shop)\b/i.test(task)) return minute >= 7 * 60 && minute < 19 * 60;
  if (/\b(walk|park|garden|run|jog)\b/i.test(task)) return minute >= 6 * 60 && minute < 20 * 60;
  return true;
}

function periodAt(minute: number): Period {
  return minute < 12 * 60 ? "morning" : minute < 17 * 60 ? "afternoon" : "evening";
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * The schedule of one day from midnight. Blocks sum to 1440 minutes; hours before the
 * wake-up time and after bed time are "sleeping".
 */
export function buildSchedule(p: Persona, known: KnownPlaces, rng: Rng, engagements: { start: number; end: number; task: string }[] = []): PlanBlock[] {
  const life = lifestyleOf(p);
  const work = workProfileOf(p, known);
  const clauses = readClauses(p, known, rng);
  const home = homeOf(p).sector;
  const wake = life.wakeMinute;
  // A bed time after midnight belongs to the previous evening: awake until the end of the day then.
  const bed = life.bedMinute <= wake ? DAY : life.bedMinute;
  const bedtime = bed - LENGTH.bedtime;
  const slots: Slot[] = [];
  const free = (s: { start: number; end: number }) => s.start >= wake && s.end <= bedtime && !slots.some((x) => overlaps(x, s));
  const place = (start: number, length: number, task: string, kind: Slot["kind"]) => {
    const s = { start, end: Math.min(start + length, bedtime), task, kind };
    if (s.end - s.start >= 15 && free(s)) slots.push(s);
    return s;
  };

  // Morning routine, then breakfast (never before the routine is over).
  place(wake, LENGTH.morning, "wake up and complete the morning routine", "fixed");
  const mealTask = (meal: "breakfast" | "lunch" | "dinner", fallback: string) => clauses.find((c) => c.meal === meal)?.task ?? fallback;
  const breakfast = Math.max(life.meals.breakfast ?? wake + LENGTH.morning, wake + LENGTH.morning);
  place(breakfast, LENGTH.breakfast, mealTask("breakfast", "have breakfast"), "fixed");

  // Work: from its start (not before breakfast is done) to its end, around lunch.
  const workStart = Math.max(work.startMinute, breakfast + LENGTH.breakfast);
  const workEnd = Math.min(work.endMinute, bedtime);
  const lunchAt = life.meals.lunch ?? 12 * 60 + 30;
  const dinnerAt = life.meals.dinner ?? 18 * 60 + 30;
  // An evening class or course is kept like an evening outing; work clauses of a part of the day hold only that part.
  const workClauses = clauses.filter((c) => c.work && c.period !== "evening");
  const unmarked = workClauses.filter((c) => c.period === null);
  // Two work clauses at two places and no time of day: the first in the morning, the other after lunch.
  const second = unmarked.find((c) => c.sector !== unmarked[0]?.sector);
  const byPeriod = (period: Period) => workClauses.find((c) => c.period === period) ?? (period === "afternoon" && second ? second : unmarked[0]);
  // A meal just before a shift ("dinner around 5pm before his shift") ends as the shift begins.
  const mealBeforeWork = (at: number, length: number) => (at < workStart + 30 && at + length > workStart ? workStart - length : at);
  const lunch = mealBeforeWork(lunchAt, LENGTH.lunch);
  const dinner = mealBeforeWork(dinnerAt, LENGTH.dinner);
  const atWork = work.sector && /cafe|pub/i.test(work.sector) ? ` at ${work.sector}` : "";
  const lunchInWork = lunch > workStart && lunch + LENGTH.lunch < workEnd;
  const dinnerInWork = dinner > workStart && dinner + LENGTH.dinner < workEnd;
  place(lunch, LENGTH.lunch, mealTask("lunch", `have lunch${lunchInWork ? atWork : ""}`), "fixed");
  place(dinner, LENGTH.dinner, mealTask("dinner", `have dinner${dinnerInWork ? atWork : ""}`), "fixed");
  // "Writes at Hobbs Cafe in the morning, works on articles at home in the afternoon."
  const workTaskAt = (minute: number): string | null => {
    const clause = workClauses.length === 0 ? null : byPeriod(minute < (lunchInWork ? lunch : 12 * 60) ? "morning" : "afternoon");
    if (workClauses.length > 0 && !clause) return null;
    // The second place of work is named as the requirement says it ("edit her pictures in her room at home").
    if (clause && clause !== byPeriod("morning") && clause.sector !== byPeriod("morning")?.sector) return clause.task;
    const sector = clause?.sector ?? work.sector;
    return sector && sector !== home ? `${work.label} at ${sector}` : `${work.label} at home`;
  };
  if (workEnd - workStart >= 60) {
    // Work fills what the meals leave of its hours.
    for (const part of freeParts(slots, workStart, workEnd)) {
      const task = workTaskAt(part.start);
      if (task) place(part.start, part.end - part.start, task, "work");
    }
  }

  // The engagements override whatever was planned for their hours.
  for (const e of engagements) {
    if (e.start < wake || e.end > bedtime) continue;
    for (let i = slots.length - 1; i >= 0; i--) {
      const s = slots[i];
      if (!overlaps(s, e)) continue;
      slots.splice(i, 1);
      // What is left of a work block around the engagement goes on.
      if (s.kind === "work" && s.start < e.start) slots.push({ ...s, end: e.start });
      if (s.kind === "work" && s.end > e.end) slots.push({ ...s, start: e.end });
    }
    slots.push({ start: e.start, end: e.end, task: e.task, kind: "fixed" });
  }
  if (!slots.some((s) => s.end > bedtime)) slots.push({ start: bedtime, end: bed, task: "get ready for bed", kind: "fixed" });

  // The requirement's free-time clauses, each once: at their time, in their part of the day, else anywhere free.
  const workSectors = new Set([work.sector, ...clauses.filter((c) => c.work).map((c) => c.sector)].filter((s): s is string => s !== null && s !== home));
  const used = new Set(slots.map((s) => s.task));
  const gaps = (least = MIN_ITEM) => freeParts(slots, wake, bedtime).filter((g) => g.end - g.start >= least);
  const fits = (task: string, period: Period | "daytime" | null, least: number) => {
    for (const g of gaps()) {
      const w = window(g, task, period);
      if (w && w.end - w.start >= least) return w;
    }
    return null;
  };
  for (const c of clauses.filter((x) => (!x.work || x.period === "evening") && !x.meal)) {
    if (used.has(c.task)) continue;
    if (c.at !== null) {
      if (free({ start: c.at, end: c.at + 30 })) place(c.at, 30, c.task, "free"), used.add(c.task);
      continue;
    }
    // An errand or a meeting with no time of day is a daytime thing: free time then, else an hour of the afternoon's work.
    const at = c.period === null
      ? fits(c.task, "daytime", 45) ?? carve(slots, "afternoon") ?? fits(c.task, null, 45) ?? fits(c.task, null, MIN_ITEM)
      : fits(c.task, c.period, 45) ?? carve(slots, c.period) ?? fits(c.task, c.period, MIN_ITEM);
    if (at) place(at.start, Math.min(at.end - at.start, 90), c.task, "free"), used.add(c.task);
  }
  // Then hobbies and quiet things, each once, never at a workplace of the day nor twice at one place.
  const placeOf = (t: string) => sectorIn(t, known);
  const same = (a: string, b: string) => a === b || a.startsWith(b) || b.startsWith(a);
  const pool = [...leisureOf(p, known), ...FALLBACK_LEISURE].filter((t, i, all) => all.indexOf(t) === i && ![...used].some((u) => same(u, t)) && ![...workSectors].some((w) => t.includes(w)));
  for (let guard = 0; guard < 16; guard++) {
    const gap = gaps(HOBBY_GAP)[0];
    if (!gap) break;
    const visited = new Set(slots.filter((x) => x.kind === "free").map((x) => placeOf(x.task) ?? ""));
    const choices = pool.filter((t) => !visited.has(placeOf(t) ?? "-") && window(gap, t, null) !== null);
    // The persona's own outings and hobbies come first; quiet things at home fill what is left.
    const r = rng();
    const task = choices.length === 0 ? "relax at home" : r < 0.6 || choices.length === 1 ? choices[0] : choices[1 + Math.floor(((r - 0.6) / 0.4) * Math.min(choices.length - 1, 2))];
    if (pool.includes(task)) pool.splice(pool.indexOf(task), 1);
    const w = choices.length > 0 ? window(gap, task, null)! : gap;
    // The time before a suitable window is what the block before it goes on with.
    const length = w.end - w.start > LONG_GAP ? Math.round((w.end - w.start) / 2 / 15) * 15 : w.end - w.start;
    if (w.start > gap.start && w.start - gap.start < MIN_ITEM) place(gap.start, length + (w.start - gap.start), task, "free");
    else if (w.start > gap.start) place(gap.start, w.start - gap.start, "relax at home", "free");
    else place(w.start, length, task, "free");
    used.add(task);
  }
  // A short gap before a meal after work: the meal starts early (dinner after closing).
  for (const g of freeParts(slots, wake, bedtime)) {
    const before = slots.find((x) => x.end === g.start);
    const after = slots.find((x) => x.start === g.end);
    if (before?.kind === "work" && after?.kind === "fixed" && /lunch|dinner|breakfast/.test(after.task)) after.start = g.start;
  }
  return toBlocks(slots, bed);
}

/** The stretches of [from, to) that no slot covers. */
function freeParts(slots: Slot[], from: number, to: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let at = from;
  for (const s of [...slots].sort((a, b) => a.start - b.start)) {
    if (s.end <= at || s.start >= to) continue;
    if (s.start > at) out.push({ start: at, end: s.start });
    at = Math.max(at, s.end);
  }
  if (at < to) out.push({ start: at, end: to });
  return out;
}

/** The part of a gap where a task suits the time of day (and the part of the day asked for), by quarter hours. */
function window(g: { start: number; end: number }, task: string, period: Period | "daytime" | null): { start: number; end: number } | null {
  const [from, to] = period === null ? [0, DAY] : PERIODS[period];
  let start = -1;
  for (let t = Math.max(g.start, from); t < Math.min(g.end, to); t += 15) {
    const ok = suits(task, t);
    if (ok && start < 0) start = t;
    if (!ok && start >= 0) return { start, end: t };
  }
  return start < 0 ? null : { start, end: Math.min(g.end, to) };
}

/** An hour taken from a long work block in `period` (its start in the morning, its middle later). */
function carve(slots: Slot[], period: Period | null): { start: number; end: number } | null {
  const [from, to] = period === null ? [0, DAY] : PERIODS[period];
  const within = (s: Slot) => ({ start: Math.max(s.start, from), end: Math.min(s.end, to) });
  const candidates = slots.filter((s) => s.kind === "work" && s.end - s.start >= CARVABLE && within(s).end - within(s).start >= 90);
  const s = candidates.sort((a, b) => b.end - b.start - (a.end - a.start))[0];
  if (!s) return null;
  const part = within(s);
  const start = period === "morning" ? part.start : period === "evening" ? part.end - 60 : Math.round((part.start + part.end) / 2 / 30) * 30 - 30;
  const hole = { start: Math.max(part.start, start), end: Math.max(part.start, start) + 60 };
  slots.splice(slots.indexOf(s), 1);
  if (hole.start > s.start) slots.push({ ...s, end: hole.start });
  if (s.end > hole.end) slots.push({ ...s, start: hole.end });
  return hole;
}

/** Slots -> contiguous blocks from midnight; a short gap joins the block before it. */
function toBlocks(slots: Slot[], bed: number): PlanBlock[] {
  const points = [{ at: 0, task: SLEEPING }, ...[...slots].sort((a, b) => a.start - b.start).map((s) => ({ at: s.start, task: s.task })), ...(bed < DAY ? [{ at: bed, task: SLEEPING }] : [])];
  const blocks: PlanBlock[] = [];
  for (let i = 0; i < points.length; i++) {
    const end = i + 1 < points.length ? points[i + 1].at : DAY;
    const minutes = end - points[i].at;
    if (minutes <= 0) continue;
    const last = blocks[blocks.length - 1];
    if (last && last.task === points[i].task) last.minutes += minutes;
    else blocks.push({ task: points[i].task, minutes });
  }
  return blocks;
}

/** The plan in words, from the schedule: every waking block, from the wake-up (bed time and idle fillers are left out first if there are too many). */
export function describePlan(blocks: PlanBlock[]): string[] {
  const items: { line: string; minutes: number; rank: number }[] = [];
  let at = 0;
  for (const b of blocks) {
    if (b.task !== SLEEPING) {
      const rank = /ready for bed/.test(b.task) ? 0 : FALLBACK_LEISURE.includes(b.task) ? 1 : /breakfast|lunch|dinner|morning routine/.test(b.task) ? 3 : 2;
      items.push({ line: `${b.task} at ${formatTimeOfDay(at)}`, minutes: b.minutes, rank });
    }
    at += b.minutes;
  }
  while (items.length > DAILY_PLAN_ITEMS) {
    let drop = 1;
    for (let i = 2; i < items.length; i++) if (items[i].rank < items[drop].rank || (items[i].rank === items[drop].rank && items[i].minutes < items[drop].minutes)) drop = i;
    items.splice(drop, 1);
  }
  return items.map((x) => x.line);
}
