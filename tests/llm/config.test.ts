import { ConfigError, readMindConfig } from "../../server/mind/llm/config";

function errorOf(env: Record<string, string | undefined>): ConfigError {
  try {
    readMindConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

test("no variables: the offline mind with defaults", () => {
  expect(readMindConfig({})).toEqual({
    mind: "offline",
    apiKey: undefined,
    baseURL: undefined,
    model: "gpt-4o-mini",
    embeddingModel: "text-embedding-3-small",
    concurrency: 8,
    timeoutMs: 30_000,
    budgetUsd: undefined,
  });
});

test("a key or a base URL selects the openai mind", () => {
  expect(readMindConfig({ OPENAI_API_KEY: "sk-test" }).mind).toBe("openai");
  const local = readMindConfig({ OPENAI_BASE_URL: "http://127.0.0.1:11434/v1/" });
  expect(local).toMatchObject({ mind: "openai", baseURL: "http://127.0.0.1:11434/v1", apiKey: undefined });
});

test("MIND=offline wins over a key; blank values count as unset", () => {
  expect(readMindConfig({ MIND: "offline", OPENAI_API_KEY: "sk-test" }).mind).toBe("offline");
  expect(readMindConfig({ MIND: " ", OPENAI_MODEL: "", MIND_CONCURRENCY: "" })).toMatchObject({ mind: "offline", model: "gpt-4o-mini", concurrency: 8 });
});

test("every setting is read", () => {
  const config = readMindConfig({
    MIND: "OpenAI",
    OPENAI_API_KEY: "sk-test",
    OPENAI_MODEL: "gpt-4.1-nano",
    OPENAI_EMBEDDING_MODEL: "text-embedding-3-large",
    MIND_CONCURRENCY: "3",
    MIND_TIMEOUT_MS: "1500",
    TOWN_BUDGET_USD: "2.5",
  });
  expect(config).toEqual({
    mind: "openai",
    apiKey: "sk-test",
    baseURL: undefined,
    model: "gpt-4.1-nano",
    embeddingModel: "text-embedding-3-large",
    concurrency: 3,
    timeoutMs: 1500,
    budgetUsd: 2.5,
  });
});

test("an unknown MIND names the variable and the allowed values", () => {
  const error = errorOf({ MIND: "gpt" });
  expect(error.issues).toEqual([{ variable: "MIND", problem: '"gpt" is not allowed; use one of: offline, openai' }]);
  expect(error.message).toBe('Invalid mind configuration:\n  MIND: "gpt" is not allowed; use one of: offline, openai');
});

test("MIND=openai without a key or URL says what is missing", () => {
  expect(errorOf({ MIND: "openai" }).message).toContain("openai needs OPENAI_API_KEY (or OPENAI_BASE_URL");
});

test("bad numbers and URLs are all reported in one error", () => {
  const error = errorOf({
    OPENAI_BASE_URL: "localhost:11434",
    MIND_CONCURRENCY: "0",
    MIND_TIMEOUT_MS: "3.5s",
    TOWN_BUDGET_USD: "-1",
  });
  expect(error.issues.map((i) => i.variable)).toEqual(["OPENAI_BASE_URL", "MIND_CONCURRENCY", "MIND_TIMEOUT_MS", "TOWN_BUDGET_USD"]);
  expect(error.message).toContain("MIND_CONCURRENCY: \"0\" is not allowed; use a whole number from 1 to 256");
  expect(error.message).toContain("MIND_TIMEOUT_MS: \"3.5s\" is not allowed; use a whole number from 100 to 600000");
  expect(error.message).toContain("TOWN_BUDGET_USD: \"-1\" is not allowed; use a positive amount in US dollars");
  expect(error.message).toContain("OPENAI_BASE_URL: \"localhost:11434\" must use http or https");
});

test("a base URL that is not a URL at all", () => {
  expect(errorOf({ OPENAI_BASE_URL: "not a url" }).issues[0]).toMatchObject({ variable: "OPENAI_BASE_URL" });
});
