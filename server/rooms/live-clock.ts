/**
 * When a live town steps: one step per `baseStepMs / speed` real ms, none while paused.
 * Pure: the room passes the elapsed real time of each tick.
 */
import { MAX_SPEED, MIN_SPEED } from "../../shared/constants";

/** Steps run in one tick at most when the server falls behind; older backlog is dropped. */
export const MAX_STEPS_PER_TICK = 4;

export class LiveClock {
  paused = false;
  private speedValue = 1;
  private msSinceStep = 0;

  constructor(readonly baseStepMs: number) {
    if (!(baseStepMs > 0)) throw new Error("live clock: baseStepMs must be > 0");
  }

  get speed(): number {
    return this.speedValue;
  }

  /** Real ms per step at the current speed. */
  get stepMs(): number {
    return Math.max(1, Math.round(this.baseStepMs / this.speedValue));
  }

  setSpeed(speed: number): void {
    if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) throw new RangeError(`speed must be from ${MIN_SPEED} to ${MAX_SPEED}`);
    this.speedValue = speed;
  }

  /** How many steps to run now, `elapsedMs` after the last tick. */
  stepsDue(elapsedMs: number): number {
    if (this.paused) return 0;
    this.msSinceStep += elapsedMs;
    const stepMs = this.stepMs;
    let steps = 0;
    while (this.msSinceStep >= stepMs && steps < MAX_STEPS_PER_TICK) {
      this.msSinceStep -= stepMs;
      steps++;
    }
    // Fell behind (a slow machine, a paused debugger): catch up no further.
    if (this.msSinceStep >= stepMs) this.msSinceStep = 0;
    return steps;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.msSinceStep = 0;
  }
}
