/** The prompt units' pure parts: answer checks and repairs, the prompts themselves, and their structured-output schemas. */
import { isStrictSchema, jsonSchemaFormat, type PromptUnit } from "../../server/mind/llm/prompt";
import { actionPlaceMenu, actionPlaceUnit, candidateSectors, resolvePlace } from "../../server/mind/prompts/action-place";
import { blockPlacesUnit } from "../../server/mind/prompts/block-places";
import { blockPlanMenu, blockPlanUnit } from "../../server/mind/prompts/block-plan";
import { byQuestion, reflectionUnit } from "../../server/mind/prompts/reflection";
import { chatSummaryUnit } from "../../server/mind/prompts/chat-summary";
import { conversationUnit } from "../../server/mind/prompts/conversation";
import { dayPlanUnit } from "../../server/mind/prompts/day-plan";
import { dailyPlanUnit } from "../../server/mind/prompts/daily-plan";
import { decideToTalkUnit } from "../../server/mind/prompts/decide-to-talk";
import { decomposeUnit, fitSteps } from "../../server/mind/prompts/decompose";
import { hourlyScheduleUnit, readStart, spreadPlan, toSchedule } from "../../server/mind/prompts/hourly-schedule";
import { insightsUnit } from "../../server/mind/prompts/insights";
import { claimsHuman, interviewUnit } from "../../server/mind/prompts/interview";
import { matchName } from "../../server/mind/prompts/places";
import { memoryLines, transcriptLines } from "../../server/mind/prompts/persona";
import { poignancyUnit } from "../../server/mind/prompts/poignancy";
import { poignancyBatchUnit } from "../../server/mind/prompts/poignancy-batch";
import { postChatUnit } from "../../server/mind/prompts/post-chat";
import { reflectionQuestionsUnit } from "../../server/mind/prompts/reflection-questions";
import { reviseIdentityUnit } from "../../server/mind/prompts/revise-identity";
import { utteranceUnit } from "../../server/mind/prompts/utterance";
import { wakeUpUnit } from "../../server/mind/prompts/wake-up";
import { loadScenario } from "../../server/scenarios";
import { VILLE_ARENAS } from "../scenario/ville-places";
import { startFakeOpenAI } from "./fake-openai-server";

const klaus = loadScenario("ville-3").personas.find((p) => p.name === "Klaus Mueller")!;
const known = new Map(Object.entries(VILLE_ARENAS).map(([s, arenas]) => [s, new Map(arenas.map((a) => [a, ["desk"]]))]));
const sectors = Object.keys(VILLE_ARENAS);

test("place names are read as the closest known name, never as an unknown one", () => {
  expect(matchName("Hobbs Cafe", sectors)).toBe("Hobbs Cafe");
  expect(matchName("hobbs café", sectors)).toBe("Hobbs Cafe");
  expect(matchName("the Ville:Oak Hill College:library", ["classroom", "library"])).toBe("library");
  expect(matchName("Rose and Crown", sectors)).toBe("The Rose and Crown Pub");
  expect(matchName("Jonson Park", sectors)).toBe("Johnson Park");
  expect(matchName("Eiffel Tower", sectors)).toBeNull();
  expect(matchName("", sectors)).toBeNull();
});

test("the place prompt expands the sectors a task names and never offers other people's homes", () => {
  const { expanded, others } = candidateSectors({
    persona: klaus, task: "read sources", parentTask: "work on the paper at Oak Hill College", currentSector: "Dorm for Oak Hill College", known,
  });
  expect(expanded).toEqual(["Oak Hill College", "Dorm for Oak Hill College"]);
  expect(others).toContain("Hobbs Cafe");
  expect([...expanded, ...others].some((s) => /Lin family|Isabella Rodriguez's apartment/.test(s))).toBe(false);
});

test("places are numbered in the prompt; an answer's number, or names, read as a known place", () => {
  const input = { persona: klaus, task: "read sources", parentTask: "work on the paper at Oak Hill College", nowMinute: 600, currentSector: "Dorm for Oak Hill College", known };
  const { lines, spots } = actionPlaceMenu(input);
  expect(lines[1]).toMatch(/^Oak Hill College: #1 [^;]+ \[desk\]; #2 /);
  expect(spots[0].sector).toBe("Oak Hill College");
  expect(lines.at(-1)).toMatch(/^Elsewhere: #\d+ /);
  const read = (answer: unknown) => {
    const draft = actionPlaceUnit.schema.parse(answer);
    return resolvePlace(draft, input, spots);
  };
  expect(read({ place: "#1", object: "desk", emoji: "📚", event: ["is reading", "sources"], state: "covered in notes" })).toMatchObject({
    ok: true, answer: { sector: "Oak Hill College", arena: spots[0].arena, object: "desk", event: ["Klaus Mueller", "is reading", "sources"] },
  });
  // Names instead of a number, "sector: arena" in the number's place, or an unknown number.
  expect(read({ sector: "Oak Hill College", arena: spots[0].arena!, object: "" })).toMatchObject({ ok: true, answer: { sector: "Oak Hill College" } });
  expect(read({ place: `Oak Hill College: ${spots[0].arena}`, object: "" })).toMatchObject({ ok: true, answer: { arena: spots[0].arena } });
  expect(read({ place: 99, object: "" })).toMatchObject({ ok: false, sector: null });
  // A sector listed by name only is a known sector without an arena: the caller lets the rules choose there.
  const elsewhere = spots.findIndex((s) => s.arena === undefined) + 1;
  expect(read({ place: elsewhere, object: "" })).toMatchObject({ ok: false, sector: spots[elsewhere - 1].sector });
});

test("a block plan lists the places of the block it names alone, reads step tuples, and a repeated task keeps its place", () => {
  const where = { known, currentSector: "Dorm for Oak Hill College", nowMinute: 600 };
  const input = { persona: klaus, task: "work on the paper at Oak Hill College", startMinute: 600, minutes: 60, where, ahead: [{ task: "read at Oak Hill College", startMinute: 660, minutes: 30 }] };
  const menu = blockPlanMenu(input);
  expect(menu.spots.filter((s) => s.arena !== undefined).every((s) => s.sector === "Oak Hill College")).toBe(true);
  const prompt = blockPlanUnit.build(input).user;
  expect(prompt).toContain("1. From 10:00 am to 11:00 am (60 minutes), Klaus will: work on the paper at Oak Hill College.");
  expect(prompt).toContain("2. From 11:00 am to 11:30 am (30 minutes), Klaus will: read at Oak Hill College.");
  const blocks = blockPlanUnit.schema.parse({ blocks: [
    { steps: [["read sources", 30, 1, "desk", "📚", "is reading", "sources", "covered in notes"], { task: "take notes", minutes: 30, place: 1, object: "", emoji: "📝" }] },
    [["read sources", 30], ["", 5]],
  ] });
  expect(blocks).toHaveLength(2);
  expect(blocks[0].map((s) => [s.task, s.minutes, s.draft?.place, s.draft?.event])).toEqual([["read sources", 30, 1, ["is reading", "sources"]], ["take notes", 30, 1, null]]);
  expect(blocks[1].map((s) => [s.task, s.draft?.object])).toEqual([["read sources", "desk"]]); // as before; an empty task is no step
  // The first block alone as {"steps": [...]} reads too; a first block without steps does not.
  expect(blockPlanUnit.schema.parse({ steps: [["read sources", 60]] })[0]).toEqual([{ task: "read sources", minutes: 60, draft: null }]);
  expect(blockPlanUnit.schema.safeParse({ blocks: [{ steps: [] }] }).success).toBe(false);
});

test("a reflection answer: questions, and insights sorted back per question (at most five; none is null)", () => {
  const answer = reflectionUnit.schema.parse({
    questions: ["Who is coming?", "How is the cafe?"],
    insights: [
      ...Array.from({ length: 7 }, (_, i) => ({ q: 1, text: `insight ${i}`, because: ["n3"], importance: 5 })),
      { question: 9, text: "about no question", because: ["n3"] },
      { q: 1, insight: "named as the Mind names it", evidence: "n9" },
    ],
  });
  expect(answer.questions).toEqual(["Who is coming?", "How is the cafe?"]);
  const sorted = byQuestion(answer.insights, answer.questions.length);
  expect(sorted[0]).toHaveLength(5);
  expect(sorted[1]).toBeNull();
  expect(answer.insights.some((i) => i.insight === "named as the Mind names it" && i.evidence[0] === "n9")).toBe(true);
});

test("decomposition minutes are fitted to the block, cutting a plan far too long", () => {
  expect(fitSteps([{ task: "a", minutes: 10 }, { task: "b", minutes: 10 }, { task: "c", minutes: 10 }], 60)).toEqual([
    { task: "a", minutes: 20 }, { task: "b", minutes: 20 }, { task: "c", minutes: 20 },
  ]);
  const odd = fitSteps([{ task: "a", minutes: 7 }, { task: "b", minutes: 7 }, { task: "c", minutes: 7 }], 50);
  expect(odd.reduce((n, s) => n + s.minutes, 0)).toBe(50);
  const long = fitSteps(Array.from({ length: 12 }, (_, i) => ({ task: `s${i}`, minutes: 15 })), 60);
  expect(long.map((s) => s.task)).toEqual(["s0", "s1", "s2", "s3"]);
  expect(fitSteps([], 30)).toEqual([]);
});

test("schedule start times in any usual form become a day of 1440 minutes", () => {
  expect([readStart("06:30"), readStart("6"), readStart(7), readStart("7:15 pm"), readStart("noonish")]).toEqual([390, 360, 420, 1155, null]);
  const day = toSchedule([{ minute: 0, task: "Sleeping in bed" }, { minute: 300, task: "read" }, { minute: 480, task: "work" }], 420);
  expect(day).toEqual([{ task: "sleeping", minutes: 420 }, { task: "read", minutes: 60 }, { task: "work", minutes: 960 }]);
  const fallback = spreadPlan(klaus.lifestyle, 420, ["study", "lunch", "library"]);
  expect(fallback.reduce((n, b) => n + b.minutes, 0)).toBe(1440);
  expect(fallback[0]).toEqual({ task: "sleeping", minutes: 420 });
  expect(fallback.at(-1)?.task).toBe("sleeping");
});

test("claims of being human are recognised without flagging ordinary talk", () => {
  for (const claim of ["I am a human.", "I'm a real person, I promise", "I'm not an AI", "Honestly, I'm human!", "I'm real."]) {
    expect(claimsHuman(claim)).toBe(true);
  }
  for (const fine of ["I'm a morning person", "I'm a person who loves coffee", "I'm a real fan of jazz", "I am not a human", "I'm really tired"]) {
    expect(claimsHuman(fine)).toBe(false);
  }
});

test("prompts are short, ask for JSON and cap what the caller hands them", () => {
  const poignancy = poignancyUnit.build({ persona: klaus, kind: "event", description: "Maria is studying at the library" });
  expect(`${poignancy.system}\n${poignancy.user}`.length / 4).toBeLessThan(160);
  expect(poignancy.system).toMatch(/JSON/);

  const many = Array.from({ length: 40 }, (_, i) => ({ id: `n${i}`, text: `${i} ${"x".repeat(500)}`, createdMs: 0 }));
  expect(memoryLines(many, 6).split("\n")).toHaveLength(6);
  expect(memoryLines(many, 6).length).toBeLessThan(6 * 200);
  // The same text twice is one line with both ids.
  const seen = [{ id: "n1", text: "Klaus is reading" }, { id: "n2", text: "Maria is writing" }, { id: "n3", text: "Klaus is  reading" }].map((m) => ({ ...m, createdMs: 0 }));
  expect(memoryLines(seen, 6)).toBe("[n1, n3] Klaus is reading\n[n2] Maria is writing");
  const turns = Array.from({ length: 20 }, (_, i) => ({ speaker: i % 2 ? "Klaus Mueller" : "Maria Lopez", text: `line ${i}` }));
  expect(transcriptLines(turns, 8).split("\n")).toEqual(["(earlier lines left out)", ...turns.slice(-8).map((t) => `${t.speaker}: ${t.text}`)]);

  const utterance = utteranceUnit.build({
    persona: klaus, partner: "Maria Lopez", place: "Oak Hill College: library", action: "reading", partnerAction: "studying",
    memories: many, transcript: turns, nowMinute: 600,
  });
  expect(utterance.user.length / 4).toBeLessThan(900);
});

test("the utterance prompt recalls the last talk with the partner and names the others of a group", () => {
  const base = { persona: klaus, partner: "Maria Lopez", place: "Oak Hill College: library", action: "reading", partnerAction: "studying", memories: [], transcript: [], nowMinute: 600 };
  const alone = utteranceUnit.build(base).user;
  expect(alone).not.toMatch(/talked with Maria Lopez before|group conversation/);

  const again = utteranceUnit.build({ ...base, lastChat: "Klaus and Maria\ntalked about   his paper on gentrification." }).user;
  expect(again).toContain("Klaus has talked with Maria Lopez before; what Klaus remembers of their last talk: Klaus and Maria talked about his paper on gentrification.");
  expect(utteranceUnit.build({ ...base, lastChat: "x".repeat(2_000) }).user.length).toBeLessThan(alone.length + 400); // clipped

  const group = utteranceUnit.build({ ...base, others: ["Isabella Rodriguez", "Maria Lopez", "Isabella Rodriguez", "Ayesha Khan"] }).user;
  expect(group).toContain("This is a group conversation: Isabella Rodriguez, Ayesha Khan are there too and hear what Klaus says to Maria Lopez.");
  expect(utteranceUnit.build({ ...base, others: ["Ayesha Khan"] }).user).toContain("Ayesha Khan is there too");
  expect(utteranceUnit.build({ ...base, others: [] }).user).toBe(alone);
});

const place = { place: 3, object: "cafe counter", emoji: "☕", event: ["is serving", "coffee"], state: "busy" };
/** Every unit with an answer as a model under structured output would write it. */
const UNITS: Array<[PromptUnit<never, unknown>, unknown]> = [
  [wakeUpUnit, { hour: 6, minute: 30 }],
  [dailyPlanUnit, { plan: ["wake up at 6:30 am", "open the cafe at 8:00 am", "go to bed at 11:00 pm"] }],
  [hourlyScheduleUnit, { blocks: [{ at: "00:00", task: "sleeping" }, { at: "06:30", task: "open the cafe" }, { at: "23:00", task: "sleeping" }] }],
  [decomposeUnit, { steps: [{ task: "brew coffee", minutes: 10 }, { task: "serve customers", minutes: 50 }] }],
  [actionPlaceUnit, place],
  [blockPlacesUnit, { places: [{ n: 1, ...place }, { n: 2, ...place, object: "" }] }],
  [blockPlanUnit, { blocks: [{ steps: [["brew coffee", 10, 3, "coffee machine", "☕", "is brewing", "coffee", "brewing coffee"], ["serve customers", 50, 3, "", "🧾", "is serving", "customers", ""]] }, { steps: [["brew coffee", 30]] }] }],
  [reflectionUnit, { questions: ["How is the party coming along?"], insights: [{ q: 1, text: "The regulars look forward to the party", because: ["n3", "n9"], importance: 6 }] }],
  [poignancyUnit, { score: 4 }],
  [decideToTalkUnit, { talk: true }],
  [utteranceUnit, { text: "Good morning, Klaus!", end: false, cites: ["n3"] }],
  [dayPlanUnit, { wake: "06:30", plan: ["wake up at 6:30 am", "open the cafe at 8:00 am"], blocks: [{ at: "00:00", task: "sleeping" }, { at: "06:30", task: "open the cafe" }] }],
  [poignancyBatchUnit, { scores: [4, 7] }],
  [conversationUnit, {
    lines: [{ by: "Isabella", text: "Coming to the party?", cites: ["a1"] }, { by: "Klaus", text: "I would love to.", cites: [] }],
    notes: [{ by: "Isabella", summary: "Isabella and Klaus talked about the party.", importance: 5, planning: "Save Klaus a seat.", memo: "Klaus is coming." }],
  }],
  [chatSummaryUnit, { summary: "Isabella and Klaus talked about the party.", importance: 5, planning: "Save Klaus a seat at the party.", memo: "Klaus is busy with his paper." }],
  [postChatUnit, { planning: "Save Klaus a seat at the party.", memo: "Klaus is busy with his paper." }],
  [reflectionQuestionsUnit, { questions: ["How is the party coming along?"] }],
  [insightsUnit, { insights: [{ text: "The regulars look forward to the party", because: ["n3", "n9"], importance: 6 }] }],
  [reviseIdentityUnit, { currently: "Isabella is getting ready for the Valentine's Day party." }],
  [interviewUnit, { answer: "I'm getting the cafe ready for the party." }],
];

test("every unit asks for a strict JSON schema, and an answer that fits it always reads", () => {
  for (const [unit, sample] of UNITS) {
    const { json_schema } = jsonSchemaFormat(unit);
    expect([unit.name, json_schema.name, json_schema.strict]).toEqual([unit.name, unit.name, true]);
    expect(isStrictSchema(json_schema.schema)).toBe(true);
    expect(json_schema.schema).not.toHaveProperty("$schema");
    expect([unit.name, unit.outputSchema.safeParse(sample).success]).toEqual([unit.name, true]);
    expect([unit.name, unit.schema.safeParse(sample).success]).toEqual([unit.name, true]);
  }
  expect(jsonSchemaFormat(poignancyUnit)).toBe(jsonSchemaFormat(poignancyUnit)); // built once
  expect(isStrictSchema({ type: "object", properties: { a: { type: "string" } }, required: [], additionalProperties: false })).toBe(false);
});

test("every unit's schema is taken by a server that checks as OpenAI does, and its answer fits", async () => {
  const fake = await startFakeOpenAI();
  try {
    for (const [unit, sample] of UNITS) {
      fake.queue("chat", { content: JSON.stringify(sample) });
      const response = await fetch(`${fake.url}/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "?" }], response_format: jsonSchemaFormat(unit) }),
      });
      expect([unit.name, response.status]).toEqual([unit.name, 200]);
    }
    expect(fake.schemaMisfits).toEqual([]);
  } finally {
    await fake.close();
  }
});
