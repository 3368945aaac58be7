/**
 * The language-model cost figures of docs/BENCHMARKS.md from a real-town token run
 * (llm-town-tokens.ts): chat calls and tokens per agent per game day, in all and per
 * question, and the same day on the baseline commit (the code before issue 10's token
 * work, with its own fake answers) with what each day did. The runs are deterministic
 * (the fake server's answers), so one run is the figure.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { BASELINE_COMMIT, checkoutOf } from "./headless";
import { TARGET_CALLS_PER_AGENT_DAY, TARGET_TOKENS_PER_AGENT_DAY, type TownTokenResult } from "./llm-town-tokens";
import type { Figure } from "./record";

/**
 * The token day on `commit`: this harness (llm-town-tokens.ts) copied into that commit's
 * checkout and run there, on that commit's mind, prompts and fake answers.
 */
export function baselineTokenRun(commit = BASELINE_COMMIT): TownTokenResult {
  const dir = checkoutOf(commit);
  copyFileSync(join("bench", "llm-town-tokens.ts"), join(dir, "bench", "llm-town-tokens.ts"));
  const out = execFileSync(process.execPath, ["--import", "tsx", join("bench", "llm-town-tokens.ts"), "--json"], { cwd: dir, encoding: "utf8", maxBuffer: 1 << 26 });
  const last = out.trim().split("\n").pop() ?? "";
  return JSON.parse(last) as TownTokenResult;
}

const dayOf = (r: TownTokenResult) => {
  const b = r.behaviour;
  return `the day: ${b.conversations} conversations, ${b.lines} lines, ${b.reflections} reflections, ${b.memories} memories, ${b.sleptAndWoke}/${r.agents} slept and woke`;
};

export function baselineTokenFigures(now: TownTokenResult, before: TownTokenResult, commit = BASELINE_COMMIT): Record<string, Figure> {
  const group = `Language-model cost per agent per game day (\`${now.scenario}\`, ${now.days} game day on LlmMind, the loopback fake server's canned answers; tokens = characters / 4)`;
  const command = "npm run bench -- tokens";
  return {
    "tokens.baseline.calls": { group, name: `at ${commit} (before the token work, its own fake answers): chat calls`, unit: "calls", runs: [before.total.calls], command, digits: 1, note: dayOf(before) },
    "tokens.baseline.tokens": { group, name: `at ${commit}: tokens in and out`, unit: "tokens", runs: [before.total.tokens], command, digits: 0, note: dayOf(before) },
    "tokens.saving": { group, name: `tokens at ${commit} over tokens now`, unit: "x", runs: [before.total.tokens / now.total.tokens], command, digits: 2 },
  };
}

export function townTokenFigures(r: TownTokenResult): Record<string, Figure> {
  const group = `Language-model cost per agent per game day (\`${r.scenario}\`, ${r.days} game day on LlmMind, the loopback fake server's canned answers; tokens = characters / 4)`;
  // The canned answers make a quiet day (every resident does much the same): say how much happened beside the totals.
  const note = dayOf(r);
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
