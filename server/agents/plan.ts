/**
 * Planning (the paper's plan module, long- and short-term): a day plan when a new day
 * starts, then the next action whenever the current one ends. `decidePlan` runs off the
 * tick on a frozen view and returns the answer for the town to apply.
 */
import type { KnownPlaces, MemoryRef, Mind, PlanBlock } from "../mind/mind";
import { dayStartMs, formatDate, MINUTES_PER_DAY, MS_PER_MINUTE, minuteOfDay } from "../sim/clock";
import type { Persona } from "../sim/scenario";
import { accessedIds, retrieve } from "./memory/retrieve";
import type { NewMemory } from "./memory/memory-stream";
import { memoryRef } from "./reflect";
import type { FrozenResident } from "./frozen";
import type { Change } from "./requests";
import type { Action, DayPlan } from "./resident";

const DAY_MINUTES = MINUTES_PER_DAY;

/** What a plan decision reads of the world, taken when it starts. */
export interface PlanSituation {
  world: string;
  known: KnownPlaces;
  currentSector: string | null;
  nowMs: number;
  /** Days since the town's first day; a new plan is due when `needsDay`. */
  dayIndex: number;
  needsDay: boolean;
}

/**
 * One plan decision: on a new day, revise "currently" (after the first day) and plan the
 * day; then the action for now. Memories retrieved on the way are marked when applied.
 */
export async function decidePlan(mind: Mind, self: FrozenResident, at: PlanSituation): Promise<Extract<Change, { kind: "plan" }>> {
  const accessed = new Set<string>();
  let persona: Persona = self.persona;
  let newDay: NonNullable<Extract<Change, { kind: "plan" }>["newDay"]> | undefined;
  let day = self.day;
  if (at.needsDay) {
    const currently = at.dayIndex > 0 ? await reviseIdentity(mind, self, at.nowMs, accessed) : undefined;
    if (currently !== undefined) persona = { ...persona, currently };
    day = await planDay(mind, persona, self, at, accessed);
    const text = `This is ${self.name}'s plan for ${formatDate(at.nowMs)}: ${day.dailyPlan.join(", ")}.`;
    const [embedding] = await mind.embed([text]);
    const thought: NewMemory = { kind: "thought", createdMs: at.nowMs, subject: self.id, predicate: "plans", object: formatDate(at.nowMs), description: text, poignancy: 5, embedding };
    newDay = { plan: day, currently, thought };
  }
  const next = await nextAction(mind, persona, day!, at);
  return { kind: "plan", resident: self.id, atMs: at.nowMs, newDay, decomposition: next.decomposition, action: next.action, accessed: [...accessed] };
}

/** On a new day, "currently" is revised from what the resident remembers. */
async function reviseIdentity(mind: Mind, self: FrozenResident, nowMs: number, accessed: Set<string>): Promise<string> {
  const focus = `${self.name}'s plans and the most important things that happened recently`;
  const [embedding] = await mind.embed([focus]);
  const result = retrieve(self.memory, [{ text: focus, embedding }], nowMs, { k: 20 });
  for (const id of accessedIds(result)) accessed.add(id);
  const found = result.get(focus) ?? [];
  return mind.reviseIdentity({ persona: self.persona, currently: self.persona.currently, memories: found.map((s) => memoryRef(s.node)), dayStartMs: nowMs });
}

export async function planDay(mind: Mind, persona: Persona, self: FrozenResident, at: PlanSituation, accessed: Set<string>): Promise<DayPlan> {
  const ctx = { persona, dayStartMs: dayStartMs(at.nowMs), dayIndex: at.dayIndex, known: at.known, memories: await planningMemories(mind, self, at.nowMs, accessed) };
  const wakeMinute = await mind.wakeUpMinute(ctx);
  const dailyPlan = await mind.dailyPlan({ ...ctx, wakeMinute });
  const schedule = normaliseSchedule(await mind.hourlySchedule({ ...ctx, wakeMinute, dailyPlan }));
  return { dayStartMs: ctx.dayStartMs, dayIndex: at.dayIndex, wakeMinute, dailyPlan, schedule, decomposed: new Map() };
}

/** What the resident remembers about today's plans: intentions, invitations, dates. */
async function planningMemories(mind: Mind, self: FrozenResident, nowMs: number, accessed: Set<string>): Promise<MemoryRef[]> {
  if (self.memory.size === 0) return [];
  const focus = `what ${self.persona.firstName} plans and should do on ${formatDate(nowMs)}`;
  const [embedding] = await mind.embed([focus]);
  const result = retrieve(self.memory, [{ text: focus, embedding }], nowMs, { k: 10, kinds: ["thought", "chat"] });
  for (const id of accessedIds(result)) accessed.add(id);
  return (result.get(focus) ?? []).map((s) => memoryRef(s.node));
}

/** Makes any schedule cover exactly one day: trims the overflow, pads with sleep. */
export function normaliseSchedule(blocks: PlanBlock[]): PlanBlock[] {
  const out: PlanBlock[] = [];
  let total = 0;
  for (const b of blocks) {
    const minutes = Math.min(Math.max(0, Math.round(b.minutes)), DAY_MINUTES - total);
    if (minutes <= 0) continue;
    out.push({ task: b.task, minutes });
    total += minutes;
  }
  if (total < DAY_MINUTES) out.push({ task: "sleeping", minutes: DAY_MINUTES - total });
  return out;
}

/** The block that covers a minute of the day, with its start minute. */
export function blockAt(schedule: PlanBlock[], minute: number): { index: number; start: number; block: PlanBlock } {
  let start = 0;
  for (let i = 0; i < schedule.length; i++) {
    if (minute < start + schedule[i].minutes) return { index: i, start, block: schedule[i] };
    start += schedule[i].minutes;
  }
  const last = schedule.length - 1;
  return { index: last, start: DAY_MINUTES - schedule[last].minutes, block: schedule[last] };
}

export interface NextAction {
  action: Action;
  /** A decomposition made for this decision, to keep in the day plan. */
  decomposition?: { index: number; blocks: PlanBlock[] };
}

/**
 * The action for now: the schedule block that covers this minute, decomposed into
 * short subtasks (never sleep), and where to do the subtask. The decomposition is told
 * where the resident is and the blocks that follow, so a mind may plan the subtasks'
 * places with them, and the next blocks too.
 */
export async function nextAction(mind: Mind, persona: Persona, day: DayPlan, at: Pick<PlanSituation, "world" | "known" | "currentSector" | "nowMs">): Promise<NextAction> {
  const minute = minuteOfDay(at.nowMs);
  const { index, start, block } = blockAt(day.schedule, minute);
  let subtasks = day.decomposed.get(index);
  let decomposition: NextAction["decomposition"];
  if (!subtasks) {
    const where = { known: at.known, currentSector: at.currentSector, nowMinute: minute };
    const next = followingBlocks(day, index);
    subtasks = fitToMinutes(await mind.decompose({ persona, task: block.task, startMinute: start, minutes: block.minutes, where, next }), block);
    decomposition = { index, blocks: subtasks };
  }
  let subStart = start;
  let sub = subtasks[subtasks.length - 1];
  for (const s of subtasks) {
    if (minute < subStart + s.minutes) {
      sub = s;
      break;
    }
    subStart += s.minutes;
  }
  const endMinute = Math.min(subStart + sub.minutes, DAY_MINUTES);
  const place = await mind.actionPlace({ persona, task: sub.task, parentTask: block.task, nowMinute: minute, currentSector: at.currentSector, known: at.known });
  const action: Action = {
    description: sub.task,
    emoji: place.emoji,
    address: { world: at.world, sector: place.sector, arena: place.arena, object: place.object },
    blockTask: block.task,
    startMs: at.nowMs,
    endMs: day.dayStartMs + endMinute * MS_PER_MINUTE,
    event: place.event,
    objectState: place.objectState,
  };
  return { action, decomposition };
}

/** The next blocks of the day after block `index` (at most 3) up to the first one already decomposed. */
function followingBlocks(day: DayPlan, index: number): Array<{ task: string; startMinute: number; minutes: number }> {
  const out: Array<{ task: string; startMinute: number; minutes: number }> = [];
  let start = day.schedule.slice(0, index + 1).reduce((n, b) => n + b.minutes, 0);
  for (let i = index + 1; i < day.schedule.length && out.length < 3 && !day.decomposed.has(i); i++) {
    out.push({ task: day.schedule[i].task, startMinute: start, minutes: day.schedule[i].minutes });
    start += day.schedule[i].minutes;
  }
  return out;
}

/** A decomposition whose minutes do not add up to its block is scaled to fit. */
export function fitToMinutes(subtasks: PlanBlock[], block: PlanBlock): PlanBlock[] {
  const valid = subtasks.filter((s) => s.minutes > 0 && s.task.trim().length > 0);
  if (valid.length === 0) return [{ ...block }];
  const sum = valid.reduce((n, s) => n + s.minutes, 0);
  if (sum === block.minutes) return valid;
  const scaled = valid.map((s) => ({ task: s.task, minutes: Math.max(1, Math.round((s.minutes * block.minutes) / sum)) }));
  const diff = block.minutes - scaled.reduce((n, s) => n + s.minutes, 0);
  scaled[scaled.length - 1].minutes = Math.max(1, scaled[scaled.length - 1].minutes + diff);
  return scaled;
}

/**
 * Records an interruption (a conversation) in the day plan: the subtasks of the blocks
 * it overlaps are re-cut around it, so the plan shows what the resident actually did.
 */
export function insertIntoPlan(day: DayPlan, fromMinute: number, toMinute: number, task: string): void {
  if (toMinute <= fromMinute) return;
  let start = 0;
  day.schedule.forEach((block, index) => {
    const end = start + block.minutes;
    const cutFrom = Math.max(start, fromMinute), cutTo = Math.min(end, toMinute);
    if (cutFrom < cutTo) {
      const out: PlanBlock[] = [];
      let at = start, inserted = false;
      for (const s of day.decomposed.get(index) ?? [{ ...block }]) {
        const sEnd = at + s.minutes;
        if (at < cutFrom) out.push({ task: s.task, minutes: Math.min(sEnd, cutFrom) - at });
        if (!inserted && sEnd > cutFrom) {
          out.push({ task, minutes: cutTo - cutFrom });
          inserted = true;
        }
        if (sEnd > cutTo) out.push({ task: s.task, minutes: sEnd - Math.max(at, cutTo) });
        at = sEnd;
      }
      day.decomposed.set(index, out);
    }
    start = end;
  });
}
