/**
 * A resident who meets a person may speak first; the person accepts by answering.
 * (Its own file: Colyseus runs one server per process.)
 */
import { ScriptedMind } from "../../server/mind/scripted-mind";
import type { ChatMessage } from "../../shared/protocol";
import { FAST_TOWN, join, me, until, useTownRoom } from "./harness";
import { agentId, awake, host, isChat, walkBeside } from "./people-helpers";

const town = useTownRoom({
  ...FAST_TOWN,
  // 10 game minutes of silence end a talk: 6 s at this speed, time for a test to answer.
  stepMs: 100,
  // Residents want to talk with Ana, not with each other; long talks.
  makeMind: () => new ScriptedMind({ answers: { decideToTalk: (input) => input.partner === "Ana" }, utteranceLines: 30 }),
});

test("a resident who meets a person speaks to them, and the person answers", async () => {
  const ana = await join(town.booted.colyseus, town.room.roomId, { name: "Ana" });
  const klaus = agentId(ana, "Klaus Mueller");
  // Up and about: a resident reacts to someone when it first sees them, if it is free then.
  await awake(ana, klaus);
  await host(ana, { action: "pause" });
  await walkBeside(ana, klaus, [], town.room);
  await host(ana, { action: "resume" });
  const opening = (l: ChatMessage) => l.to === ana.welcome.playerId && l.channel === "conversation";
  // Klaus may be on his way somewhere: Ana follows him until he turns to her.
  const invited = () => ana.inbox.received.some((m) => m.type === "chat" && opening(m.payload));
  for (let tries = 0; tries < 5 && !invited(); tries++) {
    await until(invited, Boolean, "an invitation", 3000).catch(() => undefined);
    if (!invited()) await walkBeside(ana, klaus, [], town.room);
  }
  // Held still while Ana "types": at this town's speed a few real seconds are many game minutes.
  await host(ana, { action: "pause" });
  const invitations = ana.inbox.received.filter((m) => m.type === "chat" && opening(m.payload)).map((m) => m.payload as ChatMessage);
  expect(invitations.length).toBeGreaterThan(0);
  const invitation = invitations[invitations.length - 1];
  await until(() => me(ana).conversationId, (c) => c === invitation.conversationId, "Ana to be in the conversation");
  ana.room.send("say", { text: "Oh, hello there!" });
  const mine = await isChat(ana, (l) => l.from === ana.welcome.playerId, "Ana's answer");
  expect(mine).toMatchObject({ conversationId: invitation.conversationId, to: invitation.from });
  await host(ana, { action: "resume" });
  await isChat(ana, (l) => l.from === invitation.from && l.seq > mine.seq && l.to === ana.welcome.playerId, "the resident's reply");
}, 60_000);
