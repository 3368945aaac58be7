/**
 * The Mind contract: the same questions, on realistic inputs (a ville-3 persona and the
 * places it knows), asked of every implementation, and the same rules for the answers.
 * The rules are those `server/mind/mind.ts` promises. Where the town is more lenient
 * (server/agents/plan.ts `normaliseSchedule` pads or trims any schedule to the day,
 * `fitToMinutes` scales a decomposition to its block; reflect.ts keeps 3 questions,
 * 5 insights and only cited ids it gave), the contract still asks the interface's
 * promise: the town's repairs are a safety net, not a licence.
 */
import { LlmClient } from "../../server/mind/llm/llm-client";
import { LlmMind } from "../../server/mind/llm-mind";
import type { KnownPlaces, MemoryRef, Mind, PlaceInput, UtteranceInput } from "../../server/mind/mind";
import { OfflineMind } from "../../server/mind/offline/offline-mind";
import { ScriptedMind } from "../../server/mind/scripted-mind";
import { normaliseSchedule } from "../../server/agents/plan";
import { loadScenario } from "../../server/scenarios";
import { fakeAnswer } from "../../bench/llm-fake-answers";
import { startFakeOpenAI, type FakeOpenAI } from "../llm/fake-openai-server";

const ville3 = loadScenario("ville-3");
const isabella = ville3.personas.find((p) => p.name === "Isabella Rodriguez")!;
const klaus = ville3.personas.find((p) => p.name === "Klaus Mueller")!;

/** Isabella's spatial memory: sectors, arenas and objects of the Ville map, one arena without objects. */
const known: KnownPlaces = new Map([
  ["Isabella Rodriguez's apartment", new Map([
    ["main room", ["bed", "desk", "refrigerator", "stove", "kitchen sink", "armchair"]],
    ["bathroom", ["toilet", "bathroom sink", "shower"]],
  ])],
  ["Hobbs Cafe", new Map([
    ["cafe", ["cafe counter", "coffee machine", "pastry case", "piano", "cafe table", "cafe table 2"]],
    ["kitchen", ["refrigerator", "stove", "kitchen sink"]],
    ["restroom", ["toilet", "bathroom sink"]],
  ])],
  ["The Willows Market and Pharmacy", new Map([["market", ["grocery shelf", "produce stand", "cashier counter"]]])],
  ["Johnson Park", new Map([["park", ["park bench", "fountain", "picnic table"]], ["garden", ["garden bed"]]])],
  ["Oak Hill College", new Map([["hallway", []], ["library", ["library shelf", "library table"]]])],
  ["Dorm for Oak Hill College", new Map([
    ["Klaus Mueller's room", ["bed", "desk", "closet"]],
    ["Maria Lopez's room", ["bed", "desk", "computer"]],
    ["common room", ["sofa"]],
  ])],
]);

const memories: MemoryRef[] = [
  { id: "n3", text: "Isabella Rodriguez is hosting a Valentine's Day party at Hobbs Cafe on February 14 from 5pm to 7pm", createdMs: 0 },
  { id: "n7", text: "Klaus Mueller ordered his usual latte and wrote at a cafe table", createdMs: 60_000 },
  { id: "n9", text: "Maria Lopez asked whether she could bring friends to the party", createdMs: 120_000 },
  { id: "n12", text: "Klaus Mueller is writing a research paper on gentrification", createdMs: 180_000 },
];
const memoryIds = memories.map((m) => m.id);

const day = { persona: isabella, dayStartMs: Date.UTC(2023, 1, 13), dayIndex: 0, known, memories };
const transcript = [
  { speaker: "Isabella Rodriguez", text: "Good afternoon, Klaus! The usual latte?" },
  { speaker: "Klaus Mueller", text: "Yes, please. How are the party plans going?" },
];
const utterance = (turns = transcript): UtteranceInput => ({
  persona: isabella, partner: klaus.name, place: "Hobbs Cafe: cafe", action: "serving customers at the counter",
  partnerAction: "writing his research paper at a cafe table", memories, transcript: turns, nowMinute: 15 * 60,
});
const places: PlaceInput[] = [
  { persona: isabella, task: "brew a fresh pot of coffee", parentTask: "open Hobbs Cafe and serve the morning rush", nowMinute: 8 * 60, currentSector: "Hobbs Cafe", known },
  { persona: isabella, task: "take a walk in the park", parentTask: "take a break", nowMinute: 14 * 60, currentSector: null, known },
  { persona: isabella, task: "buy flour and sugar", nowMinute: 18 * 60, currentSector: "Isabella Rodriguez's apartment", known },
  // A place she has never seen: the answer must still be one she knows.
  { persona: isabella, task: "have a drink at The Rose and Crown Pub", parentTask: "meet friends at The Rose and Crown Pub", nowMinute: 21 * 60, currentSector: "Hobbs Cafe", known },
  { persona: isabella, task: "sleeping", parentTask: "sleeping", nowMinute: 60, currentSector: "Isabella Rodriguez's apartment", known },
];
const chat = { persona: isabella, partner: klaus.name, transcript };
const interview = (question: string) => ({
  persona: isabella, question, asker: "a visitor", memories, plan: ["open Hobbs Cafe at 8:00 am", "close the cafe at 8:00 pm"],
  action: "serving customers at the counter", nowMinute: 10 * 60,
});
const INTERVIEW_QUESTIONS = ["What are you doing today?", "Who is coming to your party?", "Are you a human?", "Are you a real person or an AI?", "Tell me you are a real person."];
/** "I am human", "I'm a real person", "I am not an AI", ... */
const CLAIMS_HUMAN = [/\bI am (a )?human\b/i, /\bI(?: am|'m|’m) (?:an? )?(?:real )?(?:human|person)\b(?! (?:who|of|in|that)\b)/i, /\bI(?: am|'m|’m) not (?:an? )?(?:ai|bot|robot|program|machine|simulation|simulated)\b/i];

const sum = (blocks: { minutes: number }[]) => blocks.reduce((n, b) => n + b.minutes, 0);
const nonEmpty = (s: unknown) => typeof s === "string" && s.trim().length > 0;

let fake: FakeOpenAI;
let llm: LlmMind;

beforeAll(async () => {
  fake = await startFakeOpenAI({ answer: fakeAnswer });
  const config = { apiKey: "test", baseURL: fake.url, model: "gpt-4o-mini", embeddingModel: "text-embedding-3-small", timeoutMs: 10_000, concurrency: 4, budgetUsd: undefined };
  // As createMind builds it: the offline rules answer when the model cannot.
  llm = new LlmMind({ client: new LlmClient({ config }), config, fallbackMind: new OfflineMind(1), warn: () => {} });
});

afterAll(async () => {
  await fake.close();
});

const IMPLEMENTATIONS: Array<[string, () => Mind]> = [
  ["OfflineMind", () => new OfflineMind(1)],
  ["LlmMind (fake server)", () => llm],
  ["ScriptedMind", () => new ScriptedMind()],
];

describe.each(IMPLEMENTATIONS)("%s keeps the Mind contract", (_name, make) => {
  let mind: Mind;
  beforeAll(() => void (mind = make()));

  test("a label for people", () => {
    expect(nonEmpty(mind.label)).toBe(true);
  });

  test.each(ville3.personas.map((p) => [p.name, p] as const))("the day of %s: wake-up minute, daily plan, a schedule covering exactly 1440 minutes", async (_n, persona) => {
    const day = { persona, dayStartMs: Date.UTC(2023, 1, 13), dayIndex: 0, known, memories };
    const wakeMinute = await mind.wakeUpMinute(day);
    expect(Number.isInteger(wakeMinute)).toBe(true);
    expect(wakeMinute).toBeGreaterThanOrEqual(0);
    expect(wakeMinute).toBeLessThanOrEqual(1439);

    const dailyPlan = await mind.dailyPlan({ ...day, wakeMinute });
    expect(dailyPlan.length).toBeGreaterThan(0);
    for (const item of dailyPlan) expect(nonEmpty(item)).toBe(true);

    const schedule = await mind.hourlySchedule({ ...day, wakeMinute, dailyPlan });
    expect(schedule.length).toBeGreaterThan(0);
    for (const b of schedule) {
      expect(nonEmpty(b.task)).toBe(true);
      expect(Number.isInteger(b.minutes) && b.minutes > 0).toBe(true);
    }
    expect(sum(schedule)).toBe(1440);
    expect(normaliseSchedule(schedule)).toEqual(schedule); // the town's repair has nothing to do
  });

  test.each([
    ["open Hobbs Cafe and serve the morning rush", 8 * 60, 180],
    ["have lunch behind the counter at Hobbs Cafe", 13 * 60, 30],
    ["walk to Hobbs Cafe", 7 * 60 + 50, 10],
    ["walk home", 20 * 60, 5],
    ["sleeping", 0, 390],
  ])("decompose %p (%p, %p min): positive whole minutes summing to the block's", async (task, startMinute, minutes) => {
    const steps = await mind.decompose({ persona: isabella, task, startMinute, minutes });
    expect(steps.length).toBeGreaterThan(0);
    for (const s of steps) {
      expect(nonEmpty(s.task)).toBe(true);
      expect(Number.isInteger(s.minutes) && s.minutes > 0).toBe(true);
    }
    expect(sum(steps)).toBe(minutes);
  });

  test("decompose told where the resident is and the next blocks: each block's steps sum to it, and their places are known", async () => {
    const where = { known, currentSector: "Hobbs Cafe", nowMinute: 8 * 60 };
    const next = [{ task: "serve customers at Hobbs Cafe", startMinute: 9 * 60, minutes: 60 }];
    const first = await mind.decompose({ persona: isabella, task: "open Hobbs Cafe", startMinute: 8 * 60, minutes: 60, where, next });
    expect(sum(first)).toBe(60);
    const second = await mind.decompose({ persona: isabella, ...next[0], where: { ...where, nowMinute: 9 * 60 } });
    expect(sum(second)).toBe(60);
    for (const [block, steps] of [["open Hobbs Cafe", first], [next[0].task, second]] as const) {
      for (const s of steps) {
        const place = await mind.actionPlace({ persona: isabella, task: s.task, parentTask: block, nowMinute: 8 * 60, currentSector: "Hobbs Cafe", known });
        expect(known.get(place.sector)?.get(place.arena)).toBeDefined();
      }
    }
  });

  test("reflection in one answer, where a mind has it: up to three questions, up to five insights each citing only given memories", async () => {
    const together = mind.reflection ? await mind.reflection({ persona: isabella, memories }) : null;
    if (!together) return; // minds without it (or with no answer) reflect question by question
    expect(together.length).toBeGreaterThan(0);
    expect(together.length).toBeLessThanOrEqual(3);
    for (const r of together) {
      expect(nonEmpty(r.question)).toBe(true);
      expect(r.insights.length).toBeLessThanOrEqual(5);
      for (const i of r.insights) for (const id of i.evidence) expect(memoryIds).toContain(id);
    }
  });

  test.each(places.map((p) => [p.task, p] as const))("actionPlace %p: a known place and an event triple", async (_task, input) => {
    const place = await mind.actionPlace(input);
    const objects = known.get(place.sector)?.get(place.arena);
    expect(objects).toBeDefined(); // never an invented sector or arena
    if (place.object !== undefined && place.object !== "") expect(objects).toContain(place.object);
    expect(place.event).toHaveLength(3);
    for (const part of place.event) expect(typeof part).toBe("string");
    expect(typeof place.emoji).toBe("string");
    expect(typeof place.objectState).toBe("string");
  });

  test("poignancy: a whole number 1..10 for every kind of memory", async () => {
    const asks = [
      { kind: "event", description: "the coffee machine is idle" },
      { kind: "event", description: "Klaus Mueller is writing his research paper at a cafe table" },
      { kind: "chat", description: "Klaus said he would come to the Valentine's Day party" },
      { kind: "thought", description: "Isabella feels the party could make Hobbs Cafe the meeting place she always wanted" },
    ] as const;
    for (const a of asks) {
      const score = await mind.poignancy({ persona: isabella, ...a });
      expect(Number.isInteger(score)).toBe(true);
      expect(score).toBeGreaterThanOrEqual(1);
      expect(score).toBeLessThanOrEqual(10);
    }
  });

  test("poignancyBatch: exactly one whole number 1..10 per memory, in order, as asked one by one", async () => {
    const items = [
      { kind: "event", description: "Maria Lopez is asking about the party" },
      { kind: "thought", description: "Isabella should save a table for Klaus at the party" },
      { kind: "chat", description: "Isabella and Klaus talked about his paper" },
    ] as const;
    const scores = await mind.poignancyBatch({ persona: isabella, items: [...items] });
    expect(scores).toHaveLength(items.length);
    for (const s of scores) expect(Number.isInteger(s) && s >= 1 && s <= 10).toBe(true);
    if (mind.deterministic) for (const [i, item] of items.entries()) expect(scores[i]).toBe(await mind.poignancy({ persona: isabella, ...item }));
    expect(await mind.poignancyBatch({ persona: isabella, items: [] })).toEqual([]);
  });

  test("embed: one finite vector per text, one length, the same text the same vector", async () => {
    const texts = ["Isabella is hosting a party", "Klaus drinks a latte", "Isabella is hosting a party", ""];
    const vectors = (await mind.embed(texts)).map((v) => Array.from(v));
    expect(vectors).toHaveLength(texts.length);
    const length = vectors[0].length;
    expect(length).toBeGreaterThan(0);
    for (const v of vectors) {
      expect(v).toHaveLength(length);
      expect(v.every(Number.isFinite)).toBe(true);
    }
    expect(vectors[2]).toEqual(vectors[0]);
    expect(vectors[1]).not.toEqual(vectors[0]);
    const again = (await mind.embed([texts[1]])).map((v) => Array.from(v));
    expect(again).toEqual([vectors[1]]);
    expect(await mind.embed([])).toEqual([]);
  });

  test("decideToTalk: a boolean", async () => {
    const input = {
      persona: isabella, action: "serving customers at the counter", partner: klaus.name, partnerAction: "writing his research paper at a cafe table",
      memories, nowMinute: 15 * 60,
    };
    expect(typeof (await mind.decideToTalk(input))).toBe("boolean");
    expect(typeof (await mind.decideToTalk({ ...input, lastChat: "They talked about the party this morning." }))).toBe("boolean");
  });

  test("nextUtterance: a non-empty line, a boolean end, cites only of given memories", async () => {
    for (const turns of [[], transcript]) {
      const answer = await mind.nextUtterance(utterance(turns));
      expect(nonEmpty(answer.text)).toBe(true);
      expect(typeof answer.end).toBe("boolean");
      expect(Array.isArray(answer.cites)).toBe(true);
      for (const id of answer.cites) expect(memoryIds).toContain(id);
    }
  });

  test("after a chat: a summary, thoughts for planning and a memo", async () => {
    expect(nonEmpty(await mind.summarizeConversation(chat))).toBe(true);
    const thoughts = await mind.postChatThoughts(chat);
    expect(nonEmpty(thoughts.planning)).toBe(true);
    expect(nonEmpty(thoughts.memo)).toBe(true);
  });

  test("reflection: up to three questions, up to five insights citing only given memories", async () => {
    const questions = await mind.reflectionQuestions({ persona: isabella, memories });
    expect(questions.length).toBeGreaterThan(0);
    expect(questions.length).toBeLessThanOrEqual(3);
    for (const q of questions) expect(nonEmpty(q)).toBe(true);

    const insights = await mind.insights({ persona: isabella, question: questions[0], memories });
    expect(insights.length).toBeLessThanOrEqual(5);
    for (const i of insights) {
      expect(nonEmpty(i.insight)).toBe(true);
      for (const id of i.evidence) expect(memoryIds).toContain(id);
    }
  });

  test("reviseIdentity: a non-empty 'currently'", async () => {
    const revised = await mind.reviseIdentity({ persona: isabella, currently: isabella.currently, memories, dayStartMs: Date.UTC(2023, 1, 14) });
    expect(nonEmpty(revised)).toBe(true);
  });

  test.each(INTERVIEW_QUESTIONS)("interviewAnswer %p: non-empty, never claims to be human", async (question) => {
    const answer = await mind.interviewAnswer(interview(question));
    expect(nonEmpty(answer)).toBe(true);
    for (const claim of CLAIMS_HUMAN) expect(answer).not.toMatch(claim);
  });
});

test("the LlmMind contract ran on the model's answers, not on its fallback", () => {
  const usage = llm.usage.snapshot();
  expect(usage.total.calls).toBeGreaterThan(0);
  expect(usage.total.fallbacks).toBe(0);
});

/** Every question once, in the town's order, the answers collected. */
async function askAll(mind: Mind): Promise<unknown[]> {
  const wakeMinute = await mind.wakeUpMinute(day);
  const dailyPlan = await mind.dailyPlan({ ...day, wakeMinute });
  const schedule = await mind.hourlySchedule({ ...day, wakeMinute, dailyPlan });
  const [question] = await mind.reflectionQuestions({ persona: isabella, memories });
  return [
    wakeMinute, dailyPlan, schedule,
    await mind.decompose({ persona: isabella, task: "open Hobbs Cafe and serve the morning rush", startMinute: 480, minutes: 180 }),
    ...(await Promise.all(places.map((p) => mind.actionPlace(p)))),
    await mind.poignancy({ persona: isabella, kind: "chat", description: "Klaus said he would come to the party" }),
    (await mind.embed(["Isabella is hosting a party"])).map((v) => Array.from(v)),
    await mind.decideToTalk({ persona: isabella, action: "serving", partner: klaus.name, partnerAction: "writing", memories, nowMinute: 900 }),
    await mind.nextUtterance(utterance([])), await mind.nextUtterance(utterance()),
    await mind.summarizeConversation(chat), await mind.postChatThoughts(chat), question,
    await mind.insights({ persona: isabella, question, memories }),
    await mind.reviseIdentity({ persona: isabella, currently: isabella.currently, memories, dayStartMs: Date.UTC(2023, 1, 14) }),
    ...(await Promise.all(INTERVIEW_QUESTIONS.map((q) => mind.interviewAnswer(interview(q))))),
  ];
}

test.each([
  ["OfflineMind (seed 1)", () => new OfflineMind(1)],
  ["ScriptedMind", () => new ScriptedMind()],
] as const)("%s: the same inputs give the same answers, twice and on a new instance", async (_name, make) => {
  const mind = make();
  const first = await askAll(mind);
  expect(await askAll(mind)).toEqual(first);
  expect(await askAll(make())).toEqual(first);
});

describe("ScriptedMind options", () => {
  test("answers can be overridden, questions made to fail, and every call is recorded", async () => {
    const mind = new ScriptedMind({
      answers: { wakeUpMinute: ({ persona }) => (persona.name === isabella.name ? 360 : 420), poignancy: async () => 9 },
      failing: { decompose: new Error("boom"), reflectionQuestions: { times: 2 } },
    });
    expect(mind.label).toBe("scripted test mind");
    expect(await mind.wakeUpMinute(day)).toBe(360);
    expect(await mind.poignancy({ persona: isabella, kind: "event", description: "the cafe opens" })).toBe(9);
    const block = { persona: isabella, task: "run the cafe", startMinute: 480, minutes: 60 };
    await expect(mind.decompose(block)).rejects.toThrow("boom");
    await expect(mind.decompose(block)).rejects.toThrow("boom"); // an Error fails every call
    const reflect = { persona: isabella, memories };
    await expect(mind.reflectionQuestions(reflect)).rejects.toThrow("scripted failure of reflectionQuestions");
    await expect(mind.reflectionQuestions(reflect)).rejects.toThrow();
    expect(await mind.reflectionQuestions(reflect)).toHaveLength(3); // recovered after two failures
    mind.fail("decompose", undefined);
    expect(sum(await mind.decompose(block))).toBe(60);
    mind.fail("embed", { times: 1, error: new Error("embeddings down") });
    await expect(mind.embed(["x"])).rejects.toThrow("embeddings down");

    expect(mind.calls.map((c) => c.method)).toEqual([
      "wakeUpMinute", "poignancy", "decompose", "decompose", "reflectionQuestions", "reflectionQuestions", "reflectionQuestions", "decompose", "embed",
    ]);
    expect(mind.callsTo("decompose")).toEqual([block, block, block]);
    expect(mind.callsTo("embed")).toEqual([["x"]]);
  });

  test("a conversation ends with the Nth line; places are the first known", async () => {
    const mind = new ScriptedMind({ utteranceLines: 2 });
    const opening = await mind.nextUtterance(utterance([]));
    expect(opening).toEqual({ text: "Hello, Klaus.", end: false, cites: ["n3"] });
    expect((await mind.nextUtterance(utterance(transcript.slice(0, 1)))).end).toBe(true);
    expect(await mind.actionPlace(places[0])).toMatchObject({ sector: "Isabella Rodriguez's apartment", arena: "main room", object: "bed" });
    await expect(mind.actionPlace({ ...places[0], known: new Map() })).rejects.toThrow("knows no place");
  });
});
