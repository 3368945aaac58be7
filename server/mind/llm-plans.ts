/**
 * Planning on a language model at the lowest token cost that keeps the same plans:
 * - a new day is one question (day_plan: wake-up, plan and schedule together), read
 *   back by the three planning questions in turn; a part it lacks is asked alone;
 * - a block is split into steps with the place of each step in one question (block_plan)
 *   when the decomposition is told where the resident is, together with the next blocks
 *   that take place among the same places (their own decomposition then costs nothing);
 *   LlmPlaces answers the steps' places from it;
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
import type { Spot } from "./prompts/action-place";
import { blockPlanMenu, blockPlanUnit, MAX_BLOCKS, MAX_PLANNED_MINUTES, type Block, type BlockPlanInput, type PlannedStep } from "./prompts/block-plan";
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
  /** Told the steps of every decomposed block without places (LlmPlaces plans their places together). */
  decomposed(agent: string, task: string, steps: string[]): void;
  /** Told the steps (as fitted) of a block planned with their places, and the places the answer gave. */
  planned(question: BlockPlanInput, block: Block, steps: string[], answered: readonly PlannedStep[], spots: readonly Spot[]): Promise<void>;
}

export class LlmPlans {
  /** Today's joint answer per resident, read by the three planning questions. */
  private readonly drafts = new LRUCache<string, DayDraft>({ max: DRAFTS });
  private readonly days = new SituationCache<Required<DayDraft>>();
  private readonly blocks = new SituationCache<PlanBlock[]>();
  /** Steps of blocks planned with an earlier block, until their own turn (by resident, "currently" and block). */
  private readonly ahead = new LRUCache<string, PlanBlock[]>({ max: DRAFTS });
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
    // Planned with an earlier block (its places are noted already).
    const early = this.ahead.get(aheadKey(input));
    if (early) {
      this.ahead.delete(aheadKey(input));
      this.blocks.store(key, situation, early.map((s) => ({ ...s })));
      return early;
    }
    const reused = this.blocks.find(key, situation)?.map((s) => ({ ...s }));
    if (reused) {
      this.hooks.decomposed(input.persona.name, input.task, reused.map((s) => s.task));
      return reused;
    }
    const planned = input.where ? await this.planBlocks({ ...input, where: input.where, ahead: this.plannableAhead(input) }) : null;
    const fitted = planned ? fitSteps(plain(planned.steps[0]), input.minutes) : await this.askDecomposition(input);
    if (fitted.length > 0) {
      this.blocks.store(key, situation, fitted.map((s) => ({ ...s })));
      if (planned) {
        await this.hooks.planned(planned.input, input, fitted.map((s) => s.task), planned.steps[0], planned.spots);
        await this.keepAhead(planned);
      } else this.hooks.decomposed(input.persona.name, input.task, fitted.map((s) => s.task));
      return fitted;
    }
    const steps = await this.fallbackDecomposition(input);
    this.hooks.decomposed(input.persona.name, input.task, steps.map((s) => s.task));
    return steps;
  }

  /** The steps and their places in one question (block_plan), per block asked; null when the first block had no usable steps. */
  private async planBlocks(input: BlockPlanInput): Promise<PlannedBlocks | null> {
    const spots = blockPlanMenu(input).spots;
    const { value, trace } = await this.client.ask(blockPlanUnit, input, { agent: input.persona.name });
    return trace.usedFallback || (value[0] ?? []).length === 0 ? null : { input, steps: value, spots };
  }

  /**
   * The next blocks that can be planned with this one: in a row, each to be decomposed
   * (not sleep, not short), not planned yet, listed among the same places, within
   * MAX_BLOCKS blocks and MAX_PLANNED_MINUTES minutes in all.
   */
  private plannableAhead(input: DecomposeInput): Block[] {
    if (!input.where) return [];
    const first = { ...input, where: input.where, ahead: [] };
    const listed = blockPlanMenu(first).spots;
    const out: Block[] = [];
    let minutes = input.minutes;
    for (const b of input.next ?? []) {
      minutes += b.minutes;
      if (out.length + 1 >= MAX_BLOCKS || minutes > MAX_PLANNED_MINUTES || isSleep(b.task) || b.minutes <= MIN_DECOMPOSE_MINUTES) break;
      if (this.ahead.has(aheadKey({ ...input, ...b })) || !samePlaces(listed, blockPlanMenu(first, b).spots)) break;
      out.push(b);
    }
    return out;
  }

  /** The blocks planned ahead, fitted, for their own `decompose`; their places noted now. */
  private async keepAhead(planned: PlannedBlocks): Promise<void> {
    for (const [i, block] of planned.input.ahead.entries()) {
      const fitted = fitSteps(plain(planned.steps[i + 1] ?? []), block.minutes);
      if (fitted.length === 0) continue;
      const input = { ...planned.input, ...block };
      this.ahead.set(aheadKey(input), fitted);
      await this.hooks.planned(planned.input, block, fitted.map((s) => s.task), planned.steps[i + 1], planned.spots);
    }
  }

  private async askDecomposition(input: DecomposeInput): Promise<PlanBlock[]> {
    const { value, trace } = await this.client.ask(decomposeUnit, input, { agent: input.persona.name });
    return trace.usedFallback ? [] : fitSteps(value, input.minutes);
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

interface PlannedBlocks {
  input: BlockPlanInput;
  /** Per block asked (the first, then `input.ahead`), the steps as the model wrote them. */
  steps: PlannedStep[][];
  spots: Spot[];
}

/**
 * Is a block planned as well among `listed` as in its own question (which would list
 * `own`)? Yes when both put the same sector first: the one the block names, else the
 * likeliest (where the resident is, home). Any other sector is listed too, by number.
 */
function samePlaces(listed: readonly Spot[], own: readonly Spot[]): boolean {
  return listed[0] !== undefined && listed[0].sector === own[0]?.sector;
}

/** Steps without their places. */
function plain(steps: readonly PlannedStep[]): PlanBlock[] {
  return steps.map(({ task, minutes }) => ({ task, minutes }));
}

/** A block planned ahead is used for the same resident, as it still is, and the same block. */
function aheadKey(b: Pick<DecomposeInput, "persona" | "task" | "startMinute" | "minutes">): string {
  return [b.persona.name, b.persona.currently, b.startMinute, b.minutes, b.task].join("\u0000");
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
