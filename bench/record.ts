/**
 * Benchmarks that stay true: every figure `npm run bench` measures is kept in
 * docs/bench-results.json with the runs behind it (median and range), when and where it
 * was measured (date, commit, Node, CPU) and the command that measures it again. The
 * "Figures" section of docs/BENCHMARKS.md is written from that file and nothing else, so
 * no figure there is typed by hand. A run of some benchmarks replaces only their figures.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";

export interface Figure {
  /** Group heading in BENCHMARKS.md. */
  group: string;
  /** What was measured, one line. */
  name: string;
  unit: string;
  /** Every run's value; the median and range are computed from them. */
  runs: number[];
  /** How to measure it again. */
  command: string;
  /** Decimal places to print. */
  digits?: number;
  /** A short remark printed beside the figure (the setting, a ratio's parts). */
  note?: string;
}

export interface RecordedFigure extends Figure {
  median: number;
  min: number;
  max: number;
  measuredAt: string;
  commit: string;
  node: string;
  cpu: string;
}

export interface Results {
  figures: Record<string, RecordedFigure>;
}

export const RESULTS_FILE = join("docs", "bench-results.json");
export const BENCHMARKS_FILE = join("docs", "BENCHMARKS.md");
const BEGIN = "<!-- figures:begin: written by `npm run bench` from docs/bench-results.json; do not edit by hand -->";
const END = "<!-- figures:end -->";

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The commit measured, marked when the working tree had changes. */
export function currentCommit(root = process.cwd()): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root, encoding: "utf8" }).trim() !== "";
    return dirty ? `${head}+changes` : head;
  } catch {
    return "unknown";
  }
}

export function machine(): { node: string; cpu: string } {
  const c = cpus();
  return { node: process.version, cpu: `${c[0]?.model.trim() ?? "unknown CPU"}, ${c.length} cores` };
}

export function readResults(root = process.cwd()): Results {
  const path = join(root, RESULTS_FILE);
  if (!existsSync(path)) return { figures: {} };
  return JSON.parse(readFileSync(path, "utf8")) as Results;
}

/** Stamps figures with their median, range, date, commit and machine. */
export function recordFigures(figures: Record<string, Figure>, at = new Date(), root = process.cwd()): Record<string, RecordedFigure> {
  const where = { measuredAt: at.toISOString(), commit: currentCommit(root), ...machine() };
  const out: Record<string, RecordedFigure> = {};
  for (const [key, f] of Object.entries(figures)) {
    if (f.runs.length === 0) throw new Error(`figure ${key} has no runs`);
    out[key] = { ...f, median: median(f.runs), min: Math.min(...f.runs), max: Math.max(...f.runs), ...where };
  }
  return out;
}

/** Merges new figures into the results file and rewrites the figures section of BENCHMARKS.md. */
export function saveFigures(figures: Record<string, Figure>, root = process.cwd()): Results {
  const results = readResults(root);
  // A benchmark replaces all its figures ("tokens.*"), so none of an older run is left beside them.
  const benches = new Set(Object.keys(figures).map((k) => k.split(".")[0]));
  for (const k of Object.keys(results.figures)) if (benches.has(k.split(".")[0])) delete results.figures[k];
  Object.assign(results.figures, recordFigures(figures, new Date(), root));
  const sorted: Results = { figures: Object.fromEntries(Object.entries(results.figures).sort(([a], [b]) => a.localeCompare(b))) };
  writeFileSync(join(root, RESULTS_FILE), JSON.stringify(sorted, null, 2) + "\n");
  const mdPath = join(root, BENCHMARKS_FILE);
  writeFileSync(mdPath, withFiguresSection(readFileSync(mdPath, "utf8"), sorted));
  return sorted;
}

/** The document with its figures section replaced (or added after the title). */
export function withFiguresSection(doc: string, results: Results): string {
  const section = `${BEGIN}\n${figuresMarkdown(results)}\n${END}`;
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  if (a >= 0 && b > a) return doc.slice(0, a) + section + doc.slice(b + END.length);
  const firstBreak = doc.indexOf("\n\n");
  return firstBreak < 0 ? `${doc}\n\n${section}\n` : `${doc.slice(0, firstBreak)}\n\n${section}\n${doc.slice(firstBreak)}`;
}

const fmt = (n: number, digits: number) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function figuresMarkdown(results: Results): string {
  const figs = Object.values(results.figures);
  const groups = [...new Set(figs.map((f) => f.group))];
  const out: string[] = [];
  for (const g of groups) {
    out.push(`### ${g}`, "", "| figure | median | range (runs) | measured | command |", "|---|---|---|---|---|");
    for (const f of figs.filter((x) => x.group === g)) {
      const d = f.digits ?? 1;
      const range = f.runs.length > 1 ? `${fmt(f.min, d)}-${fmt(f.max, d)} (${f.runs.length})` : `(1)`;
      const name = f.note ? `${f.name} (${f.note})` : f.name;
      out.push(`| ${name} | **${fmt(f.median, d)} ${f.unit}** | ${range} | ${f.measuredAt.slice(0, 10)}, ${f.commit}, Node ${f.node}, ${f.cpu} | \`${f.command}\` |`);
    }
    out.push("");
  }
  return out.join("\n").trimEnd();
}
