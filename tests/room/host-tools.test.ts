/**
 * Whisper (host only), interview and inspect over a real WebSocket.
 */
import { join, useTownRoom } from "./harness";

const town = useTownRoom();

test("the host whispers a thought; the resident then answers an interview from it", async () => {
  const host = await join(town.booted.colyseus, town.room.roomId, { name: "Host" });
  const klaus = [...host.room.state.agents.entries()].find(([, a]) => a.name === "Klaus Mueller")![0];
  host.room.send("host", { action: "whisper", agentId: klaus, text: "Sam Moore is running for mayor of the Ville in the local election." });
  expect(await host.inbox.next("whispered")).toMatchObject({ agentId: klaus });
  // The thought is remembered at a later step.
  for (let tries = 0; ; tries++) {
    host.room.send("inspect", { agentId: klaus });
    const card = await host.inbox.next<{ memories: { text: string }[] }>("inspect");
    if (card.memories.some((m) => m.text.includes("running for mayor"))) break;
    if (tries > 50) throw new Error("the whispered thought never reached Klaus's memories");
    await new Promise((r) => setTimeout(r, 50));
  }
  host.room.send("interview", { agentId: klaus, question: "Who is running for mayor?" });
  const answer = await host.inbox.next("interview");
  expect(answer).toMatchObject({ agentId: klaus, agentName: "Klaus Mueller", question: "Who is running for mayor?" });
  expect(answer.answer).toMatch(/Sam Moore/);
});

test("only the host may whisper; anyone may interview and inspect", async () => {
  await join(town.booted.colyseus, town.room.roomId, { name: "Host" });
  const guest = await join(town.booted.colyseus, town.room.roomId, { spectator: true });
  const isabella = [...guest.room.state.agents.entries()].find(([, a]) => a.name === "Isabella Rodriguez")![0];
  guest.room.send("host", { action: "whisper", agentId: isabella, text: "hello" });
  expect(await guest.inbox.error("forbidden")).toMatchObject({ type: "host" });

  guest.room.send("inspect", { agentId: isabella });
  const card = await guest.inbox.next("inspect");
  expect(card).toMatchObject({ agentId: isabella, name: "Isabella Rodriguez", age: 34 });
  expect(Array.isArray(card.schedule)).toBe(true);

  guest.room.send("interview", { agentId: isabella, question: "Are you a human being?" });
  const reply = await guest.inbox.next("interview");
  expect(reply.answer).not.toMatch(/\bI am (a )?human\b|\bI'm (a )?human\b/i);

  guest.room.send("inspect", { agentId: "nobody" });
  expect(await guest.inbox.error("not_found")).toMatchObject({ type: "inspect" });
  guest.room.send("interview", { agentId: isabella, question: "x".repeat(1000) });
  expect(await guest.inbox.error("bad_message")).toMatchObject({ type: "interview" });
});
