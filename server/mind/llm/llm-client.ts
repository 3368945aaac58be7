/**
 * The one door to a language model: asks prompt units for JSON answers and
 * embeds texts, through the official `openai` client (OpenAI or any compatible
 * server). Retries are the client's own (`maxRetries`: 429, 5xx and network
 * errors, with backoff, honouring the server's retry-after); every HTTP attempt
 * goes through our transport (the client's `fetch`, see transport.ts), which holds
 * a concurrency slot (p-limit) while the attempt is on the wire, gives it its
 * deadline and meters it. Answers are asked for as structured output when the
 * server takes it (see ResponseMode), and streamed when the caller wants to see
 * them grow (see streaming.ts). `ask` never throws for a model failure: it answers
 * with the unit's fallback and says why in the trace.
 */
import { LRUCache } from "lru-cache";
import OpenAI, { BadRequestError, NotFoundError } from "openai";
import type { ChatCompletionCreateParamsNonStreaming, ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { laneLimiter } from "./lane-limiter";
import type { MindConfig } from "./config";
import { readAnswer, type PromptTrace, type PromptUnit } from "./prompt";
import { formatFor, nextMode, type ResponseMode } from "./response-mode";
import { streamReply, wholeReply, type ContentStream, type Reply } from "./streaming";
import { Transport, type Limiter, type MeterKey } from "./transport";
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

export type { ResponseMode } from "./response-mode";
export type { Limiter } from "./transport";
export type { ContentStream } from "./streaming";

/** Thrown by `embed` when the model gives no embeddings; callers use a local embedding. */
export class EmbeddingError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "EmbeddingError";
  }
}

export interface LlmClientOptions {
  config: Pick<MindConfig, "apiKey" | "baseURL" | "model" | "embeddingModel" | "timeoutMs" | "concurrency" | "budgetUsd">;
  /** Share one limiter (`laneLimiter(n)`, or p-limit's) across towns of a process; defaults to one of `config.concurrency` slots. */
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
  /**
   * Streams the answer: told its text so far as the model writes it (see ContentStream:
   * a retry or a re-ask starts over). The result is the same as without it.
   */
  stream?: ContentStream;
}

export interface AskResult<O> {
  value: O;
  trace: PromptTrace<O>;
}

type Rejection = { mode: ResponseMode; error: BadRequestError };
type ModeAnswer = { reply: Reply; mode: ResponseMode; rejected: Rejection[] };
type Outcome = { raw: string | null; error?: undefined } | { raw?: undefined; error: string };

export class LlmClient {
  readonly meter: UsageMeter;
  readonly limiter: Limiter;
  private readonly openai: OpenAI;
  private readonly config: LlmClientOptions["config"];
  private readonly embeddings: LRUCache<string, number[]>;
  private readonly batchSize: number;
  private readonly warn: (message: string) => void;
  private readonly transport: Transport;
  private readonly maxRetries: number;
  private mode: ResponseMode = "json_schema";
  /** True once a request has been answered in `mode`. */
  private modeKnown = false;
  /** The request finding the mode out, while it is not known. */
  private detection: Promise<ModeAnswer> | null = null;

  constructor(options: LlmClientOptions) {
    this.config = options.config;
    // Two queues: questions a person waits on go before background ones (server/mind/lanes.ts).
    this.limiter = options.limiter ?? laneLimiter(options.config.concurrency);
    this.meter = options.meter ?? new UsageMeter({ budgetUsd: options.config.budgetUsd });
    const now = options.now ?? (() => performance.now());
    this.transport = new Transport({ limiter: this.limiter, meter: this.meter, timeoutMs: options.config.timeoutMs, now });
    this.maxRetries = options.retry?.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.openai = new OpenAI({
      apiKey: options.config.apiKey ?? PLACEHOLDER_API_KEY,
      baseURL: options.config.baseURL,
      timeout: options.config.timeoutMs + QUEUE_ALLOWANCE_MS,
      maxRetries: this.maxRetries,
      fetch: this.transport.fetch,
    });
    this.embeddings = new LRUCache({ max: options.embeddingCacheSize ?? DEFAULT_EMBEDDING_CACHE_SIZE });
    this.batchSize = options.embeddingBatchSize ?? DEFAULT_EMBEDDING_BATCH_SIZE;
    this.warn = options.warn ?? ((message) => console.warn(message));
  }

  /** How this client asks for answers (it steps down at most while finding its server's mode out). */
  get responseMode(): ResponseMode {
    return this.mode;
  }

  /**
   * Asks `unit` about `input`: one request, repair of near-valid JSON, one re-ask
   * with the validation error if still invalid, then the unit's fallback. With
   * `meta.stream`, each request is streamed; the answer is read the same way.
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
    const first = await this.complete(unit, messages, key, meta.stream);
    if (first.error !== undefined) return this.fallBack(unit, input, key, { prompt, raw: null, reasked: false, error: first.error });
    const answer = readAnswer(first.raw, unit.schema);
    if (answer.ok) return this.answered(key, { prompt, raw: first.raw, parsed: answer.value, repaired: answer.repaired, reasked: false, error: null });

    this.meter.record({ ...key, reasks: 1 });
    const second = await this.complete(unit, [...messages, ...reaskMessages(first.raw, answer.error)], key, meta.stream);
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
      const models = await this.transport.send(key, (signal) => this.openai.models.list({ signal, maxRetries: 0 }));
      return modelListNote(models.data.map((model) => model.id), this.config.model);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
    const ping = { model: this.config.model, messages: [{ role: "user" as const, content: "ping" }], max_tokens: 1 };
    await this.transport.send(key, (signal) => this.openai.chat.completions.create(ping, { signal, maxRetries: 0 }));
    return "";
  }

  private async complete(unit: PromptUnit<never, unknown>, messages: ChatCompletionMessageParam[], key: MeterKey, stream?: ContentStream): Promise<Outcome> {
    const body: ChatCompletionCreateParamsNonStreaming = {
      model: this.config.model,
      messages,
      ...(unit.maxTokens !== undefined && { max_tokens: unit.maxTokens }),
      ...(unit.temperature !== undefined && { temperature: unit.temperature }),
    };
    try {
      return { raw: (await this.chat(unit, body, key, stream)).content };
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
  private async chat(unit: PromptUnit<never, unknown>, body: ChatCompletionCreateParamsNonStreaming, key: MeterKey, stream?: ContentStream): Promise<Reply> {
    while (!this.modeKnown && this.detection) await this.detection.catch(() => undefined);
    if (this.modeKnown) return (await this.chatFrom(this.mode, unit, body, key, stream)).reply;
    const detection = this.chatFrom(this.mode, unit, body, key, stream);
    this.detection = detection;
    try {
      const { reply, mode, rejected } = await detection;
      if (rejected.length > 0) this.stepDownTo(mode, rejected);
      this.modeKnown = true;
      return reply;
    } finally {
      if (this.detection === detection) this.detection = null;
    }
  }

  /**
   * Sends in `mode`, and in the next modes while the server answers 400 to the format.
   * Tokens are the server's count (a server that sends none counts 0, the call still counted).
   */
  private async chatFrom(first: ResponseMode, unit: PromptUnit<never, unknown>, body: ChatCompletionCreateParamsNonStreaming, key: MeterKey, stream?: ContentStream): Promise<ModeAnswer> {
    const rejected: Rejection[] = [];
    for (let mode = first; ; mode = nextMode(mode)) {
      try {
        const reply = await this.sendChat({ ...body, ...formatFor(unit, mode) }, key, stream);
        this.meter.record({ ...key, model: this.config.model, inputTokens: reply.usage?.prompt_tokens ?? 0, outputTokens: reply.usage?.completion_tokens ?? 0 });
        return { reply, mode, rejected };
      } catch (error) {
        if (!(error instanceof BadRequestError) || mode === "text") throw error;
        rejected.push({ mode, error });
      }
    }
  }

  /** One chat request, whole or streamed, with the openai client's retries (and ours for a stream that breaks off). */
  private sendChat(body: ChatCompletionCreateParamsNonStreaming, key: MeterKey, stream?: ContentStream): Promise<Reply> {
    if (!stream) return this.transport.send(key, async (signal) => wholeReply(await this.openai.chat.completions.create(body, { signal })));
    const maxRetries = this.maxRetries;
    return this.transport.send(key, (signal, request) => streamReply(this.openai, body, { signal, request, maxRetries, onContent: stream }), true);
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
      const response = await this.transport.send(key, (signal) => this.openai.embeddings.create({ model, input }, { signal }));
      this.meter.record({ ...key, model, embeddingTokens: response.usage?.prompt_tokens ?? 0 });
      const vectors = [...(response.data ?? [])].sort((a, b) => a.index - b.index).map((item) => item.embedding);
      if (vectors.length !== batch.length) throw new Error(`expected ${batch.length} embeddings, got ${vectors.length}`);
      return vectors;
    } catch (error) {
      throw new EmbeddingError(`embedding failed: ${describeRequestFailure(error, this.config.timeoutMs)}`, { cause: error });
    }
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

/** The follow-up turn of a re-ask: the model sees its answer and what was wrong. */
function reaskMessages(raw: string | null, error: string): ChatCompletionMessageParam[] {
  const correction = `That answer could not be used: ${error}. Reply again with only the corrected JSON object.`;
  return raw ? [{ role: "assistant", content: raw }, { role: "user", content: correction }] : [{ role: "user", content: correction }];
}
