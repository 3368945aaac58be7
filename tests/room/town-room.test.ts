/**
 * Room `town` end to end over a real WebSocket: joining, moving, refusals, bad input,
 * rate limits, spectators, two players, chat.
 */
import { CLIENT_MESSAGE_BURST, MAX_CHAT_CHARS } from "../../shared/constants";
import { findPath } from "../../server/sim/pathfinding";
import { join, me, until, useTownRoom, villeMaze, type Joined } from "./harness";

const town = useTownRoom();

const isOpen = (p: Joined) => p.room.connection.isOpen;

/** A walkable tile a few steps away from (x, y), reached by a short path. */
function nearbyTarget(x: number, y: number): { x: number; y: number } {
  const maze = villeMaze();
  for (const t of maze.nearbyTiles(x, y, 5)) {
    const path = findPath(maze, { x, y }, t);
    if (path.ok && path.path.length >= 3 && path.path.length <= 6) return t;
  }
  throw new Error(`no walkable tile 3-6 steps from (${x},${y})`);
}

function firstWall(): { x: number; y: number } {
  const maze = villeMaze();
  for (let y = 0; y < maze.height; y++) for (let x = 0; x < maze.width; x++) if (!maze.isWalkable(x, y)) return { x, y };
  throw new Error("the map has no wall");
}

test("a player joins, is welcomed as host, and sees the residents", async () => {
  const ana = await join(town.booted.colyseus, town.room.roomId, { name: "Ana", look: "player_3" });
  expect(ana.welcome).toMatchObject({ sessionId: ana.room.sessionId, playerId: expect.stringMatching(/^p[0-9a-f]{12}$/), spectator: false, host: true, mapName: "ville" });
  expect(ana.welcome.mind).not.toBe("");

  const state = ana.room.state;
  expect(state.scenario).toBe("ville-3");
  expect(state.mind).toBe(ana.welcome.mind);
  expect(state.agents.size).toBe(3);
  const names = [...state.agents.values()].map((a) => a.name).sort();
  expect(names).toEqual(["Isabella Rodriguez", "Klaus Mueller", "Maria Lopez"]);
  const maze = villeMaze();
  for (const agent of state.agents.values()) {
    expect(maze.isWalkable(agent.x, agent.y)).toBe(true);
    expect(typeof agent.emoji).toBe("string");
    expect(typeof agent.action).toBe("string");
    expect(agent.sprite).not.toBe("");
  }
  expect(me(ana)).toMatchObject({ name: "Ana", sprite: "player_3" });
  expect(maze.isWalkable(me(ana).x, me(ana).y)).toBe(true);

  // The clock runs: steps advance and game time follows.
  const step0 = state.clock.step;
  await until(() => state.clock.step, (s) => s > step0 + 2, "clock steps");
  expect(state.clock.gameTimeMs).toBe(Date.parse("2023-02-13T07:00:00Z") + state.clock.step * 10_000);
  // The residents get something to do.
  await until(() => [...state.agents.values()].filter((a) => a.action !== "").length, (n) => n === 3, "every resident to have an action");
});

test("a move to a reachable tile walks the avatar there over several patches", async () => {
  const ana = await join(town.booted.colyseus, town.room.roomId, { name: "Ana" });
  const start = { x: me(ana).x, y: me(ana).y };
  const target = nearbyTarget(start.x, start.y);
  const seen = new Set<string>();
  ana.room.onStateChange(() => seen.add(`${me(ana).x},${me(ana).y}`));

  ana.room.send("move", target);
  await until(() => me(ana), (p) => p.x === target.x && p.y === target.y, "the avatar to reach the target");
  // It walked tile by tile rather than jumping.
  expect(seen.size).toBeGreaterThanOrEqual(3);
  expect(ana.inbox.received.filter((m) => m.type === "error")).toEqual([]);
});

test("refused moves answer with a code and leave the avatar where it was", async () => {
  const ana = await join(town.booted.colyseus, town.room.roomId, { name: "Ana" });
  const before = { x: me(ana).x, y: me(ana).y };
  const wall = firstWall();

  ana.room.send("move", wall);
  expect(await ana.inbox.error("blocked")).toMatchObject({ type: "move" });
  ana.room.send("move", { x: villeMaze().width + 5, y: 1 });
  expect(await ana.inbox.error("out_of_map")).toMatchObject({ type: "move" });

  await ana.room.waitForNextPatch();
  await ana.room.waitForNextPatch();
  expect({ x: me(ana).x, y: me(ana).y }).toEqual(before);
});

test("malformed messages get BAD_MESSAGE and the client stays connected", async () => {
  const ana = await join(town.booted.colyseus, town.room.roomId, { name: "Ana" });
  const bad: [string, unknown][] = [
    ["move", { x: "a", y: 1 }],
    ["move", { x: 1, y: 2, z: 3 }],
    ["move", "hello"],
    ["walk", { dir: "north" }],
    ["say", { text: "x".repeat(MAX_CHAT_CHARS * 10) }],
    ["say", { text: "   " }],
  ];
  for (const [type, payload] of bad) {
    ana.room.send(type, payload);
    const error = await ana.inbox.error("bad_message");
    expect(error.type).toBe(type);
    expect(error.message.length).toBeLessThan(400);
  }
  expect(isOpen(ana)).toBe(true);
  // Still served: a valid request gets its ordinary answer.
  ana.room.send("move", { x: villeMaze().width, y: 0 });
  await ana.inbox.error("out_of_map");
});

test("an unknown message type gets UNKNOWN_TYPE, not a disconnect", async () => {
  const ana = await join(town.booted.colyseus, town.room.roomId, { name: "Ana" });
  ana.room.send("dance", { style: "tango" });
  const error = await ana.inbox.error("unknown_type");
  expect(error.type).toBe("dance");
  expect(error.message).toContain("move");
  ana.room.send(7, {});
  expect((await ana.inbox.error("unknown_type")).type).toBe("7");
  expect(isOpen(ana)).toBe(true);
});

test("a flood is rate limited: RATE_LIMITED once, the rest dropped, still connected", async () => {
  const ana = await join(town.booted.colyseus, town.room.roomId, { name: "Ana" });
  // Unknown types are answered one by one, so the answers count what got through.
  const sent = CLIENT_MESSAGE_BURST * 3;
  for (let i = 0; i < sent; i++) ana.room.send("no-such-type", { i });
  await ana.inbox.error("rate_limited");
  ana.room.send("move", { x: villeMaze().width, y: 0 }); // may itself be dropped
  await ana.room.waitForNextPatch();
  await ana.room.waitForNextPatch();
  const answered = ana.inbox.received.filter((m) => m.payload?.code === "unknown_type").length;
  expect(answered).toBeGreaterThanOrEqual(CLIENT_MESSAGE_BURST);
  expect(answered).toBeLessThan(sent);
  expect(ana.inbox.received.filter((m) => m.payload?.code === "rate_limited")).toHaveLength(0);
  expect(isOpen(ana)).toBe(true);
});

test("a spectator has no avatar and cannot act through one", async () => {
  const ana = await join(town.booted.colyseus, town.room.roomId, { name: "Ana" });
  const eve = await join(town.booted.colyseus, town.room.roomId, { spectator: true });
  expect(eve.welcome).toMatchObject({ spectator: true, host: false });
  expect(eve.room.state.agents.size).toBe(3);
  await until(() => eve.room.state.players.has(ana.welcome.playerId), Boolean, "the spectator to see the player");
  expect(eve.welcome.playerId).toBe("");
  expect(eve.room.state.players.size).toBe(1);

  eve.room.send("move", { x: 1, y: 1 });
  expect(await eve.inbox.error("spectator")).toMatchObject({ type: "move" });
  eve.room.send("say", { text: "hello?" });
  await eve.inbox.error("spectator");
  expect(isOpen(eve)).toBe(true);
});

test("two players see each other come and go, and hear each other", async () => {
  const ana = await join(town.booted.colyseus, town.room.roomId, { name: "Ana" });
  const bo = await join(town.booted.colyseus, town.room.roomId, { name: "Bo", look: "player_2" });
  expect(ana.welcome.host).toBe(true);
  expect(bo.welcome.host).toBe(false);
  await until(() => ana.room.state.players.get(bo.welcome.playerId)?.name, (n) => n === "Bo", "Ana to see Bo");
  expect(bo.room.state.players.get(ana.welcome.playerId)?.name).toBe("Ana");

  bo.room.send("say", { text: "  hi Ana  " });
  for (const listener of [ana, bo]) {
    const line = await listener.inbox.next("chat");
    expect(line).toMatchObject({ from: bo.welcome.playerId, fromName: "Bo", text: "hi Ana", conversationId: "", channel: "near", participants: [] });
    expect(line.gameTimeMs).toBeGreaterThan(0);
  }

  await bo.room.leave();
  await until(() => ana.room.state.players.has(bo.welcome.playerId), (has) => !has, "Bo to leave Ana's view");
});

test("a join with bad options is refused with a reason", async () => {
  const ana = await join(town.booted.colyseus, town.room.roomId, { name: "Ana" });
  // The SDK warns about each refused connection; that is the expected outcome here.
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  await expect(town.booted.colyseus.sdk.joinById(town.room.roomId, { name: "x".repeat(100) })).rejects.toThrow(/bad join options/);
  await expect(town.booted.colyseus.sdk.joinById(town.room.roomId, { look: "dragon" })).rejects.toThrow(/look/);
  await until(() => warn.mock.calls.length, (n) => n >= 2, "both refused connections to close");
  warn.mockRestore();
  // The town goes on for the others, and the next person gets in.
  const bo = await join(town.booted.colyseus, town.room.roomId, { name: "Bo" });
  expect(bo.welcome.host).toBe(false);
  await until(() => ana.room.state.players.size, (n) => n === 2, "Ana to see Bo");
});
