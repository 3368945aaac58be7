/**
 * The language-model cost figures of docs/BENCHMARKS.md from a real-town token run
 * (llm-town-tokens.ts): chat calls and tokens per agent per game day, in all and per
 * question. The run is deterministic (the fake server's answers), so one run is the figure.
 */
import { TARGET_CALLS_PER_AGENT_DAY, TARGET_TOKENS_PER_AGENT_DAY, type TownTokenResult } from "./llm-town-tokens";
import type { Figure } from "./record";

export function townTokenFigures(r: TownTokenResult): Record<string, Figure> {
  const group = `Language-model cost per agent per game day (\`${r.scenario}\`, ${r.days} game day on LlmMind, the loopback fake server's canned answers; tokens = characters / 4)`;
  // The canned answers make a quiet day (every resident does much the same): say how much happened beside the totals.
  const b = r.behaviour;
  const note = `the day: ${b.conversations} conversations, ${b.lines} lines, ${b.reflections} reflections, ${b.sleptAndWoke}/${r.agents} slept and woke`;
  const command = "npm run bench -- tokens";
  const out: Record<string, Figure> = {
    "tokens.total.calls": { group, name: `chat calls, embeddings apart (target ${TARGET_CALLS_PER_AGENT_DAY})`, unit: "calls", runs: [r.total.calls], command, digits: 1, note },
    "tokens.total.tokens": { group, name: `tokens in and out, embeddings apart (target ${TARGET_TOKENS_PER_AGENT_DAY.toLocaleString("en-US")})`, unit: "tokens", runs: [r.total.tokens], command, digits: 0, note },
    "tokens.embedding": { group, name: "embedding tokens", unit: "tokens", runs: [r.embeddingTokensPerAgentDay], command, digits: 0 },
  };
  const rows = Object.entries(r.perQuestion).sort(([, a], [, b]) => b.tokens - a.tokens);
  for (const [q, c] of rows) {
    out[`tokens.q.${q}`] = { group, name: `\`${q}\`: tokens (${c.calls.toLocaleString("en-US", { maximumFractionDigits: 1 })} calls)`, unit: "tokens", runs: [c.tokens], command, digits: 0 };
  }
  return out;
}
