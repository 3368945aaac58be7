/**
 * The offline rule-based mind answers and behaves sensibly (issue 9, part 2): interview
 * answers in the first person from memories and the day's plan, dialogue that answers
 * what was said and never repeats a line to the same partner in a day, news passed on
 * only when it concerns the listener or comes up, insights that generalise, day plans
 * without repeated items, talk only where both are, grammatical memory text.
 */
import { canTalk } from "../../server/agents/react";
import { EARLIER_LINE_PREFIX } from "../../server/agents/converse-mind";
import { Resident, type Action } from "../../server/agents/resident";
import type { ChatTurn, KnownPlaces, MemoryRef, UtteranceInput } from "../../server/mind/mind";
import { OfflineMind } from "../../server/mind/offline/offline-mind";
import { decomposeBlock } from "../../server/mind/offline/decompose";
import { pendingNews, worthTelling } from "../../server/mind/offline/dialogue";
import { buildSchedule, describePlan, SLEEPING } from "../../server/mind/offline/routine";
import { isWorkBlock, workProfileOf } from "../../server/mind/offline/persona-day";
import { loadScenario } from "../../server/scenarios";
import { residentId } from "../../server/sim/ids";
import { rngFor } from "../../server/sim/rng";
import { loadMaze } from "../../server/town-factory";

const ville = loadScenario("ville-25");
const persona = (name: string) => ville.personas.find((p) => p.name === name)!;
const PARTY = ville.facts.find((f) => f.id === "valentine-party")!.text;
const MAYOR = ville.facts.find((f) => f.id === "mayor-candidacy")!.text;
const everywhere: KnownPlaces = loadMaze("ville").placeTree();
const mind = new OfflineMind(5);
const MONDAY = Date.UTC(2023, 1, 13);
const mem = (id: string, text: string, hour = 9): MemoryRef => ({ id, text, createdMs: MONDAY + hour * 3_600_000 });

/** A third-person sentence about oneself: "Isabella Rodriguez is ...", "Isabella's". */
const thirdPerson = (name: string) => new RegExp(`\\b(?:${name}|${name.split(" ")[0]})(?:'s\\b|\\s+(?:is|was|has|will|plans|owns|wants)\\b)`);

describe("offline interviews: first person, from memories and the day's plan", () => {
  const isabella = persona("Isabella Rodriguez");
  const plan = describePlan(buildSchedule(isabella, everywhere, rngFor(1, "plan")));
  // A prepared resident: her planted party, her day plan, two invitations she made, other memories.
  const memories = [
    mem("i1", PARTY, 0),
    mem("i2", `This is Isabella Rodriguez's plan for Monday February 13, 2023: ${plan.join(", ")}.`, 6),
    mem("i3", "Isabella Rodriguez and Hailey Johnson talked about the Valentine's Day party at Hobbs Cafe.", 9),
    mem("i4", "I invited Hailey Johnson to my Valentine's Day party at Hobbs Cafe.", 9),
    mem("i5", "Klaus Mueller is drinking coffee at a cafe table", 10),
    mem("i6", "I invited Carmen Ortiz to my Valentine's Day party at Hobbs Cafe. Carmen Ortiz thinks the Ville needs support for its small shops.", 11),
    mem("i7", "Tom Moreno is eating breakfast", 7),
  ];
  const ask = (question: string, nowMinute = 16 * 60, who = isabella, mems = memories, dayPlan = plan) =>
    mind.interviewAnswer({ persona: who, question, asker: "a visitor", memories: mems, plan: dayPlan, action: "serve customers at the counter", nowMinute });
  const firstPerson = (answer: string, name = isabella.name) => {
    expect(answer).toMatch(/\b(I|I'm|I've|I'd|my|me)\b/);
    expect(answer).not.toMatch(thirdPerson(name));
    expect(answer).not.toMatch(/this is .*'s plan|for my planning/i);
  };

  test("what did you have for breakfast: when and where, in the first person, not the plan read out", async () => {
    const answer = await ask("What did you have for breakfast?");
    firstPerson(answer);
    expect(answer).toMatch(/breakfast/);
    expect(answer).toMatch(/6:30 am/);
    expect(answer).toMatch(/\bat home\b/);
    // Someone else's breakfast is not hers.
    expect(answer).not.toMatch(/Tom/);
  });

  test("whom did you invite to your party: the people the memories say she invited", async () => {
    const answer = await ask("Whom did you invite to your party?");
    firstPerson(answer);
    expect(answer).toMatch(/^I invited Hailey Johnson and Carmen Ortiz to my Valentine's Day party/);
    expect(answer).not.toMatch(/don't know/i);
    // With no invitation made yet, the host says so, still as herself.
    const none = await ask("Who did you invite to the party?", 16 * 60, isabella, [memories[0]]);
    firstPerson(none);
    expect(none).toMatch(/I'm hosting a Valentine's Day party/);
  });

  test("where were you at noon, and where will you be tonight: from today's plan", async () => {
    const noon = await ask("Where were you at noon?");
    firstPerson(noon);
    expect(noon).toBe("At noon I was at Hobbs Cafe, running the cafe.");
    const later = await ask("What will you be doing at 9:00 pm today?");
    firstPerson(later);
    expect(later).toMatch(/^At 9 pm I'll be /);
    const early = await ask("Where were you at 3 am?");
    expect(early).toMatch(/asleep/);
  });

  test("Sam, asked what the Ville needs: his own view from his persona, and what neighbours told him", async () => {
    const sam = persona("Sam Moore");
    const memories = [mem("s1", MAYOR, 0), mem("s2", "Tom Moreno thinks the Ville needs support for its small shops.", 10)];
    const answer = await ask("What does the Ville need?", 16 * 60, sam, memories, []);
    firstPerson(answer, sam.name);
    expect(answer).toMatch(/^I think the Ville needs /);
    // A retired roads engineer who writes to the council.
    expect(answer).toMatch(/potholes|roads/);
    expect(answer).toMatch(/Tom Moreno told me it needs support for its small shops/);
    expect(answer).not.toMatch(/don't (really )?know|good question/i);
    const other = await ask("What do you think the Ville needs?", 16 * 60, persona("Klaus Mueller"), [], []);
    expect(other).toMatch(/^I think the Ville needs homes that people can afford/);
  });

  test("who/what questions answer from memory as the resident says it", async () => {
    expect(await ask("What do you know about the Valentine's Day party?")).toMatch(/^I'm hosting a Valentine's Day party at Hobbs Cafe/);
    expect(await ask("Who did you talk to today?")).toBe("I talked with Hailey Johnson and Carmen Ortiz.");
    expect(await ask("Who is Adam Smith?")).toMatch(/don't think (I know|we've met)/);
    const klaus = await ask("Who is Klaus Mueller?");
    firstPerson(klaus);
    expect(klaus).toMatch(/Klaus is my regular customer/);
    const burning = await ask("Your breakfast is burning! What would you do?");
    expect(burning).toMatch(/\bI'd turn off the stove\b/);
  });
});

describe("offline dialogue: answers what was said, never the same line twice to one person in a day", () => {
  const turn = (input: Partial<UtteranceInput> & { persona: UtteranceInput["persona"]; partner: string }): UtteranceInput => ({
    place: "Hobbs Cafe: cafe",
    action: "drink coffee at a cafe table",
    partnerAction: "serve customers at the counter",
    memories: [],
    transcript: [],
    nowMinute: 600,
    ...input,
  });

  test("asked what the Ville needs, a resident gives its view; the candidate takes it in", async () => {
    const sam = persona("Sam Moore");
    const tom = persona("Tom Moreno");
    const canvass: ChatTurn[] = [{ speaker: sam.name, text: "Hi Tom! I'm running for mayor in the local election. What do you think the Ville needs?" }];
    const reply = await mind.nextUtterance(turn({ persona: tom, partner: sam.name, transcript: canvass }));
    expect(reply.text).toMatch(/running for mayor\?/);
    expect(reply.text).toMatch(/I think the Ville needs support for its small shops/);
    const back = await mind.nextUtterance(turn({ persona: sam, partner: tom.name, memories: [mem("s1", MAYOR, 0)], transcript: [...canvass, { speaker: tom.name, text: reply.text }] }));
    expect(back.text).toMatch(/good point, Tom\. I'll remember that the Ville needs support for its small shops/);
    expect(back.text).not.toMatch(/don't (really )?know/);
  });

  test("a question gets an answer, not a shrug and a new question", async () => {
    const sam = persona("Sam Moore");
    const line = await mind.nextUtterance(turn({ persona: sam, partner: "Jennifer Moore", transcript: [{ speaker: "Jennifer Moore", text: "Hi Sam! What does the town need, do you think?" }] }));
    expect(line.text).toMatch(/I think the Ville needs a town council that listens and better roads/);
  });

  test("lines said to the partner earlier today are not said again, greetings included", async () => {
    const maria = persona("Maria Lopez");
    const said = new Set<string>();
    let earlier: MemoryRef[] = [];
    // Five conversations with Klaus in one day, each opened by Maria and answered by a line of his.
    for (let k = 0; k < 5; k++) {
      const transcript: ChatTurn[] = [];
      for (let i = 0; i < 8; i++) {
        const mine = i % 2 === 0;
        const answer = await mind.nextUtterance(
          turn({ persona: mine ? maria : persona("Klaus Mueller"), partner: mine ? "Klaus Mueller" : maria.name, memories: mine ? earlier : [], transcript: [...transcript], nowMinute: 600 + k * 150, lastChat: k > 0 ? "Maria Lopez and Klaus Mueller talked about how their day was going." : undefined }),
        );
        transcript.push({ speaker: mine ? maria.name : "Klaus Mueller", text: answer.text });
        if (mine) {
          expect(said.has(answer.text)).toBe(false);
          said.add(answer.text);
        }
        if (answer.end) break;
      }
      earlier = [...earlier, ...transcript.filter((t) => t.speaker === maria.name).map((t, j) => mem(`c${k}-${j}`, `${EARLIER_LINE_PREFIX}Klaus Mueller: ${t.text}`, 10 + k))];
    }
    expect(said.size).toBeGreaterThanOrEqual(10);
  });

  test("heard news goes to whom it concerns or when it comes up; one's own news always", () => {
    const klaus = persona("Klaus Mueller");
    const heard = mem("k1", `Isabella Rodriguez told me that ${PARTY}`);
    const base = turn({ persona: klaus, partner: "Tom Moreno", memories: [heard] });
    const [news] = pendingNews(base);
    expect(news.core).toMatch(/^Isabella Rodriguez is hosting/);
    // A stranger, and nothing said about parties: he keeps it to himself.
    expect(worthTelling(news, base, "")).toBe(false);
    // The talk comes to it.
    const cameUp: ChatTurn[] = [{ speaker: "Tom Moreno", text: "I wonder what Isabella is up to at the cafe." }];
    expect(worthTelling(news, { ...base, transcript: cameUp }, cameUp[0].text)).toBe(true);
    // A friend, when he means to go himself: come along.
    const going = { ...base, partner: "Wolfgang Schulz", memories: [heard, mem("k2", "For my planning: I should go to the Valentine's Day party at Hobbs Cafe on February 14, 2023, from 5pm to 7pm.")] };
    expect(worthTelling(pendingNews(going)[0], going, "")).toBe(true);
    // The host tells her own party to anyone.
    const host = turn({ persona: persona("Isabella Rodriguez"), partner: "Tom Moreno", memories: [mem("i1", PARTY, 0)] });
    const own = pendingNews(host)[0];
    expect(own.own).toBe(true);
    expect(worthTelling(own, host, "")).toBe(true);
    // Nor twice to the same person in a day.
    const again = { ...host, memories: [...host.memories, mem("e1", `${EARLIER_LINE_PREFIX}Tom Moreno: Guess what? I'm hosting a Valentine's Day party at Hobbs Cafe on February 14, 2023, from 5pm to 7pm.`)] };
    expect(pendingNews(again)).toEqual([]);
  });
});

describe("offline memory text and reflection", () => {
  test("conversation summaries and memos read as sentences", async () => {
    const sam = persona("Sam Moore");
    const transcript: ChatTurn[] = [
      { speaker: "Sam Moore", text: "Hi Tom! I'm running for mayor in the local election. What do you think the Ville needs?" },
      { speaker: "Tom Moreno", text: "You're running for mayor? I had no idea. I think the Ville needs support for its small shops." },
      { speaker: "Sam Moore", text: "These days I'm planning campaign events. Bye, Tom!" },
    ];
    const summary = await mind.summarizeConversation({ persona: sam, partner: "Tom Moreno", transcript });
    expect(summary).toBe("Sam Moore and Tom Moreno talked about Sam Moore running for mayor, what the Ville needs and Sam planning campaign events.");
    const { memo } = await mind.postChatThoughts({ persona: sam, partner: "Tom Moreno", transcript });
    expect(memo).toBe("I told Tom Moreno that I'm running for mayor in the local election. Tom Moreno thinks the Ville needs support for its small shops.");
    const host = await mind.postChatThoughts({ persona: persona("Isabella Rodriguez"), partner: "Hailey Johnson", transcript: [{ speaker: "Isabella Rodriguez", text: `Guess what? I'm hosting a Valentine's Day party at Hobbs Cafe on February 14, 2023, from 5pm to 7pm. I'd love for you to come!` }, { speaker: "Hailey Johnson", text: "I'd love to come, thank you!" }] });
    expect(host.memo).toBe("I invited Hailey Johnson to my Valentine's Day party at Hobbs Cafe.");
  });

  test("insights generalise across two or more memories; one chat is not 'we talk often', one sighting no insight", async () => {
    const latoya = persona("Latoya Williams");
    const once = [mem("a1", "Latoya Williams and Isabella Rodriguez talked about the Valentine's Day party at Hobbs Cafe.", 9), mem("a2", "Jane Moreno is washing the dishes at the kitchen sink", 10)];
    const few = await mind.insights({ persona: latoya, question: "What is my relationship with Isabella Rodriguez like?", memories: once });
    expect(few.map((i) => i.insight).join(" ")).not.toMatch(/talk often|I saw/);
    const many = [
      ...once,
      mem("a3", "Latoya Williams and Isabella Rodriguez talked about the photo series.", 15),
      mem("a4", "Isabella Rodriguez told me that Isabella is hosting a Valentine's Day party at Hobbs Cafe on February 14, 2023, from 5pm to 7pm.", 9),
      mem("a5", "For my planning: I should go to the Valentine's Day party at Hobbs Cafe on February 14, 2023, from 5pm to 7pm.", 9),
      mem("a6", "Hailey Johnson told me that Isabella is hosting a Valentine's Day party at Hobbs Cafe on February 14, 2023, from 5pm to 7pm.", 13),
    ];
    const insights = await mind.insights({ persona: latoya, question: "What is my relationship with Isabella Rodriguez like?", memories: many });
    expect(insights.length).toBeGreaterThan(0);
    for (const i of insights) {
      expect(i.evidence.length).toBeGreaterThanOrEqual(2);
      expect(i.insight).not.toMatch(/^I saw\b/);
      expect(i.insight).toMatch(/\b(I|I'm|I've|my|me)\b/);
    }
    const text = insights.map((i) => i.insight);
    expect(text[0]).toMatch(/^Isabella Rodriguez and I talk often; lately we talked about the Valentine's Day party at Hobbs Cafe/);
    expect(text).toContain("I plan to go to the Valentine's Day party at Hobbs Cafe; Isabella Rodriguez and Hailey Johnson told me about it");
  });
});

describe("offline day plans: no repeated or contradictory items", () => {
  test.each(ville.personas.map((p) => p.name))("%s: short meals, free time used once, no outing to the day's workplace", (name) => {
    const p = persona(name);
    const blocks = buildSchedule(p, everywhere, rngFor(3, name));
    const work = workProfileOf(p, everywhere);
    const awake = blocks.filter((b) => b.task !== SLEEPING);
    for (const b of awake.filter((x) => /breakfast|lunch|dinner/.test(x.task))) expect(b.minutes).toBeLessThanOrEqual(120);
    // Outside work, no item twice in a day.
    const free = awake.filter((b) => !isWorkBlock(p, b.task));
    expect(new Set(free.map((b) => b.task)).size).toBe(free.length);
    // Nobody goes for a coffee (or a drink) where they have just worked.
    if (work.sector) for (const b of free) if (/coffee|drink|walk/.test(b.task)) expect(b.task).not.toContain(work.sector);
    // Subtasks: none twice in a row, and a meal is a few steps, each once.
    let last = "";
    for (const b of awake) {
      const subs = decomposeBlock(p, b.task, b.minutes, isWorkBlock(p, b.task) ? work.tasks : [], rngFor(3, name, b.task));
      expect(subs.reduce((n, s) => n + s.minutes, 0)).toBe(b.minutes);
      for (const s of subs) {
        expect(s.task).not.toBe(last);
        last = s.task;
      }
      if (/breakfast/.test(b.task)) expect(new Set(subs.map((s) => s.task)).size).toBe(subs.length);
    }
  });

  test("Isabella's evening: no coffee at Hobbs Cafe after running it; Sam's morning is more than one cycle of tasks", () => {
    const isabella = buildSchedule(persona("Isabella Rodriguez"), everywhere, rngFor(1, "schedule", "Isabella Rodriguez", 0));
    expect(isabella.some((b) => /coffee at Hobbs Cafe/.test(b.task))).toBe(false);
    const sam = persona("Sam Moore");
    const blocks = buildSchedule(sam, everywhere, rngFor(1, "schedule", "Sam Moore", 0));
    const morning: string[] = [];
    let at = 0;
    for (const b of blocks) {
      if (at >= 6 * 60 && at < 12 * 60) morning.push(b.task);
      at += b.minutes;
    }
    expect(morning).toContain("take a morning walk in Johnson Park");
    const work = workProfileOf(sam, everywhere);
    const pieces = decomposeBlock(sam, "work on the campaign at home", 240, work.tasks, rngFor(1, "d"));
    // Each task is worked on in a stretch ("keep ..."), and no task starts over before every other had its turn.
    expect(pieces.some((s) => s.task.startsWith("keep "))).toBe(true);
    const starts = pieces.filter((s) => work.tasks.includes(s.task)).map((s) => s.task);
    expect(new Set(starts).size).toBe(starts.length);
  });
});

describe("talk only where both are", () => {
  const scenario = loadScenario("ville-3");
  const at = Date.parse("2023-02-13T10:00:00Z");
  const at_ = (i: number, sector: string, arena: string, description: string) => {
    const r = new Resident(residentId(i), scenario.personas[i], { x: i, y: 0 });
    const action: Action = { description, emoji: "", address: { world: "the Ville", sector, arena }, blockTask: description, startMs: at - 60_000, endMs: at + 600_000, event: [r.name, "is", description], objectState: "" };
    r.action = action;
    return r;
  };

  test("the library and a kitchen are not one place; the same cafe is", () => {
    expect(canTalk(at_(0, "Oak Hill College", "library", "browse the library shelves"), at_(1, "Dorm for Oak Hill College", "kitchen", "cook breakfast at the stove"), at)).toBe(false);
    expect(canTalk(at_(0, "Dorm for Oak Hill College", "common room", "read a book"), at_(1, "Dorm for Oak Hill College", "kitchen", "cook breakfast"), at)).toBe(false);
    expect(canTalk(at_(0, "Hobbs Cafe", "cafe", "drink coffee at a cafe table"), at_(1, "Hobbs Cafe", "cafe", "serve customers at the counter"), at)).toBe(true);
  });

  test("nobody starts a chat while brushing their teeth", async () => {
    const input = { persona: persona("Mei Lin"), action: "brush teeth at the bathroom sink", partner: "John Lin", partnerAction: "take a shower", memories: [], nowMinute: 400 };
    for (let m = 360; m < 480; m += 7) expect(await mind.decideToTalk({ ...input, nowMinute: m })).toBe(false);
  });
});
