import { Maze } from "../../server/sim/maze";
import { parseScenario } from "../../server/sim/scenario";
import { Town } from "../../server/sim/town";
import { OfflineMind } from "../../server/mind/offline/offline-mind";
import type { Mind } from "../../server/mind/mind";
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
const newTown = (mind: Mind = new OfflineMind(3), startTime?: string) => new Town({ maze, scenario, mind, seed: 3, startTime });

async function run(town: Town, steps: number): Promise<void> {
  for (let i = 0; i < steps; i++) {
    town.step();
    await town.settle();
  }
}

describe("town", () => {
  test("a resident starts at its spawn, sleeps at night and is up in the morning", async () => {
    const town = newTown();
    expect(town.residents()[0]).toMatchObject({ name: "Ada Stone", x: 1, y: 1, sprite: "ada_stone" });
    await run(town, 6);
    expect(town.residents()[0].action).toBe("sleeping");
    // 06:00 wake-up: 6 h of steps.
    await run(town, 6 * 360 + 60);
    const view = town.residents()[0];
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
        const r = town.residents()[0];
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
    const base = new OfflineMind(3);
    // The offline mind, but the wake-up question waits for the gate.
    const slow: Mind = Object.assign(Object.create(base) as Mind, {
      label: "slow",
      wakeUpMinute: async (c: Parameters<Mind["wakeUpMinute"]>[0]) => (await gate, base.wakeUpMinute(c)),
    });
    const town = newTown(slow, "2023-02-13T09:00:00Z");
    for (let i = 0; i < 5; i++) town.step();
    expect(town.clock.step).toBe(5);
    expect(town.residents()[0].thinking).toBe(true);
    release();
    await town.settle();
    expect(town.residents()[0].thinking).toBe(false);
    expect(town.residents()[0].action).not.toBe("");
  });

  test("a failing mind never stops the town", async () => {
    const broken: Mind = Object.assign(Object.create(new OfflineMind(3)) as Mind, {
      label: "broken",
      wakeUpMinute: async () => {
        throw new Error("model down");
      },
    });
    const town = newTown(broken);
    await run(town, 50);
    expect(town.clock.step).toBe(50);
    expect(town.decisionFailures).toBeGreaterThan(0);
    expect(town.residents()[0].thinking).toBe(false);
  });
});

describe("players", () => {
  test("join at a player spawn, walk by path, refused moves change nothing", () => {
    const town = newTown();
    const p = town.addPlayer("p1", "Guest", "player_2");
    expect(p).toMatchObject({ x: 0, y: 7, sprite: "player_2" });
    expect(town.movePlayerTo("p1", 0, 0)).toMatchObject({ ok: false, code: "BLOCKED" });
    expect(town.movePlayerTo("p1", 99, 0)).toMatchObject({ ok: false, code: "OUT_OF_MAP" });
    town.advancePlayers(5000);
    expect(town.players()[0]).toMatchObject({ x: 0, y: 7 });
    const ok = town.movePlayerTo("p1", 8, 3);
    expect(ok).toMatchObject({ ok: true });
    town.advancePlayers(60_000);
    expect(town.players()[0]).toMatchObject({ x: 8, y: 3, location: "House: kitchen" });
  });

  test("arrow-key steps, into a wall refused", () => {
    const town = newTown();
    town.addPlayer("p1", "Guest", "player_1");
    expect(town.walkPlayer("p1", "right")).toEqual({ ok: true });
    town.advancePlayers(1000);
    expect(town.players()[0]).toMatchObject({ x: 1, y: 7, facing: "right" });
    expect(town.walkPlayer("p1", "down")).toMatchObject({ ok: false, code: "OUT_OF_MAP" });
    town.movePlayerTo("p1", 1, 6);
    town.advancePlayers(1000);
    expect(town.walkPlayer("p1", "up")).toMatchObject({ ok: false, code: "BLOCKED" });
    expect(town.walkPlayer("nobody", "up")).toMatchObject({ ok: false, code: "NOT_FOUND" });
    town.removePlayer("p1");
    expect(town.players()).toEqual([]);
  });
});
