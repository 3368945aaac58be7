/**
 * Structured output over real HTTP: each unit's JSON schema as `response_format:
 * json_schema`, then JSON mode, then plain text with repair, stepping down per client
 * when the server refuses a format with a 400, once, and remembered.
 */
import { z } from "zod";
import { startFakeOpenAI, type ChatRequestBody, type FakeOpenAI } from "./fake-openai-server";
import { clientFor, formatsSent, moodUnit } from "./helpers";

let fake: FakeOpenAI;

afterEach(async () => {
  await fake.close();
});

const answer = () => '{"mood": "cheerful", "energy": 8}';

test("a server with structured output is asked with the unit's JSON schema, strict", async () => {
  fake = await startFakeOpenAI({ answer });
  const { client, warnings } = clientFor(fake);
  const { value, trace } = await client.ask(moodUnit, { name: "Isabella" });

  expect(value).toEqual({ mood: "cheerful", energy: 8 });
  expect(trace).toMatchObject({ usedFallback: false, repaired: false });
  const body = fake.requestsTo("chat")[0].body as ChatRequestBody;
  expect(body.response_format).toEqual({
    type: "json_schema",
    json_schema: {
      name: "mood",
      strict: true,
      schema: {
        type: "object",
        properties: { mood: { type: "string" }, energy: { type: "integer", minimum: 1, maximum: 10 } },
        required: ["mood", "energy"],
        additionalProperties: false,
      },
    },
  });
  expect(z.toJSONSchema(moodUnit.outputSchema, { target: "draft-7" })).toMatchObject(body.response_format!.json_schema!.schema as object);
  expect(client.responseMode).toBe("json_schema");
  expect(fake.schemaMisfits).toEqual([]);
  expect(warnings).toEqual([]);
});

test("a server without json_schema gets JSON mode: one step down, said once, remembered", async () => {
  fake = await startFakeOpenAI({ answer, rejectResponseFormat: ["json_schema"] });
  const { client, warnings } = clientFor(fake);
  for (const name of ["Klaus", "Maria", "Tom"]) {
    expect((await client.ask(moodUnit, { name })).value).toEqual({ mood: "cheerful", energy: 8 });
  }

  expect(formatsSent(fake)).toEqual(["json_schema", "json_object", "json_object", "json_object"]);
  expect(client.responseMode).toBe("json_object");
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(/rejected response_format json_schema \(HTTP 400: .*not supported.*\); asking with json_object from now on/);
  expect(client.meter.snapshot().byQuestion.mood).toMatchObject({ calls: 3, requests: 4, failures: 1, fallbacks: 0 });
});

test("a server without any response_format gets plain text, read with repair", async () => {
  fake = await startFakeOpenAI({ answer: () => "Sure!\n```json\n{mood: 'plain', energy: 5,}\n```", rejectResponseFormat: true });
  const { client, warnings } = clientFor(fake);
  const first = await client.ask(moodUnit, { name: "Yuriko" });
  const second = await client.ask(moodUnit, { name: "Yuriko" });

  expect([first.value, second.value]).toEqual([{ mood: "plain", energy: 5 }, { mood: "plain", energy: 5 }]);
  expect(second.trace.repaired).toBe(true);
  expect(formatsSent(fake)).toEqual(["json_schema", "json_object", "none", "none"]);
  expect(client.responseMode).toBe("text");
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(/rejected response_format json_schema and json_object .*; asking without one from now on/);
});

test("a server with json_schema but no JSON mode keeps json_schema", async () => {
  fake = await startFakeOpenAI({ answer, rejectResponseFormat: ["json_object"] });
  const { client, warnings } = clientFor(fake);
  await client.ask(moodUnit, { name: "Abigail" });
  await client.ask(moodUnit, { name: "Abigail" });
  expect(formatsSent(fake)).toEqual(["json_schema", "json_schema"]);
  expect([client.responseMode, warnings.length]).toEqual(["json_schema", 0]);
});

test("many first asks at once: one finds the mode out while the others wait, then all use it", async () => {
  fake = await startFakeOpenAI({ answer, rejectResponseFormat: ["json_schema"], delayMs: 150 });
  const { client, warnings } = clientFor(fake, { concurrency: 3 });
  const names = Array.from({ length: 9 }, (_, i) => `Agent${i}`);
  const results = await Promise.all(names.map((name) => client.ask(moodUnit, { name })));

  expect(results.every((r) => !r.trace.usedFallback)).toBe(true);
  expect(formatsSent(fake)).toEqual(["json_schema", ...names.map(() => "json_object")]);
  expect(warnings).toHaveLength(1);
  expect(client.responseMode).toBe("json_object");
  expect(fake.stats().maxInFlight).toBe(3); // the wait was only until the first answer
});

test("once the mode is known, a 400 to one request's format only sends that request in the next mode", async () => {
  fake = await startFakeOpenAI({ answer });
  const { client, warnings } = clientFor(fake);
  await client.ask(moodUnit, { name: "Ann" });
  fake.queue("chat", { status: 400 });
  expect((await client.ask(moodUnit, { name: "Ben" })).trace.usedFallback).toBe(false);
  await client.ask(moodUnit, { name: "Cal" });

  expect(formatsSent(fake)).toEqual(["json_schema", "json_schema", "json_object", "json_schema"]);
  expect([client.responseMode, warnings.length]).toEqual(["json_schema", 0]);
});

test("a 400 in every mode is not about the format: the mode stays and the fail-safe answers", async () => {
  fake = await startFakeOpenAI({ answer });
  fake.queue("chat", { status: 400 }, { status: 400 }, { status: 400 });
  const { client, warnings } = clientFor(fake);
  const { value, trace } = await client.ask(moodUnit, { name: "Eddy" });

  expect(value).toEqual(moodUnit.fallback({ name: "Eddy" }));
  expect(trace.error).toContain("HTTP 400");
  expect(formatsSent(fake)).toEqual(["json_schema", "json_object", "none"]);
  expect([client.responseMode, warnings.length]).toEqual(["json_schema", 0]);

  await client.ask(moodUnit, { name: "Eddy" });
  expect(formatsSent(fake).at(-1)).toBe("json_schema");
});

test("a re-ask is sent in the client's mode too", async () => {
  fake = await startFakeOpenAI({ rejectResponseFormat: ["json_schema"] });
  fake.queue("chat", { content: '{"mood": "tired", "energy": 42}' }, { content: '{"mood": "tired", "energy": 4}' });
  const { client } = clientFor(fake);
  const { value, trace } = await client.ask(moodUnit, { name: "Maria" });
  expect(value).toEqual({ mood: "tired", energy: 4 });
  expect(trace.reasked).toBe(true);
  expect(formatsSent(fake)).toEqual(["json_schema", "json_object", "json_object"]);
});
