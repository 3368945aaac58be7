/**
 * The paper's "no planning" ablation (the "memory" one is in frozen.ts, the "reflection"
 * one in loop.ts): a resident makes no day plan, no hour-by-hour schedule and no
 * decomposition. It sleeps, wakes and eats when its persona's lifestyle says, and
 * otherwise goes about the day where it is; the mind is asked only where to do a thing.
 */
import type { Mind } from "../mind/mind";
import { SLEEPING, toSchedule, type TimedTask } from "../mind/prompts/hourly-schedule";
import { dayStartMs, MINUTES_PER_DAY } from "../sim/clock";
import { MEALS, parseLifestyle } from "../sim/lifestyle";
import type { Persona } from "../sim/scenario";
import type { FrozenResident } from "./frozen";
import { nextAction, type PlanSituation } from "./plan";
import type { Change } from "./requests";
import type { DayPlan } from "./resident";

export const UNPLANNED_TASK = "going about the day";
const MEAL_MINUTES = 45;

/** The day a lifestyle alone gives: each block is its own single subtask, so nothing is decomposed. */
export function lifestyleDay(persona: Persona, nowMs: number, dayIndex: number): DayPlan {
  const life = parseLifestyle(persona.lifestyle);
  const wake = life.ok ? life.value.wakeMinute : 7 * 60;
  const bed = life.ok ? life.value.bedMinute : 23 * 60;
  // Bed after midnight: awake until the day ends (the next day starts asleep until wake-up).
  const awakeUntil = bed > wake ? bed : MINUTES_PER_DAY;
  const tasks: TimedTask[] = [{ minute: wake, task: UNPLANNED_TASK }];
  for (const meal of MEALS) {
    const at = life.ok ? life.value.meals[meal] : undefined;
    if (at === undefined || at < wake || at >= awakeUntil) continue;
    tasks.push({ minute: at, task: `having ${meal}` });
    if (at + MEAL_MINUTES < awakeUntil) tasks.push({ minute: at + MEAL_MINUTES, task: UNPLANNED_TASK });
  }
  if (awakeUntil < MINUTES_PER_DAY) tasks.push({ minute: awakeUntil, task: SLEEPING });
  const schedule = toSchedule(tasks, wake);
  return { dayStartMs: dayStartMs(nowMs), dayIndex, wakeMinute: wake, dailyPlan: [], schedule, decomposed: new Map(schedule.map((b, i) => [i, [{ ...b }]])) };
}

/** The plan decision without planning: the lifestyle's day (on a new day), then the block for now. */
export async function decideUnplanned(mind: Mind, self: FrozenResident, at: PlanSituation): Promise<Extract<Change, { kind: "plan" }>> {
  const day = at.needsDay || !self.day ? lifestyleDay(self.persona, at.nowMs, at.dayIndex) : self.day;
  const next = await nextAction(mind, self.persona, day, at);
  return { kind: "plan", resident: self.id, atMs: at.nowMs, ...(at.needsDay && { newDay: { plan: day } }), action: next.action, accessed: [] };
}
