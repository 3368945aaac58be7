/** LlmClient.ask over real HTTP: the real openai client against the fake server. */
import { startFakeOpenAI, type ChatRequestBody, type FakeOpenAI } from "./fake-openai-server";
import { clientFor, moodUnit } from "./helpers";

let fake: FakeOpenAI;

beforeEach(async () => {
  fake = await startFakeOpenAI();
});

afterEach(async () => {
  await fake.close();
});

const lastChatBody = () => fake.requestsTo("chat").at(-1)?.body as ChatRequestBody;

test("a valid answer is parsed, validated and metered", async () => {
  fake.queue("chat", { content: '{"mood": "cheerful", "energy": 8}' });
  const { client } = clientFor(fake);
  const { value, trace } = await client.ask(moodUnit, { name: "Isabella" }, { agent: "Isabella Rodriguez" });

  expect(value).toEqual({ mood: "cheerful", energy: 8 });
  expect(trace).toMatchObject({ usedFallback: false, repaired: false, reasked: false, error: null, parsed: value });
  expect(trace.prompt.user).toContain("Isabella");
  const body = lastChatBody();
  expect(body.response_format).toEqual({ type: "json_object" });
  expect(body.max_tokens).toBe(50);
  expect(body.messages.map((m) => m.role)).toEqual(["system", "user"]);
  expect(fake.requests[0].authorization).toBe("Bearer test-key");

  const usage = client.meter.snapshot();
  expect(usage.byQuestion.mood).toMatchObject({ calls: 1, requests: 1, failures: 0, fallbacks: 0 });
  expect(usage.byQuestion.mood.inputTokens).toBeGreaterThan(0);
  expect(usage.byQuestion.mood.outputTokens).toBe(Math.ceil('{"mood": "cheerful", "energy": 8}'.length / 4));
  expect(usage.byAgent["Isabella Rodriguez"].calls).toBe(1);
  expect(usage.total.costUsd).toBeGreaterThan(0);
  expect(usage.unpricedModels).toEqual([]);
});

test("near-valid JSON is repaired without a second request", async () => {
  fake.queue("chat", { content: "Sure! Here it is:\n```json\n{mood: 'sleepy', \"energy\": 3,}\n```" });
  const { client } = clientFor(fake);
  const { value, trace } = await client.ask(moodUnit, { name: "Klaus" });

  expect(value).toEqual({ mood: "sleepy", energy: 3 });
  expect(trace.repaired).toBe(true);
  expect(trace.usedFallback).toBe(false);
  expect(fake.requestsTo("chat")).toHaveLength(1);
  expect(client.meter.snapshot().byQuestion.mood).toMatchObject({ repairs: 1, reasks: 0, fallbacks: 0 });
});

test("an invalid answer is asked again with the validation error, and the re-ask can succeed", async () => {
  fake.queue("chat", { content: '{"mood": "tired", "energy": 42}' }, { content: '{"mood": "tired", "energy": 4}' });
  const { client } = clientFor(fake);
  const { value, trace } = await client.ask(moodUnit, { name: "Maria" });

  expect(value).toEqual({ mood: "tired", energy: 4 });
  expect(trace).toMatchObject({ reasked: true, usedFallback: false });
  expect(trace.error).toContain("energy");
  const reask = lastChatBody().messages;
  expect(reask.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
  expect(reask[2].content).toBe('{"mood": "tired", "energy": 42}');
  expect(reask[3].content).toContain("energy");
  expect(client.meter.snapshot().byQuestion.mood).toMatchObject({ calls: 1, requests: 2, reasks: 1, fallbacks: 0 });
});

test("a hopeless answer leads to one re-ask and then the fallback, counted", async () => {
  fake.queue("chat", { content: "I would rather not say." }, { content: "Still no JSON, sorry." });
  const { client } = clientFor(fake);
  const { value, trace } = await client.ask(moodUnit, { name: "Tom" });

  expect(value).toEqual(moodUnit.fallback({ name: "Tom" }));
  expect(trace).toMatchObject({ usedFallback: true, reasked: true, parsed: null, raw: "Still no JSON, sorry." });
  expect(trace.error).toMatch(/after a re-ask.*not JSON/);
  expect(fake.requestsTo("chat")).toHaveLength(2);
  expect(client.meter.snapshot().byQuestion.mood).toMatchObject({ calls: 1, requests: 2, reasks: 1, fallbacks: 1 });
});

test("a 429 is retried after the server's retry-after", async () => {
  fake.queue("chat", { status: 429, headers: { "retry-after": "0.02" } }, { content: '{"mood": "busy", "energy": 7}' });
  const { client, waits } = clientFor(fake);
  const { value, trace } = await client.ask(moodUnit, { name: "Sam" });

  expect(value).toEqual({ mood: "busy", energy: 7 });
  expect(trace.usedFallback).toBe(false);
  expect(waits).toEqual([20]);
  expect(fake.requestsTo("chat")).toHaveLength(2);
  expect(client.meter.snapshot().byQuestion.mood).toMatchObject({ requests: 2, retries: 1, failures: 1, fallbacks: 0 });
});

test("a retry-after beyond the cap is cut to the cap", async () => {
  fake.queue("chat", { status: 429, headers: { "retry-after": "3600" } }, { content: '{"mood": "ok", "energy": 5}' });
  const { client, waits } = clientFor(fake, { retry: { retryAfterCapMs: 1_000 } });
  await client.ask(moodUnit, { name: "Sam" });
  expect(waits).toEqual([1_000]);
});

test("two 500s are retried with growing backoff, then the answer is used", async () => {
  fake.queue("chat", { status: 500 }, { status: 503 }, { content: '{"mood": "relieved", "energy": 6}' });
  const { client, waits } = clientFor(fake, { random: () => 0.5, retry: { baseDelayMs: 100 } });
  const { value } = await client.ask(moodUnit, { name: "Ayesha" });

  expect(value).toEqual({ mood: "relieved", energy: 6 });
  expect(waits).toEqual([75, 150]); // half the ceiling plus half of the jitter range
  expect(client.meter.snapshot().byQuestion.mood).toMatchObject({ requests: 3, retries: 2, failures: 2, fallbacks: 0 });
});

test("retries stop after three, and the fallback is used", async () => {
  fake.queue("chat", { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }, { content: '{"mood": "never", "energy": 1}' });
  const { client } = clientFor(fake);
  const { value, trace } = await client.ask(moodUnit, { name: "Eddy" });

  expect(value).toEqual({ mood: "calm", energy: 5 });
  expect(trace.error).toContain("HTTP 500");
  expect(trace.reasked).toBe(false);
  expect(fake.requestsTo("chat")).toHaveLength(4);
  expect(client.meter.snapshot().byQuestion.mood).toMatchObject({ requests: 4, retries: 3, failures: 4, fallbacks: 1 });
});

test("a dropped connection counts as a network error and is retried", async () => {
  fake.queue("chat", { drop: true }, { content: '{"mood": "fine", "energy": 5}' });
  const { client } = clientFor(fake);
  const { value } = await client.ask(moodUnit, { name: "Carmen" });
  expect(value).toEqual({ mood: "fine", energy: 5 });
  expect(client.meter.snapshot().byQuestion.mood).toMatchObject({ retries: 1, failures: 1 });
});

test("a timeout gives the fallback without retrying", async () => {
  fake.queue("chat", { delayMs: 10_000, content: '{"mood": "late", "energy": 2}' });
  const { client } = clientFor(fake, { timeoutMs: 300 });
  const { value, trace } = await client.ask(moodUnit, { name: "Wolfgang" });

  expect(value).toEqual({ mood: "calm", energy: 5 });
  expect(trace).toMatchObject({ usedFallback: true, raw: null });
  expect(trace.error).toContain("no answer within 300 ms");
  expect(fake.requestsTo("chat")).toHaveLength(1);
  expect(client.meter.snapshot().byQuestion.mood).toMatchObject({ requests: 1, retries: 0, failures: 1, fallbacks: 1 });
});

test("a 401 on ask is not retried and gives the fallback", async () => {
  fake.queue("chat", { status: 401 });
  const { client } = clientFor(fake);
  const { trace } = await client.ask(moodUnit, { name: "Jane" });
  expect(trace.usedFallback).toBe(true);
  expect(trace.error).toContain("HTTP 401");
  expect(fake.requestsTo("chat")).toHaveLength(1);
});

test("a server that rejects response_format is asked without it from then on", async () => {
  await fake.close();
  fake = await startFakeOpenAI({ rejectResponseFormat: true, answer: () => '{"mood": "plain", "energy": 5}' });
  const { client } = clientFor(fake);
  const first = await client.ask(moodUnit, { name: "Yuriko" });
  const second = await client.ask(moodUnit, { name: "Yuriko" });

  expect(first.value).toEqual({ mood: "plain", energy: 5 });
  expect(second.value).toEqual({ mood: "plain", energy: 5 });
  const formats = fake.requestsTo("chat").map((r) => (r.body as ChatRequestBody).response_format?.type ?? "none");
  expect(formats).toEqual(["json_object", "none", "none"]);
});

test("many parallel asks never exceed the concurrency limit at the server", async () => {
  await fake.close();
  fake = await startFakeOpenAI({ delayMs: 20, answer: () => '{"mood": "social", "energy": 6}' });
  const { client } = clientFor(fake, { concurrency: 3 });
  const names = Array.from({ length: 20 }, (_, i) => `Agent ${i}`);
  const results = await Promise.all(names.map((name) => client.ask(moodUnit, { name }, { agent: name })));

  expect(results.every((r) => !r.trace.usedFallback)).toBe(true);
  expect(fake.stats().total).toBe(20);
  expect(fake.stats().maxInFlight).toBeLessThanOrEqual(3);
  expect(client.limiter.stats()).toMatchObject({ maxObservedInFlight: 3, completed: 20, inFlight: 0 });
  expect(Object.keys(client.meter.snapshot().byAgent)).toHaveLength(20);
});

test("once the budget is spent, asks use the fallback without a request", async () => {
  fake.queue("chat", { content: '{"mood": "pricey", "energy": 9}' });
  const { client } = clientFor(fake, { budgetUsd: 1e-9 });
  const first = await client.ask(moodUnit, { name: "Latoya" });
  const second = await client.ask(moodUnit, { name: "Latoya" });

  expect(first.trace.usedFallback).toBe(false);
  expect(client.meter.overBudget()).toBe(true);
  expect(second.trace).toMatchObject({ usedFallback: true });
  expect(second.trace.error).toContain("budget");
  expect(fake.requestsTo("chat")).toHaveLength(1);
});

test("answers without usage still count the request, with zero tokens", async () => {
  fake.queue("chat", { content: '{"mood": "quiet", "energy": 3}', noUsage: true });
  const { client } = clientFor(fake);
  await client.ask(moodUnit, { name: "Abigail" });
  expect(client.meter.snapshot().byQuestion.mood).toMatchObject({ requests: 1, inputTokens: 0, outputTokens: 0, costUsd: 0 });
});

test("a 200 answer without choices is treated as no answer, never thrown", async () => {
  fake.queue("chat", { body: { unexpected: true } }, { body: { choices: [] } });
  const { client } = clientFor(fake);
  const { value, trace } = await client.ask(moodUnit, { name: "Giorgio" });
  expect(value).toEqual({ mood: "calm", energy: 5 });
  expect(trace).toMatchObject({ usedFallback: true, reasked: true, raw: null });
  expect(trace.error).toContain("empty");
});
