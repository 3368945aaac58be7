/**
 * `npm run experiment`: two seeds of ville-3 for a game day, run as child processes; the
 * figures in experiment.json are the median and range of the per-seed report.json files.
 * And the summary on its own, on made-up reports (odd and even counts, interview, tokens).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BATTERY_CATEGORIES, type BatteryResult } from "../../server/eval/battery-types";
import { median, spreadOf, summariseExperiment, type Experiment, type SeedReport, type Spread } from "../../server/report/experiment";
import { runScript } from "./run-script";

/** What a Spread must be for these per-seed values, computed here independently. */
function expected(values: number[]): Spread {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { median: mid, min: s[0], max: s[s.length - 1], values };
}

describe("npm run experiment (ville-3, 2 seeds, 1 game day)", () => {
  const out = mkdtempSync(join(tmpdir(), "ville-experiment-"));
  let experiment: Experiment;
  let reports: SeedReport[];
  let stdout: string;

  beforeAll(async () => {
    ({ stdout } = await runScript("scripts/experiment.ts", ["--scenario", "ville-3", "--days", "1", "--seeds", "2", "--out", out]));
    experiment = JSON.parse(readFileSync(join(out, "experiment.json"), "utf8"));
    reports = [1, 2].map((seed) => JSON.parse(readFileSync(join(out, `seed-${seed}`, "report.json"), "utf8")));
  }, 240_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test("each seed ran in its own directory, and the summary files are written", () => {
    expect(experiment.seeds).toEqual([1, 2]);
    expect(reports.map((r) => r.seed)).toEqual([1, 2]);
    expect(experiment.runs.map((r) => r.dir)).toEqual([join(out, "seed-1"), join(out, "seed-2")]);
    for (const f of ["report.md", "report.html", "seed-1/report.html", "seed-2/report.md"]) expect(existsSync(join(out, f))).toBe(true);
    expect(experiment.scenario).toBe("ville-3");
    expect(experiment.residents).toBe(3);
    expect(experiment.parallel).toBe(2);
    expect(experiment.ablate).toBeNull();
    expect(experiment.wallSeconds).toBeGreaterThan(0);
    expect(stdout).toContain("median (range) over seeds 1, 2");
  });

  test("the seeds are different runs", () => {
    expect(JSON.stringify(reports[0].conversations)).not.toBe(JSON.stringify(reports[1].conversations));
  });

  test("news spread, density and attendance are the median and range of the seeds' reports", () => {
    const m = experiment.measures;
    expect(m.spread.map((f) => f.id)).toEqual(reports[0].spread.facts.map((f) => f.id));
    for (const f of m.spread) {
      const of = (r: SeedReport) => r.spread.facts.find((x) => x.id === f.id)!;
      expect(f.knownAtStart).toEqual(expected(reports.map((r) => of(r).knownAtStart)));
      expect(f.knownAtEnd).toEqual(expected(reports.map((r) => of(r).knownAtEnd)));
    }
    expect(m.density.start).toEqual(expected(reports.map((r) => r.density.start)));
    expect(m.density.end).toEqual(expected(reports.map((r) => r.density.end)));
    expect(m.attendance.length).toBe(reports[0].gatherings.length);
    for (const a of m.attendance) {
      const of = (r: SeedReport) => r.gatherings.find((g) => g.factId === a.factId)!;
      expect(a.knew).toEqual(expected(reports.map((r) => of(r).knew.length)));
      expect(a.came).toEqual(expected(reports.map((r) => of(r).attended.length)));
      expect(a.knewAndCame).toEqual(expected(reports.map((r) => of(r).attended.filter((n) => of(r).knew.includes(n)).length)));
    }
  });

  test("calls, conversations and wall time match too; no tokens on the offline mind", () => {
    const m = experiment.measures;
    expect(m.usage.callsPerAgentDay).toEqual(expected(reports.map((r) => r.usage.callsPerAgentDay)));
    expect(m.usage.tokensPerAgentDay).toBeNull();
    expect(m.usage.costUsdPerAgentDay).toBeNull();
    expect(m.conversations).toEqual(expected(reports.map((r) => r.conversations.length)));
    expect(m.wallSeconds).toEqual(expected(reports.map((r) => r.wallSeconds)));
    const perAgent = (n: number, r: SeedReport) => Math.round((n / r.agents.length) * 100) / 100;
    expect(m.reflectionsPerAgentDay).toEqual(expected(reports.map((r) => perAgent(r.agents.reduce((n, a) => n + a.reflections, 0), r))));
    expect(m.insightsPerAgentDay).toEqual(expected(reports.map((r) => perAgent(r.reflections.length, r))));
  });

  test("report.md shows the medians", () => {
    const md = readFileSync(join(out, "report.md"), "utf8");
    expect(md).toContain("# Experiment: ville-3, 1 game day, 2 seeds");
    const density = experiment.measures.density.end;
    expect(md).toContain(`| relationship density at the end | ${density.min === density.max ? density.median : `${density.median} (${density.min}–${density.max})`} |`);
  });
});

describe("the summary over seeds", () => {
  test("median of odd and even counts", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(spreadOf([5, 1, 9])).toEqual({ median: 5, min: 1, max: 9, values: [5, 1, 9] });
  });

  /** A minimal report: what the summary reads. */
  function fake(seed: number, known: number, opts: { interview?: BatteryResult; tokens?: number; cost?: number } = {}): SeedReport {
    const agents = ["A", "B", "C", "D"].map((name) => ({ name, days: [], currently: "", memories: 0, reflections: 0, conversations: 0 }));
    return {
      scenario: "test", mind: "test mind", seed, start: "Monday February 13, 2023 00:00", end: "Wednesday February 15, 2023 00:00", steps: 17280, wallSeconds: seed,
      agents, conversations: [], reflections: [],
      spread: { facts: [{ id: "party", holder: "A", text: "a party", knownAtStart: 1, knownAtEnd: known, knownBy: [] }], hourly: [] },
      density: { start: 0.5, end: 0.5 + known / 10, pairsStart: 3, pairsEnd: 3 + known, possible: 6 },
      gatherings: [{ factId: "party", sector: "Cafe", start: "", end: "", attended: known > 2 ? ["A", "D"] : ["A"], knew: ["A", "B", "C"].slice(0, known) }],
      usage: {
        calls: { embed: 10 }, callsPerAgentDay: 100 * seed, byAgent: {}, decisionFailures: 0,
        ...(opts.tokens !== undefined && { tokens: { total: { inputTokens: opts.tokens, outputTokens: 0, embeddingTokens: 0, costUsd: opts.cost ?? 0 }, byQuestion: {}, byAgent: {}, unpricedModels: [], budgetUsd: null } }),
      },
      ...(opts.interview && { interview: opts.interview }),
    } as SeedReport;
  }
  const battery = (score: number, hallucinationRate: number): BatteryResult => ({
    categories: Object.fromEntries(BATTERY_CATEGORIES.map((c) => [c, { asked: 4, passed: Math.round(score * 4), score }])) as BatteryResult["categories"],
    hallucinationRate,
    items: [],
  });
  const settings = { scenario: "test", days: 2, mind: "test mind", ablate: null, interview: true, parallel: 2, wallSeconds: 10 };

  test("interview scores, hallucination rate, tokens and cost per agent-day", () => {
    const runs = [
      { seed: 1, dir: "d1", report: fake(1, 1, { interview: battery(0.5, 0.1), tokens: 80_000, cost: 0.8 }) },
      { seed: 2, dir: "d2", report: fake(2, 3, { interview: battery(0.75, 0), tokens: 160_000, cost: 1.6 }) },
      { seed: 3, dir: "d3", report: fake(3, 2, { interview: battery(1, 0.05), tokens: 40_000, cost: 0.4 }) },
    ];
    const e = summariseExperiment(runs, settings);
    const m = e.measures;
    expect(m.spread[0].knownAtEnd).toEqual({ median: 2, min: 1, max: 3, values: [1, 3, 2] });
    expect(m.attendance[0].came).toEqual({ median: 1, min: 1, max: 2, values: [1, 2, 1] });
    expect(m.attendance[0].knewAndCame).toEqual({ median: 1, min: 1, max: 1, values: [1, 1, 1] });
    expect(m.interview!.runs).toBe(3);
    for (const c of BATTERY_CATEGORIES) expect(m.interview!.categories[c]).toEqual({ median: 0.75, min: 0.5, max: 1, values: [0.5, 0.75, 1] });
    expect(m.interview!.hallucinationRate).toEqual({ median: 0.05, min: 0, max: 0.1, values: [0.1, 0, 0.05] });
    // 4 residents x 2 game days = 8 agent-days.
    expect(m.usage.tokensPerAgentDay).toEqual({ median: 10_000, min: 5_000, max: 20_000, values: [10_000, 20_000, 5_000] });
    expect(m.usage.costUsdPerAgentDay).toEqual({ median: 0.1, min: 0.05, max: 0.2, values: [0.1, 0.2, 0.05] });
    expect(m.usage.callsPerAgentDay.median).toBe(200);
  });

  test("runs without an interview leave it out; a run without tokens leaves tokens out", () => {
    const e = summariseExperiment([{ seed: 1, dir: "d1", report: fake(1, 1, { tokens: 100 }) }, { seed: 2, dir: "d2", report: fake(2, 2) }], settings);
    expect(e.measures.interview).toBeNull();
    expect(e.measures.usage.tokensPerAgentDay).toBeNull();
  });
});
