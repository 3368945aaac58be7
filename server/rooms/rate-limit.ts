/**
 * Per-client token bucket. Pure: the caller passes the time, so tests need no clock.
 *
 * A full bucket holds `burst` tokens; it refills at `perSecond` tokens per second; each
 * message takes one. A message that finds the bucket empty is dropped. The client is told
 * once per `noticeEveryMs`, so a flood does not turn into a flood of error replies.
 */
import { CLIENT_MESSAGE_BURST, CLIENT_MESSAGES_PER_SECOND } from "../../shared/constants";

export interface RateLimit {
  perSecond: number;
  burst: number;
  /** Least real ms between two "you are rate limited" notices to one client. */
  noticeEveryMs: number;
}

export const CLIENT_RATE_LIMIT: RateLimit = {
  perSecond: CLIENT_MESSAGES_PER_SECOND,
  burst: CLIENT_MESSAGE_BURST,
  noticeEveryMs: 1000,
};

/** allowed: handle the message; otherwise drop it, and tell the client when `notify`. */
export type RateDecision = { allowed: true } | { allowed: false; notify: boolean };

export class TokenBucket {
  private tokens: number;
  private lastRefillMs: number;
  private lastNoticeMs = -Infinity;

  constructor(
    private readonly limit: RateLimit,
    nowMs: number,
  ) {
    if (!(limit.perSecond > 0) || !(limit.burst >= 1)) throw new Error("rate limit: perSecond must be > 0 and burst >= 1");
    this.tokens = limit.burst;
    this.lastRefillMs = nowMs;
  }

  /** Takes a token for one message at `nowMs` (ms, any monotonic origin). */
  take(nowMs: number): RateDecision {
    this.refill(nowMs);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { allowed: true };
    }
    const notify = nowMs - this.lastNoticeMs >= this.limit.noticeEveryMs;
    if (notify) this.lastNoticeMs = nowMs;
    return { allowed: false, notify };
  }

  /** Tokens left now (fractional while refilling). */
  available(nowMs: number): number {
    this.refill(nowMs);
    return this.tokens;
  }

  private refill(nowMs: number): void {
    // A clock that steps back never adds tokens.
    const elapsedMs = Math.max(0, nowMs - this.lastRefillMs);
    this.tokens = Math.min(this.limit.burst, this.tokens + (elapsedMs * this.limit.perSecond) / 1000);
    this.lastRefillMs = Math.max(this.lastRefillMs, nowMs);
  }
}
