/** The architecture document stays true: every repository path it cites exists. */
import { existsSync, readFileSync } from "node:fs";

test("every path cited in docs/ARCHITECTURE.md exists", () => {
  const text = readFileSync("docs/ARCHITECTURE.md", "utf8");
  const cited = [...text.matchAll(/`((?:server|shared|client|maps|scripts|bench|tests|docs)\/[\w./-]+)`|\b((?:server|shared|client|maps|scripts|bench|tests|docs)\/[\w/-]+\/)/g)].map((m) => m[1] ?? m[2]);
  expect(cited.length).toBeGreaterThan(5);
  for (const path of cited) expect([path, existsSync(path)]).toEqual([path, true]);
});
