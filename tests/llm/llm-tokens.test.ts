/** The token benchmark as a guard: a realistic agent-day stays under the budget. */
import { llmTokenBench, TARGET_TOKENS_PER_AGENT_DAY } from "../../bench/llm-tokens";

test("an agent-day of questions costs under 50,000 tokens, a tenth of the original's", async () => {
  const r = await llmTokenBench();
  expect(r.actionDecisions).toBeGreaterThanOrEqual(90);
  expect(r.perQuestion.poignancy.calls).toBeGreaterThanOrEqual(100);
  expect(r.perQuestion.utterance.calls).toBe(12);
  expect(r.perQuestion.insights.calls).toBeGreaterThanOrEqual(7);
  expect(r.total.requests).toBe(r.total.calls); // the fake answers like a good model: no re-asks
  expect([r.responseMode, r.schemaMisfits]).toEqual(["json_schema", 0]); // every answer fit its unit's JSON schema
  expect(r.total.tokens).toBeLessThan(TARGET_TOKENS_PER_AGENT_DAY);
  expect(r.reduction).toBeGreaterThan(10);
});
