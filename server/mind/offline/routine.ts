/**
 * The offline mind's day: a routine read from the persona (lifestyle times, workplace and
 * occupation words, hobbies) and turned into an hour-by-hour schedule.
 */
import type { Persona } from "../../sim/scenario";
import { parseClockTime, parseLifestyle, type LifestyleTimes } from "../../sim/lifestyle";
import { formatTimeOfDay } from "../../sim/clock";
import { pick, type Rng } from "../../sim/rng";
import type { KnownPlaces, PlanBlock } from "../mind";
import { mentions } from "./vocabulary";

export const SLEEPING = "sleeping";
const DAY = 1440;

/** Work tasks by occupation words (first match wins). */
const OCCUPATIONS: { words: string[]; label: string; tasks: string[] }[] = [
  { words: ["cafe owner", "owns hobbs cafe", "runs hobbs cafe", "barista"], label: "run the cafe", tasks: ["brew coffee for customers", "serve customers at the counter", "bake pastries in the kitchen", "wipe down the cafe tables", "chat with regular customers"] },
  { words: ["bartender", "barkeep"], label: "tend the bar", tasks: ["pour drinks at the bar", "serve patrons at the pub tables", "wash glasses behind the bar", "chat with patrons"] },
  { words: ["pharmacist", "pharmacy shopkeeper", "pharmacy"], label: "work at the pharmacy", tasks: ["fill prescriptions at the pharmacy counter", "advise customers about medicine", "restock the shelves", "work the cashier counter"] },
  { words: ["shopkeeper", "store", "shop owner", "runs the market"], label: "mind the shop", tasks: ["help customers find what they need", "restock the shelves", "work the cashier counter", "check the inventory"] },
  { words: ["professor", "teaches", "lecturer"], label: "teach at the college", tasks: ["give a lecture", "teach a class at the blackboard", "hold office hours with students", "prepare lecture notes", "grade papers"] },
  { words: ["student", "studies", "studying"], label: "attend classes", tasks: ["attend class and take notes", "study in the library", "work on assignments at a library table", "browse the library shelves for sources"] },
  { words: ["painter", "watercolo", "paints"], label: "paint", tasks: ["paint at the easel", "sketch new ideas", "mix colours for a painting", "study reference images"] },
  { words: ["photographer"], label: "work on photographs", tasks: ["edit photos at the computer", "plan a photo series", "sort through prints"] },
  { words: ["digital artist", "animator", "illustrat"], label: "make digital art", tasks: ["draw at the computer", "sketch character designs", "render an animation"] },
  { words: ["actor", "comedian", "comedy"], label: "rehearse", tasks: ["rehearse lines", "write new jokes", "practise a stand-up set"] },
  { words: ["poet"], label: "write poetry", tasks: ["write poems at the desk", "revise a poem", "read poetry for inspiration"] },
  { words: ["writer", "author", "novelist"], label: "write", tasks: ["write at the desk", "revise a draft", "read for research", "outline the next chapter"] },
  { words: ["software", "engineer", "programmer", "developer"], label: "work on software", tasks: ["write code at the computer", "debug a program", "answer work emails", "review a colleague's code"] },
  { words: ["lawyer", "tax", "attorney"], label: "work on legal cases", tasks: ["review client files at the desk", "prepare tax documents", "answer client emails"] },
  { words: ["mathematician"], label: "do mathematics", tasks: ["work on a proof at the desk", "read mathematics papers", "sketch equations"] },
  { words: ["philosopher"], label: "think and write", tasks: ["read philosophy books", "write an essay at the desk", "think about a hard question"] },
  { words: ["music", "composer", "musician"], label: "make music", tasks: ["practise the piano", "compose music", "study music theory"] },
  { words: ["retired", "campaign", "mayor"], label: "work on personal projects", tasks: ["read the newspaper", "plan the day's errands", "write letters at the desk"] },
];
const DEFAULT_WORK = { label: "work on the day's tasks", tasks: ["work at the desk", "tidy up", "answer messages"] };

/** Leisure by hobby words in the persona. */
const LEISURE: { words: string[]; task: string }[] = [
  { words: ["park", "walk", "jog", "nature", "bird"], task: "take a walk in Johnson Park" },
  { words: ["coffee", "cafe"], task: "get a coffee at Hobbs Cafe" },
  { words: ["pub", "beer", "bar", "open mic"], task: "have a drink at The Rose and Crown Pub" },
  { words: ["read", "book", "novel"], task: "read a book" },
  { words: ["piano", "music"], task: "play the piano" },
  { words: ["garden", "plant", "flower"], task: "tend the garden" },
  { words: ["game", "stream"], task: "stream video games at the computer" },
  { words: ["paint", "draw", "sketch"], task: "sketch for fun" },
  { words: ["tv", "movie", "film"], task: "watch a movie" },
];

export interface WorkProfile {
  label: string;
  tasks: string[];
  /** Sector of the workplace; null when working from home. */
  sector: string | null;
  startMinute: number;
  endMinute: number;
}

export function lifestyleOf(p: Persona): LifestyleTimes {
  const r = parseLifestyle(p.lifestyle);
  // The scenario schema already refuses lifestyles without these times.
  return r.ok ? r.value : { bedMinute: 23 * 60, wakeMinute: 7 * 60, meals: {} };
}

export function homeSector(p: Persona): string {
  return p.livingArea.split(":")[1] ?? "";
}

/** Persona text the routine reads, most specific first. */
function personaText(p: Persona): string[] {
  return [p.dailyPlanRequirement, p.currently, p.learned];
}

/** The first known public sector named in the persona's own words. */
export function workplaceOf(p: Persona, known: KnownPlaces): string | null {
  const home = homeSector(p).toLowerCase();
  const sectors = [...known.keys()].filter((s) => s.toLowerCase() !== home && !/'s (house|apartment)|family's house|co-living|dorm/i.test(s));
  for (const text of personaText(p)) {
    let best: { sector: string; at: number } | null = null;
    for (const s of sectors) {
      const at = text.toLowerCase().indexOf(s.toLowerCase());
      if (at >= 0 && (!best || at < best.at)) best = { sector: s, at };
    }
    if (best) return best.sector;
  }
  return null;
}

/**
 * Work hours from the first and last clock times of the daily requirement ("opens at
 * 8am ... closes at 8pm"); other fields are not read, since they mention events too.
 */
export function workHoursOf(p: Persona, life: LifestyleTimes): { start: number; end: number } {
  const times = [...p.dailyPlanRequirement.matchAll(/\b(noon|midnight|\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?)/gi)]
    .map((m) => parseClockTime(m[1]))
    .filter((t): t is number => t !== null);
  if (times.length >= 2) {
    const start = times[0];
    const end = times[times.length - 1] === 0 ? DAY - 1 : times[times.length - 1];
    if (end > start) return { start, end };
  }
  const start = Math.ceil((life.wakeMinute + 90) / 30) * 30;
  return { start, end: Math.max(start + 240, 17 * 60) };
}

export function workProfileOf(p: Persona, known: KnownPlaces): WorkProfile {
  const text = personaText(p).join(" ").toLowerCase();
  const occ = OCCUPATIONS.find((o) => o.words.some((w) => text.includes(w))) ?? DEFAULT_WORK;
  const hours = workHoursOf(p, lifestyleOf(p));
  return { label: occ.label, tasks: occ.tasks, sector: workplaceOf(p, known), startMinute: hours.start, endMinute: hours.end };
}

export function leisureOf(p: Persona): string[] {
  const text = [p.lifestyle, p.currently, p.learned, p.innate].join(" ");
  const found = LEISURE.filter((l) => mentions(text, l.words)).map((l) => l.task);
  return found.length > 0 ? found : ["take a walk in Johnson Park", "read a book"];
}

function workTask(w: WorkProfile): string {
  return w.sector ? `${w.label} at ${w.sector}` : `${w.label} at home`;
}

/**
 * The schedule of one day from midnight. Blocks sum to 1440 minutes; hours before the
 * wake-up time and after bed time are "sleeping".
 */
export function buildSchedule(p: Persona, known: KnownPlaces, rng: Rng): PlanBlock[] {
  const life = lifestyleOf(p);
  const work = workProfileOf(p, known);
  const wake = life.wakeMinute;
  // A bed time after midnight belongs to the previous evening: sleep until the end of the day then.
  const bed = life.bedMinute <= wake ? DAY : life.bedMinute;
  const lunch = life.meals.lunch ?? 12 * 60 + 30;
  const dinner = life.meals.dinner ?? 18 * 60 + 30;
  const leisure = leisureOf(p);

  const marks: { at: number; task: string }[] = [];
  marks.push({ at: wake, task: "wake up and complete the morning routine" });
  marks.push({ at: life.meals.breakfast ?? wake + 30, task: "have breakfast" });
  const workStart = Math.max(work.startMinute, wake + 60);
  const workEnd = Math.min(work.endMinute, bed - 30);
  if (workEnd - workStart >= 60) {
    const lunchInWork = lunch > workStart + 30 && lunch < workEnd - 60;
    marks.push({ at: workStart, task: workTask(work) });
    if (lunchInWork) {
      marks.push({ at: lunch, task: work.sector && /cafe|pub/i.test(work.sector) ? `have lunch at ${work.sector}` : "have lunch" });
      marks.push({ at: lunch + 60, task: workTask(work) });
    }
    marks.push({ at: workEnd, task: pick(rng, leisure) });
    if (!lunchInWork && lunch > wake + 60 && lunch < workStart) marks.push({ at: lunch, task: "have lunch" });
  } else {
    marks.push({ at: wake + 90, task: pick(rng, leisure) });
    marks.push({ at: lunch, task: "have lunch" });
    marks.push({ at: lunch + 60, task: pick(rng, leisure) });
  }
  if (dinner > workEnd && dinner < bed - 60) {
    marks.push({ at: dinner, task: "have dinner" });
    marks.push({ at: dinner + 60, task: pick(rng, leisure.concat(["relax at home"])) });
  }
  marks.push({ at: bed - 30, task: "get ready for bed" });
  return toBlocks(marks, wake, bed);
}

/** Sorted marks -> contiguous blocks; sleeping before `wake` and from `bed`. */
function toBlocks(marks: { at: number; task: string }[], wake: number, bed: number): PlanBlock[] {
  const inDay = marks.filter((m) => m.at >= wake && m.at < bed).sort((a, b) => a.at - b.at);
  const points = [{ at: 0, task: SLEEPING }, ...inDay, ...(bed < DAY ? [{ at: bed, task: SLEEPING }] : [])];
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

/** The broad plan in words, from the schedule. */
export function describePlan(blocks: PlanBlock[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const b of blocks) {
    if (b.task !== SLEEPING || at > 0) out.push(`${b.task} at ${formatTimeOfDay(at)}`);
    at += b.minutes;
  }
  return out.filter((line, i) => i === 0 || !line.startsWith(SLEEPING)).slice(0, 8);
}
