/**
 * Game time. A step is GAME_SECONDS_PER_STEP game seconds; the game is treated as UTC so
 * a run reads the same on every machine.
 */
import { GAME_SECONDS_PER_STEP, MS_PER_DAY, MS_PER_MINUTE } from "../../shared/constants";

export { MINUTES_PER_DAY, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from "../../shared/constants";

export class GameClock {
  step = 0;

  constructor(
    readonly startMs: number,
    readonly secondsPerStep: number = GAME_SECONDS_PER_STEP,
  ) {
    if (!Number.isFinite(startMs)) throw new Error("clock: start time is not a valid date");
    if (!(secondsPerStep > 0)) throw new Error("clock: seconds per step must be positive");
  }

  static fromIso(iso: string, secondsPerStep?: number): GameClock {
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) throw new Error(`clock: "${iso}" is not an ISO date`);
    return new GameClock(ms, secondsPerStep);
  }

  get nowMs(): number {
    return this.startMs + this.step * this.secondsPerStep * 1000;
  }

  get msPerStep(): number {
    return this.secondsPerStep * 1000;
  }

  advance(steps = 1): void {
    this.step += steps;
  }

  /** Steps in one game day at this clock's rate. */
  get stepsPerDay(): number {
    return Math.round(MS_PER_DAY / this.msPerStep);
  }
}

/** Minutes since midnight of the game day. */
export function minuteOfDay(ms: number): number {
  return Math.floor((ms - dayStartMs(ms)) / MS_PER_MINUTE);
}

export function dayStartMs(ms: number): number {
  return Math.floor(ms / MS_PER_DAY) * MS_PER_DAY;
}

/** Days since the epoch: changes at game midnight. */
export function dayNumber(ms: number): number {
  return Math.floor(ms / MS_PER_DAY);
}

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "Monday February 13, 2023" */
export function formatDate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

/** "08:05" (24 h) */
export function formatClock(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
}

/** "8:05 am" for prose. */
export function formatTimeOfDay(minute: number): string {
  const h = Math.floor(minute / 60) % 24, m = minute % 60;
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}:${String(m).padStart(2, "0")} ${h < 12 ? "am" : "pm"}`;
}
