/**
 * The battery from the command line (`npm run simulate -- ... --interview` and
 * `--interview-run <town>`): on a town at the end of a run, or on a saved run brought back
 * from the store; writes DIR/interview.json and prints the per-category scores.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { putBackLogs, readSaved } from "../durable/saved-town";
import type { Mind } from "../mind/mind";
import { loadScenario } from "../scenarios";
import type { Store } from "../store/store";
import { loadMaze } from "../town-factory";
import { restoreTown, type TownSnapshot } from "../town/snapshot";
import type { Town } from "../town/town";
import { batteryMarkdown, batterySummary, runTownBattery } from "./battery";
import type { BatteryResult } from "./battery-types";

/** Runs the battery on every resident, writes `out`/interview.json and prints the scores. */
export async function interviewTown(town: Town, out: string, opts: { quiet?: boolean } = {}): Promise<BatteryResult> {
  const t0 = performance.now();
  const result = await runTownBattery(town, {
    onResident: opts.quiet ? undefined : (name, items) => console.log(`  interviewed ${name}: ${items.filter((i) => i.passed).length}/${items.length} passed`),
  });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "interview.json"), JSON.stringify(result, null, 2) + "\n");
  for (const line of batterySummary(result)) console.log(line);
  console.log(`Interview: ${join(out, "interview.json")} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  return result;
}

/**
 * A saved run as it was at its last write (newest snapshot, then the memories and lines
 * its logs hold after it), interviewed; `out` gets interview.json and interview.md.
 */
export async function interviewSavedRun(store: Store, id: string, mind: (seed: number) => Mind, out: string, opts: { quiet?: boolean } = {}): Promise<BatteryResult> {
  const saved = await readSaved(store, id);
  const log = (m: string) => console.error(`  ${m}`);
  const data = saved.snap.data as TownSnapshot;
  const town = restoreTown(data, { maze: loadMaze(data.map), scenario: loadScenario(saved.record.scenario), mind: mind(saved.record.seed), log });
  putBackLogs(town, saved, Infinity, log);
  console.log(`Interviewing ${saved.record.name} (${id}) at step ${town.clock.step}, ${town.allResidents().length} residents, mind: ${town.mindLabel}`);
  const result = await interviewTown(town, out, opts);
  writeFileSync(join(out, "interview.md"), [`# Interview battery: ${saved.record.name}`, "", `Town ${id}, step ${town.clock.step}, mind: ${town.mindLabel}.`, "", ...batteryMarkdown(result), ""].join("\n"));
  return result;
}
