/**
 * A town's journal: what makes it durable. Memory nodes and chat lines are queued as the
 * town makes them, a frame per step, and every answer of the mind; `commit()` writes what
 * is queued and resolves once it is durable, so a room can send a line only after it is
 * safe. Snapshots are taken every few game minutes and pruned. When the store fails (Redis
 * away, disk full) the town keeps running: entries stay queued, the failure is said once,
 * writes are retried with backoff, and everything is written when the store is back.
 */
import { placeLabel } from "../sim/address";
import type { Town } from "../town/town";
import { snapshotTownText } from "../town/snapshot";
import { memoryNodeToJson } from "../agents/memory/memory-stream";
import type { Activity, AnswerEntry, ChatEntry, MemoryEntry, Person, Position, StepEntry } from "../store/entries";
import { LOG_NAMES, type LogName, type Store, type TownRecord } from "../store/store";
import type { AnswerSink } from "./recorded-mind";

export interface JournalOptions {
  /** Steps between two snapshots. */
  snapshotEvery: number;
  /** Besides the newest two and the first, snapshots at multiples of this many steps are kept. */
  keepEvery: number;
  log?: (message: string) => void;
  /** Real ms before the first retry of a failed write; it doubles up to 30 s. */
  retryMs?: number;
}

const MAX_RETRY_MS = 30_000;

/** A person as the last frame recorded them, and the number of that frame. */
interface Recorded {
  frame: number;
  x: number;
  y: number;
  action: string;
  emoji: string;
  conv: string;
}

/** A frame being made: what goes into its step entry. */
interface Frame {
  full: boolean;
  number: number;
  moved: Position[];
  acts: Activity[];
  people: Person[];
}

export class TownJournal {
  private readonly queue: Record<LogName, object[]> = { memory: [], chat: [], steps: [], answers: [] };
  private chain: Promise<unknown> = Promise.resolve();
  /** Per person, what the last frame recorded (updated in place: a frame runs every step). */
  private readonly last = new Map<string, Recorded>();
  private frames = 0;
  private failure: string | null = null;
  private retryMs: number;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private readonly log: (message: string) => void;
  /** Entries written, for benchmarks and the status line. */
  written = 0;

  constructor(
    readonly store: Store,
    readonly record: TownRecord,
    private readonly town: Town,
    private readonly options: JournalOptions,
  ) {
    this.log = options.log ?? ((m) => console.error(`[store] ${m}`));
    this.retryMs = options.retryMs ?? 1000;
    town.onLine = (line) => this.push<ChatEntry>("chat", { step: town.clock.step, line });
    town.onMemory = (r, node) => this.push<MemoryEntry>("memory", { step: town.clock.step, resident: r.id, node: memoryNodeToJson(node) });
  }

  /** Where the town's mind tells its answers (wrap the mind with `recordingMind`). */
  get answers(): AnswerSink {
    return (q, h, a) => this.push<AnswerEntry>("answers", { step: this.town.clock.step, q, h, a });
  }

  /** Entries waiting to be written, and the store's failure if it is failing. */
  get status(): { pending: number; failure: string | null } {
    return { pending: LOG_NAMES.reduce((n, l) => n + this.queue[l].length, 0), failure: this.failure };
  }

  /**
   * Queues every memory the town holds now, for a town starting its log (new, or a fork):
   * from then on the log holds every memory, and snapshots point into it.
   */
  logAllMemories(): void {
    const step = this.town.clock.step;
    for (const r of this.town.residents) for (const node of r.memory.nodes()) this.push<MemoryEntry>("memory", { step, resident: r.id, node: memoryNodeToJson(node) });
    this.record.memoryLogged = true;
  }

  /** After each step: the frame, and a snapshot when one is due. */
  stepped(): void {
    const step = this.town.clock.step;
    const due = step % this.options.snapshotEvery === 0;
    this.frame(due);
    if (due) void this.snapshot();
  }

  /** Records where everyone is and what they do: everyone when `full`, else what changed. */
  frame(full: boolean): void {
    const town = this.town;
    const frame: Frame = { full, number: ++this.frames, moved: [], acts: [], people: [] };
    for (const r of town.residents) this.note(frame, r.id, r.name, r.persona.sprite, r.tile.x, r.tile.y, r.action?.description ?? "", r.action?.emoji ?? "", r.conversationId ?? "");
    for (const p of town.players.values()) this.note(frame, p.id, p.name, p.sprite, p.tile.x, p.tile.y, "", "", p.conversationId ?? "");
    const gone: string[] = [];
    for (const [id, before] of this.last) if (before.frame !== frame.number) gone.push(id);
    for (const id of gone) this.last.delete(id);
    const { moved, acts, people } = frame;
    const entry: StepEntry = { step: town.clock.step, gameTimeMs: town.clock.nowMs, full, moved, acts, ...(gone.length > 0 && { gone }), ...(people.length > 0 && { people }) };
    this.push("steps", entry);
  }

  private note(frame: Frame, id: string, name: string, sprite: string, x: number, y: number, action: string, emoji: string, conv: string): void {
    const before = this.last.get(id);
    if (!before) {
      frame.people.push([id, name, sprite]);
      frame.moved.push([id, x, y]);
      frame.acts.push([id, action, emoji, placeLabel(this.town.maze.addressAt(x, y)), conv]);
      this.last.set(id, { frame: frame.number, x, y, action, emoji, conv });
      return;
    }
    before.frame = frame.number;
    if (frame.full) frame.people.push([id, name, sprite]);
    const tileChanged = before.x !== x || before.y !== y;
    if (frame.full || tileChanged) frame.moved.push([id, x, y]);
    if (frame.full || tileChanged || before.action !== action || before.emoji !== emoji || before.conv !== conv) frame.acts.push([id, action, emoji, placeLabel(this.town.maze.addressAt(x, y)), conv]);
    before.x = x;
    before.y = y;
    before.action = action;
    before.emoji = emoji;
    before.conv = conv;
  }

  /** Writes everything queued so far; true once it is durable, false if the store failed (it stays queued). */
  commit(): Promise<boolean> {
    return this.serial(() => this.writeQueued());
  }

  /** A snapshot now (after the queued entries), then the record, then pruning. */
  snapshot(): Promise<boolean> {
    const step = this.town.clock.step;
    // Written now, resident by resident: the town goes on while the store writes it.
    const memoryInLog = this.record.memoryLogged === true;
    const data = snapshotTownText(this.town, { memoryInLog });
    this.record.step = step;
    this.record.gameTimeMs = this.town.clock.nowMs;
    return this.serial(async () => {
      const logged = await this.writeQueued();
      // A snapshot that points into the memory log is no use before the log holds what it points to.
      if (!logged && memoryInLog) return false;
      try {
        await this.store.putSnapshot(this.record.id, step, data);
        this.record.updatedAt = Date.now();
        await this.store.putTown(this.record);
        await this.prune();
      } catch (err) {
        this.failed(err);
        return false;
      }
      return logged;
    });
  }

  /** Saves the record as it is now (name, access, host). */
  saveRecord(): Promise<boolean> {
    return this.serial(async () => {
      try {
        await this.store.putTown(this.record);
        return true;
      } catch (err) {
        this.failed(err);
        return false;
      }
    });
  }

  /** The last frame, snapshot and record; `closed` marks a town its host closed for good. */
  async close(closed = false): Promise<boolean> {
    if (this.closed) return true;
    this.frame(true);
    if (closed) this.record.closed = true;
    const ok = await this.snapshot();
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (!ok) this.log(`town ${this.record.id}: closed with ${this.status.pending} entries not written (${this.failure})`);
    return ok;
  }

  private push<T extends object>(log: LogName, entry: T): void {
    this.queue[log].push(entry);
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async writeQueued(): Promise<boolean> {
    for (const log of LOG_NAMES) {
      const batch = this.queue[log];
      if (batch.length === 0) continue;
      this.queue[log] = [];
      try {
        await this.store.append(this.record.id, log, batch);
        this.written += batch.length;
      } catch (err) {
        this.queue[log] = batch.concat(this.queue[log]);
        this.failed(err);
        return false;
      }
    }
    if (this.failure) {
      this.log(`town ${this.record.id}: the store is back (${this.store.where}); everything kept meanwhile is written`);
      this.failure = null;
      this.retryMs = this.options.retryMs ?? 1000;
    }
    return true;
  }

  private failed(err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    if (this.failure === null) this.log(`town ${this.record.id}: cannot write to the store (${message}); the town runs on and keeps ${this.status.pending} entries in memory, retrying`);
    this.failure = message;
    if (this.retryTimer || this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.commit();
    }, this.retryMs);
    this.retryTimer.unref?.();
    this.retryMs = Math.min(MAX_RETRY_MS, this.retryMs * 2);
  }

  private async prune(): Promise<void> {
    const steps = await this.store.snapshotSteps(this.record.id);
    const newest = new Set(steps.slice(-2));
    for (const s of steps) {
      if (s === steps[0] || newest.has(s) || s % this.options.keepEvery === 0) continue;
      await this.store.deleteSnapshot(this.record.id, s);
    }
  }
}
