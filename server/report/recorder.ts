/**
 * Watches a town during a run and keeps what a report needs that the town does not:
 * who knows each planted fact, hour by hour; who was at each planted gathering.
 * Call `sample()` after every step.
 */
import { formatClock, formatDate, MS_PER_HOUR } from "../sim/clock";
import type { Town } from "../town/town";

export interface SpreadPoint {
  gameTime: string;
  /** Fact id -> number of residents who know it. */
  known: Record<string, number>;
}

export interface RecorderJson {
  spread: SpreadPoint[];
  attendance: [string, string[]][];
  nextHourMs: number;
}

export class RunRecorder {
  readonly spread: SpreadPoint[] = [];
  /** Fact id -> resident names seen at the gathering's place during its hours. */
  readonly attendance = new Map<string, Set<string>>();
  private nextHourMs: number;

  constructor(private readonly town: Town) {
    this.nextHourMs = town.clock.nowMs;
    for (const f of town.scenario.facts) if (f.event) this.attendance.set(f.id, new Set());
  }

  sample(): void {
    const now = this.town.clock.nowMs;
    if (now >= this.nextHourMs) {
      this.spread.push({ gameTime: `${formatDate(now)} ${formatClock(now)}`, known: this.knownCounts() });
      this.nextHourMs = Math.floor(now / MS_PER_HOUR) * MS_PER_HOUR + MS_PER_HOUR;
    }
    for (const f of this.town.scenario.facts) {
      if (!f.event || now < Date.parse(f.event.start) || now > Date.parse(f.event.end)) continue;
      for (const r of this.town.allResidents()) {
        if (this.town.maze.addressAt(r.tile.x, r.tile.y)?.sector === f.event.sector) this.attendance.get(f.id)!.add(r.name);
      }
    }
  }

  /** What the recorder has seen, to carry on after the town is restored from a snapshot. */
  toJSON(): RecorderJson {
    return { spread: structuredClone(this.spread), attendance: [...this.attendance].map(([id, names]) => [id, [...names]]), nextHourMs: this.nextHourMs };
  }

  static restore(town: Town, saved: RecorderJson): RunRecorder {
    const r = new RunRecorder(town);
    r.spread.push(...structuredClone(saved.spread));
    for (const [id, names] of saved.attendance) r.attendance.set(id, new Set(names));
    r.nextHourMs = saved.nextHourMs;
    return r;
  }

  knownCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const f of this.town.scenario.facts) out[f.id] = this.town.allResidents().filter((r) => r.knownFacts.has(f.id)).length;
    return out;
  }
}
