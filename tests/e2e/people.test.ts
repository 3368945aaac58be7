/**
 * People in a private town, end to end in Debian Chromium (three browser contexts, so three
 * player tokens): A creates a private town with a password from the lobby and sees its
 * invite link; B opens the link (a wrong password is refused first), walks in and walks
 * up to A; A walks up to a resident and talks to it, and the reply streams into A's feed; C
 * watches through the link and sees that conversation; A pauses and the clock stops for
 * all three; B finds "Isabella" in the directory and the camera follows her where no panel
 * covers her; B's network drops and the SDK reconnects it with its avatar kept; A kicks B,
 * then closes the town, and both are told so. An unknown code is
 * refused plainly. Waits are bounded; nothing asserts how long anything takes.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startServer, type RunningServer } from "../../server/app";
import type { LineStream, UtteranceAnswer, UtteranceInput } from "../../server/mind/mind";
import { OfflineMind } from "../../server/mind/offline/offline-mind";
import { checkPrerequisites, freshPage, launchChromium, waitReady } from "./chromium";

const PASSWORD = "sesame-42";
const WALK_TIMEOUT_MS = 30_000;
const REPLY_TIMEOUT_MS = 25_000;
const SETTLE_TIMEOUT_MS = 15_000;

type Tile = { x: number; y: number };

/** The offline mind, but writing each line in three growing pieces, as a language model streams. */
class StreamingOfflineMind extends OfflineMind {
  override async nextUtterance(input: UtteranceInput, stream?: LineStream): Promise<UtteranceAnswer> {
    const answer = await super.nextUtterance(input);
    const words = answer.text.split(" ");
    for (let piece = 1; stream && piece <= 3 && words.length > 3; piece++) {
      stream(words.slice(0, Math.ceil((words.length * piece) / 4)).join(" "));
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    return answer;
  }
}

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  checkPrerequisites();
  // Half a second per step: residents walk 2 tiles a second, people 5, so A can catch one up.
  server = await startServer({
    port: 0, host: "127.0.0.1", stepMs: 500, startTime: "2023-02-13T09:00:00Z", makeMind: (seed) => new StreamingOfflineMind(seed),
  });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const { context, page, errors } = await freshPage(browser);
  contexts.push(context);
  await page.goto(new URL(path, server.url).href);
  return { context, page, errors };
}

const manhattan = (a: Tile, b: Tile) => Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
const ownTile = (page: Page) => page.evaluate(() => window.__ville.playerPositions()[window.__ville.playerId] ?? null);

/** Walks our avatar towards a (possibly moving) tile until within `within` tiles; false if it never got there. */
async function walkUpTo(page: Page, target: () => Promise<Tile | null>, within: number): Promise<boolean> {
  const until = Date.now() + WALK_TIMEOUT_MS;
  while (Date.now() < until) {
    const [me, there] = [await ownTile(page), await target()];
    if (!me || !there) return false;
    if (manhattan(me, there) <= within) return true;
    await page.evaluate(([x, y]) => window.__ville.walkTo(x, y), [there.x, there.y]);
    await page.waitForTimeout(700);
  }
  return false;
}

/** Residents that stood still over a short look, nearest to `from` first, none asleep. */
async function stillResidents(page: Page, from: Tile): Promise<string[]> {
  const before = await page.evaluate(() => window.__ville.residents());
  await page.waitForTimeout(1500);
  const after = await page.evaluate(() => window.__ville.residents());
  return Object.entries(after)
    .filter(([id, r]) => before[id] && before[id].x === r.x && before[id].y === r.y && !/sleep/i.test(r.action))
    .sort(([, a], [, b]) => manhattan(a, from) - manhattan(b, from))
    .map(([id]) => id);
}

test("a private town: invite, meet, talk to a resident, spectate, pause, find, kick, close", async () => {
  // --- A creates a private town with a password from the lobby ---
  const a = await open("/");
  await a.page.fill("#join-name", "Alice");
  await a.page.fill("#create-name", "Test Hamlet");
  await a.page.fill("#create-password", PASSWORD);
  await a.page.getByRole("button", { name: "Create and walk in", exact: true }).click();
  await waitReady(a.page);
  const town = await a.page.evaluate(() => ({ host: window.__ville.host, town: window.__ville.town!, playerId: window.__ville.playerId, font: window.__ville.emojiFont() }));
  expect(town.host).toBe(true);
  expect(town.town.private).toBe(true);
  expect(town.town.hasPassword).toBe(true);
  expect(town.town.link).toBe(`/t/${town.town.roomId}`);
  expect(town.font).toBe("loaded");
  const inviteUrl = new URL(town.town.link, server.url).href;
  expect(await a.page.inputValue(".invite-link")).toBe(inviteUrl);
  // The page now shows the town's own address, and the private town is not listed.
  expect(new URL(a.page.url()).pathname).toBe(town.town.link);
  const listed = (await (await fetch(new URL("/api/towns", server.url))).json()) as { towns: { roomId: string }[] };
  expect(listed.towns.map((t) => t.roomId)).not.toContain(town.town.roomId);

  // --- an unknown code is refused plainly ---
  const stranger = await open("/t/NoSuchTown9");
  await stranger.page.locator(".join-error").waitFor();
  expect(await stranger.page.textContent(".join-error")).toContain('No open town has the code "NoSuchTown9"');

  // --- B opens the invite link: a wrong password is refused, the right one lets B in ---
  const b = await open(town.town.link);
  await b.page.fill("#join-name", "Bob");
  await b.page.fill("#invite-password", "not-the-password");
  await b.page.getByRole("button", { name: "Walk in", exact: true }).click();
  await b.page.waitForFunction(() => /password/i.test(document.querySelector(".join-error")?.textContent ?? ""), null, { timeout: SETTLE_TIMEOUT_MS });
  expect(await b.page.evaluate(() => window.__ville.ready)).toBe(false);
  await b.page.fill("#invite-password", PASSWORD);
  await b.page.getByRole("button", { name: "Walk in", exact: true }).click();
  await waitReady(b.page);
  const bob = await b.page.evaluate(() => ({ host: window.__ville.host, playerId: window.__ville.playerId }));
  expect(bob.host).toBe(false);
  expect(bob.playerId).not.toBe(town.playerId);

  // --- B walks up to A; both see each other ---
  const aliceTile = () => b.page.evaluate((id) => window.__ville.playerPositions()[id] ?? null, town.playerId);
  expect(await walkUpTo(b.page, aliceTile, 2)).toBe(true);
  await a.page.waitForFunction((id) => !!window.__ville.playerPositions()[id], bob.playerId, { timeout: SETTLE_TIMEOUT_MS });

  // --- A walks up to a resident, selects it and says something to it; its reply streams in and shows ---
  // Every text a streaming row showed, by draft id, to check the reply grew in one row.
  await a.page.evaluate(() => {
    const seen: Record<string, string[]> = {};
    (window as unknown as { drafts: typeof seen }).drafts = seen;
    new MutationObserver(() => {
      for (const row of document.querySelectorAll<HTMLElement>(".chat-line.streaming[data-draft]")) {
        const list = (seen[row.dataset.draft!] ??= []);
        const text = row.querySelector(".chat-text")!.textContent ?? "";
        if (list[list.length - 1] !== text) list.push(text);
      }
    }).observe(document.querySelector(".chat-log")!, { subtree: true, childList: true, characterData: true });
  });
  let talkedTo: { id: string; conversationId: string } | null = null;
  for (const id of (await stillResidents(a.page, (await ownTile(a.page))!)).slice(0, 4)) {
    const there = () => a.page.evaluate((rid) => window.__ville.residents()[rid] ?? null, id);
    if (!(await walkUpTo(a.page, there, 3))) continue;
    expect(await a.page.evaluate((rid) => window.__ville.inspect(rid), id)).toBe(true);
    const name = (await there())!.name.split(" ")[0];
    await a.page.fill(".chat-form input", `Good morning ${name}, how is your day going?`);
    await a.page.press(".chat-form input", "Enter");
    try {
      const handle = await a.page.waitForFunction(
        ([rid, me]) => {
          const rows = window.__ville.feed();
          const mine = rows.find((r) => r.from === me && r.channel === "conversation");
          const reply = mine && rows.find((r) => r.from === rid && r.seq !== null && r.conversationId === mine.conversationId);
          return reply ? reply.conversationId : null;
        },
        [id, town.playerId],
        { timeout: REPLY_TIMEOUT_MS, polling: 200 },
      );
      talkedTo = { id, conversationId: (await handle.jsonValue()) as string };
      break;
    } catch {
      // Asleep, busy or walked off: try the next resident.
    }
  }
  expect(talkedTo).not.toBeNull();
  const lines = await a.page.evaluate(() => window.__ville.feed());
  const mine = lines.find((r) => r.from === town.playerId && r.conversationId === talkedTo!.conversationId)!;
  expect(mine.to).toBe(talkedTo!.id);
  expect(mine.tag).toMatch(/^with /);
  // The reply was streamed: its row showed growing parts, then became the final line in place.
  const reply = lines.find((r) => r.from === talkedTo!.id && r.seq !== null && r.conversationId === talkedTo!.conversationId)!;
  expect(reply.toMe).toBe(true);
  expect(reply.draftId).toBeDefined();
  const parts = await a.page.evaluate((id) => (window as unknown as { drafts: Record<string, string[]> }).drafts[id] ?? [], reply.draftId!);
  expect(parts.length).toBeGreaterThan(0);
  for (const part of parts) expect(reply.text.startsWith(part)).toBe(true);
  expect(lines.filter((r) => r.draftId === reply.draftId)).toHaveLength(1);

  // --- C watches through the link and sees that conversation ---
  const c = await open(town.town.link);
  await c.page.fill("#invite-password", PASSWORD);
  await c.page.getByRole("button", { name: "Watch only", exact: true }).click();
  await waitReady(c.page);
  const spectator = await c.page.evaluate(() => ({ spectator: window.__ville.spectator, playerId: window.__ville.playerId, host: window.__ville.host }));
  expect(spectator).toEqual({ spectator: true, playerId: "", host: false });
  expect(await c.page.locator(".chat-form").count()).toBe(0);
  await c.page.waitForFunction(
    ([conv, rid]) => window.__ville.feed().some((r) => r.conversationId === conv && r.from === rid),
    [talkedTo!.conversationId, talkedTo!.id],
    { timeout: SETTLE_TIMEOUT_MS },
  );

  // --- A pauses: the clock stops in all three ---
  await a.page.getByRole("button", { name: "Pause the town" }).click();
  const pages = [a.page, b.page, c.page];
  for (const p of pages) await p.waitForFunction(() => window.__ville.clock()?.paused === true, null, { timeout: SETTLE_TIMEOUT_MS });
  const before = await Promise.all(pages.map((p) => p.evaluate(() => window.__ville.clock()!.gameTimeMs)));
  await a.page.waitForTimeout(2000); // four steps' worth at this town's speed
  const after = await Promise.all(pages.map((p) => p.evaluate(() => window.__ville.clock()!.gameTimeMs)));
  expect(after).toEqual(before);
  expect(await b.page.textContent(".status .badge.paused")).toContain("paused");

  // --- B finds Isabella in the directory; the camera follows her where no panel covers her ---
  const isabella = Object.entries(await b.page.evaluate(() => window.__ville.agentNames())).find(([, n]) => n.startsWith("Isabella"))![0];
  await b.page.click(".tool-find");
  await b.page.fill(".directory input[type=search]", "Isabella");
  await b.page.locator(`.directory [data-agent-id="${isabella}"]`).waitFor();
  await b.page.press(".directory input[type=search]", "Enter");
  expect(await b.page.evaluate(() => window.__ville.followed())).toBe(isabella);
  await b.page.waitForFunction(
    (id) => {
      const v = window.__ville;
      const at = v.spriteToScreen(id);
      const tile = v.residents()[id];
      const cam = v.camera();
      if (!at || !tile || !cam) return false;
      const inView = tile.x >= cam.x && tile.x < cam.x + cam.width && tile.y >= cam.y && tile.y < cam.y + cam.height;
      const onCanvas = at.x > 0 && at.y > 0 && at.x < window.innerWidth && at.y < window.innerHeight;
      const panels = [...document.querySelectorAll<HTMLElement>(".inspector, .left-col > .panel, .chat, .minimap")].filter((p) => !p.hidden);
      const covered = panels.some((p) => {
        const r = p.getBoundingClientRect();
        return at.x >= r.left && at.x <= r.right && at.y >= r.top && at.y <= r.bottom;
      });
      const inspectorOpen = !document.querySelector<HTMLElement>(".inspector")!.hidden;
      return inView && onCanvas && !covered && inspectorOpen;
    },
    isabella,
    { timeout: SETTLE_TIMEOUT_MS, polling: 100 },
  );

  // --- "the whole town" shows all of the map ---
  await b.page.click(".tool-fit");
  const view = (await b.page.evaluate(() => window.__ville.camera()))!;
  expect(view.x).toBeLessThanOrEqual(0);
  expect(view.y).toBeLessThanOrEqual(0);
  expect(view.x + view.width).toBeGreaterThanOrEqual(160);
  expect(view.y + view.height).toBeGreaterThanOrEqual(100);

  // --- B's network drops for a moment: the SDK reconnects and B keeps its avatar ---
  await b.context.setOffline(true);
  await b.page.waitForFunction(() => window.__ville.link() === "reconnecting", null, { timeout: SETTLE_TIMEOUT_MS });
  expect(await b.page.isVisible(".link-banner")).toBe(true);
  await b.context.setOffline(false);
  await b.page.waitForFunction(() => window.__ville.link() === "open", null, { timeout: 30_000 });
  expect(await b.page.isVisible(".link-banner")).toBe(false);
  expect(await b.page.evaluate(() => window.__ville.playerId)).toBe(bob.playerId);
  expect(await a.page.evaluate((id) => !!window.__ville.playerPositions()[id], bob.playerId)).toBe(true);

  // --- A kicks B: B is told and not reconnected ---
  await a.page.click(".tool-people");
  const row = a.page.locator(`.people [data-player-id="${bob.playerId}"]`);
  await row.getByRole("button", { name: "Kick", exact: true }).click();
  await row.getByRole("button", { name: "Kick Bob" }).click();
  await b.page.locator('.ended[data-reason="kicked"]').waitFor({ timeout: SETTLE_TIMEOUT_MS });
  await b.page.waitForFunction(() => window.__ville.link() === "closed", null, { timeout: SETTLE_TIMEOUT_MS });
  await a.page.waitForFunction((id) => !window.__ville.playerPositions()[id], bob.playerId, { timeout: SETTLE_TIMEOUT_MS });

  // --- A closes the town: the spectator is told ---
  await a.page.getByRole("button", { name: "Close town" }).click();
  await a.page.getByRole("button", { name: "Yes, close" }).click();
  await c.page.locator('.ended[data-reason="closed"]').waitFor({ timeout: SETTLE_TIMEOUT_MS });

  for (const p of [a, b, c, stranger]) expect(p.errors).toEqual([]);
}, 240_000);
