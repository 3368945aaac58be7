import { OfflineMind } from "../../server/mind/offline/offline-mind";
import { buildSchedule, SLEEPING } from "../../server/mind/offline/routine";
import { workHoursOf, workplaceOf, lifestyleOf } from "../../server/mind/offline/persona-day";
import type { KnownPlaces } from "../../server/mind/mind";
import { loadScenario } from "../../server/scenarios";
import { rngFor } from "../../server/sim/rng";
import { loadMaze } from "../../server/town-factory";

const everywhere: KnownPlaces = loadMaze("ville").placeTree();

const ville25 = loadScenario("ville-25");
const persona = (name: string) => ville25.personas.find((p) => p.name === name)!;
const mind = new OfflineMind(7);

describe("offline mind: the day", () => {
  test.each(ville25.personas.map((p) => p.name))("%s: a full day that starts and ends asleep", (name) => {
    const p = persona(name);
    const blocks = buildSchedule(p, everywhere, rngFor(1, name));
    expect(blocks.reduce((n, b) => n + b.minutes, 0)).toBe(1440);
    expect(blocks[0].task).toBe(SLEEPING);
    expect(blocks[0].minutes).toBe(lifestyleOf(p).wakeMinute);
    expect(blocks.every((b) => b.minutes > 0)).toBe(true);
    expect(blocks.filter((b) => /breakfast|lunch|dinner/.test(b.task)).length).toBeGreaterThanOrEqual(2);
  });

  test("work hours and workplace come from the persona's words", () => {
    const isabella = persona("Isabella Rodriguez");
    expect(workplaceOf(isabella, everywhere)).toBe("Hobbs Cafe");
    expect(workHoursOf(isabella, lifestyleOf(isabella))).toEqual({ start: 8 * 60, end: 20 * 60 });
    const blocks = buildSchedule(isabella, everywhere, rngFor(1, "i"));
    expect(blocks.some((b) => b.task.includes("at Hobbs Cafe"))).toBe(true);
  });

  test("same seed, same answers; the plan reads as a list", async () => {
    const ctx = { persona: persona("Klaus Mueller"), dayStartMs: 0, dayIndex: 0, known: everywhere };
    const wakeMinute = await mind.wakeUpMinute(ctx);
    const a = await mind.hourlySchedule({ ...ctx, wakeMinute, dailyPlan: [] });
    const b = await new OfflineMind(7).hourlySchedule({ ...ctx, wakeMinute, dailyPlan: [] });
    expect(a).toEqual(b);
    const plan = await mind.dailyPlan({ ...ctx, wakeMinute });
    expect(plan.length).toBeGreaterThanOrEqual(4);
    expect(plan[0]).toMatch(/wake up/);
  });
});

describe("offline mind: decomposition", () => {
  test("subtasks of 5-15 minutes that sum to the block; sleep stays whole", async () => {
    const p = persona("Isabella Rodriguez");
    const subs = await mind.decompose({ persona: p, task: "run the cafe at Hobbs Cafe", startMinute: 480, minutes: 240 });
    expect(subs.reduce((n, s) => n + s.minutes, 0)).toBe(240);
    for (const s of subs) {
      expect(s.minutes).toBeGreaterThanOrEqual(5);
      expect(s.minutes).toBeLessThanOrEqual(15);
    }
    expect(new Set(subs.map((s) => s.task)).size).toBeGreaterThan(1);
    expect(await mind.decompose({ persona: p, task: SLEEPING, startMinute: 0, minutes: 360 })).toEqual([{ task: SLEEPING, minutes: 360 }]);
  });
});

describe("offline mind: places", () => {
  const ask = (name: string, task: string, parentTask?: string, known = everywhere) =>
    mind.actionPlace({ persona: persona(name), task, parentTask, currentSector: null, known });

  test("home tasks go to the right room of the resident's own home", async () => {
    const sleep = await ask("Klaus Mueller", SLEEPING);
    expect(sleep).toMatchObject({ sector: "Dorm for Oak Hill College", arena: "Klaus Mueller's room", object: "bed", emoji: "😴" });
    const shower = await ask("John Lin", "take a shower");
    expect(shower).toMatchObject({ sector: "Lin family's house", arena: "bathroom", object: "shower" });
    const cook = await ask("John Lin", "cook breakfast at the stove");
    expect(cook).toMatchObject({ arena: "kitchen", object: "stove" });
  });

  test("work subtasks go to the workplace named by the block", async () => {
    const a = await ask("Isabella Rodriguez", "brew coffee for customers", "run the cafe at Hobbs Cafe");
    expect(a).toMatchObject({ sector: "Hobbs Cafe", arena: "cafe", object: "coffee machine" });
    expect(a.event).toEqual(["Isabella Rodriguez", "is", "brewing coffee for customers"]);
    expect(a.objectState).toBe("brewing coffee");
  });

  test("never another resident's room, and only known places", async () => {
    const a = await ask("Maria Lopez", "read a book", undefined, everywhere);
    expect(a.arena).not.toMatch(/Klaus|Ayesha|Wolfgang/);
    const little: KnownPlaces = new Map([["Dorm for Oak Hill College", new Map([["Maria Lopez's room", ["bed", "desk"]]])]]);
    const b = await ask("Maria Lopez", "have a drink at The Rose and Crown Pub", undefined, little);
    expect(b).toMatchObject({ sector: "Dorm for Oak Hill College", arena: "Maria Lopez's room" });
  });
});
