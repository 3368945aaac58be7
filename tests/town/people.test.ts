/**
 * People are told apart by id, never by name; a player's conversation ends for the
 * player too, so residents can approach them again.
 */
import { ScriptedMind } from "../../server/mind/scripted-mind";
import { createTown } from "../../server/town-factory";
import { manhattan } from "../../server/sim/address";
import type { Town } from "../../server/town/town";

async function run(town: Town, steps: number, until?: () => boolean): Promise<void> {
  for (let i = 0; i < steps && !until?.(); i++) {
    town.step();
    await town.settle();
  }
}

/** Walks a player (in real time) to a free tile beside the resident. */
function walkBeside(town: Town, playerId: string, residentId: string): void {
  const r = town.resident(residentId)!;
  const spot = [[1, 0], [-1, 0], [0, 1], [0, -1]].map(([dx, dy]) => ({ x: r.tile.x + dx, y: r.tile.y + dy })).find((t) => town.maze.isWalkable(t.x, t.y))!;
  expect(town.movePlayerTo(playerId, spot.x, spot.y)).toMatchObject({ ok: true });
  town.advancePlayers(10 * 60_000);
}

/** Everyone always wants to talk; lines go on until a goodbye at the 4th. */
const chatty = () => new ScriptedMind({ answers: { decideToTalk: () => true } });

describe("people by id", () => {
  test("a visitor named like a resident is a different person: own id, a suffixed name, perceived as the visitor", async () => {
    const town = createTown({ scenario: "ville-3", seed: 1, mind: chatty(), startTime: "2023-02-13T09:00:00Z" });
    await run(town, 30);
    const isabella = town.residentByName("Isabella Rodriguez")!;
    const maria = town.residentByName("Maria Lopez")!;
    const view = town.addPlayer("sess-maria", "Maria Lopez", "player_1");
    const other = town.addPlayer("sess-two", "Guest", "player_2");
    const twin = town.addPlayer("sess-three", "Guest", "player_3");
    expect(view).toMatchObject({ id: "sess-maria", name: "Maria Lopez (2)" });
    expect([other.name, twin.name]).toEqual(["Guest", "Guest (2)"]);
    walkBeside(town, "sess-maria", isabella.id);
    const before = isabella.memory.size;
    await run(town, 20);
    expect(manhattan(isabella.tile, maria.tile)).toBeGreaterThan(isabella.persona.vision);
    const seen = isabella.memory.nodes().slice(before);
    expect(seen.some((n) => n.subject === "sess-maria" && n.description === "Maria Lopez (2) is walking around town")).toBe(true);
    expect(seen.some((n) => n.subject === maria.id)).toBe(false);
    // Whatever Isabella started, it was with the visitor, and she did not set off for the real Maria.
    for (const c of town.conversations.log) if (c.sides.some((s) => s.id === isabella.id)) expect(c.sides.some((s) => s.id === maria.id)).toBe(false);
    expect(town.conversations.log.some((c) => c.sides.some((s) => s.kind === "player" && s.id === "sess-maria"))).toBe(true);
  });

  test("after a chat with a resident ends, the player is free again and a resident approaches them later", async () => {
    const town = createTown({ scenario: "ville-3", seed: 1, mind: chatty(), startTime: "2023-02-13T09:00:00Z" });
    await run(town, 30);
    const isabella = town.residentByName("Isabella Rodriguez")!;
    town.addPlayer("sess-p", "Pat", "player_1");
    walkBeside(town, "sess-p", isabella.id);
    const said = town.say("sess-p", "Hello Isabella!");
    expect(said?.conversationId).toMatch(/^c\d+$/);
    const first = town.conversations.get(said!.conversationId)!;
    expect(town.players.get("sess-p" as never)!.conversationId).toBe(first.id);
    // Pat says nothing more: the talk ends after the player's silence (or Isabella's goodbye).
    await run(town, 200, () => first.ended);
    expect(first.ended).toBe(true);
    expect(town.playerViews()[0].conversationId).toBe("");
    expect(town.players.get("sess-p" as never)!.conversationId).toBeNull();
    // Later someone (Isabella, after the pair's cooldown, or anyone passing) comes to talk again.
    const approached = () => town.conversations.log.some((c) => c !== first && c.sides[0].kind === "resident" && c.sides[1].id === "sess-p");
    for (let i = 0; i < 1200 && !approached(); i += 10) {
      if (town.players.get("sess-p" as never)!.conversationId === null) walkBeside(town, "sess-p", isabella.id);
      await run(town, 10);
    }
    expect(approached()).toBe(true);
  }, 120_000);
});
