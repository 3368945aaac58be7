/**
 * An experiment: the same scenario run with several seeds (scripts/experiment.ts runs
 * them), summarised as the median and range over seeds of the paper's measures. Built
 * only from the per-seed report.json files, so the figures can be checked against them.
 */
import type { Ablation } from "../agents/context";
import { BATTERY_CATEGORIES, type BatteryCategory, type BatteryResult } from "../eval/battery-types";
import type { UsageSnapshot } from "../mind/llm/usage";
import type { RunReport } from "./report";

/** A run's report as simulate writes it (`interview` with `--interview`). */
export type SeedReport = RunReport & { interview?: BatteryResult };

/** Median and range over seeds; `values` in seed order. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  values: number[];
}

export interface ExperimentSettings {
  scenario: string;
  days: number;
  mind: string;
  ablate: Ablation | null;
  interview: boolean;
  /** Seed runs at the same time. */
  parallel: number;
  /** The whole experiment, start to finish (children's start-up included). */
  wallSeconds: number;
}

export interface Experiment extends ExperimentSettings {
  seeds: number[];
  residents: number;
  runs: { seed: number; dir: string; wallSeconds: number; mind: string }[];
  measures: {
    spread: { id: string; holder: string; text: string; knownAtStart: Spread; knownAtEnd: Spread }[];
    density: { start: Spread; end: Spread };
    /** Planted gatherings: who knew of it, who came, and who came of those who knew. */
    attendance: { factId: string; sector: string; knew: Spread; came: Spread; knewAndCame: Spread }[];
    /** Null when no run has an interview; `runs` counts the runs that have one. */
    interview: { runs: number; categories: Record<BatteryCategory, Spread>; overall: Spread; hallucinationRate: Spread } | null;
    usage: { callsPerAgentDay: Spread; tokensPerAgentDay: Spread | null; costUsdPerAgentDay: Spread | null; decisionFailures: Spread };
    conversations: Spread;
    /** Times a resident reflected (the paper: 2-3 a day), and the insights that came of it. */
    reflectionsPerAgentDay: Spread;
    insightsPerAgentDay: Spread;
    /** Each run's own simulation time (report.json `wallSeconds`). */
    wallSeconds: Spread;
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error("no values to summarise");
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), values: [...values] };
}

/** Game days a report covers, as buildReport counts them for calls per agent-day. */
export function reportDays(r: RunReport): number {
  return Math.max(1, r.steps / 8640);
}

/** The token meter's totals, when the run used a language model. */
export function usageSnapshot(r: RunReport): UsageSnapshot | null {
  const t = r.usage.tokens as UsageSnapshot | undefined;
  return t && typeof t === "object" && t.total ? t : null;
}

export function totalTokens(u: UsageSnapshot): number {
  return u.total.inputTokens + u.total.outputTokens + u.total.embeddingTokens;
}

/** Pairs the seeds with their reports, in seed order, and summarises them. */
export function summariseExperiment(runs: { seed: number; dir: string; report: SeedReport }[], settings: ExperimentSettings): Experiment {
  if (runs.length === 0) throw new Error("an experiment needs at least one run");
  const reports = runs.map((r) => r.report);
  const first = reports[0];
  const over = (f: (r: SeedReport) => number) => spreadOf(reports.map(f));
  const agentDays = (r: SeedReport) => r.agents.length * reportDays(r);
  const facts = first.spread.facts.map((f) => {
    const of = (r: SeedReport) => r.spread.facts.find((x) => x.id === f.id);
    return { id: f.id, holder: f.holder, text: f.text, knownAtStart: over((r) => of(r)?.knownAtStart ?? 0), knownAtEnd: over((r) => of(r)?.knownAtEnd ?? 0) };
  });
  const attendance = first.gatherings.map((g) => {
    const of = (r: SeedReport) => r.gatherings.find((x) => x.factId === g.factId);
    return {
      factId: g.factId,
      sector: g.sector,
      knew: over((r) => of(r)?.knew.length ?? 0),
      came: over((r) => of(r)?.attended.length ?? 0),
      knewAndCame: over((r) => {
        const x = of(r);
        return x ? x.attended.filter((name) => x.knew.includes(name)).length : 0;
      }),
    };
  });
  const interviewed = reports.filter((r) => r.interview);
  const interview = interviewed.length === 0 ? null : {
    runs: interviewed.length,
    categories: Object.fromEntries(BATTERY_CATEGORIES.map((c) => [c, spreadOf(interviewed.map((r) => r.interview!.categories[c]?.score ?? 0))])) as Record<BatteryCategory, Spread>,
    overall: spreadOf(interviewed.map((r) => overallScore(r.interview!))),
    hallucinationRate: spreadOf(interviewed.map((r) => r.interview!.hallucinationRate)),
  };
  const metered = reports.map(usageSnapshot);
  const allMetered = metered.every((u) => u !== null);
  return {
    ...settings,
    seeds: runs.map((r) => r.seed),
    residents: first.agents.length,
    runs: runs.map((r) => ({ seed: r.seed, dir: r.dir, wallSeconds: r.report.wallSeconds, mind: r.report.mind })),
    measures: {
      spread: facts,
      density: { start: over((r) => r.density.start), end: over((r) => r.density.end) },
      attendance,
      interview,
      usage: {
        callsPerAgentDay: over((r) => r.usage.callsPerAgentDay),
        tokensPerAgentDay: allMetered ? spreadOf(reports.map((r, i) => Math.round(totalTokens(metered[i]!) / agentDays(r)))) : null,
        costUsdPerAgentDay: allMetered ? spreadOf(reports.map((r, i) => round(metered[i]!.total.costUsd / agentDays(r), 4))) : null,
        decisionFailures: over((r) => r.usage.decisionFailures),
      },
      conversations: over((r) => r.conversations.length),
      reflectionsPerAgentDay: over((r) => round(r.agents.reduce((n, a) => n + a.reflections, 0) / agentDays(r), 2)),
      insightsPerAgentDay: over((r) => round(r.reflections.length / agentDays(r), 2)),
      wallSeconds: over((r) => r.wallSeconds),
    },
  };
}

/** Share of all battery questions passed. */
export function overallScore(b: BatteryResult): number {
  const cats = Object.values(b.categories);
  const asked = cats.reduce((n, c) => n + c.asked, 0);
  return asked === 0 ? 0 : round(cats.reduce((n, c) => n + c.passed, 0) / asked, 3);
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The paper's figures for the 25-agent run (2 game days), beside ours in the summary. */
const PAPER: Record<string, string> = {
  "valentine-party": "1 → 13",
  "mayor-candidacy": "1 → 8",
  density: "0.167 → 0.74",
  "attendance:valentine-party": "5 of 12 invited came",
  hallucination: "1.3 %",
};

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : String(round(x, 3)));
const pct = (x: number) => `${round(x * 100, 1)} %`;
/** "12 (10–14)": the median, then the range when the seeds differ. */
export function formatSpread(s: Spread, f: (x: number) => string = fmt): string {
  return s.min === s.max ? f(s.median) : `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
}

/** The summary rows: measure, median (range), per seed, the paper's figure. */
export function summaryRows(e: Experiment): [string, string, string, string][] {
  const m = e.measures;
  const seeds = (s: Spread, f: (x: number) => string = fmt) => s.values.map(f).join(", ");
  const rows: [string, string, string, string][] = [];
  const isPaperTown = e.residents === 25 && e.days === 2;
  const paper = (key: string) => (isPaperTown ? PAPER[key] ?? "" : "");
  for (const f of m.spread) rows.push([`${f.id}: knew at the end (start ${formatSpread(f.knownAtStart)})`, formatSpread(f.knownAtEnd), seeds(f.knownAtEnd), paper(f.id)]);
  rows.push(["relationship density at the end", formatSpread(m.density.end), seeds(m.density.end), paper("density")]);
  rows.push(["relationship density at the start", formatSpread(m.density.start), seeds(m.density.start), ""]);
  for (const a of m.attendance) {
    rows.push([`${a.factId} at ${a.sector}: knew of it`, formatSpread(a.knew), seeds(a.knew), ""]);
    rows.push([`${a.factId}: came`, formatSpread(a.came), seeds(a.came), paper(`attendance:${a.factId}`)]);
    rows.push([`${a.factId}: came, of those who knew`, formatSpread(a.knewAndCame), seeds(a.knewAndCame), ""]);
  }
  if (m.interview) {
    for (const c of BATTERY_CATEGORIES) rows.push([`interview: ${c}`, formatSpread(m.interview.categories[c], pct), seeds(m.interview.categories[c], pct), ""]);
    rows.push(["interview: all questions", formatSpread(m.interview.overall, pct), seeds(m.interview.overall, pct), ""]);
    rows.push(["interview: hallucination rate", formatSpread(m.interview.hallucinationRate, pct), seeds(m.interview.hallucinationRate, pct), paper("hallucination")]);
  }
  rows.push(["conversations", formatSpread(m.conversations), seeds(m.conversations), ""]);
  rows.push(["reflections per agent-day", formatSpread(m.reflectionsPerAgentDay), seeds(m.reflectionsPerAgentDay), isPaperTown ? "2–3" : ""]);
  rows.push(["insights per agent-day", formatSpread(m.insightsPerAgentDay), seeds(m.insightsPerAgentDay), ""]);
  rows.push(["mind calls per agent-day", formatSpread(m.usage.callsPerAgentDay), seeds(m.usage.callsPerAgentDay), ""]);
  const na = "none (no language model)";
  rows.push(["tokens per agent-day", m.usage.tokensPerAgentDay ? formatSpread(m.usage.tokensPerAgentDay) : na, m.usage.tokensPerAgentDay ? seeds(m.usage.tokensPerAgentDay) : "", isPaperTown ? "about 508,000" : ""]);
  const usd = (x: number) => `$${round(x, 4)}`;
  rows.push(["cost per agent-day", m.usage.costUsdPerAgentDay ? formatSpread(m.usage.costUsdPerAgentDay, usd) : na, m.usage.costUsdPerAgentDay ? seeds(m.usage.costUsdPerAgentDay, usd) : "", ""]);
  rows.push(["decision failures", formatSpread(m.usage.decisionFailures), seeds(m.usage.decisionFailures), ""]);
  rows.push(["wall time per run (s)", formatSpread(m.wallSeconds), seeds(m.wallSeconds), ""]);
  return rows;
}

export function experimentTitle(e: ExperimentSettings & { seeds: number[] }): string {
  const ablation = e.ablate ? `, without ${e.ablate}` : "";
  return `${e.scenario}, ${e.days} game day${e.days === 1 ? "" : "s"}, ${e.seeds.length} seeds, ${e.mind}${ablation}`;
}

export function experimentMarkdown(e: Experiment): string {
  const out = [`# Experiment: ${experimentTitle(e)}`, ""];
  out.push(`Seeds ${e.seeds.join(", ")}, ${e.residents} residents, ${e.parallel} at a time; ${e.wallSeconds} s in all. Median (range) over seeds; the paper's figures are for its 25 agents over 2 game days.`, "");
  out.push("| measure | median (range) | per seed | paper |", "|---|---|---|---|");
  for (const row of summaryRows(e)) out.push(`| ${row.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`);
  out.push("", "Per-seed reports:", "");
  for (const r of e.runs) out.push(`- seed ${r.seed}: ${r.dir}/report.md (${r.wallSeconds} s)`);
  return out.join("\n");
}
