/**
 * The layers run one way: rooms -> town -> agents -> sim, and the mind beside agents.
 * `server/sim` (the world) knows nothing of agents or minds; the simulation core and the
 * minds touch no Colyseus, web server, file system or network module. The one way out
 * of the process is the `openai` client inside the LLM mind's plumbing.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = resolve(__dirname, "..");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** Every module a file imports, relative ones resolved to repo paths ("server/agents/plan"). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^"']*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => {
    const spec = m[1] ?? m[2];
    return spec.startsWith(".") ? relative(ROOT, resolve(dirname(file), spec)) : spec;
  });
}

const FORBIDDEN = /^(@colyseus\/|colyseus$|express$|ws$|ioredis$|(node:)?(fs|fs\/promises|net|http|https|http2|dgram|tls|child_process)$)/;

function violations(layer: string, rule: (imported: string, file: string) => boolean): string[] {
  return filesUnder(join(ROOT, layer)).flatMap((f) => importsOf(f).filter((i) => rule(i, f)).map((i) => `${relative(ROOT, f)} imports ${i}`));
}

describe("architecture", () => {
  test("server/sim imports nothing from agents, mind, town or rooms", () => {
    expect(violations("server/sim", (i) => /^server\/(agents|mind|town|rooms)\b/.test(i))).toEqual([]);
  });

  test("agents and mind do not reach up into the town or the rooms", () => {
    for (const layer of ["server/agents", "server/mind"]) expect(violations(layer, (i) => /^server\/(town|rooms)\b/.test(i) || i === "server/town-factory")).toEqual([]);
  });

  test("sim, agents and mind import no Colyseus, express, file system or network module", () => {
    for (const layer of ["server/sim", "server/agents", "server/mind"]) expect(violations(layer, (i) => FORBIDDEN.test(i))).toEqual([]);
  });

  test("only the LLM plumbing talks to a model server", () => {
    const outside = (f: string) => !relative(ROOT, f).startsWith("server/mind/llm");
    for (const layer of ["server/sim", "server/agents", "server/mind"]) expect(violations(layer, (i, f) => /^openai(\/|$)/.test(i) && outside(f))).toEqual([]);
  });

  test("the rule finds a forbidden import (the test can fail)", () => {
    expect(FORBIDDEN.test("node:fs")).toBe(true);
    expect(FORBIDDEN.test("@colyseus/core")).toBe(true);
    expect(importsOf(join(ROOT, "server/town/town.ts"))).toContain("server/agents/loop");
  });
});
