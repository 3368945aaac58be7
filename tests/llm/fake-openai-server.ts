/**
 * A small OpenAI-compatible HTTP server on loopback, for tests and benchmarks:
 * chat completions, embeddings (deterministic hashed bag-of-words vectors) and
 * the model list. Tests script replies per endpoint (content, HTTP errors with
 * headers, delays, dropped connections); it records every request and the most
 * requests it ever held at once. Token counts are estimated as characters / 4.
 *
 * Response formats are checked as OpenAI does: `json_schema` needs a valid name and
 * an object schema (closed objects, all fields required, when `strict`), and each
 * type can be refused with a 400 as servers without it do. The answer given to a
 * `json_schema` request is checked against its schema, and misfits are listed (a
 * real server would constrain the model to the schema; this one can only tell).
 * Unscripted replies can wait a seeded pseudo-random time, so the same questions get
 * the same answers but finish in an order that changes with the seed. A chat request
 * with `stream: true` gets its answer as server-sent events (see fake-openai-stream.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { hashKeys, mulberry32 } from "../../server/sim/rng";
import { jsonSchemaProblem, misfit } from "./fake-openai-schema";
import { sendStream, splitContent, wait } from "./fake-openai-stream";

export type FakeEndpoint = "chat" | "embeddings" | "models";

/** One scripted reply. Without `status` or `drop`, the endpoint answers normally. */
export interface FakeReply {
  /** Chat only: the assistant message text (default: the `answer` callback's). */
  content?: string;
  /** An error status instead of an answer (401, 429, 500...). */
  status?: number;
  /** Extra response headers, e.g. `{ "retry-after": "0.01" }`. */
  headers?: Record<string, string>;
  /** Wait before answering; longer than the client timeout makes it time out. */
  delayMs?: number;
  /** Close the connection without answering: a network error for the client. */
  drop?: boolean;
  /** Chat only: leave `usage` out of the answer, as some local servers do. */
  noUsage?: boolean;
  /** A 200 with exactly this JSON body, e.g. one missing `choices`. */
  body?: unknown;
  /** Chat, streamed: the content in exactly these chunks (their join is the content). */
  chunks?: string[];
  /** Chat, streamed: close the connection after this many content chunks, before the stream ends. */
  breakAfterChunks?: number;
  /** Chat, streamed: the wait between chunks (default the server's `streamChunkDelayMs`). */
  chunkDelayMs?: number;
}

export type ResponseFormatType = "json_schema" | "json_object";

export interface FakeOpenAIOptions {
  /** Chat answer when no scripted reply is queued (default "{}"). */
  answer?(body: ChatRequestBody): string | Promise<string>;
  /** Delay for unscripted replies, to model a slow server in benchmarks (added to any seeded delay). */
  delayMs?: number;
  /**
   * Seed of the pseudo-random delays of unscripted replies (mulberry32). A delay depends
   * only on the seed and the request (its endpoint, body and how often that body came),
   * never on arrival order, so a run is repeatable under any concurrency.
   */
  delaySeed?: number;
  /** Range of the seeded delays in ms, [min, max] (default [0, 100] when `delaySeed` is set). */
  delayRangeMs?: [number, number];
  /** When set, any other bearer key gets a 401. */
  apiKey?: string;
  models?: string[];
  embeddingDimensions?: number;
  /**
   * Answer 400 to chat requests with these `response_format` types, like servers
   * without structured output or JSON mode; `true` refuses every `response_format`.
   */
  rejectResponseFormat?: boolean | readonly ResponseFormatType[];
  /** Streamed answers: the wait between chunks (default 0). */
  streamChunkDelayMs?: number;
  /** Streamed answers: characters per content chunk (default 8). */
  streamChunkChars?: number;
}

export interface ChatRequestBody {
  model: string;
  messages: Array<{ role: string; content: string }>;
  response_format?: { type: string; json_schema?: { name?: string; schema?: unknown; strict?: boolean } };
  max_tokens?: number;
  temperature?: number;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
}

export interface RecordedRequest {
  endpoint: FakeEndpoint | "unknown";
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
  /** When it arrived, on the server's performance.now() clock. */
  receivedAtMs: number;
  /** How long the server waited before answering (scripted or seeded). */
  delayMs: number;
}

/** An answer to a `json_schema` request that its schema does not accept. */
export interface SchemaMisfit {
  name: string;
  content: string;
  problem: string;
}

export interface FakeOpenAI {
  /** Base URL for the client, ending in /v1. */
  url: string;
  requests: RecordedRequest[];
  /** Answers sent to `json_schema` requests that did not fit the schema. */
  schemaMisfits: SchemaMisfit[];
  queue(endpoint: FakeEndpoint, ...replies: FakeReply[]): void;
  requestsTo(endpoint: FakeEndpoint): RecordedRequest[];
  stats(): { total: number; inFlight: number; maxInFlight: number };
  close(): Promise<void>;
}

const DEFAULT_DELAY_RANGE_MS: [number, number] = [0, 100];
const DEFAULT_STREAM_CHUNK_CHARS = 8;

const ROUTES: Partial<Record<string, FakeEndpoint>> = {
  "POST /v1/chat/completions": "chat",
  "POST /v1/embeddings": "embeddings",
  "GET /v1/models": "models",
};

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const queues: Record<FakeEndpoint, FakeReply[]> = { chat: [], embeddings: [], models: [] };
  const requests: RecordedRequest[] = [];
  const schemaMisfits: SchemaMisfit[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const seededDelay = seededDelays(options);
  let inFlight = 0;
  let maxInFlight = 0;

  const server = createServer(async (req, res) => {
    const receivedAtMs = performance.now();
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.once("close", () => inFlight--);
    const endpoint = ROUTES[`${req.method} ${(req.url ?? "").split("?")[0]}`] ?? "unknown";
    const { body, text } = await readJson(req);
    const authorized = options.apiKey === undefined || req.headers.authorization === `Bearer ${options.apiKey}`;
    // Refused before anything is generated: a refusal uses up no scripted reply.
    const refusal = authorized && endpoint === "chat" ? formatRefusal(body as ChatRequestBody, options) : null;
    if (refusal) {
      requests.push({ endpoint, method: req.method ?? "", path: req.url ?? "", authorization: req.headers.authorization, body, receivedAtMs, delayMs: 0 });
      return sendError(res, 400, refusal.message, refusal.code);
    }
    const reply = endpoint === "unknown" ? { status: 404 } : (queues[endpoint].shift() ?? { delayMs: (options.delayMs ?? 0) + seededDelay(endpoint, text) });
    const delayMs = reply.delayMs ?? 0;
    requests.push({ endpoint, method: req.method ?? "", path: req.url ?? "", authorization: req.headers.authorization, body, receivedAtMs, delayMs });
    await wait(delayMs, res, timers);
    if (res.destroyed) return; // the client gave up (timeout) while we waited
    if (reply.drop) return void req.socket.destroy();
    if (!authorized) return sendError(res, 401, "Incorrect API key provided.", "invalid_api_key");
    if (reply.status !== undefined) return sendError(res, reply.status, `scripted status ${reply.status}`, undefined, reply.headers);
    if (reply.body !== undefined) return sendJson(res, 200, reply.body);
    if (endpoint === "chat") return answerChat(res, body as ChatRequestBody, reply, options, { misfits: schemaMisfits, timers });
    if (endpoint === "embeddings") return sendJson(res, 200, embeddingsAnswer(body as EmbeddingRequestBody, options.embeddingDimensions ?? 64));
    sendJson(res, 200, { object: "list", data: (options.models ?? ["gpt-4o-mini"]).map(modelEntry) });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    schemaMisfits,
    queue: (endpoint, ...replies) => void queues[endpoint].push(...replies),
    requestsTo: (endpoint) => requests.filter((r) => r.endpoint === endpoint),
    stats: () => ({ total: requests.length, inFlight, maxInFlight }),
    close: () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Why the server refuses the request's `response_format` (400), or null. */
function formatRefusal(body: ChatRequestBody, options: FakeOpenAIOptions): { message: string; code: string } | null {
  const format = body?.response_format;
  if (!format) return null;
  if (refuses(options.rejectResponseFormat, format.type)) {
    return { message: `'response_format' of type '${format.type}' is not supported by this server.`, code: "unsupported_parameter" };
  }
  const problem = format.type === "json_schema" ? jsonSchemaProblem(format.json_schema) : null;
  return problem ? { message: `Invalid schema for response_format: ${problem}`, code: "invalid_json_schema" } : null;
}

async function answerChat(
  res: ServerResponse, body: ChatRequestBody, reply: FakeReply, options: FakeOpenAIOptions, state: { misfits: SchemaMisfit[]; timers: Set<NodeJS.Timeout> },
): Promise<void> {
  const format = body.response_format;
  const content = reply.chunks?.join("") ?? reply.content ?? (options.answer ? await options.answer(body) : "{}");
  if (format?.type === "json_schema" && format.json_schema) {
    const problem = misfit(format.json_schema.schema, content);
    if (problem) state.misfits.push({ name: format.json_schema.name ?? "", content, problem });
  }
  const promptChars = body.messages.reduce((sum, m) => sum + String(m.content ?? "").length, 0);
  if (body.stream === true) {
    return sendStream(res, {
      model: body.model,
      pieces: reply.chunks ?? splitContent(content, options.streamChunkChars ?? DEFAULT_STREAM_CHUNK_CHARS),
      usage: reply.noUsage ? null : tokenUsage(promptChars, content.length),
      includeUsage: body.stream_options?.include_usage === true,
      chunkDelayMs: reply.chunkDelayMs ?? options.streamChunkDelayMs ?? 0,
      breakAfterChunks: reply.breakAfterChunks,
    }, state.timers);
  }
  sendJson(res, 200, {
    id: `chatcmpl-fake-${Date.now()}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop", logprobs: null }],
    ...(!reply.noUsage && { usage: tokenUsage(promptChars, content.length) }),
  });
}

interface EmbeddingRequestBody {
  model: string;
  input: string | string[];
}

function embeddingsAnswer(body: EmbeddingRequestBody, dimensions: number) {
  const inputs = Array.isArray(body.input) ? body.input : [body.input];
  const chars = inputs.reduce((sum, text) => sum + text.length, 0);
  return {
    object: "list",
    model: body.model,
    data: inputs.map((text, index) => ({ object: "embedding", index, embedding: fakeEmbedding(text, dimensions) })),
    usage: { prompt_tokens: estimateTokens(chars), total_tokens: estimateTokens(chars) },
  };
}

/** Words hashed into signed buckets, normalised: texts sharing words point the same way. */
export function fakeEmbedding(text: string, dimensions = 64): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const words = text.toLowerCase().match(/[a-z0-9']+/g) ?? [];
  for (const word of words) {
    const hash = fnv1a(word);
    vector[hash % dimensions] += hash & 0x80000000 ? -1 : 1;
  }
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector.map((_, i) => (i === 0 ? 1 : 0)) : vector.map((x) => x / norm);
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

function tokenUsage(promptChars: number, completionChars: number) {
  const prompt = estimateTokens(promptChars);
  const completion = estimateTokens(completionChars);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

function estimateTokens(chars: number): number {
  return Math.max(1, Math.ceil(chars / 4));
}

function modelEntry(id: string) {
  return { id, object: "model", created: 0, owned_by: "fake-openai" };
}

async function readJson(req: IncomingMessage): Promise<{ body: unknown; text: string }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return { body: text ? JSON.parse(text) : undefined, text };
  } catch {
    return { body: text, text };
  }
}

/** The seeded delay of an unscripted reply: one mulberry32 draw keyed by the request, 0 without a seed. */
function seededDelays(options: FakeOpenAIOptions): (endpoint: FakeEndpoint, body: string) => number {
  if (options.delaySeed === undefined && options.delayRangeMs === undefined) return () => 0;
  const seed = options.delaySeed ?? 0;
  const [min, max] = options.delayRangeMs ?? DEFAULT_DELAY_RANGE_MS;
  if (!(min >= 0 && max >= min)) throw new RangeError(`delayRangeMs must be [min, max] with 0 <= min <= max, got [${min}, ${max}]`);
  const seen = new Map<string, number>();
  return (endpoint, body) => {
    const key = `${endpoint}\u0000${body}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return Math.round(min + mulberry32(hashKeys(seed, endpoint, body, occurrence))() * (max - min));
  };
}

function refuses(reject: FakeOpenAIOptions["rejectResponseFormat"], type: string): boolean {
  return reject === true || (Array.isArray(reject) && reject.includes(type as ResponseFormatType));
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, message: string, code?: string, headers?: Record<string, string>): void {
  const type = status === 429 ? "rate_limit_exceeded" : status >= 500 ? "server_error" : "invalid_request_error";
  sendJson(res, status, { error: { message, type, code: code ?? null, param: null } }, headers);
}
