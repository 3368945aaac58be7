/**
 * Towns survive a clean restart: the server stops (every town is snapshotted), a new one
 * starts on the same store, and a private town's invite code, password and host work as
 * before; the default town comes back too, with what was said and remembered in it.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import type { Room as SdkRoom } from "@colyseus/sdk";
import { FileStore } from "../../server/store/file-store";
import type { ChatMessage, FeedMessage, InspectAnswer } from "../../shared/protocol";
import { boot, FAST_TOWN, Inbox, newToken, type Booted, type Joined } from "../room/harness";

const dataDir = mkdtempSync(joinPath(tmpdir(), "ville-resume-"));
const options = { ...FAST_TOWN, defaultTown: true, stepMs: 100 };

async function wrap(room: SdkRoom): Promise<Joined> {
  const inbox = new Inbox(room);
  await room.waitForInitialState();
  return { room: room as Joined["room"], inbox, welcome: await inbox.next("welcome") };
}

async function api(booted: Booted, path: string) {
  const res = await fetch(`http://127.0.0.1:${booted.running.port}${path}`);
  return { status: res.status, body: await res.json() };
}

async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  try {
    return await fn();
  } finally {
    warn.mockRestore();
  }
}

test("after a restart, the code, the password and the host still work, and the towns remember", async () => {
  const anaToken = newToken();
  let code = "";
  let defaultId = "";
  let said: ChatMessage;
  const first = await boot({ ...options, store: new FileStore(dataDir) });
  try {
    defaultId = (await api(first, "/api/towns")).body.towns[0].roomId;
    const ana = await wrap(await first.colyseus.sdk.create("town", { name: "Ana's town", scenario: "ville-3", private: true, password: "s3cret", playerName: "Ana", token: anaToken }));
    code = ana.welcome.town.roomId;
    ana.room.send("say", { text: "Tomorrow the bakery opens at nine.", channel: "town" });
    said = await ana.inbox.next<ChatMessage>("chat", (l) => l.from === ana.welcome.playerId, "Ana's line");
    const klaus = [...ana.room.state.agents.entries()].find(([, a]) => a.name === "Klaus Mueller")![0];
    ana.room.send("host", { action: "whisper", agentId: klaus, text: "Ana keeps bees behind the school" });
    await ana.inbox.next("whispered");
    // The planted thought is remembered off the tick; the inspector shows it once stored.
    for (let tries = 0; ; tries++) {
      ana.room.send("inspect", { agentId: klaus });
      const view = await ana.inbox.next<InspectAnswer>("inspect");
      if (view.memories.some((m) => m.text.includes("keeps bees"))) break;
      if (tries > 100) throw new Error("the whisper was not remembered");
      await new Promise((r) => setTimeout(r, 50));
    }
    const visitor = await wrap(await first.colyseus.sdk.joinById(defaultId, { name: "Vi", token: newToken() }));
    visitor.room.send("say", { text: "Hello, town!", channel: "town" });
    await visitor.inbox.next("chat", (l: ChatMessage) => l.text === "Hello, town!");
  } finally {
    await first.running.close();
  }

  const second = await boot({ ...options, store: new FileStore(dataDir) });
  try {
    // The default town is the same town, and what was said in it is in its feed.
    const listed = (await api(second, "/api/towns")).body.towns as { roomId: string }[];
    expect(listed.map((t) => t.roomId)).toEqual([defaultId]);
    const back = await wrap(await second.colyseus.sdk.joinById(defaultId, { name: "Vi", token: newToken() }));
    const feed = await back.inbox.next<FeedMessage>("feed");
    expect(feed.lines.map((l) => l.text)).toContain("Hello, town!");
    await back.room.leave();

    // The private town is asleep until its code is looked up, then comes back as it was.
    expect((await api(second, `/api/towns/${code}`)).body).toEqual({ roomId: code, name: "Ana's town", scenario: "ville-3", private: true, hasPassword: true });
    expect((await api(second, "/api/towns")).body.towns.map((t: { roomId: string }) => t.roomId)).toEqual([defaultId]);
    await quietly(async () => {
      await expect(second.colyseus.sdk.joinById(code, { name: "Bo" })).rejects.toThrow(/needs a password/);
      await expect(second.colyseus.sdk.joinById(code, { name: "Bo", password: "guess" })).rejects.toThrow(/wrong password/);
    });
    const bo = await wrap(await second.colyseus.sdk.joinById(code, { name: "Bo", password: "s3cret", token: newToken() }));
    expect(bo.welcome.host).toBe(false);
    const ana = await wrap(await second.colyseus.sdk.joinById(code, { name: "Ana", token: anaToken }));
    expect(ana.welcome.host).toBe(true);
    const anaFeed = await ana.inbox.next<FeedMessage>("feed");
    expect(anaFeed.lines.map((l) => [l.seq, l.text])).toContainEqual([said!.seq, said!.text]);
    const klaus = [...ana.room.state.agents.entries()].find(([, a]) => a.name === "Klaus Mueller")![0];
    ana.room.send("inspect", { agentId: klaus });
    const view = await ana.inbox.next<InspectAnswer>("inspect");
    expect(view.memories.some((m) => m.text.includes("keeps bees"))).toBe(true);
    // Still the host's town: the controls answer only Ana.
    bo.room.send("host", { action: "pause" });
    await bo.inbox.error("forbidden");
    ana.room.send("host", { action: "pause" });
    await ana.inbox.next("host-done");
  } finally {
    await second.running.close();
  }
}, 90_000);
