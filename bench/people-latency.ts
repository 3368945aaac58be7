/**
 * Line to first streamed token: a person says a line to a resident, and the resident's
 * answer starts to show. A real server on loopback whose towns run LlmMind against the
 * fake OpenAI-compatible server (tests/llm/fake-openai-server.ts) with streamed answers:
 * utterances wait `answerDelayMs` before the stream starts, then one chunk of 8
 * characters every `chunkDelayMs`; every other question is answered at once. A bot
 * player creates the town (so it is its host), pauses the town while it walks up to an
 * awake resident, resumes, and says numbered lines `to` it, one after the other answer.
 *
 * Per line: real ms from the send to the first `chat-delta` of the resident's answer,
 * less the fake server's own delay to the first chunk that carries text (the server's
 * overhead). The overhead is split into: the wait for the next simulation step (a
 * resident's turn in a conversation is started by the step, not by the line), the step
 * to the model request (retrieval, an embedding round trip, the prompt), and the first
 * text chunk to the client's `chat-delta`.
 *
 * `npx tsx bench/people-latency.ts [--lines 60] [--step-ms 1000] [--answer-ms 100] [--chunk-ms 20]`
 */
import { EventEmitter } from "node:events";
import { performance } from "node:perf_hooks";
import { Client, type Room } from "@colyseus/sdk";
import { startServer } from "../server/app";
import { LlmClient } from "../server/mind/llm/llm-client";
import { partialStringField } from "../server/mind/llm/partial-json";
import { LlmMind } from "../server/mind/llm-mind";
import { OfflineMind } from "../server/mind/offline/offline-mind";
import { manhattan } from "../server/sim/address";
import { findPath } from "../server/sim/pathfinding";
import { loadMaze } from "../server/town-factory";
import type { ChatDelta, ChatMessage, ErrorMessage, WelcomeMessage } from "../shared/protocol";
import type { TownState } from "../shared/state";
import { startFakeOpenAI, type ChatRequestBody } from "../tests/llm/fake-openai-server";
import { splitContent } from "../tests/llm/fake-openai-stream";
import { fakeAnswer } from "./llm-fake-answers";
import { ensureWebSocket, fmt, isMain, localTownRoom, numberArg, sleep, summarize, until, type Summary } from "./people-common";

/** The fake server's default characters per streamed chunk. */
const CHUNK_CHARS = 8;
/** Lines that get no answer within this long are counted as lost, and the bot moves on. */
const ANSWER_TIMEOUT_MS = 20_000;
/** The LlmClient's concurrency (MIND_CONCURRENCY's default). */
const MODEL_SLOTS = 8;

export interface LatencyOptions {
  lines: number;
  stepMs: number;
  answerDelayMs: number;
  chunkDelayMs: number;
  scenario: string;
}

export const DEFAULT_LATENCY: LatencyOptions = { lines: 60, stepMs: 1000, answerDelayMs: 100, chunkDelayMs: 20, scenario: "ville-25" };

export interface LatencyResult {
  options: LatencyOptions;
  /** Lines that got a streamed answer. */
  lines: number;
  /** The fake's own delay from the request to the first chunk with text in it. */
  fakeFirstTextMs: number;
  /** Send to first chat-delta, all of it. */
  total: Summary;
  /** total less fakeFirstTextMs. */
  overhead: Summary;
  /** Send to the start of the next simulation step. */
  stepWait: Summary;
  /** The step itself: the resident's turn starts at its end. */
  stepDuration: Summary;
  /** The end of that step to the model request arriving at the fake server (retrieval, an embedding request, the prompt). */
  stepToRequest: Summary;
  /** Of which: the end of the step to the embedding request of the retrieval. */
  stepToEmbedding: Summary;
  /** Of which: the embedding request to the chat request. */
  embeddingToRequest: Summary;
  /** The fake's first text chunk (as configured) to the client's chat-delta. */
  chunkToDelta: Summary;
  /** overhead less stepWait: what the server adds once the resident's turn has started. */
  overheadAfterStep: Summary;
  /** Model requests in flight or queued (of MODEL_SLOTS slots) when the resident's turn started. */
  modelQueue: Summary;
  conversations: number;
  /** Lines with no streamed answer (timeouts, refusals, answers from the fallback). */
  unanswered: number;
  errors: Record<string, number>;
}

interface Sample {
  sentAt: number;
  firstDeltaAt: number;
  stepAt: number;
  /** The resident's turn starts at the end of the step (stepConversations). */
  stepEnd: number;
  /** Model requests in flight or waiting for one of the client's slots when the turn started. */
  queuedAtStepEnd: number;
  /** The embedding request of the retrieval (the line's text is embedded). */
  embedAt: number;
  requestAt: number;
}

export async function lineToFirstToken(opts: Partial<LatencyOptions> = {}): Promise<LatencyResult> {
  const o: LatencyOptions = { ...DEFAULT_LATENCY, ...opts };
  ensureWebSocket();
  // The fake's stream adds a "close" listener per chunk and keeps it after the wait: quiet the warning.
  EventEmitter.defaultMaxListeners = Math.max(EventEmitter.defaultMaxListeners, 1000);
  // When each tagged line's utterance request reached the fake server.
  const requestAt = new Map<string, number>();
  const firstTextChunk = new Set<number>();
  const fake = await startFakeOpenAI({
    streamChunkDelayMs: o.chunkDelayMs,
    answer: async (body: ChatRequestBody) => {
      const content = fakeAnswer(body);
      if (body.stream !== true) return content;
      const arrived = performance.now();
      const user = body.messages.map((m) => m.content).join("\n");
      const tag = /\bQ(\d+)-bench\b/g;
      let last: string | undefined;
      for (const m of user.matchAll(tag)) last = m[0];
      if (last && !requestAt.has(last)) requestAt.set(last, arrived);
      firstTextChunk.add(firstTextChunkIndex(content));
      await sleep(o.answerDelayMs);
      return content;
    },
  });
  const model = "gpt-4o-mini";
  const clients: LlmClient[] = [];
  const makeMind = (seed: number) => {
    const client = new LlmClient({ config: { apiKey: "bench", baseURL: fake.url, model, embeddingModel: "text-embedding-3-small", timeoutMs: 30_000, concurrency: MODEL_SLOTS, budgetUsd: undefined } });
    clients.push(client);
    return new LlmMind({ client, config: { model, baseURL: fake.url }, fallbackMind: new OfflineMind(seed), warn: () => undefined });
  };
  // Model requests of the town in flight or queued for a slot (one town, one client).
  const modelQueue = () => clients.reduce((n, c) => n + c.limiter.activeCount + c.limiter.pendingCount, 0);
  const server = await startServer({ port: 0, host: "127.0.0.1", scenario: o.scenario, stepMs: o.stepMs, seed: 1, defaultTown: false, makeMind });
  const errors: Record<string, number> = {};
  const samples: Sample[] = [];
  let conversations = 0;
  let unanswered = 0;
  let room: Room<any, TownState> | undefined;
  try {
    const client = new Client(`ws://127.0.0.1:${server.port}`);
    room = (await client.create("town", { playerName: "Bench", token: "benchlatencytoken01" })) as Room<any, TownState>;
    const r = room;
    const deltas: { at: number; d: ChatDelta }[] = [];
    const lines: { at: number; l: ChatMessage }[] = [];
    const hostDone: string[] = [];
    let welcome: WelcomeMessage | undefined;
    r.onMessage("welcome", (w: WelcomeMessage) => (welcome = w));
    r.onMessage("chat-delta", (d: ChatDelta) => deltas.push({ at: performance.now(), d }));
    r.onMessage("chat", (l: ChatMessage) => lines.push({ at: performance.now(), l }));
    r.onMessage("host-done", (d: { action: string }) => hostDone.push(d.action));
    r.onMessage("error", (e: ErrorMessage) => (errors[e.code] = (errors[e.code] ?? 0) + 1));
    r.onMessage("*", () => undefined);
    await until(() => welcome, (w) => w !== undefined, "welcome");
    const me = welcome!.playerId;
    const serverRoom = localTownRoom(r.roomId);
    // When each simulation step starts (the room calls town.step() once per step).
    const town = serverRoom.townForTests;
    const steps: { start: number; end: number; queued: number }[] = [];
    const step = town.step.bind(town);
    town.step = () => {
      const start = performance.now();
      step();
      steps.push({ start, end: performance.now(), queued: modelQueue() });
    };
    const host = async (action: "pause" | "resume") => {
      const before = hostDone.filter((a) => a === action).length;
      r.send("host", { action });
      await until(() => hostDone.filter((a) => a === action).length, (n) => n > before, `host ${action}`);
    };
    const maze = loadMaze(r.state.mapName || "ville");
    const myTile = () => {
      const p = r.state.players.get(me);
      return p ? { x: p.x, y: p.y } : null;
    };
    // Residents who can be spoken to: up, doing something, not talking.
    const free = () =>
      [...r.state.agents.entries()].filter(([, a]) => a.action !== "" && !/sleep|bed\b/i.test(a.action) && a.conversationId === "");
    await until(free, (f) => f.length > 0, "an awake resident", 120_000, 100);

    let partner: string | null = null;
    // True until the first line to a new partner (no conversation yet).
    let fresh = false;
    let k = 0;
    while (samples.length < o.lines && k < o.lines * 3) {
      if (partner === null || (!fresh && !isTalkingTo(r, me, partner))) {
        partner = await walkUpToNearest(r, maze, me, myTile, free, host);
        if (partner === null) {
          await sleep(500);
          continue;
        }
        fresh = true;
        conversations++;
      }
      fresh = false;
      const tag = `Q${++k}-bench`;
      const errorsBefore = Object.values(errors).reduce((a, b) => a + b, 0);
      const sentAt = performance.now();
      r.send("say", { text: `${tag}: how is your day going, and what are you working on?`, to: partner });
      const from = partner;
      const got = await waitFor(
        () => deltas.find((x) => x.at >= sentAt && x.d.from === from && x.d.to === me),
        () => Object.values(errors).reduce((a, b) => a + b, 0) > errorsBefore,
        ANSWER_TIMEOUT_MS,
      );
      if (!got) {
        unanswered++;
        partner = null;
        continue;
      }
      // The whole line, applied at a tick, before the next one is said.
      const done = await waitFor(() => lines.find((x) => x.at >= sentAt && x.l.from === from && x.l.draftId === got.d.draftId), () => false, ANSWER_TIMEOUT_MS);
      const at = steps.find((t) => t.start >= sentAt);
      const embedded = fake.requestsTo("embeddings").find((q) => q.receivedAtMs >= sentAt && JSON.stringify(q.body).includes(tag));
      samples.push({ sentAt, firstDeltaAt: got.at, stepAt: at?.start ?? NaN, stepEnd: at?.end ?? NaN, queuedAtStepEnd: at?.queued ?? NaN, embedAt: embedded?.receivedAtMs ?? NaN, requestAt: requestAt.get(tag) ?? NaN });
      if (!done) partner = null;
      else if (!isTalkingTo(r, me, from)) partner = null;
    }
    const fakeFirstTextMs = o.answerDelayMs + o.chunkDelayMs * Math.max(...firstTextChunk);
    const total = samples.map((s) => s.firstDeltaAt - s.sentAt);
    const overhead = total.map((t) => t - fakeFirstTextMs);
    const stepWait = samples.map((s) => s.stepAt - s.sentAt);
    return {
      options: o,
      lines: samples.length,
      fakeFirstTextMs,
      total: summarize(total),
      overhead: summarize(overhead),
      stepWait: summarize(stepWait),
      stepDuration: summarize(samples.map((s) => s.stepEnd - s.stepAt).filter(Number.isFinite)),
      stepToRequest: summarize(samples.map((s) => s.requestAt - s.stepEnd).filter(Number.isFinite)),
      stepToEmbedding: summarize(samples.map((s) => s.embedAt - s.stepEnd).filter(Number.isFinite)),
      embeddingToRequest: summarize(samples.map((s) => s.requestAt - s.embedAt).filter(Number.isFinite)),
      chunkToDelta: summarize(samples.map((s) => s.firstDeltaAt - (s.requestAt + fakeFirstTextMs)).filter(Number.isFinite)),
      overheadAfterStep: summarize(overhead.map((v, i) => v - stepWait[i]).filter(Number.isFinite)),
      modelQueue: summarize(samples.map((s) => s.queuedAtStepEnd).filter(Number.isFinite)),
      conversations,
      unanswered,
      errors,
    };
  } finally {
    await room?.leave().catch(() => undefined);
    await server.close();
    await fake.close();
  }
}

/** Index of the first streamed chunk whose text so far has some of the line in it. */
function firstTextChunkIndex(content: string): number {
  const pieces = splitContent(content, CHUNK_CHARS);
  let soFar = "";
  for (let i = 0; i < pieces.length; i++) {
    soFar += pieces[i];
    if ((partialStringField(soFar, "text") ?? "").trim() !== "") return i;
  }
  return pieces.length - 1;
}

function isTalkingTo(r: Room<any, TownState>, me: string, residentId: string): boolean {
  const conv = r.state.players.get(me)?.conversationId ?? "";
  return conv !== "" && r.state.agents.get(residentId)?.conversationId === conv;
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

/** Pauses, walks beside the nearest free resident, resumes; its id, or null when none is reachable. */
async function walkUpToNearest(
  r: Room<any, TownState>,
  maze: ReturnType<typeof loadMaze>,
  me: string,
  myTile: () => { x: number; y: number } | null,
  free: () => [string, { x: number; y: number }][],
  host: (action: "pause" | "resume") => Promise<void>,
): Promise<string | null> {
  await host("pause");
  try {
    const from = myTile()!;
    const options = free()
      .map(([id, a]) => {
        const spot = maze
          .nearbyTiles(a.x, a.y, 2)
          .filter((t) => manhattan(t, a) >= 1 && maze.isWalkable(t.x, t.y) && maze.arenaIdAt(t.x, t.y) === maze.arenaIdAt(a.x, a.y))
          .sort((s, t) => manhattan(s, a) - manhattan(t, a))[0];
        const path = spot ? findPath(maze, from, spot) : null;
        return { id, spot, length: path && path.ok ? path.path.length : Infinity };
      })
      .filter((c) => Number.isFinite(c.length))
      .sort((a, b) => a.length - b.length);
    const best = options[0];
    if (!best) return null;
    if (best.length > 0) {
      r.send("move", best.spot);
      await until(myTile, (t) => t !== null && t.x === best.spot!.x && t.y === best.spot!.y, "the walk to a resident", 60_000);
    }
    return best.id;
  } finally {
    await host("resume");
  }
}

export function latencyLines(r: LatencyResult): string[] {
  const ms = (s: Summary) => `p50 ${fmt(s.p50, 0)} ms, p99 ${fmt(s.p99, 0)} ms`;
  const o = r.options;
  return [
    `${o.scenario}, LlmMind on the fake server (answer after ${o.answerDelayMs} ms, a chunk every ${o.chunkDelayMs} ms: first text ${r.fakeFirstTextMs} ms), step ${o.stepMs} ms: ${r.lines} lines in ${r.conversations} conversation(s), ${r.unanswered} unanswered`,
    `send -> first chat-delta ${ms(r.total)}; server overhead (less the fake's ${r.fakeFirstTextMs} ms) ${ms(r.overhead)}, max ${fmt(r.overhead.max, 0)} ms`,
    `of which: wait for the next step ${ms(r.stepWait)}; the step ${ms(r.stepDuration)}; end of step -> model request ${ms(r.stepToRequest)} (-> embedding request ${ms(r.stepToEmbedding)}, embedding -> chat request ${ms(r.embeddingToRequest)}); first text chunk -> chat-delta ${ms(r.chunkToDelta)}; overhead once the step has started ${ms(r.overheadAfterStep)}`,
    `model requests in flight or queued when the turn started (the client has ${MODEL_SLOTS} slots, no priority): p50 ${fmt(r.modelQueue.p50, 0)}, p99 ${fmt(r.modelQueue.p99, 0)}, max ${fmt(r.modelQueue.max, 0)}`,
    ...(Object.keys(r.errors).length > 0 ? [`errors: ${JSON.stringify(r.errors)}`] : []),
  ];
}

if (isMain(import.meta.url)) {
  const opts: Partial<LatencyOptions> = {
    lines: numberArg("lines", DEFAULT_LATENCY.lines),
    stepMs: numberArg("step-ms", DEFAULT_LATENCY.stepMs),
    answerDelayMs: numberArg("answer-ms", DEFAULT_LATENCY.answerDelayMs),
    chunkDelayMs: numberArg("chunk-ms", DEFAULT_LATENCY.chunkDelayMs),
  };
  lineToFirstToken(opts).then(
    (r) => {
      for (const line of latencyLines(r)) console.log(`latency: ${line}`);
      process.exit(0);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
