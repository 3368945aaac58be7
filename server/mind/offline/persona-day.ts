/**
 * What a persona's texts say of its day, read by rule: its lifestyle times, the clauses of
 * its daily requirement, its occupation (from the first occupation words of its
 * background) and work hours, its hobbies, and engagements its memories hold for a day.
 * `routine.ts` turns them into a schedule.
 */
import type { Persona } from "../../sim/scenario";
import { parseClockTime, parseLifestyle, type LifestyleTimes } from "../../sim/lifestyle";
import { homeOf } from "../../sim/places";
import { pick, type Rng } from "../../sim/rng";
import type { KnownPlaces } from "../mind";
import { sentences } from "./language";
import { mentions } from "./vocabulary";

const DAY = 1440;


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
export const FALLBACK_LEISURE = ["relax at home", "read a book", "tidy up at home", "write in a journal", "watch tv"];

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

export type Period = "morning" | "afternoon" | "evening";

/** What one clause of the requirement asks for. */
export interface Clause {
  task: string;
  work: boolean;
  sector: string | null;
  period: Period | null;
  /** A clock time the clause names ("runs in Johnson Park at 6am"). */
  at: number | null;
  meal: "breakfast" | "lunch" | "dinner" | null;
}

export function sectorIn(text: string, known: KnownPlaces): string | null {
  const lower = text.toLowerCase();
  return [...known.keys()].sort((a, b) => b.length - a.length).find((s) => lower.includes(s.toLowerCase())) ?? null;
}

function periodOf(text: string): Period | null {
  const m = /\b(?:the (morning|afternoon|evening)|(morning|afternoon|evening) (?:walk|run|course|class|light)|at (night))\b/i.exec(text);
  const word = (m?.[1] ?? m?.[2] ?? (m?.[3] ? "evening" : null))?.toLowerCase();
  return (word as Period | undefined) ?? null;
}

/** The requirement read clause by clause; "there" is the place the clause before named. */
export function readClauses(p: Persona, known: KnownPlaces, rng: Rng): Clause[] {
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
