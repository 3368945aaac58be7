/**
 * Perception with the chunk index, the nearest-first selection and the "nothing changed"
 * shortcut gives what a full scan of the square gives, step after step.
 */
import { perceive } from "../../server/agents/perceive";
import type { Resident } from "../../server/agents/resident";
import { tripleKey } from "../../server/agents/memory/memory-stream";
import { isIdle, type TileEvents } from "../../server/sim/events";
import type { Maze } from "../../server/sim/maze";
import { firstResidents } from "../../server/sim/scenario";
import { loadScenario } from "../../server/scenarios";
import { createTown } from "../../server/town-factory";

/** The plain algorithm: every tile of the square, sort everything, keep `attention`, drop what is remembered. */
function fullScan(r: Resident, maze: Maze, events: TileEvents) {
  const arena = maze.arenaIdAt(r.tile.x, r.tile.y);
  const v = r.persona.vision;
  const seen: { key: string; distance: number; subject: string }[] = [];
  for (let y = Math.max(0, r.tile.y - v); y <= Math.min(maze.height - 1, r.tile.y + v); y++) {
    for (let x = Math.max(0, r.tile.x - v); x <= Math.min(maze.width - 1, r.tile.x + v); x++) {
      if (maze.arenaIdAt(x, y) !== arena || !maze.isWalkable(x, y)) continue;
      for (const e of events.at({ x, y })) if (e.subject !== r.id) seen.push({ key: `${x},${y}:${e.description}`, distance: Math.abs(x - r.tile.x) + Math.abs(y - r.tile.y), subject: e.subject, e } as never);
    }
  }
  seen.sort((a, b) => a.distance - b.distance || a.subject.localeCompare(b.subject));
  const recent = r.memory.recentTriples(r.persona.retention);
  const recentIdle = r.memory.recentTriples(200);
  return seen
    .slice(0, r.persona.attention)
    .filter((p) => {
      const e = (p as unknown as { e: Parameters<typeof tripleKey>[0] & { description: string; predicate: string; object: string } }).e;
      const key = tripleKey(e);
      return !r.remembering.has(key) && !(isIdle(e) ? recentIdle : recent).has(key);
    })
    .map((p) => p.key);
}

test("indexed perception equals a full scan at every step of a busy morning", async () => {
  const town = createTown({ scenario: "ville-25", seed: 3, startTime: "2023-02-13T06:30:00Z" });
  let compared = 0, nonEmpty = 0;
  for (let step = 0; step < 900; step++) {
    for (const r of town.allResidents()) {
      const want = fullScan(r, town.maze, town.events);
      const got = perceive(r, town.maze, town.events).map((p) => `${p.tile.x},${p.tile.y}:${p.event.description}`);
      expect(got).toEqual(want);
      compared++;
      if (want.length > 0) nonEmpty++;
    }
    town.step();
    await town.settle();
  }
  expect(compared).toBe(900 * 25);
  expect(nonEmpty).toBeGreaterThan(100);
}, 120_000);

test("the first N residents of a scenario: relationships with the rest become external, their facts are dropped", () => {
  const full = loadScenario("ville-25");
  const five = firstResidents(full, 5);
  expect(five.personas.map((p) => p.name)).toEqual(full.personas.slice(0, 5).map((p) => p.name));
  const names = new Set(five.personas.map((p) => p.name));
  for (const p of five.personas) for (const rel of p.relationships) expect(names.has(rel.name) || rel.external).toBe(true);
  for (const f of five.facts) expect(names.has(f.holder)).toBe(true);
  expect(firstResidents(full, 100)).toBe(full);
  expect(() => firstResidents(full, 0)).toThrow(/residents/);
});
