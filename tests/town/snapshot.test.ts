/**
 * Town state is data: a town saved after a game day, written as JSON text and restored,
 * lives its second day exactly as a town that ran both days straight. The ville-25 runs
 * go through `npm run simulate` in child processes: jest's sandbox runs the simulation
 * many times slower than plain Node.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OfflineMind } from "../../server/mind/offline/offline-mind";
import { countingMind } from "../../server/mind/counting-mind";
import { createTown, loadMaze } from "../../server/town-factory";
import { loadScenario } from "../../server/scenarios";
import { restoreTown, snapshotTown, snapshotTownText, SNAPSHOT_VERSION } from "../../server/town/snapshot";

// Runs are recorded in a store of their own, not in the repo's data/.
const store = mkdtempSync(join(tmpdir(), "ville-snap-store-"));
const simulate = (...args: string[]) => execFileSync(process.execPath, ["--import", "tsx", "scripts/simulate.ts", "--quiet", "--data-dir", store, ...args], { encoding: "utf8" });

describe("snapshot and restore", () => {
  test("ville-25, offline mind, seed 1: day one, snapshot as JSON text, restore, day two = two days straight", () => {
    const dir = mkdtempSync(join(tmpdir(), "ville-snap-"));
    simulate("--scenario", "ville-25", "--days", "2", "--seed", "1", "--out", join(dir, "straight"), "--save", join(dir, "straight.json"));
    simulate("--scenario", "ville-25", "--days", "1", "--seed", "1", "--out", join(dir, "day1"), "--save", join(dir, "day1.json"));
    simulate("--resume", join(dir, "day1.json"), "--days", "1", "--out", join(dir, "resumed"), "--save", join(dir, "resumed.json"));
    const a = JSON.parse(readFileSync(join(dir, "straight.json"), "utf8"));
    const b = JSON.parse(readFileSync(join(dir, "resumed.json"), "utf8"));
    expect(b.town.clock).toEqual(a.town.clock);
    expect(a.town.clock.step).toBe(2 * 8640);
    for (let i = 0; i < a.town.residents.length; i++) expect(JSON.stringify(b.town.residents[i].memory)).toBe(JSON.stringify(a.town.residents[i].memory));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    // The same report, but for wall time, memory and the calls each process made.
    const report = (name: string) => ({ ...JSON.parse(readFileSync(join(dir, name, "report.json"), "utf8")), wallSeconds: 0, usage: null, peakRssMb: null });
    expect(report("resumed")).toEqual(report("straight"));
    expect(a.town.residents.reduce((n: number, r: { memory: { nodes: unknown[] } }) => n + r.memory.nodes.length, 0)).toBeGreaterThan(1000);
  }, 300_000);

  test("the snapshot written resident by resident is the same JSON, byte for byte", async () => {
    const town = createTown({ scenario: "ville-3", seed: 2, mind: new OfflineMind(2) });
    for (let i = 0; i < 400; i++) {
      town.step();
      await town.settle();
    }
    const text = snapshotTownText(town);
    expect(text.pieces.length).toBe(town.residents.length + 2);
    expect(text.toString()).toBe(JSON.stringify(snapshotTown(town)));
  });

  test("the snapshot is plain data: no class instances, no typed arrays", () => {
    const town = createTown({ scenario: "ville-3", seed: 2, mind: countingMind(new OfflineMind(2)).mind });
    const snap = snapshotTown(town);
    const walk = (v: unknown, path: string): void => {
      if (v === null || typeof v !== "object") return;
      // By name: jest's sandbox is another realm, with its own Object.prototype.
      const kind = Object.getPrototypeOf(v)?.constructor?.name;
      if (kind !== "Object" && kind !== "Array") throw new Error(`${path} is a ${kind}`);
      for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    walk(snap, "snapshot");
    expect(snap.version).toBe(SNAPSHOT_VERSION);
    // The planted facts are still being remembered: pending decisions are requests.
    expect(snap.jobs.pending.map((j) => j.request.kind)).toContain("plant");
  });

  test("pending decisions are asked again after a restore", async () => {
    const town = createTown({ scenario: "ville-3", seed: 2, mind: new OfflineMind(2) });
    const snap = JSON.parse(JSON.stringify(snapshotTown(town)));
    const resumed = restoreTown(snap, { maze: loadMaze("ville"), scenario: loadScenario("ville-3"), mind: new OfflineMind(2) });
    await resumed.settle();
    const holder = resumed.allResidents().find((r) => r.knownFacts.size > 0);
    expect(holder).toBeDefined();
  });

  test("a snapshot of another version or scenario is refused with a clear message", () => {
    const town = createTown({ scenario: "ville-3", seed: 2, mind: new OfflineMind(2) });
    const snap = snapshotTown(town);
    const deps = { maze: loadMaze("ville"), scenario: loadScenario("ville-25"), mind: new OfflineMind(2) };
    expect(() => restoreTown({ ...snap, version: 9 }, deps)).toThrow(/not a town snapshot \(versions? [\d, ]+\): version/);
    expect(() => restoreTown(snap, deps)).toThrow(/scenario "ville-3", not "ville-25"/);
  });
});
