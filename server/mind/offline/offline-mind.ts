/**
 * OfflineMind: a deterministic, seeded, rule-based cognition engine. It is not a
 * language model: it reads the persona and the map with fixed rules, so a town lives
 * with no model configured and a run with one seed is exactly reproducible.
 */
import { rngFor } from "../../sim/rng";
import type { DayContext, DecomposeInput, Mind, PlaceAnswer, PlaceInput, PlanBlock } from "../mind";
import { decomposeBlock } from "./decompose";
import { choosePlace, kindOf } from "./places";
import { buildSchedule, describePlan, lifestyleOf, workProfileOf } from "./routine";
import { DEFAULT_EMOJI, EMOJI_WORDS, mentions, OBJECT_STATES } from "./vocabulary";

export const OFFLINE_MIND_LABEL = "offline rule-based mind";

export class OfflineMind implements Mind {
  readonly label = OFFLINE_MIND_LABEL;

  constructor(private readonly seed = 1) {}

  async wakeUpMinute(ctx: DayContext): Promise<number> {
    return lifestyleOf(ctx.persona).wakeMinute;
  }

  async dailyPlan(ctx: DayContext & { wakeMinute: number }): Promise<string[]> {
    return describePlan(this.schedule(ctx));
  }

  async hourlySchedule(ctx: DayContext & { wakeMinute: number; dailyPlan: string[] }): Promise<PlanBlock[]> {
    return this.schedule(ctx);
  }

  async decompose(input: DecomposeInput): Promise<PlanBlock[]> {
    const rng = rngFor(this.seed, "decompose", input.persona.name, input.task, input.startMinute);
    const work = workProfileOf(input.persona, new Map());
    const isWork = input.task.startsWith(work.label);
    return decomposeBlock(input.persona, input.task, input.minutes, isWork ? work.tasks : [], rng);
  }

  async actionPlace(input: PlaceInput): Promise<PlaceAnswer> {
    const rng = rngFor(this.seed, "place", input.persona.name, input.task, input.parentTask ?? "", input.nowMinute ?? 0);
    const place = choosePlace(input.persona, input.task, input.parentTask, input.currentSector, input.known, rng);
    const object = place.object;
    return {
      ...place,
      emoji: emojiFor(`${input.task} ${input.parentTask ?? ""}`),
      event: [input.persona.name, "is", input.task],
      objectState: object ? objectStateFor(kindOf(object), input.task) : "",
    };
  }

  private schedule(ctx: DayContext): PlanBlock[] {
    return buildSchedule(ctx.persona, ctx.known, rngFor(this.seed, "schedule", ctx.persona.name, ctx.dayIndex));
  }
}

export function emojiFor(task: string): string {
  return EMOJI_WORDS.find(([, words]) => mentions(task, words))?.[0] ?? DEFAULT_EMOJI;
}

export function objectStateFor(kind: string, task: string): string {
  const rules = OBJECT_STATES[kind] ?? [];
  for (const [words, state] of rules) if (words.length === 0 || mentions(task, words)) return state;
  return "in use";
}
