/**
 * The map check behind `npm run map:check`, as a pure function (no file system)
 * so tests can run it on mutated maps. It loads the map with the simulation's
 * own loader and reports every problem with the tile or place at fault.
 */
import { addressKey } from "../server/sim/address";
import { Maze } from "../server/sim/maze";
import { reachableFrom } from "../server/sim/pathfinding";
import { checkScenarioAgainstPlaces, parseScenario } from "../server/sim/scenario";

export const MIN_WIDTH = 100;
export const MIN_HEIGHT = 70;
export const MIN_SECTORS = 15;
export const MIN_ARENAS = 40;
export const MIN_OBJECT_KINDS = 30;
/** At most this many tiles are listed for one unreachable place. */
const EXAMPLES = 3;

export interface MapCheckInput {
  /** Parsed Tiled JSON. */
  map: unknown;
  /** Name of the map (e.g. "ville"): scenarios for other maps are skipped. */
  mapName?: string;
  scenarios?: { file: string; json: unknown }[];
  /** Slugs that have a character sheet; when given, every persona's sprite must be among them. */
  sprites?: Set<string>;
}

export interface MapSummary {
  width: number;
  height: number;
  sectors: number;
  arenas: number;
  objects: number;
  objectKinds: number;
  spawns: number;
  playerSpawns: number;
  places: number;
  scenariosChecked: number;
}

export interface MapCheckResult {
  ok: boolean;
  problems: string[];
  notes: string[];
  summary?: MapSummary;
}

export function checkMap(input: MapCheckInput): MapCheckResult {
  const problems: string[] = [];
  const notes: string[] = [];
  let maze: Maze;
  try {
    maze = Maze.fromTiled(input.map);
  } catch (e) {
    return { ok: false, problems: [`the map does not load: ${(e as Error).message}`], notes };
  }
  if (maze.width < MIN_WIDTH || maze.height < MIN_HEIGHT) problems.push(`the map is ${maze.width}x${maze.height} tiles; it must be at least ${MIN_WIDTH}x${MIN_HEIGHT}`);
  problems.push(...checkSpawnsAndReach(maze));
  problems.push(...checkObjects(maze, input.map));
  const summary = summarize(maze);
  if (summary.sectors < MIN_SECTORS) problems.push(`only ${summary.sectors} sectors; at least ${MIN_SECTORS} are needed`);
  if (summary.arenas < MIN_ARENAS) problems.push(`only ${summary.arenas} arenas; at least ${MIN_ARENAS} are needed`);
  if (summary.objectKinds < MIN_OBJECT_KINDS) problems.push(`only ${summary.objectKinds} object kinds; at least ${MIN_OBJECT_KINDS} are needed`);
  summary.scenariosChecked = checkScenarios(maze, input, problems, notes);
  return { ok: problems.length === 0, problems, notes, summary };
}

/**
 * Spawns stand on walkable tiles, in the arena they name, all in one connected
 * region; every place and every addressed walkable tile lies in that region.
 */
function checkSpawnsAndReach(maze: Maze): string[] {
  const problems: string[] = [];
  if (maze.spawns.length === 0) return ["the map has no spawn points"];
  if (!maze.spawns.some((s) => s.name === "player")) problems.push(`no "player" spawn point`);
  for (const s of maze.spawns) {
    if (!maze.isWalkable(s.x, s.y)) problems.push(`spawn "${s.name}" at tile (${s.x},${s.y}) is on a blocked tile`);
    else if (s.address) {
      const at = maze.addressAt(s.x, s.y);
      const want = addressKey(s.address);
      if (!at || !addressKey(at).startsWith(want)) problems.push(`spawn "${s.name}" at tile (${s.x},${s.y}) is not in its place ${want}`);
    }
  }
  const first = maze.spawns.find((s) => maze.isWalkable(s.x, s.y));
  if (!first) return problems;
  const reach = reachableFrom(maze, first);
  const at = (x: number, y: number) => reach[y * maze.width + x] === 1;
  for (const s of maze.spawns) {
    if (maze.isWalkable(s.x, s.y) && !at(s.x, s.y)) problems.push(`spawn "${s.name}" at tile (${s.x},${s.y}) cannot reach spawn "${first.name}" at (${first.x},${first.y})`);
  }
  const objectPlaces = new Set(maze.objectRects.map((o) => addressKey(o.address)));
  for (const place of maze.places().sort()) {
    const tiles = maze.tilesAt(place);
    const lost = tiles.filter((t) => !at(t.x, t.y));
    if (lost.length === tiles.length) problems.push(`place ${place} cannot be reached from the spawn points (its tiles, e.g. ${tileList(lost)})`);
    // sectors and arenas must be reachable everywhere, not just somewhere
    else if (lost.length > 0 && !objectPlaces.has(place)) problems.push(`${lost.length} walkable tiles of ${place} cannot be reached from the spawn points, e.g. ${tileList(lost)}`);
  }
  return problems;
}

function tileList(tiles: { x: number; y: number }[]): string {
  return tiles.slice(0, EXAMPLES).map((t) => `(${t.x},${t.y})`).join(" ");
}

/** Objects stay off walls and each has a walkable tile to be used from. */
function checkObjects(maze: Maze, json: unknown): string[] {
  const problems: string[] = [];
  const walls = wallLayer(json, maze.width * maze.height);
  if (!walls) problems.push(`layer "walls": missing tile layer`);
  for (const o of maze.objectRects) {
    const key = addressKey(o.address);
    if (walls) {
      outer: for (let y = o.y; y < o.y + o.h; y++) for (let x = o.x; x < o.x + o.w; x++) {
        if (walls[y * maze.width + x]) {
          problems.push(`object ${key} at tile (${x},${y}) is inside a wall`);
          break outer;
        }
      }
    }
    if (maze.tilesAt(o.address).length === 0) problems.push(`object ${key} at tile (${o.x},${o.y}) has no walkable tile to be used from`);
  }
  return problems;
}

function wallLayer(json: unknown, size: number): ArrayLike<number> | null {
  const layers = (json as { layers?: { name?: string; type?: string; data?: number[] }[] }).layers ?? [];
  const l = layers.find((x) => x.name === "walls" && x.type === "tilelayer");
  return l && Array.isArray(l.data) && l.data.length === size ? l.data : null;
}

function summarize(maze: Maze): MapSummary {
  const places = maze.places();
  const sectors = maze.sectors();
  return {
    width: maze.width,
    height: maze.height,
    sectors: sectors.length,
    arenas: sectors.reduce((n, s) => n + maze.arenas(s).length, 0),
    objects: maze.objectRects.length,
    objectKinds: new Set(maze.objectRects.map((o) => o.kind)).size,
    spawns: maze.spawns.length,
    playerSpawns: maze.spawns.filter((s) => s.name === "player").length,
    places: places.length,
    scenariosChecked: 0,
  };
}

/** Every resident's home and start must be places on this map. Returns how many scenarios were checked. */
function checkScenarios(maze: Maze, input: MapCheckInput, problems: string[], notes: string[]): number {
  const scenarios = input.scenarios ?? [];
  if (scenarios.length === 0) {
    notes.push("no scenario files found: the homes and starts of residents were not checked");
    return 0;
  }
  let checked = 0;
  for (const { file, json } of scenarios) {
    const mapOf = (json as { map?: unknown } | null)?.map;
    if (input.mapName && typeof mapOf === "string" && mapOf !== input.mapName) {
      notes.push(`${file}: scenario for map "${mapOf}", skipped`);
      continue;
    }
    try {
      const s = parseScenario(json, file);
      for (const p of checkScenarioAgainstPlaces(s, (key) => maze.hasPlace(key))) problems.push(`${file}: ${p}`);
      if (input.sprites) {
        s.personas.forEach((p, i) => {
          if (!input.sprites!.has(p.sprite)) problems.push(`${file}: personas[${i}].sprite: no character sheet maps/characters/${p.sprite}.png`);
        });
      }
      checked++;
    } catch (e) {
      problems.push(`${file}: ${(e as Error).message}`);
    }
  }
  return checked;
}
