/**
 * The one door to a language model: asks prompt units for JSON answers and
 * embeds texts, through the official `openai` client (OpenAI or any compatible
 * server). Every request passes the limiter, is retried by the rules of
 * `retry.ts` and is metered. `ask` never throws for a model failure: it answers
 * with the unit's fallback and says why in the trace.
 */
import OpenAI, { BadRequestError, NotFoundError } from "openai";
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming, ChatCompletionMessageParam } from "openai/resources/chat/completions";
import type { MindConfig } from "./config";
import { Limiter } from "./limiter";
import { LruCache } from "./lru";
import { readAnswer, type PromptTrace, type PromptUnit } from "./prompt";
import { DEFAULT_RETRY_POLICY, RequestFailure, withDeadline, withRetries, type RetryPolicy } from "./retry";
import { UsageMeter } from "./usage";
import { describeVerifyFailure, modelListNote, OPENAI_DEFAULT_URL } from "./verify";

export const EMBEDDING_QUESTION = "embedding";
const DEFAULT_EMBEDDING_CACHE_SIZE = 5_000;
const DEFAULT_EMBEDDING_BATCH_SIZE = 64;
/** Local servers often want no key; the openai client insists on one. */
const PLACEHOLDER_API_KEY = "no-key";

/** Thrown by `embed` when the model gives no embeddings; callers use a local embedding. */
export class EmbeddingError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "EmbeddingError";
  }
}

export interface LlmClientOptions {
  config: Pick<MindConfig, "apiKey" | "baseURL" | "model" | "embeddingModel" | "timeoutMs" | "concurrency" | "budgetUsd">;
  /** Share one limiter across towns of a process; defaults to one of `config.concurrency` slots. */
  limiter?: Limiter;
  /** One meter per town; defaults to a new meter with `config.budgetUsd`. */
  meter?: UsageMeter;
  retry?: Partial<RetryPolicy>;
  embeddingCacheSize?: number;
  embeddingBatchSize?: number;
  /** Injected for tests; default to real time and Math.random. */
  sleep?(ms: number): Promise<void>;
  now?(): number;
  random?(): number;
}

export interface AskMeta {
  agent?: string;
}

export interface AskResult<O> {
  value: O;
  trace: PromptTrace<O>;
}

type Outcome = { raw: string | null; error?: undefined } | { raw?: undefined; error: string };

export class LlmClient {
  readonly meter: UsageMeter;
  readonly limiter: Limiter;
  private readonly openai: OpenAI;
  private readonly config: LlmClientOptions["config"];
  private readonly policy: RetryPolicy;
  private readonly embeddings: LruCache<string, number[]>;
  private readonly batchSize: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly random: () => number;
  /** Turned off for good when a server rejects `response_format` but answers without it. */
  private jsonMode = true;

  constructor(options: LlmClientOptions) {
    this.config = options.config;
    this.openai = new OpenAI({
      apiKey: options.config.apiKey ?? PLACEHOLDER_API_KEY,
      baseURL: options.config.baseURL,
      // Only a backstop: each request carries its own deadline (see withDeadline).
      timeout: options.config.timeoutMs * 2,
      maxRetries: 0,
    });
    this.limiter = options.limiter ?? new Limiter(options.config.concurrency);
    this.meter = options.meter ?? new UsageMeter({ budgetUsd: options.config.budgetUsd });
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.embeddings = new LruCache(options.embeddingCacheSize ?? DEFAULT_EMBEDDING_CACHE_SIZE);
    this.batchSize = options.embeddingBatchSize ?? DEFAULT_EMBEDDING_BATCH_SIZE;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? (() => performance.now());
    this.random = options.random ?? Math.random;
  }

  /**
   * Asks `unit` about `input`: one request, repair of near-valid JSON, one re-ask
   * with the validation error if still invalid, then the unit's fallback.
   */
  async ask<I, O>(unit: PromptUnit<I, O>, input: I, meta: AskMeta = {}): Promise<AskResult<O>> {
    const prompt = unit.build(input);
    const key = { question: unit.name, agent: meta.agent };
    this.meter.record({ ...key, calls: 1 });
    if (this.meter.overBudget()) return this.fallBack(unit, input, key, { prompt, raw: null, reasked: false, error: this.budgetMessage() });

    const messages: ChatCompletionMessageParam[] = [
      { role: "system", content: prompt.system },
      { role: "user", content: prompt.user },
    ];
    const first = await this.complete(unit, messages, key);
    if (first.error !== undefined) return this.fallBack(unit, input, key, { prompt, raw: null, reasked: false, error: first.error });
    const answer = readAnswer(first.raw, unit.schema);
    if (answer.ok) return this.answered(key, { prompt, raw: first.raw, parsed: answer.value, repaired: answer.repaired, reasked: false, error: null });

    this.meter.record({ ...key, reasks: 1 });
    const second = await this.complete(unit, [...messages, ...reaskMessages(first.raw, answer.error)], key);
    if (second.error !== undefined) return this.fallBack(unit, input, key, { prompt, raw: first.raw, reasked: true, error: second.error });
    const retried = readAnswer(second.raw, unit.schema);
    if (retried.ok) {
      return this.answered(key, { prompt, raw: second.raw, parsed: retried.value, repaired: retried.repaired, reasked: true, error: answer.error });
    }
    return this.fallBack(unit, input, key, { prompt, raw: second.raw, reasked: true, error: `after a re-ask, ${retried.error}` });
  }

  /**
   * Embeds `texts` in order. Cached texts cost nothing; the rest go in batches.
   * Throws EmbeddingError when the model cannot answer (or the budget is spent).
   */
  async embed(texts: string[], meta: AskMeta = {}): Promise<number[][]> {
    const key = { question: EMBEDDING_QUESTION, agent: meta.agent };
    this.meter.record({ ...key, calls: 1 });
    // Kept in a local map, not re-read from the cache, which may drop entries as new ones arrive.
    const known = new Map<string, number[]>();
    for (const text of new Set(texts)) {
      const vector = this.embeddings.get(this.cacheKey(text));
      if (vector) known.set(text, vector);
    }
    const missing = [...new Set(texts)].filter((text) => !known.has(text));
    this.meter.record({ ...key, cacheHits: texts.filter((text) => known.has(text)).length });
    if (missing.length > 0 && this.meter.overBudget()) throw new EmbeddingError(this.budgetMessage());

    for (const [text, vector] of await this.embedInBatches(missing, key)) {
      known.set(text, vector);
      this.embeddings.set(this.cacheKey(text), vector);
    }
    return texts.map((text) => known.get(text) as number[]);
  }

  /** One cheap request to check the key and the server, turned into one readable message. */
  async verify(): Promise<{ ok: boolean; message: string }> {
    const where = this.config.baseURL ?? OPENAI_DEFAULT_URL;
    try {
      const note = await this.limiter.run(() => this.checkServer());
      return { ok: true, message: `Model server at ${where} is reachable; model ${this.config.model}${note}.` };
    } catch (error) {
      return { ok: false, message: describeVerifyFailure(error, where, this.config.timeoutMs) };
    }
  }

  /** Lists models (free); a server without that route gets a one-token completion instead. */
  private async checkServer(): Promise<string> {
    try {
      const models = await this.deadline((signal) => this.openai.models.list({ signal }));
      return modelListNote(models.data.map((model) => model.id), this.config.model);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
    const ping = { model: this.config.model, messages: [{ role: "user" as const, content: "ping" }], max_tokens: 1 };
    await this.deadline((signal) => this.openai.chat.completions.create(ping, { signal }));
    return "";
  }

  private async complete(unit: Pick<PromptUnit<never, unknown>, "maxTokens" | "temperature">, messages: ChatCompletionMessageParam[], key: MeterKey): Promise<Outcome> {
    const body: ChatCompletionCreateParamsNonStreaming = {
      model: this.config.model,
      messages,
      ...(unit.maxTokens !== undefined && { max_tokens: unit.maxTokens }),
      ...(unit.temperature !== undefined && { temperature: unit.temperature }),
    };
    try {
      const completion = await this.request(key, () => this.sendChat(body, key));
      return { raw: completion.choices?.[0]?.message?.content ?? null };
    } catch (error) {
      return { error: describeFailure(error, this.config.timeoutMs) };
    }
  }

  /** Sends with JSON mode when the server takes it; on a 400 tries once without it. */
  private async sendChat(body: ChatCompletionCreateParamsNonStreaming, key: MeterKey): Promise<ChatCompletion> {
    const send = (params: ChatCompletionCreateParamsNonStreaming) =>
      this.metered("chat", key, (signal) => this.openai.chat.completions.create(params, { signal }));
    if (!this.jsonMode) return send(body);
    try {
      return await send({ ...body, response_format: { type: "json_object" } });
    } catch (error) {
      if (!(error instanceof BadRequestError)) throw error;
      const completion = await send(body);
      this.jsonMode = false;
      return completion;
    }
  }

  private cacheKey(text: string): string {
    return `${this.config.embeddingModel}\u0000${text}`;
  }

  /** Batches run side by side; the limiter bounds how many are in flight. */
  private async embedInBatches(texts: string[], key: MeterKey): Promise<Array<[string, number[]]>> {
    const batches: string[][] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) batches.push(texts.slice(i, i + this.batchSize));
    const vectors = await Promise.all(batches.map((batch) => this.embedBatch(batch, key)));
    return batches.flatMap((batch, b) => batch.map((text, i): [string, number[]] => [text, vectors[b][i]]));
  }

  private async embedBatch(batch: string[], key: MeterKey): Promise<number[][]> {
    // The API rejects empty strings; a space embeds as "nothing" just as well.
    const input = batch.map((text) => (text === "" ? " " : text));
    try {
      const response = await this.request(key, () =>
        this.metered("embedding", key, (signal) => this.openai.embeddings.create({ model: this.config.embeddingModel, input }, { signal })),
      );
      const vectors = [...(response.data ?? [])].sort((a, b) => a.index - b.index).map((item) => item.embedding);
      if (vectors.length !== batch.length) throw new Error(`expected ${batch.length} embeddings, got ${vectors.length}`);
      return vectors;
    } catch (error) {
      throw new EmbeddingError(`embedding failed: ${describeFailure(error, this.config.timeoutMs)}`, { cause: error });
    }
  }

  /** Retries `send` by the policy, each try holding a limiter slot (waits between tries do not). */
  private request<T>(key: MeterKey, send: () => Promise<T>): Promise<T> {
    return withRetries(() => this.limiter.run(send), {
      policy: this.policy,
      sleep: this.sleep,
      random: this.random,
      onFailure: (_failure, willRetry) => willRetry && this.meter.record({ ...key, retries: 1 }),
    });
  }

  /** Times one HTTP request and meters its tokens, or its failure. */
  private async metered<T extends Billable>(kind: "chat" | "embedding", key: MeterKey, send: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const started = this.now();
    try {
      const response = await this.deadline(send);
      const isEmbedding = kind === "embedding";
      this.meter.record({
        ...key,
        model: isEmbedding ? this.config.embeddingModel : this.config.model,
        requests: 1,
        latencyMs: this.now() - started,
        ...(isEmbedding
          ? { embeddingTokens: response.usage?.prompt_tokens ?? 0 }
          : { inputTokens: response.usage?.prompt_tokens ?? 0, outputTokens: completionTokens(response) }),
      });
      return response;
    } catch (error) {
      this.meter.record({ ...key, requests: 1, failures: 1, latencyMs: this.now() - started });
      throw error;
    }
  }

  private deadline<T>(send: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return withDeadline(this.config.timeoutMs, send);
  }

  private fallBack<I, O>(unit: PromptUnit<I, O>, input: I, key: MeterKey, trace: FallbackTrace): AskResult<O> {
    this.meter.record({ ...key, fallbacks: 1 });
    return { value: unit.fallback(input), trace: { ...trace, parsed: null, usedFallback: true, repaired: false } };
  }

  private answered<O>(key: MeterKey, trace: AnsweredTrace<O>): AskResult<O> {
    if (trace.repaired) this.meter.record({ ...key, repairs: 1 });
    return { value: trace.parsed, trace: { ...trace, usedFallback: false } };
  }

  private budgetMessage(): string {
    return `the town's model budget of $${this.meter.budgetUsd} is spent`;
  }
}

type MeterKey = { question: string; agent?: string };
type FallbackTrace = Omit<PromptTrace<never>, "parsed" | "usedFallback" | "repaired"> & { error: string };
type AnsweredTrace<O> = Omit<PromptTrace<O>, "usedFallback"> & { parsed: O };
type Billable = { usage?: { prompt_tokens?: number; completion_tokens?: number } | null };

function completionTokens(response: Billable): number {
  return response.usage?.completion_tokens ?? 0;
}

/** The follow-up turn of a re-ask: the model sees its answer and what was wrong. */
function reaskMessages(raw: string | null, error: string): ChatCompletionMessageParam[] {
  const correction = `That answer could not be used: ${error}. Reply again with only the corrected JSON object.`;
  return raw ? [{ role: "assistant", content: raw }, { role: "user", content: correction }] : [{ role: "user", content: correction }];
}

/** Request failures in their own words; anything else is an answer we could not read. */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (!(error instanceof RequestFailure)) return `unreadable response: ${error instanceof Error ? error.message : String(error)}`;
  return error.failure.kind === "timeout" ? `no answer within ${timeoutMs} ms` : error.failure.message;
}
