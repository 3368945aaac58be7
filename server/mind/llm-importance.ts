/**
 * Importance ("poignancy") on a language model, asked as little as possible: scores are
 * cached per agent and text (events recur), a perceived batch is one question, and
 * insights and chat summaries bring their importance with them (`remember`), so the
 * question about them that follows costs no call.
 */
import { LRUCache } from "lru-cache";
import type { Persona } from "../sim/scenario";
import type { LlmClient } from "./llm/llm-client";
import type { PromptUnit } from "./llm/prompt";
import type { Mind, PoignancyBatchInput, PoignancyInput } from "./mind";
import { FALLBACK_POIGNANCY, poignancyUnit } from "./prompts/poignancy";
import { alignScores, MAX_BATCH, poignancyBatchUnit } from "./prompts/poignancy-batch";

const CACHE_SIZE = 2_000;

export interface ImportanceDeps {
  /** Asks a unit; `fromModel` false when a fallback answered. */
  ask<I, O>(unit: PromptUnit<I, O>, input: I, persona: Persona, offline: (mind: Mind) => Promise<O>): Promise<{ value: O; fromModel: boolean }>;
  /** The fallback mind's answer, or undefined. */
  fromFallback<O>(answer: (mind: Mind) => Promise<O>): Promise<O | undefined>;
}

export class LlmImportance {
  private readonly cache = new LRUCache<string, number>({ max: CACHE_SIZE });

  constructor(
    private readonly client: LlmClient,
    private readonly deps: ImportanceDeps,
  ) {}

  async score(input: PoignancyInput): Promise<number> {
    const key = keyOf(input.persona, input.kind, input.description);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const { value, fromModel } = await this.deps.ask(poignancyUnit, input, input.persona, (m) => m.poignancy(input));
    if (fromModel) this.cache.set(key, value);
    return value;
  }

  /**
   * One question for all the memories not scored before (one alone asks the single
   * question); a score the answer lacks comes from the fallback mind for that memory.
   */
  async scoreBatch(input: PoignancyBatchInput): Promise<number[]> {
    const { persona, items } = input;
    const keys = items.map((item) => keyOf(persona, item.kind, item.description));
    const scores = new Map<string, number>();
    const ask: PoignancyBatchInput["items"] = [];
    for (const [i, item] of items.entries()) {
      const cached = this.cache.get(keys[i]);
      if (cached !== undefined) scores.set(keys[i], cached);
      else if (!ask.some((a) => a.kind === item.kind && a.description === item.description)) ask.push(item);
    }
    if (ask.length === 1) scores.set(keyOf(persona, ask[0].kind, ask[0].description), await this.score({ persona, ...ask[0] }));
    else for (let from = 0; from < ask.length; from += MAX_BATCH) await this.askBatch(persona, ask.slice(from, from + MAX_BATCH), scores);
    return keys.map((k) => scores.get(k) ?? FALLBACK_POIGNANCY);
  }

  /** An importance that came with another answer (an insight, a chat summary). */
  remember(persona: Persona, kind: PoignancyInput["kind"], description: string, importance: number | undefined): void {
    if (importance !== undefined) this.cache.set(keyOf(persona, kind, description), importance);
  }

  /** Scores `items` (all new, at most MAX_BATCH) into `scores`; the model's are cached. */
  private async askBatch(persona: Persona, items: PoignancyBatchInput["items"], scores: Map<string, number>): Promise<void> {
    const { value, trace } = await this.client.ask(poignancyBatchUnit, { persona, items }, { agent: persona.name });
    const answered = alignScores(trace.usedFallback ? [] : value, items.length);
    for (const [i, item] of items.entries()) {
      const key = keyOf(persona, item.kind, item.description);
      const score = answered[i];
      if (score !== null) {
        this.cache.set(key, score);
        scores.set(key, score);
      } else {
        scores.set(key, (await this.deps.fromFallback((m) => m.poignancy({ persona, ...item }))) ?? FALLBACK_POIGNANCY);
      }
    }
  }
}

function keyOf(persona: Persona, kind: PoignancyInput["kind"], description: string): string {
  return [persona.name, kind, description].join("\u0000");
}
