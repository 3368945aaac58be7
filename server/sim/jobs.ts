/**
 * Slow work off the tick. A job is a request (plain data) that a runner turns into a
 * change: the runner reads what it needs at once (a frozen view), asks the mind, and
 * returns a typed change without touching live state. The town applies finished changes
 * at the start of a step in a fixed order (so lockstep runs are reproducible) and drops
 * answers that a newer job on the same channel made stale.
 *
 * Overlap in lockstep: a runner may give a request a lag of L steps. Its answer is then
 * applied at the step boundary L steps after the one it was asked at, never earlier,
 * and `settle` waits only for the answers due now, so the model calls of several steps
 * run at once while the outcome stays the same in every run, whatever the latency.
 * Lag 0 (the default) applies answers as they arrive, as before.
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
  /** Steps between asking and applying the answer (0: as soon as it arrives). */
  lag?(req: R): number;
}

/** A job not applied yet, as saved in a snapshot: re-asked when the town is restored. */
export interface PendingJob<R, C = unknown> {
  request: R;
  order: number;
  attempt: number;
  /** Set while waiting to retry: the game ms of the next attempt. */
  retryAtMs?: number;
  /** With a lag: the step at whose boundary the answer is applied. */
  dueStep?: number;
  /** With a lag: start order among the saved jobs, and the answer if it came already. */
  seq?: number;
  answer?: C;
}

interface Finished<C> {
  /** Step at whose boundary it may be applied. */
  due: number;
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
  due: number;
  seq: number;
}

export class JobQueue<R, C> {
  private readonly tokens = new Map<string, number>();
  private readonly entries = new Map<string, Entry<R>>();
  /** Running jobs and the step their answers are due at. */
  private readonly running = new Map<Promise<void>, number>();
  private finished: Finished<C>[] = [];
  private seq = 0;
  /** Failed attempts per request kind. */
  readonly failures: Record<string, number> = {};

  /** `step`: the town's current step number (only read for lagged requests). */
  constructor(
    private readonly runner: JobRunner<R, C>,
    private readonly step: () => number = () => 0,
  ) {}

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
    const due = this.dueOf(request);
    const seq = ++this.seq;
    this.entries.set(channel, { request, order, attempt, token, due, seq });
    this.launch(channel, token, request, order, attempt, due, seq);
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
      e.due = this.dueOf(e.request);
      e.seq = ++this.seq;
      this.launch(channel, e.token, e.request, e.order, e.attempt, e.due, e.seq);
    }
  }

  /**
   * Applies the answers that have arrived and are due, in (order, start) order;
   * failed ones wait until `nowMs + RETRY_MS`. Returns how many there were.
   */
  applyFinished(apply: (change: C) => void, nowMs: number): number {
    const step = this.step();
    const ready = this.finished.filter((f) => f.due <= step).sort((a, b) => a.order - b.order || a.seq - b.seq);
    this.finished = ready.length === this.finished.length ? [] : this.finished.filter((f) => f.due > step);
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

  /** Waits for every running job due by now (and the jobs they lead to), then applies the answers due. */
  async settle(apply: (change: C) => void, nowMs: number): Promise<void> {
    const step = this.step();
    await this.due(step);
    this.applyFinished(apply, nowMs);
    // Applying can start jobs (due now, applied at the next boundary). They run to the
    // end here too: left running, they would interleave with the next step's jobs in an
    // order that depends on what else the process awaits in between (a journal's write),
    // and a recorded run would differ from an unrecorded one.
    await this.due(step);
  }

  private async due(step: number): Promise<void> {
    for (;;) {
      const due = [...this.running].filter(([, d]) => d <= step).map(([p]) => p);
      if (due.length === 0) break;
      await Promise.all(due);
    }
  }

  /** Waits until nothing runs, applying nothing (answers due later wait for their step). */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.keys()]);
  }

  /** Jobs not applied yet, in start order: requests to re-ask after a restore. */
  pending(): PendingJob<R, C>[] {
    return [...this.entries.entries()].map(([channel, { request, order, attempt, retryAtMs, due, seq, token }]) => {
      if (this.lagOf(request) === 0) return { request, order, attempt, ...(retryAtMs !== undefined && { retryAtMs }) };
      // A lagged answer that came already is kept with the job: asked again after a
      // restore, it would be answered from the state at the restore, not at the asking.
      const came = this.finished.find((f) => f.channel === channel && f.token === token && !f.retry);
      return { request, order, attempt, ...(retryAtMs !== undefined && { retryAtMs }), dueStep: due, seq, ...(came && came.change !== null && { answer: came.change }) };
    });
  }

  /**
   * Puts back saved jobs: running ones are asked again, waiting ones wait for their time,
   * lagged answers that had come wait for their step (so a resumed run is the same run).
   */
  restore(jobs: readonly PendingJob<R, C>[], failures: Record<string, number>): void {
    Object.assign(this.failures, failures);
    const saved = jobs.map((j) => j.seq).filter((n): n is number => n !== undefined);
    if (saved.length > 0) this.seq = Math.max(this.seq, ...saved);
    for (const j of jobs) {
      const channel = this.runner.channel(j.request);
      const token = (this.tokens.get(channel) ?? 0) + 1;
      this.tokens.set(channel, token);
      const due = j.dueStep ?? this.dueOf(j.request);
      const seq = j.seq ?? ++this.seq;
      this.entries.set(channel, { request: j.request, order: j.order, attempt: j.attempt, token, due, seq, ...(j.retryAtMs !== undefined && { retryAtMs: j.retryAtMs }) });
      if (j.answer !== undefined) this.finished.push({ due, order: j.order, seq, channel, token, change: j.answer });
      else if (j.retryAtMs === undefined) this.launch(channel, token, j.request, j.order, j.attempt, due, seq);
    }
  }

  private lagOf(request: R): number {
    return this.runner.lag?.(request) ?? 0;
  }

  private dueOf(request: R): number {
    return this.step() + this.lagOf(request);
  }

  private launch(channel: string, token: number, request: R, order: number, attempt: number, due: number, seq: number): void {
    let job: Promise<C>;
    try {
      job = this.runner.run(request);
    } catch (err) {
      job = Promise.reject(err);
    }
    const run: Promise<void> = job
      .then(
        (change) => void this.finished.push({ due, order, seq, channel, token, change }),
        (err) => this.failed(channel, token, request, order, seq, attempt, due, err),
      )
      .finally(() => this.running.delete(run));
    this.running.set(run, due);
  }

  private failed(channel: string, token: number, request: R, order: number, seq: number, attempt: number, due: number, err: unknown): void {
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
      this.finished.push({ due, order, seq, channel, token, change: null, retry: true });
      return;
    }
    this.finished.push({ due, order, seq, channel, token, change: this.runner.giveUp(request) });
  }
}
