/**
 * A city's step makes short-lived objects by the gigabyte, and a roomier young generation
 * (`--max-semi-space-size=128`, fewer scavenges) ran a city window about 15% faster; the
 * same flag slowed a `ville-25` run about 10% (2026-12-06). V8 sizes the young generation
 * when it starts, so a run of a large town starts Node again with the flag.
 */
import { spawnSync } from "node:child_process";
import { loadScenario } from "../server/scenarios";

/** Residents from which a run gets the larger young generation. */
export const LARGE_TOWN = 200;
const FLAG = "--max-semi-space-size=128";

/**
 * For a new run of a large town (`--scenario`, capped by `--residents`) without the flag:
 * runs this script again with it, and exits with its code.
 */
export function relaunchForLargeTown(scenario: string, residentsArg: string | undefined): void {
  if (process.execArgv.some((a) => a.startsWith("--max-semi-space-size"))) return;
  if (Math.min(Number(residentsArg ?? Infinity) || Infinity, scenarioSize(scenario)) < LARGE_TOWN) return;
  const child = spawnSync(process.execPath, [...process.execArgv, FLAG, ...process.argv.slice(1)], { stdio: "inherit" });
  process.exit(child.status ?? 1);
}

/** Residents of a scenario; 0 when it cannot be read (the run then says why). */
function scenarioSize(name: string): number {
  try {
    return loadScenario(name).personas.length;
  } catch {
    return 0;
  }
}
