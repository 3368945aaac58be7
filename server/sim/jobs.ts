/**
 * Slow work off the tick. A job is a request (plain data) that a runner turns into a
 * change: the runner reads what it needs at once (a frozen view), asks the mind, and
 * returns a typed change without touching live state. The town applies finished changes
 * at the start of a step in a fixed order (so lockstep runs are reproducible) and drops
 * answers that a newer job on the same channel made stale.
 *
 * One failure rule for every channel: a job that throws is logged (the first time for
 * its kind with the stack, then at 10, 100, 1000... failures), counted per kind, and
 * asked again RETRY_MS of game time later, at most MAX_ATTEMPTS times in all; then the
 * runner's `giveUp` change is applied. The channel stays busy meanwhile.
 */

/** Game time between a failure and the next attempt. */
export const RETRY_MS = 5 * 60_000;
export const MAX_ATTEMPTS = 3;

export interface JobRunner<R, C> {
  /** Channel of a request: one job at a time per channel, a newer one makes the older stale. */
  channel(req: R): string;
  /** Kind of a request, for failure counts. */
  kind(req: R): string;
  /** Reads live state now, then asks the mind; must not write live state. */
  run(req: R): Promise<C>;
  /** The change to apply when every attempt failed, if any. */
  giveUp(req: R): C | null;
  /** Where failures are written (the town's log). */
  log(message: string): void;
}

/** A job not applied yet, as saved in a snapshot: re-asked when the town is restored. */
export interface PendingJob<R> {
  request: R;
  order: number;
  attempt: number;
  /** Set while waiting to retry: the game ms of the next attempt. */
  retryAtMs?: number;
}

interface Finished<C> {
  order: number;
  seq: number;
  channel: string;
  token: number;
  change: C | null;
  /** The job failed and is to be asked again. */
  retry?: boolean;
}

interface Entry<R> extends PendingJob<R> {
  token: number;
}

export class JobQueue<R, C> {
  private readonly tokens = new Map<string, number>();
  private readonly entries = new Map<string, Entry<R>>();
  private readonly running = new Set<Promise<void>>();
  private finished: Finished<C>[] = [];
  private seq = 0;
  /** Failed attempts per request kind. */
  readonly failures: Record<string, number> = {};

  constructor(private readonly runner: JobRunner<R, C>) {}

  /** Is a job on this channel not applied yet (running or waiting to retry)? */
  busy(channel: string): boolean {
    return this.entries.has(channel);
  }

  get failureCount(): number {
    return Object.values(this.failures).reduce((a, b) => a + b, 0);
  }

  /** Starts a request; `order` sorts the answers of one step (a resident's index). */
  start(request: R, order: number, attempt = 1): void {
    const channel = this.runner.channel(request);
    const token = (this.tokens.get(channel) ?? 0) + 1;
    this.tokens.set(channel, token);
    this.entries.set(channel, { request, order, attempt, token });
    this.launch(channel, token, request, order, attempt);
  }

  /** Makes any job on `channel` stale. */
  cancel(channel: string): void {
    this.tokens.set(channel, (this.tokens.get(channel) ?? 0) + 1);
    this.entries.delete(channel);
  }

  /** Makes stale every job whose channel passes `test` (a resident who leaves the town). */
  cancelWhere(test: (channel: string) => boolean): void {
    for (const channel of [...this.entries.keys()]) if (test(channel)) this.cancel(channel);
  }

  /** Starts the retries that are due at game time `nowMs`. */
  retryDue(nowMs: number): void {
    for (const [channel, e] of this.entries) {
      if (e.retryAtMs === undefined || e.retryAtMs > nowMs) continue;
      e.retryAtMs = undefined;
      this.launch(channel, e.token, e.request, e.order, e.attempt);
    }
  }

  /** Applies finished, current jobs in (order, start) order; failed ones wait until `nowMs + RETRY_MS`. */
  /** Applies the answers that have arrived, in order; returns how many there were. */
  applyFinished(apply: (change: C) => void, nowMs: number): number {
    const ready = this.finished.sort((a, b) => a.order - b.order || a.seq - b.seq);
    this.finished = [];
    if (ready.length === 0) return 0;
    for (const f of ready) {
      const e = this.entries.get(f.channel);
      if (this.tokens.get(f.channel) !== f.token || !e) continue;
      if (f.retry) {
        e.retryAtMs = nowMs + RETRY_MS;
        continue;
      }
      this.entries.delete(f.channel);
      if (f.change !== null) apply(f.change);
    }
    return ready.length;
  }

  /** Waits for every running job (and the jobs they lead to), then applies them. */
  async settle(apply: (change: C) => void, nowMs: number): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
    this.applyFinished(apply, nowMs);
  }

  /** Jobs not applied yet, in start order: requests to re-ask after a restore. */
  pending(): PendingJob<R>[] {
    return [...this.entries.values()].map(({ request, order, attempt, retryAtMs }) => ({ request, order, attempt, ...(retryAtMs !== undefined && { retryAtMs }) }));
  }

  /** Puts back saved jobs: running ones are asked again, waiting ones wait for their time. */
  restore(jobs: readonly PendingJob<R>[], failures: Record<string, number>): void {
    Object.assign(this.failures, failures);
    for (const j of jobs) {
      if (j.retryAtMs === undefined) this.start(j.request, j.order, j.attempt);
      else {
        const channel = this.runner.channel(j.request);
        const token = (this.tokens.get(channel) ?? 0) + 1;
        this.tokens.set(channel, token);
        this.entries.set(channel, { ...j, token });
      }
    }
  }

  private launch(channel: string, token: number, request: R, order: number, attempt: number): void {
    const seq = ++this.seq;
    let job: Promise<C>;
    try {
      job = this.runner.run(request);
    } catch (err) {
      job = Promise.reject(err);
    }
    const run: Promise<void> = job
      .then(
        (change) => void this.finished.push({ order, seq, channel, token, change }),
        (err) => this.failed(channel, token, request, order, seq, attempt, err),
      )
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  private failed(channel: string, token: number, request: R, order: number, seq: number, attempt: number, err: unknown): void {
    const kind = this.runner.kind(request);
    const n = (this.failures[kind] = (this.failures[kind] ?? 0) + 1);
    if (n === 1 || Number.isInteger(Math.log10(n))) {
      const detail = n === 1 ? (err instanceof Error ? err.stack ?? err.message : String(err)) : err instanceof Error ? err.message : String(err);
      this.runner.log(`${kind} decision failed (${n} time${n === 1 ? "" : "s"} so far; attempt ${attempt} of ${MAX_ATTEMPTS}): ${detail}`);
    }
    const e = this.entries.get(channel);
    if (this.tokens.get(channel) !== token || !e) return; // stale anyway
    if (attempt < MAX_ATTEMPTS) {
      // The retry time is set from the town's clock at the next step boundary.
      e.attempt = attempt + 1;
      this.finished.push({ order, seq, channel, token, change: null, retry: true });
      return;
    }
    this.finished.push({ order, seq, channel, token, change: this.runner.giveUp(request) });
  }
}
