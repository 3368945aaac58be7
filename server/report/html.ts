/**
 * report.html: one self-contained page that opens offline. Chart.js and Cytoscape.js
 * (MIT, docs/CREDITS.md) are read from node_modules and inlined, the data is a JSON
 * block, and html-page.ts draws from it. Built for an experiment (several seeds) or for
 * a single run's report.json (an experiment of one).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { experimentTitle, reportDays, summariseExperiment, type Experiment, type SeedReport } from "./experiment";
import { reportView } from "./html-data";
import { PAGE_SCRIPT } from "./html-page";

/**
 * The browser builds of the libraries, found from their packages' entry points: from the
 * repository root (the working directory), else from the running script's directory.
 */
function libraries(root: string | undefined): string[] {
  const from = [root ?? process.cwd(), ...(process.argv[1] ? [dirname(process.argv[1])] : [])];
  const resolve = (pkg: string) => {
    for (const dir of from) {
      try {
        return createRequire(join(dir, "package.json")).resolve(pkg);
      } catch {
        // not installed under this directory; try the next
      }
    }
    throw new Error(`report.html needs the npm package "${pkg}" (npm install), looked for from ${from.join(" and ")}`);
  };
  const beside = (pkg: string, file: string) => readFileSync(join(dirname(resolve(pkg)), file), "utf8");
  return [beside("chart.js", "chart.umd.min.js"), beside("cytoscape", "cytoscape.min.js")];
}

/** Text safe inside <script>: no "</script", no "<!--" (the parser would act on either). */
function scriptSafe(code: string): string {
  return code.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1200px; padding: 1rem 1.5rem 3rem; color: #222; }
h1 { font-size: 1.5rem; margin-bottom: 0.2rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ddd; } h3 { font-size: 1rem; margin: 1.2rem 0 0.3rem; }
.note { color: #666; font-size: 0.9em; margin: 0.2rem 0; } .chart { position: relative; width: 100%; }
table { border-collapse: collapse; font-size: 0.9em; } td, th { border: 1px solid #ddd; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
#summary td:nth-child(2) { font-weight: 600; white-space: nowrap; }
.graphs { display: flex; gap: 1rem; } .graphs > div { flex: 1; } .graph { height: 460px; border: 1px solid #ddd; }
details { margin-top: 1rem; } .seedpick { position: sticky; top: 0; background: #fff; padding: 0.4rem 0; z-index: 2; }
`;

/** The page for an experiment and its per-seed reports (in seed order). */
export function reportHtml(e: Experiment, reports: SeedReport[], opts: { root?: string } = {}): string {
  if (reports.length === 0) throw new Error("report.html needs at least one run");
  const title = reports.length === 1 ? `Run report: ${reports[0].scenario}, seed ${reports[0].seed}` : `Experiment: ${experimentTitle(e)}`;
  const first = reports[0];
  const subtitle = `${first.mind}${e.ablate ? `, without ${e.ablate}` : ""}. ${first.start} to ${first.end}; seed${reports.length > 1 ? "s" : ""} ${e.seeds.join(", ")}.`;
  const data = JSON.stringify(reportView(e, reports, title, subtitle)).replace(/</g, "\\u003c");
  const scripts = libraries(opts.root).map((code) => `<script>${scriptSafe(code)}</script>`).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="note">${escapeHtml(subtitle)}</p>
<h2>Summary</h2>
<table><thead><tr><th>measure</th><th>median (range)</th><th>per seed</th><th>paper (25 agents, 2 days)</th></tr></thead><tbody id="summary"></tbody></table>
<h2>News spread over game hours</h2>
<p class="note">Residents who know each planted fact (from memory provenance), one line per seed.</p>
<div id="spread"></div>
<h2>Planted gatherings</h2>
<div id="attendance"></div>
<h2>Interview battery</h2>
<div id="interview"></div>
<h2>Cost</h2>
<div id="cost"></div>
<div class="seedpick"><label>Show the run of <select id="seed"></select></label></div>
<h2>Relationships</h2>
<p class="note" id="graph-caption"></p>
<div class="graphs"><div><h3>At the start</h3><div class="graph" id="graph-start"></div></div><div><h3>At the end</h3><div class="graph" id="graph-end"></div></div></div>
<h2>Each resident's day</h2>
<p class="note">Where each resident was, coloured by place (hover for what they did there); triangles mark conversations.</p>
<div id="timelines"></div>
<details id="failed"></details>
<script type="application/json" id="report-data">${data}</script>
${scripts}
<script>${scriptSafe(PAGE_SCRIPT)}</script>
</body>
</html>
`;
}

/** The page for one run's report.json, as simulate writes it beside the report. */
export function runReportHtml(report: SeedReport, opts: { root?: string } = {}): string {
  const e = summariseExperiment([{ seed: report.seed, dir: ".", report }], {
    scenario: report.scenario,
    days: Math.round(reportDays(report) * 100) / 100,
    mind: report.mind,
    ablate: report.ablate ?? null,
    interview: report.interview !== undefined,
    parallel: 1,
    wallSeconds: report.wallSeconds,
  });
  return reportHtml(e, [report], opts);
}
