/**
 * Builds a Town from files: the map under maps/<name>/ and a scenario under
 * maps/scenarios/. The simulation itself never touches the file system.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Maze } from "./sim/maze";
import { Town } from "./town/town";
import { checkScenarioAgainstPlaces, firstResidents } from "./sim/scenario";
import { loadScenario } from "./scenarios";
import type { Ablation } from "./agents/context";
import type { Overlap } from "./agents/overlap";
import type { Mind } from "./mind/mind";
import { OfflineMind } from "./mind/offline/offline-mind";

export interface CreateTownOptions {
  scenario?: string;
  /** Map name; defaults to the scenario's map. */
  mapName?: string;
  seed?: number;
  startTime?: string;
  mind?: Mind;
  log?: (message: string) => void;
  ablate?: Ablation;
  /** Overlapping model calls in lockstep (server/agents/overlap.ts). */
  overlap?: Overlap;
  /** Only the first N residents of the scenario (scaling runs; server/sim/scenario.ts firstResidents). */
  residents?: number;
  /** Repository root; defaults to the working directory. */
  root?: string;
}

const mazeCache = new Map<string, Maze>();

/** Mazes are immutable, so towns on the same map share one. */
export function loadMaze(mapName: string, root = process.cwd()): Maze {
  const path = join(root, "maps", mapName, `${mapName}.json`);
  let maze = mazeCache.get(path);
  if (!maze) {
    maze = Maze.fromTiled(JSON.parse(readFileSync(path, "utf8")));
    mazeCache.set(path, maze);
  }
  return maze;
}

export function createTown(opts: CreateTownOptions = {}): Town {
  const root = opts.root ?? process.cwd();
  const full = loadScenario(opts.scenario ?? "ville-25", join(root, "maps", "scenarios"));
  const scenario = opts.residents === undefined ? full : firstResidents(full, opts.residents);
  const maze = loadMaze(opts.mapName ?? scenario.map, root);
  const problems = checkScenarioAgainstPlaces(scenario, (key) => maze.hasPlace(key));
  if (problems.length > 0) throw new Error(`scenario ${scenario.name} does not fit map ${scenario.map}:\n  ${problems.join("\n  ")}`);
  const seed = opts.seed ?? 1;
  return new Town({ maze, scenario, mind: opts.mind ?? new OfflineMind(seed), seed, startTime: opts.startTime, log: opts.log, ablate: opts.ablate, overlap: opts.overlap });
}
