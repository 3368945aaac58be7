/** Shared pieces of the LLM tests: a small prompt unit and a client wired to the fake server. */
import { z } from "zod";
import { LlmClient, type LlmClientOptions } from "../../server/mind/llm/llm-client";
import type { PromptUnit } from "../../server/mind/llm/prompt";
import type { ChatRequestBody, FakeOpenAI } from "./fake-openai-server";

export interface MoodInput {
  name: string;
}

export interface Mood {
  mood: string;
  energy: number;
}

export const moodUnit: PromptUnit<MoodInput, Mood> = {
  name: "mood",
  build: ({ name }) => ({
    system: "You describe how a resident of a small town feels. Answer with JSON only.",
    user: `How does ${name} feel this morning? Answer {"mood": a word, "energy": a whole number 1-10}.`,
  }),
  outputSchema: z.object({ mood: z.string(), energy: z.number().int().min(1).max(10) }),
  schema: z.object({ mood: z.string().min(1), energy: z.number().int().min(1).max(10) }),
  fallback: () => ({ mood: "calm", energy: 5 }),
  maxTokens: 50,
  temperature: 0.2,
};

/** A client on the fake server; what it would warn about is collected in `warnings`. */
export function clientFor(fake: FakeOpenAI, overrides: Partial<LlmClientOptions> & { timeoutMs?: number; concurrency?: number; budgetUsd?: number } = {}) {
  const warnings: string[] = [];
  const { timeoutMs, concurrency, budgetUsd, ...rest } = overrides;
  const client = new LlmClient({
    config: {
      apiKey: "test-key",
      baseURL: fake.url,
      model: "gpt-4o-mini",
      embeddingModel: "text-embedding-3-small",
      timeoutMs: timeoutMs ?? 5_000,
      concurrency: concurrency ?? 8,
      budgetUsd,
    },
    warn: (message) => void warnings.push(message),
    ...rest,
  });
  return { client, warnings };
}

/** The `response_format` type of each chat request so far ("none" without one). */
export function formatsSent(fake: FakeOpenAI): string[] {
  return fake.requestsTo("chat").map((r) => (r.body as ChatRequestBody).response_format?.type ?? "none");
}

/** Milliseconds between consecutive arrivals of `endpoint` requests at the server. */
export function gapsBetween(fake: FakeOpenAI, endpoint: "chat" | "embeddings"): number[] {
  const times = fake.requestsTo(endpoint).map((r) => r.receivedAtMs);
  return times.slice(1).map((t, i) => t - times[i]);
}
