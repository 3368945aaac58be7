/**
 * A ville-25 game day on LlmMind against the fake server with realistic answers
 * (bench/llm-town-tokens.ts): the town lives as it should (everyone sleeps and wakes,
 * conversations and reflections happen, no fallbacks) within 100 chat calls and 15,000
 * tokens per agent per game day, each resident-resident conversation one question, each
 * reflection one question, a block's steps with their places one question.
 */
import { llmTownTokenBench, TARGET_CALLS_PER_AGENT_DAY, TARGET_TOKENS_PER_AGENT_DAY } from "../../bench/llm-town-tokens";

test("a ville-25 day on the model: the town's invariants, at most 100 calls and 15,000 tokens per agent-day", async () => {
  const r = await llmTownTokenBench({ scenario: "ville-25", days: 1, seed: 1 });
  expect(r.fallbacks).toBe(0);
  expect(r.behaviour.sleptAndWoke).toBe(r.agents);
  expect(r.behaviour.conversations).toBeGreaterThan(10);
  expect(r.behaviour.lines).toBeGreaterThan(r.behaviour.conversations * 2);
  expect(r.behaviour.reflections).toBeGreaterThan(0);
  expect(r.total.calls).toBeLessThanOrEqual(TARGET_CALLS_PER_AGENT_DAY);
  expect(r.total.tokens).toBeLessThanOrEqual(TARGET_TOKENS_PER_AGENT_DAY);
  expect(r.callsByQuestion.conversation).toBe(r.behaviour.conversations);
  expect(r.callsByQuestion.utterance).toBeUndefined();
  // Perceived events are scored a batch at a time: fewer questions than scored events.
  expect(r.callsByQuestion.poignancy_batch).toBeGreaterThan(0);
  // A reflection is one question; a block's steps come with their places.
  expect(r.callsByQuestion.reflection).toBeGreaterThan(0);
  for (const apart of ["reflection_questions", "insights", "decompose"]) expect([apart, r.callsByQuestion[apart]]).toEqual([apart, undefined]);
  expect(r.callsByQuestion.block_plan).toBeGreaterThan(0);
}, 300_000);
