/**
 * Crash safety: a real server process is killed with SIGKILL in the middle of a run. Its
 * town comes back from its last snapshot plus its logs, with every line people received
 * and every memory the inspector showed before the kill. Snapshots are rare here (every
 * 10 game hours) so that what comes back after the first one can only come from the logs.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import { readSaved } from "../../server/durable/saved-town";
import { FileStore } from "../../server/store/file-store";
import type { ChatEntry, MemoryEntry } from "../../server/store/entries";
import type { ChatMessage, FeedMessage, InspectAnswer, WelcomeMessage } from "../../shared/protocol";
import { Inbox } from "../room/harness";
import { startServerProcess, type ServerProcess } from "./server-process";

const HOST_TOKEN = "crash-test-operator-token-0123456789";
const dataDir = mkdtempSync(join(tmpdir(), "ville-crash-"));
const env = { DATA_DIR: dataDir, SCENARIO: "ville-3", STEP_MS: "100", SNAPSHOT_MINUTES: "600", SEED: "1", HOST_TOKEN };

let server: ServerProcess | null = null;
afterEach(async () => {
  await server?.kill9();
  server = null;
});

async function enter(url: string): Promise<{ room: Room; inbox: Inbox; welcome: WelcomeMessage; townId: string }> {
  const towns = (await (await fetch(`${url}/api/towns`)).json()).towns as { roomId: string }[];
  const room = await new Client(url).joinById(towns[0].roomId, { name: "Host", token: HOST_TOKEN });
  const inbox = new Inbox(room);
  const welcome = await inbox.next<WelcomeMessage>("welcome");
  return { room, inbox, welcome, townId: towns[0].roomId };
}

async function inspect(p: { room: Room; inbox: Inbox }, agentId: string): Promise<InspectAnswer> {
  p.room.send("inspect", { agentId });
  return p.inbox.next<InspectAnswer>("inspect");
}

test("after kill -9, the town comes back with every line and memory made before the kill", async () => {
  server = await startServerProcess(env);
  const before = await enter(server.url);
  expect(before.welcome.host).toBe(true);
  const klaus = [...(before.room.state as any).agents.entries()].find(([, a]: [string, { name: string }]) => a.name === "Klaus Mueller")![0] as string;
  let seen: InspectAnswer | null = null;
  for (let i = 1; i <= 12; i++) {
    before.room.send("say", { text: `line ${i} before the crash`, channel: "town" });
    before.room.send("host", { action: "whisper", agentId: klaus, text: `secret number ${i} for the crash test` });
    await new Promise((r) => setTimeout(r, 150));
    seen = await inspect(before, klaus);
  }
  // Everything above was sent to us after it was stored; now the process dies mid-run.
  await server.kill9();
  server = null;
  const received = before.inbox.received.filter((m) => m.type === "chat").map((m) => m.payload as ChatMessage);
  const mine = received.filter((l) => l.text.endsWith("before the crash"));
  expect(mine.length).toBeGreaterThan(5);
  const remembered = seen!.memories.map((m) => m.text);
  expect(remembered.some((t) => t.includes("for the crash test"))).toBe(true);

  // On disk: every line and every memory we were shown is in the logs.
  const store = new FileStore(dataDir);
  const chat = (await store.readLog<ChatEntry>(before.townId, "chat")).entries.map((e) => e.line.seq);
  for (const l of received) expect(chat).toContain(l.seq);
  const memories = (await store.readLog<MemoryEntry>(before.townId, "memory")).entries.filter((e) => e.resident === klaus).map((e) => e.node.description);
  for (const t of remembered) expect(memories).toContain(t);
  await store.close();

  // A new process brings the same town back, from its snapshot and its logs.
  server = await startServerProcess(env);
  expect(server.output()).toMatch(new RegExp(`town ${before.townId} \\(.*\\) resumed from its snapshot at step \\d+, with [1-9]\\d* memories and [1-9]\\d* lines from its logs`));
  const after = await enter(server.url);
  expect(after.townId).toBe(before.townId);
  after.room.send("host", { action: "pause" });
  await after.inbox.next("host-done");
  const feed = (await after.inbox.next<FeedMessage>("feed")).lines.map((l) => l.seq);
  for (const l of received) expect(feed).toContain(l.seq);
  await after.room.leave();
  // Stopped cleanly, the resumed town writes its state: every memory shown before the kill is in it.
  await server.stop();
  server = null;
  const reread = new FileStore(dataDir);
  // The snapshot points into the memory log (the town logged every memory from its start); read back, it holds them all.
  expect(((await reread.getSnapshot(before.townId))!.data as { memoryInLog?: boolean }).memoryInLog).toBe(true);
  const snap = (await readSaved(reread, before.townId)).snap.data as { residents: { id: string; memory: { nodes: { description: string }[] } }[] };
  const klausNow = snap.residents.find((r) => r.id === klaus)!.memory.nodes.map((n) => n.description);
  for (const t of remembered) expect(klausNow).toContain(t);
  await reread.close();
}, 180_000);
