/**
 * Headless simulation throughput: agent-steps per second over one game day in lockstep
 * with the offline mind, for the 25 residents and for 500 (the 25 repeated).
 */
import { performance } from "node:perf_hooks";
import { loadMaze } from "../server/town-factory";
import { loadScenario } from "../server/scenarios";
import { OfflineMind } from "../server/mind/offline/offline-mind";
import { Town } from "../server/town/town";
import type { Scenario } from "../server/sim/scenario";

export function scaledScenario(base: Scenario, count: number): Scenario {
  const personas = Array.from({ length: count }, (_, i) => {
    const p = base.personas[i % base.personas.length];
    const copy = Math.floor(i / base.personas.length);
    return copy === 0 ? p : { ...p, name: `${p.name} ${copy + 1}`, lastName: `${p.lastName} ${copy + 1}`, relationships: [] };
  });
  return { ...base, personas, facts: [] };
}

export async function simThroughput(residents: number, steps: number): Promise<{ residents: number; steps: number; seconds: number; agentStepsPerSecond: number }> {
  const scenario = scaledScenario(loadScenario("ville-25"), residents);
  const town = new Town({ maze: loadMaze("ville"), scenario, mind: new OfflineMind(1), seed: 1 });
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) {
    town.step();
    await town.settle();
  }
  const seconds = (performance.now() - t0) / 1000;
  return { residents, steps, seconds, agentStepsPerSecond: (residents * steps) / seconds };
}
