/**
 * A chat completion asked for as a stream (`stream: true`, with the usage in a last
 * chunk): the content is passed on as it grows, and the answer is the same reply a
 * whole completion gives. Failures are those of a whole completion: HTTP errors and
 * retries before the first byte are the openai client's own; a stream that breaks
 * off mid-way is a failed attempt, tried again (with the client's backoff) while the
 * request has retries left, like a whole answer whose body breaks off. The deadline
 * is the transport's, for the whole stream.
 */
import OpenAI, { APIConnectionError, OpenAIError } from "openai";
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionCreateParamsNonStreaming } from "openai/resources/chat/completions";
import type { RequestContext } from "./transport";

/**
 * Told the content of the answer so far, each time it grows. Within one attempt each
 * call extends the last; a new attempt (after a broken stream, a re-ask) starts over.
 */
export type ContentStream = (contentSoFar: string) => void;

/** What the client keeps of a completion, whole or streamed. */
export interface Reply {
  /** The first choice's message text; null when there was none. */
  content: string | null;
  usage?: { prompt_tokens: number; completion_tokens: number } | null;
}

export interface StreamOptions {
  signal: AbortSignal;
  request: RequestContext;
  /** Retries of the whole request, counting those the openai client makes before a stream starts. */
  maxRetries: number;
  onContent: ContentStream;
}

/** The openai client's default backoff: 0.5 s doubling per retry, at most 8 s, less up to 25% jitter. */
const INITIAL_RETRY_DELAY_MS = 500;
const MAX_RETRY_DELAY_MS = 8_000;

export function wholeReply(completion: ChatCompletion): Reply {
  return { content: completion.choices?.[0]?.message?.content ?? null, usage: completion.usage };
}

/** Runs inside the transport's `send` (streamed), which owns the signal and the request's attempt count. */
export async function streamReply(openai: OpenAI, body: ChatCompletionCreateParamsNonStreaming, options: StreamOptions): Promise<Reply> {
  const { signal, request, maxRetries, onContent } = options;
  const params = { ...body, stream: true as const, stream_options: { include_usage: true } };
  for (;;) {
    // Errors before the stream starts are the client's to retry, within what is left of the budget.
    const created = openai.chat.completions.create(params, { signal, maxRetries: Math.max(0, maxRetries - request.attempts) });
    const { data: stream, response } = await created.withResponse();
    let reply: Reply;
    try {
      reply = isWhole(response) ? await readWhole(response, onContent) : await readStream(stream, onContent);
    } catch (error) {
      await request.endStream?.(false);
      if (!brokeOff(error) || signal.aborted || request.attempts > maxRetries) throw asFailure(error);
      await sleep(backoffMs(request.attempts), signal);
      continue;
    }
    // Aborted (the deadline), the stream ended quietly: not an answer, and `send` fails it.
    await request.endStream?.(!signal.aborted);
    return reply;
  }
}

/**
 * The content and usage of a stream. When the request is aborted (its deadline), the
 * openai client ends the stream quietly: the transport's `send` then fails it.
 */
async function readStream(stream: AsyncIterable<ChatCompletionChunk>, onContent: ContentStream): Promise<Reply> {
  let content: string | null = null;
  let usage: Reply["usage"] = null;
  for await (const chunk of stream) {
    if (chunk.usage) usage = chunk.usage;
    const piece = chunk.choices?.[0]?.delta?.content;
    if (typeof piece !== "string") continue;
    content = (content ?? "") + piece;
    if (piece.length > 0) tell(onContent, content);
  }
  return { content, usage };
}

/** A server that ignores `stream: true` answers with a whole completion. */
function isWhole(response: Response): boolean {
  return /application\/json/i.test(response.headers.get("content-type") ?? "");
}

async function readWhole(response: Response, onContent: ContentStream): Promise<Reply> {
  const reply = wholeReply((await response.json()) as ChatCompletion);
  if (reply.content) tell(onContent, reply.content);
  return reply;
}

/** A display callback that throws must not cost the answer. */
function tell(onContent: ContentStream, content: string): void {
  try {
    onContent(content);
  } catch {
    // ignored: the answer still comes whole at the end
  }
}

/**
 * The connection or its body broke (undici's "terminated" TypeError, a reset): worth
 * another attempt. An error event from the server or an unreadable event is not, as
 * an error status or an unreadable whole answer is not.
 */
function brokeOff(error: unknown): boolean {
  return error instanceof APIConnectionError || !(error instanceof OpenAIError || error instanceof SyntaxError);
}

/** A broken stream reads as the network error it is. */
function asFailure(error: unknown): unknown {
  if (error instanceof OpenAIError || !brokeOff(error)) return error;
  return new APIConnectionError({ message: "the answer's stream broke off", cause: error instanceof Error ? error : undefined });
}

/** `attempts` made so far; the next is retry number `attempts`. */
function backoffMs(attempts: number): number {
  const delay = Math.min(INITIAL_RETRY_DELAY_MS * 2 ** (attempts - 1), MAX_RETRY_DELAY_MS);
  return delay * (1 - Math.random() * 0.25);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", abort, { once: true });
    function done() {
      signal.removeEventListener("abort", abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(signal.reason);
    }
  });
}
