/** LlmClient.ask over real HTTP: the real openai client against the fake server (retries and limits: retries-limits.test.ts). */
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
  expect(body.response_format).toMatchObject({ type: "json_schema", json_schema: { name: "mood", strict: true } });
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
