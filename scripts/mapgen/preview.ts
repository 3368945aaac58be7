/**
 * Render a Tiled map (as written) to a PNG for looking at it:
 *   tsx scripts/mapgen/preview.ts [out.png] [scale] [x y w h]  (tiles)
 * Composites ground, walls, furniture and foreground; scale 0.25..1.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { PNG } from "pngjs";

interface Layer { name: string; type: string; data?: number[] }
interface MapJson { width: number; height: number; layers: Layer[]; tilesets: { image: string; columns: number; margin: number; spacing: number }[] }

function main(): void {
  const [out = "/tmp/ville-preview.png", scaleArg = "0.25", ...rect] = process.argv.slice(2);
  const mapPath = process.env.MAP ?? "maps/ville/ville.json";
  const map = JSON.parse(readFileSync(mapPath, "utf8")) as MapJson;
  const ts = map.tilesets[0];
  const atlas = PNG.sync.read(readFileSync(mapPath.replace(/[^/]+$/, ts.image)));
  const [rx, ry, rw, rh] = rect.length === 4 ? rect.map(Number) : [0, 0, map.width, map.height];
  const scale = Number(scaleArg);
  const full = new PNG({ width: rw * 32, height: rh * 32 });
  for (const layer of map.layers) {
    if (layer.type !== "tilelayer" || layer.name === "collision" || !layer.data) continue;
    for (let ty = ry; ty < ry + rh; ty++) for (let tx = rx; tx < rx + rw; tx++) {
      const gid = layer.data[ty * map.width + tx];
      if (gid > 0) drawTile(full, atlas, gid - 1, ts, (tx - rx) * 32, (ty - ry) * 32);
    }
  }
  writeFileSync(out, PNG.sync.write(downscale(full, scale)));
  console.log(`wrote ${out}`);
}

function drawTile(dst: PNG, atlas: PNG, id: number, ts: { columns: number; margin: number; spacing: number }, dx: number, dy: number): void {
  const sx = ts.margin + (id % ts.columns) * (32 + ts.spacing);
  const sy = ts.margin + Math.floor(id / ts.columns) * (32 + ts.spacing);
  for (let y = 0; y < 32; y++) for (let x = 0; x < 32; x++) {
    const s = ((sy + y) * atlas.width + sx + x) * 4;
    const a = atlas.data[s + 3] / 255;
    if (a === 0) continue;
    const d = ((dy + y) * dst.width + dx + x) * 4;
    for (let k = 0; k < 3; k++) dst.data[d + k] = Math.round(atlas.data[s + k] * a + dst.data[d + k] * (1 - a));
    dst.data[d + 3] = 255;
  }
}

function downscale(src: PNG, scale: number): PNG {
  if (scale >= 1) return src;
  const f = Math.round(1 / scale);
  const out = new PNG({ width: Math.floor(src.width / f), height: Math.floor(src.height / f) });
  for (let y = 0; y < out.height; y++) for (let x = 0; x < out.width; x++) {
    const acc = [0, 0, 0];
    for (let j = 0; j < f; j++) for (let i = 0; i < f; i++) {
      const s = ((y * f + j) * src.width + x * f + i) * 4;
      for (let k = 0; k < 3; k++) acc[k] += src.data[s + k];
    }
    const d = (y * out.width + x) * 4;
    for (let k = 0; k < 3; k++) out.data[d + k] = Math.round(acc[k] / (f * f));
    out.data[d + 3] = 255;
  }
  return out;
}

main();
