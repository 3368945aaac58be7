/**
 * Where the replay is: a position in steps that runs forward while playing, at a speed
 * in steps per real second (1x is a live town's pace, DEFAULT_STEP_MS a step). Stops at
 * the end. Pure: the caller passes the elapsed time.
 */
import { DEFAULT_STEP_MS } from "../../../shared/constants";

export class ReplayPlayer {
  private position: number;
  playing = false;
  speed = 1;

  constructor(readonly first: number, readonly last: number) {
    this.position = first;
  }

  /** The step to show now. */
  get step(): number {
    return Math.floor(this.position);
  }

  /** Real ms a step lasts at this speed (how long a walk between two tiles takes). */
  get stepMs(): number {
    return DEFAULT_STEP_MS / this.speed;
  }

  seek(step: number): void {
    this.position = Math.min(Math.max(Math.floor(step), this.first), this.last);
  }

  play(): void {
    // Play at the end starts over, as a video player does.
    if (this.position >= this.last) this.position = this.first;
    this.playing = this.last > this.first;
  }

  pause(): void {
    this.playing = false;
  }

  /** Moves on by `elapsedMs` of real time; returns the step to show. */
  advance(elapsedMs: number): number {
    if (!this.playing) return this.step;
    // A long stall (a background tab) moves on by one second's worth at most.
    this.position += (Math.min(elapsedMs, 1000) * this.speed) / DEFAULT_STEP_MS;
    if (this.position >= this.last) {
      this.position = this.last;
      this.playing = false;
    }
    return this.step;
  }
}
