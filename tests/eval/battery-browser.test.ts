/**
 * The inspector's "Run the battery" in Debian Chromium: a spectator follows a resident,
 * runs the battery, and sees the five category scores and all 25 questions with their
 * answers, each marked passed or failed. Needs `npm run build:client` first and
 * /usr/bin/chromium, like the other browser tests.
 */
import type { Browser } from "playwright-core";
import { startServer, type RunningServer } from "../../server/app";
import { checkPrerequisites, freshPage, launchChromium, waitReady } from "../e2e/chromium";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  checkPrerequisites();
  server = await startServer({ port: 0, host: "127.0.0.1", stepMs: 100, scenario: "ville-3", startTime: "2023-02-13T08:00:00Z" });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("a spectator runs the battery on a resident and reads every checked answer", async () => {
  const { page, errors } = await freshPage(browser);
  await page.goto(server.url);
  await page.getByRole("button", { name: "Watch only", exact: true }).click();
  await waitReady(page);
  const id = await page.evaluate(() => Object.keys(window.__ville.agentPositions()).sort()[0]);
  expect(await page.evaluate((agent) => window.__ville.inspect(agent), id)).toBe(true);
  const inspector = page.getByRole("dialog", { name: "Resident inspector" });
  const run = inspector.getByRole("button", { name: "Run the battery" });
  await run.click();
  await inspector.locator(".insp-battery-items li").nth(24).waitFor({ timeout: 20_000 });
  expect(await inspector.locator(".insp-battery-scores li").count()).toBe(5);
  expect(await inspector.locator(".insp-battery-items li").count()).toBe(25);
  expect(await inspector.locator(".insp-battery-items li.pass, .insp-battery-items li.fail").count()).toBe(25);
  expect(await inspector.locator(".insp-battery-status").textContent()).toMatch(/^\d+ of 25 passed · hallucination \d+ %$/);
  // The shown scores are the marks counted.
  const passed = await inspector.locator(".insp-battery-items li.pass").count();
  const scores = await inspector.locator(".insp-battery-score").allTextContents();
  expect(scores.reduce((n, s) => n + Number(s.split("/")[0]), 0)).toBe(passed);
  expect(await inspector.getByRole("button", { name: "Run it again" }).isEnabled()).toBe(true);
  expect(errors).toEqual([]);
  await page.close();
}, 90_000);
