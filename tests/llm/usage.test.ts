import { priceOf } from "../../server/mind/llm/prices";
import { UsageMeter } from "../../server/mind/llm/usage";

test("cost is tokens times the model's price per million", () => {
  const meter = new UsageMeter();
  meter.record({ question: "daily_plan", model: "gpt-4o-mini", inputTokens: 1_000_000, outputTokens: 500_000 });
  expect(meter.totalCostUsd()).toBeCloseTo(0.15 + 0.3, 10);
  meter.record({ question: "poignancy", model: "gpt-4o", inputTokens: 2_000, outputTokens: 100 });
  expect(meter.snapshot().byQuestion.poignancy.costUsd).toBeCloseTo((2_000 * 2.5 + 100 * 10) / 1e6, 12);
});

test("embedding tokens bill at the embedding model's input price", () => {
  const meter = new UsageMeter();
  meter.record({ question: "embedding", model: "text-embedding-3-small", embeddingTokens: 3_000_000 });
  meter.record({ question: "embedding", model: "text-embedding-3-large", embeddingTokens: 1_000_000 });
  expect(meter.totalCostUsd()).toBeCloseTo(0.06 + 0.13, 10);
});

test("dated snapshots use their base model's price; the longest prefix wins", () => {
  expect(priceOf("gpt-4o-mini-2024-07-18")).toEqual(priceOf("gpt-4o-mini"));
  expect(priceOf("gpt-4o-2024-08-06")).toEqual(priceOf("gpt-4o"));
  expect(priceOf("gpt-4.1-nano-2025-04-14")).toEqual({ inputUsdPerMillion: 0.1, outputUsdPerMillion: 0.4 });
  expect(priceOf("gpt-4omega")).toBeUndefined();
});

test("an unknown model costs nothing and is flagged", () => {
  const meter = new UsageMeter();
  meter.record({ question: "converse", model: "llama3.2:3b", inputTokens: 900, outputTokens: 40 });
  meter.record({ question: "converse", model: "mystery", calls: 1 }); // no tokens: not flagged
  const snapshot = meter.snapshot();
  expect(snapshot.total).toMatchObject({ inputTokens: 900, outputTokens: 40, costUsd: 0 });
  expect(snapshot.unpricedModels).toEqual(["llama3.2:3b"]);
});

test("counts are kept per question and per agent, and totals add up", () => {
  const meter = new UsageMeter();
  meter.record({ question: "plan", agent: "Klaus", calls: 1, requests: 2, retries: 1, failures: 1, latencyMs: 120 });
  meter.record({ question: "plan", agent: "Maria", calls: 1, requests: 1, fallbacks: 1, latencyMs: 30 });
  meter.record({ question: "react", agent: "Klaus", calls: 1, requests: 1, repairs: 1, reasks: 1 });
  const snapshot = meter.snapshot();
  expect(snapshot.byQuestion.plan).toMatchObject({ calls: 2, requests: 3, retries: 1, failures: 1, fallbacks: 1, latencyMs: 150 });
  expect(snapshot.byAgent.Klaus).toMatchObject({ calls: 2, requests: 3, repairs: 1, reasks: 1 });
  expect(snapshot.total).toMatchObject({ calls: 3, requests: 4 });
  expect(Object.keys(snapshot.byQuestion)).toEqual(["plan", "react"]);
});

test("a snapshot is a copy; toJSON is the snapshot", () => {
  const meter = new UsageMeter({ budgetUsd: 3 });
  meter.record({ question: "plan", calls: 1 });
  const snapshot = meter.snapshot();
  meter.record({ question: "plan", calls: 1 });
  expect(snapshot.total.calls).toBe(1);
  expect(JSON.parse(JSON.stringify(meter))).toEqual(meter.snapshot());
  expect(meter.snapshot().budgetUsd).toBe(3);
});

test("merge adds another meter's snapshot, flags included", () => {
  const a = new UsageMeter();
  const b = new UsageMeter();
  a.record({ question: "plan", agent: "Klaus", model: "gpt-4o-mini", calls: 1, inputTokens: 100 });
  b.record({ question: "plan", agent: "Klaus", model: "gpt-4o-mini", calls: 2, inputTokens: 300 });
  b.record({ question: "chat", model: "local", calls: 1, outputTokens: 5 });
  a.merge(b.snapshot());
  const merged = a.snapshot();
  expect(merged.byQuestion.plan).toMatchObject({ calls: 3, inputTokens: 400 });
  expect(merged.byQuestion.plan.costUsd).toBeCloseTo((400 * 0.15) / 1e6, 12);
  expect(merged.byAgent.Klaus.calls).toBe(3);
  expect(merged.byQuestion.chat.calls).toBe(1);
  expect(merged.unpricedModels).toEqual(["local"]);
});

test("over budget once the spend reaches the budget; never without one", () => {
  const meter = new UsageMeter({ budgetUsd: 0.01 });
  meter.record({ question: "plan", model: "gpt-4o-mini", inputTokens: 60_000 }); // $0.009
  expect(meter.overBudget()).toBe(false);
  meter.record({ question: "plan", model: "gpt-4o-mini", outputTokens: 2_000 }); // +$0.0012
  expect(meter.overBudget()).toBe(true);

  const unlimited = new UsageMeter();
  unlimited.record({ question: "plan", model: "gpt-4o", inputTokens: 1e9 });
  expect(unlimited.overBudget()).toBe(false);
});
