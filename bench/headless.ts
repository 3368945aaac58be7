/**
 * Headless runs measured as a person runs them: `scripts/simulate.ts` in a child process
 * (lockstep, offline rule-based mind, nothing stored), read back from its report.json.
 * - `ville-25` for 2 game days, alternating with the same command on an earlier commit
 *   (the baseline, unpacked with `git archive` into a temporary folder), so both see the
 *   same machine load; the ratio is taken per pair.
 * - Agent-steps per second for 25, 250 and 1,000 residents over one game day (`ville-25`,
 *   the first 250 of `city-1000`, all of `city-1000`), with the city day's peak memory.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import type { Figure } from "./record";
import type { Tile } from "../server/sim/address";
import { findPath } from "../server/sim/pathfinding";
import { rngFor } from "../server/sim/rng";
import { loadMaze } from "../server/town-factory";

export interface SimRun {
  wallSeconds: number;
  peakRssMb?: number;
  residents: number;
  steps: number;
  conversations: number;
  reflections: number;
}

/** The commit before issue 10's speed work (the session that started it measured it). */
export const BASELINE_COMMIT = "6b7f0fb";

/**
 * Node's flags in `npm run simulate`, read from package.json, so a checkout runs with its
 * own: some commits gave every run a roomier young generation there; since then
 * simulate.ts gives it to large towns itself (scripts/young-generation.ts).
 */
function simulateNodeFlags(cwd: string): string[] {
  const script = (JSON.parse(readFileSync(join(cwd, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.simulate ?? "";
  return script.split(/\s+/).filter((w) => w.startsWith("--max-semi-space-size="));
}

/**
 * Runs `simulate` with `args` in `cwd` (default: this checkout) and reads its report.
 * With `store`, the run is recorded as `npm run simulate` does by default, in a store of
 * its own (a temporary DATA_DIR), which is then removed.
 */
export async function simulateChild(args: string[], cwd = process.cwd(), opts: { store?: boolean } = {}): Promise<SimRun> {
  const out = mkdtempSync(join(tmpdir(), "ville-bench-"));
  try {
    const store = opts.store ? ["--data-dir", join(out, "data")] : ["--no-store"];
    const all = [...simulateNodeFlags(cwd), "--import", "tsx", "scripts/simulate.ts", ...args, "--mind", "offline", ...store, "--quiet", "--out", out];
    await new Promise<void>((ok, fail) => {
      const child = spawn(process.execPath, all, { cwd, stdio: ["ignore", "ignore", "pipe"] });
      let err = "";
      child.stderr.on("data", (d) => (err += String(d)));
      child.on("error", fail);
      child.on("exit", (code) => (code === 0 ? ok() : fail(new Error(`simulate ${args.join(" ")} in ${cwd} exited ${code}: ${err.slice(-2000)}`))));
    });
    const r = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as {
      wallSeconds: number;
      peakRssMb?: number;
      agents: unknown[];
      steps?: number;
      conversations: unknown[];
      reflections: unknown[];
    };
    return { wallSeconds: r.wallSeconds, peakRssMb: r.peakRssMb, residents: r.agents.length, steps: r.steps ?? 0, conversations: r.conversations.length, reflections: r.reflections.length };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The repository at `commit`, unpacked beside this one and sharing its node_modules. */
export function checkoutOf(commit: string, root = process.cwd()): string {
  const dir = join(tmpdir(), `ville-baseline-${commit}`);
  if (existsSync(join(dir, "package.json"))) return dir;
  rmSync(dir, { recursive: true, force: true });
  execFileSync("mkdir", ["-p", dir]);
  const archive = execFileSync("git", ["archive", "--format=tar", commit], { cwd: root, maxBuffer: 1 << 30 });
  execFileSync("tar", ["-x", "-C", dir], { input: archive });
  symlinkSync(resolve(root, "node_modules"), join(dir, "node_modules"));
  return dir;
}

const TWO_DAYS = ["--scenario", "ville-25", "--days", "2", "--seed", "1"];
const TWO_DAYS_CMD = "npm run simulate -- --scenario ville-25 --days 2 --seed 1 --mind offline --no-store --quiet";

/** ville-25 for two game days here and on the baseline commit, runs alternating. */
export async function twoDayFigures(runs: number, baseline = BASELINE_COMMIT, log: (line: string) => void = () => {}): Promise<Record<string, Figure>> {
  const base = checkoutOf(baseline);
  const now: number[] = [], before: number[] = [], ratio: number[] = [];
  let same = true;
  let first: SimRun | null = null;
  for (let i = 0; i < runs; i++) {
    const a = await simulateChild(TWO_DAYS);
    const b = await simulateChild(TWO_DAYS, base);
    first ??= a;
    same &&= a.conversations === first.conversations && a.reflections === first.reflections;
    now.push(a.wallSeconds);
    before.push(b.wallSeconds);
    ratio.push(b.wallSeconds / a.wallSeconds);
    log(`ville-25 2 days, run ${i + 1}: ${a.wallSeconds} s now, ${b.wallSeconds} s at ${baseline} (x${(b.wallSeconds / a.wallSeconds).toFixed(2)}); ${a.conversations} conversations, ${a.reflections} reflections`);
  }
  const group = "Headless runs (offline rule-based mind, lockstep)";
  return {
    "headless.ville25-2days": { group, name: "`ville-25`, 2 game days", unit: "s", runs: now, command: TWO_DAYS_CMD, digits: 1, note: same ? `${first!.conversations} conversations, ${first!.reflections} reflections in every run` : "outcome varied between runs" },
    "headless.ville25-2days-baseline": { group, name: `\`ville-25\`, 2 game days, at ${baseline} (before the speed work)`, unit: "s", runs: before, command: `the same in \`git archive ${baseline}\``, digits: 1 },
    "headless.ville25-2days-speedup": { group, name: `speed-up over ${baseline}, per pair of runs`, unit: "x", runs: ratio, command: "npm run bench -- headless", digits: 2 },
  };
}

/** Agent-steps per second for 25, 250 and 1,000 residents over one game day; the city day's wall time and peak memory. */
export async function scalingFigures(runs: number, log: (line: string) => void = () => {}): Promise<Record<string, Figure>> {
  const group = "Scaling (one game day, offline rule-based mind, lockstep)";
  const sizes: { key: string; label: string; args: string[]; cmd: string; store?: boolean }[] = [
    { key: "25", label: "25 residents (`ville-25`)", args: ["--scenario", "ville-25"], cmd: "--scenario ville-25" },
  ];
  if (existsSync(join("maps", "scenarios", "city-1000.json"))) {
    sizes.push({ key: "250", label: "250 residents (the first 250 of `city-1000`)", args: ["--scenario", "city-1000", "--residents", "250"], cmd: "--scenario city-1000 --residents 250" });
    sizes.push({ key: "1000", label: "1,000 residents (`city-1000`)", args: ["--scenario", "city-1000"], cmd: "--scenario city-1000" });
    // The command as it is typed: the run is recorded in the store (journal, snapshots).
    sizes.push({ key: "1000-recorded", label: "1,000 residents (`city-1000`), recorded in the store as by default", args: ["--scenario", "city-1000"], cmd: "--scenario city-1000", store: true });
  }
  const out: Record<string, Figure> = {};
  for (const s of sizes) {
    const rate: number[] = [], wall: number[] = [], rss: number[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await simulateChild([...s.args, "--days", "1", "--seed", "1"], undefined, { store: s.store });
      const steps = r.steps || 8640;
      rate.push((r.residents * steps) / r.wallSeconds);
      wall.push(r.wallSeconds);
      if (r.peakRssMb !== undefined) rss.push(r.peakRssMb);
      log(`${s.label}, run ${i + 1}: ${r.wallSeconds} s, ${Math.round((r.residents * steps) / r.wallSeconds)} agent-steps/s, peak ${r.peakRssMb} MB`);
    }
    const command = `npm run simulate -- ${s.cmd} --days 1 --seed 1 --mind offline ${s.store ? "" : "--no-store "}--quiet`;
    out[`scaling.${s.key}.rate`] = { group, name: `${s.label}: agent-steps per second`, unit: "agent-steps/s", runs: rate, command, digits: 0 };
    out[`scaling.${s.key}.wall`] = { group, name: `${s.label}: wall time`, unit: "s", runs: wall, command, digits: 1 };
    if (rss.length > 0) out[`scaling.${s.key}.rss`] = { group, name: `${s.label}: peak memory of the process`, unit: "MB", runs: rss, command, digits: 0 };
  }
  return out;
}

/**
 * The floor under a full step: 25 walkers on the `ville` map that only walk (a tile per
 * step, a new A* path to a random tile when one ends), with no perception, memory or
 * mind, for one game day. The full step's rate divided by this says how close it gets.
 */
export function gridWalkRate(residents = 25, steps = 8640): number {
  const maze = loadMaze("ville");
  const walkable: Tile[] = [];
  for (let y = 0; y < maze.height; y++) for (let x = 0; x < maze.width; x++) if (maze.isWalkable(x, y)) walkable.push({ x, y });
  const rng = rngFor(1, "grid-walk");
  const pick = () => walkable[Math.floor(rng() * walkable.length)];
  const walkers = Array.from({ length: residents }, () => ({ tile: pick(), path: [] as Tile[] }));
  const t0 = performance.now();
  for (let s = 0; s < steps; s++) {
    for (const w of walkers) {
      if (w.path.length === 0) {
        const r = findPath(maze, w.tile, pick());
        if (r.ok) w.path = r.path;
        continue;
      }
      w.tile = w.path.shift()!;
    }
  }
  return (residents * steps) / ((performance.now() - t0) / 1000);
}

export function gridWalkFigures(runs: number, log: (line: string) => void = () => {}): Record<string, Figure> {
  const rates: number[] = [];
  for (let i = 0; i < runs; i++) {
    rates.push(gridWalkRate());
    log(`grid walk, run ${i + 1}: ${Math.round(rates[i])} agent-steps/s`);
  }
  return {
    "scaling.walk.rate": {
      group: "Scaling (one game day, offline rule-based mind, lockstep)",
      name: "floor: 25 walkers that only walk on `ville` (A* to random tiles, no perception, memory or mind): agent-steps per second",
      unit: "agent-steps/s",
      runs: rates,
      command: "npm run bench -- scaling",
      digits: 0,
    },
  };
}
