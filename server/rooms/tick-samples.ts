/** The durations of the last `size` ticks (ms), kept for benchmarks in a ring. */
export class TickSamples {
  private readonly ring: Float64Array;
  private count = 0;

  constructor(private readonly size: number) {
    this.ring = new Float64Array(size);
  }

  add(ms: number): void {
    this.ring[this.count++ % this.size] = ms;
  }

  /** Oldest first; `reset` starts a new sample. */
  take(reset = false): number[] {
    const n = Math.min(this.count, this.size);
    const start = this.count > this.size ? this.count % this.size : 0;
    const out = Array.from({ length: n }, (_, i) => this.ring[(start + i) % this.size]);
    if (reset) this.count = 0;
    return out;
  }
}
