import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import { PLAYERS, RESIDENTS } from "../../scripts/mapgen/character-looks";
import { planCity } from "../../scripts/mapgen/city-people";
import { slugOf } from "../../shared/constants";

const root = process.cwd();
const sha = (data: Buffer) => createHash("sha256").update(data).digest("hex");

/** Width and height from a PNG's IHDR chunk (decoding the whole atlas is slow in jest). */
function pngSize(buf: Buffer): [number, number] {
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

describe("the map generator", () => {
  test("is deterministic, and the committed files are exactly its output", () => {
    const tsx = join(root, "node_modules", ".bin", "tsx");
    const run = spawnSync(tsx, ["scripts/mapgen/digest.ts"], { cwd: root, encoding: "utf8", timeout: 120_000 });
    expect(run.status).toBe(0);
    const { first, second } = JSON.parse(run.stdout) as { first: Record<string, string>; second: Record<string, string> };
    expect(second).toEqual(first);
    expect(first["ville.json"]).toBe(sha(readFileSync(join(root, "maps/ville/ville.json"))));
    expect(first["tileset.png"]).toBe(sha(readFileSync(join(root, "maps/ville/tileset.png"))));
    for (const [file, digest] of Object.entries(first)) {
      if (file.endsWith(".png") && file !== "tileset.png") expect([file, sha(readFileSync(join(root, "maps/characters", file)))]).toEqual([file, digest]);
    }
  });

  test("the tileset image matches the tileset embedded in the map", () => {
    const map = JSON.parse(readFileSync(join(root, "maps/ville/ville.json"), "utf8")) as {
      tilesets: { image: string; imagewidth: number; imageheight: number; tilecount: number; columns: number; margin: number; spacing: number }[];
    };
    const ts = map.tilesets[0];
    expect(map.tilesets).toHaveLength(1);
    expect(pngSize(readFileSync(join(root, "maps/ville", ts.image)))).toEqual([ts.imagewidth, ts.imageheight]);
    const rows = Math.ceil(ts.tilecount / ts.columns);
    expect(rows * (32 + ts.spacing) - ts.spacing + 2 * ts.margin).toBe(ts.imageheight);
    expect(ts.columns * (32 + ts.spacing) - ts.spacing + 2 * ts.margin).toBe(ts.imagewidth);
  });

  test("character sheets: every resident and 8 player looks, 96x128, all different", () => {
    const files = readdirSync(join(root, "maps/characters")).filter((f) => f.endsWith(".png")).sort();
    const ville = [...Object.keys(RESIDENTS), ...PLAYERS.map((_, i) => `player_${i + 1}`)].map((s) => `${s}.png`).sort();
    // the city's residents have theirs too (tests/map/city.test.ts checks those byte for byte)
    const city = planCity().people.map((p) => `${slugOf(p.name)}.png`);
    expect(files).toEqual([...ville, ...city].sort());
    expect(Object.keys(RESIDENTS)).toHaveLength(25);
    for (const f of city) expect([f, pngSize(readFileSync(join(root, "maps/characters", f)))]).toEqual([f, [96, 128]]);
    expect(new Set(city.map((f) => sha(readFileSync(join(root, "maps/characters", f))))).size).toBe(city.length);
    const looks = new Set<string>();
    for (const f of ville) {
      const png = PNG.sync.read(readFileSync(join(root, "maps/characters", f)));
      expect([f, png.width, png.height]).toEqual([f, 96, 128]);
      // the standing frame facing down (column 1, row 0) tells the looks apart
      const frame: number[] = [];
      for (let y = 0; y < 32; y++) for (let x = 32; x < 64; x++) frame.push(png.data.readUInt32BE((y * 96 + x) * 4));
      looks.add(frame.join(","));
    }
    expect(looks.size).toBe(ville.length);
  });
});
