/**
 * The offline mind's day: a routine read from the persona (lifestyle times, workplace and
 * occupation words, hobbies) and turned into an hour-by-hour schedule.
 */
import type { Persona } from "../../sim/scenario";
import { parseClockTime, parseLifestyle, type LifestyleTimes } from "../../sim/lifestyle";
import { homeOf } from "../../sim/places";
import { formatTimeOfDay } from "../../sim/clock";
import { pick, type Rng } from "../../sim/rng";
import type { KnownPlaces, PlanBlock } from "../mind";
import { mentions } from "./vocabulary";

export const SLEEPING = "sleeping";
const DAY = 1440;

/** Work tasks by occupation words (first match wins). */
const OCCUPATIONS: { words: string[]; label: string; tasks: string[] }[] = [
  { words: ["cafe owner", "owns hobbs cafe", "runs hobbs cafe", "barista"], label: "run the cafe", tasks: ["brew coffee for customers", "serve customers at the counter", "bake pastries in the kitchen", "wipe down the cafe tables", "chat with regular customers"] },
  { words: ["bartender", "barkeep", "tends the bar", "behind the bar"], label: "tend the bar", tasks: ["pour drinks at the bar", "serve patrons at the pub tables", "wash glasses behind the bar", "chat with patrons"] },
  { words: ["pharmacist", "pharmacy shopkeeper"], label: "work at the pharmacy", tasks: ["fill prescriptions at the pharmacy counter", "advise customers about medicine", "restock the shelves", "work the cashier counter"] },
  { words: ["shopkeeper", "runs harvey oak", "shop owner", "manages the grocery", "runs the market", "works part-time at harvey oak"], label: "mind the shop", tasks: ["help customers find what they need", "restock the shelves", "work the cashier counter", "check the inventory"] },
  { words: ["professor", "teaches", "lecturer"], label: "teach at the college", tasks: ["give a lecture", "teach a class at the blackboard", "hold office hours with students", "prepare lecture notes", "grade papers"] },
  { words: ["student", "studies", "studying"], label: "attend classes", tasks: ["attend class and take notes", "study in the library", "work on assignments at a library table", "browse the library shelves for sources"] },
  { words: ["painter", "watercolo", "paints"], label: "paint", tasks: ["paint at the easel", "sketch new ideas", "mix colours for a painting", "study reference images"] },
  { words: ["photographer"], label: "work on photographs", tasks: ["edit photos at the computer", "plan a photo series", "sort through prints"] },
  { words: ["digital artist", "animator", "illustrat"], label: "make digital art", tasks: ["draw at the computer", "sketch character designs", "render an animation"] },
  { words: ["actor", "comedian", "comedy"], label: "rehearse", tasks: ["rehearse lines", "write new jokes", "practise a stand-up set"] },
  { words: ["poet"], label: "write poetry", tasks: ["write poems at the desk", "revise a poem", "read poetry for inspiration"] },
  { words: ["writer", "author", "novelist", "writes children's books"], label: "write", tasks: ["write at the desk", "revise a draft", "read for research", "outline the next chapter"] },
  { words: ["software", "engineer", "programmer", "developer"], label: "work on software", tasks: ["write code at the computer", "debug a program", "answer work emails", "review a colleague's code"] },
  { words: ["lawyer", "tax", "attorney"], label: "work on legal cases", tasks: ["review client files at the desk", "prepare tax documents", "answer client emails"] },
  { words: ["mathematician"], label: "do mathematics", tasks: ["work on a proof at the desk", "read mathematics papers", "sketch equations"] },
  { words: ["philosopher"], label: "think and write", tasks: ["read philosophy books", "write an essay at the desk", "think about a hard question"] },
  { words: ["music", "composer", "musician"], label: "make music", tasks: ["practise the piano", "compose music", "study music theory"] },
  { words: ["campaign", "running for mayor"], label: "work on the campaign", tasks: ["write a campaign speech at the desk", "make calls to neighbours about the election", "plan campaign events", "read the local newspaper"] },
  { words: ["retired", "retiring"], label: "work on personal projects", tasks: ["read the newspaper", "plan the day's errands", "write letters at the desk"] },
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


/** Persona text the routine reads, most specific first. */
function personaText(p: Persona): string[] {
  return [p.dailyPlanRequirement, p.currently, p.learned];
}

/** Clauses of the daily requirement: "X does A at P, does B, and does C in the evening". */
export function clausesOf(p: Persona): string[] {
  return p.dailyPlanRequirement
    .replace(/\.$/, "")
    .split(/,\s*(?:and\s+|then\s+)?/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

const NOT_WORK = /\b(walks?|runs? in|jogs?|coffee|lunch|breakfast|dinner|drink|pub|evening|buys?|groceries|errands)\b/i;

/** The sector of the first working clause of the requirement; null when it is the home. */
export function workplaceOf(p: Persona, known: KnownPlaces): string | null {
  const home = homeOf(p).sector;
  const sectors = [...known.keys()].sort((a, b) => b.length - a.length);
  for (const clause of clausesOf(p)) {
    if (NOT_WORK.test(clause)) continue;
    const lower = clause.toLowerCase();
    const s = sectors.find((x) => lower.includes(x.toLowerCase()));
    if (s) return s === home ? null : s;
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
    let end = times[times.length - 1];
    // Closing after midnight ("until 1am") ends the working day at midnight.
    if (end <= start && end < 6 * 60) end = DAY - 1;
    if (end > start) return { start, end };
  }
  const start = Math.ceil((life.wakeMinute + 90) / 30) * 30;
  return { start, end: Math.max(start + 240, 17 * 60) };
}

export function workProfileOf(p: Persona, known: KnownPlaces): WorkProfile {
  // The occupation named first in the background is the one that defines the person.
  const text = [p.learned, p.currently, p.dailyPlanRequirement].join(" ").toLowerCase();
  let occ: { label: string; tasks: string[] } = DEFAULT_WORK;
  let at = Infinity;
  // A campaign outweighs the career it follows.
  const life = OCCUPATIONS.filter((o) => /campaign/.test(o.label)).find((o) => o.words.some((w) => text.includes(w)));
  if (life) at = -1, occ = life;
  for (const o of OCCUPATIONS) {
    for (const w of o.words) {
      const i = text.indexOf(w);
      if (i >= 0 && i < at) (at = i), (occ = o);
    }
  }
  const hours = workHoursOf(p, lifestyleOf(p));
  return { label: occ.label, tasks: occ.tasks, sector: workplaceOf(p, known), startMinute: hours.start, endMinute: hours.end };
}

/** "gets a coffee at Hobbs Cafe in the afternoon" -> "get a coffee at Hobbs Cafe". */
export function asTask(clause: string, p: Persona): string {
  const words = clause.replace(new RegExp(`^(${p.firstName}|${p.name})\\s+`), "").replace(/\s+in the (morning|afternoon|evening)( light)?$/, "").split(/\s+/);
  const verb = words[0] ?? "";
  const base = /ies$/.test(verb) ? verb.slice(0, -3) + "y" : /(ches|shes|sses|oes)$/.test(verb) ? verb.slice(0, -2) : verb === "has" ? "have" : /s$/.test(verb) && !/ss$/.test(verb) ? verb.slice(0, -1) : verb;
  const task = [base, ...words.slice(1)].join(" ");
  return task.replace(/\b(his|her|their)\b/g, (m) => m);
}

/** Free-time activities: the requirement's non-work clauses, then hobbies in the persona. */
export function leisureOf(p: Persona): string[] {
  const fromPlan = clausesOf(p)
    .slice(1)
    // Participle clauses ("greeting customers") describe the work; meals are planned anyway.
    .filter((c) => !/^\w+ing\b/.test(c) && !/\b(dinner|breakfast|lunch)\b/i.test(c) && !/\b\d{1,2}(:\d{2})?\s*[ap]m\b/i.test(c))
    .map((c) => asTask(c, p));
  const text = [p.lifestyle, p.currently, p.learned, p.innate].join(" ");
  const hobbies = LEISURE.filter((l) => mentions(text, l.words)).map((l) => l.task);
  const all = [...new Set([...fromPlan, ...hobbies])];
  return all.length > 0 ? all : ["take a walk in Johnson Park", "read a book"];
}

function workTask(w: WorkProfile): string {
  return w.sector ? `${w.label} at ${w.sector}` : `${w.label} at home`;
}

/**
 * The schedule of one day from midnight. Blocks sum to 1440 minutes; hours before the
 * wake-up time and after bed time are "sleeping".
 */
const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/**
 * Engagements the resident means to keep today, read from its memories: a thought that
 * says it will go to something at a known place, on today's date, at a time or range.
 */
export function engagementsFor(memories: readonly { text: string }[], dayStartMs: number, known: KnownPlaces): { start: number; end: number; task: string }[] {
  const day = new Date(dayStartMs);
  const today = `${MONTH_NAMES[day.getUTCMonth()]} ${day.getUTCDate()}`;
  const sectors = [...known.keys()].sort((a, b) => b.length - a.length);
  const out: { start: number; end: number; task: string }[] = [];
  for (const { text } of memories) {
    const lower = text.toLowerCase();
    if (!/\b(should|will|plan to|going to|want to|must)\b/.test(lower) || !new RegExp(`\\b${today}\\b`).test(lower)) continue;
    const sector = sectors.find((s) => lower.includes(s.toLowerCase()));
    if (!sector) continue;
    const times = [...text.matchAll(/\b(noon|\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?)/gi)].map((m) => parseClockTime(m[1])).filter((t): t is number => t !== null);
    if (times.length === 0) continue;
    const start = times[0];
    const end = times.length > 1 && times[1] > start ? times[1] : start + 60;
    const what = /\bgo to (.+?) at /i.exec(text)?.[1] ?? "an event";
    const task = `go to ${what} at ${sector}`;
    if (!out.some((e) => e.task === task)) out.push({ start, end, task });
  }
  return out;
}

export function buildSchedule(p: Persona, known: KnownPlaces, rng: Rng, engagements: { start: number; end: number; task: string }[] = []): PlanBlock[] {
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
  // Engagements override whatever was planned for their hours.
  for (const e of engagements) {
    if (e.start < wake || e.end > bed) continue;
    const after = [...marks].filter((m) => m.at <= e.end).sort((a, b) => a.at - b.at).pop();
    for (let i = marks.length - 1; i >= 0; i--) if (marks[i].at >= e.start && marks[i].at < e.end) marks.splice(i, 1);
    marks.push({ at: e.start, task: e.task });
    if (after && after.at !== e.end && !marks.some((m) => m.at === e.end)) marks.push({ at: e.end, task: after.task === e.task ? pick(rng, leisure) : after.task });
  }
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
