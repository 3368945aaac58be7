/**
 * The generator's own final check: every walkable cell of the town can be
 * reached from the main street. (map-check repeats this on the written map.)
 */
import { World } from "./world";

export function checkReachable(world: World): void {
  const { width: W, height: H } = world;
  const start = findStart(world);
  const seen = new Uint8Array(W * H);
  const stack = [start];
  seen[start] = 1;
  while (stack.length) {
    const i = stack.pop()!;
    const x = i % W, y = (i - x) / W;
    for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
      const nx = x + dx, ny = y + dy;
      if (!world.walkable(nx, ny)) continue;
      const ni = ny * W + nx;
      if (!seen[ni]) { seen[ni] = 1; stack.push(ni); }
    }
  }
  const lost: string[] = [];
  for (let i = 0; i < W * H; i++) if (!world.blocked[i] && !seen[i]) lost.push(`(${i % W},${Math.floor(i / W)})`);
  if (lost.length) throw new Error(`${lost.length} walkable tiles cannot be reached, e.g. ${lost.slice(0, 12).join(" ")}`);
}

function findStart(world: World): number {
  for (let i = 0; i < world.terrain.length; i++) if (world.terrain[i] === "sidewalk" && !world.blocked[i]) return i;
  throw new Error("no sidewalk");
}
