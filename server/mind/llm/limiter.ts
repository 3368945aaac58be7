/**
 * A concurrency limiter: at most `maxInFlight` tasks run at once, the rest wait
 * in a first-in first-out queue. Model servers (and rate limits) are shared by
 * every agent of a process, so every request goes through one of these.
 */

export interface LimiterStats {
  maxInFlight: number;
  inFlight: number;
  queued: number;
  /** The highest number of tasks ever running together. */
  maxObservedInFlight: number;
  started: number;
  completed: number;
}

export class Limiter {
  private running = 0;
  private peak = 0;
  private started = 0;
  private completed = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly maxInFlight: number) {
    if (!Number.isInteger(maxInFlight) || maxInFlight < 1) {
      throw new RangeError(`Limiter needs a whole number of slots >= 1, got ${maxInFlight}`);
    }
  }

  /** Runs `task` when a slot is free; resolves or rejects as the task does. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  stats(): LimiterStats {
    return {
      maxInFlight: this.maxInFlight,
      inFlight: this.running,
      queued: this.waiting.length,
      maxObservedInFlight: this.peak,
      started: this.started,
      completed: this.completed,
    };
  }

  private acquire(): Promise<void> {
    if (this.running < this.maxInFlight) {
      this.begin();
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Hands the freed slot straight to the oldest waiter so nobody can jump the queue. */
  private release(): void {
    this.running--;
    this.completed++;
    const next = this.waiting.shift();
    if (next) {
      this.begin();
      next();
    }
  }

  private begin(): void {
    this.running++;
    this.started++;
    this.peak = Math.max(this.peak, this.running);
  }
}
