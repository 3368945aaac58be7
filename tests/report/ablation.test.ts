/**
 * The paper's ablations, as experiments use them (`simulate --ablate`): a game day of
 * ville-3 without memory, without reflection and without planning, each run as a child
 * process. What each switch takes away is gone, the rest of the town still runs, and an
 * ablated run is as reproducible as any other.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lifestyleDay, UNPLANNED_TASK } from "../../server/agents/ablation";
import type { RunReport } from "../../server/report/report";
import { loadScenario } from "../../server/scenarios";
import { runScript } from "./run-script";

const out = mkdtempSync(join(tmpdir(), "ville-ablation-"));
const reports: Record<string, RunReport> = {};
const markdown: Record<string, string> = {};

async function run(name: string, ablate: string): Promise<void> {
  const dir = join(out, name);
  await runScript("scripts/simulate.ts", ["--scenario", "ville-3", "--days", "1", "--seed", "1", "--mind", "offline", "--no-store", "--quiet", "--ablate", ablate, "--out", dir]);
  reports[name] = JSON.parse(readFileSync(join(dir, "report.json"), "utf8"));
  markdown[name] = readFileSync(join(dir, "report.md"), "utf8");
}

beforeAll(async () => {
  // Two at a time: the machine has two cores.
  await Promise.all([run("memory", "memory"), run("memory-again", "memory")]);
  await Promise.all([run("reflection", "reflection"), run("planning", "planning")]);
}, 240_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

test("without memory nothing can be passed on: no news spreads, no line carries a fact", () => {
  const r = reports.memory;
  expect(r.ablate).toBe("memory");
  for (const f of r.spread.facts) expect(f.knownAtEnd).toBe(f.knownAtStart);
  expect(r.conversations.flatMap((c) => c.lines).filter((l) => l.facts.length > 0)).toEqual([]);
  // Residents still live their day: plans, places, and memories formed (just never recalled).
  expect(r.agents.every((a) => a.days[0].actions.length > 3 && a.memories > 0)).toBe(true);
  expect(markdown.memory).toContain("(ablation: without memory)");
});

test("an ablated run is reproducible: the same seed gives the same report", () => {
  const strip = (r: RunReport) => JSON.stringify({ ...r, wallSeconds: 0, peakRssMb: 0 });
  expect(strip(reports["memory-again"])).toBe(strip(reports.memory));
});

test("without reflection nobody reflects, and the mind is never asked to", () => {
  const r = reports.reflection;
  expect(r.ablate).toBe("reflection");
  expect(r.reflections).toEqual([]);
  expect(r.agents.map((a) => a.reflections)).toEqual([0, 0, 0]);
  expect(r.usage.calls.reflectionQuestions).toBeUndefined();
  expect(r.usage.calls.insights).toBeUndefined();
  expect(r.usage.decisionFailures).toBe(0);
});

test("without planning there is no day plan, schedule or decomposition: only the lifestyle's sleep and meals", () => {
  const r = reports.planning;
  expect(r.ablate).toBe("planning");
  for (const q of ["wakeUpMinute", "dailyPlan", "hourlySchedule", "decompose", "reviseIdentity"]) expect([q, r.usage.calls[q]]).toEqual([q, undefined]);
  const allowed = new Set(["sleeping", UNPLANNED_TASK, "having breakfast", "having lunch", "having dinner"]);
  for (const a of r.agents) {
    const day = a.days[0];
    expect(day.dailyPlan).toEqual([]);
    expect(day.actions[0].action).toBe("sleeping");
    // What it did is what its lifestyle says, or a conversation (or a wait) that came its way.
    for (const x of day.actions) expect([x.action, allowed.has(x.action) || /^(chatting with|waiting for) /.test(x.action)]).toEqual([x.action, true]);
    expect(day.actions.some((x) => /^having (breakfast|lunch|dinner)$/.test(x.action))).toBe(true);
  }
  expect(r.usage.calls.actionPlace).toBeGreaterThan(0);
  expect(r.usage.decisionFailures).toBe(0);
});

test("a lifestyle's day: asleep until wake-up and after bed time, meals at their times, whole blocks", () => {
  const isabella = loadScenario("ville-3").personas.find((p) => p.name === "Isabella Rodriguez")!;
  // "goes to bed around 11pm, wakes up around 6am, eats breakfast around 6:30am, lunch around 1pm ... dinner around 8:30pm"
  const day = lifestyleDay(isabella, Date.parse("2023-02-13T09:00:00Z"), 0);
  let minute = 0;
  const starts = day.schedule.map((b) => {
    const at = { minute, task: b.task };
    minute += b.minutes;
    return at;
  });
  expect(minute).toBe(1440);
  expect(starts).toEqual([
    { minute: 0, task: "sleeping" },
    { minute: 360, task: UNPLANNED_TASK },
    { minute: 390, task: "having breakfast" },
    { minute: 435, task: UNPLANNED_TASK },
    { minute: 780, task: "having lunch" },
    { minute: 825, task: UNPLANNED_TASK },
    { minute: 1230, task: "having dinner" },
    { minute: 1275, task: UNPLANNED_TASK },
    { minute: 1380, task: "sleeping" },
  ]);
  expect(day.dailyPlan).toEqual([]);
  expect(day.dayStartMs).toBe(Date.parse("2023-02-13T00:00:00Z"));
  // Every block is already its own decomposition, so the mind is never asked for one.
  expect([...day.decomposed.keys()]).toEqual(day.schedule.map((_, i) => i));
});

test("an unknown ablation is refused with what is allowed", async () => {
  const failed = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "scripts/simulate.ts", "--ablate", "dreams", "--no-store", "--out", join(out, "x")], { cwd: process.cwd() }, (err, _stdout, stderr) => resolve({ code: err ? (err as { code?: number }).code ?? null : 0, stderr }));
  });
  expect(failed.code).toBe(2);
  expect(failed.stderr).toContain("--ablate must be one of memory, reflection, planning");
});
