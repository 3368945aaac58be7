/**
 * Replays and run files on a small recorded run, written entry by entry into a FileStore
 * in a temp dir: what `loadReplay` reads back (the resumed branch only, conversations,
 * thoughts, no password hash), `stateAt` against a plain fold from the first frame at every
 * step, run files out and back in (same id when free, a new one when not, bad files
 * refused with the place of the damage and nothing stored), and the HTTP routes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import express from "express";
import type { MemoryNodeJson } from "../../server/agents/memory/memory-json";
import { TownPassword } from "../../server/rooms/access";
import { loadReplay } from "../../server/runs/replay-data";
import { exportRun, importRun, parseRunText, runFileChunks, RunFileError, type RunFile } from "../../server/runs/run-file";
import { mountRunRoutes, PASSWORD_HEADER } from "../../server/runs/runs-routes";
import type { ChatEntry, MemoryEntry, StepEntry } from "../../server/store/entries";
import { FileStore } from "../../server/store/file-store";
import type { Damage, LogName, Store, TownRecord } from "../../server/store/store";
import type { ChatMessage } from "../../shared/protocol";
import { LINE_RECENT_MS, stateAt, type PersonAt, type ReplayData } from "../../shared/replay";

const T0 = Date.UTC(2023, 1, 13, 7, 0, 0);
const STEP_MS = 10_000;
const tempDirs: string[] = [];
const tempStore = () => {
  const dir = mkdtempSync(join(tmpdir(), "ville-runs-"));
  tempDirs.push(dir);
  return new FileStore(dir);
};
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function record(id: string, extra: Partial<TownRecord> = {}): TownRecord {
  return {
    id, name: `Town ${id}`, scenario: "ville-3", map: "ville", mind: "offline", mode: "lockstep", seed: 1, private: false,
    hostId: null, isDefault: false, createdAt: 1_700_000_000_000, updatedAt: 1_700_000_100_000, step: 700, gameTimeMs: T0 + 700 * STEP_MS, closed: true, ...extra,
  };
}

const RESIDENTS = [["r0", "Isabella Rodriguez", "isabella_rodriguez"], ["r1", "Klaus Mueller", "klaus_mueller"], ["r2", "Maria Lopez", "maria_lopez"]] as const;

/** A pseudo-random walk, the same every time. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * 700 steps: full frames at 0 and 600 (a snapshot), deltas between (so more than one
 * checkpoint's worth of deltas in a row). Then a crash and a resume from the snapshot at
 * 300: the frames 301..340 written before the crash must not be played.
 */
function frames(): { written: StepEntry[]; kept: StepEntry[] } {
  const next = rng(7);
  const at = new Map<string, { x: number; y: number; act: string }>(RESIDENTS.map(([id], i) => [id, { x: 10 + i * 5, y: 10, act: "" }]));
  const frame = (step: number, full: boolean, branch: string): StepEntry => {
    const moved: StepEntry["moved"] = [];
    const acts: StepEntry["acts"] = [];
    for (const [id] of RESIDENTS) {
      const p = at.get(id)!;
      const moves = !full && next() < 0.4;
      if (moves) next() < 0.5 ? (p.x += next() < 0.5 ? 1 : -1) : (p.y += next() < 0.5 ? 1 : -1);
      const action = step < 60 ? "sleeping" : `${branch} task ${Math.floor(step / 50)}`;
      const conversation = step >= 100 && step <= 112 && id !== "r2" ? "c1" : "";
      const act = `${action}/${conversation}`;
      const changed = act !== p.act;
      p.act = act;
      if (full || moves) moved.push([id, p.x, p.y]);
      if (full || moves || changed) acts.push([id, action, step < 60 ? "😴" : "🛠", `the Ville:house ${id}:room`, conversation]);
    }
    return { step, gameTimeMs: T0 + step * STEP_MS, full, moved, acts, ...(full && { people: RESIDENTS.map(([id, name, sprite]) => [id, name, sprite] as [string, string, string]) }) };
  };
  const before: StepEntry[] = [];
  for (let s = 0; s <= 340; s++) before.push(frame(s, s === 0 || s === 300, "lost"));
  // The resume: the state of the snapshot at 300, then on from there.
  const snapshot = before[300];
  for (const [id, x, y] of snapshot.moved) {
    const a = snapshot.acts.find((act) => act[0] === id)!;
    at.set(id, { x, y, act: `${a[1]}/${a[4]}` });
  }
  const after: StepEntry[] = [];
  for (let s = 300; s < 700; s++) after.push(frame(s, s === 300 || s === 600, "kept"));
  // A visitor comes at 400 and leaves at 450.
  after[100].moved.push(["pvisitor", 3, 3]);
  after[100].acts.push(["pvisitor", "", "", "the Ville:square:street", ""]);
  after[100].people = [["pvisitor", "Vi", "player_3"]];
  after[150].gone = ["pvisitor"];
  return { written: [...before, ...after], kept: [...before.slice(0, 300), ...after] };
}

function line(seq: number, step: number, from: string, text: string, conversationId = "c1"): ChatEntry {
  const names: Record<string, string> = { r0: "Isabella Rodriguez", r1: "Klaus Mueller", pvisitor: "Vi" };
  const to = conversationId ? (from === "r0" ? "r1" : "r0") : null;
  const l: ChatMessage = {
    seq, conversationId, channel: conversationId ? "conversation" : "near", from, fromName: names[from], to, toName: to ? names[to] : null,
    participants: conversationId ? ["r0", "r1"] : [], participantNames: conversationId ? ["Isabella Rodriguez", "Klaus Mueller"] : [],
    text, gameTimeMs: T0 + step * STEP_MS, x: 10, y: 10,
  };
  return { step, line: l };
}

function memory(step: number, resident: string, id: number, kind: MemoryNodeJson["kind"], predicate: string, description: string, source?: MemoryNodeJson["source"]): MemoryEntry {
  return {
    step, resident,
    node: {
      id: `n${id}`, kind, createdMs: T0 + step * STEP_MS, lastAccessedMs: T0 + step * STEP_MS, subject: resident, predicate, object: "x", description,
      poignancy: 4, keywords: [], embedding: [0.1, 0.2], evidence: predicate === "reflects" ? ["n1"] : [], depth: kind === "thought" ? 1 : 0, ...(source && { source }),
    },
  };
}

const CHAT: ChatEntry[] = [
  line(1, 101, "r0", "Good morning Klaus!"),
  line(2, 103, "r1", "Morning, Isabella. Busy day?"),
  line(3, 106, "r0", "The cafe is full of people."),
  line(4, 420, "pvisitor", "Hello, anyone here?", ""),
  // Written again after the resume (same sequence): counts once.
  line(4, 420, "pvisitor", "Hello, anyone here?", ""),
];
const MEMORY: MemoryEntry[] = [
  memory(0, "r0", 1, "thought", "plans", "Today I will open the cafe at 8."),
  memory(20, "r0", 2, "event", "is", "the stove is on"),
  memory(90, "r1", 3, "thought", "knows", "There is a party on Friday.", { toldBy: "" }),
  memory(115, "r0", 4, "chat", "chat with", "I talked with Klaus about the cafe.", { conversationId: "c1", toldBy: "r1" }),
  memory(200, "r0", 5, "thought", "reflects", "I care about my regulars."),
  memory(230, "r1", 6, "thought", "knows", "Isabella told me: the cafe is full.", { toldBy: "r0" }),
];

async function writeRun(store: Store, id: string, extra: Partial<TownRecord> = {}): Promise<{ kept: StepEntry[] }> {
  const { written, kept } = frames();
  await store.append(id, "steps", written);
  await store.append(id, "chat", CHAT);
  await store.append(id, "memory", MEMORY);
  await store.append(id, "answers", [{ step: 1, q: "poignancy", h: "abc", a: 4 }]);
  await store.putSnapshot(id, 0, { version: 3, at: 0 });
  await store.putSnapshot(id, 300, { version: 3, at: 300 });
  await store.putTown(record(id, extra));
  return { kept };
}

/** The plain reading of the frames: fold every frame from the first, no index. */
function naive(data: ReplayData, step: number): Record<string, { x: number; y: number; action: string; emoji: string; place: string; conversationId: string }> {
  const out: ReturnType<typeof naive> = {};
  for (const f of data.frames) {
    if (f.step > step) break;
    if (f.full) for (const k of Object.keys(out)) delete out[k];
    for (const [id, x, y] of f.moved) out[id] = { ...(out[id] ?? { action: "", emoji: "", place: "", conversationId: "" }), x, y };
    for (const [id, action, emoji, place, conversationId] of f.acts) out[id] = { ...out[id], action, emoji, place, conversationId };
    for (const id of f.gone ?? []) delete out[id];
  }
  return out;
}

const folded = (p: PersonAt) => ({ x: p.x, y: p.y, action: p.action, emoji: p.emoji, place: p.place, conversationId: p.conversationId });

describe("loadReplay", () => {
  let store: FileStore;
  let data: ReplayData;
  let kept: StepEntry[];
  beforeAll(async () => {
    store = tempStore();
    const hash = TownPassword.of("sesame").toString();
    ({ kept } = await writeRun(store, "run-a", { password: hash }));
    data = (await loadReplay(store, "run-a"))!;
  });
  afterAll(() => store.close());

  test("the record comes without its password hash; unknown towns are null", async () => {
    expect(data.town.id).toBe("run-a");
    expect(data.town.hasPassword).toBe(true);
    expect(JSON.stringify(data)).not.toMatch(/[0-9a-f]{32}:[0-9a-f]{64}/);
    expect("password" in data.town).toBe(false);
    expect(await loadReplay(store, "no-such-town")).toBeNull();
    expect(data.damage).toEqual([]);
  });

  test("only the resumed branch is played, in step order", () => {
    expect(data.frames.map((f) => f.step)).toEqual(kept.map((f) => f.step));
    expect(data.frames).toEqual(kept);
    expect(data.frames.some((f) => f.acts.some((a) => a[1].startsWith("lost") && f.step > 300))).toBe(false);
  });

  test("names and looks come from the frames, the conversation from its lines", () => {
    expect(data.people.find((p) => p.id === "r1")).toEqual({ id: "r1", name: "Klaus Mueller", kind: "resident", sprite: "klaus_mueller" });
    expect(data.people.find((p) => p.id === "pvisitor")).toEqual({ id: "pvisitor", name: "Vi", kind: "person", sprite: "player_3" });
    expect(data.lines.map((l) => l.seq)).toEqual([1, 2, 3, 4]);
    expect(data.conversations).toEqual([
      { id: "c1", participants: ["r0", "r1"], participantNames: ["Isabella Rodriguez", "Klaus Mueller"], startMs: T0 + 101 * STEP_MS, endMs: T0 + 106 * STEP_MS, startStep: 101, endStep: 106, lines: 3 },
    ]);
  });

  test("thoughts: plans, planted, conversation summaries, reflections and heard thoughts, no events", () => {
    expect(data.thoughts.map((t) => [t.step, t.resident, t.kind])).toEqual([
      [0, "r0", "plan"], [90, "r1", "planted"], [115, "r0", "chat"], [200, "r0", "reflection"], [230, "r1", "thought"],
    ]);
    expect(data.thoughts[3]).toEqual({ step: 200, resident: "r0", gameTimeMs: T0 + 200 * STEP_MS, kind: "reflection", text: "I care about my regulars." });
  });

  test("stateAt matches a plain fold from the first frame at every step", () => {
    for (let s = 0; s < 700; s++) {
      const state = stateAt(data, s);
      const got = Object.fromEntries(Object.values(state.people).map((p) => [p.id, folded(p)]));
      expect([s, got]).toEqual([s, naive(data, s)]);
      expect(state.gameTimeMs).toBe(T0 + s * STEP_MS);
    }
  });

  test("stateAt: the latest thought, a line for a few game minutes, the visitor while in town, facing from the last move", () => {
    const at104 = stateAt(data, 104);
    expect(at104.people.r0.line?.text).toBe("Good morning Klaus!");
    expect(at104.people.r1.line?.text).toBe("Morning, Isabella. Busy day?");
    expect(at104.people.r0.conversationId).toBe("c1");
    expect(at104.people.r0.thought?.kind).toBe("plan");
    expect(at104.people.r1.thought?.text).toBe("There is a party on Friday.");
    expect(at104.people.r2.thought).toBeNull();
    expect(at104.people.r0.name).toBe("Isabella Rodriguez");
    const later = 106 + LINE_RECENT_MS / STEP_MS;
    expect(stateAt(data, later).people.r0.line?.text).toBe("The cafe is full of people.");
    expect(stateAt(data, later + 1).people.r0.line).toBeNull();
    expect(stateAt(data, 250).people.r0.thought?.kind).toBe("reflection");
    expect(stateAt(data, 399).people.pvisitor).toBeUndefined();
    expect(stateAt(data, 420).people.pvisitor).toMatchObject({ name: "Vi", kind: "person", x: 3, y: 3, line: { text: "Hello, anyone here?" } });
    expect(stateAt(data, 450).people.pvisitor).toBeUndefined();
    // Out of range clamps to the run.
    expect(stateAt(data, -5).step).toBe(0);
    expect(stateAt(data, 10_000).step).toBe(699);
    // Facing: the direction of each one's last move.
    for (let s = 1; s < 700; s++) {
      const f = data.frames[s];
      for (const [id, x, y] of f.moved) {
        const was = stateAt(data, s - 1).people[id];
        if (!was || f.full || (was.x === x && was.y === y)) continue;
        const dx = x - was.x;
        const dy = y - was.y;
        const want = Math.abs(dx) >= Math.abs(dy) ? (dx > 0 ? "right" : "left") : dy > 0 ? "down" : "up";
        expect([s, id, stateAt(data, s).people[id].facing]).toEqual([s, id, want]);
      }
    }
  });

  test("the store's damage is passed on, with what was read before it", async () => {
    const damage: Damage = { town: "run-a", where: "run-a/chat.log", position: "line 3, byte 812", message: "bad JSON" };
    // The same store, but its chat log reads as cut after two lines.
    const damaged: Store = {
      kind: store.kind, where: store.where,
      listTowns: () => store.listTowns(), getTown: (id) => store.getTown(id), putTown: (r) => store.putTown(r), deleteTown: (id) => store.deleteTown(id),
      putSnapshot: (id, step, d) => store.putSnapshot(id, step, d), snapshotSteps: (id) => store.snapshotSteps(id), getSnapshot: (id, at) => store.getSnapshot(id, at),
      deleteSnapshot: (id, step) => store.deleteSnapshot(id, step), append: (id, log, entries) => store.append(id, log, entries), close: () => store.close(),
      readLog: async <T,>(id: string, log: LogName) => {
        const read = await store.readLog<T>(id, log);
        return log === "chat" ? { entries: read.entries.slice(0, 2), damage } : read;
      },
    };
    const replay = (await loadReplay(damaged, "run-a"))!;
    expect(replay.damage).toEqual([damage]);
    expect(replay.lines).toHaveLength(2);
    expect((await exportRun(damaged, "run-a"))!.damage).toEqual([damage]);
  });
});

describe("stateAt on a two-day run of 25 residents", () => {
  test("folds from the nearest full frame or checkpoint: random seeks agree with a plain fold", () => {
    const next = rng(3);
    const ids = Array.from({ length: 25 }, (_, i) => `r${i}`);
    const pos = new Map(ids.map((id, i) => [id, { x: i, y: i }]));
    const all: StepEntry[] = [];
    // A headless run may write full frames only at the start and the end: the worst case.
    for (let s = 0; s <= 17_280; s++) {
      const full = s === 0 || s === 17_280;
      const moved: StepEntry["moved"] = [];
      const acts: StepEntry["acts"] = [];
      for (const id of ids) {
        const p = pos.get(id)!;
        const moves = !full && next() < 0.3;
        if (moves) p.x += next() < 0.5 ? 1 : -1;
        if (full || moves) {
          moved.push([id, p.x, p.y]);
          acts.push([id, `task ${s % 97}`, "", "the Ville:town:street", ""]);
        }
      }
      all.push({ step: s, gameTimeMs: T0 + s * STEP_MS, full, moved, acts });
    }
    const data: ReplayData = { town: { ...record("big"), hasPassword: false }, people: [], frames: all, lines: [], thoughts: [], conversations: [], damage: [] };
    const started = performance.now();
    const seeks = Array.from({ length: 400 }, () => Math.floor(next() * 17_281));
    const states = seeks.map((s) => stateAt(data, s));
    const seekMs = (performance.now() - started) / seeks.length;
    for (const [i, s] of seeks.slice(0, 12).entries()) {
      expect(Object.fromEntries(Object.values(states[i].people).map((p) => [p.id, folded(p)]))).toEqual(naive(data, s));
    }
    // Reported, not asserted: how long a seek takes on this machine.
    console.log(`stateAt on 17,281 frames x 25 residents: ${seekMs.toFixed(2)} ms per seek (index included)`);
  });
});

describe("run files", () => {
  let store: FileStore;
  let file: RunFile;
  beforeAll(async () => {
    store = tempStore();
    await writeRun(store, "run-b");
    file = (await exportRun(store, "run-b"))!.file;
  });
  afterAll(() => store.close());

  test("an export holds the record, every snapshot and every log; its pieces join to its JSON", async () => {
    expect(file.format).toBe("ville-run");
    expect(file.version).toBe(1);
    expect(file.town.id).toBe("run-b");
    expect(file.snapshots).toEqual([{ step: 0, data: { version: 3, at: 0 } }, { step: 300, data: { version: 3, at: 300 } }]);
    expect(file.logs.steps).toHaveLength(341 + 400);
    expect(file.logs.chat).toEqual(CHAT);
    expect(file.logs.memory).toEqual(MEMORY);
    expect(file.logs.answers).toEqual([{ step: 1, q: "poignancy", h: "abc", a: 4 }]);
    expect([...runFileChunks(file)].join("")).toBe(JSON.stringify(file));
    expect(await exportRun(store, "nope")).toBeNull();
  });

  test("imported into another store under its own id, it replays the same", async () => {
    const other = tempStore();
    try {
      const imported = await importRun(other, parseRunText([...runFileChunks(file)].join("")));
      expect(imported).toMatchObject({ id: "run-b", renamed: false, counts: { snapshots: 2, steps: 741, chat: 5, memory: 6, answers: 1 } });
      expect(await loadReplay(other, "run-b")).toEqual(await loadReplay(store, "run-b"));
      expect(await other.getSnapshot("run-b", 300)).toMatchObject({ step: 300, data: { at: 300 } });
    } finally {
      await other.close();
    }
  });

  test("imported where its id is taken, it gets a new id and the old town is untouched", async () => {
    const before = await loadReplay(store, "run-b");
    const imported = await importRun(store, { ...file, town: { ...file.town, isDefault: true } });
    expect(imported.renamed).toBe(true);
    expect(imported.id).not.toBe("run-b");
    expect(imported.id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(imported.town.isDefault).toBe(false);
    const copy = (await loadReplay(store, imported.id))!;
    expect(copy.frames).toEqual(before!.frames);
    expect(copy.town).toEqual({ ...before!.town, id: imported.id });
    expect(await loadReplay(store, "run-b")).toEqual(before);
    await expect(importRun(store, file, { id: "run-b" })).rejects.toThrow(/already stored/);
  });

  test("bad files are refused with where the damage is, and nothing is stored", async () => {
    const empty = tempStore();
    try {
      const text = JSON.stringify(file);
      const refuse = async (input: () => unknown, message: RegExp) => {
        let error: unknown;
        try {
          await importRun(empty, input());
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(RunFileError);
        expect((error as Error).message).toMatch(message);
      };
      await refuse(() => parseRunText(text.slice(0, text.length / 2)), /^not JSON/);
      await refuse(() => [1, 2], /expected a JSON object/);
      await refuse(() => ({ ...file, format: "zip" }), /"format" must be "ville-run"/);
      await refuse(() => ({ ...file, version: 2 }), /unsupported run file version 2/);
      const bent = structuredClone(file) as unknown as { logs: { steps: { moved: unknown[][] }[] } };
      bent.logs.steps[3].moved = [["r0", "x", 4]];
      await refuse(() => bent, /logs\.steps\[3\]\.moved\[0\]\[1\]/);
      await refuse(() => ({ ...file, town: { ...file.town, id: "../etc" } }), /town\.id/);
      await refuse(() => ({ ...file, logs: { ...file.logs, chat: undefined } }), /logs\.chat/);
      await refuse(() => ({ ...file, snapshots: [...file.snapshots, file.snapshots[0]] }), /step 0 is there twice/);
      expect(await empty.listTowns()).toEqual([]);
      expect((await empty.readLog("run-b", "steps")).entries).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});

describe("routes", () => {
  let store: FileStore;
  let base: string;
  let server: ReturnType<express.Application["listen"]>;
  beforeAll(async () => {
    store = tempStore();
    await writeRun(store, "open-town", { updatedAt: 3 });
    await writeRun(store, "hidden-town", { private: true, updatedAt: 2 });
    await writeRun(store, "locked-town", { password: TownPassword.of("sesame").toString(), updatedAt: 1, forkOf: { town: "open-town", step: 300 } });
    const app = express();
    mountRunRoutes(app, store);
    server = app.listen(0, "127.0.0.1");
    await new Promise((done) => server.once("listening", done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((done) => server.close(done));
    await store.close();
  });

  test("GET /api/runs lists saved public towns, newest first", async () => {
    const res = await fetch(`${base}/api/runs`);
    const { runs } = (await res.json()) as { runs: { id: string; hasPassword: boolean; forkOf?: unknown; closed: boolean; mode: string }[] };
    expect(runs.map((r) => r.id)).toEqual(["open-town", "locked-town"]);
    expect(runs[1]).toMatchObject({ hasPassword: true, forkOf: { town: "open-town", step: 300 }, closed: true, mode: "lockstep" });
  });

  test("a replay: public and private by id, a password town only with its password", async () => {
    const get = (id: string, password?: string) => fetch(`${base}/api/runs/${id}/replay`, { headers: password ? { [PASSWORD_HEADER]: password } : {} });
    const open = await get("open-town");
    expect(open.status).toBe(200);
    expect(((await open.json()) as ReplayData).frames).toHaveLength(700);
    expect(open.headers.get("content-encoding")).toBe("gzip");
    // Without gzip too.
    const plain = await fetch(`${base}/api/runs/open-town/replay`, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(((await plain.json()) as ReplayData).frames).toHaveLength(700);
    expect((await get("hidden-town")).status).toBe(200);
    expect((await get("no-such-town")).status).toBe(404);
    expect((await get("bad.id")).status).toBe(400);
    const none = await get("locked-town");
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ needsPassword: true, error: expect.stringMatching(/x-town-password/) });
    expect((await get("locked-town", "wrong")).status).toBe(403);
    const right = await get("locked-town", "sesame");
    expect(right.status).toBe(200);
    expect(((await right.json()) as ReplayData).town.hasPassword).toBe(true);
    expect((await fetch(`${base}/api/runs/locked-town/export`)).status).toBe(401);
  });

  test("export is an attachment that imports back; a bad import is a 400 and stores nothing", async () => {
    const res = await fetch(`${base}/api/runs/open-town/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="open-town.ville-run.json"');
    const text = await res.text();
    const parsed = parseRunText(text);
    expect(parsed.town.id).toBe("open-town");
    const before = (await store.listTowns()).length;
    const post = (body: string) => fetch(`${base}/api/runs/import`, { method: "POST", headers: { "content-type": "application/json" }, body });
    const ok = await post(text);
    expect(ok.status).toBe(201);
    const made = (await ok.json()) as { id: string; renamed: boolean; replay: string };
    expect(made.renamed).toBe(true);
    expect(made.replay).toBe(`/replay/${made.id}`);
    expect((await fetch(`${base}/api/runs/${made.id}/replay`)).status).toBe(200);
    for (const body of [text.slice(0, 1000), "{}", JSON.stringify({ ...parsed, logs: { ...parsed.logs, steps: [{ step: -1 }] } }), ""]) {
      const bad = await post(body);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: string }).error.length).toBeGreaterThan(10);
    }
    expect((await store.listTowns()).length).toBe(before + 1);
  });

  test("with an operator token set, only the operator imports", async () => {
    const app = express();
    mountRunRoutes(app, store, "operator-token-for-the-import-test");
    const guarded = app.listen(0, "127.0.0.1");
    await new Promise((done) => guarded.once("listening", done));
    const at = `http://127.0.0.1:${(guarded.address() as AddressInfo).port}`;
    try {
      const text = await (await fetch(`${at}/api/runs/open-town/export`)).text();
      const post = (headers: Record<string, string>) => fetch(`${at}/api/runs/import`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: text });
      const before = (await store.listTowns()).length;
      expect((await post({})).status).toBe(403);
      expect((await post({ "x-operator-token": "guess" })).status).toBe(403);
      expect((await store.listTowns()).length).toBe(before);
      expect((await post({ "x-operator-token": "operator-token-for-the-import-test" })).status).toBe(201);
    } finally {
      await new Promise((done) => guarded.close(done));
    }
  });
});
