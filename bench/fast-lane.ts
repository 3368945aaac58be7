/**
 * A fast lane for people: how long a person waits for a resident's reply in a busy town,
 * with the LlmClient's two-lane limiter (`laneLimiter`: a resident's line to a person goes
 * before residents' background questions) and with a plain p-limit queue of as many slots.
 *
 * Each run is a real server on loopback whose `ville-25` town (starting at 8 am, so the
 * residents are up and planning, perceiving and deciding) runs LlmMind against the fake
 * OpenAI-compatible server (tests/llm/fake-openai-server.ts) with `fakeAnswer`; every
 * answer, embeddings included, comes after `answerDelayMs`, a streamed one in one go.
 * The default step is 100 ms (10x speed): at 1000 ms the 8 slots keep up once the
 * morning's plans are made (about 12 s in), and the queue is empty. After `warmupMs` a
 * person (an SDK client) walks up to the nearest free resident and says `lines` numbered
 * lines `to` it, each right after the resident's reply arrived. Per line: real ms from
 * the send to the resident's `chat` line, and to its first `chat-delta`. Runs alternate
 * between the two limiters so that the machine's load falls on both alike.
 *
 * `npx tsx bench/fast-lane.ts [--runs 3] [--lines 20] [--warmup-s 20] [--answer-ms 500] [--step-ms 100]`
 */
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { Client, type Room } from "@colyseus/sdk";
import pLimit from "p-limit";
import { startServer } from "../server/app";
import { laneLimiter } from "../server/mind/llm/lane-limiter";
import { LlmClient, type Limiter } from "../server/mind/llm/llm-client";
import { LlmMind } from "../server/mind/llm-mind";
import { OfflineMind } from "../server/mind/offline/offline-mind";
import { manhattan } from "../server/sim/address";
import { findPath } from "../server/sim/pathfinding";
import { loadMaze } from "../server/town-factory";
import { EARSHOT_TILES, TALK_TILES } from "../server/town/town";
import type { ChatDelta, ChatMessage, ErrorMessage, WelcomeMessage } from "../shared/protocol";
import type { TownState } from "../shared/state";
import { startFakeOpenAI } from "../tests/llm/fake-openai-server";
import { fakeAnswer } from "./llm-fake-answers";
import type { Figure } from "./record";
import { ensureWebSocket, fmt, isMain, median, numberArg, sleep, summarize, until, type Summary } from "./people-common";

/** The LlmClient's concurrency (MIND_CONCURRENCY's default). */
const MODEL_SLOTS = 8;
/** A reply later than this counts as lost; without the lane one waits behind the whole queue. */
const REPLY_TIMEOUT_MS = 300_000;
/** 8 am on the scenario's day: residents are awake and busy from the first step. */
const START_TIME = "2023-02-13T08:00:00Z";
const QUEUE_SAMPLE_MS = 250;

export type Variant = "lane" | "plain";
const VARIANT_NAME: Record<Variant, string> = { lane: "fast lane (laneLimiter)", plain: "no lane (p-limit)" };

export interface LaneOptions {
  runs: number;
  lines: number;
  warmupMs: number;
  answerDelayMs: number;
  stepMs: number;
  scenario: string;
}

export const DEFAULT_LANE: LaneOptions = { runs: 3, lines: 20, warmupMs: 20_000, answerDelayMs: 500, stepMs: 100, scenario: "ville-25" };

export interface LaneRun {
  variant: Variant;
  /** Send -> the resident's `chat` line. */
  reply: Summary;
  /** Send -> its first `chat-delta`. */
  firstDelta: Summary;
  /** Model requests waiting for a slot (`limiter.pendingCount`) at the end of the warm-up. */
  queueAfterWarmup: number;
  /** The same, sampled every QUEUE_SAMPLE_MS while the lines were said. */
  queue: Summary;
  /** Lines with no reply within REPLY_TIMEOUT_MS. */
  lost: number;
  /** Replies that came without a stream (the fallback mind answered). */
  unstreamed: number;
  /** Walks up to a resident (1 unless a conversation ended). */
  walks: number;
  /** Lines said again because they were refused or the talk ended before the reply. */
  retried: number;
  seconds: number;
  /** The machine's 1-minute load average at the start and end of the run. */
  load: [number, number];
  errors: Record<string, number>;
}

export async function laneRun(variant: Variant, opts: Partial<LaneOptions> = {}): Promise<LaneRun> {
  const o: LaneOptions = { ...DEFAULT_LANE, ...opts };
  ensureWebSocket();
  const t0 = performance.now();
  const load0 = loadavg()[0];
  const fake = await startFakeOpenAI({ delayMs: o.answerDelayMs, answer: fakeAnswer });
  // One town with one client: this limiter is the town's whole model queue.
  const limiter: Limiter = variant === "lane" ? laneLimiter(MODEL_SLOTS) : pLimit(MODEL_SLOTS);
  const model = "gpt-4o-mini";
  const makeMind = (seed: number) => {
    const client = new LlmClient({ limiter, config: { apiKey: "bench", baseURL: fake.url, model, embeddingModel: "text-embedding-3-small", timeoutMs: 30_000, concurrency: MODEL_SLOTS, budgetUsd: undefined } });
    return new LlmMind({ client, config: { model, baseURL: fake.url }, fallbackMind: new OfflineMind(seed), warn: () => undefined });
  };
  const server = await startServer({ port: 0, host: "127.0.0.1", scenario: o.scenario, stepMs: o.stepMs, startTime: START_TIME, seed: 1, defaultTown: false, makeMind });
  let room: Room<any, TownState> | undefined;
  let sampler: NodeJS.Timeout | undefined;
  try {
    const r = (room = (await new Client(`ws://127.0.0.1:${server.port}`).create("town", { playerName: "Bench", token: "benchfastlanetoken1" })) as Room<any, TownState>);
    const errors: Record<string, number> = {};
    const deltas: { at: number; d: ChatDelta }[] = [];
    const lines: { at: number; l: ChatMessage }[] = [];
    let welcome: WelcomeMessage | undefined;
    r.onMessage("welcome", (w: WelcomeMessage) => (welcome = w));
    r.onMessage("chat-delta", (d: ChatDelta) => deltas.push({ at: performance.now(), d }));
    r.onMessage("chat", (l: ChatMessage) => lines.push({ at: performance.now(), l }));
    r.onMessage("error", (e: ErrorMessage) => (errors[e.code] = (errors[e.code] ?? 0) + 1));
    r.onMessage("*", () => undefined);
    await until(() => welcome, (w) => w !== undefined, "welcome");
    const me = welcome!.playerId;
    const maze = loadMaze(r.state.mapName || "ville");
    const free = () => [...r.state.agents.entries()].filter(([, a]) => a.action !== "" && !/sleep|bed\b/i.test(a.action) && a.conversationId === "");
    const talkingTo = (id: string) => {
      const conv = r.state.players.get(me)?.conversationId ?? "";
      return conv !== "" && r.state.agents.get(id)?.conversationId === conv;
    };
    const besideOf = (a: { x: number; y: number }) => maze.nearbyTiles(a.x, a.y, TALK_TILES).filter((t) => maze.arenaIdAt(t.x, t.y) === maze.arenaIdAt(a.x, a.y));
    /** Sends the person to the nearest of `tiles`; false when none is reachable. */
    const headFor = (from: { x: number; y: number }, tiles: { x: number; y: number }[]) => {
      const path = findPath(maze, { x: from.x, y: from.y }, tiles);
      const goal = path.ok ? path.path[path.path.length - 1] : undefined;
      if (goal) r.send("move", { x: goal.x, y: goal.y });
      return path.ok;
    };
    // No pause (the host could pause the town, but the queue would drain meanwhile): head for
    // the nearest free resident, aiming again as they move, until one is within earshot.
    const walkUp = async (): Promise<string | null> => {
      const deadline = performance.now() + 60_000;
      let aimedAt = -Infinity;
      while (performance.now() < deadline) {
        const p = r.state.players.get(me)!;
        const near = free().find(([, a]) => manhattan(a, p) <= EARSHOT_TILES - 2);
        if (near) {
          // Stay with this one: a goal beside another resident would take the person out of the talk.
          if (!headFor(p, besideOf(near[1]))) r.send("stop", {});
          return near[0];
        }
        if (performance.now() - aimedAt > 1000) {
          headFor(p, free().flatMap(([, a]) => besideOf(a)));
          aimedAt = performance.now();
        }
        await sleep(50);
      }
      return null;
    };

    await sleep(Math.max(0, o.warmupMs - (performance.now() - t0)));
    await until(free, (f) => f.length > 0, "a free resident", 120_000, 100);
    const queueAfterWarmup = limiter.pendingCount;
    const queueSamples: number[] = [];
    sampler = setInterval(() => queueSamples.push(limiter.pendingCount), QUEUE_SAMPLE_MS);
    const reply: number[] = [];
    const firstDelta: number[] = [];
    let lost = 0, unstreamed = 0, walks = 0, retried = 0;
    let partner: string | null = null;
    for (let k = 1; k <= o.lines; k++) {
      if (partner === null || !talkingTo(partner)) {
        // A conversation that ended can start again with the same resident while it is near.
        if (partner === null || !free().some(([id]) => id === partner)) {
          partner = await walkUp();
          walks++;
        }
        if (partner === null) throw new Error("no resident to talk to");
      }
      const to = partner;
      const errorCount = () => Object.values(errors).reduce((a, b) => a + b, 0);
      const errorsBefore = errorCount();
      const sentAt = performance.now();
      r.send("say", { text: `Line ${k}: how is your day going, and what are you working on?`, to });
      // Refused (out of earshot), or the talk ended before the reply (the state shows it within a tick or two).
      const failed = () => errorCount() > errorsBefore || (performance.now() - sentAt > 1000 && !talkingTo(to));
      const got = await waitFor(() => lines.find((x) => x.at >= sentAt && x.l.from === to && x.l.to === me), failed, REPLY_TIMEOUT_MS);
      if (!got) {
        // Walk up and say it again: only a line the resident could answer is a sample.
        if (failed() && ++retried <= o.lines) k--;
        else lost++;
        partner = null;
        continue;
      }
      reply.push(got.at - sentAt);
      const delta = got.l.draftId === undefined ? undefined : deltas.find((x) => x.at >= sentAt && x.d.draftId === got.l.draftId);
      if (delta) firstDelta.push(delta.at - sentAt);
      else unstreamed++;
    }
    return {
      variant,
      reply: summarize(reply),
      firstDelta: summarize(firstDelta),
      queueAfterWarmup,
      queue: summarize(queueSamples),
      lost,
      unstreamed,
      walks,
      retried,
      seconds: (performance.now() - t0) / 1000,
      load: [load0, loadavg()[0]],
      errors,
    };
  } finally {
    clearInterval(sampler);
    await room?.leave().catch(() => undefined);
    await server.close();
    await fake.close();
  }
}

/** Polls for `found`; null on timeout or as soon as `failed()`. */
async function waitFor<T>(found: () => T | undefined, failed: () => boolean, timeoutMs: number): Promise<T | null> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const v = found();
    if (v !== undefined) return v;
    if (failed() || performance.now() > deadline) return null;
    await sleep(2);
  }
}

export interface LaneResult {
  options: LaneOptions;
  runs: LaneRun[];
}

/** `runs` runs of each variant, alternating, the fast lane first. */
export async function fastLaneBench(opts: Partial<LaneOptions> = {}, onRun?: (run: LaneRun, index: number) => void): Promise<LaneResult> {
  const o: LaneOptions = { ...DEFAULT_LANE, ...opts };
  const runs: LaneRun[] = [];
  for (let i = 0; i < o.runs * 2; i++) {
    const run = await laneRun(i % 2 === 0 ? "lane" : "plain", o);
    runs.push(run);
    onRun?.(run, i);
  }
  return { options: o, runs };
}

export function laneRunLine(run: LaneRun, index: number): string {
  const ms = (s: Summary) => `p50 ${fmt(s.p50, 0)} ms, p99 ${fmt(s.p99, 0)} ms`;
  return [
    `run ${index + 1}, ${VARIANT_NAME[run.variant]}: ${run.reply.n} replies (${run.lost} lost, ${run.unstreamed} unstreamed, ${run.walks} walk(s), ${run.retried} said again) in ${fmt(run.seconds, 0)} s`,
    `line -> reply ${ms(run.reply)}; -> first delta ${ms(run.firstDelta)}`,
    `queue (pendingCount) ${run.queueAfterWarmup} after the warm-up, p50 ${fmt(run.queue.p50, 0)}, max ${fmt(run.queue.max, 0)} while talking`,
    `load ${fmt(run.load[0], 1)} -> ${fmt(run.load[1], 1)}${Object.keys(run.errors).length > 0 ? `; errors ${JSON.stringify(run.errors)}` : ""}`,
  ].join("; ");
}

/** Medians (and ranges) over the runs of each variant. */
export function laneLines(r: LaneResult): string[] {
  const o = r.options;
  const mr = (values: number[], unit = " ms") => `${fmt(median(values), 0)}${unit} (${fmt(Math.min(...values), 0)}-${fmt(Math.max(...values), 0)})`;
  const out = [`${o.scenario} from 8 am, LlmMind on the fake server (every answer after ${o.answerDelayMs} ms), ${MODEL_SLOTS} model slots, step ${o.stepMs} ms, ${fmt(o.warmupMs / 1000, 0)} s warm-up, ${o.lines} lines per run, ${o.runs} runs each, alternating`];
  for (const v of ["lane", "plain"] as const) {
    const runs = r.runs.filter((x) => x.variant === v);
    out.push(
      `${VARIANT_NAME[v]}: line -> reply p50 ${mr(runs.map((x) => x.reply.p50))}, p99 ${mr(runs.map((x) => x.reply.p99))}; first delta p50 ${mr(runs.map((x) => x.firstDelta.p50))}, p99 ${mr(runs.map((x) => x.firstDelta.p99))}; queue after the warm-up ${mr(runs.map((x) => x.queueAfterWarmup), "")}, p50 while talking ${mr(runs.map((x) => x.queue.p50), "")}; lost ${runs.reduce((n, x) => n + x.lost, 0)}`,
    );
  }
  return out;
}

/** The figures kept in docs/BENCHMARKS.md: a person's line -> reply, p50 and p99, per variant (each run's value). */
export function laneFigures(r: LaneResult): Record<string, Figure> {
  const o = r.options;
  const group = `A person's reply in a busy town (\`${o.scenario}\` from 8 am, model answers of ${o.answerDelayMs} ms, ${MODEL_SLOTS} slots, step ${o.stepMs} ms)`;
  const out: Record<string, Figure> = {};
  for (const v of ["lane", "plain"] as const) {
    const runs = r.runs.filter((x) => x.variant === v);
    for (const q of ["p50", "p99"] as const) {
      out[`lane.${v}.${q}`] = { group, name: `${VARIANT_NAME[v]}: line -> reply ${q} (${o.lines} lines a run)`, unit: "ms", runs: runs.map((x) => x.reply[q]), command: "npm run bench -- lane", digits: 0 };
    }
  }
  return out;
}

if (isMain(import.meta.url)) {
  const opts: Partial<LaneOptions> = {
    runs: numberArg("runs", DEFAULT_LANE.runs),
    lines: numberArg("lines", DEFAULT_LANE.lines),
    warmupMs: numberArg("warmup-s", DEFAULT_LANE.warmupMs / 1000) * 1000,
    answerDelayMs: numberArg("answer-ms", DEFAULT_LANE.answerDelayMs),
    stepMs: numberArg("step-ms", DEFAULT_LANE.stepMs),
  };
  fastLaneBench(opts, (run, i) => console.log(`lane: ${laneRunLine(run, i)}`)).then(
    (r) => {
      for (const line of laneLines(r)) console.log(`lane: ${line}`);
      process.exit(0);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
