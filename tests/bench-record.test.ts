/** The generated figures section of docs/BENCHMARKS.md: written from recorded runs only. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { figuresMarkdown, median, readResults, saveFigures, withFiguresSection } from "../bench/record";

test("median of odd and even runs", () => {
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 3, 2])).toBe(2.5);
});

test("saving figures keeps the runs, the median and range, the machine and command, and rewrites only the section", () => {
  const root = mkdtempSync(join(tmpdir(), "ville-record-"));
  mkdirSync(join(root, "docs"));
  writeFileSync(join(root, "docs", "BENCHMARKS.md"), "# Benchmarks\n\nIntro by hand.\n\n## Notes\nKept.\n");
  saveFigures({ "sim.a": { group: "Sim", name: "a day", unit: "s", runs: [5, 3, 4], command: "npm run x", digits: 1 } }, root);
  let doc = readFileSync(join(root, "docs", "BENCHMARKS.md"), "utf8");
  expect(doc).toContain("Intro by hand.");
  expect(doc).toContain("## Notes\nKept.");
  expect(doc).toMatch(/\| a day \| \*\*4\.0 s\*\* \| 3\.0-5\.0 \(3\) \| \d{4}-\d\d-\d\d, [^|]+, Node v\d+[^|]+ \| `npm run x` \|/);
  const first = readResults(root).figures["sim.a"];
  expect([first.median, first.min, first.max]).toEqual([4, 3, 5]);

  // A later run of another benchmark keeps this one; a run of the same benchmark replaces all of its figures.
  saveFigures({ "tokens.q.x": { group: "Tokens", name: "x", unit: "tokens", runs: [10], command: "c" } }, root);
  saveFigures({ "tokens.q.y": { group: "Tokens", name: "y", unit: "tokens", runs: [20], command: "c" } }, root);
  const figures = readResults(root).figures;
  expect(Object.keys(figures).sort()).toEqual(["sim.a", "tokens.q.y"]);
  doc = readFileSync(join(root, "docs", "BENCHMARKS.md"), "utf8");
  expect(doc.match(/figures:begin/g)).toHaveLength(1);
  expect(doc).toContain("### Tokens");
  expect(doc).not.toContain("| x |");
});

test("the committed figures section is exactly what the committed results file gives", () => {
  const doc = readFileSync(join("docs", "BENCHMARKS.md"), "utf8");
  const results = readResults();
  expect(Object.keys(results.figures).length).toBeGreaterThan(0);
  expect(withFiguresSection(doc, results)).toBe(doc);
  expect(doc).toContain(figuresMarkdown(results));
});
