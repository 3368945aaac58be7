/** LlmClient.embed and verify over real HTTP against the fake server. */
import { EmbeddingError } from "../../server/mind/llm/llm-client";
import { fakeEmbedding, startFakeOpenAI, type FakeOpenAI } from "./fake-openai-server";
import { clientFor, gapsBetween } from "./helpers";

let fake: FakeOpenAI;

beforeEach(async () => {
  fake = await startFakeOpenAI({ apiKey: "test-key", models: ["gpt-4o-mini", "text-embedding-3-small"] });
});

afterEach(async () => {
  await fake.close();
});

describe("embed", () => {
  test("returns one vector per text, in order, and meters tokens", async () => {
    const { client } = clientFor(fake);
    const texts = ["Isabella is planning a party", "Klaus is writing a paper", "Isabella is planning a party"];
    const vectors = await client.embed(texts, { agent: "Maria Lopez" });

    expect(vectors).toEqual(texts.map((text) => fakeEmbedding(text)));
    const sent = fake.requestsTo("embeddings").map((r) => (r.body as { input: string[] }).input);
    expect(sent).toEqual([["Isabella is planning a party", "Klaus is writing a paper"]]); // duplicates sent once
    const usage = client.meter.snapshot();
    expect(usage.byQuestion.embedding).toMatchObject({ calls: 1, requests: 1, cacheHits: 0 });
    expect(usage.byQuestion.embedding.embeddingTokens).toBeGreaterThan(0);
    expect(usage.byAgent["Maria Lopez"].calls).toBe(1);
  });

  test("a second call for the same texts is served from the cache without HTTP", async () => {
    const { client } = clientFor(fake);
    const first = await client.embed(["the cafe opens at eight", "the park is quiet"]);
    const costAfterFirst = client.meter.totalCostUsd();
    const second = await client.embed(["the park is quiet", "the cafe opens at eight"]);

    expect(second).toEqual([first[1], first[0]]);
    expect(fake.requestsTo("embeddings")).toHaveLength(1);
    expect(client.meter.snapshot().byQuestion.embedding).toMatchObject({ calls: 2, requests: 1, cacheHits: 2 });
    expect(client.meter.totalCostUsd()).toBe(costAfterFirst);
  });

  test("only the texts missing from the cache are sent, in batches", async () => {
    const { client } = clientFor(fake, { embeddingBatchSize: 2 });
    await client.embed(["a cat", "a dog"]);
    const vectors = await client.embed(["a cat", "a bird", "a fish", "a cow", "a dog"]);

    expect(vectors).toHaveLength(5);
    const sent = fake.requestsTo("embeddings").map((r) => (r.body as { input: string[] }).input);
    expect(sent).toEqual([["a cat", "a dog"], ["a bird", "a fish"], ["a cow"]]);
    expect(client.meter.snapshot().byQuestion.embedding.cacheHits).toBe(2);
  });

  test("the cache keeps the most recently used texts", async () => {
    const { client } = clientFor(fake, { embeddingCacheSize: 2 });
    await client.embed(["a cat", "a dog"]);
    await client.embed(["a cat"]); // "a dog" is now the least recently used
    await client.embed(["a bird"]);
    await client.embed(["a cat", "a dog"]);

    const sent = fake.requestsTo("embeddings").map((r) => (r.body as { input: string[] }).input);
    expect(sent).toEqual([["a cat", "a dog"], ["a bird"], ["a dog"]]);
  });

  test("a 429 is retried like chat requests, after its retry-after", async () => {
    fake.queue("embeddings", { status: 429, headers: { "retry-after-ms": "60" } });
    const { client } = clientFor(fake);
    const [vector] = await client.embed(["morning coffee"]);
    expect(vector).toEqual(fakeEmbedding("morning coffee"));
    expect(gapsBetween(fake, "embeddings")[0]).toBeGreaterThanOrEqual(50);
    expect(client.meter.snapshot().byQuestion.embedding).toMatchObject({ requests: 2, retries: 1, failures: 1 });
  });

  test("a failure throws EmbeddingError and caches nothing", async () => {
    const quick = { status: 500, headers: { "retry-after-ms": "1" } };
    fake.queue("embeddings", quick, quick, quick, quick);
    const { client } = clientFor(fake);
    await expect(client.embed(["lost words"])).rejects.toBeInstanceOf(EmbeddingError);
    expect(fake.requestsTo("embeddings")).toHaveLength(4);

    await client.embed(["lost words"]);
    expect(fake.requestsTo("embeddings")).toHaveLength(5);
  });

  test("an answer without data throws EmbeddingError", async () => {
    fake.queue("embeddings", { body: { object: "list" } });
    const { client } = clientFor(fake);
    await expect(client.embed(["odd"])).rejects.toThrow(/embedding failed: unreadable response: expected 1 embeddings, got 0/);
  });

  test("a timeout throws EmbeddingError without retrying", async () => {
    fake.queue("embeddings", { delayMs: 10_000 });
    const { client } = clientFor(fake, { timeoutMs: 300 });
    await expect(client.embed(["slow"])).rejects.toThrow(/embedding failed: no answer within 300 ms/);
    expect(fake.requestsTo("embeddings")).toHaveLength(1);
  });
});

describe("verify", () => {
  test("a good key on a reachable server is ok", async () => {
    const { client } = clientFor(fake);
    const result = await client.verify();
    expect(result.ok).toBe(true);
    expect(result.message).toContain(fake.url);
    expect(result.message).not.toContain("note");
  });

  test("a wrong key gives one clear message about OPENAI_API_KEY", async () => {
    const { client } = clientFor(fake, { config: { ...baseConfig(fake), apiKey: "wrong-key" } });
    const result = await client.verify();
    expect(result).toEqual({
      ok: false,
      message: `The model server at ${fake.url} rejected the API key (HTTP 401). Set a valid OPENAI_API_KEY, or MIND=offline.`,
    });
    expect(fake.requestsTo("models")).toHaveLength(1);
  });

  test("an unreachable server gives one clear message about OPENAI_BASE_URL", async () => {
    const url = fake.url;
    await fake.close();
    const { client } = clientFor(fake, { config: { ...baseConfig(fake), baseURL: url } });
    const result = await client.verify();
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^Cannot reach the model server at http:\/\/127\.0\.0\.1:\d+\/v1 \(ECONNREFUSED\)/);
    expect(result.message).toContain("OPENAI_BASE_URL");
    fake = await startFakeOpenAI(); // for afterEach
  });

  test("a model the server does not list is noted, not refused", async () => {
    const { client } = clientFor(fake, { config: { ...baseConfig(fake), model: "llama3.2" } });
    const result = await client.verify();
    expect(result.ok).toBe(true);
    expect(result.message).toContain('model "llama3.2" is not in its list');
  });

  test("a server without a model list is checked with a one-token completion", async () => {
    fake.queue("models", { status: 404 });
    const { client } = clientFor(fake);
    const result = await client.verify();
    expect(result.ok).toBe(true);
    expect((fake.requestsTo("chat")[0].body as { max_tokens: number }).max_tokens).toBe(1);
  });
});

function baseConfig(server: FakeOpenAI) {
  return {
    apiKey: "test-key",
    baseURL: server.url,
    model: "gpt-4o-mini",
    embeddingModel: "text-embedding-3-small",
    timeoutMs: 5_000,
    concurrency: 4,
    budgetUsd: undefined,
  };
}
