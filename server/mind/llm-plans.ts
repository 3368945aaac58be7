/**
 * Planning on a language model at the lowest token cost that keeps the same plans:
 * - a new day is one question (day_plan: wake-up, plan and schedule together), read
 *   back by the three planning questions in turn; a part it lacks is asked alone;
 * - a day plan or a block's decomposition is reused when the resident's situation is
 *   nearly that of an earlier answer (SituationCache, cosine >= 0.97): for a day, the
 *   same identity with the same engagements remembered; for a block, the same identity
 *   and task at the same time and length;
 * - "currently" is not revised again when no memory changed since the last revision.
 * The schedule, decomposition and fallbacks are checked as LlmMind always did.
 */
import { LRUCache } from "lru-cache";
import type { Embedding } from "../agents/memory/embedding";
import { formatDate } from "../sim/clock";
import type { LlmClient } from "./llm/llm-client";
import type { PromptUnit } from "./llm/prompt";
import type { FallbackRunner } from "./llm-places";
import type { DayContext, DecomposeInput, MemoryRef, Mind, PlanBlock } from "./mind";
import { dailyPlanUnit } from "./prompts/daily-plan";
import { dayPlanUnit, MAX_DAY_MEMORIES, type DayDraft } from "./prompts/day-plan";
import { decomposeUnit, fitSteps } from "./prompts/decompose";
import { hourlyScheduleUnit, isSleep, SLEEPING, spreadPlan, toSchedule } from "./prompts/hourly-schedule";
import { briefIdentity, identity } from "./prompts/persona";
import { reviseIdentityUnit } from "./prompts/revise-identity";
import { wakeUpUnit } from "./prompts/wake-up";
import { SituationCache } from "./reuse";

/** Blocks this short are done as they are: asking would cost more than it tells. */
export const MIN_DECOMPOSE_MINUTES = 15;
const DRAFTS = 200;

type Plan = DayContext & { wakeMinute: number };
type Schedule = Plan & { dailyPlan: string[] };
export type ReviseInput = Parameters<Mind["reviseIdentity"]>[0];

export interface PlanHooks {
  fromFallback: FallbackRunner;
  /** Embeddings of situations (the mind's own, with its fallback). */
  embed(texts: string[]): Promise<Embedding[]>;
  /** Asks a unit; the fallback mind's answer when the model gave none. */
  ask<I, O>(unit: PromptUnit<I, O>, input: I, offline: (mind: Mind) => Promise<O>): Promise<{ value: O; fromModel: boolean }>;
  /** Told the steps of every decomposed block (LlmPlaces plans their places together). */
  decomposed(agent: string, task: string, steps: string[]): void;
}

export class LlmPlans {
  /** Today's joint answer per resident, read by the three planning questions. */
  private readonly drafts = new LRUCache<string, DayDraft>({ max: DRAFTS });
  private readonly days = new SituationCache<Required<DayDraft>>();
  private readonly blocks = new SituationCache<PlanBlock[]>();
  /** Per resident: the memories of the last revision and its answer. */
  private readonly revisions = new LRUCache<string, { memories: string; answer: string }>({ max: DRAFTS });
  private revisionHits = 0;

  constructor(private readonly client: LlmClient, private readonly hooks: PlanHooks) {}

  /** Reuse hits so far, for reports and tests. */
  get reused(): { days: number; blocks: number; revisions: number } {
    return { days: this.days.hits, blocks: this.blocks.hits, revisions: this.revisionHits };
  }

  async wakeUpMinute(ctx: DayContext): Promise<number> {
    const draft = await this.draftDay(ctx);
    if (draft.wakeMinute !== undefined) return draft.wakeMinute;
    return (await this.hooks.ask(wakeUpUnit, ctx, (m) => m.wakeUpMinute(ctx))).value;
  }

  async dailyPlan(ctx: Plan): Promise<string[]> {
    const draft = this.drafts.get(dayKey(ctx));
    if (draft?.plan && draft.wakeMinute === ctx.wakeMinute) return [...draft.plan];
    return (await this.hooks.ask(dailyPlanUnit, ctx, (m) => m.dailyPlan(ctx))).value;
  }

  async hourlySchedule(ctx: Schedule): Promise<PlanBlock[]> {
    const key = dayKey(ctx);
    const draft = this.drafts.get(key);
    this.drafts.delete(key);
    if (draft?.blocks && draft.wakeMinute === ctx.wakeMinute && sameList(draft.plan ?? [], ctx.dailyPlan)) {
      const blocks = toSchedule(draft.blocks, ctx.wakeMinute);
      if (blocks.some((b) => b.task !== SLEEPING)) return blocks;
    }
    const { value, trace } = await this.client.ask(hourlyScheduleUnit, ctx, { agent: ctx.persona.name });
    const blocks = trace.usedFallback ? [] : toSchedule(value, ctx.wakeMinute);
    if (blocks.some((b) => b.task !== SLEEPING)) return blocks; // a day asleep is no answer
    const offline = await this.hooks.fromFallback((m) => m.hourlySchedule(ctx));
    return offline && sumMinutes(offline) === 1440 ? offline : spreadPlan(ctx.persona.lifestyle, ctx.wakeMinute, ctx.dailyPlan);
  }

  async decompose(input: DecomposeInput): Promise<PlanBlock[]> {
    if (isSleep(input.task) || input.minutes <= MIN_DECOMPOSE_MINUTES) return [{ task: input.task, minutes: input.minutes }];
    const key = [input.persona.name, input.startMinute, input.minutes].join("\u0000");
    const situation = await this.hooks.embed([briefIdentity(input.persona), input.task]);
    let steps = this.blocks.find(key, situation)?.map((s) => ({ ...s }));
    if (!steps) {
      const { value, trace } = await this.client.ask(decomposeUnit, input, { agent: input.persona.name });
      const fitted = trace.usedFallback ? [] : fitSteps(value, input.minutes);
      if (fitted.length > 0) this.blocks.store(key, situation, fitted.map((s) => ({ ...s })));
      steps = fitted.length > 0 ? fitted : await this.fallbackDecomposition(input);
    }
    this.hooks.decomposed(input.persona.name, input.task, steps.map((s) => s.task));
    return steps;
  }

  /** The same memories as at the last revision (and "currently" as it left it): nothing to revise. */
  async reviseIdentity(input: ReviseInput): Promise<string> {
    const memories = memoryIds(input.memories);
    const last = this.revisions.get(input.persona.name);
    if (last && last.memories === memories && last.answer === input.currently) {
      this.revisionHits++;
      return last.answer;
    }
    const { value, fromModel } = await this.hooks.ask(reviseIdentityUnit, input, (m) => m.reviseIdentity(input));
    if (fromModel) this.revisions.set(input.persona.name, { memories, answer: value });
    return value;
  }

  /** The joint answer for this day (reused when the situation matches an earlier day's). */
  private async draftDay(ctx: DayContext): Promise<DayDraft> {
    const key = dayReuseKey(ctx);
    const situation = await this.hooks.embed([`${identity(ctx.persona)}\n${ctx.persona.dailyPlanRequirement}`]);
    let draft: DayDraft | undefined = this.days.find(key, situation);
    if (!draft) {
      const { value, trace } = await this.client.ask(dayPlanUnit, ctx, { agent: ctx.persona.name });
      draft = trace.usedFallback ? {} : value;
      if (isComplete(draft)) this.days.store(key, situation, draft);
    }
    this.drafts.set(dayKey(ctx), draft);
    return draft;
  }

  /** The rules' split when it fits the block, else the block as one step. */
  private async fallbackDecomposition(input: DecomposeInput): Promise<PlanBlock[]> {
    const offline = await this.hooks.fromFallback((m) => m.decompose(input));
    return offline && offline.length > 0 && sumMinutes(offline) === input.minutes ? offline : [{ task: input.task, minutes: input.minutes }];
  }
}

/** One resident's day (the three planning questions of one day share it). */
function dayKey(ctx: DayContext): string {
  return [ctx.persona.name, ctx.dayStartMs, ctx.persona.currently].join("\u0000");
}

/**
 * What must match exactly for a day plan to be reused: the resident, a weekday or a
 * weekend day, and what it remembers for the day (an invitation changes the plan).
 */
function dayReuseKey(ctx: DayContext): string {
  const weekend = ["Saturday", "Sunday"].includes(formatDate(ctx.dayStartMs).split(" ")[0]);
  return [ctx.persona.name, weekend ? "weekend" : "weekday", ...(ctx.memories ?? []).slice(0, MAX_DAY_MEMORIES).map((m) => m.text)].join("\u0000");
}

function isComplete(d: DayDraft): d is Required<DayDraft> {
  return d.wakeMinute !== undefined && d.plan !== undefined && d.blocks !== undefined;
}

function memoryIds(memories: readonly MemoryRef[]): string {
  return memories.map((m) => m.id).join(",");
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sumMinutes(blocks: readonly PlanBlock[]): number {
  return blocks.reduce((sum, b) => sum + b.minutes, 0);
}
