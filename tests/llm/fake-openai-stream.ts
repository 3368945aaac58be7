/**
 * The fake server's streamed chat answers (`stream: true`), as OpenAI sends them:
 * server-sent events `data: {chunk}` in the chat.completion.chunk format, a first
 * chunk with the role, the content in several chunks (optionally spaced out in time),
 * a chunk with the finish reason, the usage in a last chunk of its own when
 * `stream_options.include_usage` asks for it, then `data: [DONE]`. A stream can be
 * broken off after some chunks (the connection is closed), as a failing server does.
 */
import type { ServerResponse } from "node:http";

export interface StreamPlan {
  model: string;
  /** The content in the pieces to send, one chunk each. */
  pieces: string[];
  /** Sent in a last chunk when the request asked for it; null to leave it out. */
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null;
  includeUsage: boolean;
  /** Wait between chunks. */
  chunkDelayMs: number;
  /** Close the connection after this many content chunks (a stream broken mid-way). */
  breakAfterChunks?: number;
}

/** Pieces of `content` of `size` characters (code points: a chunk never splits one). */
export function splitContent(content: string, size: number): string[] {
  const chars = Array.from(content);
  const pieces: string[] = [];
  for (let i = 0; i < chars.length; i += Math.max(1, size)) pieces.push(chars.slice(i, i + Math.max(1, size)).join(""));
  return pieces;
}

export async function sendStream(res: ServerResponse, plan: StreamPlan, timers: Set<NodeJS.Timeout>): Promise<void> {
  const id = `chatcmpl-fake-${Date.now()}`;
  const created = Math.floor(Date.now() / 1000);
  const chunk = (choices: unknown[], usage: StreamPlan["usage"] = null) => ({
    id,
    object: "chat.completion.chunk",
    created,
    model: plan.model,
    system_fingerprint: null,
    choices,
    ...(plan.includeUsage && { usage }),
  });
  const choice = (delta: Record<string, string>, finish: string | null = null) => ({ index: 0, delta, logprobs: null, finish_reason: finish });
  let written: Promise<void> = Promise.resolve();
  const send = (data: unknown) => {
    written = new Promise((resolve) => void res.write(`data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`, () => resolve()));
  };

  res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", connection: "keep-alive" });
  send(chunk([choice({ role: "assistant", content: "" })]));
  const cut = plan.breakAfterChunks;
  for (const [n, piece] of (cut === undefined ? plan.pieces : plan.pieces.slice(0, cut)).entries()) {
    if (n > 0) await wait(plan.chunkDelayMs, res, timers);
    if (res.destroyed) return; // the client gave up
    send(chunk([choice({ content: piece })]));
  }
  await wait(plan.chunkDelayMs, res, timers);
  if (res.destroyed) return;
  if (cut !== undefined) {
    await written; // what was sent reaches the client first
    return void res.socket?.destroy(); // the answer never finishes
  }
  send(chunk([choice({}, "stop")]));
  if (plan.includeUsage && plan.usage) send(chunk([], plan.usage));
  send("[DONE]");
  res.end();
}

/** Resolves after `ms`, or at once if the client hangs up first. */
export function wait(ms: number, res: ServerResponse, timers: Set<NodeJS.Timeout>): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    timers.add(timer);
    res.once("close", done);
    function done() {
      clearTimeout(timer);
      timers.delete(timer);
      // A streamed answer waits many times on one response: each wait takes its listener away.
      res.off("close", done);
      resolve();
    }
  });
}
