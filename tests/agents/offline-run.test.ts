/**
 * Two game days of ville-25 on the offline rule-based mind, read from the run's report:
 * nobody says the same line twice to the same partner in a game day, residents reflect
 * one to four times a game day (the paper's agents: two or three), and the planted news
 * reaches some of the town, not all of it. The run goes through `scripts/simulate.ts` in
 * a child process: jest's sandbox runs the simulation many times slower than plain Node.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

interface Report {
  agents: { name: string; reflections: number; conversations: number }[];
  conversations: { id: string; participants: string[]; start: string; lines: { speaker: string; text: string }[] }[];
  reflections: { agent: string; time: string; insight: string; evidence: string[] }[];
  spread: { facts: { id: string; knownBy: unknown[] }[] };
}

const DAYS = 2;
let report: Report;

beforeAll(() => {
  const out = mkdtempSync(join(tmpdir(), "ville-offline-run-"));
  execFileSync(process.execPath, ["--import", "tsx", "scripts/simulate.ts", "--quiet", "--no-store", "--scenario", "ville-25", "--days", String(DAYS), "--seed", "1", "--out", out], { encoding: "utf8" });
  report = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as Report;
}, 300_000);

/** "Monday February 13, 2023 09:55" -> "Monday February 13, 2023". */
const dateOf = (when: string) => when.replace(/\s+\d{1,2}:\d{2}$/, "");

describe("ville-25, offline mind, seed 1, two days", () => {
  test("no line is said twice to the same partner in a game day", () => {
    const said = new Map<string, string>();
    const repeats: string[] = [];
    for (const c of report.conversations) {
      for (const l of c.lines) {
        for (const to of c.participants.filter((p) => p !== l.speaker)) {
          const key = `${dateOf(c.start)}|${l.speaker}|${to}|${l.text}`;
          if (said.has(key)) repeats.push(`${l.speaker} to ${to} in ${said.get(key)} and ${c.id}: ${l.text}`);
          else said.set(key, c.id);
        }
      }
    }
    expect(repeats).toEqual([]);
    expect(report.conversations.length).toBeGreaterThan(50);
  });

  test("every resident reflects one to four times per game day", () => {
    const rates = report.agents.map((a) => ({ name: a.name, perDay: a.reflections / DAYS }));
    const outside = rates.filter((r) => r.perDay < 1 || r.perDay > 4);
    expect(outside).toEqual([]);
    const mean = rates.reduce((n, r) => n + r.perDay, 0) / rates.length;
    expect(mean).toBeGreaterThanOrEqual(1.5);
    expect(mean).toBeLessThanOrEqual(3.5);
  });

  test("insights rest on several memories and are not mere sightings", () => {
    expect(report.reflections.length).toBeGreaterThan(0);
    for (const r of report.reflections) {
      expect(r.evidence.length).toBeGreaterThanOrEqual(2);
      expect(r.insight).not.toMatch(/^I saw\b|^This stays with me/);
    }
  });

  test("news is passed on to some, not told to everyone", () => {
    for (const f of report.spread.facts) {
      expect(f.knownBy.length).toBeGreaterThan(3);
      expect(f.knownBy.length).toBeLessThan(22);
    }
  });
});
