/** A town day on the language-model mind: the real cognition modules ask LlmMind, over HTTP. */
import { fakeAnswer } from "../../bench/llm-fake-answers";
import { sleptAndWoke } from "../../bench/llm-town-tokens";
import { LlmClient } from "../../server/mind/llm/llm-client";
import { LlmMind } from "../../server/mind/llm-mind";
import { OfflineMind } from "../../server/mind/offline/offline-mind";
import { RunRecorder } from "../../server/report/recorder";
import { buildReport } from "../../server/report/report";
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
  const client = new LlmClient({ config });
  const mind = new LlmMind({ client, config, fallbackMind: new OfflineMind(1) });
  const town = createTown({ scenario: "ville-3", seed: 1, mind });
  const maze = loadMaze("ville");
  for (let i = 0; i < town.clock.stepsPerDay; i++) {
    town.step();
    await town.settle();
  }

  const usage = mind.usage.snapshot();
  expect(usage.total.fallbacks).toBe(0);
  expect(client.responseMode).toBe("json_schema");
  expect(fake.schemaMisfits).toEqual([]);
  // A block's steps come with their places (block_plan): no decomposition or place question apart.
  for (const question of ["day_plan", "block_plan", "poignancy", "poignancy_batch", "conversation"]) {
    expect(usage.byQuestion[question]?.calls).toBeGreaterThan(0);
  }
  // Residents talk among themselves: each conversation is one question, its notes included.
  const talks = town.conversations.log.filter((c) => c.lines.length > 0);
  expect(talks.length).toBeGreaterThan(0);
  expect(usage.byQuestion.conversation.calls).toBe(talks.length);
  for (const question of ["utterance", "chat_summary", "post_chat"]) expect(usage.byQuestion[question]).toBeUndefined();
  for (const c of talks) expect(c.script).toBeUndefined();
  expect(Object.keys(usage.byAgent).sort()).toEqual(["Isabella Rodriguez", "Klaus Mueller", "Maria Lopez"]);
  for (const r of town.allResidents()) {
    expect(sleptAndWoke(r.actionLog)).toBe(true);
    expect(r.actionLog.length).toBeGreaterThan(20);
    const unknown = r.actionLog.filter((a) => !maze.hasPlace(a.place)).map((a) => a.place);
    expect(unknown).toEqual([]);
  }
});

describe("latency does not change a run", () => {
  /** A lockstep ville-3 day on LlmMind against a server whose answers arrive after seeded random delays. */
  async function dayWithDelays(delaySeed: number): Promise<{ report: string; order: string }> {
    const server = await startFakeOpenAI({ answer: fakeAnswer, delaySeed, delayRangeMs: [0, 6] });
    try {
      const config = { apiKey: "test", baseURL: server.url, model: "gpt-4o-mini", embeddingModel: "text-embedding-3-small", timeoutMs: 10_000, concurrency: 4, budgetUsd: undefined };
      const mind = new LlmMind({ client: new LlmClient({ config }), config, fallbackMind: new OfflineMind(1) });
      const town = createTown({ scenario: "ville-3", seed: 1, mind });
      const recorder = new RunRecorder(town);
      const startMs = town.clock.nowMs;
      for (let i = 0; i < town.clock.stepsPerDay; i++) {
        town.step();
        await town.settle();
        recorder.sample();
      }
      const report = buildReport(town, recorder, { calls: {}, byAgent: {} }, { wallSeconds: 0, startMs });
      // The order in which the server got the questions: it differs between the two runs.
      const order = server.requests.map((r) => JSON.stringify(r.body)).join("\n");
      // The label names the server's port, which differs; calls are counted per mind.
      return { report: JSON.stringify({ ...report, mind: null, usage: null }), order };
    } finally {
      await server.close();
    }
  }

  test("two ville-3 days with different delay seeds give identical reports", async () => {
    const a = await dayWithDelays(1);
    const b = await dayWithDelays(2);
    expect(a.order).not.toBe(b.order);
    expect(b.report).toBe(a.report);
  }, 300_000);
});
