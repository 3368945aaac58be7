/**
 * The inspector's "run the battery" over a real WebSocket: message `battery { agentId }`,
 * answered with `battery` carrying that resident's checked answers.
 */
import type { BatteryAnswer } from "../../shared/protocol";
import { join, useTownRoom } from "../room/harness";

const town = useTownRoom();

test("anyone may put the battery to a resident; the answer carries its scores and every checked answer", async () => {
  const guest = await join(town.booted.colyseus, town.room.roomId, { spectator: true });
  const isabella = [...guest.room.state.agents.entries()].find(([, a]) => a.name === "Isabella Rodriguez")![0];
  guest.room.send("battery", { agentId: isabella });
  const reply = await guest.inbox.next<BatteryAnswer>("battery");
  expect(reply).toMatchObject({ agentId: isabella, agentName: "Isabella Rodriguez" });
  expect(reply.result.items).toHaveLength(25);
  for (const c of ["self", "memory", "plans", "reactions", "reflections"] as const) {
    expect(reply.result.categories[c].asked).toBe(5);
    expect(reply.result.categories[c].passed).toBe(reply.result.items.filter((i) => i.category === c && i.passed).length);
  }
  expect(reply.result.items.every((i) => i.resident === "Isabella Rodriguez" && i.checks.length >= 4)).toBe(true);
});

test("an unknown resident or a bad payload is refused", async () => {
  const guest = await join(town.booted.colyseus, town.room.roomId, { spectator: true });
  guest.room.send("battery", { agentId: "nobody" });
  expect(await guest.inbox.error("not_found")).toMatchObject({ type: "battery" });
  guest.room.send("battery", { agentId: "a0", extra: true });
  expect(await guest.inbox.error("bad_message")).toMatchObject({ type: "battery" });
});
