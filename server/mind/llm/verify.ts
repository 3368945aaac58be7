/**
 * Words for failures: for the startup check, whatever went wrong with the model server
 * (bad key, server down, wrong URL, slow), one message that says what to fix; for a
 * failed request, a short reason for the prompt trace.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, AuthenticationError, NotFoundError, PermissionDeniedError } from "openai";

export const OPENAI_DEFAULT_URL = "https://api.openai.com/v1";

export function describeVerifyFailure(error: unknown, where: string, timeoutMs: number): string {
  if (error instanceof AuthenticationError) {
    return `The model server at ${where} rejected the API key (HTTP 401). Set a valid OPENAI_API_KEY, or MIND=offline.`;
  }
  if (error instanceof PermissionDeniedError) {
    return `The model server at ${where} refused this API key access (HTTP 403). Check the key's project and permissions.`;
  }
  if (error instanceof APIConnectionTimeoutError) {
    return `The model server at ${where} did not answer within ${timeoutMs} ms (MIND_TIMEOUT_MS). Is it overloaded or still loading the model?`;
  }
  if (error instanceof APIConnectionError) {
    return `Cannot reach the model server at ${where} (${describeCause(error)}). Is it running? Check OPENAI_BASE_URL, or use MIND=offline.`;
  }
  if (error instanceof NotFoundError) {
    return `The model server at ${where} answered HTTP 404 (${error.message}). Check OPENAI_MODEL, and that OPENAI_BASE_URL ends in /v1.`;
  }
  if (error instanceof APIError) {
    return `The model server at ${where} answered HTTP ${error.status ?? "?"}: ${error.message}`;
  }
  return `The model server check at ${where} failed: ${error instanceof Error ? error.message : String(error)}`;
}

/** A note when the server lists models but not ours (Ollama adds ":latest" to names). */
export function modelListNote(ids: string[], model: string): string {
  if (ids.length === 0 || ids.some((id) => id === model || id === `${model}:latest`)) return "";
  return ` (note: model "${model}" is not in its list: ${ids.slice(0, 10).join(", ")})`;
}

/** Why a request gave no answer: "HTTP 500: ...", "no answer within 300 ms", "network error: ECONNRESET"... */
export function describeRequestFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof APIConnectionTimeoutError) return `no answer within ${timeoutMs} ms`;
  if (error instanceof APIConnectionError) return `network error: ${describeCause(error)}`;
  if (error instanceof APIUserAbortError) return "the request was aborted";
  if (error instanceof APIError && typeof error.status === "number") return `HTTP ${error.status}: ${error.message}`;
  return `unreadable response: ${error instanceof Error ? error.message : String(error)}`;
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
