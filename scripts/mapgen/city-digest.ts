/**
 * Prints, as JSON, SHA-256 digests of the city generator's output for two runs in a
 * row (map, tileset, every character sheet), and of the Ville's map and tileset
 * built in the same process. Tests run this under plain Node (the generator's pixel
 * loops are slow inside jest's sandbox) to prove the output is deterministic and that
 * the committed files are exactly its output; nothing is written.
 */
import { createHash } from "node:crypto";
import { generateCity } from "./city";
import { generateTown } from "./generate";

const sha = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

function cityDigest(): Record<string, string> {
  const out = generateCity();
  const d: Record<string, string> = { "city.json": sha(out.mapJson), "tileset.png": sha(out.tilesetPng) };
  for (const [slug, png] of out.characters) d[`${slug}.png`] = sha(png);
  return d;
}

const ville = generateTown();
console.log(JSON.stringify({ first: cityDigest(), second: cityDigest(), ville: { "ville.json": sha(ville.mapJson), "tileset.png": sha(ville.tilesetPng) } }));
