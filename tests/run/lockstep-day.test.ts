/**
 * A lockstep game day of ville-3 on the offline mind: the residents live a whole day,
 * and the same seed gives the same run.
 */
import { countingMind } from "../../server/mind/counting-mind";
import { OfflineMind } from "../../server/mind/offline/offline-mind";
import { RunRecorder } from "../../server/report/recorder";
import { buildReport, type RunReport } from "../../server/report/report";
import { createTown } from "../../server/town-factory";

async function runDay(seed: number): Promise<RunReport> {
  const { mind, counts } = countingMind(new OfflineMind(seed));
  const town = createTown({ scenario: "ville-3", seed, mind });
  const recorder = new RunRecorder(town);
  const startMs = town.clock.nowMs;
  for (let i = 0; i < town.clock.stepsPerDay; i++) {
    town.step();
    await town.settle();
    recorder.sample();
  }
  return buildReport(town, recorder, counts, { wallSeconds: 0, startMs });
}

describe("ville-3, one game day, offline mind, lockstep", () => {
  let report: RunReport;
  beforeAll(async () => {
    report = await runDay(1);
  });

  test("everyone slept, woke and went to at least 3 places", () => {
    for (const a of report.agents) {
      const actions = a.days.flatMap((d) => d.actions);
      const firstAwake = actions.findIndex((x) => x.action !== "sleeping");
      expect(actions[0].action).toBe("sleeping");
      expect(firstAwake).toBeGreaterThan(0);
      const arenas = new Set(actions.map((x) => x.place.split(":").slice(0, 3).join(":")));
      expect(arenas.size).toBeGreaterThanOrEqual(3);
      expect(actions.slice(firstAwake).some((x) => x.action === "sleeping")).toBe(true);
    }
  });

  test("they talked and reflected, and nothing failed", () => {
    expect(report.conversations.length).toBeGreaterThanOrEqual(1);
    expect(report.conversations.every((c) => c.lines.length >= 1 && c.lines.length <= 16)).toBe(true);
    expect(report.reflections.length).toBeGreaterThanOrEqual(1);
    for (const r of report.reflections) expect(r.evidence.length).toBeGreaterThan(0);
    expect(report.usage.decisionFailures).toBe(0);
  });

  test("the same seed gives the same report", async () => {
    const again = await runDay(1);
    expect(JSON.stringify(again)).toBe(JSON.stringify(report));
  });
});
