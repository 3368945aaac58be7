/**
 * Retries (the openai client's own), deadlines and the concurrency limit (p-limit in
 * our transport), over real HTTP against the fake server. Waits are real and measured
 * where the server sees them: the gaps between the arrivals of a request's attempts.
 */
import pLimit from "p-limit";
import { startFakeOpenAI, type ChatRequestBody, type FakeOpenAI } from "./fake-openai-server";
import { clientFor, gapsBetween, moodUnit } from "./helpers";

/** The openai client's first default backoff is 0.5 s less up to 25% jitter; a retry-after is waited as said. */
const DEFAULT_FIRST_BACKOFF_MS: [number, number] = [375, 500];
/** Timers may fire a little early or late; arrivals are on the server's clock. */
const SLACK_MS = 10;

let fake: FakeOpenAI;

beforeEach(async () => {
  fake = await startFakeOpenAI({ answer: () => '{"mood": "fine", "energy": 5}' });
});

afterEach(async () => {
  await fake.close();
});

const askedNames = () => fake.requestsTo("chat").map((r) => /How does (\w+)/.exec((r.body as ChatRequestBody).messages[1].content)?.[1]);

describe("retries", () => {
  test("a 429 is retried after the server's retry-after (seconds), then the answer is used", async () => {
    fake.queue("chat", { status: 429, headers: { "retry-after": "0.05" } }, { content: '{"mood": "busy", "energy": 7}' });
    const { client } = clientFor(fake);
    const { value, trace } = await client.ask(moodUnit, { name: "Sam" });

    expect(value).toEqual({ mood: "busy", energy: 7 });
    expect(trace.usedFallback).toBe(false);
    const [gap] = gapsBetween(fake, "chat");
    expect(gap).toBeGreaterThanOrEqual(50 - SLACK_MS);
    expect(gap).toBeLessThan(DEFAULT_FIRST_BACKOFF_MS[0]); // the server's word, not the default backoff
    expect(client.meter.snapshot().byQuestion.mood).toMatchObject({ requests: 2, retries: 1, failures: 1, fallbacks: 0 });
  });

  test("retry-after-ms is honoured too", async () => {
    fake.queue("chat", { status: 429, headers: { "retry-after-ms": "120" } });
    const { client } = clientFor(fake);
    expect((await client.ask(moodUnit, { name: "Sam" })).trace.usedFallback).toBe(false);
    const [gap] = gapsBetween(fake, "chat");
    expect(gap).toBeGreaterThanOrEqual(120 - SLACK_MS);
    expect(gap).toBeLessThan(DEFAULT_FIRST_BACKOFF_MS[0]);
  });

  test("a retry-after of more than a minute is not waited for: the default backoff instead", async () => {
    fake.queue("chat", { status: 429, headers: { "retry-after": "3600" } });
    const { client } = clientFor(fake);
    expect((await client.ask(moodUnit, { name: "Sam" })).trace.usedFallback).toBe(false);
    const [gap] = gapsBetween(fake, "chat");
    expect(gap).toBeGreaterThanOrEqual(DEFAULT_FIRST_BACKOFF_MS[0] - SLACK_MS);
    expect(gap).toBeLessThan(1_000);
  });

  test("server errors are retried with growing backoff, then the answer is used", async () => {
    fake.queue("chat", { status: 500 }, { status: 503 }, { content: '{"mood": "relieved", "energy": 6}' });
    const { client } = clientFor(fake);
    const { value } = await client.ask(moodUnit, { name: "Ayesha" });

    expect(value).toEqual({ mood: "relieved", energy: 6 });
    const [first, second] = gapsBetween(fake, "chat");
    expect(first).toBeGreaterThanOrEqual(DEFAULT_FIRST_BACKOFF_MS[0] - SLACK_MS);
    expect(second).toBeGreaterThan(first); // 0.5 s then 1 s, each less up to a quarter
    expect(second).toBeGreaterThanOrEqual(2 * DEFAULT_FIRST_BACKOFF_MS[0] - SLACK_MS);
    expect(client.meter.snapshot().byQuestion.mood).toMatchObject({ requests: 3, retries: 2, failures: 2, fallbacks: 0 });
  });

  test("retries stop after three, and the fail-safe answers", async () => {
    const quick = { status: 500, headers: { "retry-after-ms": "1" } };
    fake.queue("chat", quick, quick, quick, quick, { content: '{"mood": "never", "energy": 1}' });
    const { client } = clientFor(fake);
    const { value, trace } = await client.ask(moodUnit, { name: "Eddy" });

    expect(value).toEqual({ mood: "calm", energy: 5 });
    expect(trace.error).toContain("HTTP 500");
    expect(trace.reasked).toBe(false);
    expect(fake.requestsTo("chat")).toHaveLength(4);
    expect(client.meter.snapshot().byQuestion.mood).toMatchObject({ requests: 4, retries: 3, failures: 4, fallbacks: 1 });
  });

  test("maxRetries sets how many", async () => {
    const quick = { status: 502, headers: { "retry-after-ms": "1" } };
    fake.queue("chat", quick, quick, quick);
    const { client } = clientFor(fake, { retry: { maxRetries: 1 } });
    expect((await client.ask(moodUnit, { name: "Eddy" })).trace.usedFallback).toBe(true);
    expect(fake.requestsTo("chat")).toHaveLength(2);
  });

  test("a dropped connection counts as a network error and is retried", async () => {
    fake.queue("chat", { drop: true });
    const { client } = clientFor(fake);
    const { value } = await client.ask(moodUnit, { name: "Carmen" });
    expect(value).toEqual({ mood: "fine", energy: 5 });
    expect(client.meter.snapshot().byQuestion.mood).toMatchObject({ requests: 2, retries: 1, failures: 1 });
  });

  test("a 401 is not retried and gives the fail-safe", async () => {
    fake.queue("chat", { status: 401 });
    const { client } = clientFor(fake);
    const { trace } = await client.ask(moodUnit, { name: "Jane" });
    expect(trace.usedFallback).toBe(true);
    expect(trace.error).toContain("HTTP 401");
    expect(fake.requestsTo("chat")).toHaveLength(1);
  });
});

describe("deadlines", () => {
  test("a timeout gives the fail-safe at once, without a retry", async () => {
    fake.queue("chat", { delayMs: 10_000, content: '{"mood": "late", "energy": 2}' });
    const { client } = clientFor(fake, { timeoutMs: 300 });
    const started = performance.now();
    const { value, trace } = await client.ask(moodUnit, { name: "Wolfgang" });

    expect(performance.now() - started).toBeLessThan(1_500);
    expect(value).toEqual({ mood: "calm", energy: 5 });
    expect(trace).toMatchObject({ usedFallback: true, raw: null });
    expect(trace.error).toBe("no answer within 300 ms");
    expect(fake.requestsTo("chat")).toHaveLength(1);
    expect(client.meter.snapshot().byQuestion.mood).toMatchObject({ requests: 1, retries: 0, failures: 1, fallbacks: 1 });
  });

  test("time spent waiting for a slot does not count toward the deadline", async () => {
    await fake.close();
    fake = await startFakeOpenAI({ delayMs: 250, answer: () => '{"mood": "patient", "energy": 4}' });
    const { client } = clientFor(fake, { timeoutMs: 450, concurrency: 1 });
    const started = performance.now();
    const results = await Promise.all(["Ann", "Ben", "Cal"].map((name) => client.ask(moodUnit, { name })));

    expect(results.map((r) => r.trace.usedFallback)).toEqual([false, false, false]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(3 * 250 - SLACK_MS); // one at a time, past any one deadline
  });
});

describe("the concurrency limit", () => {
  test("the wait before a retry holds no slot: another request goes meanwhile", async () => {
    const { client } = clientFor(fake, { concurrency: 1 });
    await client.ask(moodUnit, { name: "Zoe" }); // the response mode is known: requests no longer wait for the first answer
    fake.queue("chat", { status: 429, headers: { "retry-after": "0.3" } });
    const ann = client.ask(moodUnit, { name: "Ann" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const ben = client.ask(moodUnit, { name: "Ben" });
    await Promise.all([ann, ben]);

    expect(askedNames()).toEqual(["Zoe", "Ann", "Ben", "Ann"]);
  });

  test("many parallel asks never exceed it at the server", async () => {
    await fake.close();
    fake = await startFakeOpenAI({ delayMs: 20, answer: () => '{"mood": "social", "energy": 6}' });
    const { client } = clientFor(fake, { concurrency: 3 });
    const names = Array.from({ length: 20 }, (_, i) => `Agent${i}`);
    const results = await Promise.all(names.map((name) => client.ask(moodUnit, { name }, { agent: name })));

    expect(results.every((r) => !r.trace.usedFallback)).toBe(true);
    expect(fake.stats()).toMatchObject({ total: 20, maxInFlight: 3 });
    expect([client.limiter.activeCount, client.limiter.pendingCount]).toEqual([0, 0]);
    expect(Object.keys(client.meter.snapshot().byAgent)).toHaveLength(20);
  });

  test("one limiter shared by two clients bounds them together", async () => {
    await fake.close();
    fake = await startFakeOpenAI({ delayMs: 20, answer: () => '{"mood": "shared", "energy": 6}' });
    const limiter = pLimit(2);
    const clients = [clientFor(fake, { limiter }).client, clientFor(fake, { limiter }).client];
    await Promise.all(clients.flatMap((client) => Array.from({ length: 8 }, (_, i) => client.ask(moodUnit, { name: `Town${i}` }))));

    expect(fake.stats()).toMatchObject({ total: 16, maxInFlight: 2 });
  });
});
