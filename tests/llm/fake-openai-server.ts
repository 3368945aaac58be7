/**
 * A small OpenAI-compatible HTTP server on loopback, for tests and benchmarks:
 * chat completions, embeddings (deterministic hashed bag-of-words vectors) and
 * the model list. Tests script replies per endpoint (content, HTTP errors with
 * headers, delays, dropped connections); it records every request and the most
 * requests it ever held at once. Token counts are estimated as characters / 4.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

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
}

export interface FakeOpenAIOptions {
  /** Chat answer when no scripted reply is queued (default "{}"). */
  answer?(body: ChatRequestBody): string | Promise<string>;
  /** Delay for unscripted replies, to model a slow server in benchmarks. */
  delayMs?: number;
  /** When set, any other bearer key gets a 401. */
  apiKey?: string;
  models?: string[];
  embeddingDimensions?: number;
  /** Answer 400 to any chat request that sets `response_format`, like some local servers. */
  rejectResponseFormat?: boolean;
}

export interface ChatRequestBody {
  model: string;
  messages: Array<{ role: string; content: string }>;
  response_format?: { type: string };
  max_tokens?: number;
  temperature?: number;
}

export interface RecordedRequest {
  endpoint: FakeEndpoint | "unknown";
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

export interface FakeOpenAI {
  /** Base URL for the client, ending in /v1. */
  url: string;
  requests: RecordedRequest[];
  queue(endpoint: FakeEndpoint, ...replies: FakeReply[]): void;
  requestsTo(endpoint: FakeEndpoint): RecordedRequest[];
  stats(): { total: number; inFlight: number; maxInFlight: number };
  close(): Promise<void>;
}

const ROUTES: Partial<Record<string, FakeEndpoint>> = {
  "POST /v1/chat/completions": "chat",
  "POST /v1/embeddings": "embeddings",
  "GET /v1/models": "models",
};

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const queues: Record<FakeEndpoint, FakeReply[]> = { chat: [], embeddings: [], models: [] };
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let maxInFlight = 0;

  const server = createServer(async (req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.once("close", () => inFlight--);
    const endpoint = ROUTES[`${req.method} ${(req.url ?? "").split("?")[0]}`] ?? "unknown";
    const body = await readJson(req);
    requests.push({ endpoint, method: req.method ?? "", path: req.url ?? "", authorization: req.headers.authorization, body });
    const reply = endpoint === "unknown" ? { status: 404 } : (queues[endpoint].shift() ?? { delayMs: options.delayMs });
    await wait(reply.delayMs ?? 0, res, timers);
    if (res.destroyed) return; // the client gave up (timeout) while we waited
    if (reply.drop) return void req.socket.destroy();
    if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return sendError(res, 401, "Incorrect API key provided.", "invalid_api_key");
    }
    if (reply.status !== undefined) return sendError(res, reply.status, `scripted status ${reply.status}`, undefined, reply.headers);
    if (reply.body !== undefined) return sendJson(res, 200, reply.body);
    if (endpoint === "chat") return answerChat(res, body as ChatRequestBody, reply, options);
    if (endpoint === "embeddings") return sendJson(res, 200, embeddingsAnswer(body as EmbeddingRequestBody, options.embeddingDimensions ?? 64));
    sendJson(res, 200, { object: "list", data: (options.models ?? ["gpt-4o-mini"]).map(modelEntry) });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
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

async function answerChat(res: ServerResponse, body: ChatRequestBody, reply: FakeReply, options: FakeOpenAIOptions): Promise<void> {
  if (options.rejectResponseFormat && body.response_format) {
    return sendError(res, 400, "response_format is not supported by this server", "unsupported_parameter");
  }
  const content = reply.content ?? (options.answer ? await options.answer(body) : "{}");
  const promptChars = body.messages.reduce((sum, m) => sum + String(m.content ?? "").length, 0);
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

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

/** Resolves after `ms`, or at once if the client hangs up first. */
function wait(ms: number, res: ServerResponse, timers: Set<NodeJS.Timeout>): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    timers.add(timer);
    res.once("close", done);
    function done() {
      clearTimeout(timer);
      timers.delete(timer);
      resolve();
    }
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, message: string, code?: string, headers?: Record<string, string>): void {
  const type = status === 429 ? "rate_limit_exceeded" : status >= 500 ? "server_error" : "invalid_request_error";
  sendJson(res, status, { error: { message, type, code: code ?? null, param: null } }, headers);
}
