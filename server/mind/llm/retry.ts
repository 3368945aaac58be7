/**
 * Retry rules for model requests: rate limits (429), server errors (5xx) and
 * network errors are retried with exponential backoff and jitter, honouring the
 * server's retry-after up to a cap; timeouts and other errors are not retried.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A longer retry-after from the server is cut to this. */
  retryAfterCapMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  retryAfterCapMs: 20_000,
};

export type FailureKind = "timeout" | "retryable" | "fatal";

export interface Failure {
  kind: FailureKind;
  /** HTTP status when the server answered. */
  status?: number;
  /** What the server asked us to wait, when it said. */
  retryAfterMs?: number;
  message: string;
}

/** Thrown by `withRetries` once a request has failed for good. */
export class RequestFailure extends Error {
  constructor(readonly failure: Failure, options?: { cause?: unknown }) {
    super(failure.message, options);
    this.name = "RequestFailure";
  }
}

export interface RetryDeps {
  policy: RetryPolicy;
  sleep(ms: number): Promise<void>;
  /** In [0, 1): spreads retries of many agents so they do not hit the server together. */
  random(): number;
  /** Told of every failed attempt, before any wait. */
  onFailure?(failure: Failure, willRetry: boolean): void;
}

/** Runs `attempt` until it succeeds, fails for good, or runs out of retries. */
export async function withRetries<T>(attempt: () => Promise<T>, deps: RetryDeps): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      const failure = classifyFailure(error);
      const willRetry = failure.kind === "retryable" && retry < deps.policy.maxRetries;
      deps.onFailure?.(failure, willRetry);
      if (!willRetry) throw new RequestFailure(failure, { cause: error });
      await deps.sleep(backoffDelayMs(retry, deps.policy, deps.random, failure.retryAfterMs));
    }
  }
}

/**
 * Runs `send` with an abort signal that fires after `ms`, and reports that as an
 * APIConnectionTimeoutError. Our own timer, because the SDK's timeout error loses
 * its identity in some runtimes (a cross-realm AbortError reads as a network error).
 */
export async function withDeadline<T>(ms: number, send: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    return await send(controller.signal);
  } catch (error) {
    if (controller.signal.aborted) throw new APIConnectionTimeoutError({ message: `no answer within ${ms} ms` });
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Sorts an error from the openai client into timeout, retryable or fatal. */
export function classifyFailure(error: unknown): Failure {
  if (error instanceof APIConnectionTimeoutError) return { kind: "timeout", message: "the request timed out" };
  if (error instanceof APIUserAbortError) return { kind: "fatal", message: "the request was aborted" };
  if (error instanceof APIConnectionError) {
    return { kind: "retryable", message: `network error: ${describeCause(error)}` };
  }
  if (error instanceof APIError && typeof error.status === "number") {
    const status = error.status;
    const retryable = status === 429 || status >= 500;
    return {
      kind: retryable ? "retryable" : "fatal",
      status,
      retryAfterMs: retryable ? retryAfterMs(error.headers) : undefined,
      message: `HTTP ${status}: ${error.message}`,
    };
  }
  return { kind: "fatal", message: error instanceof Error ? error.message : String(error) };
}

/** The wait before retry number `retry` (0-based): the server's word, else doubling with jitter. */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: () => number, retryAfter?: number): number {
  if (retryAfter !== undefined) return Math.min(retryAfter, policy.retryAfterCapMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Reads `retry-after-ms`, then `retry-after` (seconds, possibly fractional, or an HTTP date). */
export function retryAfterMs(headers: Headers | undefined, nowMs: number = Date.now()): number | undefined {
  const ms = Number(headers?.get("retry-after-ms") ?? NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers?.get("retry-after");
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** The innermost useful reason of a network error, e.g. "ECONNREFUSED". */
export function describeCause(error: unknown): string {
  let reason = error instanceof Error ? error.message : String(error);
  // Duck-typed, not instanceof: fetch errors may come from another realm.
  let current = error as { code?: unknown; message?: unknown; cause?: unknown } | null;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    if (typeof current.code === "string") reason = current.code;
    else if (current !== error && typeof current.message === "string" && current.message) reason = current.message;
    current = current.cause as typeof current;
  }
  return reason;
}
