/**
 * Picks the town's mind from the environment: the offline rules when `MIND=offline` or
 * no model is configured (a fresh checkout runs a living town), else a language model
 * with the offline rules as its fallback. Invalid settings throw ConfigError at once.
 */
import { readMindConfig } from "./llm/config";
import { LlmClient } from "./llm/llm-client";
import type { UsageSnapshot } from "./llm/usage";
import { LlmMind } from "./llm-mind";
import type { Mind } from "./mind";
import { OfflineMind } from "./offline/offline-mind";

export interface CreatedMind {
  mind: Mind;
  /** null when the mind can answer; else the one message to show before stopping. */
  verify(): Promise<string | null>;
  /** Model usage so far (calls, tokens, cost per question); absent for the offline mind. */
  usage?: () => UsageSnapshot;
}

/** `env` is usually `process.env`; `seed` drives the offline rules (and the fallback's). */
export function createMind(env: Record<string, string | undefined>, seed: number): CreatedMind {
  const config = readMindConfig(env);
  const offline = new OfflineMind(seed);
  if (config.mind === "offline") return { mind: offline, verify: async () => null };
  const client = new LlmClient({ config });
  const mind = new LlmMind({ client, config, fallbackMind: offline });
  return {
    mind,
    verify: async () => {
      const check = await client.verify();
      return check.ok ? null : check.message;
    },
    usage: () => mind.usage.snapshot(),
  };
}
