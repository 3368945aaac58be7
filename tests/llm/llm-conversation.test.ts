/**
 * Conversations on LlmMind over real HTTP (the fake server with realistic answers): two
 * residents alone cost one question for all their lines, said one per step as written;
 * a conversation with a person is asked line by line; a person who joins a written one
 * turns the rest of it back into line-by-line questions.
 */
import { fakeAnswer } from "../../bench/llm-fake-answers";
import { LlmClient } from "../../server/mind/llm/llm-client";
import { LlmMind } from "../../server/mind/llm-mind";
import { OfflineMind } from "../../server/mind/offline/offline-mind";
import type { Conversation } from "../../server/sim/conversations";
import { createTown } from "../../server/town-factory";
import type { Town } from "../../server/town/town";
import { startFakeOpenAI, type ChatRequestBody, type FakeOpenAI } from "./fake-openai-server";

let fake: FakeOpenAI;

beforeEach(async () => {
  fake = await startFakeOpenAI({ answer: fakeAnswer });
});

afterEach(async () => {
  await fake.close();
});

function townOnModel(startTime?: string): { town: Town; mind: LlmMind } {
  const config = { apiKey: "test", baseURL: fake.url, model: "gpt-4o-mini", embeddingModel: "text-embedding-3-small", timeoutMs: 10_000, concurrency: 4, budgetUsd: undefined };
  const mind = new LlmMind({ client: new LlmClient({ config }), config, fallbackMind: new OfflineMind(1), warn: () => undefined });
  return { town: createTown({ scenario: "ville-3", seed: 1, mind, ...(startTime !== undefined && { startTime }) }), mind };
}

async function runUntil(town: Town, maxSteps: number, done: () => boolean): Promise<void> {
  for (let i = 0; i < maxSteps && !done(); i++) {
    town.step();
    await town.settle();
  }
}

/** Chat requests of one question whose prompt mentions `text`. */
function asked(question: string, text = ""): ChatRequestBody[] {
  return fake
    .requestsTo("chat")
    .map((r) => r.body as ChatRequestBody)
    .filter((b) => b.response_format?.json_schema?.name === question && b.messages.some((m) => m.content.includes(text)));
}

const residentTalk = (town: Town) => town.conversations.log.find((c) => c.members.every((m) => m.who.kind === "resident"));

test("two residents alone: one question for the whole exchange, its lines said one per step, alternating, then recalled", async () => {
  const { town } = townOnModel();
  await runUntil(town, town.clock.stepsPerDay, () => residentTalk(town)?.ended === true);
  const conv = residentTalk(town)!;
  expect(conv.ended).toBe(true);
  const [a, b] = conv.members.map((m) => town.resident(m.who.id)!);

  expect(asked("conversation", a.persona.firstName)).toHaveLength(1);
  expect(asked("utterance")).toEqual([]);
  expect(conv.lines.length).toBeGreaterThan(2);
  expect(conv.lines.length).toBeLessThanOrEqual(16);
  conv.lines.forEach((line, i) => {
    expect(line.speaker.id).toBe(i % 2 === 0 ? a.id : b.id);
    expect(line.to?.id).toBe(i % 2 === 0 ? b.id : a.id);
    // One line per step: each said at least one step after the one before.
    if (i > 0) expect(line.gameTimeMs - conv.lines[i - 1].gameTimeMs).toBeGreaterThanOrEqual(town.clock.msPerStep);
  });
  expect(conv.script).toBeUndefined();
  // Both keep the talk, with notes that came with the exchange: no summary or post-chat question.
  await runUntil(town, 5, () => false);
  for (const r of [a, b]) expect(r.memory.nodes().some((n) => n.kind === "chat" && n.transcript?.length === conv.lines.length)).toBe(true);
  expect([...asked("chat_summary"), ...asked("post_chat")]).toEqual([]);
});

test("a conversation with a person stays one question per resident line", async () => {
  const { town } = townOnModel("2023-02-13T09:00:00Z");
  await runUntil(town, 30, () => false);
  const isabella = town.residentByName("Isabella Rodriguez")!;
  town.addPlayer("sess-pat", "Pat", "player_1");
  const spot = [[1, 0], [-1, 0], [0, 1], [0, -1]].map(([dx, dy]) => ({ x: isabella.tile.x + dx, y: isabella.tile.y + dy })).find((t) => town.maze.isWalkable(t.x, t.y))!;
  expect(town.movePlayerTo("sess-pat", spot.x, spot.y)).toMatchObject({ ok: true });
  town.advancePlayers(10 * 60_000);

  let conv: Conversation | undefined;
  for (const text of ["Hello Isabella!", "What are you up to today?", "Sounds fun, see you there."]) {
    const said = town.say("sess-pat", text, isabella.id);
    if (!said.ok) throw new Error(said.message);
    conv = town.conversations.find(said.line.conversationId)!;
    const before = conv.lines.length;
    await runUntil(town, 20, () => conv!.lines.length > before && conv!.lines.at(-1)!.speaker.kind === "resident");
  }
  const hers = conv!.lines.filter((l) => l.speaker.id === isabella.id);
  expect(hers.length).toBeGreaterThanOrEqual(3);
  expect(asked("utterance", "Pat")).toHaveLength(hers.length);
  expect(asked("conversation", "Pat")).toEqual([]);
});

test("a person who joins a written exchange: the rest is asked line by line", async () => {
  const { town } = townOnModel();
  await runUntil(town, town.clock.stepsPerDay, () => (residentTalk(town)?.script?.length ?? 0) > 4);
  const conv = residentTalk(town)!;
  expect(conv.script!.length).toBeGreaterThan(4);
  const resident = town.resident(conv.members[0].who.id)!;
  town.addPlayer("sess-pat", "Pat", "player_1");
  const spot = [[1, 0], [-1, 0], [0, 1], [0, -1]].map(([dx, dy]) => ({ x: resident.tile.x + dx, y: resident.tile.y + dy })).find((t) => town.maze.isWalkable(t.x, t.y))!;
  expect(town.movePlayerTo("sess-pat", spot.x, spot.y)).toMatchObject({ ok: true });
  town.advancePlayers(10 * 60_000);
  const said = town.say("sess-pat", `Hi ${resident.persona.firstName}, may I join you?`, resident.id);
  if (!said.ok) throw new Error(said.message);
  expect(said.line.conversationId).toBe(conv.id);
  expect(conv.script).toBeUndefined();

  const joinedAt = conv.lines.length;
  await runUntil(town, 10, () => conv.lines.slice(joinedAt).filter((l) => l.speaker.kind === "resident").length >= 2);
  const after = conv.lines.slice(joinedAt).filter((l) => l.speaker.kind === "resident");
  expect(after.length).toBeGreaterThanOrEqual(2);
  // Each resident line since the person came in was its own question, with the person's line in view.
  expect(asked("utterance", "may I join you?").length).toBeGreaterThanOrEqual(after.length);
  expect(asked("conversation")).toHaveLength(1);
});
