/**
 * What report.html draws, taken out of the run reports: compact, plain JSON that the page
 * script (html-page.ts) turns into charts. Times become hours (since the run's start for
 * the spread, of the day for the timelines) so the charts need no date library.
 */
import { BATTERY_CATEGORIES } from "../eval/battery-types";
import type { Experiment, SeedReport, Spread } from "./experiment";
import { summaryRows, usageSnapshot } from "./experiment";

/** [from hour, to hour, place, what was done there]. */
export type Segment = [number, number, string, string];
/** [hour, with whom, summary]. */
export type Talk = [number, string, string];

export interface RunView {
  seed: number;
  network: { start: [string, string][]; end: [string, string][] };
  days: { date: string; rows: { resident: string; places: Segment[]; talks: Talk[] }[] }[];
  gatherings: { factId: string; knew: number; came: number }[];
  calls: Record<string, number>;
  /** Per question, when a language model was metered. */
  tokens: Record<string, { calls: number; tokens: number; costUsd: number }> | null;
  interview: { categories: Record<string, number>; hallucinationRate: number; failed: { resident: string; category: string; question: string; answer: string; why: string }[] } | null;
}

export interface ReportView {
  title: string;
  subtitle: string;
  summary: [string, string, string, string][];
  residents: string[];
  facts: { id: string; holder: string; text: string }[];
  /** Per fact and seed: [hours since start, residents who know it]. */
  spread: { factId: string; seed: number; points: [number, number][] }[];
  interview: { categories: { name: string; median: number; min: number; max: number }[]; hallucinationRate: Spread } | null;
  runs: RunView[];
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "Monday February 13, 2023 10:42" (or without the time) -> game ms; NaN when unreadable. */
export function parseGameTime(text: string): number {
  const m = /^\w+ (\w+) (\d{1,2}), (\d{4})(?: (\d{2}):(\d{2}))?$/.exec(text.trim());
  if (!m) return NaN;
  const month = MONTHS.indexOf(m[1]);
  return month < 0 ? NaN : Date.UTC(Number(m[3]), month, Number(m[2]), Number(m[4] ?? 0), Number(m[5] ?? 0));
}

const HOUR_MS = 3_600_000;
const hoursOf = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return h + m / 60;
};
const round2 = (x: number) => Math.round(x * 100) / 100;
/** "the Ville:Hobbs Cafe:cafe:counter" -> "Hobbs Cafe: cafe". */
const placeName = (address: string) => address.split(":").slice(1, 3).join(": ") || address;
const MAX_ACTIONS_SHOWN = 6;

/** A resident's day as places: consecutive actions in the same arena are one stretch. */
export function placeSegments(actions: { time: string; action: string; place: string }[], untilHour = 24): Segment[] {
  const out: { from: number; to: number; place: string; actions: string[] }[] = [];
  actions.forEach((a, i) => {
    const from = hoursOf(a.time);
    if (from >= untilHour) return;
    const to = Math.min(untilHour, i + 1 < actions.length ? hoursOf(actions[i + 1].time) : 24);
    const place = placeName(a.place);
    const last = out.at(-1);
    if (last && last.place === place) {
      last.to = to;
      if (last.actions.at(-1) !== a.action) last.actions.push(a.action);
    } else out.push({ from, to, place, actions: [a.action] });
  });
  return out
    .filter((s) => s.to > s.from)
    .map((s) => [round2(s.from), round2(s.to), s.place, s.actions.slice(0, MAX_ACTIONS_SHOWN).join("; ") + (s.actions.length > MAX_ACTIONS_SHOWN ? "; …" : "")]);
}

/** Pairs who know each other: the report's own lists, or (older reports) the talks. */
function network(r: SeedReport): RunView["network"] {
  const pairs = r.density.pairs;
  if (pairs) return { start: pairs.start, end: pairs.end };
  const names = new Set(r.agents.map((a) => a.name));
  const end = new Set<string>();
  for (const c of r.conversations) {
    const rs = c.participants.filter((p) => names.has(p));
    for (const a of rs) for (const b of rs) if (a < b) end.add(`${a}|${b}`);
  }
  return { start: [], end: [...end].map((p) => p.split("|") as [string, string]) };
}

function runView(r: SeedReport): RunView {
  const endMs = parseGameTime(r.end);
  // The hours of each day the run covers (a run that ends at midnight has none of the next day).
  const untilHour = (date: string) => Math.min(24, (endMs - parseGameTime(date)) / HOUR_MS);
  const days = (r.agents[0]?.days ?? []).filter((d) => !(untilHour(d.date) <= 0)).map((d) => ({
    date: d.date,
    rows: r.agents.map((a) => {
      const day = a.days.find((x) => x.date === d.date);
      const talks: Talk[] = r.conversations
        .filter((c) => c.participants.includes(a.name) && c.start.startsWith(d.date))
        .map((c) => [round2(hoursOf(c.start.slice(d.date.length + 1))), c.participants.filter((p) => p !== a.name).join(", "), c.summary]);
      return { resident: a.name, places: day ? placeSegments(day.actions, untilHour(d.date) || 24) : [], talks };
    }),
  }));
  const u = usageSnapshot(r);
  const b = r.interview;
  return {
    seed: r.seed,
    network: network(r),
    days,
    gatherings: r.gatherings.map((g) => ({ factId: g.factId, knew: g.knew.length, came: g.attended.length })),
    calls: r.usage.calls,
    tokens: u ? Object.fromEntries(Object.entries(u.byQuestion).map(([q, c]) => [q, { calls: c.calls, tokens: c.inputTokens + c.outputTokens + c.embeddingTokens, costUsd: c.costUsd }])) : null,
    interview: b
      ? {
          categories: Object.fromEntries(Object.entries(b.categories).map(([c, s]) => [c, s.score])),
          hallucinationRate: b.hallucinationRate,
          failed: b.items.filter((i) => !i.passed).map((i) => ({ resident: i.resident, category: i.category, question: i.question, answer: i.answer, why: i.checks.filter((c) => !c.passed).map((c) => c.name + (c.detail ? `: ${c.detail}` : "")).join("; ") })),
        }
      : null,
  };
}

export function reportView(e: Experiment, reports: SeedReport[], title: string, subtitle: string): ReportView {
  const first = reports[0];
  const spread: ReportView["spread"] = [];
  for (const f of first.spread.facts) {
    for (const r of reports) {
      const t0 = parseGameTime(r.start);
      spread.push({ factId: f.id, seed: r.seed, points: r.spread.hourly.map((p) => [round2((parseGameTime(p.gameTime) - t0) / HOUR_MS), p.known[f.id] ?? 0]) });
    }
  }
  const i = e.measures.interview;
  return {
    title,
    subtitle,
    summary: summaryRows(e),
    residents: first.agents.map((a) => a.name),
    facts: first.spread.facts.map((f) => ({ id: f.id, holder: f.holder, text: f.text })),
    spread,
    interview: i ? { categories: BATTERY_CATEGORIES.map((c) => ({ name: c, median: i.categories[c].median, min: i.categories[c].min, max: i.categories[c].max })), hallucinationRate: i.hallucinationRate } : null,
    runs: reports.map(runView),
  };
}
