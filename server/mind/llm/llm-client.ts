/**
 * The one door to a language model: asks prompt units for JSON answers and
 * embeds texts, through the official `openai` client (OpenAI or any compatible
 * server). Retries are the client's own (`maxRetries`: 429, 5xx and network
 * errors, with backoff, honouring the server's retry-after); every HTTP attempt
 * goes through our transport (the client's `fetch`), which holds a concurrency
 * slot (p-limit) while the attempt is on the wire, gives it its deadline and
 * meters it. Answers are asked for as structured output when the server takes it
 * (see ResponseMode). `ask` never throws for a model failure: it answers with the
 * unit's fallback and says why in the trace.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { LRUCache } from "lru-cache";
import OpenAI, { APIConnectionTimeoutError, BadRequestError, NotFoundError } from "openai";
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming, ChatCompletionMessageParam } from "openai/resources/chat/completions";
import pLimit from "p-limit";
import type { MindConfig } from "./config";
import { jsonSchemaFormat, readAnswer, type PromptTrace, type PromptUnit } from "./prompt";
import { UsageMeter } from "./usage";
import { describeRequestFailure, describeVerifyFailure, modelListNote, OPENAI_DEFAULT_URL } from "./verify";

export const EMBEDDING_QUESTION = "embedding";
const DEFAULT_EMBEDDING_CACHE_SIZE = 5_000;
const DEFAULT_EMBEDDING_BATCH_SIZE = 64;
export const DEFAULT_MAX_RETRIES = 3;
/** Local servers often want no key; the openai client insists on one. */
const PLACEHOLDER_API_KEY = "no-key";
/**
 * The openai client's own timeout runs from before an attempt waits for a slot, so it
 * is only a backstop this much longer than ours (which starts once the slot is held).
 */
const QUEUE_ALLOWANCE_MS = 10 * 60_000;

/**
 * How answers are asked for, best first: `json_schema` (structured output with the
 * unit's JSON schema: OpenAI, vLLM, Ollama), `json_object` (JSON mode), `text` (no
 * `response_format`; the answer is read with repair). Each client starts at the best
 * and, on its first answer, steps down for good past the modes its server rejected with a 400.
 */
export type ResponseMode = "json_schema" | "json_object" | "text";
const MODES: readonly ResponseMode[] = ["json_schema", "json_object", "text"];

/** p-limit's limit function: at most N tasks at once, the rest queued in order. */
export type Limiter = pLimit.Limit;

/** Thrown by `embed` when the model gives no embeddings; callers use a local embedding. */
export class EmbeddingError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "EmbeddingError";
  }
}

export interface LlmClientOptions {
  config: Pick<MindConfig, "apiKey" | "baseURL" | "model" | "embeddingModel" | "timeoutMs" | "concurrency" | "budgetUsd">;
  /** Share one limiter (`pLimit(n)`) across towns of a process; defaults to one of `config.concurrency` slots. */
  limiter?: Limiter;
  /** One meter per town; defaults to a new meter with `config.budgetUsd`. */
  meter?: UsageMeter;
  /** Retries after a 429, a 5xx or a network error (default 3); the openai client makes them. */
  retry?: { maxRetries?: number };
  embeddingCacheSize?: number;
  embeddingBatchSize?: number;
  /** Told when the server rejects a response format and the client steps down (default console.warn). */
  warn?(message: string): void;
  /** Injected for tests; defaults to performance.now. */
  now?(): number;
}

export interface AskMeta {
  agent?: string;
}

export interface AskResult<O> {
  value: O;
  trace: PromptTrace<O>;
}

type Rejection = { mode: ResponseMode; error: BadRequestError };
type ModeAnswer = { completion: ChatCompletion; mode: ResponseMode; rejected: Rejection[] };
type Outcome = { raw: string | null; error?: undefined } | { raw?: undefined; error: string };
type MeterKey = { question: string; agent?: string };

/** What the transport needs to know about the request an attempt belongs to. */
interface RequestContext {
  /** Unset for the startup check, which is not a question of the town's. */
  key?: MeterKey;
  /** Aborting it is a caller's abort for the openai client: it then stops without a retry. */
  abort: AbortController;
  timedOut: boolean;
}

export class LlmClient {
  readonly meter: UsageMeter;
  readonly limiter: Limiter;
  private readonly openai: OpenAI;
  private readonly config: LlmClientOptions["config"];
  private readonly embeddings: LRUCache<string, number[]>;
  private readonly batchSize: number;
  private readonly warn: (message: string) => void;
  private readonly now: () => number;
  private readonly requests = new AsyncLocalStorage<RequestContext>();
  private mode: ResponseMode = "json_schema";
  /** True once a request has been answered in `mode`. */
  private modeKnown = false;
  /** The request finding the mode out, while it is not known. */
  private detection: Promise<ModeAnswer> | null = null;

  constructor(options: LlmClientOptions) {
    this.config = options.config;
    this.openai = new OpenAI({
      apiKey: options.config.apiKey ?? PLACEHOLDER_API_KEY,
      baseURL: options.config.baseURL,
      timeout: options.config.timeoutMs + QUEUE_ALLOWANCE_MS,
      maxRetries: options.retry?.maxRetries ?? DEFAULT_MAX_RETRIES,
      fetch: (url, init) => this.transport(url, init),
    });
    this.limiter = options.limiter ?? pLimit(options.config.concurrency);
    this.meter = options.meter ?? new UsageMeter({ budgetUsd: options.config.budgetUsd });
    this.embeddings = new LRUCache({ max: options.embeddingCacheSize ?? DEFAULT_EMBEDDING_CACHE_SIZE });
    this.batchSize = options.embeddingBatchSize ?? DEFAULT_EMBEDDING_BATCH_SIZE;
    this.warn = options.warn ?? ((message) => console.warn(message));
    this.now = options.now ?? (() => performance.now());
  }

  /** How this client asks for answers (it steps down at most while finding its server's mode out). */
  get responseMode(): ResponseMode {
    return this.mode;
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
      const note = await this.checkServer();
      return { ok: true, message: `Model server at ${where} is reachable; model ${this.config.model}${note}.` };
    } catch (error) {
      return { ok: false, message: describeVerifyFailure(error, where, this.config.timeoutMs) };
    }
  }

  /** Lists models (free); a server without that route gets a one-token completion. No retries: a startup check says at once. */
  private async checkServer(): Promise<string> {
    const key = undefined; // not metered
    try {
      const models = await this.send(key, (signal) => this.openai.models.list({ signal, maxRetries: 0 }));
      return modelListNote(models.data.map((model) => model.id), this.config.model);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
    const ping = { model: this.config.model, messages: [{ role: "user" as const, content: "ping" }], max_tokens: 1 };
    await this.send(key, (signal) => this.openai.chat.completions.create(ping, { signal, maxRetries: 0 }));
    return "";
  }

  private async complete(unit: PromptUnit<never, unknown>, messages: ChatCompletionMessageParam[], key: MeterKey): Promise<Outcome> {
    const body: ChatCompletionCreateParamsNonStreaming = {
      model: this.config.model,
      messages,
      ...(unit.maxTokens !== undefined && { max_tokens: unit.maxTokens }),
      ...(unit.temperature !== undefined && { temperature: unit.temperature }),
    };
    try {
      const completion = await this.chat(unit, body, key);
      return { raw: completion.choices?.[0]?.message?.content ?? null };
    } catch (error) {
      return { error: describeRequestFailure(error, this.config.timeoutMs) };
    }
  }

  /**
   * Sends in this client's response mode. Until one answer has come (the mode is known),
   * one request at a time finds the mode out and the others wait for it: a 400 to its
   * response format sends it again in the next mode, and the first mode that gets an
   * answer is the client's from then on (a 400 in every mode is not about the format:
   * the mode stays, and the next request tries). Once the mode is known, a 400 to one
   * request's format still sends that request in the next modes, but changes nothing else.
   */
  private async chat(unit: PromptUnit<never, unknown>, body: ChatCompletionCreateParamsNonStreaming, key: MeterKey): Promise<ChatCompletion> {
    while (!this.modeKnown && this.detection) await this.detection.catch(() => undefined);
    if (this.modeKnown) return (await this.chatFrom(this.mode, unit, body, key)).completion;
    const detection = this.chatFrom(this.mode, unit, body, key);
    this.detection = detection;
    try {
      const { completion, mode, rejected } = await detection;
      if (rejected.length > 0) this.stepDownTo(mode, rejected);
      this.modeKnown = true;
      return completion;
    } finally {
      if (this.detection === detection) this.detection = null;
    }
  }

  /** Sends in `mode`, and in the next modes while the server answers 400 to the format. */
  private async chatFrom(first: ResponseMode, unit: PromptUnit<never, unknown>, body: ChatCompletionCreateParamsNonStreaming, key: MeterKey): Promise<ModeAnswer> {
    const rejected: Rejection[] = [];
    for (let mode = first; ; mode = next(mode)) {
      try {
        const completion = await this.send(key, (signal) => this.openai.chat.completions.create({ ...body, ...formatFor(unit, mode) }, { signal }));
        this.meter.record({ ...key, model: this.config.model, inputTokens: completion.usage?.prompt_tokens ?? 0, outputTokens: completion.usage?.completion_tokens ?? 0 });
        return { completion, mode, rejected };
      } catch (error) {
        if (!(error instanceof BadRequestError) || mode === "text") throw error;
        rejected.push({ mode, error });
      }
    }
  }

  private stepDownTo(mode: ResponseMode, rejected: Rejection[]): void {
    this.mode = mode;
    this.warn(
      `The model server at ${this.config.baseURL ?? OPENAI_DEFAULT_URL} rejected response_format ${rejected.map((r) => r.mode).join(" and ")} ` +
        `(HTTP 400: ${rejected[0].error.message}); asking ${mode === "text" ? "without one" : `with ${mode}`} from now on.`,
    );
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
      const model = this.config.embeddingModel;
      const response = await this.send(key, (signal) => this.openai.embeddings.create({ model, input }, { signal }));
      this.meter.record({ ...key, model, embeddingTokens: response.usage?.prompt_tokens ?? 0 });
      const vectors = [...(response.data ?? [])].sort((a, b) => a.index - b.index).map((item) => item.embedding);
      if (vectors.length !== batch.length) throw new Error(`expected ${batch.length} embeddings, got ${vectors.length}`);
      return vectors;
    } catch (error) {
      throw new EmbeddingError(`embedding failed: ${describeRequestFailure(error, this.config.timeoutMs)}`, { cause: error });
    }
  }

  /**
   * Runs one openai call (with its retries) as a request the transport can see. When an
   * attempt misses its deadline, the call is aborted, so the client does not retry it,
   * and fails with a timeout.
   */
  private async send<T>(key: MeterKey | undefined, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const request: RequestContext = { key, abort: new AbortController(), timedOut: false };
    try {
      return await this.requests.run(request, () => call(request.abort.signal));
    } catch (error) {
      if (request.timedOut) throw new APIConnectionTimeoutError({ message: `no answer within ${this.config.timeoutMs} ms` });
      throw error;
    }
  }

  /**
   * The openai client's fetch: one HTTP attempt. It waits for a limiter slot (the waits
   * between retries hold none), then has `timeoutMs` for the whole response, body
   * included, and is metered as a request (a retry when the client says it is one).
   * The deadline is ours, not the client's `timeout`, for what that cannot do: its clock
   * runs while the attempt waits for a slot (a busy town would time out in the queue),
   * and it retries a timeout (a model too slow for a simulation step is not asked again:
   * the fail-safe answers at once).
   */
  private async transport(url: string | URL | Request, init: RequestInit = {}): Promise<Response> {
    const request = this.requests.getStore();
    if (!request) return fetch(url, init);
    return this.limiter(async () => {
      init.signal?.throwIfAborted();
      const started = this.now();
      const isRetry = Number(new Headers(init.headers).get("x-stainless-retry-count") ?? 0) > 0;
      const timer = setTimeout(() => {
        request.timedOut = true;
        request.abort.abort();
      }, this.config.timeoutMs);
      let ok = false;
      try {
        const response = await fetch(url, init);
        const body = await response.arrayBuffer();
        ok = response.ok;
        const empty = body.byteLength === 0 || [101, 204, 205, 304].includes(response.status);
        return new Response(empty ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
      } finally {
        clearTimeout(timer);
        if (request.key) this.meter.record({ ...request.key, requests: 1, failures: ok ? 0 : 1, retries: isRetry ? 1 : 0, latencyMs: this.now() - started });
      }
    });
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

type FallbackTrace = Omit<PromptTrace<never>, "parsed" | "usedFallback" | "repaired"> & { error: string };
type AnsweredTrace<O> = Omit<PromptTrace<O>, "usedFallback"> & { parsed: O };

/** The request fields of a response mode. */
function formatFor(unit: PromptUnit<never, unknown>, mode: ResponseMode): Pick<ChatCompletionCreateParamsNonStreaming, "response_format"> {
  if (mode === "json_schema") return { response_format: jsonSchemaFormat(unit) };
  if (mode === "json_object") return { response_format: { type: "json_object" } };
  return {};
}

function next(mode: ResponseMode): ResponseMode {
  return MODES[Math.min(MODES.length - 1, MODES.indexOf(mode) + 1)];
}

/** The follow-up turn of a re-ask: the model sees its answer and what was wrong. */
function reaskMessages(raw: string | null, error: string): ChatCompletionMessageParam[] {
  const correction = `That answer could not be used: ${error}. Reply again with only the corrected JSON object.`;
  return raw ? [{ role: "assistant", content: raw }, { role: "user", content: correction }] : [{ role: "user", content: correction }];
}
