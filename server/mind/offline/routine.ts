/**
 * The offline mind's day: a routine read from the persona (lifestyle times, the clauses
 * of its daily requirement, occupation words, hobbies) and turned into an hour-by-hour
 * schedule. Meals and the morning routine are short fixed blocks; work fills its hours;
 * each free-time item is used at most once a day, and nothing is planned at the place
 * the resident has just worked (no "coffee at Hobbs Cafe" for the cafe's owner).
 */
import type { Persona } from "../../sim/scenario";
import { parseClockTime, parseLifestyle, type LifestyleTimes } from "../../sim/lifestyle";
import { homeOf } from "../../sim/places";
import { formatTimeOfDay } from "../../sim/clock";
import { pick, type Rng } from "../../sim/rng";
import type { KnownPlaces, PlanBlock } from "../mind";
import { sentences } from "./language";
import { mentions } from "./vocabulary";

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

/** Work tasks by occupation words (first match wins). */
const OCCUPATIONS: { words: string[]; label: string; tasks: string[] }[] = [
  { words: ["cafe owner", "owns hobbs cafe", "runs hobbs cafe", "barista"], label: "run the cafe", tasks: ["brew coffee for customers", "serve customers at the counter", "bake pastries in the kitchen", "wipe down the cafe tables", "chat with regular customers", "restock the pastry case", "take orders at the counter"] },
  { words: ["bartender", "barkeep", "tends the bar", "behind the bar"], label: "tend the bar", tasks: ["pour drinks at the bar", "serve patrons at the pub tables", "wash glasses behind the bar", "chat with patrons", "change a keg in the kitchen", "wipe down the bar counter"] },
  { words: ["pharmacist", "pharmacy shopkeeper"], label: "work at the pharmacy", tasks: ["fill prescriptions at the pharmacy counter", "advise customers about medicine", "restock the pharmacy shelves", "work the cashier counter", "check the medicine stock", "call a doctor about a prescription"] },
  { words: ["shopkeeper", "runs harvey oak", "shop owner", "manages the grocery", "runs the market", "works part-time at harvey oak"], label: "mind the shop", tasks: ["help customers find what they need", "restock the shelves", "work the cashier counter", "check the inventory", "unpack a delivery", "update the price tags", "order new stock"] },
  { words: ["professor", "teaches", "lecturer"], label: "teach", tasks: ["give a lecture", "teach a class at the blackboard", "hold office hours with students", "prepare lecture notes", "grade papers", "answer students' emails"] },
  { words: ["student", "studies", "studying"], label: "attend classes", tasks: ["attend class and take notes", "study in the library", "work on assignments at a library table", "browse the library shelves for sources", "review lecture notes", "discuss the reading with classmates"] },
  { words: ["painter", "watercolo", "paints"], label: "paint", tasks: ["paint at the easel", "sketch new ideas", "mix colours for a painting", "study reference images", "stretch a new canvas", "clean the brushes"] },
  { words: ["photographer"], label: "work on photographs", tasks: ["edit photos at the computer", "plan a photo series", "sort through prints", "take photographs of passers-by", "retouch a portrait"] },
  { words: ["digital artist", "animator", "illustrat"], label: "make digital art", tasks: ["draw at the computer", "sketch character designs", "render an animation", "animate a short scene", "answer a client's email"] },
  { words: ["actor", "comedian", "comedy"], label: "rehearse", tasks: ["rehearse lines", "write new jokes", "practise a stand-up set", "learn a new script", "record a practice set"] },
  { words: ["poet"], label: "write poetry", tasks: ["write poems at the desk", "revise a poem", "read poetry for inspiration", "translate a technical manual", "jot down lines in a notebook"] },
  { words: ["writer", "author", "novelist", "writes children's books"], label: "write", tasks: ["write at the desk", "revise a draft", "read for research", "outline the next chapter", "answer an editor's email", "read the draft aloud"] },
  { words: ["software", "engineer", "programmer", "developer"], label: "work on software", tasks: ["write code at the computer", "debug a program", "answer work emails", "review a colleague's code", "join a video call with the team", "write documentation"] },
  { words: ["lawyer", "tax", "attorney"], label: "work on legal cases", tasks: ["review client files at the desk", "prepare tax documents", "answer client emails", "call a client about a tax return", "read up on new tax rules"] },
  { words: ["mathematician"], label: "do mathematics", tasks: ["work on a proof at the desk", "read mathematics papers", "sketch equations", "check a calculation", "prepare notes for the evening course"] },
  { words: ["philosopher"], label: "think and write", tasks: ["read philosophy books", "write an essay at the desk", "think about a hard question", "revise a chapter of the book", "answer a reader's letter"] },
  { words: ["music", "composer", "musician"], label: "make music", tasks: ["practise the piano", "compose music", "study music theory", "write down a new melody", "listen to recordings"] },
  { words: ["campaign", "running for mayor"], label: "work on the campaign", tasks: ["write a campaign speech at the desk", "make calls to neighbours about the election", "plan campaign events", "read the local newspaper", "write a letter to the town council", "draw up a list of the town's problems"] },
  { words: ["retired", "retiring"], label: "work on personal projects", tasks: ["read the newspaper", "plan the day's errands", "write letters at the desk", "fix something around the house"] },
];
const DEFAULT_WORK = { label: "work on the day's tasks", tasks: ["work at the desk", "tidy up", "answer messages", "make a to-do list"] };

/** Leisure by hobby words in the persona. */
const LEISURE: { words: string[]; task: string }[] = [
  { words: ["park", "walk", "jog", "nature", "bird"], task: "take a walk in Johnson Park" },
  { words: ["coffee", "cafe"], task: "get a coffee at Hobbs Cafe" },
  { words: ["pub", "beer", "bar", "open mic"], task: "have a drink at The Rose and Crown Pub" },
  { words: ["read", "book", "novel"], task: "read a book" },
  { words: ["piano", "music"], task: "play the piano" },
  { words: ["garden", "plant", "flower"], task: "tend the garden beds in Johnson Park" },
  { words: ["game", "stream"], task: "stream video games at the computer" },
  { words: ["paint", "draw", "sketch"], task: "sketch for fun" },
  { words: ["tv", "movie", "film"], task: "watch a movie" },
];
/** When nothing of the persona's is left for an evening: quiet things at home, each once. */
const FALLBACK_LEISURE = ["relax at home", "read a book", "tidy up at home", "write in a journal", "watch tv"];

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

/** Clauses of the daily requirement: "X does A at P, does B, and does C in the evening". */
export function clausesOf(p: Persona): string[] {
  return p.dailyPlanRequirement
    .replace(/\.$/, "")
    .split(/,\s*(?:and\s+|then\s+)?/)
    .map((c) => c.trim().replace(/^(?:and|then)\s+/, ""))
    .filter((c) => c.length > 0);
}

/** Words of a clause that make it free time rather than the day's work. */
const NOT_WORK = /\b(walks?|runs? in|jogs?|coffee|lunch|breakfast|dinner|drinks?|pub|evening|buys?|groceries|errands|watch(es)?)\b/i;
/** Words of a clause that make it work whatever else it says ("works behind the bar at the pub"). */
const WORK_VERB = /\b(works?|opens?|runs it|runs [A-Z]|teach(es)?|attends?|classes|studies|writes|paints|draws|animates|rehearses|photographs|translates|edits|serves|codes?)\b/;

type Period = "morning" | "afternoon" | "evening";

/** What one clause of the requirement asks for. */
interface Clause {
  task: string;
  work: boolean;
  sector: string | null;
  period: Period | null;
  /** A clock time the clause names ("runs in Johnson Park at 6am"). */
  at: number | null;
  meal: "breakfast" | "lunch" | "dinner" | null;
}

function sectorIn(text: string, known: KnownPlaces): string | null {
  const lower = text.toLowerCase();
  return [...known.keys()].sort((a, b) => b.length - a.length).find((s) => lower.includes(s.toLowerCase())) ?? null;
}

function periodOf(text: string): Period | null {
  const m = /\b(?:the (morning|afternoon|evening)|(morning|afternoon|evening) (?:walk|run|course|class|light)|at (night))\b/i.exec(text);
  const word = (m?.[1] ?? m?.[2] ?? (m?.[3] ? "evening" : null))?.toLowerCase();
  return (word as Period | undefined) ?? null;
}

/** The requirement read clause by clause; "there" is the place the clause before named. */
function readClauses(p: Persona, known: KnownPlaces, rng: Rng): Clause[] {
  const out: Clause[] = [];
  let lastSector: string | null = null;
  let sawWork = false;
  for (const raw of clausesOf(p)) {
    // Participle clauses ("greeting customers") describe the work around them.
    if (/^\w+ing\b/.test(raw)) continue;
    // "in the evening he watches the news ... or has a drink at the pub": one of the two.
    let clause = raw.replace(/^in the (morning|afternoon|evening) (?:he|she|they) /i, (_m, w: string) => `${p.firstName} `).trim();
    const period = periodOf(raw);
    const options = clause.split(/\s+or\s+(?=[a-z]+s\b)/);
    if (options.length > 1) clause = pick(rng, options);
    clause = clause.replace(/\bthere\b/, lastSector ? `at ${lastSector}` : "").replace(/\s+when (?:he|she|they) .*$/, "").replace(/\s+(?:twice|once|three times) a week\b/, "");
    const sector = sectorIn(clause, known);
    if (sector) lastSector = sector;
    const at = /\bat (\d{1,2}(?::\d{2})?\s*[ap]m)\b/i.exec(clause);
    const meal = /\b(breakfast|lunch|dinner|cooks?)\b/i.exec(clause)?.[1]?.toLowerCase() ?? null;
    const work = WORK_VERB.test(clause) && (!NOT_WORK.test(clause) || /\bworks?\b/.test(clause));
    out.push({
      task: asTask(clause, p),
      work: work && !meal,
      sector,
      period,
      at: at && !/\b(opens?|from|until)\b/.test(clause) && !work ? parseClockTime(at[1]) : null,
      meal: meal === "cook" || meal === "cooks" ? "dinner" : (meal as Clause["meal"]),
    });
    if (work) sawWork = true;
  }
  // With no clause that reads as work, the first clause with a place is the work.
  if (!sawWork) {
    const first = out.find((c) => c.sector && !c.meal && !NOT_WORK.test(c.task));
    if (first) first.work = true;
  }
  return out;
}

/** The sector of the first working clause of the requirement; null when it is the home. */
export function workplaceOf(p: Persona, known: KnownPlaces): string | null {
  const home = homeOf(p).sector;
  const first = readClauses(p, known, () => 0).find((c) => c.work && c.sector);
  if (!first?.sector) return null;
  return first.sector === home ? null : first.sector;
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
  // What others told the resident (added to "currently" each day) says nothing of its own work.
  const own = sentences(p.currently).filter((x) => !new RegExp(`^${p.firstName} (has heard|plans to)\\b`).test(x)).join(" ");
  // The occupation named first in the background is the one that defines the person.
  const text = [p.learned, own, p.dailyPlanRequirement].join(" ").toLowerCase();
  let occ: { label: string; tasks: string[] } = DEFAULT_WORK;
  let at = Infinity;
  // A campaign of one's own outweighs the career it follows.
  const running = new RegExp(`\\b(?:${p.firstName.toLowerCase()}|${p.name.toLowerCase()}) is running for|\\b(?:his|her|their) campaign\\b`).test(text);
  const life = running ? OCCUPATIONS.find((o) => /campaign/.test(o.label)) : undefined;
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

/** Is this schedule block the persona's work ("run the cafe at Hobbs Cafe", "edit her pictures in her room at home")? */
export function isWorkBlock(p: Persona, task: string): boolean {
  const work = workProfileOf(p, new Map());
  return task.startsWith(work.label) || readClauses(p, new Map(), () => 0).some((c) => c.work && task.startsWith(c.task.split(" at ")[0]));
}

/** "gets a coffee at Hobbs Cafe in the afternoon" -> "get a coffee at Hobbs Cafe". */
export function asTask(clause: string, p: Persona): string {
  const home = homeOf(p).sector;
  const words = clause
    .replace(new RegExp(`^(${p.name}|${p.firstName})\\s+`), "")
    .replace(/^(?:sometimes|often|usually|always|also|then)\s+/, "")
    .replace(/\s+in the (morning|afternoon|evening)( light)?$/, "")
    .replace(/\s+at (\d{1,2}(?::\d{2})?\s*[ap]m)$/i, "")
    .split(/\s+/);
  const verb = words[0] ?? "";
  const base = /ies$/.test(verb) ? verb.slice(0, -3) + "y" : /(ches|shes|sses|oes)$/.test(verb) ? verb.slice(0, -2) : verb === "has" ? "have" : /s$/.test(verb) && !/ss$/.test(verb) ? verb.slice(0, -1) : verb;
  // The home is "home" in a plan ("paint in the common room at home").
  return [base, ...words.slice(1)].join(" ").replace(new RegExp(`\\s+(?:at|in|of) (?:the )?${escape(home)}`, "i"), " at home").replace(/ at home at home\b/, " at home").trim();
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Free-time activities: the requirement's non-work clauses, then hobbies in the persona. */
export function leisureOf(p: Persona, known: KnownPlaces = new Map()): string[] {
  const fromPlan = readClauses(p, known, () => 0).filter((c) => !c.work && !c.meal).map((c) => c.task);
  const text = [p.lifestyle, p.currently, p.learned, p.innate].join(" ");
  const hobbies = LEISURE.filter((l) => mentions(text, l.words)).map((l) => l.task);
  const all = [...new Set([...fromPlan, ...hobbies])];
  return all.length > 0 ? all : ["take a walk in Johnson Park", "read a book"];
}

const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/**
 * Engagements the resident means to keep today, read from its memories: a thought that
 * says it will go to something at a known place, on today's date, at a time or range;
 * and for a host, the event it is hosting today.
 */
export function engagementsFor(memories: readonly { text: string }[], dayStartMs: number, known: KnownPlaces, self?: string): { start: number; end: number; task: string }[] {
  const day = new Date(dayStartMs);
  const today = `${MONTH_NAMES[day.getUTCMonth()]} ${day.getUTCDate()}`;
  const sectors = [...known.keys()].sort((a, b) => b.length - a.length);
  const out: { start: number; end: number; task: string }[] = [];
  for (const { text } of memories) {
    const lower = text.toLowerCase();
    const hosting = self !== undefined && text.startsWith(`${self} is hosting `);
    if ((!hosting && !/\b(should|will|plan to|going to|want to|must)\b/.test(lower)) || !new RegExp(`\\b${today}\\b`).test(lower)) continue;
    const sector = sectors.find((s) => lower.includes(s.toLowerCase()));
    if (!sector) continue;
    const times = [...text.matchAll(/\b(noon|\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?)/gi)].map((m) => parseClockTime(m[1])).filter((t): t is number => t !== null);
    if (times.length === 0) continue;
    const start = times[0];
    const end = times.length > 1 && times[1] > start ? times[1] : start + 60;
    const what = (hosting ? /\bis hosting (.+?) at /i : /\bgo to (.+?) at /i).exec(text)?.[1] ?? "an event";
    const task = hosting ? `host ${what.replace(/^an? /, "the ")} at ${sector}` : `go to ${what} at ${sector}`;
    if (!out.some((e) => e.task === task)) out.push({ start, end, task });
  }
  return out;
}

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
