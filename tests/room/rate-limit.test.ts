import { CLIENT_RATE_LIMIT, TokenBucket, type RateLimit } from "../../server/rooms/rate-limit";

const limit: RateLimit = { perSecond: 10, burst: 5, noticeEveryMs: 1000 };

/** Takes `n` tokens at time `t`; returns how many were allowed. */
function takeMany(bucket: TokenBucket, n: number, t: number): number {
  let allowed = 0;
  for (let i = 0; i < n; i++) if (bucket.take(t).allowed) allowed++;
  return allowed;
}

test("a full bucket lets a burst through, then refuses", () => {
  const bucket = new TokenBucket(limit, 0);
  expect(takeMany(bucket, 5, 0)).toBe(5);
  expect(bucket.take(0)).toEqual({ allowed: false, notify: true });
});

test("tokens come back at the sustained rate, never above the burst", () => {
  const bucket = new TokenBucket(limit, 0);
  takeMany(bucket, 5, 0);
  expect(takeMany(bucket, 5, 99)).toBe(0); // 0.99 token
  expect(takeMany(bucket, 5, 100)).toBe(1);
  expect(takeMany(bucket, 10, 400)).toBe(3);
  expect(bucket.available(60_000)).toBe(5);
  expect(takeMany(bucket, 10, 60_000)).toBe(5);
});

test("a steady client at the allowed rate is never refused", () => {
  const bucket = new TokenBucket(limit, 0);
  for (let t = 0; t < 10_000; t += 100) expect(bucket.take(t).allowed).toBe(true);
});

test("the client is told once per notice interval, not once per dropped message", () => {
  const bucket = new TokenBucket(limit, 0);
  takeMany(bucket, 5, 0);
  const notices = (from: number, to: number) => {
    let n = 0;
    for (let t = from; t < to; t += 10) {
      const d = bucket.take(t);
      if (!d.allowed && d.notify) n++;
    }
    return n;
  };
  expect(notices(0, 999)).toBe(1);
  expect(notices(1000, 1999)).toBe(1);
});

test("a clock that steps back adds no tokens", () => {
  const bucket = new TokenBucket(limit, 5000);
  takeMany(bucket, 5, 5000);
  expect(bucket.take(1000).allowed).toBe(false);
  expect(bucket.take(5000).allowed).toBe(false);
  expect(bucket.take(5100).allowed).toBe(true);
});

test("the shipped limit uses the shared constants and rejects nonsense", () => {
  expect(CLIENT_RATE_LIMIT.perSecond).toBeGreaterThan(0);
  expect(CLIENT_RATE_LIMIT.burst).toBeGreaterThanOrEqual(CLIENT_RATE_LIMIT.perSecond);
  expect(() => new TokenBucket({ perSecond: 0, burst: 5, noticeEveryMs: 0 }, 0)).toThrow(/perSecond/);
});
