/**
 * Streamed answers over real HTTP (the openai client against the fake server's
 * server-sent events): the line so far reaches the caller while it is written, the
 * answer is the one a whole completion gives, and failures (a stream broken mid-way,
 * a deadline, a refused format) go as they go for whole answers. Then the extractor
 * that reads the line out of the partial JSON.
 */
import { partialStringField } from "../../server/mind/llm/partial-json";
import type { UsageMeter } from "../../server/mind/llm/usage";
import { LlmMind } from "../../server/mind/llm-mind";
import type { MemoryRef, UtteranceInput } from "../../server/mind/mind";
import { OfflineMind } from "../../server/mind/offline/offline-mind";
import { loadScenario } from "../../server/scenarios";
import { startFakeOpenAI, type ChatRequestBody, type FakeOpenAI, type FakeOpenAIOptions } from "./fake-openai-server";
import { clientFor, formatsSent, moodUnit } from "./helpers";

const ville3 = loadScenario("ville-3");
const isabella = ville3.personas.find((p) => p.name === "Isabella Rodriguez")!;
const memories: MemoryRef[] = [
  { id: "n3", text: "Isabella Rodriguez is hosting a Valentine's Day party at Hobbs Cafe on February 14 from 5pm to 7pm", createdMs: 0 },
  { id: "n7", text: "Klaus Mueller ordered his usual latte and wrote at a cafe table", createdMs: 60_000 },
];
const input: UtteranceInput = {
  persona: isabella, partner: "Klaus Mueller", place: "Hobbs Cafe: cafe", action: "serving customers",
  partnerAction: "writing at a cafe table", memories, transcript: [], nowMinute: 15 * 60,
};
const LINE = { text: "Klaus! Are you coming to my Valentine's party tomorrow at five? Bring Maria too.", end: false, cites: ["n3"] };

let fake: FakeOpenAI;

async function start(options: FakeOpenAIOptions = {}): Promise<void> {
  fake = await startFakeOpenAI({ streamChunkChars: 6, streamChunkDelayMs: 2, answer: () => JSON.stringify(LINE), ...options });
}

afterEach(async () => {
  await fake.close();
});

function mindFor(overrides: Parameters<typeof clientFor>[1] = {}) {
  const { client } = clientFor(fake, overrides);
  return { client, mind: new LlmMind({ client, config: { model: "gpt-4o-mini", baseURL: fake.url }, fallbackMind: new OfflineMind(1), warn: () => undefined }) };
}

/** Asks for the next line with a stream, noting for each delta whether the answer had already resolved. */
async function streamed(mind: LlmMind, line: UtteranceInput = input) {
  const deltas: Array<{ text: string; settled: boolean }> = [];
  let settled = false;
  const answer = await mind.nextUtterance(line, (text) => void deltas.push({ text, settled })).finally(() => (settled = true));
  return { answer, deltas, texts: deltas.map((d) => d.text) };
}

function expectGrowingPrefixes(texts: string[], final: string): void {
  expect(texts.length).toBeGreaterThanOrEqual(2);
  for (const [i, text] of texts.entries()) {
    expect(final.startsWith(text)).toBe(true);
    if (i > 0) expect(text.length).toBeGreaterThan(texts[i - 1].length);
  }
  expect(texts.at(-1)).toBe(final);
}

const usageOf = (meter: UsageMeter, question: string) => {
  const { latencyMs: _latency, ...counts } = meter.snapshot().byQuestion[question];
  return counts;
};

describe("a streamed line", () => {
  test("arrives in growing deltas, each a prefix of the final line, before the answer resolves", async () => {
    await start();
    const { mind } = mindFor();
    const { answer, deltas, texts } = await streamed(mind);

    expect(answer).toEqual(LINE);
    expect(deltas.every((d) => !d.settled)).toBe(true);
    expectGrowingPrefixes(texts, LINE.text);
    const body = fake.requestsTo("chat")[0].body as ChatRequestBody;
    expect(body).toMatchObject({ stream: true, stream_options: { include_usage: true }, response_format: { type: "json_schema" } });
  });

  test("gives the answer, the cleaning and the metering of the same question unstreamed", async () => {
    // A speaker prefix, quotes, escapes and an unknown cite: all cleaned the same way.
    const content = JSON.stringify({ text: 'Isabella: "Klaus, café au lait? It\'s on me — say \\"yes\\"!"', end: "no", cites: ["n3", "n99"] }).replace("é", "\\u00e9");
    await start({ answer: () => content });
    const whole = mindFor();
    const stream = mindFor();
    const expected = await whole.mind.nextUtterance(input);
    const { answer, texts } = await streamed(stream.mind);

    expect(answer).toEqual(expected);
    expect(answer.text).toBe('Klaus, café au lait? It\'s on me — say \\"yes\\"!');
    expectGrowingPrefixes(texts, answer.text);
    expect(texts.some((t) => t.startsWith("Isa"))).toBe(false); // the prefix was held back, then dropped
    expect(usageOf(stream.client.meter, "utterance")).toEqual(usageOf(whole.client.meter, "utterance"));
    expect(stream.client.meter.snapshot().byQuestion.utterance).toMatchObject({ calls: 1, requests: 1 });
    expect(stream.client.meter.snapshot().byQuestion.utterance.outputTokens).toBeGreaterThan(0);
  });

  test("a server that sends no usage counts no tokens, and the call still counts", async () => {
    await start();
    fake.queue("chat", { content: JSON.stringify(LINE), noUsage: true });
    const { client, mind } = mindFor();
    expect((await streamed(mind)).answer).toEqual(LINE);
    expect(client.meter.snapshot().byQuestion.utterance).toMatchObject({ calls: 1, requests: 1, failures: 0, inputTokens: 0, outputTokens: 0 });
  });

  test("an answer that needs a re-ask is re-asked, streamed too, and the line starts over", async () => {
    await start();
    fake.queue("chat", { content: '{"text": "", "end": false, "cites": []}' });
    const { client, mind } = mindFor();
    const { answer, texts } = await streamed(mind);
    expect(answer).toEqual(LINE);
    expectGrowingPrefixes(texts, LINE.text);
    expect(fake.requestsTo("chat").map((r) => (r.body as ChatRequestBody).stream)).toEqual([true, true]);
    expect(client.meter.snapshot().byQuestion.utterance).toMatchObject({ calls: 1, requests: 2, reasks: 1, fallbacks: 0 });
  });

  test("a server that ignores stream: true and answers whole gives the same answer, told once", async () => {
    await start();
    const completion = {
      id: "chatcmpl-whole", object: "chat.completion", created: 0, model: "gpt-4o-mini",
      choices: [{ index: 0, message: { role: "assistant", content: JSON.stringify(LINE) }, finish_reason: "stop", logprobs: null }],
      usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
    };
    fake.queue("chat", { body: completion });
    const { client, mind } = mindFor();
    const { answer, texts } = await streamed(mind);
    expect(answer).toEqual(LINE);
    expect(texts).toEqual([LINE.text]);
    expect(client.meter.snapshot().byQuestion.utterance).toMatchObject({ requests: 1, failures: 0, inputTokens: 100, outputTokens: 20 });
  });

  test("a callback that throws costs nothing", async () => {
    await start();
    const { mind } = mindFor();
    const answer = await mind.nextUtterance(input, () => {
      throw new Error("display failed");
    });
    expect(answer).toEqual(LINE);
  });
});

describe("failures of a stream go as for whole answers", () => {
  test("a stream broken mid-way is a failed attempt, tried again; the line starts over", async () => {
    await start();
    fake.queue("chat", { content: JSON.stringify({ ...LINE, text: "Good afternoon, Klaus, I was just thinking of you." }), breakAfterChunks: 5 });
    const { client, mind } = mindFor({ retry: { maxRetries: 1 } });
    const { answer, texts } = await streamed(mind);

    expect(answer).toEqual(LINE);
    const restart = texts.findIndex((t, i) => i > 0 && !t.startsWith(texts[i - 1]));
    expect(restart).toBeGreaterThan(0);
    expect(texts.slice(0, restart).every((t) => "Good afternoon, Klaus".startsWith(t))).toBe(true);
    expectGrowingPrefixes(texts.slice(restart), LINE.text);
    expect(fake.requestsTo("chat")).toHaveLength(2);
    expect(client.meter.snapshot().byQuestion.utterance).toMatchObject({ calls: 1, requests: 2, retries: 1, failures: 1, fallbacks: 0 });
  });

  test("streams that keep breaking use up the retries, then the fail-safe answers", async () => {
    await start();
    const broken = { content: JSON.stringify({ mood: "torn", energy: 3 }), breakAfterChunks: 2 };
    fake.queue("chat", broken, broken, broken);
    const { client } = clientFor(fake, { retry: { maxRetries: 1 } });
    const { value, trace } = await client.ask(moodUnit, { name: "Eddy" }, { stream: () => undefined });

    expect(value).toEqual(moodUnit.fallback({ name: "Eddy" }));
    expect(trace).toMatchObject({ usedFallback: true, raw: null, reasked: false });
    expect(trace.error).toMatch(/^network error: /);
    expect(fake.requestsTo("chat")).toHaveLength(2);
    expect(client.meter.snapshot().byQuestion.mood).toMatchObject({ calls: 1, requests: 2, retries: 1, failures: 2, fallbacks: 1 });
  });

  test("a broken line in LlmMind ends with the fallback mind's answer", async () => {
    await start();
    const broken = { content: JSON.stringify(LINE), breakAfterChunks: 3 };
    fake.queue("chat", broken, broken);
    const { mind } = mindFor({ retry: { maxRetries: 1 } });
    const { answer, texts } = await streamed(mind);
    expect(answer).toEqual(await new OfflineMind(1).nextUtterance(input));
    expect(texts.every((t) => LINE.text.startsWith(t))).toBe(true); // what was shown came from the broken attempts
  });

  test("an error status before the stream starts is retried by the client", async () => {
    await start();
    fake.queue("chat", { status: 429, headers: { "retry-after-ms": "5" } });
    const { client, mind } = mindFor();
    const { answer, texts } = await streamed(mind);
    expect(answer).toEqual(LINE);
    expectGrowingPrefixes(texts, LINE.text);
    expect(client.meter.snapshot().byQuestion.utterance).toMatchObject({ requests: 2, retries: 1, failures: 1 });
  });

  test("a stream past its deadline gives the fail-safe, without a retry", async () => {
    await start({ streamChunkDelayMs: 100 });
    const { client } = clientFor(fake, { timeoutMs: 300 });
    const seen: string[] = [];
    const { value, trace } = await client.ask(moodUnit, { name: "Wolfgang" }, { stream: (text) => void seen.push(text) });

    expect(value).toEqual(moodUnit.fallback({ name: "Wolfgang" }));
    expect(trace).toMatchObject({ usedFallback: true, raw: null });
    expect(trace.error).toBe("no answer within 300 ms");
    expect(seen.length).toBeGreaterThan(0); // it had begun
    expect(fake.requestsTo("chat")).toHaveLength(1);
    expect(client.meter.snapshot().byQuestion.mood).toMatchObject({ requests: 1, retries: 0, failures: 1, fallbacks: 1 });
  });

  test("a stream holds its concurrency slot until its end", async () => {
    await start({ streamChunkDelayMs: 5 });
    const { client, mind } = mindFor({ concurrency: 1 });
    const answers = await Promise.all([streamed(mind), streamed(mind), streamed(mind)]);
    expect(answers.map((a) => a.answer)).toEqual([LINE, LINE, LINE]);
    expect(fake.stats().maxInFlight).toBe(1);
    expect([client.limiter.activeCount, client.limiter.pendingCount]).toEqual([0, 0]);
  });
});

describe("text mode (no response_format)", () => {
  test("prose and a code fence around the JSON: the line streams, and reads as unstreamed", async () => {
    const content = `Sure! Here is what Isabella says:\n\`\`\`json\n${JSON.stringify(LINE, null, 2)}\n\`\`\``;
    await start({ answer: () => content, rejectResponseFormat: true });
    const { client, mind } = mindFor();
    const { answer, texts } = await streamed(mind);

    expect(answer).toEqual(LINE);
    expectGrowingPrefixes(texts, LINE.text);
    expect(formatsSent(fake)).toEqual(["json_schema", "json_object", "none"]);
    expect(client.responseMode).toBe("text");
  });

  test("near-JSON with bare keys and single quotes streams and is repaired", async () => {
    await start({ answer: () => "{text: 'It\\'s a lovely day, Klaus.', end: false, cites: ['n7']}", rejectResponseFormat: true });
    const { mind } = mindFor();
    const { answer, texts } = await streamed(mind);
    expect(answer).toEqual({ text: "It's a lovely day, Klaus.", end: false, cites: ["n7"] });
    expectGrowingPrefixes(texts, answer.text);
  });

  test("a plain line with no JSON shows nothing: it is no answer (re-asked, then the fallback)", async () => {
    await start({ answer: () => "Klaus! Lovely to see you.", rejectResponseFormat: true });
    const { mind } = mindFor();
    const { answer, texts } = await streamed(mind);
    expect(texts).toEqual([]);
    expect(answer).toEqual(await new OfflineMind(1).nextUtterance(input));
  });
});

describe("partialStringField", () => {
  const text = (raw: string) => partialStringField(raw, "text");

  test("nothing until the value begins, then the value so far", () => {
    for (const raw of ["", "Sure", "{", '{"te', '{"text"', '{"text": ', "{'text':"]) expect(text(raw)).toBeUndefined();
    expect(text('{"text": "')).toBe("");
    expect(text('{"text": "Good morn')).toBe("Good morn");
    expect(text('{"text": "Hi", "end": tr')).toBe("Hi");
    expect(text('{"text": "Hi"}')).toBe("Hi");
  });

  test("escapes, including one cut off at the end", () => {
    expect(text(String.raw`{"text": "She said \"hi\"\n\ttab \\ \/`)).toBe('She said "hi"\n\ttab \\ /');
    expect(text('{"text": "a\\')).toBe("a");
    expect(text('{"text": "caf\\u')).toBe("caf");
    expect(text(String.raw`{"text": "caf\u00`)).toBe("caf");
    expect(text(String.raw`{"text": "caf\u00e9`)).toBe("café");
    expect(text(String.raw`{"text": "caf\u00E9!"}`)).toBe("café!");
  });

  test("a surrogate pair split across chunks waits for its second half", () => {
    expect(text(String.raw`{"text": "hi \ud83d`)).toBe("hi ");
    expect(text(String.raw`{"text": "hi \ud83d\ude`)).toBe("hi ");
    expect(text(String.raw`{"text": "hi \ud83d\ude00`)).toBe("hi 😀");
    expect(text('{"text": "hi 😀 there')).toBe("hi 😀 there");
  });

  test('"text" after other keys, whose values may hold braces, quotes and "text" themselves', () => {
    const raw = '{"end": false, "cites": ["n1", "text"], "meta": {"text": "nested", "n": [1, {"a": "}"}]}, "note": "a } \\" b", "text": "Hello';
    expect(text(raw)).toBe("Hello");
    expect(text('{"end": false, "meta": {"text": "nested"')).toBeUndefined();
    expect(text('{"cites": [], "text":"x", "end": true}')).toBe("x");
  });

  test("text mode: prose and fences before the object, bare keys, single quotes", () => {
    expect(text('Sure! Here it is:\n```json\n{\n  "text": "Hello there')).toBe("Hello there");
    expect(text("{text: 'It\\'s fine")).toBe("It's fine");
    expect(text("{end: false, text: 'Hi \"you\"")).toBe('Hi "you"');
    expect(text("Klaus! Lovely to see you.")).toBeUndefined();
  });

  test("a value that is not a string gives nothing; the last occurrence counts, as with JSON.parse", () => {
    expect(text('{"text": 42, "end": true}')).toBeUndefined();
    expect(text('{"text": null')).toBeUndefined();
    expect(text('{"text": "first", "text": "sec')).toBe("sec");
  });

  test("every prefix of an answer gives a prefix of its final text, never shrinking", () => {
    const answer = JSON.stringify({ cites: ["n3"], text: 'He said "héllo" 😀\n\tthen \\ left. Ünïcödé \u0001', end: true });
    const final = (JSON.parse(answer) as { text: string }).text;
    let previous = "";
    for (let i = 0; i <= answer.length; i++) {
      const value = text(answer.slice(0, i));
      if (value === undefined) continue;
      expect(final.startsWith(value)).toBe(true);
      expect(value.length).toBeGreaterThanOrEqual(previous.length);
      previous = value;
    }
    expect(previous).toBe(final);
  });
});
