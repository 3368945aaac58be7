import { Maze } from "../../server/sim/maze";
import { parseScenario } from "../../server/sim/scenario";
import { Town } from "../../server/town/town";
import { OfflineMind } from "../../server/mind/offline/offline-mind";
import { ScriptedMind } from "../../server/mind/scripted-mind";
import type { Mind } from "../../server/mind/mind";
import { MAX_ATTEMPTS, RETRY_MS } from "../../server/sim/jobs";
import { houseMap } from "../fixtures/ascii-map";

const persona = {
  name: "Ada Stone",
  firstName: "Ada",
  lastName: "Stone",
  age: 40,
  innate: "calm, careful, curious",
  learned: "Ada Stone repairs clocks at home and likes quiet mornings.",
  currently: "Ada is restoring an old wall clock.",
  lifestyle: "goes to bed around 10pm, wakes up around 6am, eats breakfast around 6:30am, lunch around noon and dinner around 6pm",
  livingArea: "the Ville:House:bedroom",
  dailyPlanRequirement: "Ada works at home from 8am to 4pm.",
  sprite: "ada_stone",
  start: "the Ville:House:bedroom",
  relationships: [],
};
const scenario = parseScenario({ name: "mini", title: "Mini", map: "mini", startDate: "2023-02-13T00:00:00Z", personas: [persona], facts: [] });
const maze = Maze.fromTiled(houseMap());
const newTown = (mind: Mind = new OfflineMind(3), startTime?: string, log?: (m: string) => void) => new Town({ maze, scenario, mind, seed: 3, startTime, log });

async function run(town: Town, steps: number): Promise<void> {
  for (let i = 0; i < steps; i++) {
    town.step();
    await town.settle();
  }
}

describe("town", () => {
  test("a resident starts at its spawn, sleeps at night and is up in the morning", async () => {
    const town = newTown();
    expect(town.residentViews()[0]).toMatchObject({ name: "Ada Stone", x: 1, y: 1, sprite: "ada_stone" });
    await run(town, 6);
    expect(town.residentViews()[0].action).toBe("sleeping");
    // 06:00 wake-up: 6 h of steps.
    await run(town, 6 * 360 + 60);
    const view = town.residentViews()[0];
    expect(view.action).not.toBe("sleeping");
    expect(view.emoji).not.toBe("");
    expect(town.allResidents()[0].day?.schedule.reduce((n, b) => n + b.minutes, 0)).toBe(1440);
  });

  test("lockstep runs with one seed are identical", async () => {
    const trace = async () => {
      const town = newTown(new OfflineMind(3), "2023-02-13T05:30:00Z");
      const out: string[] = [];
      for (let i = 0; i < 600; i++) {
        town.step();
        await town.settle();
        const r = town.residentViews()[0];
        out.push(`${r.x},${r.y},${r.action}`);
      }
      return out;
    };
    const a = await trace();
    expect(new Set(a).size).toBeGreaterThan(3);
    expect(await trace()).toEqual(a);
  });

  test("step never waits for the mind; the resident shows it is thinking", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = new ScriptedMind({ answers: { wakeUpMinute: async () => (await gate, 420) } });
    const town = newTown(slow, "2023-02-13T09:00:00Z");
    for (let i = 0; i < 5; i++) town.step();
    expect(town.clock.step).toBe(5);
    expect(town.residentViews()[0].thinking).toBe(true);
    release();
    await town.settle();
    expect(town.residentViews()[0].thinking).toBe(false);
    expect(town.residentViews()[0].action).not.toBe("");
  });

  test("a failing mind never stops the town: logged once with its stack, counted, retried, then given up", async () => {
    const logs: string[] = [];
    const broken = new ScriptedMind({ failing: { wakeUpMinute: new Error("model down") } });
    const town = newTown(broken, undefined, (m) => logs.push(m));
    const stepsPerRetry = RETRY_MS / town.clock.msPerStep;
    await run(town, 1 + MAX_ATTEMPTS * stepsPerRetry);
    expect(town.clock.step).toBe(1 + MAX_ATTEMPTS * stepsPerRetry);
    expect(broken.callsTo("wakeUpMinute").length).toBeGreaterThanOrEqual(MAX_ATTEMPTS);
    expect(town.jobs.failures.plan).toBeGreaterThanOrEqual(MAX_ATTEMPTS);
    // The first failure is written with its stack; the next ones are only counted.
    expect(logs.filter((m) => m.startsWith("plan decision failed"))).toHaveLength(1);
    expect(logs[0]).toMatch(/model down\n\s+at /);
    // The day goes on with the other questions.
    broken.fail("wakeUpMinute", undefined);
    await run(town, 10);
    expect(town.residentViews()[0].action).not.toBe("");
  });

  test("every channel has the same retry rule: a failed memory is asked again and then kept", async () => {
    const logs: string[] = [];
    const mind = new ScriptedMind({ failing: { poignancy: { times: 2 } } });
    const town = newTown(mind, "2023-02-13T09:00:00Z", (m) => logs.push(m));
    town.whisper("r0", "The clock in the hall runs slow.");
    await run(town, 2 + 2 * (RETRY_MS / town.clock.msPerStep));
    // The two failures fall on whichever jobs asked first: the whisper, or objects seen in use.
    expect((town.jobs.failures.plant ?? 0) + (town.jobs.failures.remember ?? 0)).toBe(2);
    expect(town.allResidents()[0].memory.nodes().some((n) => n.description === "The clock in the hall runs slow.")).toBe(true);
    expect(logs.some((m) => / decision failed \(1 time so far; attempt 1 of 3\)/.test(m))).toBe(true);
  });
});

describe("players", () => {
  test("join at a player spawn, walk by path, refused moves change nothing", () => {
    const town = newTown();
    const p = town.addPlayer("p1", "Guest", "player_2");
    expect(p).toMatchObject({ x: 0, y: 7, sprite: "player_2" });
    expect(town.movePlayerTo("p1", 0, 0)).toMatchObject({ ok: false, code: "blocked" });
    expect(town.movePlayerTo("p1", 99, 0)).toMatchObject({ ok: false, code: "out_of_map" });
    town.advancePlayers(5000);
    expect(town.playerViews()[0]).toMatchObject({ x: 0, y: 7 });
    const ok = town.movePlayerTo("p1", 8, 3);
    expect(ok).toMatchObject({ ok: true });
    town.advancePlayers(60_000);
    expect(town.playerViews()[0]).toMatchObject({ x: 8, y: 3, location: "House: kitchen" });
  });

  test("arrow-key steps, into a wall refused", () => {
    const town = newTown();
    town.addPlayer("p1", "Guest", "player_1");
    expect(town.walkPlayer("p1", "right")).toEqual({ ok: true });
    town.advancePlayers(1000);
    expect(town.playerViews()[0]).toMatchObject({ x: 1, y: 7, facing: "right" });
    expect(town.walkPlayer("p1", "down")).toMatchObject({ ok: false, code: "out_of_map" });
    town.movePlayerTo("p1", 1, 6);
    town.advancePlayers(1000);
    expect(town.walkPlayer("p1", "up")).toMatchObject({ ok: false, code: "blocked" });
    expect(town.walkPlayer("nobody", "up")).toMatchObject({ ok: false, code: "not_found" });
    town.removePlayer("p1");
    expect(town.playerViews()).toEqual([]);
  });
});
