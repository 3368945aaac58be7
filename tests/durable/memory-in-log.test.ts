/**
 * A journaled town's snapshots point into its memory log instead of repeating every
 * memory: read back, they are the town as it was (access times included), a resumed
 * town lives on exactly as the one that kept running, and a memory log cut short makes
 * the reader fall back to an older snapshot the log still holds, saying so.
 */
import { mkdtempSync, readFileSync, readdirSync, truncateSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OfflineMind } from "../../server/mind/offline/offline-mind";
import { journaled, newRecord, readSaved, resumeTown } from "../../server/durable/saved-town";
import { FileStore } from "../../server/store/file-store";
import { createTown } from "../../server/town-factory";
import { snapshotTown } from "../../server/town/snapshot";
import type { Town } from "../../server/town/town";

const quiet = () => undefined;
const options = { snapshotEvery: 150, keepEvery: 150, log: quiet };

function loggedTown(dir: string, id: string) {
  const store = new FileStore(dir);
  const { town, journal } = journaled(store, new OfflineMind(7), (mind) => createTown({ scenario: "ville-3", seed: 7, mind, startTime: "2023-02-13T07:00:00Z" }), (t) => newRecord(t, { id, name: "test", mode: "lockstep" }), options);
  journal.logAllMemories();
  return { store, town, journal };
}

async function run(town: Town, n: number, each: () => unknown = () => undefined): Promise<void> {
  for (let i = 0; i < n; i++) {
    town.step();
    await town.settle();
    each();
  }
}

const plain = (town: Town) => JSON.parse(JSON.stringify(snapshotTown(town)));

describe("snapshots that point into the memory log", () => {
  test("a snapshot holds no memories, and reads back as the whole town, access times and all", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ville-memlog-"));
    const { store, town, journal } = loggedTown(dir, "pointer");
    await journal.saveRecord();
    await run(town, 300, () => journal.stepped());
    const expected = plain(town);
    await journal.snapshot();
    const file = join(dir, "towns", "pointer", "snapshots", `${String(300).padStart(10, "0")}.json`);
    const raw = JSON.parse(readFileSync(file, "utf8"));
    expect(raw.memoryInLog).toBe(true);
    for (const r of raw.residents) expect(r.memory).not.toHaveProperty("nodes");
    // Retrieval marked some memories since they were made; the snapshot keeps those times.
    expect(raw.residents.some((r: { memory: { accessed: number[] } }) => r.memory.accessed.length > 0)).toBe(true);
    // What the snapshot leaves out is about all its memories' text.
    const nodesText = expected.residents.reduce((n: number, r: { memory: { nodes: unknown[] } }) => n + JSON.stringify(r.memory.nodes).length, 0);
    expect(JSON.stringify(expected).length - statSync(file).size).toBeGreaterThan(nodesText * 0.9);
    const saved = await readSaved(store, "pointer");
    expect(saved.snap.step).toBe(300);
    expect(saved.damage).toEqual([]);
    expect(saved.snap.data).toEqual(expected);
    await store.close();
  });

  test("a town resumed from such a snapshot lives on exactly as the one that kept running", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ville-memlog-"));
    const { store, town, journal } = loggedTown(dir, "resumed");
    await journal.saveRecord();
    await run(town, 300, () => journal.stepped());
    await journal.snapshot();
    const back = await resumeTown(store, "resumed", new OfflineMind(7), options);
    expect(back.fromSnapshot).toBe(300);
    await run(town, 200);
    await run(back.town, 200);
    expect(JSON.stringify(snapshotTown(back.town))).toBe(JSON.stringify(snapshotTown(town)));
    await store.close();
  });

  test("a memory log cut short: the newest snapshot the log still holds is used, and the damage is said", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ville-memlog-"));
    const { store, town, journal } = loggedTown(dir, "cut");
    await journal.saveRecord();
    await run(town, 150, () => journal.stepped());
    await journal.commit();
    const log = join(dir, "towns", "cut", "memory.jsonl");
    const atFirst = statSync(log).size;
    const expected = plain(town);
    await run(town, 150, () => journal.stepped());
    await journal.commit();
    expect(readdirSync(join(dir, "towns", "cut", "snapshots"))).toHaveLength(2);
    expect(statSync(log).size).toBeGreaterThan(atFirst + 100);
    // Cut inside the memories made after step 150: the snapshot at 300 counts on them.
    truncateSync(log, atFirst + 50);
    const saved = await readSaved(store, "cut");
    expect(saved.snap.step).toBe(150);
    expect(saved.snap.data).toEqual(expected);
    const said = saved.damage.map((d) => `${d.where} ${d.position} ${d.message}`).join("\n");
    expect(said).toMatch(/memory\.jsonl.*line \d+/);
    expect(said).toMatch(/snapshot at step 300.*the memory log holds \d+ memories/);
    await store.close();
  });
});
