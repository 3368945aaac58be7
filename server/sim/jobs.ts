/**
 * Slow work off the tick. A job is an async function that reads a snapshot and returns
 * a change to apply; the town applies finished jobs at the start of a step, in a fixed
 * order (so lockstep runs are reproducible), and drops answers a newer job on the same
 * channel has made stale.
 */
export type Apply = () => void;

interface Finished {
  order: number;
  seq: number;
  key: string;
  token: number;
  apply: Apply;
}

export class JobQueue {
  private readonly tokens = new Map<string, number>();
  private readonly running = new Set<Promise<void>>();
  private readonly finished: Finished[] = [];
  private seq = 0;
  /** Jobs that threw; the town keeps going. */
  failures = 0;

  /** Channels with a job whose answer is not applied yet. */
  private readonly pendingKeys = new Set<string>();

  /** Is a job running on this channel? */
  busy(key: string): boolean {
    return this.pendingKeys.has(key);
  }

  /**
   * Starts `job` on channel `key` (e.g. "r3:plan"). `order` sorts answers of one step
   * (a resident's index). `onError` gives the change to apply when the job throws.
   */
  start(key: string, order: number, job: () => Promise<Apply>, onError: (err: unknown) => Apply): void {
    const token = (this.tokens.get(key) ?? 0) + 1;
    this.tokens.set(key, token);
    this.pendingKeys.add(key);
    const seq = ++this.seq;
    const run: Promise<void> = job()
      .then(
        (apply) => void this.finished.push({ order, seq, key, token, apply }),
        (err) => {
          this.failures++;
          this.finished.push({ order, seq, key, token, apply: onError(err) });
        },
      )
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  /** Makes any running job on `key` stale. */
  cancel(key: string): void {
    this.tokens.set(key, (this.tokens.get(key) ?? 0) + 1);
    this.pendingKeys.delete(key);
  }

  /** Applies finished, current jobs in (order, start) order. */
  applyFinished(): void {
    const ready = this.finished.splice(0).sort((a, b) => a.order - b.order || a.seq - b.seq);
    for (const f of ready) {
      if (this.tokens.get(f.key) !== f.token) continue;
      this.pendingKeys.delete(f.key);
      f.apply();
    }
  }

  /** Waits for every running job (and the jobs they lead to), then applies them. */
  async settle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
    this.applyFinished();
  }

}
