/**
 * Prints, as JSON, SHA-256 digests of everything the generator makes, for two
 * runs in a row. Tests run this under plain Node (the generator's pixel loops
 * are slow inside jest's sandbox) to prove the output is deterministic.
 */
import { createHash } from "node:crypto";
import { generateTown } from "./generate";

const sha = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

function digestOf(): Record<string, string> {
  const out = generateTown();
  const d: Record<string, string> = { "ville.json": sha(out.mapJson), "tileset.png": sha(out.tilesetPng) };
  for (const [slug, png] of out.characters) d[`${slug}.png`] = sha(png);
  return d;
}

console.log(JSON.stringify({ first: digestOf(), second: digestOf() }));
