/** Shared pieces of the LLM tests: a small prompt unit and a client wired to the fake server. */
import { z } from "zod";
import { LlmClient, type LlmClientOptions } from "../../server/mind/llm/llm-client";
import type { PromptUnit } from "../../server/mind/llm/prompt";
import type { FakeOpenAI } from "./fake-openai-server";

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
  schema: z.object({ mood: z.string().min(1), energy: z.number().int().min(1).max(10) }),
  fallback: () => ({ mood: "calm", energy: 5 }),
  maxTokens: 50,
  temperature: 0.2,
};

/** A client on the fake server whose backoff waits are recorded and skipped. */
export function clientFor(fake: FakeOpenAI, overrides: Partial<LlmClientOptions> & { timeoutMs?: number; concurrency?: number; budgetUsd?: number } = {}) {
  const waits: number[] = [];
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
    sleep: async (ms) => void waits.push(ms),
    ...rest,
  });
  return { client, waits };
}
