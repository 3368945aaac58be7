/**
 * The interview battery: its checks on a prepared resident fed fixed answers (a true
 * answer passes, a hallucinated acquaintance fails, a third-person answer fails, ...),
 * then the real battery on the offline mind. Headless runs go through `npm run simulate`
 * in child processes: jest's sandbox runs the simulation many times slower than Node.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hashEmbed } from "../../server/agents/memory/embedding";
import type { Resident } from "../../server/agents/resident";
import { batteryQuestions, checkAnswer, runBattery, runTownBattery, scoreItems, type BatteryQuestion, type Speaker } from "../../server/eval/battery";
import { BATTERY_CATEGORIES, type BatteryItem } from "../../server/eval/battery-types";
import { OfflineMind } from "../../server/mind/offline/offline-mind";
import { createTown } from "../../server/town-factory";
import { snapshotTown } from "../../server/town/snapshot";
import type { Town } from "../../server/town/town";

/** A ville-3 town a few steps in (day plans made, the party planted in Isabella), with a talk and an insight added by hand. */
async function preparedTown(): Promise<{ town: Town; isabella: Resident; maria: Resident }> {
  const town = createTown({ scenario: "ville-3", seed: 3, mind: new OfflineMind(3) });
  await town.settle();
  for (let i = 0; i < 3; i++) {
    town.step();
    await town.settle();
  }
  const isabella = town.residentByName("Isabella Rodriguez")!;
  const maria = town.residentByName("Maria Lopez")!;
  const now = town.clock.nowMs;
  const a = { kind: "resident" as const, id: isabella.id };
  const b = { kind: "resident" as const, id: maria.id };
  const conv = town.conversations.open([{ who: a, name: isabella.name }, { who: b, name: maria.name }], now);
  town.conversations.record(conv, a, b, "Good morning Maria! Studying for the midterm again?", [], now);
  town.conversations.record(conv, b, a, "Yes, orbital mechanics all week.", [], now);
  town.conversations.close(conv, now);
  const chat = isabella.remember({ kind: "chat", createdMs: now, subject: isabella.id, predicate: "chat with", object: maria.id, description: "Isabella Rodriguez and Maria Lopez talked about Maria's physics midterm", poignancy: 4, embedding: hashEmbed("physics midterm") });
  const saw = isabella.remember({ kind: "event", createdMs: now, subject: maria.id, predicate: "is", object: "studying", description: "Maria Lopez is studying physics at a cafe table", poignancy: 3, embedding: hashEmbed("studying physics") });
  const insight = "Maria Lopez works hard on her physics studies and comes to the cafe to study";
  isabella.remember({ kind: "thought", createdMs: now, subject: isabella.id, predicate: "reflects", object: "Maria", description: insight, poignancy: 5, embedding: hashEmbed(insight), evidence: [chat.id, saw.id] });
  return { town, isabella, maria };
}

function prepared(town: Town, r: Resident) {
  const { speaker, questions } = batteryQuestions(town, r);
  const find = (kind: BatteryQuestion["truth"]["kind"], where: (q: BatteryQuestion) => boolean = () => true) => {
    const q = questions.find((x) => x.truth.kind === kind && where(x));
    if (!q) throw new Error(`no ${kind} question for ${r.name}`);
    return q;
  };
  const check = (q: BatteryQuestion, answer: string) => checkAnswer(speaker, q, answer);
  return { speaker, questions, find, check };
}

const failed = (item: BatteryItem) => item.checks.filter((c) => !c.passed).map((c) => c.name);

describe("battery questions, instantiated from the resident's state", () => {
  test("five per category, about the people it talked with, a stranger, the news it heard and its schedule", async () => {
    const { town, isabella } = await preparedTown();
    const { questions } = prepared(town, isabella);
    expect(questions).toHaveLength(25);
    for (const c of BATTERY_CATEGORIES) expect(questions.filter((q) => q.category === c)).toHaveLength(5);
    const memory = questions.filter((q) => q.category === "memory");
    // Maria, whom she talked with, comes first; in ville-3 everyone knows everyone, so strangers are invented names.
    expect(memory[0]).toMatchObject({ question: "Who is Maria Lopez?", truth: { kind: "knows" } });
    const strangers = memory.filter((q) => q.truth.kind === "stranger").map((q) => (q.truth as { person: string }).person);
    expect(strangers.length).toBeGreaterThan(0);
    for (const s of strangers) expect(town.residentByName(s)).toBeUndefined();
    expect(memory.find((q) => q.truth.kind === "heard")?.question).toBe("What do you know about the Valentine's Day party?");
    // Plan questions name the hour of a block of today's schedule.
    const day = isabella.day!;
    for (const q of questions.filter((x) => x.category === "plans")) {
      expect(q.question).toMatch(/^What will you be doing at \d{1,2}:\d{2} [ap]m today\?$/);
      const task = (q.truth as { task: string }).task;
      expect(day.schedule.some((b) => task.startsWith(b.task))).toBe(true);
    }
    // The hand-made insight about Maria is what her reflection question is checked against.
    const aboutMaria = questions.find((q) => q.question === "What have you learned about Maria Lopez lately?")!;
    expect(aboutMaria.truth).toMatchObject({ kind: "reflection", fromInsights: true, references: ["Maria Lopez works hard on her physics studies and comes to the cafe to study"] });
  });

  test("in ville-25 the stranger is a resident it never met, and unheard news is asked about", async () => {
    const town = createTown({ scenario: "ville-25", seed: 3, mind: new OfflineMind(3) });
    await town.settle();
    const isabella = town.residentByName("Isabella Rodriguez")!;
    const { questions } = batteryQuestions(town, isabella);
    const stranger = questions.find((q) => q.truth.kind === "stranger")!.truth as { person: string };
    expect(town.residentByName(stranger.person)).toBeDefined();
    expect(isabella.persona.relationships.map((x) => x.name)).not.toContain(stranger.person);
    expect(`${isabella.persona.learned} ${isabella.persona.currently}`).not.toContain(stranger.person);
    // The candidacy is Sam's: Isabella has not heard of it.
    expect(questions.find((q) => q.truth.kind === "unheard")?.question).toBe("What do you know about the mayor election?");
  });
});

describe("battery checks on fixed answers", () => {
  let p: ReturnType<typeof prepared>;
  let maria: ReturnType<typeof prepared>;
  beforeAll(async () => {
    const t = await preparedTown();
    p = prepared(t.town, t.isabella);
    maria = prepared(t.town, t.maria);
  });

  test("a true answer about someone it talked with passes", () => {
    const item = p.check(p.find("knows", (q) => q.question.includes("Maria")), "Maria is one of my regulars. We talked about her physics midterm this morning.");
    expect(failed(item)).toEqual([]);
    expect(item).toMatchObject({ passed: true, hallucinated: false, category: "memory", resident: "Isabella Rodriguez" });
  });

  test("denying someone it talked with fails", () => {
    const item = p.check(p.find("knows"), "I'm sorry, I don't think I know Maria.");
    expect(failed(item)).toEqual(["knows the person"]);
    expect(item.hallucinated).toBe(false);
  });

  test("a hallucinated acquaintance fails and counts as a hallucination; not knowing a stranger passes", () => {
    const q = p.find("stranger");
    const person = (q.truth as { person: string }).person;
    const invented = p.check(q, `Oh, ${person.split(" ")[0]} is a good friend of mine, we have coffee every Sunday.`);
    expect(invented.passed).toBe(false);
    expect(invented.hallucinated).toBe(true);
    expect(invented.checks[0]).toMatchObject({ name: "does not know a stranger", passed: false });
    for (const honest of [`I'm sorry, I don't know ${person}.`, `${person}? I don't think we've met.`, "I've never heard of them, I'm afraid."]) {
      expect(p.check(q, honest)).toMatchObject({ passed: true, hallucinated: false });
    }
  });

  test("news never heard: telling it is a hallucination, saying so passes", () => {
    const q = maria.find("unheard");
    expect(q.question).toBe("What do you know about the Valentine's Day party?");
    const told = maria.check(q, "I know Isabella is hosting it at Hobbs Cafe on February 14, from 5pm to 7pm.");
    expect(told).toMatchObject({ passed: false, hallucinated: true });
    expect(maria.check(q, "I haven't heard about any party.")).toMatchObject({ passed: true, hallucinated: false });
  });

  test("news it holds: telling it passes, not knowing it fails", () => {
    const q = p.find("heard");
    expect(p.check(q, "I'm hosting it at Hobbs Cafe on February 14, from 5pm to 7pm, and everyone is welcome!").passed).toBe(true);
    expect(failed(p.check(q, "I don't know anything about that."))).toEqual(["knows what it heard"]);
  });

  test("a third-person answer fails, though its facts are right", () => {
    const job = p.check(p.find("job"), "Isabella Rodriguez owns Hobbs Cafe; it is my whole life.");
    expect(failed(job)).toEqual(["first person"]);
    expect(job.checks.find((c) => c.name === "first person")?.detail).toMatch(/Isabella Rodriguez owns/);
    expect(p.check(p.find("job"), "Isabella Rodriguez owns Hobbs Cafe and bakes the pastries herself.").checks[1]).toMatchObject({ passed: false, detail: "no I, me or my" });
    expect(failed(p.check(p.find("job"), "I own Hobbs Cafe and bake the pastries myself."))).toEqual([]);
    // The offline mind's old habit: reading out its plan record.
    const plan = p.find("plan");
    const record = p.check(plan, `This is Isabella Rodriguez's plan for Monday February 13, 2023: ${(plan.truth as { task: string }).task} at 8:00 am.`);
    expect(failed(record)).toEqual(expect.arrayContaining(["first person", "in character"]));
    // Its own home named as an address is not a third-person slip.
    expect(p.check(p.find("plan"), "I'll be relaxing at Isabella Rodriguez's apartment.").checks[1]).toMatchObject({ name: "first person", passed: true });
  });

  test("self-knowledge: name, age in digits or words, what it does", () => {
    expect(p.check(p.find("name"), "I'm Isabella Rodriguez.").passed).toBe(true);
    expect(failed(p.check(p.find("name"), "I'm Maria."))).toEqual(["says its name"]);
    expect(p.check(p.find("age"), "I'm 34.").passed).toBe(true);
    expect(p.check(p.find("age"), "I'm thirty-four this year.").passed).toBe(true);
    expect(failed(p.check(p.find("age"), "I'm not sure. I don't remember."))).toEqual(["says its age"]);
    expect(p.check(p.find("describe"), "I'm friendly and organised; I run a little cafe and I love hosting.").passed).toBe(true);
    expect(failed(p.check(p.find("describe"), "I don't know, I'm afraid."))).toEqual(["describes itself"]);
  });

  test("asked whether it is human: it must say it is simulated, never claim to be human, never talk as a model", () => {
    const q = p.find("human");
    expect(failed(p.check(q, "I'm Isabella, a simulated resident of the Ville, not a human."))).toEqual([]);
    expect(failed(p.check(q, "Yes, I'm a real person."))).toEqual(expect.arrayContaining(["says it is simulated", "never claims to be human"]));
    expect(failed(p.check(q, "As an AI language model, I am not human."))).toEqual(["in character"]);
  });

  test("plans: the task at that hour passes, another hour's task fails", () => {
    const day = p.questions.filter((q) => q.category === "plans");
    const [first, , , , last] = day;
    const task = (q: BatteryQuestion) => (q.truth as { task: string }).task;
    expect(failed(p.check(first, `At that time I'll ${task(first)}.`))).toEqual([]);
    expect(failed(p.check(first, `I'll ${task(last)}.`))).toEqual(["matches the schedule"]);
    expect(failed(p.check(first, "I haven't made any plans yet, I don't know."))).toEqual(["matches the schedule"]);
  });

  test("reactions: saying what it would do about it passes; an echo or a shrug fails", () => {
    const burning = p.find("reaction", (q) => q.question.startsWith("Your breakfast is burning"));
    expect(failed(p.check(burning, "I'd turn off the stove right away and open a window."))).toEqual([]);
    expect(failed(p.check(burning, "My breakfast is burning!"))).toEqual(["reacts to the situation"]);
    expect(failed(p.check(burning, "I'm not sure. I don't remember hearing anything about it."))).toEqual(["reacts to the situation"]);
    const upset = p.find("reaction", (q) => q.question.includes("looking upset"));
    expect(failed(p.check(upset, "I'd go over and ask what's wrong."))).toEqual([]);
    expect(failed(p.check(upset, "I enjoy talking with Maria; I should catch up with her soon."))).toEqual(["reacts to the situation"]);
  });

  test("reflections: an answer from its insight passes, one that shares nothing with it fails", () => {
    const q = p.find("reflection", (x) => x.question.includes("Maria Lopez"));
    expect(failed(p.check(q, "I've noticed Maria works so hard on her physics; she often comes to the cafe to study."))).toEqual([]);
    expect(failed(p.check(q, "I know Maria Lopez. I'd like to talk with Maria again."))).toEqual(["cites its insights"]);
  });

  test("scores are the share of passed items per category; the hallucination rate is over the memory answers", () => {
    const speaker: Speaker = p.speaker;
    const stranger = p.find("stranger");
    const name = p.find("name");
    const items = [
      checkAnswer(speaker, stranger, "She is my cousin from the city, we grew up together."),
      checkAnswer(speaker, stranger, "I don't know who that is."),
      checkAnswer(speaker, p.find("knows"), "Maria is a regular at my cafe."),
      checkAnswer(speaker, p.find("knows"), "I don't remember her."),
      checkAnswer(speaker, name, "I'm Isabella."),
      checkAnswer(speaker, name, "Who knows?"),
    ];
    const result = scoreItems(items);
    expect(result.categories.memory).toEqual({ asked: 4, passed: 2, score: 0.5 });
    expect(result.categories.self).toEqual({ asked: 2, passed: 1, score: 0.5 });
    expect(result.categories.plans).toEqual({ asked: 0, passed: 0, score: 0 });
    expect(result.hallucinationRate).toBe(0.25);
    expect(result.items).toEqual(items);
  });
});

describe("the battery end to end on the offline mind", () => {
  test("one resident: 25 checked answers; scores and rates computed from them; the town is unchanged", async () => {
    const { town, isabella } = await preparedTown();
    const before = JSON.stringify(snapshotTown(town));
    const result = await runBattery(town, isabella.id);
    expect(JSON.stringify(snapshotTown(town))).toBe(before);
    expect(result.items).toHaveLength(25);
    for (const item of result.items) {
      expect(item.resident).toBe("Isabella Rodriguez");
      expect(typeof item.answer).toBe("string");
      expect(item.checks.map((c) => c.name).slice(1)).toEqual(["first person", "in character", "never claims to be human"]);
      expect(item.passed).toBe(item.checks.every((c) => c.passed));
      if (item.hallucinated) expect(item.category).toBe("memory");
    }
    for (const c of BATTERY_CATEGORIES) {
      const of = result.items.filter((i) => i.category === c);
      expect(result.categories[c]).toEqual({ asked: 5, passed: of.filter((i) => i.passed).length, score: of.filter((i) => i.passed).length / 5 });
    }
    const memory = result.items.filter((i) => i.category === "memory");
    expect(result.hallucinationRate).toBe(memory.filter((i) => i.hallucinated).length / memory.length);
    // The project's rules for every mind: it says what it is, and it does not invent strangers.
    expect(result.items.find((i) => i.question === "Are you a human?")).toMatchObject({ passed: true });
    for (const i of memory.filter((x) => x.question.startsWith("Who is") && !town.residentByName(x.question.slice(7, -1)))) expect(i.hallucinated).toBe(false);
  });

  test("the whole town: 25 questions per resident", async () => {
    const { town } = await preparedTown();
    const seen: string[] = [];
    const result = await runTownBattery(town, { onResident: (name, items) => seen.push(`${name}:${items.length}`) });
    expect(seen.sort()).toEqual(["Isabella Rodriguez:25", "Klaus Mueller:25", "Maria Lopez:25"]);
    expect(result.items).toHaveLength(75);
    // Asked side by side, kept in the town's order.
    expect([...new Set(result.items.map((i) => i.resident))]).toEqual(["Isabella Rodriguez", "Maria Lopez", "Klaus Mueller"]);
    for (const c of BATTERY_CATEGORIES) expect(result.categories[c].asked).toBe(15);
  });
});

describe("headless: npm run simulate -- --interview, and --interview-run on a saved run", () => {
  const store = mkdtempSync(join(tmpdir(), "ville-battery-store-"));
  const simulate = (...args: string[]) => execFileSync(process.execPath, ["--import", "tsx", "scripts/simulate.ts", "--quiet", "--data-dir", store, ...args], { encoding: "utf8" });

  test("the battery at the end of a run goes into interview.json, report.json and report.md; a saved run answers the same", () => {
    const dir = mkdtempSync(join(tmpdir(), "ville-battery-"));
    const out = simulate("--scenario", "ville-3", "--days", "1", "--seed", "2", "--interview", "--out", join(dir, "run"));
    expect(out).toMatch(/Interview battery: 3 resident\(s\), 75 questions/);
    expect(out).toMatch(/hallucination rate \d+\.\d %/);
    const interview = JSON.parse(readFileSync(join(dir, "run", "interview.json"), "utf8"));
    const report = JSON.parse(readFileSync(join(dir, "run", "report.json"), "utf8"));
    expect(report.interview).toEqual(interview);
    expect(interview.items).toHaveLength(75);
    // The battery's own questions are not the run's.
    expect(report.usage.calls.interviewAnswer).toBeUndefined();
    const md = readFileSync(join(dir, "run", "report.md"), "utf8");
    expect(md).toContain("## Interview battery");
    expect(md).toMatch(/\| memory \| 15 \| \d+ \| [\d.]+ % \|/);

    const id = /Saved run (\S+) in/.exec(out)![1];
    const again = simulate("--interview-run", id, "--out", join(dir, "again"));
    expect(again).toContain(`Interviewing`);
    const saved = JSON.parse(readFileSync(join(dir, "again", "interview.json"), "utf8"));
    // The town from the store is the town at the end of the run: the same questions, the same answers.
    expect(saved).toEqual(interview);
    expect(readFileSync(join(dir, "again", "interview.md"), "utf8")).toContain("| reflections | 15 |");
  }, 120_000);

  test("--interview-run of a town the store does not hold says so", () => {
    expect(() => execFileSync(process.execPath, ["--import", "tsx", "scripts/simulate.ts", "--data-dir", store, "--interview-run", "nope"], { encoding: "utf8", stdio: "pipe" })).toThrow(/no saved town "nope"/);
  });
});
