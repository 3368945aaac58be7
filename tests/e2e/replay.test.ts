/**
 * A finished run replayed in Debian Chromium. `npm run simulate` records a game day of
 * ville-3 (offline mind, seed 1) into a FileStore in a temp dir; a server on that store
 * lists it in the lobby; its Replay button opens `/replay/<id>`; the timeline is scrubbed
 * to a line said in a conversation, the speaker is clicked, and the panel says what
 * `stateAt` on the same data says they were doing and saying then. Played at 32x it moves
 * on and agrees with `stateAt` again; on a phone-sized screen the panel, the status and
 * the controls do not cover each other. Waits are bounded; nothing asserts how long anything takes.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { formatGameDateTime } from "../../client/src/format";
import { startServer, type RunningServer } from "../../server/app";
import { loadReplay } from "../../server/runs/replay-data";
import { FileStore } from "../../server/store/file-store";
import { stateAt, type ReplayData, type ReplayState } from "../../shared/replay";
import { checkPrerequisites, freshPage, launchChromium, READY_TIMEOUT_MS } from "./chromium";

const SIMULATE_TIMEOUT_MS = 240_000;
const SETTLE_TIMEOUT_MS = 15_000;
/** Each test opens its own page: headless WebGL (SwiftShader) draws slowly. */
const PAGE_TEST_MS = 120_000;

let dataDir: string;
let store: FileStore;
let runId: string;
let data: ReplayData;
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  checkPrerequisites();
  dataDir = mkdtempSync(join(tmpdir(), "ville-replay-e2e-"));
  const args = ["tsx", "scripts/simulate.ts", "--scenario", "ville-3", "--days", "1", "--mind", "offline", "--seed", "1", "--quiet", "--data-dir", dataDir, "--out", join(dataDir, "report")];
  // Into the temp dir whatever this machine's environment says about stores.
  const { REDIS_URL: _redis, DATA_DIR: _dir, ...env } = process.env;
  const { stdout } = await promisify(execFile)("npx", args, { timeout: SIMULATE_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, env: { ...env, MIND: "offline" } });
  const saved = /Saved run (\S+)/.exec(stdout);
  if (!saved) throw new Error(`simulate did not say "Saved run <id>":\n${stdout}`);
  runId = saved[1];
  store = new FileStore(dataDir);
  data = (await loadReplay(store, runId))!;
  server = await startServer({ port: 0, host: "127.0.0.1", store, defaultTown: false });
  browser = await launchChromium();
}, SIMULATE_TIMEOUT_MS + 60_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  await store?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function open(path: string, viewport?: { width: number; height: number }): Promise<{ page: Page; errors: string[] }> {
  const { context, page, errors } = await freshPage(browser);
  contexts.push(context);
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(new URL(path, server.url).href);
  return { page, errors };
}

const waitReplayReady = (page: Page) => page.waitForFunction(() => window.__ville.replay?.ready === true, null, { timeout: READY_TIMEOUT_MS });

/** A line said in a conversation, by a resident, with its step: the moment to scrub to. */
function aMoment(): { step: number; resident: string; expected: ReplayState["people"][string] } {
  const residents = new Set(data.people.filter((p) => p.kind === "resident").map((p) => p.id));
  for (const c of data.conversations) {
    const said = data.lines.filter((l) => l.conversationId === c.id && residents.has(l.from));
    const l = said[1] ?? said[0];
    if (!l) continue;
    const who = stateAt(data, l.step).people[l.from];
    if (who?.line?.seq === l.seq && who.action) return { step: l.step, resident: l.from, expected: who };
  }
  throw new Error("the run has no conversation line to scrub to");
}

/** Waits until a sprite stops moving on screen (the camera eases towards whom it follows). */
async function settledSprite(page: Page, id: string): Promise<{ x: number; y: number }> {
  let last = "";
  const until = Date.now() + SETTLE_TIMEOUT_MS;
  while (Date.now() < until) {
    const at = await page.evaluate((rid) => window.__ville.replay!.spriteToScreen(rid), id);
    const key = JSON.stringify(at && { x: Math.round(at.x), y: Math.round(at.y) });
    if (at && key === last) return at;
    last = key;
    await page.waitForTimeout(300);
  }
  throw new Error(`the sprite of ${id} did not settle`);
}

test("the run was recorded whole: frames all day, conversations, thoughts, no damage", () => {
  expect(data.damage).toEqual([]);
  expect(data.town.mode).toBe("lockstep");
  expect(data.frames[0].full).toBe(true);
  expect(data.frames[data.frames.length - 1].step - data.frames[0].step).toBeGreaterThanOrEqual(8639);
  expect(data.people.filter((p) => p.kind === "resident")).toHaveLength(3);
  expect(data.conversations.length).toBeGreaterThan(0);
  expect(data.thoughts.some((t) => t.kind === "plan")).toBe(true);
});

test("from the lobby's Replays to a moment: the panel says what the resident was doing and saying", async () => {
  const { page, errors } = await open("/");
  const row = page.locator(`.lobby-runs [data-run-id="${runId}"]`);
  await row.waitFor({ timeout: SETTLE_TIMEOUT_MS });
  await row.getByRole("button", { name: "Replay", exact: true }).click();
  await page.waitForURL(`**/replay/${runId}`);
  await waitReplayReady(page);
  const range = await page.evaluate(() => window.__ville.replay!.range());
  expect(range).toEqual({ first: data.frames[0].step, last: data.frames[data.frames.length - 1].step });
  // Every conversation is marked on the timeline.
  expect(await page.locator(".replay-mark").count()).toBe(data.conversations.length);

  // Scrub the timeline to the moment.
  const { step, resident, expected } = aMoment();
  await page.locator(".replay-timeline").fill(String(step));
  await page.waitForFunction((s) => window.__ville.replay!.step() === s, step, { timeout: SETTLE_TIMEOUT_MS });
  const shown = await page.evaluate(() => window.__ville.replay!.state());
  expect(shown).toEqual(stateAt(data, step));
  expect(await page.textContent(".replay-clock")).toBe(formatGameDateTime(stateAt(data, step).gameTimeMs));

  // Bring the resident into view, close the panel (Esc), then click the sprite as a person would.
  expect(await page.evaluate((id) => window.__ville.replay!.select(id), resident)).toBe(true);
  await page.locator(".replay-timeline").blur();
  await page.keyboard.press("Escape");
  expect(await page.evaluate(() => window.__ville.replay!.panel())).toBe("");
  const at = await settledSprite(page, resident);
  await page.mouse.click(at.x, at.y);
  await page.waitForFunction((id) => window.__ville.replay!.selected() === id, resident, { timeout: SETTLE_TIMEOUT_MS });
  const panel = await page.evaluate(() => window.__ville.replay!.panel());
  expect(panel).toContain(expected.name);
  expect(panel).toContain(expected.action);
  if (expected.place) expect(panel).toContain(`at ${expected.place}`);
  expect(panel).toContain(`“${expected.line!.text}”`);
  if (expected.thought) expect(panel).toContain(`“${expected.thought.text}”`);
  expect(await page.locator(".replay-panel").isVisible()).toBe(true);

  // A click on a conversation's mark goes to its start.
  const mark = page.locator(".replay-mark").first();
  const markStep = Number(await mark.getAttribute("data-step"));
  await mark.click({ position: { x: 1, y: 5 } });
  await page.waitForFunction((s) => window.__ville.replay!.step() === s, markStep, { timeout: SETTLE_TIMEOUT_MS });
  expect(errors).toEqual([]);
}, PAGE_TEST_MS);

test("played at 32x it moves on, stops when paused, and agrees with stateAt", async () => {
  const { page, errors } = await open(`/replay/${runId}`);
  await waitReplayReady(page);
  const from = Math.floor((data.frames[0].step + data.frames[data.frames.length - 1].step) / 2);
  await page.evaluate((s) => window.__ville.replay!.seek(s), from);
  await page.getByRole("button", { name: "32x", exact: true }).click();
  await page.getByRole("button", { name: "Play the replay" }).click();
  await page.waitForFunction((s) => window.__ville.replay!.step() >= s + 64, from, { timeout: SETTLE_TIMEOUT_MS });
  await page.getByRole("button", { name: "Pause the replay" }).click();
  const stopped = await page.evaluate(() => window.__ville.replay!.step());
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => ({ step: window.__ville.replay!.step(), playing: window.__ville.replay!.playing() }))).toEqual({ step: stopped, playing: false });
  expect(await page.evaluate(() => window.__ville.replay!.state())).toEqual(stateAt(data, stopped));
  expect(errors).toEqual([]);
}, PAGE_TEST_MS);

test("on a phone-sized screen the panel, the status and the controls stay apart and on screen", async () => {
  const phone = { width: 390, height: 844 };
  const { page, errors } = await open(`/replay/${runId}`, phone);
  await waitReplayReady(page);
  const { step, resident } = aMoment();
  await page.evaluate((s) => window.__ville.replay!.seek(s), step);
  expect(await page.evaluate((id) => window.__ville.replay!.select(id), resident)).toBe(true);
  const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
  const [status, panel, bar] = [await box(".replay-status"), await box(".replay-panel"), await box(".replay-bar")];
  for (const b of [status, panel, bar]) {
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(phone.width);
    expect(b.y + b.height).toBeLessThanOrEqual(phone.height);
  }
  expect(status.y + status.height).toBeLessThanOrEqual(panel.y);
  expect(panel.y + panel.height).toBeLessThanOrEqual(bar.y);
  // Most of the map stays visible above the panel.
  expect(panel.y - (status.y + status.height)).toBeGreaterThan(phone.height / 4);
  expect(errors).toEqual([]);
}, PAGE_TEST_MS);

test("an unknown replay is said plainly", async () => {
  const { page } = await open("/replay/NoSuchRun42");
  await page.waitForFunction(() => (window.__ville.replay?.error ?? "") !== "", null, { timeout: SETTLE_TIMEOUT_MS });
  expect(await page.textContent(".join-error")).toContain('No saved town has the id "NoSuchRun42"');
}, PAGE_TEST_MS);
