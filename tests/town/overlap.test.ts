/**
 * Overlapping thinking in lockstep: an answer asked at step s is applied at the boundary
 * after step s + lag, whatever the latency, so runs stay exactly reproducible while the
 * model calls of several steps are in flight at once.
 */
import { fakeAnswer } from "../../bench/llm-fake-answers";
import { lagOf, parseOverlap, type Overlap } from "../../server/agents/overlap";
import { LlmClient } from "../../server/mind/llm/llm-client";
import { LlmMind } from "../../server/mind/llm-mind";
import { OfflineMind } from "../../server/mind/offline/offline-mind";
import { JobQueue, type JobRunner } from "../../server/sim/jobs";
import { createTown } from "../../server/town-factory";
import { restoreTown, snapshotTown } from "../../server/town/snapshot";
import { loadMaze } from "../../server/town-factory";
import { loadScenario } from "../../server/scenarios";
import { startFakeOpenAI } from "../llm/fake-openai-server";

interface Req {
  id: string;
  lag: number;
  /** Real milliseconds before the answer comes. */
  delayMs: number;
}

function queue(step: () => number, log: string[] = []) {
  const runner: JobRunner<Req, string> = {
    channel: (r) => r.id,
    kind: () => "test",
    run: (r) => new Promise((resolve) => setTimeout(() => resolve(r.id), r.delayMs)),
    giveUp: () => null,
    log: (m) => log.push(m),
    lag: (r) => r.lag,
  };
  return new JobQueue(runner, step);
}

describe("a job queue with lags", () => {
  test("an answer is applied at its due step, not before, even when it came at once", async () => {
    let step = 0;
    const q = queue(() => step);
    const applied: string[] = [];
    const apply = (c: string) => applied.push(`${c}@${step}`);
    q.start({ id: "slow-lag0", lag: 0, delayMs: 30 }, 0);
    q.start({ id: "fast-lag2", lag: 2, delayMs: 0 }, 1);
    q.start({ id: "slow-lag1", lag: 1, delayMs: 60 }, 2);
    await q.settle(apply, 0);
    expect(applied).toEqual(["slow-lag0@0"]);
    step = 1;
    await q.settle(apply, 0);
    expect(applied).toEqual(["slow-lag0@0", "slow-lag1@1"]);
    expect(q.busy("fast-lag2")).toBe(true);
    step = 2;
    await q.settle(apply, 0);
    expect(applied).toEqual(["slow-lag0@0", "slow-lag1@1", "fast-lag2@2"]);
    expect(q.busy("fast-lag2")).toBe(false);
  });

  test("a job that applying an answer starts has run to its end when settle returns", async () => {
    // Left running, it would race the next step's jobs in an order set by whatever else
    // the process awaits between steps (a journal's write): recorded and unrecorded runs
    // would differ. It is still applied only at the next boundary.
    const step = 0;
    const q = queue(() => step);
    const applied: string[] = [];
    const apply = (c: string) => {
      applied.push(c);
      if (c === "first") q.start({ id: "second", lag: 0, delayMs: 20 }, 1);
    };
    q.start({ id: "first", lag: 0, delayMs: 0 }, 0);
    await q.settle(apply, 0);
    expect(applied).toEqual(["first"]);
    expect(q.busy("second")).toBe(true);
    expect(q.applyFinished(apply, 0)).toBe(1);
    expect(applied).toEqual(["first", "second"]);
  });

  test("settle waits only for the answers due now: later ones keep running meanwhile", async () => {
    let step = 0;
    const q = queue(() => step);
    const applied: string[] = [];
    q.start({ id: "later", lag: 5, delayMs: 200 }, 0);
    q.start({ id: "now", lag: 0, delayMs: 5 }, 1);
    await q.settle((c) => applied.push(c), 0);
    expect(applied).toEqual(["now"]);
    expect(q.busy("later")).toBe(true); // still on its way: settle did not wait for it
    step = 5;
    await q.settle((c) => applied.push(c), 0);
    expect(applied).toEqual(["now", "later"]);
  });

  test("a saved lagged job keeps its due step, and its answer once it came", async () => {
    let step = 3;
    const q = queue(() => step);
    q.start({ id: "a", lag: 4, delayMs: 1 }, 0);
    const saved = q.pending();
    expect(saved).toEqual([{ request: { id: "a", lag: 4, delayMs: 1 }, order: 0, attempt: 1, dueStep: 7, seq: 1 }]);
    step = 6;
    const q2 = queue(() => step);
    q2.restore(saved, {});
    expect(q2.pending()[0].dueStep).toBe(7);
    await q.drain();
    expect(q.pending()[0].answer).toBe("a");
    const q3 = queue(() => step);
    q3.restore(q.pending(), {});
    const applied: string[] = [];
    step = 7;
    await q3.settle((c) => applied.push(c), 0);
    expect(applied).toEqual(["a"]);
    await q2.drain();
  });
});

test("--overlap values: one number or three, whole and bounded", () => {
  expect(parseOverlap("4")).toEqual({ background: 4, decisions: 4, lines: 4 });
  expect(parseOverlap("30, 6, 3")).toEqual({ background: 30, decisions: 6, lines: 3 });
  for (const bad of ["", "1,2", "-1", "1.5", "a,b,c", "99999"]) expect(() => parseOverlap(bad)).toThrow(/overlap/);
  const o: Overlap = { background: 9, decisions: 2, lines: 1 };
  expect(lagOf(o, { kind: "plant", resident: "r0" } as never)).toBe(0);
  expect(lagOf(o, { kind: "remember", resident: "r0", events: [] } as never)).toBe(9);
});

describe("a town with overlapping calls", () => {
  const OVERLAP: Overlap = { background: 12, decisions: 4, lines: 2 };
  const STEPS = 8 * 360; // midnight to 8 am: everyone plans, wakes, goes out

  /** ville-3 on LlmMind against a server with seeded random delays, overlapping; the town's state after STEPS. */
  async function morning(delaySeed: number, overlap: Overlap): Promise<{ snapshot: string; order: string; inFlight: number }> {
    const server = await startFakeOpenAI({ answer: fakeAnswer, delaySeed, delayRangeMs: [0, 8] });
    try {
      const config = { apiKey: "test", baseURL: server.url, model: "gpt-4o-mini", embeddingModel: "text-embedding-3-small", timeoutMs: 10_000, concurrency: 4, budgetUsd: undefined };
      const mind = new LlmMind({ client: new LlmClient({ config }), config, fallbackMind: new OfflineMind(1) });
      const town = createTown({ scenario: "ville-3", seed: 1, mind, overlap });
      await town.settle();
      for (let i = 0; i < STEPS; i++) {
        town.step();
        await town.settle();
      }
      await town.drain();
      const snapshot = JSON.stringify({ ...snapshotTown(town), mind: null });
      return { snapshot, order: server.requests.map((r) => JSON.stringify(r.body)).join("\n"), inFlight: server.stats().maxInFlight };
    } finally {
      await server.close();
    }
  }

  test("two runs with different delays end in the same state, and calls of several steps were in flight at once", async () => {
    const a = await morning(1, OVERLAP);
    const b = await morning(2, OVERLAP);
    expect(a.order).not.toBe(b.order);
    expect(b.snapshot).toBe(a.snapshot);
    expect(a.inFlight).toBeGreaterThan(1);
    const state = JSON.parse(a.snapshot) as { residents: { actionLog: unknown[] }[]; jobs: { pending: { dueStep?: number }[] } };
    for (const r of state.residents) expect(r.actionLog.length).toBeGreaterThan(1);
  }, 240_000);

  test("a resumed overlapping run is the same run", async () => {
    const maze = loadMaze("ville");
    const scenario = loadScenario("ville-3");
    const make = () => new OfflineMind(1);
    const straight = createTown({ scenario: "ville-3", seed: 1, mind: make(), overlap: OVERLAP });
    await straight.settle();
    for (let i = 0; i < 3400; i++) {
      straight.step();
      await straight.settle();
    }
    const first = createTown({ scenario: "ville-3", seed: 1, mind: make(), overlap: OVERLAP });
    await first.settle();
    for (let i = 0; i < 2501; i++) {
      first.step();
      await first.settle();
    }
    const saved = JSON.parse(JSON.stringify(snapshotTown(first)));
    expect(saved.jobs.pending.some((j: { dueStep?: number }) => j.dueStep !== undefined)).toBe(true);
    const resumed = restoreTown(saved, { maze, scenario, mind: make(), overlap: OVERLAP });
    for (let i = 2501; i < 3400; i++) {
      resumed.step();
      await resumed.settle();
    }
    expect(JSON.stringify(snapshotTown(resumed))).toBe(JSON.stringify(snapshotTown(straight)));
  }, 120_000);
});
