/**
 * One contract, two stores: files in a temp dir, and a real redis-server (a fresh key
 * prefix per test). Then what only one of them has: a full disk for files, an outage
 * and a restart for Redis.
 */
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { FileStore } from "../../server/store/file-store";
import { JsonText } from "../../server/store/json-text";
import { openStore } from "../../server/store/open-store";
import { RedisStore, redisWhere } from "../../server/store/redis-store";
import { StoreError, type Store, type TownRecord } from "../../server/store/store";
import { startRedis, type TestRedis } from "./redis-server";

function record(id: string, over: Partial<TownRecord> = {}): TownRecord {
  return { id, name: `Town ${id}`, scenario: "ville", map: "ville", mind: "offline", mode: "live", seed: 7, private: false, hostId: null, isDefault: false, createdAt: 1000, updatedAt: 2000, step: 0, gameTimeMs: 0, ...over };
}

/** What each backend gives a test: the store, a second one on the same data, and ways to damage it. */
interface Place {
  store: Store;
  logs: string[];
  reopen(): Store;
  /** Damages the end of a log holding `count` entries; returns where and at what position readers must say. */
  damageLog(id: string, log: "chat", count: number): Promise<{ where: string; position: string }>;
  /** Makes a snapshot unreadable; returns its file or key. */
  damageSnapshot(id: string, step: number): Promise<string>;
  done(): Promise<void>;
}

interface Backend {
  name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  place(): Promise<Place>;
}

const files: Backend = {
  name: "files",
  start: async () => {},
  stop: async () => {},
  place: async () => {
    const dir = mkdtempSync(join(tmpdir(), "ville-store-"));
    const logs: string[] = [];
    const store = new FileStore(dir, { log: (m) => logs.push(m) });
    return {
      store,
      logs,
      reopen: () => new FileStore(dir, { log: (m) => logs.push(m) }),
      damageLog: async (id, log, count) => {
        // A crash in the middle of a write: the last line stops short, no newline.
        const path = join(dir, "towns", id, `${log}.jsonl`);
        const size = statSync(path).size;
        appendFileSync(path, '{"n": 99, "text": "cut sho');
        return { where: path, position: `line ${count + 1}, byte ${size}` };
      },
      damageSnapshot: async (id, step) => {
        const path = join(dir, "towns", id, "snapshots", `${String(step).padStart(10, "0")}.json`);
        writeFileSync(path, '{"residents": [1, 2');
        return path;
      },
      done: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

let shared: TestRedis | null = null;
let raw: Redis | null = null;
let prefixes = 0;
const redis: Backend = {
  name: "redis",
  start: async () => {
    shared = await startRedis({ aof: false });
    raw = new Redis(shared.url);
  },
  stop: async () => {
    await raw?.quit();
    await shared?.destroy();
  },
  place: async () => {
    const prefix = `t${++prefixes}-${process.pid}:`;
    const logs: string[] = [];
    const store = new RedisStore(shared!.url, { prefix, log: (m) => logs.push(m) });
    return {
      store,
      logs,
      reopen: () => new RedisStore(shared!.url, { prefix, log: (m) => logs.push(m) }),
      damageLog: async (id, log, count) => {
        const key = `${prefix}town:${id}:log:${log}`;
        // Something not JSON in the middle, and a good entry after it that must not show.
        await raw!.rpush(key, "{not json", JSON.stringify({ n: 100 }));
        return { where: key, position: `index ${count}` };
      },
      damageSnapshot: async (id, step) => {
        const key = `${prefix}town:${id}:snap:${step}`;
        await raw!.set(key, '{"residents": [1, 2');
        return key;
      },
      done: () => store.close(),
    };
  },
};

describe.each([files, redis])("the $name store", (backend) => {
  let place: Place;
  let store: Store;
  const extra: Store[] = [];
  beforeAll(() => backend.start());
  afterAll(() => backend.stop());
  beforeEach(async () => {
    place = await backend.place();
    store = place.store;
  });
  afterEach(async () => {
    await Promise.all(extra.splice(0).map((s) => s.close()));
    await place.done();
  });
  const reopen = () => {
    const s = place.reopen();
    extra.push(s);
    return s;
  };

  test("keeps town records: put, get, list, replace, delete", async () => {
    expect(store.kind).toBe(backend.name);
    expect(await store.listTowns()).toEqual([]);
    expect(await store.getTown("nobody")).toBeNull();
    await store.putTown(record("beta"));
    await store.putTown(record("alpha", { private: true, password: "aa:bb", forkOf: { town: "beta", step: 30 } }));
    expect(await store.getTown("alpha")).toEqual(record("alpha", { private: true, password: "aa:bb", forkOf: { town: "beta", step: 30 } }));
    expect((await store.listTowns()).map((t) => t.id).sort()).toEqual(["alpha", "beta"]);

    await store.putTown(record("beta", { name: "Renamed", step: 90, closed: true }));
    // Another store on the same data reads what was written.
    const again = reopen();
    expect(await again.getTown("beta")).toEqual(record("beta", { name: "Renamed", step: 90, closed: true }));

    await store.putSnapshot("beta", 30, { at: 30 });
    await store.append("beta", "chat", [{ step: 1 }]);
    await store.deleteTown("beta");
    expect(await store.getTown("beta")).toBeNull();
    expect((await store.listTowns()).map((t) => t.id)).toEqual(["alpha"]);
    expect(await store.snapshotSteps("beta")).toEqual([]);
    expect(await store.getSnapshot("beta")).toBeNull();
    expect(await store.readLog("beta", "chat")).toEqual({ entries: [] });
    await store.deleteTown("beta"); // twice is fine
  });

  test("keeps snapshots by step: newest, at or before a step, replaced, deleted", async () => {
    await store.putTown(record("snappy"));
    expect(await store.getSnapshot("snappy")).toBeNull();
    for (const step of [30, 10, 20]) await store.putSnapshot("snappy", step, { step, residents: [{ id: "ana", x: step }] });
    expect(await store.snapshotSteps("snappy")).toEqual([10, 20, 30]);
    expect(await store.getSnapshot("snappy")).toEqual({ step: 30, data: { step: 30, residents: [{ id: "ana", x: 30 }] } });
    expect((await store.getSnapshot("snappy", 25))?.step).toBe(20);
    expect((await store.getSnapshot("snappy", 20))?.step).toBe(20);
    expect(await store.getSnapshot("snappy", 9)).toBeNull();

    // A snapshot already written as JSON text, in pieces (a big town's), reads back as its data.
    await store.putSnapshot("snappy", 40, new JsonText(['{"step":40,"residents":[', '{"id":"ana"}', ',{"id":"bo"}', "]}"]));
    expect(await store.getSnapshot("snappy")).toEqual({ step: 40, data: { step: 40, residents: [{ id: "ana" }, { id: "bo" }] } });
    await store.deleteSnapshot("snappy", 40);

    await store.putSnapshot("snappy", 20, { replaced: true });
    expect(await store.getSnapshot("snappy", 20)).toEqual({ step: 20, data: { replaced: true } });
    expect(await store.snapshotSteps("snappy")).toEqual([10, 20, 30]);

    await store.deleteSnapshot("snappy", 30);
    await store.deleteSnapshot("snappy", 31); // none there: fine
    expect(await store.snapshotSteps("snappy")).toEqual([10, 20]);
    expect((await store.getSnapshot("snappy"))?.step).toBe(20);
    expect((await reopen().getSnapshot("snappy", 15))?.data).toEqual({ step: 10, residents: [{ id: "ana", x: 10 }] });
    await expect(store.putSnapshot("snappy", -1, {})).rejects.toBeInstanceOf(StoreError);
    await expect(store.putSnapshot("snappy", 1.5, {})).rejects.toBeInstanceOf(StoreError);
  });

  test("appends keep their order across many concurrent calls, log by log", async () => {
    const expected: object[] = [];
    const calls: Promise<void>[] = [];
    for (let call = 0; call < 60; call++) {
      const batch = Array.from({ length: (call % 3) + 1 }, (_, k) => ({ step: call, k, text: `line ${call}.${k} with "quotes"\nand a newline` }));
      expected.push(...batch);
      calls.push(store.append("busy", "chat", batch));
      calls.push(store.append("busy", "steps", [{ step: call }]));
    }
    await Promise.all(calls);
    expect((await store.readLog("busy", "chat")).entries).toEqual(expected);
    expect((await store.readLog("busy", "steps")).entries).toEqual(Array.from({ length: 60 }, (_, step) => ({ step })));
    expect(await reopen().readLog("busy", "chat")).toEqual({ entries: expected });
    await store.append("busy", "chat", []);
    expect((await store.readLog("busy", "chat")).entries).toHaveLength(expected.length);
  });

  test("a log never written reads empty, for a known town or a missing one", async () => {
    expect(await store.readLog("ghost", "memory")).toEqual({ entries: [] });
    await store.putTown(record("quiet"));
    await store.append("quiet", "chat", [{ step: 1 }]);
    expect(await store.readLog("quiet", "answers")).toEqual({ entries: [] });
  });

  test("a damaged log gives the entries before the damage, and says where", async () => {
    await store.putTown(record("broken"));
    const good = [{ n: 1 }, { n: 2, text: "ü ✓" }, { n: 3 }];
    await store.append("broken", "chat", good);
    const { where, position } = await place.damageLog("broken", "chat", good.length);
    const read = await store.readLog("broken", "chat");
    expect(read.entries).toEqual(good);
    expect(read.damage).toEqual({ town: "broken", where, position, message: expect.stringMatching(/JSON/) });
    // The other logs are unaffected.
    await store.append("broken", "memory", [{ n: 1 }]);
    expect(await store.readLog("broken", "memory")).toEqual({ entries: [{ n: 1 }] });
  });

  test("a corrupted newest snapshot: the one before it is returned, the damage reported", async () => {
    await store.putTown(record("shaky"));
    await store.putSnapshot("shaky", 10, { step: 10 });
    await store.putSnapshot("shaky", 20, { step: 20 });
    const where = await place.damageSnapshot("shaky", 20);
    const read = await store.getSnapshot("shaky");
    expect(read?.step).toBe(10);
    expect(read?.data).toEqual({ step: 10 });
    expect(read?.damage).toEqual([{ town: "shaky", where, position: expect.any(String), message: expect.stringContaining("step 20") }]);
    expect(await store.getSnapshot("shaky", 15)).toEqual({ step: 10, data: { step: 10 } });
    // With no intact one left, that is an error naming the town, not a quiet null.
    await place.damageSnapshot("shaky", 10);
    await expect(store.getSnapshot("shaky")).rejects.toMatchObject({ name: "StoreError", code: "DAMAGED", town: "shaky", message: expect.stringContaining("shaky") });
  });

  test("refuses ids that cannot name a file or key", async () => {
    for (const bad of ["", "../up", "a/b", "a b", "a:b", "x".repeat(65), "ä"]) {
      await expect(store.getTown(bad)).rejects.toBeInstanceOf(StoreError);
      await expect(store.putTown(record(bad))).rejects.toBeInstanceOf(StoreError);
      await expect(store.deleteTown(bad)).rejects.toBeInstanceOf(StoreError);
      await expect(store.putSnapshot(bad, 1, {})).rejects.toBeInstanceOf(StoreError);
      await expect(store.getSnapshot(bad)).rejects.toBeInstanceOf(StoreError);
      await expect(store.append(bad, "chat", [{ n: 1 }])).rejects.toBeInstanceOf(StoreError);
      await expect(store.readLog(bad, "chat")).rejects.toBeInstanceOf(StoreError);
    }
    await expect(store.append("fine", "nope" as "chat", [{ n: 1 }])).rejects.toBeInstanceOf(StoreError);
    expect(await store.listTowns()).toEqual([]);
  });
});

describe("the file store only", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "ville-files-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("a full disk is a StoreError naming the town, the file and ENOSPC", async () => {
    const store = new FileStore(dir);
    await store.putTown(record("abc"));
    const path = join(dir, "towns", "abc", "chat.jsonl");
    symlinkSync("/dev/full", path);
    const err = await store.append("abc", "chat", [{ n: 1 }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({ code: "ENOSPC", town: "abc", where: path });
    expect((err as StoreError).message).toBe(`disk full (ENOSPC) writing ${path}`);
    // Other logs of the town still work.
    await store.append("abc", "memory", [{ n: 1 }]);
    expect((await store.readLog("abc", "memory")).entries).toEqual([{ n: 1 }]);
  });

  test("appending after a crash cut a line short drops that line (and says so), so new entries are readable", async () => {
    const logs: string[] = [];
    const store = new FileStore(dir, { log: (m) => logs.push(m) });
    await store.append("cut", "steps", [{ step: 1 }, { step: 2 }]);
    const path = join(dir, "towns", "cut", "steps.jsonl");
    appendFileSync(path, '{"step": 3, "mov');
    expect((await store.readLog("cut", "steps")).damage?.position).toBe(`line 3, byte ${'{"step":1}\n{"step":2}\n'.length}`);
    await store.append("cut", "steps", [{ step: 3 }]);
    expect(await store.readLog("cut", "steps")).toEqual({ entries: [{ step: 1 }, { step: 2 }, { step: 3 }] });
    expect(logs).toEqual([expect.stringContaining(`dropped an unfinished last line (16 bytes at byte 22) of ${path}`)]);
    // A last line that is whole JSON and only lost its newline is kept.
    appendFileSync(path, '{"step":4}');
    await store.append("cut", "steps", [{ step: 5 }]);
    expect((await store.readLog("cut", "steps")).entries).toEqual([{ step: 1 }, { step: 2 }, { step: 3 }, { step: 4 }, { step: 5 }]);
  });

  test("listTowns skips an unreadable town.json and names it", async () => {
    const logs: string[] = [];
    const store = new FileStore(dir, { log: (m) => logs.push(m) });
    await store.putTown(record("good"));
    mkdirSync(join(dir, "towns", "bad"), { recursive: true });
    writeFileSync(join(dir, "towns", "bad", "town.json"), "{ half");
    await store.append("logsonly", "chat", [{ n: 1 }]); // no record yet: not a town, not damage
    expect((await store.listTowns()).map((t) => t.id)).toEqual(["good"]);
    expect(logs).toEqual([expect.stringContaining(join(dir, "towns", "bad", "town.json"))]);
    await expect(store.getTown("bad")).rejects.toMatchObject({ code: "DAMAGED", town: "bad" });
  });

  test("openStore picks files without a Redis URL", async () => {
    const store = openStore({ dataDir: dir });
    expect(store.kind).toBe("files");
    expect(store.where).toBe(dir);
    await store.close();
  });
});

describe("the Redis store only", () => {
  let server: TestRedis;
  beforeAll(async () => {
    server = await startRedis({ aof: true });
  });
  afterAll(() => server.destroy());

  test("with Redis stopped, calls fail fast with UNAVAILABLE; after a restart the old data is there and appends work", async () => {
    const logs: string[] = [];
    const unhandled = jest.spyOn(console, "error");
    const store = new RedisStore(server.url, { prefix: "outage:", log: (m) => logs.push(m) });
    try {
      await store.putTown(record("town1"));
      await store.append("town1", "chat", [{ n: 1 }, { n: 2 }]);

      await server.stop();
      // A hang would be caught here rather than at the test timeout.
      const hung = new Promise<"hung">((done) => setTimeout(() => done("hung"), 5000).unref());
      for (let i = 0; i < 3; i++) {
        const err = await Promise.race([store.append("town1", "chat", [{ n: 3 }]).then(() => "written", (e: unknown) => e), hung]);
        expect(err).toBeInstanceOf(StoreError);
        expect(err).toMatchObject({ code: "UNAVAILABLE", town: "town1", where: "outage:town:town1:log:chat" });
        expect((err as StoreError).message).toContain(server.url);
      }
      await expect(store.getTown("town1")).rejects.toMatchObject({ code: "UNAVAILABLE" });
      // Let a few reconnection attempts fail: the outage is still said once.
      await new Promise((r) => setTimeout(r, 1000));
      expect(logs.filter((m) => m.includes("unreachable"))).toHaveLength(1);

      await server.restart();
      let written = false;
      for (let tries = 0; !written && tries < 100; tries++) {
        written = await store.append("town1", "chat", [{ n: 3 }]).then(() => true, () => false);
        if (!written) await new Promise((r) => setTimeout(r, 100));
      }
      expect(written).toBe(true);
      expect((await store.readLog("town1", "chat")).entries).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
      expect((await store.getTown("town1"))?.name).toBe("Town town1");
      expect(logs.filter((m) => m.includes("is back"))).toHaveLength(1);
      expect(unhandled.mock.calls.flat().join(" ")).not.toMatch(/Unhandled error event/);
    } finally {
      unhandled.mockRestore();
      await store.close();
    }
  });

  test("a store opened while Redis is down says so once and fails fast, without crashing", async () => {
    const logs: string[] = [];
    const port = server.port;
    await server.stop();
    const store = new RedisStore(`redis://127.0.0.1:${port}`, { log: (m) => logs.push(m) });
    try {
      await expect(store.listTowns()).rejects.toMatchObject({ code: "UNAVAILABLE" });
      await expect(store.readLog("x", "chat")).rejects.toMatchObject({ code: "UNAVAILABLE" });
      expect(logs).toHaveLength(1);
    } finally {
      await store.close();
      await server.restart();
    }
  });

  test("openStore picks Redis with a URL; messages carry the address without credentials", async () => {
    const store = openStore({ dataDir: "/nonexistent", redisUrl: server.url, prefix: "open:" });
    expect(store.kind).toBe("redis");
    expect(store.where).toBe(server.url);
    await store.putTown(record("opened"));
    expect((await store.listTowns()).map((t) => t.id)).toEqual(["opened"]);
    await store.close();
    expect(redisWhere("redis://user:s3cret@10.0.0.5:6380/2")).toBe("redis://10.0.0.5:6380/2");
  });
});
