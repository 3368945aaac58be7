/**
 * Model calls and tokens per agent per game day in a real town: a lockstep `ville-25`
 * day (as `scripts/simulate.ts` runs one) on LlmMind against the loopback fake
 * OpenAI-compatible server with realistic answers (`fakeAnswer`), read from the usage
 * meter per question. Unlike llm-tokens.ts (a synthetic agent-day), the workload here
 * is whatever the cognition modules ask. Also counts what the day did (conversations,
 * lines, reflections), so a saving can be checked against the behaviour it keeps.
 *
 *   npx tsx bench/llm-town-tokens.ts [--scenario ville-3] [--days 1] [--seed 1]
 */
import { pathToFileURL } from "node:url";
import { LlmClient } from "../server/mind/llm/llm-client";
import type { UsageCounts } from "../server/mind/llm/usage";
import { LlmMind } from "../server/mind/llm-mind";
import { OfflineMind } from "../server/mind/offline/offline-mind";
import { createTown } from "../server/town-factory";
import { startFakeOpenAI } from "../tests/llm/fake-openai-server";
import { fakeAnswer } from "./llm-fake-answers";

export const TARGET_CALLS_PER_AGENT_DAY = 100;
export const TARGET_TOKENS_PER_AGENT_DAY = 15_000;

export interface TownTokenOptions {
  scenario: string;
  days: number;
  seed: number;
}

/** Per agent per game day (rounded to one decimal). */
export interface QuestionCost {
  calls: number;
  /** HTTP requests, counting retries and re-asks. */
  requests: number;
  inputTokens: number;
  outputTokens: number;
  tokens: number;
}

export interface TownTokenResult extends TownTokenOptions {
  agents: number;
  /** Chat questions, by meter key, per agent per game day. */
  perQuestion: Record<string, QuestionCost>;
  /** Chat questions only (embeddings apart), per agent per game day. */
  total: QuestionCost;
  /** Whole run, not per agent-day. */
  callsByQuestion: Record<string, number>;
  chatRequests: number;
  embeddingRequests: number;
  embeddingTokensPerAgentDay: number;
  fallbacks: number;
  /** What the day did, to compare runs by behaviour as well as cost. */
  behaviour: { conversations: number; lines: number; reflections: number; memories: number; sleptAndWoke: number };
  wallSeconds: number;
}

export const DEFAULT_TOWN_TOKENS: TownTokenOptions = { scenario: "ville-25", days: 1, seed: 1 };

export async function llmTownTokenBench(options: Partial<TownTokenOptions> = {}): Promise<TownTokenResult> {
  const opts = { ...DEFAULT_TOWN_TOKENS, ...options };
  const fake = await startFakeOpenAI({ answer: fakeAnswer });
  const started = performance.now();
  try {
    const model = "gpt-4o-mini";
    const config = { apiKey: "bench", baseURL: fake.url, model, embeddingModel: "text-embedding-3-small", timeoutMs: 30_000, concurrency: 4, budgetUsd: undefined };
    const mind = new LlmMind({ client: new LlmClient({ config }), config, fallbackMind: new OfflineMind(opts.seed) });
    const town = createTown({ scenario: opts.scenario, seed: opts.seed, mind });
    const steps = Math.round(opts.days * town.clock.stepsPerDay);
    for (let i = 0; i < steps; i++) {
      town.step();
      await town.settle();
    }
    const residents = town.allResidents();
    const conversations = town.conversations.log;
    const usage = mind.usage.snapshot();
    const perAgentDay = residents.length * opts.days;
    return {
      ...opts,
      agents: residents.length,
      ...summarise(usage.byQuestion, perAgentDay),
      callsByQuestion: Object.fromEntries(Object.entries(usage.byQuestion).map(([q, c]) => [q, c.calls])),
      chatRequests: fake.requestsTo("chat").length,
      embeddingRequests: fake.requestsTo("embeddings").length,
      fallbacks: usage.total.fallbacks,
      behaviour: {
        conversations: conversations.length,
        lines: conversations.reduce((n, c) => n + c.lines.length, 0),
        reflections: residents.reduce((n, r) => n + r.reflections, 0),
        memories: residents.reduce((n, r) => n + r.memory.size, 0),
        sleptAndWoke: residents.filter((r) => sleptAndWoke(r.actionLog)).length,
      },
      wallSeconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    await fake.close();
  }
}

/** The result as printable lines: one per question (most tokens first), then the totals against the target. */
export function townTokenLines(r: TownTokenResult): string[] {
  const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1 });
  const rows = Object.entries(r.perQuestion)
    .sort(([, a], [, b]) => b.tokens - a.tokens)
    .map(([q, f]) => `  ${q.padEnd(22)} ${fmt(f.calls).padStart(6)} calls ${fmt(f.inputTokens).padStart(8)} in ${fmt(f.outputTokens).padStart(7)} out ${fmt(f.tokens).padStart(8)} tokens`);
  const t = r.total;
  const b = r.behaviour;
  return [
    `${r.scenario}, ${r.days} game day(s), seed ${r.seed}, ${r.agents} agents, LlmMind on the fake server (fakeAnswer), per agent per game day:`,
    ...rows,
    `  total ${fmt(t.calls)} calls (target <= ${TARGET_CALLS_PER_AGENT_DAY}), ${fmt(t.inputTokens)} in + ${fmt(t.outputTokens)} out = ${fmt(t.tokens)} tokens (target <= ${fmt(TARGET_TOKENS_PER_AGENT_DAY)}), + ${fmt(r.embeddingTokensPerAgentDay)} embedding tokens`,
    `  whole run: ${fmt(r.chatRequests)} chat requests, ${fmt(r.embeddingRequests)} embedding requests, ${r.fallbacks} fallbacks, ${r.wallSeconds} s`,
    `  behaviour: ${b.conversations} conversations, ${b.lines} lines, ${b.reflections} reflections, ${b.memories} memories, ${b.sleptAndWoke}/${r.agents} slept and woke`,
  ];
}

function summarise(byQuestion: Record<string, UsageCounts>, perAgentDay: number): Pick<TownTokenResult, "perQuestion" | "total" | "embeddingTokensPerAgentDay"> {
  const per = (n: number) => Math.round((n / perAgentDay) * 10) / 10;
  const perQuestion: Record<string, QuestionCost> = {};
  const sum = { calls: 0, requests: 0, inputTokens: 0, outputTokens: 0 };
  let embeddingTokens = 0;
  for (const [question, c] of Object.entries(byQuestion)) {
    if (c.embeddingTokens > 0 || question === "embedding") {
      embeddingTokens += c.embeddingTokens;
      continue;
    }
    perQuestion[question] = { calls: per(c.calls), requests: per(c.requests), inputTokens: per(c.inputTokens), outputTokens: per(c.outputTokens), tokens: per(c.inputTokens + c.outputTokens) };
    sum.calls += c.calls;
    sum.requests += c.requests;
    sum.inputTokens += c.inputTokens;
    sum.outputTokens += c.outputTokens;
  }
  const total = { calls: per(sum.calls), requests: per(sum.requests), inputTokens: per(sum.inputTokens), outputTokens: per(sum.outputTokens), tokens: per(sum.inputTokens + sum.outputTokens) };
  return { perQuestion, total, embeddingTokensPerAgentDay: per(embeddingTokens) };
}

/** Asleep at some point, and up and about after it. */
export function sleptAndWoke(log: ReadonlyArray<{ description: string }>): boolean {
  const asleep = (d: string) => /\bsleep/i.test(d);
  const slept = log.findIndex((a) => asleep(a.description));
  return slept >= 0 && log.slice(slept).some((a) => !asleep(a.description));
}

function argOf(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const options: Partial<TownTokenOptions> = {
    ...(argOf("scenario") !== undefined && { scenario: argOf("scenario") }),
    ...(argOf("days") !== undefined && { days: Number(argOf("days")) }),
    ...(argOf("seed") !== undefined && { seed: Number(argOf("seed")) }),
  };
  llmTownTokenBench(options).then(
    (r) => {
      for (const line of townTokenLines(r)) console.log(line);
      if (process.argv.includes("--json")) console.log(JSON.stringify(r));
      process.exit(0);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
