/**
 * The questions that save calls, on LlmMind over real HTTP (the fake server): a batch of
 * poignancy scores in one answer with a per-memory fail-safe, a written conversation read
 * into alternating lines, and plans reused (or not asked) when the situation matches.
 */
import { hashEmbed } from "../../server/agents/memory/embedding";
import { LlmMind } from "../../server/mind/llm-mind";
import type { ConversationInput, MemoryRef, PoignancyBatchInput } from "../../server/mind/mind";
import { OfflineMind } from "../../server/mind/offline/offline-mind";
import { toScript } from "../../server/mind/prompts/conversation";
import { SituationCache } from "../../server/mind/reuse";
import { loadScenario } from "../../server/scenarios";
import { startFakeOpenAI, type ChatRequestBody, type FakeOpenAI } from "./fake-openai-server";
import { clientFor } from "./helpers";

const ville3 = loadScenario("ville-3");
const isabella = ville3.personas.find((p) => p.name === "Isabella Rodriguez")!;
const klaus = ville3.personas.find((p) => p.name === "Klaus Mueller")!;
const offline = new OfflineMind(1);

let fake: FakeOpenAI;

beforeEach(async () => {
  fake = await startFakeOpenAI();
});

afterEach(async () => {
  await fake.close();
});

function mindFor(): LlmMind {
  const { client } = clientFor(fake);
  return new LlmMind({ client, config: { model: "gpt-4o-mini", baseURL: fake.url }, fallbackMind: offline, warn: () => undefined });
}

const reply = (answer: unknown) => fake.queue("chat", { content: typeof answer === "string" ? answer : JSON.stringify(answer) });
const chats = () => fake.requestsTo("chat").map((r) => r.body as ChatRequestBody);
const userOf = (body: ChatRequestBody) => body.messages.find((m) => m.role === "user")!.content;

const batch: PoignancyBatchInput = {
  persona: isabella,
  items: [
    { kind: "event", description: "Klaus Mueller is writing at a cafe table" },
    { kind: "event", description: "Maria Lopez is asking about the party" },
    { kind: "thought", description: "Isabella should save a table for Klaus at the party" },
  ],
};
const offlineScores = () => Promise.all(batch.items.map((item) => offline.poignancy({ persona: isabella, ...item })));

describe("poignancy of a batch", () => {
  test("one question, one score per memory in order; remembered scores are not asked again", async () => {
    const mind = mindFor();
    reply({ scores: [3, 6, 8] });
    expect(await mind.poignancyBatch(batch)).toEqual([3, 6, 8]);
    expect(chats()).toHaveLength(1);
    const prompt = userOf(chats()[0]);
    expect(prompt).toContain("1. event: Klaus Mueller is writing at a cafe table");
    expect(prompt).toContain("3. thought: Isabella should save a table for Klaus at the party");

    // Two known, one new: the new one is asked alone (the single question is shorter).
    reply({ score: 5 });
    const more = { ...batch, items: [...batch.items.slice(0, 2), { kind: "event" as const, description: "Tom Moreno is buying milk" }] };
    expect(await mind.poignancyBatch(more)).toEqual([3, 6, 5]);
    expect(chats().map((b) => b.response_format?.json_schema?.name)).toEqual(["poignancy_batch", "poignancy"]);
    expect(await mind.poignancy({ persona: isabella, ...batch.items[1] })).toBe(6);
    expect(chats()).toHaveLength(2);
  });

  test("a short answer keeps what it gives; each missing or unreadable score falls back to the rules for that memory alone", async () => {
    const rules = await offlineScores();
    const mind = mindFor();
    reply({ scores: [7] });
    expect(await mind.poignancyBatch(batch)).toEqual([7, rules[1], rules[2]]);
    expect(chats()).toHaveLength(1); // usable as far as it goes: no second ask

    const other = mindFor();
    reply({ scores: ["9", "a lot", { score: 12 }, 4] });
    expect(await other.poignancyBatch(batch)).toEqual([9, rules[1], 10]);
  });

  test("a garbled answer, asked again and garbled again, gives every memory its rules' score", async () => {
    const mind = mindFor();
    reply("I'd rate these fairly low overall.");
    reply({ scores: [] });
    expect(await mind.poignancyBatch(batch)).toEqual(await offlineScores());
    expect(mind.usage.snapshot().byQuestion.poignancy_batch).toMatchObject({ calls: 1, requests: 2, reasks: 1, fallbacks: 1 });
  });

  test("every mind answers exactly one score per memory", async () => {
    for (const m of [offline, mindFor()]) {
      const scores = await m.poignancyBatch(batch);
      expect(scores).toHaveLength(batch.items.length);
      for (const s of scores) expect(Number.isInteger(s) && s >= 1 && s <= 10).toBe(true);
    }
  });
});

describe("a written conversation", () => {
  const mem = (id: string, text: string): MemoryRef => ({ id, text, createdMs: 0 });
  const input: ConversationInput = {
    first: { persona: isabella, action: "serving customers", memories: [mem("n3", "I am hosting a party on February 14"), mem("n8", "Klaus likes lattes")] },
    second: { persona: klaus, action: "writing his paper", memories: [mem("n3", "my paper is due Friday")] },
    place: "Hobbs Cafe: cafe",
    nowMinute: 15 * 60,
    maxLines: 4,
  };

  test("is read as alternating lines from the first speaker, each citing only its own memories, cut at the limit", () => {
    const script = toScript([
      { by: "Klaus", text: "Oh, hi.", cites: [] }, // the other opens: read from the first speaker's line on
      { by: "Isabella", text: "Isabella: \"Klaus! Coming to my party?\"", cites: ["a1", "b1"] },
      { by: "Isabella", text: "It's on the 14th.", cites: ["a2"] },
      { by: "Klaus Mueller", text: "Maybe, my paper is due.", cites: ["b1", "a1"] },
      { by: "", text: "Bring it along!", cites: [] },
      { by: "Klaus", text: "Ha, fine.", cites: ["b9"] },
      { by: "Isabella", text: "See you then.", cites: [] },
    ], input);
    expect(script).toEqual([
      { side: 0, text: "Klaus! Coming to my party? It's on the 14th.", cites: ["n3", "n8"] },
      { side: 1, text: "Maybe, my paper is due.", cites: ["n3"] },
      { side: 0, text: "Bring it along!", cites: [] },
      { side: 1, text: "Ha, fine.", cites: [] },
    ]);
  });

  test("is one question; its notes answer the summary and post-chat questions of both when the talk ends as written", async () => {
    const mind = mindFor();
    const notes = (by: string) => ({ by, summary: `${by} and the other talked about the party.`, importance: 6, planning: "Go to the party at 5pm.", memo: "A friendly talk." });
    reply({ lines: [{ by: "Isabella", text: "Coming to my party?", cites: ["a1"] }, { by: "Klaus", text: "Yes!", cites: [] }], notes: [notes("Isabella"), notes("Klaus")] });
    const script = await mind.wholeConversation(input);
    expect(script).toEqual([{ side: 0, text: "Coming to my party?", cites: ["n3"] }, { side: 1, text: "Yes!", cites: [] }]);
    const prompt = userOf(chats()[0]);
    expect(prompt).toContain("[a1] I am hosting a party on February 14");
    expect(prompt).toContain("[b1] my paper is due Friday");
    expect(prompt).toContain("at most 4 lines");

    const transcript = [{ speaker: isabella.name, text: "Coming to my party?" }, { speaker: klaus.name, text: "Yes!" }];
    expect(await mind.summarizeConversation({ persona: klaus, partner: isabella.name, transcript })).toBe("Klaus and the other talked about the party.");
    expect(await mind.postChatThoughts({ persona: klaus, partner: isabella.name, transcript })).toEqual({ planning: "Go to the party at 5pm.", memo: "A friendly talk." });
    expect(await mind.poignancy({ persona: klaus, kind: "chat", description: "Klaus and the other talked about the party." })).toBe(6);
    expect(chats()).toHaveLength(1);

    // Another transcript (a person joined, the talk went otherwise): asked as usual.
    reply({ summary: "Isabella and Klaus talked.", importance: 3, planning: "nothing to plan", memo: "Klaus is busy." });
    expect(await mind.summarizeConversation({ persona: isabella, partner: klaus.name, transcript: transcript.slice(0, 1) })).toBe("Isabella and Klaus talked.");
    expect(await mind.postChatThoughts({ persona: isabella, partner: klaus.name, transcript: transcript.slice(0, 1) })).toEqual({ planning: "nothing to plan", memo: "Klaus is busy." });
    expect(chats().map((b) => b.response_format?.json_schema?.name)).toEqual(["conversation", "chat_summary"]);
  });

  test("no usable lines: null, and the town asks line by line", async () => {
    const mind = mindFor();
    reply({ lines: [{ by: "Isabella", text: "" }] });
    reply("...");
    expect(await mind.wholeConversation(input)).toBeNull();
  });
});

describe("plans reused or not asked", () => {
  test("a situation is reused only when every part is at least 0.97 similar, under the same key", () => {
    const cache = new SituationCache<string>();
    const v = (t: string) => hashEmbed(t);
    cache.store("r1", [v("Isabella runs Hobbs Cafe"), v("serve customers")], "steps");
    expect(cache.find("r1", [v("Isabella runs Hobbs Cafe"), v("serve customers")])).toBe("steps");
    expect(cache.find("r2", [v("Isabella runs Hobbs Cafe"), v("serve customers")])).toBeUndefined();
    expect(cache.find("r1", [v("Isabella runs Hobbs Cafe"), v("close the cafe and walk home")])).toBeUndefined();
    expect(cache.find("r1", [v("Isabella is ill in bed today"), v("serve customers")])).toBeUndefined();
    expect(cache.hits).toBe(1);
  });

  test("the same block for the same resident in the same situation is decomposed once; another block is asked", async () => {
    const mind = mindFor();
    const steps = { steps: [{ task: "brew coffee", minutes: 30 }, { task: "serve customers", minutes: 30 }] };
    const block = { persona: isabella, task: "open Hobbs Cafe and serve the morning rush", startMinute: 480, minutes: 60 };
    reply(steps);
    const first = await mind.decompose(block);
    expect(await mind.decompose(block)).toEqual(first); // the next day, nothing changed
    expect(asked("decompose")).toBe(1);
    reply(steps);
    await mind.decompose({ ...block, task: "close the cafe and walk home" });
    reply(steps);
    await mind.decompose({ ...block, persona: { ...isabella, innate: "tired, withdrawn", currently: "Isabella has closed the cafe for a week to grieve her aunt." } });
    expect(asked("decompose")).toBe(3);
    expect(mind.reused.blocks).toBe(1);
  });

  test("a day in the same situation with the same engagements reuses the plan; a new engagement asks again", async () => {
    const mind = mindFor();
    const known = new Map([["Hobbs Cafe", new Map([["cafe", ["cafe counter"]]])]]);
    const day = (dayStartMs: number, memories: MemoryRef[] = []) => ({ persona: isabella, dayStartMs, dayIndex: 0, known, memories });
    const answer = { wake: "06:00", plan: ["open the cafe at 8:00 am"], blocks: [{ at: "00:00", task: "sleeping" }, { at: "06:00", task: "run the cafe" }, { at: "22:00", task: "sleeping" }] };
    const planDay = async (ctx: ReturnType<typeof day>) => {
      const wakeMinute = await mind.wakeUpMinute(ctx);
      const dailyPlan = await mind.dailyPlan({ ...ctx, wakeMinute });
      return mind.hourlySchedule({ ...ctx, wakeMinute, dailyPlan });
    };
    reply(answer);
    const monday = await planDay(day(Date.UTC(2023, 1, 13)));
    expect(await planDay(day(Date.UTC(2023, 1, 14)))).toEqual(monday);
    expect(asked("day_plan")).toBe(1);
    reply(answer);
    await planDay(day(Date.UTC(2023, 1, 15), [{ id: "n9", text: "Klaus invited me to dinner at 7pm tonight", createdMs: 0 }]));
    expect(asked("day_plan")).toBe(2);
    expect(mind.reused.days).toBe(1);
  });

  test("'currently' is not revised again when no memory changed since the last revision", async () => {
    const mind = mindFor();
    const memories = [{ id: "n1", text: "the party went well", createdMs: 0 }];
    reply({ currently: "Isabella is tidying up after the party." });
    const revised = await mind.reviseIdentity({ persona: isabella, currently: isabella.currently, memories, dayStartMs: 0 });
    expect(await mind.reviseIdentity({ persona: isabella, currently: revised, memories, dayStartMs: 86_400_000 })).toBe(revised);
    reply({ currently: "Isabella is planning a spring menu." });
    await mind.reviseIdentity({ persona: isabella, currently: revised, memories: [...memories, { id: "n2", text: "a supplier called", createdMs: 1 }], dayStartMs: 2 * 86_400_000 });
    expect(asked("revise_identity")).toBe(2);
  });
});

function asked(question: string): number {
  return chats().filter((b) => b.response_format?.json_schema?.name === question).length;
}
