/** LlmMind over real HTTP: the real openai client against the fake OpenAI-compatible server. */
import { hashEmbed } from "../../server/agents/memory/embedding";
import { HASH_EMBEDDING_DIMS } from "../../server/agents/memory/constants";
import { createMind } from "../../server/mind/create-mind";
import { LlmMind, mindLabel } from "../../server/mind/llm-mind";
import type { KnownPlaces, MemoryRef, PlaceAnswer, PlaceInput } from "../../server/mind/mind";
import { OfflineMind } from "../../server/mind/offline/offline-mind";
import { loadScenario } from "../../server/scenarios";
import { VILLE_ARENAS } from "../scenario/ville-places";
import { fakeEmbedding, startFakeOpenAI, type ChatRequestBody, type FakeOpenAI } from "./fake-openai-server";
import { clientFor } from "./helpers";

const ville3 = loadScenario("ville-3");
const isabella = ville3.personas.find((p) => p.name === "Isabella Rodriguez")!;
const klaus = ville3.personas.find((p) => p.name === "Klaus Mueller")!;

const OBJECTS: Record<string, string[]> = {
  cafe: ["cafe counter", "coffee machine", "cafe table", "cafe table 2", "piano"],
  kitchen: ["stove", "refrigerator", "kitchen sink"],
  "main room": ["bed", "desk", "closet"],
  library: ["library shelf", "library table"],
  park: ["park bench", "fountain"],
};
const known: KnownPlaces = new Map(
  Object.entries(VILLE_ARENAS).map(([sector, arenas]) => [sector, new Map(arenas.map((a) => [a, OBJECTS[a] ?? []]))]),
);

const memories: MemoryRef[] = [
  { id: "n3", text: "Isabella Rodriguez is hosting a Valentine's Day party at Hobbs Cafe on February 14 from 5pm to 7pm", createdMs: 0 },
  { id: "n7", text: "Klaus Mueller ordered his usual latte and wrote at a cafe table", createdMs: 60_000 },
  { id: "n9", text: "Maria Lopez asked whether she could bring friends to the party", createdMs: 120_000 },
];

let fake: FakeOpenAI;
let warnings: string[];

beforeEach(async () => {
  fake = await startFakeOpenAI();
  warnings = [];
});

afterEach(async () => {
  await fake.close();
});

function mindFor(overrides: Parameters<typeof clientFor>[1] = {}): LlmMind {
  const { client } = clientFor(fake, overrides);
  return new LlmMind({
    client,
    config: { model: "gpt-4o-mini", baseURL: fake.url },
    fallbackMind: new OfflineMind(1),
    warn: (m) => void warnings.push(m),
  });
}

const reply = (answer: unknown) => fake.queue("chat", { content: typeof answer === "string" ? answer : JSON.stringify(answer) });
const lastPrompt = () => (fake.requestsTo("chat").at(-1)?.body as ChatRequestBody).messages.map((m) => m.content).join("\n");
const day = { persona: isabella, dayStartMs: Date.UTC(2023, 1, 13), dayIndex: 0, known };
const placeInput = (task: string): PlaceInput => ({ persona: isabella, task, parentTask: "run the cafe at Hobbs Cafe", nowMinute: 8 * 60, currentSector: "Hobbs Cafe", known });

function expectKnown(place: PlaceAnswer): void {
  const objects = known.get(place.sector)?.get(place.arena);
  expect(objects).toBeDefined();
  if (place.object !== undefined) expect(objects).toContain(place.object);
}

describe("each question parses a realistic answer", () => {
  test("wake-up, daily plan and hourly schedule: one question for the day", async () => {
    const mind = mindFor();
    const plan = ["wake up and bake pastries at 5:45 am", "open Hobbs Cafe at 8:00 am", "invite customers to the party", "close the cafe at 8:00 pm", "go to bed at 11:00 pm"];
    reply({ wake: "05:45", plan, blocks: [
      { at: "00:00", task: "sleeping" }, { at: "05:45", task: "bake pastries at home" }, { at: "07:30", task: "walk to Hobbs Cafe" },
      { at: "08:00", task: "run the cafe at Hobbs Cafe" }, { at: "20:00", task: "dinner at home" }, { at: "23:00", task: "sleeping" },
    ] });
    expect(await mind.wakeUpMinute(day)).toBe(345);
    expect(lastPrompt()).toContain("Monday February 13, 2023");
    expect(await mind.dailyPlan({ ...day, wakeMinute: 345 })).toEqual(plan);
    const blocks = await mind.hourlySchedule({ ...day, wakeMinute: 345, dailyPlan: plan });
    expect(fake.requestsTo("chat")).toHaveLength(1);
    expect(mind.usage.snapshot().byQuestion.day_plan.calls).toBe(1);
    expect(blocks.reduce((n, b) => n + b.minutes, 0)).toBe(1440);
    expect(blocks[0]).toEqual({ task: "sleeping", minutes: 345 });
    expect(blocks[3]).toEqual({ task: "run the cafe at Hobbs Cafe", minutes: 720 });
    expect(blocks.at(-1)).toEqual({ task: "sleeping", minutes: 60 });
  });

  test("a day plan without a readable schedule asks the schedule alone; a plan for another wake-up is asked again", async () => {
    const mind = mindFor();
    const plan = ["open Hobbs Cafe at 8:00 am", "go to bed at 11:00 pm"];
    reply({ wake: "6:30", plan, blocks: "all day at the cafe" });
    expect(await mind.wakeUpMinute(day)).toBe(390);
    const other = ["sleep in", "open the cafe late"];
    reply({ plan: other });
    expect(await mind.dailyPlan({ ...day, wakeMinute: 420 })).toEqual(other); // not the answer for 6:30
    reply({ blocks: [{ at: "00:00", task: "sleeping" }, { at: "07:00", task: "open the cafe" }, { at: "23:00", task: "sleeping" }] });
    expect(await mind.hourlySchedule({ ...day, wakeMinute: 420, dailyPlan: other })).toEqual([
      { task: "sleeping", minutes: 420 }, { task: "open the cafe", minutes: 960 }, { task: "sleeping", minutes: 60 },
    ]);
    const { embedding: _situation, ...asked } = mind.usage.snapshot().byQuestion;
    expect(Object.fromEntries(Object.entries(asked).map(([q, c]) => [q, c.calls]))).toEqual({ day_plan: 1, daily_plan: 1, hourly_schedule: 1 });
  });

  test("a schedule with gaps, a missing night and durations that do not add up still covers the day", async () => {
    const mind = mindFor();
    reply({ blocks: [{ at: "9:00", task: "run the cafe" }, { at: "6", task: "wake up" }, { at: "8pm", task: "read at home" }] });
    const blocks = await mind.hourlySchedule({ ...day, wakeMinute: 360, dailyPlan: [] });
    expect(blocks).toEqual([
      { task: "sleeping", minutes: 360 },
      { task: "wake up", minutes: 180 },
      { task: "run the cafe", minutes: 660 },
      { task: "read at home", minutes: 240 },
    ]);
  });

  test("decompose: steps are fitted to the block's minutes; sleep is never decomposed", async () => {
    const mind = mindFor();
    reply({ steps: [{ task: "greet customers", minutes: 10 }, { task: "brew coffee", minutes: 15 }, { task: "wipe tables", minutes: 10 }, { task: "restock pastries", minutes: 10 }] });
    const steps = await mind.decompose({ persona: isabella, task: "run the cafe", startMinute: 480, minutes: 60 });
    expect(steps.map((s) => s.task)).toEqual(["greet customers", "brew coffee", "wipe tables", "restock pastries"]);
    expect(steps.reduce((n, s) => n + s.minutes, 0)).toBe(60);

    const before = fake.requestsTo("chat").length;
    expect(await mind.decompose({ persona: isabella, task: "sleeping", startMinute: 0, minutes: 345 })).toEqual([{ task: "sleeping", minutes: 345 }]);
    expect(fake.requestsTo("chat")).toHaveLength(before);
  });

  test("action place: the number of a listed place, object, emoji, event and object state in one answer", async () => {
    const mind = mindFor();
    reply({ place: 1, object: "coffee machine", emoji: "☕", event: ["is brewing", "coffee"], state: "brewing coffee" });
    const place = await mind.actionPlace(placeInput("brew coffee for customers"));
    expect(place).toEqual({
      sector: "Hobbs Cafe", arena: "cafe", object: "coffee machine", emoji: "☕",
      event: ["Isabella Rodriguez", "is brewing", "coffee"], objectState: "brewing coffee",
    });
    const prompt = lastPrompt();
    expect(prompt).toContain("Hobbs Cafe: #1 cafe [cafe counter, coffee machine");
    expect(prompt).not.toContain("Maria Lopez's room"); // other people's rooms are never offered

    // A sector listed by name only: the rules pick the arena there; without an event, the task is the event.
    const elsewhere = /#(\d+) Johnson Park/.exec(prompt)![1];
    reply({ place: Number(elsewhere), object: "", emoji: "🌳", state: "" });
    const walk = await mind.actionPlace({ ...placeInput("take a walk in the park"), parentTask: undefined });
    expect(walk).toMatchObject({ sector: "Johnson Park", emoji: "🌳", event: ["Isabella Rodriguez", "is", "taking a walk in the park"] });
    expectKnown(walk);
  });

  test("poignancy, decide to talk, utterance, summary and post-chat thoughts", async () => {
    const mind = mindFor();
    reply({ score: 8 });
    expect(await mind.poignancy({ persona: isabella, kind: "event", description: "Klaus said he will come to the party" })).toBe(8);

    reply({ talk: "yes" });
    const talk = { persona: isabella, action: "serving customers", partner: "Klaus Mueller", partnerAction: "writing at a cafe table", memories, nowMinute: 900 };
    expect(await mind.decideToTalk(talk)).toBe(true);

    reply({ text: "Isabella: Klaus! Are you coming to my Valentine's party tomorrow at five?", end: false, cites: ["n3", "n99"] });
    const utterance = { ...talk, place: "Hobbs Cafe: cafe", transcript: [] };
    expect(await mind.nextUtterance(utterance)).toEqual({ text: "Klaus! Are you coming to my Valentine's party tomorrow at five?", end: false, cites: ["n3"] });

    const transcript = [
      { speaker: "Isabella Rodriguez", text: "Are you coming to my party tomorrow at five?" },
      { speaker: "Klaus Mueller", text: "I would love to. Can I bring Maria?" },
    ];
    reply({ summary: "Isabella and Klaus talked about her Valentine's Day party." });
    expect(await mind.summarizeConversation({ persona: isabella, partner: "Klaus Mueller", transcript })).toBe("Isabella and Klaus talked about her Valentine's Day party.");

    reply({ planning: "Isabella should expect Klaus and Maria at the party at 5pm.", memo: "Klaus seemed glad to be invited." });
    expect(await mind.postChatThoughts({ persona: isabella, partner: "Klaus Mueller", transcript })).toEqual({
      planning: "Isabella should expect Klaus and Maria at the party at 5pm.",
      memo: "Klaus seemed glad to be invited.",
    });
  });

  test("a reflection in one answer: questions and their insights, evidence kept to the memories shown", async () => {
    const mind = mindFor();
    const questions = ["Who is coming to the party?", "How is the cafe doing?", "What does Isabella hope the party achieves?"];
    reply({ questions, insights: [
      { q: 1, text: "Maria and Klaus both plan to come to the party", because: ["n9", "n7"], importance: 6 },
      { q: 1, text: "Isabella invented a guest", because: ["n77"], importance: 9 },
      { q: 3, text: "Isabella hopes the party makes the cafe a meeting place", because: "n3", importance: 7 },
    ] });
    const found = await mind.reflection({ persona: isabella, memories });
    expect(found).not.toBeNull();
    expect(found!.map((r) => r.question)).toEqual(questions);
    expect(found![0].insights).toEqual([{ insight: "Maria and Klaus both plan to come to the party", evidence: ["n9", "n7"] }]);
    expect(found![2].insights).toEqual([{ insight: "Isabella hopes the party makes the cafe a meeting place", evidence: ["n3"] }]);
    // The question the answer left without insights gets the fallback mind's.
    const offline = await new OfflineMind(1).insights({ persona: isabella, question: questions[1], memories });
    expect(found![1].insights).toEqual(offline);
    expect(fake.requestsTo("chat")).toHaveLength(1);
    // Importance came with the insights: scoring them costs no call.
    expect(await mind.poignancy({ persona: isabella, kind: "thought", description: "Maria and Klaus both plan to come to the party" })).toBe(6);
    expect(fake.requestsTo("chat")).toHaveLength(1);

    // No question could be read: null, and the town asks apart.
    reply({ questions: [] });
    reply({ questions: [] });
    expect(await mind.reflection({ persona: isabella, memories })).toBeNull();
  });

  test("reflection questions, insights, identity revision and interview", async () => {
    const mind = mindFor();
    const questions = ["Who is coming to the party?", "How is the cafe doing?", "What does Isabella hope the party achieves?"];
    reply({ questions });
    expect(await mind.reflectionQuestions({ persona: isabella, memories })).toEqual(questions);

    reply({ insights: [{ text: "Isabella's party is drawing interest from her regulars", because: ["n3", "n9"] }] });
    expect(await mind.insights({ persona: isabella, question: questions[0], memories })).toEqual([
      { insight: "Isabella's party is drawing interest from her regulars", evidence: ["n3", "n9"] },
    ]);

    reply({ currently: "Isabella is getting Hobbs Cafe ready for tomorrow's Valentine's Day party." });
    const revised = await mind.reviseIdentity({ persona: isabella, currently: isabella.currently, memories, dayStartMs: day.dayStartMs });
    expect(revised).toBe("Isabella is getting Hobbs Cafe ready for tomorrow's Valentine's Day party.");

    reply({ answer: "I'm throwing a Valentine's party at Hobbs Cafe tomorrow from five to seven." });
    const interview = { persona: isabella, question: "What are you up to this week?", asker: "a visitor", memories, plan: [], action: "serving customers", nowMinute: 600 };
    expect(await mind.interviewAnswer(interview)).toBe("I'm throwing a Valentine's party at Hobbs Cafe tomorrow from five to seven.");
    expect(lastPrompt()).toMatch(/Never claim to be a human/);
  });
});

describe("answers that do not fit the world", () => {
  test("an action place with a misspelled sector and arena is repaired to the closest known names", async () => {
    const mind = mindFor();
    reply({ sector: "the Ville:hobs cafe", arena: "Cafe", object: "Piano.", emoji: "🎹", event: ["is playing", "piano"], state: "being played" });
    const place = await mind.actionPlace(placeInput("play the piano"));
    expect(place).toMatchObject({ sector: "Hobbs Cafe", arena: "cafe", object: "piano", objectState: "being played" });
  });

  test("an action place naming an unknown place falls back to a known one", async () => {
    const mind = mindFor();
    reply({ sector: "Paris", arena: "Louvre", object: "Mona Lisa", emoji: "🖼️", event: ["is admiring", "art"], state: "admired" });
    const place = await mind.actionPlace(placeInput("look at paintings"));
    expectKnown(place);
    expect(place.event[0]).toBe("Isabella Rodriguez");
  });

  test("a known sector with an unknown arena keeps the sector; an unknown object is dropped", async () => {
    const mind = mindFor();
    reply({ sector: "Oak Hill College", arena: "gymnasium", object: "", emoji: "🏀", event: ["is playing", "basketball"], state: "" });
    const place = await mind.actionPlace({ ...placeInput("shoot some hoops"), parentTask: undefined });
    expect(place.sector).toBe("Oak Hill College");
    expectKnown(place);

    reply({ sector: "Hobbs Cafe", arena: "cafe", object: "espresso robot", emoji: "☕", event: ["is making", "espresso"], state: "whirring" });
    const noObject = await mind.actionPlace(placeInput("make an espresso"));
    expect(noObject).toMatchObject({ sector: "Hobbs Cafe", arena: "cafe", objectState: "" });
    expect(noObject.object).toBeUndefined();
  });

  test("a known answer is remembered: the same task in the same place is not asked twice", async () => {
    const mind = mindFor();
    reply({ sector: "Hobbs Cafe", arena: "cafe", object: "cafe counter", emoji: "🧾", event: ["is serving", "customers"], state: "busy" });
    const first = await mind.actionPlace(placeInput("serve customers at the counter"));
    const second = await mind.actionPlace(placeInput("serve customers at the counter"));
    expect(second).toEqual(first);
    expect(fake.requestsTo("chat")).toHaveLength(1);
  });

  test("a block decomposed where the resident is: steps and places in one question, with the next block among the same places", async () => {
    const mind = mindFor();
    const where = { known, currentSector: "Hobbs Cafe", nowMinute: 480 };
    const following = { task: "serve customers at Hobbs Cafe", startMinute: 540, minutes: 60 };
    const block = { persona: isabella, task: "open Hobbs Cafe", startMinute: 480, minutes: 60, where, next: [following] };
    reply({ blocks: [
      { steps: [
        ["brew coffee", 20, 1, "coffee machine", "☕", "is brewing", "coffee", "brewing coffee"],
        ["unlock the door", 20, 1, "", "🔑", "is unlocking", "the door", ""],
        ["brew coffee", 20],
      ] },
      { steps: [["take orders", 30, 1, "cafe counter", "🧾", "is taking", "orders", "busy"], ["brew coffee", 30]] },
    ] });
    expect(await mind.decompose(block)).toEqual([{ task: "brew coffee", minutes: 20 }, { task: "unlock the door", minutes: 20 }, { task: "brew coffee", minutes: 20 }]);
    expect(lastPrompt()).toContain(
      "1. From 8:00 am to 9:00 am (60 minutes), Isabella will: open Hobbs Cafe.\n2. From 9:00 am to 10:00 am (60 minutes), Isabella will: serve customers at Hobbs Cafe.",
    );
    const step = (task: string, parentTask: string) => mind.actionPlace({ persona: isabella, task, parentTask, nowMinute: 480, currentSector: "Hobbs Cafe", known });
    expect(await step("brew coffee", block.task)).toEqual({
      sector: "Hobbs Cafe", arena: "cafe", object: "coffee machine", emoji: "☕", event: ["Isabella Rodriguez", "is brewing", "coffee"], objectState: "brewing coffee",
    });
    expect(await step("unlock the door", block.task)).toMatchObject({ sector: "Hobbs Cafe", arena: "cafe", objectState: "" });

    // The next block was planned with it: its decomposition and places cost no question.
    expect(await mind.decompose({ persona: isabella, ...following, where: { ...where, nowMinute: 540 } })).toEqual([
      { task: "take orders", minutes: 30 }, { task: "brew coffee", minutes: 30 },
    ]);
    expect(await step("take orders", following.task)).toMatchObject({ object: "cafe counter", objectState: "busy" });
    expect(await step("brew coffee", following.task)).toMatchObject({ object: "coffee machine" }); // a repeated task: its place as before
    expect(fake.requestsTo("chat")).toHaveLength(1);
  });

  test("the first step of a decomposed block asks the places of all its steps at once", async () => {
    const mind = mindFor();
    reply({ steps: [{ task: "brew coffee", minutes: 20 }, { task: "serve customers", minutes: 20 }, { task: "play a song on the piano", minutes: 20 }] });
    const block = { persona: isabella, task: "run the cafe at Hobbs Cafe", startMinute: 480, minutes: 60 };
    const steps = await mind.decompose(block);
    reply({ places: [
      { n: 1, sector: "Hobbs Cafe", arena: "cafe", object: "coffee machine", emoji: "☕", event: ["is brewing", "coffee"], state: "brewing coffee" },
      { n: 2, sector: "Hobbs Cafe", arena: "cafe", object: "cafe counter", emoji: "🧾", event: ["is serving", "customers"], state: "busy" },
      { n: 3, sector: "Atlantis", arena: "stage", object: "", emoji: "🎹", event: ["is playing", "a song"], state: "" },
    ] });
    const step = (task: string) => mind.actionPlace({ ...placeInput(task), parentTask: block.task });
    expect(await step(steps[0].task)).toMatchObject({ object: "coffee machine", event: ["Isabella Rodriguez", "is brewing", "coffee"] });
    expect(await step(steps[1].task)).toMatchObject({ object: "cafe counter", objectState: "busy" });
    expect(fake.requestsTo("chat")).toHaveLength(2); // the decomposition and one question for the block
    expect(lastPrompt()).toMatch(/1\. brew coffee\n2\. serve customers\n3\. play a song on the piano/);

    // The third entry named no known place: that step asks alone, and the answer is used.
    reply({ sector: "Hobbs Cafe", arena: "cafe", object: "piano", emoji: "🎹", event: ["is playing", "a song"], state: "being played" });
    expect(await step(steps[2].task)).toMatchObject({ sector: "Hobbs Cafe", object: "piano" });
    const usage = mind.usage.snapshot().byQuestion;
    expect(usage.block_places.calls).toBe(1);
    expect(usage.action_place.calls).toBe(1);
  });

  test("near-valid JSON is repaired; hopeless answers give the fail-safe, and both are counted", async () => {
    const mind = mindFor();
    reply("Sure! ```json\n{score: 6,}\n```");
    expect(await mind.poignancy({ persona: klaus, kind: "thought", description: "my paper is almost done" })).toBe(6);

    reply("I think it matters quite a lot.");
    reply("Really, a lot.");
    const score = await mind.poignancy({ persona: klaus, kind: "event", description: "the library is closed" });
    expect(Number.isInteger(score) && score >= 1 && score <= 10).toBe(true);

    expect(mind.usage.snapshot().byQuestion.poignancy).toMatchObject({ calls: 2, requests: 3, repairs: 1, reasks: 1, fallbacks: 1 });
  });

  test("a model that does not answer in time gives fail-safe answers", async () => {
    const mind = mindFor({ timeoutMs: 200 });
    fake.queue("chat", { delayMs: 5_000 });
    const talk = await mind.decideToTalk({ persona: klaus, action: "writing", partner: "Isabella Rodriguez", partnerAction: "serving", memories: [], nowMinute: 600 });
    expect(typeof talk).toBe("boolean");

    fake.queue("chat", { delayMs: 5_000 });
    const place = await mind.actionPlace(placeInput("wipe down the cafe tables"));
    expectKnown(place);

    fake.queue("chat", { delayMs: 5_000 });
    const line = await mind.nextUtterance({ persona: klaus, partner: "Isabella Rodriguez", place: "Hobbs Cafe: cafe", action: "writing", partnerAction: "serving", memories, transcript: [], nowMinute: 600 });
    expect(line.text.length).toBeGreaterThan(0);
    expect(line.cites.every((id) => memories.some((m) => m.id === id))).toBe(true);

    const usage = mind.usage.snapshot().byQuestion;
    expect(usage.decide_to_talk).toMatchObject({ calls: 1, failures: 1, fallbacks: 1 });
    expect(usage.action_place).toMatchObject({ calls: 1, fallbacks: 1 });
    expect(usage.utterance).toMatchObject({ calls: 1, fallbacks: 1 });
  });

  test("insights keep only evidence ids that were given, and drop insights with none left", async () => {
    const mind = mindFor();
    reply({ insights: [
      { text: "Isabella's regulars are excited about the party", because: ["n3", "n42", "[n9]"] },
      { text: "Isabella is secretly planning to sell the cafe", because: ["n77"] },
      { text: "Klaus is a creature of habit", because: "n7" },
      { insight: "Maria wants to bring friends along", evidence: "n9, n3" }, // the Mind's field names
    ] });
    const found = await mind.insights({ persona: isabella, question: "How are the party plans going?", memories });
    expect(found).toEqual([
      { insight: "Isabella's regulars are excited about the party", evidence: ["n3", "n9"] },
      { insight: "Klaus is a creature of habit", evidence: ["n7"] },
      { insight: "Maria wants to bring friends along", evidence: ["n9", "n3"] },
    ]);
  });

  test("insights and chat summaries carry their importance, so their poignancy costs no call", async () => {
    const mind = mindFor();
    reply({ insights: [{ text: "Isabella's party is the talk of the cafe", because: ["n3"], importance: 7 }] });
    const [found] = await mind.insights({ persona: isabella, question: "What is happening at the cafe?", memories });
    expect(found).toEqual({ insight: "Isabella's party is the talk of the cafe", evidence: ["n3"] });
    reply({ summary: "Isabella and Klaus talked about the party.", importance: 5 });
    const summary = await mind.summarizeConversation({ persona: isabella, partner: "Klaus Mueller", transcript: [{ speaker: "Klaus Mueller", text: "Hi!" }] });

    const requests = fake.requestsTo("chat").length;
    expect(await mind.poignancy({ persona: isabella, kind: "thought", description: found.insight })).toBe(7);
    expect(await mind.poignancy({ persona: isabella, kind: "chat", description: summary })).toBe(5);
    expect(fake.requestsTo("chat")).toHaveLength(requests);
  });

  test("an interview answer never claims to be human, whatever the model says", async () => {
    const mind = mindFor();
    const ask = (question: string) => ({ persona: isabella, question, asker: "a visitor", memories, plan: [], action: "serving customers", nowMinute: 600 });

    reply({ answer: "Of course I am a human! I run Hobbs Cafe." });
    const first = await mind.interviewAnswer(ask("Are you a real person?"));
    expect(first).toBe("I'm Isabella, a simulated resident of the Ville, not a human. I run Hobbs Cafe.");

    reply({ answer: "Yes." });
    expect(await mind.interviewAnswer(ask("Are you human?"))).toBe("I'm Isabella, a simulated resident of the Ville, not a human.");

    reply({ answer: "No, I'm not an AI, I'm just a cafe owner." });
    expect(await mind.interviewAnswer(ask("Are you an AI?"))).not.toMatch(/not an AI/);

    reply({ answer: "I'm a morning person, so I open the cafe at eight." });
    expect(await mind.interviewAnswer(ask("When do you open?"))).toBe("I'm a morning person, so I open the cafe at eight.");
  });
});

describe("usage, embeddings and setup", () => {
  test("the usage meter counts calls and tokens per question and per agent", async () => {
    const mind = mindFor();
    reply({ score: 4 });
    reply({ score: 5 });
    reply({ talk: false });
    await mind.poignancy({ persona: isabella, kind: "event", description: "a customer ordered a muffin" });
    await mind.poignancy({ persona: klaus, kind: "event", description: "the printer jammed" });
    await mind.decideToTalk({ persona: klaus, action: "reading", partner: "Maria Lopez", partnerAction: "studying", memories: [], nowMinute: 700 });

    const usage = mind.usage.snapshot();
    expect(usage.byQuestion.poignancy).toMatchObject({ calls: 2, requests: 2, fallbacks: 0 });
    expect(usage.byQuestion.decide_to_talk).toMatchObject({ calls: 1, requests: 1 });
    expect(usage.byQuestion.poignancy.inputTokens).toBeGreaterThan(50);
    expect(usage.byQuestion.poignancy.outputTokens).toBe(2 * Math.ceil('{"score":4}'.length / 4));
    expect(usage.byAgent["Klaus Mueller"].calls).toBe(2);
    expect(usage.total.inputTokens).toBe(usage.byQuestion.poignancy.inputTokens + usage.byQuestion.decide_to_talk.inputTokens);
  });

  test("embeddings come from the model; on failure the whole call uses hashed embeddings, warned once", async () => {
    const mind = mindFor();
    const texts = ["Isabella is planning a party", "Klaus is writing a paper"];
    expect(await mind.embed(texts)).toEqual(texts.map((t) => fakeEmbedding(t)));

    fake.queue("embeddings", { status: 400 }, { status: 400 });
    const fallback = await mind.embed(["the cafe is busy", "Maria is studying"]);
    expect(fallback).toEqual([hashEmbed("the cafe is busy"), hashEmbed("Maria is studying")]);
    expect(fallback.every((v) => v.length === HASH_EMBEDDING_DIMS)).toBe(true);
    await mind.embed(["the park is quiet"]);
    expect(warnings).toHaveLength(1);
  });

  test("the label names the model and server, never the key or URL credentials", () => {
    expect(mindLabel({ model: "gpt-4o-mini", baseURL: undefined })).toBe("language model (gpt-4o-mini via https://api.openai.com/v1)");
    const label = mindLabel({ model: "llama3", baseURL: "http://user:secret@127.0.0.1:11434/v1?token=abc" });
    expect(label).toBe("language model (llama3 via http://127.0.0.1:11434/v1)");
  });

  test("createMind: offline without a model; a model mind whose verify names a bad key", async () => {
    const offline = createMind({}, 1);
    expect(offline.mind).toBeInstanceOf(OfflineMind);
    expect(await offline.verify()).toBeNull();
    expect(createMind({ MIND: "offline", OPENAI_API_KEY: "sk-test" }, 1).mind).toBeInstanceOf(OfflineMind);

    const guarded = await startFakeOpenAI({ apiKey: "right-key" });
    try {
      const wrong = createMind({ OPENAI_API_KEY: "wrong-key", OPENAI_BASE_URL: guarded.url }, 1);
      expect(wrong.mind).toBeInstanceOf(LlmMind);
      expect(wrong.mind.label).not.toContain("wrong-key");
      expect(await wrong.verify()).toMatch(/rejected the API key/);
      const right = createMind({ OPENAI_API_KEY: "right-key", OPENAI_BASE_URL: guarded.url }, 1);
      expect(await right.verify()).toBeNull();
      expect(right.usage?.().total.calls).toBe(0);
    } finally {
      await guarded.close();
    }
  });
});
