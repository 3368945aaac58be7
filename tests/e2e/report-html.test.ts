/**
 * report.html in Debian Chromium, as a file with the network cut off: the page that
 * `npm run simulate` writes beside report.json, and an experiment page of two seeds, one
 * with an interview battery and a metered language model (filled in here), open with no
 * console error and no request, and every chart is drawn (no blank canvas).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { BATTERY_CATEGORIES, type BatteryResult } from "../../server/eval/battery-types";
import { summariseExperiment, type SeedReport } from "../../server/report/experiment";
import { reportHtml } from "../../server/report/html";
import { runScript } from "../report/run-script";
import { CHROMIUM_PATH, freshPage, launchChromium } from "./chromium";

const READY_MS = 30_000;

let dir: string;
let report: SeedReport;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: install Debian's "chromium" package (apt-get install chromium).`);
  dir = mkdtempSync(join(tmpdir(), "ville-report-html-"));
  await runScript("scripts/simulate.ts", ["--scenario", "ville-3", "--days", "1", "--seed", "1", "--mind", "offline", "--no-store", "--quiet", "--out", join(dir, "run")]);
  report = JSON.parse(readFileSync(join(dir, "run", "report.json"), "utf8"));
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
  close(): Promise<void>;
}

/** Opens a report file; any request that is not the file itself is refused and noted. */
async function open(file: string): Promise<Opened> {
  const { context, page, errors } = await freshPage(browser);
  const requests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    requests.push(url);
    return route.abort();
  });
  await page.goto(`file://${file}`);
  await page.waitForFunction(() => (window as unknown as { __reportReady?: boolean }).__reportReady === true, null, { timeout: READY_MS });
  return { page, errors, requests, close: () => context.close() };
}

/** Per canvas: its container's id (or the nearest one's) and whether any pixel is painted. */
function canvases(page: Page): Promise<{ where: string; painted: boolean; width: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("canvas")].map((c) => {
      const where = c.closest("[id]")?.id ?? "";
      const ctx = c.getContext("2d");
      if (!ctx || c.width === 0 || c.height === 0) return { where, painted: false, width: c.width };
      const pixels = ctx.getImageData(0, 0, c.width, c.height).data;
      let painted = false;
      for (let i = 3; i < pixels.length && !painted; i += 4) painted = pixels[i] !== 0;
      return { where, painted, width: c.width };
    }),
  );
}

/** Per Chart.js chart: its section and how many points its datasets hold. */
function chartPoints(page: Page): Promise<{ where: string; points: number }[]> {
  return page.evaluate(() => {
    const Chart = (window as unknown as { Chart: { instances: Record<string, { canvas: HTMLCanvasElement; data: { datasets: { data: unknown[] }[] } }> } }).Chart;
    return Object.values(Chart.instances).map((c) => ({ where: c.canvas.closest("[id]")?.id ?? "", points: c.data.datasets.reduce((n, d) => n + d.data.length, 0) }));
  });
}

/** Drawn canvases per section (Cytoscape keeps some layers empty until needed). */
async function paintedBySection(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const c of await canvases(page)) if (c.painted) out[c.where] = (out[c.where] ?? 0) + 1;
  return out;
}

test("the run's own report.html opens offline and draws every chart", async () => {
  const o = await open(join(dir, "run", "report.html"));
  try {
    expect(o.errors).toEqual([]);
    expect(o.requests).toEqual([]);
    const painted = await paintedBySection(o.page);
    expect(painted.spread).toBe(report.spread.facts.length);
    expect(painted.attendance).toBe(report.gatherings.length);
    expect(painted.cost).toBe(1);
    expect(painted["graph-start"]).toBeGreaterThanOrEqual(1);
    expect(painted["graph-end"]).toBeGreaterThanOrEqual(1);
    expect(painted.timelines).toBe(1); // one game day from midnight to midnight
    // Every Chart.js canvas is painted, none blank.
    const blank = (await canvases(o.page)).filter((c) => !c.painted && !c.where.startsWith("graph"));
    expect(blank).toEqual([]);
    // And each chart has something to draw: lines, bars, places.
    for (const c of await chartPoints(o.page)) expect(c.points).toBeGreaterThan(0);
    await expect(o.page.locator("#summary tr").count()).resolves.toBeGreaterThan(5);
    await expect(o.page.locator("#interview").textContent()).resolves.toContain("No interview");
  } finally {
    await o.close();
  }
}, 60_000);

test("an experiment page with an interview and token costs draws those charts too, and switches seeds", async () => {
  const battery: BatteryResult = {
    categories: Object.fromEntries(BATTERY_CATEGORIES.map((c, i) => [c, { asked: 5, passed: 5 - (i % 3), score: (5 - (i % 3)) / 5 }])) as BatteryResult["categories"],
    hallucinationRate: 0.012,
    items: [{ resident: "Maria Lopez", category: "memory", question: "Do you know Sam Moore?", answer: "Yes, Sam is my neighbour.", checks: [{ name: "no invented acquaintance", passed: false, detail: "never met Sam Moore" }], passed: false, hallucinated: true }],
  };
  const counts = (calls: number, tokens: number, costUsd: number) => ({ calls, requests: calls, retries: 0, reasks: 0, failures: 0, fallbacks: 0, repairs: 0, inputTokens: tokens, outputTokens: 0, embeddingTokens: 0, cacheHits: 0, latencyMs: 0, costUsd });
  const second: SeedReport = {
    ...structuredClone(report),
    seed: 2,
    interview: battery,
    usage: { ...report.usage, tokens: { total: counts(30, 9000, 0.02), byQuestion: { daily_plan: counts(10, 6000, 0.015), poignancy: counts(20, 3000, 0.005) }, byAgent: {}, unpricedModels: [], budgetUsd: null } },
  };
  const first: SeedReport = { ...report, interview: battery };
  const runs = [first, second].map((r) => ({ seed: r.seed, dir: `seed-${r.seed}`, report: r }));
  const e = summariseExperiment(runs, { scenario: "ville-3", days: 1, mind: report.mind, ablate: null, interview: true, parallel: 2, wallSeconds: 1 });
  const file = join(dir, "experiment.html");
  writeFileSync(file, reportHtml(e, [first, second]));
  const o = await open(file);
  try {
    expect(o.errors).toEqual([]);
    expect(o.requests).toEqual([]);
    const painted = await paintedBySection(o.page);
    expect(painted.interview).toBe(1);
    expect(painted.cost).toBe(2); // calls per question, and tokens and cost per question
    expect(painted.spread).toBe(report.spread.facts.length);
    await expect(o.page.locator("#interview").textContent()).resolves.toContain("1.2 %");
    await expect(o.page.locator("#failed summary").textContent()).resolves.toContain("1 answers that failed");
    await o.page.selectOption("#seed", "1");
    expect((await paintedBySection(o.page)).timelines).toBe(1);
    await expect(o.page.locator("#failed summary").textContent()).resolves.toContain("seed 2");
    expect(o.errors).toEqual([]);
  } finally {
    await o.close();
  }
}, 60_000);
