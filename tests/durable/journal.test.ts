/**
 * The journal keeps everything a town makes, and a store that goes away loses nothing:
 * Redis stopped and started again mid-run, a disk that is full. The town runs on
 * meanwhile; what it made is written once the store is back. A town brought back from
 * its store has every memory and line, also those made after its last snapshot.
 */
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OfflineMind } from "../../server/mind/offline/offline-mind";
import { journaled, newRecord, resumeTown } from "../../server/durable/saved-town";
import { FileStore } from "../../server/store/file-store";
import { RedisStore } from "../../server/store/redis-store";
import type { ChatEntry, MemoryEntry } from "../../server/store/entries";
import type { Store } from "../../server/store/store";
import { createTown } from "../../server/town-factory";
import type { Town } from "../../server/town/town";
import { startRedis } from "../store/redis-server";

const quiet = () => undefined;

/** A ville-3 town journaled into `store`, counting every memory and line it makes. */
function journaledTown(store: Store, id: string, log: (m: string) => void = quiet) {
  const made = { memory: 0, chat: 0 };
  const { town, journal } = journaled(store, new OfflineMind(5), (mind) => createTown({ scenario: "ville-3", seed: 5, mind, startTime: "2023-02-13T07:00:00Z" }), (t) => newRecord(t, { id, name: "test", mode: "lockstep" }), {
    snapshotEvery: 1000,
    keepEvery: 1000,
    log,
    retryMs: 50,
  });
  const onMemory = town.onMemory!;
  town.onMemory = (r, n) => {
    made.memory++;
    onMemory(r, n);
  };
  const onLine = town.onLine!;
  town.onLine = (l) => {
    made.chat++;
    onLine(l);
  };
  return { town, journal, made };
}

async function steps(town: Town, n: number, each?: () => unknown): Promise<void> {
  for (let i = 0; i < n; i++) {
    town.step();
    await town.settle();
    await each?.();
  }
}

test("Redis stopped and started again during a run: nothing is lost", async () => {
  const redis = await startRedis({ aof: true });
  const store = new RedisStore(redis.url, { log: quiet });
  try {
    const { town, journal, made } = journaledTown(store, "outage");
    await journal.saveRecord();
    await journal.snapshot();
    await steps(town, 60, () => journal.stepped());
    expect(await journal.commit()).toBe(true);
    await redis.stop();
    // The town runs on; the journal keeps what it makes.
    await steps(town, 60, () => journal.stepped());
    town.whisper(town.residents[0].id, "the bridge is closed tomorrow");
    await town.settle();
    expect(await journal.commit()).toBe(false);
    expect(journal.status.failure).toMatch(/./);
    expect(journal.status.pending).toBeGreaterThan(0);
    await redis.restart();
    // Retried with backoff; a commit now writes everything.
    for (let i = 0; i < 100 && !(await journal.commit()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(journal.status).toEqual({ pending: 0, failure: null });
    const memory = (await store.readLog<MemoryEntry>("outage", "memory")).entries;
    expect(memory).toHaveLength(made.memory);
    expect(memory.some((e: MemoryEntry) => e.node.description.includes("bridge is closed"))).toBe(true);
    expect((await store.readLog<ChatEntry>("outage", "chat")).entries).toHaveLength(made.chat);
    expect((await store.readLog("outage", "steps")).entries.length).toBe(120);
  } finally {
    await store.close();
    await redis.stop();
  }
}, 120_000);

test("a full disk is reported, the town runs on, and the entries are written when there is room again", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ville-full-"));
  const store = new FileStore(dir);
  const logged: string[] = [];
  const { town, journal, made } = journaledTown(store, "full", (m) => logged.push(m));
  await journal.saveRecord();
  // Every write to the memory log now fails as on a full disk.
  const file = join(dir, "towns", "full", "memory.jsonl");
  rmSync(file, { force: true });
  symlinkSync("/dev/full", file);
  await steps(town, 30, () => journal.stepped());
  expect(await journal.commit()).toBe(false);
  expect(logged.join("\n")).toMatch(/disk full|ENOSPC/i);
  expect(town.clock.step).toBe(30);
  rmSync(file);
  for (let i = 0; i < 100 && !(await journal.commit()); i++) await new Promise((r) => setTimeout(r, 50));
  expect((await store.readLog("full", "memory")).entries).toHaveLength(made.memory);
  expect(logged.join("\n")).toMatch(/store is back/);
});

test("a town comes back with the memories and lines made after its last snapshot", async () => {
  const store = new FileStore(mkdtempSync(join(tmpdir(), "ville-resume-")));
  const { town, journal } = journaledTown(store, "after");
  await journal.saveRecord();
  await journal.snapshot();
  await steps(town, 40, () => journal.stepped());
  town.whisper(town.residents[1].id, "the mayor is stepping down");
  await town.settle();
  town.emit({ conversationId: "", channel: "town", from: "p1", fromName: "Ana", to: null, toName: null, participants: [], participantNames: [], text: "hello after the snapshot", gameTimeMs: town.clock.nowMs, x: 0, y: 0 });
  expect(await journal.commit()).toBe(true);
  // No snapshot since step 0: a crash now. Bring it back from the store.
  const back = await resumeTown(store, "after", new OfflineMind(5), { snapshotEvery: 1000, keepEvery: 1000, log: quiet });
  expect(back.fromSnapshot).toBe(0);
  expect(back.restored.memory).toBeGreaterThan(0);
  expect(back.town.clock.step).toBe(40);
  for (const r of town.residents) expect(back.town.resident(r.id)!.memory.nodes().map((n) => n.id)).toEqual(r.memory.nodes().map((n) => n.id));
  expect(back.town.recentFeed().map((l) => l.text)).toContain("hello after the snapshot");
});

test("damage in a log is reported with the town, the file and the position, and what comes before it is kept", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ville-damage-"));
  const store = new FileStore(dir);
  const { town, journal } = journaledTown(store, "damaged");
  await journal.saveRecord();
  await journal.snapshot();
  await steps(town, 20, () => journal.stepped());
  await journal.commit();
  const { appendFileSync } = await import("node:fs");
  appendFileSync(join(dir, "towns", "damaged", "memory.jsonl"), '{"step": 21, "resident": "r0", "no');
  const logged: string[] = [];
  const back = await resumeTown(store, "damaged", new OfflineMind(5), { snapshotEvery: 1000, keepEvery: 1000, log: (m) => logged.push(m) });
  expect(back.damage).toHaveLength(1);
  expect(back.damage[0]).toMatchObject({ town: "damaged", where: expect.stringContaining("memory.jsonl"), position: expect.stringMatching(/line \d+/) });
  expect(logged.join("\n")).toMatch(/damaged.*memory\.jsonl.*line \d+/);
  for (const r of town.residents) expect(back.town.resident(r.id)!.memory.size).toBe(r.memory.size);
});
