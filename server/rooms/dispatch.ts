/**
 * Screening of client messages before the room acts on them: rate limit, known type,
 * payload shape (the zod schemas of shared/protocol), and who may send what.
 * Pure: no Colyseus, no clock reads; the room passes the sender and the time.
 *
 * Bad input is answered with an `error` message, never by closing the connection:
 * a client with a bug should learn what it did wrong and keep playing.
 */
import type { z } from "zod";
import { ErrorCode } from "../../shared/constants";
import { ClientMessages, type ClientMessage, type ClientMessageType, type ErrorMessage } from "../../shared/protocol";
import type { TokenBucket } from "./rate-limit";

/** A message that passed every check, typed by its `type`. */
export type Accepted = { [K in ClientMessageType]: { type: K; message: ClientMessage<K> } }[ClientMessageType];

/** Drop the message; send `error` to the sender when there is one. */
export type Rejected = { error: ErrorMessage | null };

export type Screened = ({ ok: true } & Accepted) | ({ ok: false } & Rejected);

export interface Sender {
  spectator: boolean;
  limiter: TokenBucket;
}

/** Messages that act through the sender's avatar; spectators have none. */
export const NEEDS_AVATAR: ReadonlySet<ClientMessageType> = new Set<ClientMessageType>(["move", "walk", "stop", "say"]);

export const CLIENT_MESSAGE_TYPES = Object.keys(ClientMessages) as ClientMessageType[];

/** Longest echo of a client-chosen type name in an error, so replies stay small. */
const MAX_TYPE_ECHO_CHARS = 40;

export function isClientMessageType(type: unknown): type is ClientMessageType {
  return typeof type === "string" && Object.prototype.hasOwnProperty.call(ClientMessages, type);
}

/**
 * Checks one message from `sender` at `nowMs`.
 * Order: rate limit first (every frame costs a token, even a bad one), then type, then
 * payload, then permission.
 */
export function screenMessage(sender: Sender, type: unknown, payload: unknown, nowMs: number): Screened {
  const typeLabel = String(type).slice(0, MAX_TYPE_ECHO_CHARS);
  const rate = sender.limiter.take(nowMs);
  if (!rate.allowed) {
    const error = rate.notify ? refusal(ErrorCode.RateLimited, "too many messages: slow down (this one was dropped)", typeLabel) : null;
    return { ok: false, error };
  }
  if (!isClientMessageType(type)) {
    const known = CLIENT_MESSAGE_TYPES.join(", ");
    return { ok: false, error: refusal(ErrorCode.UnknownType, `unknown message type "${typeLabel}" (known: ${known})`, typeLabel) };
  }
  // A frame with no payload (`send("stop")`) reads as an empty object.
  const parsed = ClientMessages[type].safeParse(payload === undefined ? {} : payload);
  if (!parsed.success) {
    return { ok: false, error: refusal(ErrorCode.BadMessage, `bad "${type}" message: ${describeIssues(parsed.error)}`, type) };
  }
  if (sender.spectator && NEEDS_AVATAR.has(type)) {
    return { ok: false, error: refusal(ErrorCode.Spectator, `spectators have no avatar and cannot "${type}"; join as a player`, type) };
  }
  return { ok: true, type, message: parsed.data } as Screened;
}

export function refusal(code: ErrorCode, message: string, type?: string): ErrorMessage {
  return type === undefined ? { code, message } : { code, message, type };
}

/** "x: expected number, received string; extra field "z"" — the first few issues, short. */
export function describeIssues(error: z.ZodError, max = 3): string {
  const parts = error.issues.slice(0, max).map((issue) => {
    const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    return `${where}${issue.message}`.slice(0, 120);
  });
  if (error.issues.length > max) parts.push(`and ${error.issues.length - max} more`);
  return parts.join("; ");
}
