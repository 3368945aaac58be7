/**
 * People in a town over a real WebSocket: talking with residents (who remember them
 * across visits), open speech, group conversations, the recent feed, reconnection, and
 * limits on what one person can do to the others.
 */
import type { ChatMessage } from "../../shared/protocol";
import { manhattan } from "../../server/sim/address";
import { EARSHOT_TILES, LEAVE_TILES } from "../../server/agents/converse";
import { findPath } from "../../server/sim/pathfinding";
import { FAST_TOWN, join, me, newToken, until, useTownRoom, villeMaze } from "./harness";
import { agentId, awake, host, isChat, serverTown, walkBeside } from "./people-helpers";

// Steps of 100 ms: 10 game minutes of silence are 6 s here, time enough to walk off.
const town = useTownRoom({ ...FAST_TOWN, stepMs: 100, startTime: "2023-02-13T08:00:00Z" });

test("a person talks with a resident, who answers, remembers them, and knows them again on the next visit", async () => {
  const token = newToken();
  const ana = await join(town.booted.colyseus, town.room.roomId, { name: "Ana", token });
  const isabella = agentId(ana, "Isabella Rodriguez");
  await awake(ana, isabella);
  await host(ana, { action: "pause" });
  await walkBeside(ana, isabella, [], town.room);
  ana.room.send("say", { text: "Hello Isabella, I'm Ana.", to: isabella });
  const mine = await isChat(ana, (l) => l.from === ana.welcome.playerId, "Ana's line");
  expect(mine).toMatchObject({ channel: "conversation", to: isabella, toName: "Isabella Rodriguez", fromName: "Ana" });
  expect(mine.conversationId).toMatch(/^c\d+$/);
  expect(mine.participants.sort()).toEqual([ana.welcome.playerId, isabella].sort());
  // She stops what she was doing for the talk.
  await until(() => ana.room.state.agents.get(isabella)!.conversationId, (c) => c === mine.conversationId, "Isabella to be in the conversation");

  await host(ana, { action: "resume" });
  const reply = await isChat(ana, (l) => l.from === isabella, "Isabella's answer");
  expect(reply).toMatchObject({ conversationId: mine.conversationId, to: ana.welcome.playerId, channel: "conversation" });
  expect(reply.text).toMatch(/Ana/);
  ana.room.send("say", { text: "Goodbye Isabella, see you!" });
  await isChat(ana, (l) => l.from === isabella && l.seq > reply.seq, "Isabella's goodbye");
  // The talk is over for both, and she keeps a memory of it, under Ana's name.
  await until(() => ana.room.state.agents.get(isabella)!.conversationId, (c) => c === "", "the conversation to end");
  await until(() => me(ana).conversationId, (c) => c === "", "Ana to be free again");
  const isa = serverTown(town.room).resident(isabella)!;
  await until(() => isa.memory.lastChatWith(ana.welcome.playerId), Boolean, "Isabella to remember the talk");
  expect(isa.memory.lastChatWith(ana.welcome.playerId)!.description).toMatch(/Ana/);
  await ana.room.leave();
  await until(() => serverTown(town.room).players.size, (n) => n === 0, "Ana's avatar to leave");

  // Tomorrow (the same browser, the same token): the same person, greeted as such.
  const back = await join(town.booted.colyseus, town.room.roomId, { name: "Ana", token });
  expect(back.welcome.playerId).toBe(ana.welcome.playerId);
  await awake(back, isabella);
  await host(back, { action: "pause" });
  await walkBeside(back, isabella, [], town.room);
  back.room.send("say", { text: "Hi Isabella!", to: isabella });
  await host(back, { action: "resume" });
  const hello = await isChat(back, (l) => l.from === isabella, "Isabella's greeting");
  expect(hello.text).toMatch(/again|back/i);
}, 60_000);

test("a line said in the open belongs to no conversation, even with residents in town", async () => {
  const ana = await join(town.booted.colyseus, town.room.roomId, { name: "Ana" });
  await host(ana, { action: "pause" });
  const here = me(ana);
  const near = [...ana.room.state.agents.values()].filter((a) => manhattan(a, here) <= EARSHOT_TILES);
  expect(near).toEqual([]);
  ana.room.send("say", { text: "Hello? Anyone here?" });
  const line = await isChat(ana, (l) => l.from === ana.welcome.playerId, "the open line");
  expect(line).toMatchObject({ conversationId: "", channel: "near", to: null, participants: [] });
  expect(me(ana).conversationId).toBe("");
  // Speaking to a resident far away is refused, and says why.
  const far = agentId(ana, "Klaus Mueller");
  ana.room.send("say", { text: "Klaus!", to: far });
  expect((await ana.inbox.error("out_of_earshot")).message).toMatch(/Klaus .*tiles away/);
  // The town-wide channel reaches everyone, and no resident.
  ana.room.send("say", { text: "Anyone up for coffee?", channel: "town" });
  expect(await isChat(ana, (l) => l.channel === "town", "the town line")).toMatchObject({ conversationId: "", text: "Anyone up for coffee?" });
});

test("two people and a resident talk in one conversation; walking away ends it for the walker", async () => {
  const ana = await join(town.booted.colyseus, town.room.roomId, { name: "Ana" });
  const bo = await join(town.booted.colyseus, town.room.roomId, { name: "Bo" });
  const isabella = agentId(ana, "Isabella Rodriguez");
  await awake(ana, isabella);
  await host(ana, { action: "pause" });
  await walkBeside(ana, isabella, [], town.room);
  await walkBeside(bo, isabella, [{ x: me(ana).x, y: me(ana).y }], town.room);
  ana.room.send("say", { text: "Hi Isabella!", to: isabella });
  const first = await isChat(bo, (l) => l.from === ana.welcome.playerId, "Ana's line, heard by Bo");
  bo.room.send("say", { text: "Hello Isabella, can I join?", to: isabella });
  const second = await isChat(ana, (l) => l.from === bo.welcome.playerId, "Bo's line, heard by Ana");
  expect(second.conversationId).toBe(first.conversationId);
  expect(second.participants.sort()).toEqual([ana.welcome.playerId, bo.welcome.playerId, isabella].sort());

  await host(ana, { action: "resume" });
  // Isabella answers each of them, in the same conversation.
  const toAna = await isChat(bo, (l) => l.from === isabella && l.to === ana.welcome.playerId, "Isabella's answer to Ana");
  const toBo = await isChat(ana, (l) => l.from === isabella && l.to === bo.welcome.playerId, "Isabella's answer to Bo");
  expect([toAna.conversationId, toBo.conversationId]).toEqual([first.conversationId, first.conversationId]);

  // Bo walks off, out of earshot: the conversation goes on for Ana without him.
  const m = ana.room.state.agents.get(isabella)!;
  const maze = villeMaze();
  const away = maze
    .nearbyTiles(m.x, m.y, LEAVE_TILES + 4)
    .filter((t) => maze.isWalkable(t.x, t.y) && manhattan(t, m) > LEAVE_TILES + 1 && manhattan(t, me(ana)) > LEAVE_TILES + 1)
    .find((t) => { const path = findPath(maze, me(bo), t); return path.ok && path.path.length < 20; })!;
  bo.room.send("move", away);
  await until(() => me(bo).conversationId, (c) => c === "", "Bo to leave the conversation", 30_000);
  ana.room.send("say", { text: "So, Isabella, how is your day?" });
  const asked = await isChat(ana, (l) => l.text === "So, Isabella, how is your day?", "Ana's question");
  expect(asked.participants).not.toContain(bo.welcome.playerId);
  const later = await isChat(ana, (l) => l.from === isabella && l.seq > asked.seq, "Isabella's next answer");
  expect(later.conversationId).toBe(first.conversationId);
  expect(later.participants).not.toContain(bo.welcome.playerId);
}, 60_000);

test("a late joiner gets the recent lines at once", async () => {
  const ana = await join(town.booted.colyseus, town.room.roomId, { name: "Ana" });
  for (const text of ["one", "two", "three"]) ana.room.send("say", { text, channel: "town" });
  await isChat(ana, (l) => l.text === "three", "the third line");
  const bo = await join(town.booted.colyseus, town.room.roomId, { name: "Bo" });
  const feed = await bo.inbox.next<{ lines: ChatMessage[] }>("feed");
  expect(feed.lines.map((l) => l.text).slice(-3)).toEqual(["one", "two", "three"]);
  expect(feed.lines.every((l, i) => i === 0 || l.seq > feed.lines[i - 1].seq)).toBe(true);
});

test("a dropped connection comes back to the same avatar", async () => {
  const ana = await join(town.booted.colyseus, town.room.roomId, { name: "Ana" });
  const bo = await join(town.booted.colyseus, town.room.roomId, { name: "Bo" });
  const before = { ...me(ana) };
  ana.room.reconnection.minUptime = 0;
  const back = new Promise<void>((done) => ana.room.onReconnect(() => done()));
  ana.room.connection.close();
  await back;
  expect(ana.room.sessionId).toBe(ana.welcome.sessionId);
  expect(bo.room.state.players.get(ana.welcome.playerId)).toMatchObject({ name: "Ana", x: before.x, y: before.y });
  // Still served as before.
  ana.room.send("move", { x: villeMaze().width + 1, y: 0 });
  await ana.inbox.error("out_of_map");
});

test("one person's flood is refused without slowing the others; a 5 KB line is refused", async () => {
  const ana = await join(town.booted.colyseus, town.room.roomId, { name: "Ana" });
  const bo = await join(town.booted.colyseus, town.room.roomId, { name: "Bo" });
  for (let i = 0; i < 200; i++) ana.room.send("say", { text: `spam ${i}`, channel: "town" });
  await ana.inbox.error("rate_limited");
  bo.room.send("say", { text: "still here", channel: "town" });
  await isChat(bo, (l) => l.text === "still here", "Bo's line");
  const spam = bo.inbox.received.filter((m) => m.type === "chat" && String(m.payload.text).startsWith("spam")).length;
  expect(spam).toBeLessThan(200);
  bo.room.send("say", { text: "x".repeat(5 * 1024) });
  expect((await bo.inbox.error("bad_message")).type).toBe("say");
  expect(bo.room.connection.isOpen).toBe(true);
});

