/**
 * The report of a headless run: what each resident planned and did each day, every
 * conversation, reflections, how planted news spread (from memory provenance), the
 * relationship network's density at start and end, who came to planted gatherings,
 * and what the mind was asked. `report.json` and `report.md` are built from it.
 */
import { formatClock, formatDate, dayNumber, MS_PER_DAY } from "../sim/clock";
import type { Town } from "../town/town";
import type { Ablation } from "../agents/context";
import type { QuestionCounts } from "../mind/counting-mind";
import type { RunRecorder, SpreadPoint } from "./recorder";
import type { BatteryResult } from "../eval/battery-types";
import { batteryMarkdown } from "../eval/battery";

export interface RunReport {
  scenario: string;
  mind: string;
  seed: number;
  start: string;
  end: string;
  steps: number;
  wallSeconds: number;
  /** Peak resident memory of the process that ran it, when it says (headless runs). */
  peakRssMb?: number;
  agents: AgentReport[];
  conversations: { id: string; participants: string[]; start: string; end: string; summary: string; lines: { speaker: string; text: string; time: string; facts: string[] }[] }[];
  reflections: { agent: string; time: string; insight: string; evidence: string[]; depth: number }[];
  spread: { facts: { id: string; holder: string; text: string; knownAtStart: number; knownAtEnd: number; knownBy: { name: string; from: string; time: string }[] }[]; hourly: SpreadPoint[] };
  /** `pairs`: who knows whom (names, sorted), for the relationship graph. */
  density: { start: number; end: number; pairsStart: number; pairsEnd: number; possible: number; pairs?: { start: [string, string][]; end: [string, string][] } };
  gatherings: { factId: string; sector: string; start: string; end: string; attended: string[]; knew: string[] }[];
  usage: { calls: Record<string, number>; callsPerAgentDay: number; byAgent: Record<string, number>; tokens?: unknown; decisionFailures: number };
  /** The part of the architecture switched off for the run, if any. */
  ablate?: Ablation;
  /** The interview battery put to every resident at the end (`--interview`); its calls are not in `usage`. */
  interview?: BatteryResult;
}

export interface AgentReport {
  name: string;
  days: { date: string; dailyPlan: string[]; schedule: { task: string; minutes: number }[]; actions: { time: string; action: string; place: string }[] }[];
  currently: string;
  memories: number;
  reflections: number;
  conversations: number;
}

const when = (ms: number) => `${formatDate(ms)} ${formatClock(ms)}`;

/** Undirected pairs who know each other: named in a relationship, or have talked. */
export function knowsPairs(town: Town, includeTalk: boolean): Set<string> {
  const pairs = new Set<string>();
  const names = new Set(town.allResidents().map((r) => r.name));
  const add = (a: string, b: string) => {
    if (a !== b && names.has(a) && names.has(b)) pairs.add([a, b].sort().join("|"));
  };
  for (const p of town.scenario.personas) for (const rel of p.relationships) add(p.name, rel.name);
  if (includeTalk) for (const c of town.conversations.log) if (c.lines.length > 0) {
      const rs = c.members.filter((m) => m.who.kind === "resident");
      for (const a of rs) for (const b of rs) add(a.name, b.name);
    }
  return pairs;
}

export function buildReport(town: Town, recorder: RunRecorder, counts: QuestionCounts, opts: { wallSeconds: number; tokens?: unknown; startMs: number }): RunReport {
  const residents = town.allResidents();
  const n = residents.length;
  const possible = (n * (n - 1)) / 2;
  const knownStart = knowsPairs(town, false);
  const knownEnd = knowsPairs(town, true);
  const pairsStart = knownStart.size;
  const pairsEnd = knownEnd.size;
  const pairList = (set: Set<string>) => [...set].sort().map((p) => p.split("|") as [string, string]);
  const days = Math.max(1, (town.clock.nowMs - opts.startMs) / MS_PER_DAY);
  const totalCalls = Object.values(counts.calls).reduce((a, b) => a + b, 0);
  return {
    scenario: town.scenario.name,
    mind: town.mindLabel,
    seed: town.seed,
    ...(town.ablate && { ablate: town.ablate }),
    start: when(opts.startMs),
    end: when(town.clock.nowMs),
    steps: town.clock.step,
    wallSeconds: Math.round(opts.wallSeconds * 10) / 10,
    agents: residents.map((r) => ({
      name: r.name,
      days: r.dayLog.map((d) => ({
        date: formatDate(d.dayStartMs),
        dailyPlan: d.dailyPlan,
        schedule: d.schedule.map((b, i) => d.decomposed.get(i) ?? [b]).flat(),
        actions: r.actionLog.filter((a) => dayNumber(a.startMs) === dayNumber(d.dayStartMs)).map((a) => ({ time: formatClock(a.startMs), action: a.description, place: a.place })),
      })),
      currently: r.persona.currently,
      memories: r.memory.size,
      reflections: r.reflections,
      conversations: town.conversations.log.filter((c) => c.members.some((m) => m.who.id === r.id)).length,
    })),
    conversations: town.conversations.log.map((c) => ({
      id: c.id,
      participants: c.members.map((m) => (m.who.kind === "resident" ? m.name : `${m.name} (player)`)),
      start: when(c.startedMs),
      end: when(c.endedMs ?? town.clock.nowMs),
      summary: c.summary ?? "",
      lines: c.lines.map((l) => ({ speaker: l.speakerName, text: l.text, time: formatClock(l.gameTimeMs), facts: l.factIds })),
    })),
    reflections: residents.flatMap((r) =>
      r.memory.nodes().filter((m) => m.kind === "thought" && m.evidence.length > 0).map((m) => ({ agent: r.name, time: when(m.createdMs), insight: m.description, evidence: [...m.evidence], depth: m.depth })),
    ),
    spread: {
      facts: town.scenario.facts.map((f) => {
        const knownBy = residents.filter((r) => r.knownFacts.has(f.id)).map((r) => {
          const k = r.knownFacts.get(f.id)!;
          return { name: r.name, from: k.from ? town.nameOf(k.from) : "(planted)", time: when(k.atMs) };
        });
        return { id: f.id, holder: f.holder, text: f.text, knownAtStart: recorder.spread[0]?.known[f.id] ?? 0, knownAtEnd: knownBy.length, knownBy };
      }),
      hourly: recorder.spread,
    },
    density: { start: round3(pairsStart / possible), end: round3(pairsEnd / possible), pairsStart, pairsEnd, possible, pairs: { start: pairList(knownStart), end: pairList(knownEnd) } },
    gatherings: town.scenario.facts.filter((f) => f.event).map((f) => ({
      factId: f.id,
      sector: f.event!.sector,
      start: when(Date.parse(f.event!.start)),
      end: when(Date.parse(f.event!.end)),
      attended: [...(recorder.attendance.get(f.id) ?? [])].sort(),
      knew: residents.filter((r) => r.knownFacts.has(f.id)).map((r) => r.name),
    })),
    usage: { calls: counts.calls, callsPerAgentDay: Math.round(totalCalls / n / days), byAgent: counts.byAgent, tokens: opts.tokens, decisionFailures: town.decisionFailures },
  };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function reportMarkdown(r: RunReport): string {
  const out: string[] = [];
  out.push(`# Run report: ${r.scenario}`, "");
  out.push(`Mind: ${r.mind}${r.ablate ? ` (ablation: without ${r.ablate})` : ""}. Seed ${r.seed}. ${r.start} to ${r.end} (${r.steps} steps, ${r.wallSeconds} s wall time).`, "");
  out.push("## News spread (from memory provenance)", "");
  for (const f of r.spread.facts) {
    out.push(`- **${f.id}** (planted in ${f.holder}): known by ${f.knownAtStart} at start, ${f.knownAtEnd} at the end.`);
    for (const k of f.knownBy) out.push(`  - ${k.name}: from ${k.from}, ${k.time}`);
  }
  out.push("", `Relationship network density: ${r.density.start} at start (${r.density.pairsStart} pairs), ${r.density.end} at the end (${r.density.pairsEnd} of ${r.density.possible}).`, "");
  for (const g of r.gatherings) out.push(`Gathering **${g.factId}** at ${g.sector}, ${g.start}–${g.end}: ${g.attended.length} came (${g.attended.join(", ") || "nobody"}); ${g.knew.length} knew of it.`, "");
  if (r.interview) out.push("## Interview battery", "", ...batteryMarkdown(r.interview), "");
  out.push("## Model calls", "", `${r.usage.callsPerAgentDay} calls per agent per game day; decision failures: ${r.usage.decisionFailures}.`, "", "| question | calls |", "|---|---|");
  for (const [q, c] of Object.entries(r.usage.calls).sort((a, b) => b[1] - a[1])) out.push(`| ${q} | ${c} |`);
  out.push("", `## Conversations (${r.conversations.length})`, "");
  for (const c of r.conversations) {
    out.push(`### ${c.participants.join(" and ")} — ${c.start}`, "", c.summary ? `_${c.summary}_` : "", "");
    for (const l of c.lines) out.push(`- ${l.time} **${l.speaker}**: ${l.text}${l.facts.length ? ` (passes on: ${l.facts.join(", ")})` : ""}`);
    out.push("");
  }
  out.push(`## Reflections (${r.reflections.length})`, "");
  for (const x of r.reflections) out.push(`- ${x.time} **${x.agent}** (depth ${x.depth}): ${x.insight}`);
  out.push("", "## Agents", "");
  for (const a of r.agents) {
    out.push(`### ${a.name}`, "", `Currently: ${a.currently}`, "", `${a.memories} memories, ${a.reflections} reflections, ${a.conversations} conversations.`, "");
    for (const d of a.days) {
      out.push(`**${d.date}** — plan: ${d.dailyPlan.join("; ")}`, "");
      out.push(d.actions.map((x) => `${x.time} ${x.action} (${x.place.split(":").slice(1).join(": ")})`).join(" · "), "");
    }
  }
  return out.join("\n");
}
