/**
 * Tokens per agent per game day with the language-model mind: runs a realistic
 * agent-day of questions through LlmMind against the fake OpenAI-compatible server
 * (real HTTP, real openai client), which answers like a good model with answers of
 * realistic size, and reads the usage meter. Compare with the original's ~508,000
 * tokens per agent per game day (Affordable Generative Agents, arXiv 2402.02053).
 *
 * The day's workload, per agent, from the reference (docs in generative-agents.md):
 * planning once (wake-up, daily plan, hourly schedule, identity revision); every
 * waking schedule block decomposed into ~10-minute steps and a place chosen for each
 * (~100 action decisions); 40 perception batches of 3 new events, each scored for
 * poignancy (the summed poignancy then triggers 2-3 reflections at a threshold of 150);
 * 10 decisions whether to talk and 4 conversations of 6 lines (3 its own), each
 * summarised and followed by the post-chat thoughts; reflections of 3 questions with up
 * to 5 insights each. Every new memory is embedded. Token counts are the fake server's
 * estimate, characters / 4, close to OpenAI's tokenizer on English text.
 */
import { LlmClient, type ResponseMode } from "../server/mind/llm/llm-client";
import type { UsageCounts } from "../server/mind/llm/usage";
import { LlmMind } from "../server/mind/llm-mind";
import type { KnownPlaces } from "../server/mind/mind";
import { OfflineMind } from "../server/mind/offline/offline-mind";
import { loadScenario } from "../server/scenarios";
import { loadMaze } from "../server/town-factory";
import { startFakeOpenAI } from "../tests/llm/fake-openai-server";
import { fakeAnswer } from "./llm-fake-answers";
import { runAgentDay, type AgentDayPlan } from "./llm-agent-day";

export const ORIGINAL_TOKENS_PER_AGENT_DAY = 508_000;
export const TARGET_TOKENS_PER_AGENT_DAY = 50_000;

export interface QuestionFigures {
  calls: number;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  tokens: number;
}

export interface LlmTokenBenchResult {
  agents: number;
  gameDays: number;
  /** Per agent per game day: places asked for (some answered from the cache). */
  actionDecisions: number;
  /** Per agent per game day, by question (meter key). */
  perQuestion: Record<string, QuestionFigures>;
  /** Per agent per game day, chat questions only (embeddings apart). */
  total: QuestionFigures & { embeddingTokens: number; costUsd: number };
  originalTokensPerAgentDay: number;
  /** How many times fewer tokens than the original. */
  reduction: number;
  model: string;
  /** How the client asked (structured output, when the fake takes it, as it does by default). */
  responseMode: ResponseMode;
  /** Answers that did not fit the JSON schema they were asked with (the fake checks). */
  schemaMisfits: number;
}

/** Isabella (3 reflections) and Klaus (2): 2.5 reflections per agent-day on average. */
const AGENTS: Array<{ name: string; plan: Partial<AgentDayPlan> }> = [
  { name: "Isabella Rodriguez", plan: { reflections: 3, partner: "Klaus Mueller" } },
  { name: "Klaus Mueller", plan: { reflections: 2, partner: "Maria Lopez" } },
];

export async function llmTokenBench(): Promise<LlmTokenBenchResult> {
  const fake = await startFakeOpenAI({ answer: fakeAnswer });
  const model = "gpt-4o-mini";
  try {
    const client = new LlmClient({
      config: { apiKey: "bench", baseURL: fake.url, model, embeddingModel: "text-embedding-3-small", timeoutMs: 30_000, concurrency: 4, budgetUsd: undefined },
    });
    const mind = new LlmMind({ client, config: { model, baseURL: fake.url }, fallbackMind: new OfflineMind(1) });
    const scenario = loadScenario("ville-3");
    const known = villeKnownPlaces();
    let decisions = 0;
    for (const agent of AGENTS) {
      const persona = scenario.personas.find((p) => p.name === agent.name);
      if (!persona) throw new Error(`ville-3 has no ${agent.name}`);
      decisions += (await runAgentDay(mind, persona, known, agent.plan)).actionDecisions;
    }
    return { ...summarise(mind.usage.snapshot().byQuestion, AGENTS.length, decisions, model), responseMode: client.responseMode, schemaMisfits: fake.schemaMisfits.length };
  } finally {
    await fake.close();
  }
}

/** The result as printable lines: one per question, then the total against the original. */
export function tokenBenchLines(r: LlmTokenBenchResult): string[] {
  const fmt = (n: number) => n.toLocaleString("en-US");
  const rows = Object.entries(r.perQuestion)
    .sort(([, a], [, b]) => b.tokens - a.tokens)
    .map(([q, f]) => `  ${q.padEnd(21)} ${String(f.calls).padStart(4)} calls  ${fmt(f.inputTokens).padStart(7)} in  ${fmt(f.outputTokens).padStart(6)} out`);
  const t = r.total;
  return [
    `tokens: per agent per game day with ${r.model} (${r.actionDecisions} action decisions), fake server (asked with ${r.responseMode}), tokens = chars / 4:`,
    ...rows,
    `  total ${fmt(t.calls)} calls, ${fmt(t.inputTokens)} in + ${fmt(t.outputTokens)} out = ${fmt(t.tokens)} tokens ` +
      `(+ ${fmt(t.embeddingTokens)} embedding), $${t.costUsd.toFixed(4)}; the original: ~${fmt(r.originalTokensPerAgentDay)} (${r.reduction}x fewer)`,
  ];
}

function summarise(byQuestion: Record<string, UsageCounts>, agents: number, decisions: number, model: string): Omit<LlmTokenBenchResult, "responseMode" | "schemaMisfits"> {
  const per = (n: number) => Math.round(n / agents);
  const perQuestion: Record<string, QuestionFigures> = {};
  let embeddingTokens = 0;
  let costUsd = 0;
  for (const [question, c] of Object.entries(byQuestion)) {
    costUsd += c.costUsd;
    if (c.embeddingTokens > 0 || question === "embedding") {
      embeddingTokens += c.embeddingTokens;
      continue;
    }
    perQuestion[question] = figures(c.calls, c.requests, c.inputTokens, c.outputTokens, per);
  }
  const sum = (key: keyof QuestionFigures) => Object.values(perQuestion).reduce((n, q) => n + q[key], 0);
  const total = { calls: sum("calls"), requests: sum("requests"), inputTokens: sum("inputTokens"), outputTokens: sum("outputTokens"), tokens: sum("tokens") };
  return {
    agents,
    gameDays: 1,
    actionDecisions: per(decisions),
    perQuestion,
    total: { ...total, embeddingTokens: per(embeddingTokens), costUsd: costUsd / agents },
    originalTokensPerAgentDay: ORIGINAL_TOKENS_PER_AGENT_DAY,
    reduction: Math.round((ORIGINAL_TOKENS_PER_AGENT_DAY / Math.max(1, total.tokens)) * 10) / 10,
    model,
  };
}

function figures(calls: number, requests: number, input: number, output: number, per: (n: number) => number): QuestionFigures {
  return { calls: per(calls), requests: per(requests), inputTokens: per(input), outputTokens: per(output), tokens: per(input + output) };
}

/** The whole town, as an agent knows it after a day or two. */
export function villeKnownPlaces(root = process.cwd()): KnownPlaces {
  return loadMaze("ville", root).placeTree();
}
