/**
 * A resident's reply on a language model streams to every viewer: `chat-delta` messages
 * with the text so far, then the final `chat` with the same draft id. Real HTTP to the
 * loopback OpenAI-compatible test server. (Its own file: one Colyseus server per process.)
 */
import { matchMaker } from "@colyseus/core";
import { fakeAnswer } from "../../bench/llm-fake-answers";
import type { ChatDelta, ChatMessage } from "../../shared/protocol";
import { LlmClient } from "../../server/mind/llm/llm-client";
import { LlmMind } from "../../server/mind/llm-mind";
import { OfflineMind } from "../../server/mind/offline/offline-mind";
import { startFakeOpenAI, type FakeOpenAI } from "../llm/fake-openai-server";
import { boot, FAST_TOWN, Inbox, newToken, until, type Booted, type Joined } from "./harness";
import { agentId, awake, host, walkBeside } from "./people-helpers";

let fake: FakeOpenAI;
let booted: Booted;

beforeAll(async () => {
  // Small chunks with a pause between them, so a reply takes several deltas.
  fake = await startFakeOpenAI({ answer: fakeAnswer, streamChunkDelayMs: 15, streamChunkChars: 6 });
  const config = { apiKey: "test", baseURL: fake.url, model: "gpt-4o-mini", embeddingModel: "text-embedding-3-small", timeoutMs: 10_000, concurrency: 4, budgetUsd: undefined };
  booted = await boot({
    ...FAST_TOWN,
    stepMs: 100,
    makeMind: (seed) => new LlmMind({ client: new LlmClient({ config }), config, fallbackMind: new OfflineMind(seed), warn: () => undefined }),
  });
});
afterAll(async () => {
  await booted.running.close();
  await fake.close();
});

async function create(options: Record<string, unknown>): Promise<Joined> {
  const room = await booted.colyseus.sdk.create("town", options);
  const inbox = new Inbox(room);
  await room.waitForInitialState();
  return { room: room as Joined["room"], inbox, welcome: await inbox.next("welcome") };
}

test("a resident's reply arrives as growing deltas, then as the final line, for every viewer", async () => {
  const ana = await create({ scenario: "ville-3", private: true, playerName: "Ana", token: newToken() });
  const watcher = new Inbox(await booted.colyseus.sdk.joinById(ana.welcome.town.roomId, { spectator: true }));
  const isabella = agentId(ana, "Isabella Rodriguez");
  await awake(ana, isabella);
  await host(ana, { action: "pause" });
  await walkBeside(ana, isabella, [], matchMaker.getLocalRoomById(ana.welcome.town.roomId));
  ana.room.send("say", { text: "Hello Isabella! How is the cafe today?", to: isabella });
  await host(ana, { action: "resume" });

  for (const inbox of [ana.inbox, watcher]) {
    const at = await until(() => inbox.received.findIndex((m) => m.type === "chat" && m.payload.from === isabella), (i) => i >= 0, "Isabella's reply", 30_000);
    const final = inbox.received[at].payload as ChatMessage;
    expect(final).toMatchObject({ to: ana.welcome.playerId, channel: "conversation", draftId: expect.any(String) });
    const deltas = inbox.received.flatMap((m, i) => (m.type === "chat-delta" && m.payload.draftId === final.draftId ? [{ i, d: m.payload as ChatDelta }] : []));
    // Several deltas, all before the final line, each the text so far: a prefix of the next.
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.every(({ i }) => i < at)).toBe(true);
    expect(deltas.every(({ d }) => d.from === isabella && d.conversationId === final.conversationId)).toBe(true);
    for (let k = 1; k < deltas.length; k++) expect(deltas[k].d.text.startsWith(deltas[k - 1].d.text)).toBe(true);
    expect(final.text.startsWith(deltas[deltas.length - 1].d.text)).toBe(true);
  }
}, 60_000);
