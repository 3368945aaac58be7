/**
 * Forks people make of live towns: the host forks from the controls, anyone forks a saved
 * town over HTTP (with an intervention). A fork is its own town with its own code; what
 * happens in it never reaches its source.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import type { Room as SdkRoom } from "@colyseus/sdk";
import { FileStore } from "../../server/store/file-store";
import type { MemoryEntry } from "../../server/store/entries";
import type { HostDone } from "../../shared/protocol";
import { boot, FAST_TOWN, Inbox, newToken, type Booted, type Joined } from "../room/harness";

const store = new FileStore(mkdtempSync(joinPath(tmpdir(), "ville-fork-live-")));
let booted: Booted;
beforeAll(async () => {
  booted = await boot({ ...FAST_TOWN, stepMs: 100, store });
});
afterAll(async () => {
  await booted.running.close();
});

async function wrap(room: SdkRoom): Promise<Joined> {
  const inbox = new Inbox(room);
  await room.waitForInitialState();
  return { room: room as Joined["room"], inbox, welcome: await inbox.next("welcome") };
}

const url = (path: string) => `http://127.0.0.1:${booted.running.port}${path}`;
const klausOf = (p: Joined) => [...p.room.state.agents.entries()].find(([, a]) => a.name === "Klaus Mueller")![0];
const remembers = async (town: string, text: string) => (await store.readLog<MemoryEntry>(town, "memory")).entries.some((e) => e.node.description.includes(text));

async function until(probe: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test("the host forks the town: a private copy with its own code, which they host, and which goes its own way", async () => {
  const token = newToken();
  const ana = await wrap(await booted.colyseus.sdk.create("town", { name: "Origin", scenario: "ville-3", playerName: "Ana", token }));
  const source = ana.welcome.town.roomId;
  ana.room.send("host", { action: "fork", name: "Origin, take two" });
  const done = await ana.inbox.next<HostDone>("host-done", (d) => d.action === "fork");
  expect(done.town?.roomId).toMatch(/^[A-Za-z0-9_-]+$/);
  const code = done.town!.roomId;
  expect(code).not.toBe(source);
  expect(done.town!.link).toBe(`/t/${code}`);

  // Asleep until its code is looked up, like any saved town; then Ana hosts it.
  const lookup = await (await fetch(url(`/api/towns/${code}`))).json();
  expect(lookup).toMatchObject({ roomId: code, name: "Origin, take two", private: true });
  const inFork = await wrap(await booted.colyseus.sdk.joinById(code, { name: "Ana", token }));
  expect(inFork.welcome.host).toBe(true);
  inFork.room.send("host", { action: "whisper", agentId: klausOf(inFork), text: "only the fork knows about the comet" });
  await inFork.inbox.next("whispered");
  await until(() => remembers(code, "about the comet"), "the fork to remember the whisper");
  expect(await remembers(source, "about the comet")).toBe(false);
  expect((await store.getTown(code))?.forkOf?.town).toBe(source);
  await inFork.room.leave();
  await ana.room.leave();
});

test("anyone forks a saved town over HTTP, with a fact planted at the start; bad requests change nothing", async () => {
  const bo = await wrap(await booted.colyseus.sdk.create("town", { name: "Public one", scenario: "ville-3", playerName: "Bo", token: newToken(), password: "pw" }));
  const source = bo.welcome.town.roomId;
  await until(async () => (await store.snapshotSteps(source)).length > 0, "a first snapshot");
  const post = (body: unknown) => fetch(url(`/api/towns/${source}/fork`), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const towns = (await store.listTowns()).length;

  expect((await post({ token: newToken() })).status).toBe(403); // the source has a password
  expect((await post({ token: "x" })).status).toBe(400);
  expect((await post({ token: newToken(), sourcePassword: "pw", interventions: [{ kind: "whisper", resident: "Nobody Here", text: "hi" }] })).status).toBe(400);
  expect((await fetch(url("/api/towns/NoSuchTown/fork"), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token: newToken() }) })).status).toBe(404);
  expect((await store.listTowns()).length).toBe(towns);

  const res = await post({ token: newToken(), sourcePassword: "pw", name: "What if", interventions: [{ kind: "fact", resident: "Maria Lopez", text: "The library closes for a week from Monday" }] });
  expect(res.status).toBe(201);
  const fork = (await res.json()) as { roomId: string; link: string; step: number };
  expect(fork.link).toBe(`/t/${fork.roomId}`);
  expect((await fetch(url(`/api/towns/${fork.roomId}`))).status).toBe(200);
  const carol = await wrap(await booted.colyseus.sdk.joinById(fork.roomId, { name: "Carol", token: newToken() }));
  expect(carol.welcome.town.name).toBe("What if");
  await until(() => remembers(fork.roomId, "library closes for a week"), "the planted fact to be remembered in the fork");
  expect(await remembers(source, "library closes for a week")).toBe(false);
  await carol.room.leave();
  await bo.room.leave();
});
