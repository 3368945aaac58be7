/**
 * Towns people host: private towns joined by code and password, never listed; the host's
 * controls (only theirs, also after reconnecting); pause, resume and speed; kick and close.
 */
import type { Room as SdkRoom } from "@colyseus/sdk";
import { boot, FAST_TOWN, Inbox, newToken, until, type Booted, type Joined } from "./harness";

let booted: Booted;
beforeAll(async () => {
  booted = await boot({ ...FAST_TOWN, defaultTown: true });
});
afterAll(async () => {
  await booted.running.close();
});
// No cleanup between tests: it would close the default town too. Each test makes its own private town.

const api = async (path: string) => {
  const res = await fetch(`http://127.0.0.1:${booted.running.port}${path}`);
  return { status: res.status, body: await res.json() };
};

async function wrap(room: SdkRoom): Promise<Joined> {
  const inbox = new Inbox(room);
  await room.waitForInitialState();
  return { room: room as Joined["room"], inbox, welcome: await inbox.next("welcome") };
}

const create = async (options: Record<string, unknown>) => wrap(await booted.colyseus.sdk.create("town", options));
const joinCode = async (code: string, options: Record<string, unknown>) => wrap(await booted.colyseus.sdk.joinById(code, options));

/** Runs `fn` with the SDK's warnings about refused connections silenced. */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  try {
    return await fn();
  } finally {
    warn.mockRestore();
  }
}

test("the default public town has no host powers for visitors", async () => {
  const visitor = await wrap(await booted.colyseus.sdk.joinOrCreate("town", { name: "Vi", token: newToken() }));
  expect(visitor.welcome).toMatchObject({ host: false, town: { private: false } });
  visitor.room.send("host", { action: "pause" });
  expect((await visitor.inbox.error("forbidden")).message).toMatch(/no host/);
  await visitor.room.leave();
});

test("a private town is not listed, and is joined with its code and its password", async () => {
  const ana = await create({ name: "Ana's town", scenario: "ville-3", private: true, password: "s3cret", playerName: "Ana", token: newToken() });
  expect(ana.welcome).toMatchObject({ host: true, spectator: false, town: { name: "Ana's town", scenario: "ville-3", private: true, hasPassword: true } });
  const code = ana.welcome.town.roomId;
  expect(ana.welcome.town.link).toBe(`/t/${code}`);
  expect(ana.room.state.players.get(ana.welcome.playerId)?.name).toBe("Ana");
  expect(ana.room.state.townName).toBe("Ana's town");

  const listed = (await api("/api/towns")).body.towns as { roomId: string }[];
  expect(listed.some((t) => t.roomId === code)).toBe(false);
  expect(listed).toHaveLength(1); // the default public town
  expect((await api(`/api/towns/${code}`)).body).toEqual({ roomId: code, name: "Ana's town", scenario: "ville-3", private: true, hasPassword: true });
  expect((await api("/api/towns/NoSuchTown")).status).toBe(404);
  // Looking for any town never lands in it.
  const other = await wrap(await booted.colyseus.sdk.joinOrCreate("town", { name: "Bo" }));
  expect(other.room.roomId).not.toBe(code);
  await other.room.leave();

  await quietly(async () => {
    await expect(booted.colyseus.sdk.joinById(code, { name: "Bo" })).rejects.toThrow(/needs a password/);
    await expect(booted.colyseus.sdk.joinById(code, { name: "Bo", password: "guess" })).rejects.toThrow(/wrong password/);
  });
  const bo = await joinCode(code, { name: "Bo", password: "s3cret", token: newToken() });
  expect(bo.welcome).toMatchObject({ host: false, town: { roomId: code, private: true } });
  await until(() => ana.room.state.players.size, (n) => n === 2, "Ana to see Bo");
});

test("only the host controls the town: pause, resume, speed; the others are refused", async () => {
  const token = newToken();
  const ana = await create({ scenario: "ville-3", private: true, playerName: "Ana", token });
  const bo = await joinCode(ana.welcome.town.roomId, { name: "Bo", token: newToken() });
  const eve = await joinCode(ana.welcome.town.roomId, { spectator: true });
  for (const [p, action] of [[bo, "pause"], [eve, "speed"], [bo, "kick"], [eve, "close"]] as const) {
    p.room.send("host", action === "speed" ? { action, speed: 2 } : action === "kick" ? { action, target: ana.welcome.playerId } : { action });
    expect((await p.inbox.error("forbidden")).message).toMatch(/only the host/);
  }
  expect(bo.room.state.clock.paused).toBe(false);

  ana.room.send("host", { action: "pause" });
  await until(() => bo.room.state.clock.paused, Boolean, "Bo to see the pause");
  const stopped = bo.room.state.clock.step;
  // Ten steps' time later, the clock still stands.
  await new Promise((r) => setTimeout(r, 20 * 10));
  expect(bo.room.state.clock.step).toBe(stopped);
  expect(eve.room.state.clock.paused).toBe(true);

  ana.room.send("host", { action: "resume" });
  await until(() => bo.room.state.clock.step, (s) => s > stopped + 2, "the clock to run again");
  ana.room.send("host", { action: "speed", speed: 4 });
  await until(() => bo.room.state.clock.speed, (s) => s === 4, "speed 4x");
  expect(bo.room.state.clock.stepMs).toBe(5);
  ana.room.send("host", { action: "speed", speed: 100 });
  expect((await ana.inbox.error("bad_message")).type).toBe("host");

  // The host drops and comes back: still the host.
  ana.room.reconnection.minUptime = 0;
  const back = new Promise<void>((done) => ana.room.onReconnect(() => done()));
  ana.room.connection.close();
  await back;
  ana.room.send("host", { action: "pause" });
  await ana.inbox.next("host-done", (d) => d.action === "pause");
  // And in a new tab (the same token): still the host, with the same avatar.
  const again = await joinCode(ana.welcome.town.roomId, { name: "Ana", token });
  expect(again.welcome).toMatchObject({ host: true, playerId: ana.welcome.playerId });
  expect(await ana.inbox.next("bye")).toMatchObject({ reason: "replaced" });
  again.room.send("host", { action: "resume" });
  await again.inbox.next("host-done", (d) => d.action === "resume");
  expect(again.room.state.players.size).toBe(2);
}, 30_000);

test("a kicked person is shown out and cannot come back with the same token for a while", async () => {
  const ana = await create({ scenario: "ville-3", private: true, playerName: "Ana", token: newToken() });
  const code = ana.welcome.town.roomId;
  const boToken = newToken();
  const bo = await joinCode(code, { name: "Bo", token: boToken });
  await until(() => ana.room.state.players.size, (n) => n === 2, "Ana to see Bo");
  const left = new Promise<number>((done) => bo.room.onLeave((code) => done(code)));
  ana.room.send("host", { action: "kick", target: bo.welcome.sessionId });
  expect(await bo.inbox.next("bye")).toMatchObject({ reason: "kicked" });
  expect(await left).toBe(4003);
  expect((await ana.inbox.next("host-done")).message).toMatch(/Bo/);
  await until(() => ana.room.state.players.size, (n) => n === 1, "Bo's avatar to go");
  await quietly(() => expect(booted.colyseus.sdk.joinById(code, { name: "Bo", token: boToken })).rejects.toThrow(/asked to leave/));
  // Someone else still gets in.
  await joinCode(code, { name: "Cy", token: newToken() });
});

test("the host closes the town: everyone is told, and the code stops working", async () => {
  const ana = await create({ scenario: "ville-3", private: true, playerName: "Ana", token: newToken() });
  const code = ana.welcome.town.roomId;
  const bo = await joinCode(code, { name: "Bo", token: newToken() });
  ana.room.send("host", { action: "close" });
  expect(await bo.inbox.next("bye")).toMatchObject({ reason: "closed" });
  await until(() => bo.room.connection.isOpen, (open) => !open, "Bo's connection to close");
  for (let i = 0; i < 100 && (await api(`/api/towns/${code}`)).status !== 404; i++) await new Promise((r) => setTimeout(r, 20));
  expect((await api(`/api/towns/${code}`)).status).toBe(404);
});

test("bad create options and unknown scenarios are refused with a reason", async () => {
  await quietly(async () => {
    await expect(booted.colyseus.sdk.create("town", { scenario: "no-such-place" })).rejects.toThrow(/no scenario "no-such-place"/);
    await expect(booted.colyseus.sdk.create("town", { name: "x".repeat(200) })).rejects.toThrow(/bad create options/);
    await expect(booted.colyseus.sdk.create("town", { token: "short" })).rejects.toThrow(/bad create options/);
  });
  const { scenarios } = (await api("/api/scenarios")).body as { scenarios: { name: string }[] };
  // The server's default comes first: "create a town" preselects it (not the 1,000-resident city).
  expect(scenarios[0]).toEqual({ name: "ville-3", title: expect.any(String), residents: 3 });
  expect(scenarios.map((s) => s.name)).toEqual(expect.arrayContaining(["ville-25", "city-1000"]));
});
