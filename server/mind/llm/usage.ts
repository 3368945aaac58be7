/**
 * The usage meter: what each question (and each agent) cost in calls, tokens,
 * time and dollars. Reports and the per-town budget read it; the LLM client
 * writes to it after every request, whatever the outcome.
 */
import { costUsd, MODEL_PRICES, priceOf, type PriceTable } from "./prices";

export interface UsageCounts {
  /** Questions asked (one `ask` or one `embed`), whatever happened after. */
  calls: number;
  /** HTTP requests sent, counting retries and re-asks. */
  requests: number;
  /** Requests repeated after a 429, a 5xx or a network error. */
  retries: number;
  /** Second asks after an answer that no repair could make valid. */
  reasks: number;
  /** Requests that ended in an error (HTTP status, network, timeout). */
  failures: number;
  /** Calls answered with the prompt's fail-safe value instead of the model's. */
  fallbacks: number;
  /** Answers that were valid only after repair of their JSON. */
  repairs: number;
  inputTokens: number;
  outputTokens: number;
  embeddingTokens: number;
  /** Embedding texts served from the cache (no request, no cost). */
  cacheHits: number;
  /** Summed wall time of requests, in milliseconds. */
  latencyMs: number;
  costUsd: number;
}

export interface UsageSnapshot {
  total: UsageCounts;
  byQuestion: Record<string, UsageCounts>;
  byAgent: Record<string, UsageCounts>;
  /** Models that used tokens but have no price: their cost is counted as 0. */
  unpricedModels: string[];
  budgetUsd: number | null;
}

/** One outcome to add; counters left out count as 0. */
export type UsageEvent = Partial<Omit<UsageCounts, "costUsd">> & {
  question: string;
  agent?: string;
  /** The model that billed the tokens; needed to price them. */
  model?: string;
};

const COUNTER_KEYS = [
  "calls", "requests", "retries", "reasks", "failures", "fallbacks", "repairs",
  "inputTokens", "outputTokens", "embeddingTokens", "cacheHits", "latencyMs", "costUsd",
] as const satisfies ReadonlyArray<keyof UsageCounts>;

export function emptyCounts(): UsageCounts {
  const counts = {} as UsageCounts;
  for (const key of COUNTER_KEYS) counts[key] = 0;
  return counts;
}

function addInto(target: UsageCounts, source: Partial<UsageCounts>): void {
  for (const key of COUNTER_KEYS) target[key] += source[key] ?? 0;
}

export class UsageMeter {
  private readonly total = emptyCounts();
  private readonly byQuestion = new Map<string, UsageCounts>();
  private readonly byAgent = new Map<string, UsageCounts>();
  private readonly unpriced = new Set<string>();
  private readonly prices: PriceTable;
  readonly budgetUsd: number | undefined;

  constructor(options: { budgetUsd?: number; prices?: PriceTable } = {}) {
    this.budgetUsd = options.budgetUsd;
    this.prices = options.prices ?? MODEL_PRICES;
  }

  /** Adds one outcome to the total, its question and (if given) its agent. */
  record(event: UsageEvent): void {
    const counts: Partial<UsageCounts> = { ...event, costUsd: this.priceEvent(event) };
    addInto(this.total, counts);
    addInto(entry(this.byQuestion, event.question), counts);
    if (event.agent !== undefined) addInto(entry(this.byAgent, event.agent), counts);
  }

  /** Dollars spent so far, priced when each event was recorded. */
  totalCostUsd(): number {
    return this.total.costUsd;
  }

  /** True once the spend reaches the budget; never true without a budget. */
  overBudget(): boolean {
    return this.budgetUsd !== undefined && this.total.costUsd >= this.budgetUsd;
  }

  /** A deep copy, safe to keep or serialise while the meter keeps counting. */
  snapshot(): UsageSnapshot {
    return {
      total: { ...this.total },
      byQuestion: copyMap(this.byQuestion),
      byAgent: copyMap(this.byAgent),
      unpricedModels: [...this.unpriced].sort(),
      budgetUsd: this.budgetUsd ?? null,
    };
  }

  /** Adds another meter's snapshot (e.g. another town) into this one. */
  merge(other: UsageSnapshot): void {
    addInto(this.total, other.total);
    for (const [name, counts] of Object.entries(other.byQuestion)) addInto(entry(this.byQuestion, name), counts);
    for (const [name, counts] of Object.entries(other.byAgent)) addInto(entry(this.byAgent, name), counts);
    for (const model of other.unpricedModels) this.unpriced.add(model);
  }

  toJSON(): UsageSnapshot {
    return this.snapshot();
  }

  private priceEvent(event: UsageEvent): number {
    const tokens = {
      input: event.inputTokens ?? 0,
      output: event.outputTokens ?? 0,
      embedding: event.embeddingTokens ?? 0,
    };
    if (tokens.input + tokens.output + tokens.embedding === 0) return 0;
    const model = event.model ?? "unknown";
    const price = priceOf(model, this.prices);
    if (!price) {
      this.unpriced.add(model);
      return 0;
    }
    return costUsd(price, tokens);
  }
}

function entry(map: Map<string, UsageCounts>, key: string): UsageCounts {
  let counts = map.get(key);
  if (!counts) {
    counts = emptyCounts();
    map.set(key, counts);
  }
  return counts;
}

function copyMap(map: Map<string, UsageCounts>): Record<string, UsageCounts> {
  const out: Record<string, UsageCounts> = {};
  for (const [key, counts] of [...map.entries()].sort(([a], [b]) => a.localeCompare(b))) out[key] = { ...counts };
  return out;
}
