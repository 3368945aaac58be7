/** A town day on the language-model mind: the real cognition modules ask LlmMind, over HTTP. */
import { fakeAnswer } from "../../bench/llm-fake-answers";
import { LlmClient } from "../../server/mind/llm/llm-client";
import { LlmMind } from "../../server/mind/llm-mind";
import { OfflineMind } from "../../server/mind/offline/offline-mind";
import { createTown, loadMaze } from "../../server/town-factory";
import { startFakeOpenAI, type FakeOpenAI } from "./fake-openai-server";

let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI({ answer: fakeAnswer });
});

afterAll(async () => {
  await fake.close();
});

test("three residents live a game day on model answers, every action at a real place", async () => {
  const config = { apiKey: "test", baseURL: fake.url, model: "gpt-4o-mini", embeddingModel: "text-embedding-3-small", timeoutMs: 10_000, concurrency: 4, budgetUsd: undefined };
  const mind = new LlmMind({ client: new LlmClient({ config }), config, fallbackMind: new OfflineMind(1) });
  const town = createTown({ scenario: "ville-3", seed: 1, mind });
  const maze = loadMaze("ville");
  for (let i = 0; i < town.clock.stepsPerDay; i++) {
    town.step();
    await town.settle();
  }

  const usage = mind.usage.snapshot();
  expect(usage.total.fallbacks).toBe(0);
  for (const question of ["wake_up", "daily_plan", "hourly_schedule", "decompose", "block_places", "poignancy", "utterance", "chat_summary"]) {
    expect(usage.byQuestion[question]?.calls).toBeGreaterThan(0);
  }
  expect(Object.keys(usage.byAgent).sort()).toEqual(["Isabella Rodriguez", "Klaus Mueller", "Maria Lopez"]);
  for (const r of town.allResidents()) {
    expect(r.actionLog.length).toBeGreaterThan(20);
    const unknown = r.actionLog.filter((a) => !maze.hasPlace(a.place)).map((a) => a.place);
    expect(unknown).toEqual([]);
  }
});
