/**
 * Overlapping thinking in lockstep (server/agents/overlap.ts): a `ville-25` game day on
 * LlmMind against the loopback fake server where every answer, embeddings included,
 * comes `answerMs` after the request, with 8 model slots; once as the paper's lockstep
 * (each step waits for every answer) and once with `--overlap on`. The floor is what the
 * concurrency limit allows: requests x answerMs / slots. Both runs are lockstep and
 * reproducible; the second overlaps the calls of many steps.
 *
 *   npx tsx bench/overlap.ts [--answer-ms 500] [--days 1] [--scenario ville-25]
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { DEFAULT_OVERLAP, type Overlap } from "../server/agents/overlap";
import { LlmClient } from "../server/mind/llm/llm-client";
import { LlmMind } from "../server/mind/llm-mind";
import { OfflineMind } from "../server/mind/offline/offline-mind";
import { createTown } from "../server/town-factory";
import { startFakeOpenAI } from "../tests/llm/fake-openai-server";
import { fakeAnswer } from "./llm-fake-answers";
import type { Figure } from "./record";

export const SLOTS = 8;

export interface OverlapRun {
  overlap: Overlap | null;
  wallSeconds: number;
  requests: number;
  /** requests x answer time / slots: no run on this many slots can be faster. */
  floorSeconds: number;
  conversations: number;
  reflections: number;
  fallbacks: number;
}

export async function overlapRun(overlap: Overlap | null, opts: { answerMs: number; days: number; scenario: string }): Promise<OverlapRun> {
  const fake = await startFakeOpenAI({ answer: fakeAnswer, delayMs: opts.answerMs });
  try {
    const config = { apiKey: "bench", baseURL: fake.url, model: "gpt-4o-mini", embeddingModel: "text-embedding-3-small", timeoutMs: 60_000, concurrency: SLOTS, budgetUsd: undefined };
    const mind = new LlmMind({ client: new LlmClient({ config }), config, fallbackMind: new OfflineMind(1) });
    const town = createTown({ scenario: opts.scenario, seed: 1, mind, overlap: overlap ?? undefined });
    const t0 = performance.now();
    await town.settle();
    const steps = Math.round(opts.days * town.clock.stepsPerDay);
    for (let i = 0; i < steps; i++) {
      town.step();
      await town.settle();
    }
    await town.drain();
    const wallSeconds = (performance.now() - t0) / 1000;
    const requests = fake.requests.length;
    return {
      overlap,
      wallSeconds,
      requests,
      floorSeconds: (requests * opts.answerMs) / 1000 / SLOTS,
      conversations: town.conversations.log.length,
      reflections: town.allResidents().reduce((n, r) => n + r.reflections, 0),
      fallbacks: mind.usage.snapshot().total.fallbacks,
    };
  } finally {
    await fake.close();
  }
}

export function overlapLine(r: OverlapRun): string {
  const how = r.overlap ? `overlap ${r.overlap.background},${r.overlap.decisions},${r.overlap.lines}` : "no overlap";
  return `${how}: ${r.wallSeconds.toFixed(1)} s for ${r.requests} requests (floor ${r.floorSeconds.toFixed(1)} s, x${(r.wallSeconds / r.floorSeconds).toFixed(2)}); ${r.conversations} conversations, ${r.reflections} reflections, ${r.fallbacks} fallbacks`;
}

export async function overlapFigures(opts = { answerMs: 500, days: 1, scenario: "ville-25" }, log: (line: string) => void = () => {}): Promise<Record<string, Figure>> {
  const plain = await overlapRun(null, opts);
  log(overlapLine(plain));
  const over = await overlapRun(DEFAULT_OVERLAP, opts);
  log(overlapLine(over));
  const group = `Overlapping thinking: \`${opts.scenario}\`, ${opts.days} game day on model answers of ${opts.answerMs} ms, ${SLOTS} slots`;
  const command = `npm run bench -- overlap`;
  const fig = (name: string, unit: string, v: number, digits: number, note?: string): Figure => ({ group, name, unit, runs: [v], command, digits, note });
  return {
    "overlap.plain.wall": fig("lockstep, each step waits for every answer", "s", plain.wallSeconds, 0, `${plain.requests} requests, floor ${plain.floorSeconds.toFixed(0)} s`),
    "overlap.plain.ratio": fig("lockstep: wall time over the concurrency floor", "x", plain.wallSeconds / plain.floorSeconds, 2),
    "overlap.on.wall": fig(`\`--overlap on\` (${DEFAULT_OVERLAP.background},${DEFAULT_OVERLAP.decisions},${DEFAULT_OVERLAP.lines} steps)`, "s", over.wallSeconds, 0, `${over.requests} requests, floor ${over.floorSeconds.toFixed(0)} s`),
    "overlap.on.ratio": fig("`--overlap on`: wall time over the concurrency floor", "x", over.wallSeconds / over.floorSeconds, 2),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({ options: { "answer-ms": { type: "string", default: "500" }, days: { type: "string", default: "1" }, scenario: { type: "string", default: "ville-25" } } });
  const opts = { answerMs: Number(values["answer-ms"]), days: Number(values.days), scenario: values.scenario };
  for (const o of [null, DEFAULT_OVERLAP]) console.log(overlapLine(await overlapRun(o, opts)));
}
