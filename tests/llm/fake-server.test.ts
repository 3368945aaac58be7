/** The fake OpenAI-compatible server itself, over plain fetch: seeded delays and response-format checks. */
import { startFakeOpenAI, type ChatRequestBody, type FakeOpenAI, type FakeOpenAIOptions } from "./fake-openai-server";

const servers: FakeOpenAI[] = [];

async function start(options: FakeOpenAIOptions): Promise<FakeOpenAI> {
  const fake = await startFakeOpenAI(options);
  servers.push(fake);
  return fake;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((fake) => fake.close()));
});

function chatBody(user: string, responseFormat?: ChatRequestBody["response_format"]): ChatRequestBody {
  return { model: "gpt-4o-mini", messages: [{ role: "user", content: user }], ...(responseFormat && { response_format: responseFormat }) };
}

async function post(fake: FakeOpenAI, body: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${fake.url}/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

const echo = (body: ChatRequestBody) => JSON.stringify({ echo: body.messages[0].content });
const QUESTIONS = Array.from({ length: 8 }, (_, i) => `question ${i}`);

/** Asks all questions at once; the questions in the order their answers came, with the answers and the delays the server chose. */
async function race(options: FakeOpenAIOptions) {
  const fake = await start({ answer: echo, ...options });
  const finished: string[] = [];
  const answers = new Map<string, string>();
  await Promise.all(
    QUESTIONS.map(async (q) => {
      const { json } = await post(fake, chatBody(q));
      finished.push(q);
      answers.set(q, json.choices[0].message.content);
    }),
  );
  const delays = new Map(fake.requests.map((r) => [(r.body as ChatRequestBody).messages[0].content, r.delayMs]));
  return { finished, answers, delays };
}

const byDelay = (delays: Map<string, number>) => [...delays.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([q]) => q);

describe("seeded delays", () => {
  test("the same seed gives the same delays and answers; another seed, another order with the same answers", async () => {
    const range: [number, number] = [0, 300];
    const first = await race({ delaySeed: 7, delayRangeMs: range });
    const again = await race({ delaySeed: 7, delayRangeMs: range });
    const other = await race({ delaySeed: 8, delayRangeMs: range });

    expect(again.delays).toEqual(first.delays);
    expect(other.delays).not.toEqual(first.delays);
    expect(byDelay(other.delays)).not.toEqual(byDelay(first.delays));
    expect(other.finished).not.toEqual(first.finished);
    for (const run of [first, again, other]) {
      expect(run.answers).toEqual(new Map(QUESTIONS.map((q) => [q, JSON.stringify({ echo: q })])));
      for (const delay of run.delays.values()) expect(delay >= range[0] && delay <= range[1]).toBe(true);
      // Answers finish in the order of their delays (up to timer jitter between close ones).
      run.finished.forEach((q, i) => {
        for (const later of run.finished.slice(i + 1)) expect(run.delays.get(q)!).toBeLessThanOrEqual(run.delays.get(later)! + 30);
      });
    }
  });

  test("a repeated request draws a new delay; scripted replies keep their own; a plain delay adds to the seeded one", async () => {
    const fake = await start({ answer: echo, delaySeed: 3, delayRangeMs: [20, 40], delayMs: 100 });
    fake.queue("chat", { content: "{}", delayMs: 5 });
    await post(fake, chatBody("same"));
    await post(fake, chatBody("same"));
    await post(fake, chatBody("same"));
    const [scripted, second, third] = fake.requests.map((r) => r.delayMs);
    expect(scripted).toBe(5);
    for (const d of [second, third]) expect(d >= 120 && d <= 140).toBe(true);
    expect(second).not.toBe(third);
  });

  test("without a seed nothing waits; a bad range is refused", async () => {
    const fake = await start({ answer: echo });
    await post(fake, chatBody("quick"));
    expect(fake.requests[0].delayMs).toBe(0);
    await expect(startFakeOpenAI({ delaySeed: 1, delayRangeMs: [50, 10] })).rejects.toThrow(RangeError);
  });
});

describe("response formats", () => {
  const schemaFormat = (schema: object, strict = true, name = "mood") => ({ type: "json_schema", json_schema: { name, strict, schema } });
  const moodSchema = {
    type: "object",
    properties: { mood: { type: "string" }, energy: { type: "integer", minimum: 1, maximum: 10 } },
    required: ["mood", "energy"],
    additionalProperties: false,
  };

  test("json_schema and json_object are refused separately, or both with true", async () => {
    const cases: Array<[FakeOpenAIOptions["rejectResponseFormat"], number[]]> = [
      [undefined, [200, 200, 200]],
      [["json_schema"], [400, 200, 200]],
      [["json_object"], [200, 400, 200]],
      [true, [400, 400, 200]],
    ];
    for (const [rejectResponseFormat, expected] of cases) {
      const fake = await start({ answer: () => '{"mood": "ok", "energy": 5}', rejectResponseFormat });
      const statuses = [];
      for (const format of [schemaFormat(moodSchema), { type: "json_object" }, undefined]) {
        statuses.push((await post(fake, chatBody("hi", format))).status);
      }
      expect(statuses).toEqual(expected);
    }
  });

  test("a refusal says what is not supported and uses up no scripted reply", async () => {
    const fake = await start({ rejectResponseFormat: ["json_schema"] });
    fake.queue("chat", { content: '{"scripted": true}' });
    const refused = await post(fake, chatBody("hi", schemaFormat(moodSchema)));
    expect(refused.json.error.message).toContain("'response_format' of type 'json_schema' is not supported");
    const answered = await post(fake, chatBody("hi", { type: "json_object" }));
    expect(answered.json.choices[0].message.content).toBe('{"scripted": true}');
  });

  test("json_schema formats OpenAI would refuse are refused", async () => {
    const fake = await start({});
    const open = { ...moodSchema, additionalProperties: true };
    const optional = { ...moodSchema, required: ["mood"] };
    expect((await post(fake, chatBody("hi", schemaFormat(open)))).json.error.message).toMatch(/not strict: \(root\): additionalProperties/);
    expect((await post(fake, chatBody("hi", schemaFormat(optional)))).json.error.message).toMatch(/\(root\)\.energy: every property must be required/);
    expect((await post(fake, chatBody("hi", schemaFormat(moodSchema, true, "a name with spaces")))).status).toBe(400);
    expect((await post(fake, chatBody("hi", schemaFormat({ type: "array", items: { type: "string" } }, false)))).status).toBe(400);
    expect((await post(fake, chatBody("hi", schemaFormat(optional, false)))).status).toBe(200); // not strict: fine
  });

  test("answers that do not fit the requested schema are listed", async () => {
    const fake = await start({});
    fake.queue("chat", { content: '{"mood": "ok", "energy": 5}' }, { content: '{"mood": "ok", "energy": 50}' }, { content: "not json" });
    for (let i = 0; i < 3; i++) await post(fake, chatBody("hi", schemaFormat(moodSchema)));
    expect(fake.schemaMisfits.map((m) => [m.name, m.content])).toEqual([["mood", '{"mood": "ok", "energy": 50}'], ["mood", "not json"]]);
    expect(fake.schemaMisfits[0].problem).toContain("energy");
  });
});

describe("streamed chat answers", () => {
  async function events(fake: FakeOpenAI, body: ChatRequestBody): Promise<{ contentType: string | null; data: string[] }> {
    const response = await fetch(`${fake.url}/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const text = await response.text();
    expect(text.endsWith("\n\n")).toBe(true);
    return { contentType: response.headers.get("content-type"), data: text.split("\n\n").filter(Boolean).map((e) => e.replace(/^data: /, "")) };
  }

  test("server-sent chunks in OpenAI's format: role, content in pieces, finish reason, usage when asked, [DONE]", async () => {
    const fake = await start({ answer: () => '{"text": "Hello there, neighbour"}', streamChunkChars: 5 });
    const { contentType, data } = await events(fake, { ...chatBody("hi"), stream: true, stream_options: { include_usage: true } });
    expect(contentType).toMatch(/^text\/event-stream/);
    expect(data.at(-1)).toBe("[DONE]");
    const chunks = data.slice(0, -1).map((d) => JSON.parse(d));
    expect(chunks.every((c) => c.object === "chat.completion.chunk" && c.model === "gpt-4o-mini" && "usage" in c)).toBe(true);
    expect(chunks[0].choices[0].delta).toEqual({ role: "assistant", content: "" });
    const pieces = chunks.slice(1, -2).map((c) => c.choices[0].delta.content);
    expect(pieces.join("")).toBe('{"text": "Hello there, neighbour"}');
    expect(pieces.length).toBe(Math.ceil(pieces.join("").length / 5));
    expect(chunks.at(-2).choices).toEqual([{ index: 0, delta: {}, logprobs: null, finish_reason: "stop" }]);
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 1, completion_tokens: 9, total_tokens: 10 } });
  });

  test("scripted chunks, no usage unless asked, and non-streamed answers as before", async () => {
    const fake = await start({ answer: () => "{}" });
    fake.queue("chat", { chunks: ["{\"a\"", ": 1}"] });
    const { data } = await events(fake, { ...chatBody("hi"), stream: true });
    const chunks = data.slice(0, -1).map((d) => JSON.parse(d));
    expect(chunks.map((c) => c.choices[0]?.delta.content)).toEqual(["", '{"a"', ": 1}", undefined]);
    expect(chunks.some((c) => "usage" in c)).toBe(false);
    expect((await post(fake, chatBody("hi"))).json.choices[0].message.content).toBe("{}");
  });

  test("a stream broken after some chunks ends without [DONE], as a network error", async () => {
    const fake = await start({ answer: () => '{"text": "never finished"}', streamChunkChars: 4 });
    fake.queue("chat", { breakAfterChunks: 2 });
    const response = await fetch(`${fake.url}/chat/completions`, { method: "POST", body: JSON.stringify({ ...chatBody("hi"), stream: true }) });
    await expect(response.text()).rejects.toThrow(/terminated/);
  });
});
