import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import { generateTown } from "../../scripts/mapgen/generate";
import { RESIDENTS } from "../../scripts/mapgen/character-looks";

describe("the map generator", () => {
  const first = generateTown();

  test("is deterministic: two runs give the same bytes", () => {
    const second = generateTown();
    expect(second.mapJson).toBe(first.mapJson);
    expect(second.tilesetPng.equals(first.tilesetPng)).toBe(true);
    for (const [slug, png] of first.characters) expect(second.characters.get(slug)!.equals(png)).toBe(true);
  });

  test("the committed map and tileset are what the generator writes", () => {
    expect(readFileSync(join(process.cwd(), "maps/ville/ville.json"), "utf8")).toBe(first.mapJson);
    expect(readFileSync(join(process.cwd(), "maps/ville/tileset.png")).equals(first.tilesetPng)).toBe(true);
  });

  test("the tileset image matches the embedded tileset", () => {
    const map = JSON.parse(first.mapJson) as { tilesets: { imagewidth: number; imageheight: number; tilecount: number; columns: number; margin: number; spacing: number }[] };
    const ts = map.tilesets[0];
    const png = PNG.sync.read(first.tilesetPng);
    expect([png.width, png.height]).toEqual([ts.imagewidth, ts.imageheight]);
    expect(Math.ceil(ts.tilecount / ts.columns) * (32 + ts.spacing) - ts.spacing + 2 * ts.margin).toBe(ts.imageheight);
  });

  test("character sheets: 25 residents and 8 players, 96x128, all different", () => {
    expect(Object.keys(RESIDENTS)).toHaveLength(25);
    const slugs = [...first.characters.keys()];
    expect(slugs.filter((s) => s.startsWith("player_")).sort()).toEqual(["player_1", "player_2", "player_3", "player_4", "player_5", "player_6", "player_7", "player_8"]);
    const standing = new Set<string>();
    for (const [slug, buf] of first.characters) {
      const png = PNG.sync.read(buf);
      expect([slug, png.width, png.height]).toEqual([slug, 96, 128]);
      // the standing frame facing down (column 1, row 0) tells looks apart
      const rows: number[] = [];
      for (let y = 0; y < 32; y++) for (let x = 32; x < 64; x++) rows.push(png.data[(y * 96 + x) * 4], png.data[(y * 96 + x) * 4 + 1], png.data[(y * 96 + x) * 4 + 2], png.data[(y * 96 + x) * 4 + 3]);
      standing.add(rows.join(","));
    }
    expect(standing.size).toBe(first.characters.size);
  });
});
