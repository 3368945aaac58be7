import { Maze } from "../../server/sim/maze";
import { findPath, reachableFrom } from "../../server/sim/pathfinding";
import { asciiMap, houseMap } from "../fixtures/ascii-map";

describe("path finding", () => {
  const maze = Maze.fromTiled(houseMap());

  test("shortest 4-connected path through the door", () => {
    const r = findPath(maze, { x: 1, y: 1 }, { x: 0, y: 7 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // Via the door (3,5): (1,1)->(3,5) is 6 steps, (3,5)->(0,7) is 5.
    expect(r.path).toHaveLength(11);
    expect(r.path[r.path.length - 1]).toEqual({ x: 0, y: 7 });
    let prev = { x: 1, y: 1 };
    for (const t of r.path) {
      expect(Math.abs(t.x - prev.x) + Math.abs(t.y - prev.y)).toBe(1);
      expect(maze.isWalkable(t.x, t.y)).toBe(true);
      prev = t;
    }
  });

  test("already there gives an empty path", () => {
    expect(findPath(maze, { x: 1, y: 1 }, { x: 1, y: 1 })).toEqual({ ok: true, path: [] });
  });

  test("nearest of several goals", () => {
    const r = findPath(maze, { x: 5, y: 6 }, [{ x: 9, y: 7 }, { x: 4, y: 6 }]);
    expect(r.ok && r.path).toEqual([{ x: 4, y: 6 }]);
  });

  test("says why there is no path", () => {
    expect(findPath(maze, { x: 1, y: 1 }, { x: 0, y: 0 })).toEqual({ ok: false, reason: "blocked" });
    expect(findPath(maze, { x: 1, y: 1 }, { x: 40, y: 0 })).toEqual({ ok: false, reason: "out_of_map" });
    const island = Maze.fromTiled(asciiMap(["..#..", "..#.."]));
    expect(findPath(island, { x: 0, y: 0 }, { x: 4, y: 1 })).toEqual({ ok: false, reason: "unreachable" });
  });

  test("never gives up on far targets (the original capped the search)", () => {
    const rows = Array.from({ length: 60 }, (_, y) => Array.from({ length: 120 }, (_, x) => (x % 4 === 2 && y !== (x % 8 === 2 ? 0 : 59) ? "#" : ".")).join(""));
    const snake = Maze.fromTiled(asciiMap(rows));
    const r = findPath(snake, { x: 0, y: 0 }, { x: 119, y: 59 });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.path.length).toBeGreaterThan(1000);
  });

  test("flood fill marks the connected region", () => {
    const island = Maze.fromTiled(asciiMap(["..#..", "..#.."]));
    const seen = reachableFrom(island, { x: 0, y: 0 });
    expect(Array.from(seen)).toEqual([1, 1, 0, 0, 0, 1, 1, 0, 0, 0]);
  });
});
