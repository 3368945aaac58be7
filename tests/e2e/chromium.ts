/**
 * Shared by the browser tests: Debian's Chromium through playwright-core (no browser
 * download), with WebGL from SwiftShader so Phaser draws headless.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--ignore-gpu-blocklist",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
export const VIEWPORT = { width: 1280, height: 720 };
export const READY_TIMEOUT_MS = 30_000;

/** Fails with a sentence that says what to install or build. */
export function checkPrerequisites(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: install Debian's "chromium" package (apt-get install chromium).`);
  }
  if (!existsSync(resolve(process.cwd(), "client/dist/index.html"))) {
    throw new Error("The client is not built: run `npm run build:client` before this test.");
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A page in a context of its own: its own localStorage, so its own player token. */
export async function freshPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { context, page, errors };
}

export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__ville.ready === true, null, { timeout: READY_TIMEOUT_MS });
}
