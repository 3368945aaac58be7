/** Embeddings are saved exactly and compactly: sparse ones as index/value pairs, dense ones whole. */
import { hashEmbed } from "../../server/agents/memory/embedding";
import { decodeEmbedding, encodeEmbedding } from "../../server/agents/memory/memory-json";

test("a sparse (offline) embedding round-trips exactly, in far fewer characters than a number array", () => {
  const e = Float32Array.from(hashEmbed("Isabella is hosting a Valentine's Day party at Hobbs Cafe"));
  const saved = encodeEmbedding(e);
  expect(saved).toMatch(/^s\d+:/);
  expect(Array.from(decodeEmbedding(saved))).toEqual(Array.from(e));
  expect(saved.length * 4).toBeLessThan(JSON.stringify(Array.from(e)).length);
});

test("a dense (model) embedding round-trips exactly", () => {
  const e = Float32Array.from({ length: 1536 }, (_, i) => Math.sin(i * 0.37) / 7);
  const saved = encodeEmbedding(e);
  expect(saved).not.toMatch(/^s/);
  expect(Array.from(decodeEmbedding(saved))).toEqual(Array.from(e));
  expect(saved.length * 3).toBeLessThan(JSON.stringify(Array.from(e)).length);
});

test("older number arrays are still read; damaged encodings are refused", () => {
  expect(Array.from(decodeEmbedding([0.5, 0, -0.25]))).toEqual([0.5, 0, -0.25]);
  expect(() => decodeEmbedding("AAA")).toThrow(/fours/);
  expect(() => decodeEmbedding(`s4:${Buffer.from(new Uint8Array([9, 0, 0, 0, 128, 63])).toString("base64")}`)).toThrow(/beyond its length/);
});
