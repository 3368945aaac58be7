/**
 * Towns as files under DATA_DIR:
 *
 *   <dir>/towns/<id>/town.json                      the record
 *   <dir>/towns/<id>/snapshots/<step, 10 digits>.json
 *   <dir>/towns/<id>/<log>.jsonl                    one JSON entry per line
 *
 * town.json and snapshots are replaced atomically (temp file, fsync, rename, fsync of the
 * directory), so a crash leaves the old version or the new one, never a mix. Logs are
 * appended a batch per write and fsynced before the promise resolves. One process owns a
 * town at a time; the ordering guarantees below hold within that process.
 */
import { jsonTextOf, type JsonText } from "./json-text";
import { mkdir, open, readdir, readFile, rename, rm, unlink, type FileHandle } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { checkTownId, LOG_NAMES, StoreError, type Damage, type LogName, type LogRead, type SnapshotRead, type Store, type TownRecord } from "./store";

const SNAPSHOT_FILE = /^(\d{10,})\.json$/;

/** What an errno means, for messages an operator can act on. */
const ERRNO: Record<string, string> = {
  ENOSPC: "disk full",
  EDQUOT: "disk quota exceeded",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  EIO: "I/O error",
  EMFILE: "too many open files",
  ENFILE: "too many open files in the system",
  ENOTDIR: "not a directory",
  EISDIR: "is a directory",
  ENOENT: "no such file or directory",
};

/** A file system failure as a StoreError: "disk full (ENOSPC) writing data/towns/abc/chat.jsonl". */
function fsError(err: unknown, town: string, doing: string, path: string): StoreError {
  if (err instanceof StoreError) return err;
  const code = (err as NodeJS.ErrnoException)?.code;
  const what = code ? `${ERRNO[code] ?? (err as Error).message} (${code})` : String((err as Error)?.message ?? err);
  return new StoreError(`${what} ${doing} ${path}`, town, path, code);
}

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException)?.code === "ENOENT";
}

function checkLog(town: string, log: string): LogName {
  if (!(LOG_NAMES as readonly string[]).includes(log)) throw new StoreError(`unknown log "${String(log).slice(0, 40)}" (one of ${LOG_NAMES.join(", ")})`, town, "");
  return log as LogName;
}

function checkStep(town: string, step: number): number {
  if (!Number.isSafeInteger(step) || step < 0) throw new StoreError(`bad snapshot step ${step} for town ${town}: a whole number >= 0`, town, "");
  return step;
}

/** Each entry as one line of JSON; throws (before anything is written) on one that cannot be. Shared with the Redis store. */
export function serializeEntries(town: string, where: string, entries: readonly object[]): string[] {
  return entries.map((e, i) => {
    let text: string | undefined;
    try {
      text = JSON.stringify(e);
    } catch (err) {
      throw new StoreError(`entry ${i} for ${where} cannot be written as JSON: ${(err as Error).message}`, town, where, "BAD_ENTRY");
    }
    if (typeof text !== "string" || e === null || typeof e !== "object") throw new StoreError(`entry ${i} for ${where} is not a JSON object`, town, where, "BAD_ENTRY");
    return text;
  });
}

/** One entry read back, or why it cannot be. Shared with the Redis store. */
export function parseEntry(text: string): { value: object } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { problem: `not valid JSON (${(err as Error).message})` };
  }
  if (value === null || typeof value !== "object") return { problem: "not a JSON object" };
  return { value };
}

// Fatal: a byte sequence that is not UTF-8 is damage, not a silent U+FFFD inside an entry.
const utf8 = new TextDecoder("utf-8", { fatal: true });

async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, "r");
  try {
    await fh.sync();
  } catch (err) {
    // Some file systems cannot fsync a directory; the rename is still atomic there.
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== "EINVAL" && code !== "ENOTSUP") throw err;
  } finally {
    await fh.close();
  }
}

export class FileStore implements Store {
  readonly kind = "files" as const;
  readonly where: string;
  private readonly log: (m: string) => void;
  /** Per log file, the tail of its chain of appends: appends to one file run one after another. */
  private readonly chains = new Map<string, Promise<void>>();
  private seq = 0;

  constructor(
    readonly dir: string,
    opts: { log?: (m: string) => void } = {},
  ) {
    this.where = dir;
    this.log = opts.log ?? ((m) => console.error(`[store] ${m}`));
  }

  private townDir(id: string): string {
    return join(this.dir, "towns", checkTownId(id));
  }
  private recordPath(id: string): string {
    return join(this.townDir(id), "town.json");
  }
  private snapDir(id: string): string {
    return join(this.townDir(id), "snapshots");
  }
  private snapPath(id: string, step: number): string {
    return join(this.snapDir(id), `${String(step).padStart(10, "0")}.json`);
  }
  private logPath(id: string, log: LogName): string {
    return join(this.townDir(id), `${checkLog(id, log)}.jsonl`);
  }

  async listTowns(): Promise<TownRecord[]> {
    const root = join(this.dir, "towns");
    let names: string[];
    try {
      names = (await readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
    } catch (err) {
      if (isMissing(err)) return [];
      throw fsError(err, "", "listing", root);
    }
    const towns: TownRecord[] = [];
    for (const name of names.sort()) {
      // Anything that is not a town id (a deletion in progress, a stray folder) is not a town.
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) continue;
      const path = join(root, name, "town.json");
      let text: string;
      try {
        text = await readFile(path, "utf8");
      } catch (err) {
        // Logs can be written before the first record: no town.json yet is not damage.
        if (!isMissing(err)) this.log(`cannot read ${path}, town skipped: ${fsError(err, name, "reading", path).message}`);
        continue;
      }
      try {
        const record = JSON.parse(text) as TownRecord;
        if (record === null || typeof record !== "object" || typeof record.id !== "string") throw new Error("not a town record");
        towns.push(record);
      } catch (err) {
        this.log(`${path} does not parse, town skipped: ${(err as Error).message}`);
      }
    }
    return towns;
  }

  async getTown(id: string): Promise<TownRecord | null> {
    const path = this.recordPath(id);
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (err) {
      if (isMissing(err)) return null;
      throw fsError(err, id, "reading", path);
    }
    try {
      return JSON.parse(text) as TownRecord;
    } catch (err) {
      throw new StoreError(`the record of town ${id} does not parse (${(err as Error).message}): ${path}`, id, path, "DAMAGED");
    }
  }

  async putTown(record: TownRecord): Promise<void> {
    const path = this.recordPath(record.id);
    await this.writeAtomic(record.id, path, `${JSON.stringify(record, null, 2)}\n`);
  }

  async deleteTown(id: string): Promise<void> {
    const dir = this.townDir(id);
    // Pending appends would recreate the folder after it is gone.
    await this.settled(`${dir}/`);
    // Renamed away first, so a crash halfway through never leaves half a town that lists.
    const doomed = join(this.dir, "towns", `.deleted-${id}-${process.pid}-${++this.seq}`);
    try {
      await rename(dir, doomed);
    } catch (err) {
      if (isMissing(err)) return;
      throw fsError(err, id, "deleting", dir);
    }
    try {
      await rm(doomed, { recursive: true, force: true });
    } catch (err) {
      throw fsError(err, id, "deleting", doomed);
    }
  }

  async putSnapshot(id: string, step: number, data: unknown): Promise<void> {
    const path = this.snapPath(id, checkStep(id, step));
    await this.writeAtomic(id, path, jsonTextOf(data));
  }

  async snapshotSteps(id: string): Promise<number[]> {
    const dir = this.snapDir(id);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (err) {
      if (isMissing(err)) return [];
      throw fsError(err, id, "listing", dir);
    }
    return names
      .map((n) => SNAPSHOT_FILE.exec(n))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b);
  }

  async getSnapshot(id: string, atStep?: number): Promise<SnapshotRead | null> {
    if (atStep !== undefined && Number.isNaN(atStep)) throw new StoreError(`bad step ${atStep} for town ${id}`, id, "");
    const steps = (await this.snapshotSteps(id)).filter((s) => atStep === undefined || s <= atStep).reverse();
    const damage: Damage[] = [];
    for (const step of steps) {
      const path = this.snapPath(id, step);
      let buf: Buffer;
      try {
        buf = await readFile(path);
      } catch (err) {
        if (isMissing(err)) continue; // deleted (pruned) since the listing
        throw fsError(err, id, "reading", path);
      }
      try {
        const data: unknown = JSON.parse(utf8.decode(buf));
        return damage.length > 0 ? { step, data, damage } : { step, data };
      } catch (err) {
        damage.push({ town: id, where: path, position: `whole file (${buf.length} bytes)`, message: `snapshot at step ${step} does not parse: ${(err as Error).message}` });
      }
    }
    return noIntactSnapshot(id, atStep, damage);
  }

  async deleteSnapshot(id: string, step: number): Promise<void> {
    const path = this.snapPath(id, checkStep(id, step));
    try {
      await unlink(path);
    } catch (err) {
      if (isMissing(err)) return;
      throw fsError(err, id, "deleting", path);
    }
    await syncDir(dirname(path)).catch((err) => {
      throw fsError(err, id, "syncing", dirname(path));
    });
  }

  async append(id: string, log: LogName, entries: readonly object[]): Promise<void> {
    // Everything up to the chaining runs synchronously, so calls keep their order.
    const path = this.logPath(id, log);
    if (entries.length === 0) return;
    const text = serializeEntries(id, path, entries).join("\n") + "\n";
    const run = (this.chains.get(path) ?? Promise.resolve()).then(() => this.appendNow(id, path, Buffer.from(text, "utf8")));
    const tail = run.catch(() => undefined);
    this.chains.set(path, tail);
    void tail.then(() => {
      if (this.chains.get(path) === tail) this.chains.delete(path);
    });
    return run;
  }

  async readLog<T = unknown>(id: string, log: LogName): Promise<LogRead<T>> {
    const path = this.logPath(id, log);
    await this.chains.get(path); // not a half-done append of ours
    let buf: Buffer;
    try {
      buf = await readFile(path);
    } catch (err) {
      if (isMissing(err)) return { entries: [] };
      throw fsError(err, id, "reading", path);
    }
    const entries: T[] = [];
    let pos = 0;
    for (let line = 1; pos < buf.length; line++) {
      const nl = buf.indexOf(0x0a, pos);
      const end = nl === -1 ? buf.length : nl;
      let problem: string;
      try {
        const parsed = parseEntry(utf8.decode(buf.subarray(pos, end)));
        if ("value" in parsed) {
          entries.push(parsed.value as T);
          pos = end + 1;
          continue;
        }
        problem = parsed.problem;
      } catch (err) {
        problem = `not valid UTF-8 (${(err as Error).message})`;
      }
      if (nl === -1) problem += "; the last line has no newline: a write cut short";
      return { entries, damage: { town: id, where: path, position: `line ${line}, byte ${pos}`, message: problem } };
    }
    return { entries };
  }

  async close(): Promise<void> {
    await Promise.all([...this.chains.values()]);
  }

  /** Waits for the pending appends to files under `prefix`. */
  private async settled(prefix: string): Promise<void> {
    await Promise.all([...this.chains.entries()].filter(([p]) => p.startsWith(prefix)).map(([, c]) => c));
  }

  private async appendNow(id: string, path: string, buf: Buffer): Promise<void> {
    await this.ensureDir(id, dirname(path));
    let fh: FileHandle;
    try {
      fh = await open(path, "a+");
    } catch (err) {
      throw fsError(err, id, "opening", path);
    }
    try {
      let size = 0;
      let isFile = false;
      try {
        const st = await fh.stat();
        isFile = st.isFile();
        size = st.size;
        if (isFile && size > 0) ({ size, buf } = await this.mendTail(fh, id, path, size, buf));
      } catch (err) {
        throw fsError(err, id, "reading", path);
      }
      try {
        await fh.writeFile(buf);
        await fh.sync();
      } catch (err) {
        // Cut a half-written batch back off: the caller retries the whole batch, and a
        // partial line would hide every later entry from readers.
        if (isFile) await fh.truncate(size).catch(() => undefined);
        throw fsError(err, id, "writing", path);
      }
    } finally {
      await fh.close().catch(() => undefined);
    }
  }

  /**
   * A log must end with a newline before more is appended, or the new entries would be
   * glued onto a broken line and hidden behind it. Every acknowledged batch ends with one,
   * so an unfinished last line is a write cut short by a crash, never acknowledged: it is
   * dropped (and said). If that line happens to be whole JSON, only its newline was lost.
   */
  private async mendTail(fh: FileHandle, id: string, path: string, size: number, buf: Buffer): Promise<{ size: number; buf: Buffer }> {
    const last = Buffer.alloc(1);
    await fh.read(last, 0, 1, size - 1);
    if (last[0] === 0x0a) return { size, buf };
    // Back to the previous newline, a block at a time.
    let start = size;
    const block = Buffer.alloc(64 * 1024);
    let lineStart = 0;
    while (start > 0) {
      const from = Math.max(0, start - block.length);
      const { bytesRead } = await fh.read(block, 0, start - from, from);
      const nl = block.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (nl !== -1) {
        lineStart = from + nl + 1;
        break;
      }
      start = from;
    }
    const tail = Buffer.alloc(size - lineStart);
    await fh.read(tail, 0, tail.length, lineStart);
    let whole = false;
    try {
      whole = "value" in parseEntry(utf8.decode(tail));
    } catch {
      whole = false;
    }
    if (whole) return { size, buf: Buffer.concat([Buffer.from("\n"), buf]) };
    await fh.truncate(lineStart);
    await fh.sync();
    this.log(`town ${id}: dropped an unfinished last line (${tail.length} bytes at byte ${lineStart}) of ${path} before appending: a write cut short, never acknowledged`);
    return { size: lineStart, buf };
  }

  /** Atomic replace: readers see the old file or the new one, never a mix. */
  private async writeAtomic(id: string, path: string, text: string | JsonText): Promise<void> {
    const dir = dirname(path);
    await this.ensureDir(id, dir);
    const tmp = join(dir, `.${basename(path)}.${process.pid}.${++this.seq}.tmp`);
    try {
      const fh = await open(tmp, "w");
      try {
        if (typeof text === "string") await fh.writeFile(text, "utf8");
        else for (const piece of text.pieces) await fh.write(piece, null, "utf8");
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tmp, path);
      await syncDir(dir);
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      throw fsError(err, id, "writing", path);
    }
  }

  /** mkdir -p, and the entries of newly made folders fsynced so they survive a crash too. */
  private async ensureDir(id: string, dir: string): Promise<void> {
    try {
      const first = await mkdir(dir, { recursive: true });
      if (first === undefined) return;
      const top = resolve(first);
      for (let d = resolve(dir); ; d = dirname(d)) {
        await syncDir(dirname(d));
        if (d === top || d === dirname(d)) break;
      }
    } catch (err) {
      throw fsError(err, id, "creating", dir);
    }
  }
}

/** Null when there is no snapshot; when every one is damaged that is an error, never a quiet null. */
export function noIntactSnapshot(id: string, atStep: number | undefined, damage: Damage[]): null {
  if (damage.length === 0) return null;
  const at = atStep === undefined ? "" : ` at or before step ${atStep}`;
  const first = damage[0];
  throw new StoreError(`town ${id} has no intact snapshot${at}: ${damage.length} damaged, the newest ${first.where} (${first.message})`, id, first.where, "DAMAGED");
}
