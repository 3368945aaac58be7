/**
 * Recorded runs replay and fork exactly. Runs go through `npm run simulate` child
 * processes (jest's sandbox runs the simulation many times slower than plain Node); the
 * language-model run talks to a loopback OpenAI-compatible server in this process, which
 * counts every request, so "no model request" is measured, not assumed.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { fakeAnswer } from "../../bench/llm-fake-answers";
import { FileStore } from "../../server/store/file-store";
import type { StepEntry } from "../../server/store/entries";
import { startFakeOpenAI, type FakeOpenAI } from "../llm/fake-openai-server";

const run = promisify(execFile);

async function simulate(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/simulate.ts", "--quiet", "--data-dir", dataDir, "--out", join(dataDir, "out"), ...args], {
    encoding: "utf8",
    env: { ...process.env, MIND: "offline", ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

function savedId(stdout: string): string {
  const m = /Saved run (\S+) in /.exec(stdout);
  if (!m) throw new Error(`no "Saved run" in:\n${stdout}`);
  return m[1];
}

/** Size and modification time of every file of a town: what must not change when a fork runs. */
function fingerprint(dataDir: string, id: string): string {
  const dir = join(dataDir, "towns", id);
  const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [`${join(d, f)}:${statSync(join(d, f)).size}:${statSync(join(d, f)).mtimeMs}`]));
  return walk(dir).sort().join("\n");
}

describe("offline runs", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "ville-fork-"));
  let source = "";

  beforeAll(async () => {
    source = savedId(await simulate(dataDir, ["--scenario", "ville-3", "--days", "0.5", "--seed", "3"]));
  }, 120_000);

  test("a recorded run replays with every position and action as recorded", async () => {
    const out = await simulate(dataDir, ["--replay", source]);
    expect(out).toMatch(/Replayed 4320 steps/);
    expect(out).toContain("Every position and action matches the recording.");
  }, 120_000);

  test("a fork at step N starts at N, with its intervention, and leaves its source as it was", async () => {
    const before = fingerprint(dataDir, source);
    const out = await simulate(dataDir, ["--fork", source, "--at-step", "2000", "--days", "0.05", "--whisper", "Klaus Mueller: I should write to my sister tonight"]);
    const forked = /Forked \S+ at step 2000 as (\S+):/.exec(out)?.[1];
    expect(forked).toBeDefined();
    expect(fingerprint(dataDir, source)).toBe(before);

    const store = new FileStore(dataDir);
    const record = await store.getTown(forked!);
    expect(record?.forkOf).toEqual({ town: source, step: 2000 });
    const frames = (await store.readLog<StepEntry>(forked!, "steps")).entries;
    expect(frames[frames.length - 1].step).toBe(2000 + Math.round(0.05 * 8640));
    // The whispered thought is in Klaus's memory in the fork and nowhere in the source.
    const has = async (id: string) => (await store.readLog<{ node: { description: string } }>(id, "memory")).entries.some((e) => e.node.description.includes("write to my sister"));
    expect(await has(forked!)).toBe(true);
    expect(await has(source)).toBe(false);
    await store.close();
  }, 120_000);

  test("a fork without a resident goes on without them; the source still has them", async () => {
    const out = await simulate(dataDir, ["--fork", source, "--at-step", "3000", "--days", "0.1", "--remove", "Maria Lopez"]);
    const forked = /Forked \S+ at step 3000 as (\S+):/.exec(out)![1];
    const store = new FileStore(dataDir);
    const frames = (await store.readLog<StepEntry>(forked, "steps")).entries;
    const last = frames.filter((f) => f.full).pop()!;
    const mariaId = (await store.readLog<StepEntry>(source, "steps")).entries[0].people!.find(([, name]) => name === "Maria Lopez")![0];
    expect(last.moved.map(([id]) => id)).not.toContain(mariaId);
    expect(frames[frames.length - 1].step).toBe(3000 + 864);
    const src = (await store.readLog<StepEntry>(source, "steps")).entries;
    expect(src.filter((f) => f.full).pop()!.moved.map(([id]) => id)).toContain(mariaId);
    await expect(simulate(dataDir, ["--fork", source, "--days", "0", "--remove", "Nobody Atall"])).rejects.toThrow(/no resident "Nobody Atall"/);
    await store.close();
  }, 120_000);
});

describe("a run on a language model", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "ville-llm-fork-"));
  let fake: FakeOpenAI;
  let source = "";
  let env: Record<string, string>;

  beforeAll(async () => {
    fake = await startFakeOpenAI({ answer: fakeAnswer });
    env = { MIND: "openai", OPENAI_API_KEY: "test", OPENAI_BASE_URL: fake.url };
    source = savedId(await simulate(dataDir, ["--scenario", "ville-3", "--days", "0.25", "--seed", "1", "--start", "2023-02-13T07:00:00Z"], env));
  }, 300_000);

  afterAll(async () => {
    await fake.close();
  });

  test("the recording holds the model's answers", async () => {
    const store = new FileStore(dataDir);
    const answers = (await store.readLog<{ q: string }>(source, "answers")).entries;
    expect(fake.requests.length).toBeGreaterThan(50);
    // Every question the town asked, of several kinds, each answer used once.
    expect(new Set(answers.map((a) => a.q)).size).toBeGreaterThanOrEqual(4);
    expect(answers.length).toBeGreaterThan(50);
    await store.close();
  });

  test("a fork at step N replays to N without one model request", async () => {
    const asked = fake.requests.length;
    const out = await simulate(dataDir, ["--fork", source, "--at-step", "1500", "--days", "0"], env);
    expect(out).toMatch(/Forked \S+ at step 1500 as \S+: [1-9]\d* recorded answers replayed, 0 questions asked/);
    expect(fake.requests.length).toBe(asked);
  }, 300_000);

  test("replaying the run reproduces every position without one model request", async () => {
    const asked = fake.requests.length;
    const out = await simulate(dataDir, ["--replay", source], env);
    expect(out).toContain("Every position and action matches the recording.");
    expect(out).toMatch(/, 0 questions asked/);
    expect(fake.requests.length).toBe(asked);
  }, 300_000);

  test("the source's files are plain JSON lines a person can read", () => {
    const text = readFileSync(join(dataDir, "towns", source, "answers.jsonl"), "utf8");
    expect(JSON.parse(text.split("\n")[0])).toEqual(expect.objectContaining({ q: expect.any(String), h: expect.any(String) }));
  });
});
