import { canTalk, CHAT_COOLDOWN_MS, CHAT_GAP_MS, waitFor } from "../../server/agents/react";
import { Resident, type Action } from "../../server/agents/resident";
import { setChatCooldown } from "../../server/agents/memory/scratch";
import { loadScenario } from "../../server/scenarios";
import { asConversationId, residentId } from "../../server/sim/ids";

const ville3 = loadScenario("ville-3");
const DAY = Date.parse("2023-02-13T00:00:00Z");
const at = (h: number, m = 0) => DAY + (h * 60 + m) * 60_000;

function resident(i: number, description: string, object?: string): Resident {
  const r = new Resident(residentId(i), ville3.personas[i], { x: i, y: 0 });
  const action: Action = {
    description,
    emoji: "",
    address: { world: "the Ville", sector: "Hobbs Cafe", arena: "restroom", object },
    blockTask: description,
    startMs: at(9),
    endMs: at(9, 30),
    event: [r.name, "is", description],
    objectState: "",
  };
  r.action = action;
  return r;
}

describe("react: when two residents may talk", () => {
  test("awake, free, not late, no cooldown", () => {
    const [a, b] = [resident(0, "reading"), resident(1, "reading")];
    expect(canTalk(a, b, at(10))).toBe(true);
    expect(canTalk(a, a, at(10))).toBe(false);
    expect(canTalk(a, b, at(23, 5))).toBe(false);
  });

  test("not while asleep or in another conversation", () => {
    expect(canTalk(resident(0, "sleeping"), resident(1, "reading"), at(10))).toBe(false);
    const busy = resident(1, "reading");
    busy.conversationId = asConversationId("c9");
    expect(canTalk(resident(0, "reading"), busy, at(10))).toBe(false);
  });

  test("the pair's cooldown and each one's rest after a chat", () => {
    const [a, b] = [resident(0, "reading"), resident(1, "reading")];
    setChatCooldown(a.scratch, b.id, at(10) + CHAT_COOLDOWN_MS);
    expect(canTalk(a, b, at(11))).toBe(false);
    expect(canTalk(a, b, at(10) + CHAT_COOLDOWN_MS)).toBe(true);
    const [c, d] = [resident(0, "reading"), resident(1, "reading")];
    c.lastChatEndMs = at(10);
    expect(canTalk(c, d, at(10) + CHAT_GAP_MS - 1)).toBe(false);
    expect(canTalk(c, d, at(10) + CHAT_GAP_MS)).toBe(true);
  });
});

describe("react: wait for a single-use object", () => {
  test("waits in the arena until the user is done, at most 15 minutes", () => {
    const user = resident(0, "take a shower", "shower");
    const next = resident(1, "take a shower", "shower");
    const waiting = waitFor(next, next.action!, [user, next], at(9, 10));
    expect(waiting).toMatchObject({ emoji: "⏳", endMs: at(9, 25), address: { arena: "restroom" } });
    expect(waiting!.address.object).toBeUndefined();
    expect(waiting!.description).toMatch(/waiting for Isabella to finish using the shower/);
  });

  test("no wait for shared objects, for a free object, or for someone still walking", () => {
    const user = resident(0, "drink coffee", "cafe table");
    const next = resident(1, "drink coffee", "cafe table");
    expect(waitFor(next, next.action!, [user, next], at(9, 10))).toBeNull();
    const walker = resident(0, "take a shower", "shower");
    walker.path = [{ x: 1, y: 1 }];
    const other = resident(1, "take a shower", "shower");
    expect(waitFor(other, other.action!, [walker, other], at(9, 10))).toBeNull();
    expect(waitFor(other, other.action!, [other], at(9, 10))).toBeNull();
  });
});
