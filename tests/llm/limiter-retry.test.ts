import { APIConnectionError, APIConnectionTimeoutError, APIError } from "openai";
import { Limiter } from "../../server/mind/llm/limiter";
import { LruCache } from "../../server/mind/llm/lru";
import { backoffDelayMs, classifyFailure, DEFAULT_RETRY_POLICY, RequestFailure, retryAfterMs, withRetries } from "../../server/mind/llm/retry";

/** A promise with its resolve handle, to finish tasks in a chosen order. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("Limiter", () => {
  test("runs at most N at once and starts waiters in FIFO order", async () => {
    const limiter = new Limiter(2);
    const gates = Array.from({ length: 5 }, deferred);
    const started: number[] = [];
    const runs = gates.map((gate, i) => limiter.run(async () => { started.push(i); await gate.promise; return i; }));

    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(limiter.stats()).toMatchObject({ inFlight: 2, queued: 3 });
    gates[1].resolve();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((gate) => gate.resolve());
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(limiter.stats()).toEqual({ maxInFlight: 2, inFlight: 0, queued: 0, maxObservedInFlight: 2, started: 5, completed: 5 });
  });

  test("a failing task frees its slot and rejects to its caller", async () => {
    const limiter = new Limiter(1);
    await expect(limiter.run(async () => { throw new Error("boom"); })).rejects.toThrow("boom");
    await expect(limiter.run(async () => "next")).resolves.toBe("next");
    expect(limiter.stats().inFlight).toBe(0);
  });

  test("rejects a size below one", () => {
    expect(() => new Limiter(0)).toThrow(RangeError);
  });
});

describe("retry rules", () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);

  test("429 and 5xx are retryable with their retry-after; 4xx are not", () => {
    const limited = classifyFailure(APIError.generate(429, { message: "slow down" }, undefined, headers({ "retry-after": "2" })));
    expect(limited).toMatchObject({ kind: "retryable", status: 429, retryAfterMs: 2000 });
    expect(classifyFailure(APIError.generate(502, undefined, "bad gateway", headers({})))).toMatchObject({ kind: "retryable", status: 502 });
    expect(classifyFailure(APIError.generate(400, undefined, "bad", headers({})))).toMatchObject({ kind: "fatal", status: 400 });
    expect(classifyFailure(APIError.generate(401, undefined, "key", headers({})))).toMatchObject({ kind: "fatal", status: 401 });
  });

  test("network errors retry, timeouts do not", () => {
    expect(classifyFailure(new APIConnectionError({ message: "down" })).kind).toBe("retryable");
    expect(classifyFailure(new APIConnectionTimeoutError()).kind).toBe("timeout");
    expect(classifyFailure(new TypeError("oops")).kind).toBe("fatal");
  });

  test("retry-after in ms, in (fractional) seconds, or as a date", () => {
    expect(retryAfterMs(headers({ "retry-after-ms": "250", "retry-after": "9" }))).toBe(250);
    expect(retryAfterMs(headers({ "retry-after": "1.5" }))).toBe(1500);
    const now = Date.parse("2026-11-01T12:00:00Z");
    expect(retryAfterMs(headers({ "retry-after": "Sun, 01 Nov 2026 12:00:03 GMT" }), now)).toBe(3000);
    expect(retryAfterMs(headers({ "retry-after": "soon" }))).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });

  test("backoff doubles up to the maximum, jitter in the upper half", () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([0, 1, 2, 3, 4].map((n) => backoffDelayMs(n, policy, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([0, 1, 2, 3, 4].map((n) => backoffDelayMs(n, policy, () => 0.999999))).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffDelayMs(0, policy, () => 0, 50_000)).toBe(DEFAULT_RETRY_POLICY.retryAfterCapMs);
  });

  test("withRetries gives up after maxRetries with a RequestFailure", async () => {
    let attempts = 0;
    const waits: number[] = [];
    const failing = withRetries(
      async () => {
        attempts++;
        throw new APIConnectionError({ message: "down" });
      },
      { policy: { ...DEFAULT_RETRY_POLICY, maxRetries: 2 }, sleep: async (ms) => void waits.push(ms), random: () => 0 },
    );
    await expect(failing).rejects.toBeInstanceOf(RequestFailure);
    expect(attempts).toBe(3);
    expect(waits).toEqual([250, 500]);
  });
});

test("LruCache drops the least recently used entry", () => {
  const cache = new LruCache<string, number>(2);
  cache.set("a", 1);
  cache.set("b", 2);
  expect(cache.get("a")).toBe(1); // "b" is now the oldest
  cache.set("c", 3);
  expect(cache.get("b")).toBeUndefined();
  expect([cache.get("a"), cache.get("c"), cache.size]).toEqual([1, 3, 2]);
});
