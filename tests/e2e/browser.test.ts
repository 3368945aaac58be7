/**
 * End to end in Debian Chromium: the real server (fast steps, a morning start) serves the
 * built client; a player walks in, sees the town drawn, watches residents move and walks
 * with the arrow keys and by clicking, and as the town's host (by the operator's token) whispers to a resident; a
 * spectator watches without an avatar, opens a resident's inspector and interviews them.
 * Needs `npm run build:client` first (the test command does it) and /usr/bin/chromium.
 */
import type { Browser, Page } from "playwright-core";
import { PNG } from "pngjs";
import type { VilleHooks } from "../../client/src/main";
import { startServer, type RunningServer } from "../../server/app";
import { checkPrerequisites, freshPage, launchChromium, waitReady } from "./chromium";

const RESIDENT_MOVE_TIMEOUT_MS = 45_000;
const AVATAR_MOVE_TIMEOUT_MS = 5_000;
const INSPECTOR_TIMEOUT_MS = 15_000;
const ANSWER_TIMEOUT_MS = 20_000;

/** The operator's token: whoever's browser holds it hosts the default public town. */
const HOST_TOKEN = "e2e-operator-token-0123456789";

type Tile = { x: number; y: number };
type Positions = ReturnType<VilleHooks["agentPositions"]>;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  checkPrerequisites();
  server = await startServer({ port: 0, host: "127.0.0.1", stepMs: 100, startTime: "2023-02-13T08:00:00Z", hostToken: HOST_TOKEN });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the lobby (in a browser context of its own), walks into the public town and waits until it is drawn. */
async function join(mode: "Walk in" | "Watch only", name: string, asHost = false): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await freshPage(browser);
  if (asHost) await page.addInitScript((token) => localStorage.setItem("ville.token", token), HOST_TOKEN);
  await page.goto(server.url);
  await page.fill("#join-name", name);
  await page.getByRole("button", { name: mode, exact: true }).click();
  await waitReady(page);
  return { page, errors };
}

/** Follows the first resident (by id) as a click on it does; returns its id and name. */
async function inspectFirstResident(page: Page): Promise<{ id: string; name: string }> {
  const resident = await page.evaluate(() => {
    const [id] = Object.keys(window.__ville.agentPositions()).sort();
    return { id, name: window.__ville.agentNames()[id] };
  });
  expect(await page.evaluate((id) => window.__ville.inspect(id), resident.id)).toBe(true);
  return resident;
}

/** Variance of the luminance of a PNG: 0 for a blank canvas, hundreds for a drawn map. */
function luminanceVariance(png: Buffer): number {
  const { data, width, height } = PNG.sync.read(png);
  let sum = 0;
  let sumSq = 0;
  const n = width * height;
  for (let i = 0; i < data.length; i += 4) {
    const y = 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
    sum += y;
    sumSq += y * y;
  }
  const mean = sum / n;
  return sumSq / n - mean * mean;
}

const ownTile = (page: Page) =>
  page.evaluate(() => window.__ville.playerPositions()[window.__ville.playerId] ?? null);

/** Resolves true once the own avatar stands somewhere other than `from` (bounded wait). */
async function avatarLeft(page: Page, from: Tile): Promise<boolean> {
  try {
    await page.waitForFunction(
      (start) => {
        const v = window.__ville;
        const now = v.playerPositions()[v.playerId];
        return !!now && (now.x !== start.x || now.y !== start.y);
      },
      from,
      { timeout: AVATAR_MOVE_TIMEOUT_MS, polling: 50 },
    );
    return true;
  } catch {
    return false;
  }
}

test("a player walks in, sees the town, residents move, and the avatar walks by keys and by click", async () => {
  const { page, errors } = await join("Walk in", "Tester", true);
  const hooks = await page.evaluate(() => ({ playerId: window.__ville.playerId, spectator: window.__ville.spectator }));
  expect(hooks.spectator).toBe(false);
  expect(hooks.playerId).not.toBe("");

  // The canvas shows a drawn map, not a blank screen.
  const shot = await page.screenshot();
  expect(luminanceVariance(shot)).toBeGreaterThan(150);
  expect(await page.textContent(".status .clock")).toMatch(/^Mon Feb 13 2023, 0\d:\d\d$/);
  expect(await page.textContent(".status .mind")).toMatch(/^Mind: \S/);

  // Some resident changes tile while we watch.
  const before = await page.evaluate(() => window.__ville.agentPositions());
  expect(Object.keys(before).length).toBeGreaterThan(0);
  await page.waitForFunction(
    (start: Positions) => {
      const now = window.__ville.agentPositions();
      return Object.entries(start).some(([id, t]) => now[id] && (now[id].x !== t.x || now[id].y !== t.y));
    },
    before,
    { timeout: RESIDENT_MOVE_TIMEOUT_MS, polling: 100 },
  );

  // Arrow keys: some direction from the spawn tile is open.
  const start = await ownTile(page);
  expect(start).not.toBeNull();
  let movedByKey = false;
  for (const key of ["ArrowRight", "ArrowDown", "ArrowLeft", "ArrowUp"]) {
    await page.keyboard.down(key);
    await page.waitForTimeout(250);
    await page.keyboard.up(key);
    if (await avatarLeft(page, start!)) {
      movedByKey = true;
      break;
    }
  }
  expect(movedByKey).toBe(true);

  // Click: a tile a few steps away, trying a few in case one is blocked or occupied.
  const here = (await ownTile(page))!;
  let movedByClick = false;
  for (const [dx, dy] of [[2, 0], [0, 2], [-2, 0], [0, -2], [3, 1], [-3, -1]]) {
    const at = await page.evaluate(([x, y]) => window.__ville.tileToScreen(x, y), [here.x + dx, here.y + dy]);
    if (!at) continue;
    await page.mouse.click(at.x, at.y);
    if (await avatarLeft(page, here)) {
      movedByClick = true;
      break;
    }
  }
  expect(movedByClick).toBe(true);

  // This browser holds the operator's token, so it hosts the public town: it may plant a thought.
  const resident = await inspectFirstResident(page);
  const first = resident.name.split(" ")[0];
  const whisperBox = page.getByPlaceholder(`Whisper a thought to ${first}`);
  await whisperBox.fill("The bakery is giving away free bread today.");
  await whisperBox.press("Enter");
  await page.getByText(`${first} will remember: “The bakery is giving away free bread today.”`).waitFor({ timeout: INSPECTOR_TIMEOUT_MS });

  expect(errors).toEqual([]);
  await page.close();
}, 120_000);

test("a spectator watches without an avatar", async () => {
  const { page, errors } = await join("Watch only", "");
  const view = await page.evaluate(() => {
    const v = window.__ville;
    return { sessionId: v.sessionId, playerId: v.playerId, spectator: v.spectator, players: v.playerPositions(), agents: Object.keys(v.agentPositions()).length };
  });
  expect(view.spectator).toBe(true);
  expect(view.sessionId).not.toBe("");
  expect(view.playerId).toBe("");
  expect(view.players[view.sessionId]).toBeUndefined();
  expect(view.agents).toBeGreaterThan(0);
  // No chat box for spectators, and the canvas is drawn for them too.
  expect(await page.locator(".chat-form").count()).toBe(0);
  expect(luminanceVariance(await page.screenshot())).toBeGreaterThan(150);
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);

test("a spectator opens a resident's inspector and interviews them", async () => {
  // The public town is hosted by the operator's token, which this browser does not hold.
  const { page, errors } = await join("Watch only", "");
  const resident = await inspectFirstResident(page);
  const inspector = page.getByRole("dialog", { name: "Resident inspector" });
  await inspector.locator(".insp-schedule li, .insp-plan li").first().waitFor({ timeout: INSPECTOR_TIMEOUT_MS });
  expect(await inspector.locator(".insp-name").textContent()).toContain(resident.name);
  // The town started at 08:00 with the day planned: one schedule entry is under way.
  expect(await inspector.locator(".insp-schedule li[aria-current]").count()).toBe(1);
  // Only the host may whisper.
  expect(await inspector.locator(".insp-whisper-form").isVisible()).toBe(false);

  const question = "What are you looking forward to today?";
  const ask = page.getByPlaceholder(`Ask ${resident.name.split(" ")[0]} a question`);
  await ask.fill(question);
  await ask.press("Enter");
  expect(await inspector.locator(".insp-q").last().textContent()).toContain(question);
  const answer = inspector.locator(".insp-a:not(.waiting):not(.error) .insp-answer-text").last();
  await answer.waitFor({ timeout: ANSWER_TIMEOUT_MS });
  expect((await answer.textContent())!.trim()).not.toBe("");

  await inspector.getByRole("button", { name: "Close the inspector" }).click();
  expect(await inspector.isHidden()).toBe(true);
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);
