/**
 * The minimap, bottom right: the whole town at one pixel or so per tile, every resident
 * and person as a dot, and the camera's view as a frame. A click moves the camera there.
 * The background is drawn once from the map's own tiles (each tile's average colour).
 */
import { el } from "./dom";
import type { TiledMapJson, TiledTileset } from "./townmap";

export interface MinimapDot {
  x: number;
  y: number;
  kind: "resident" | "player" | "own";
  focused: boolean;
}

export interface MinimapOptions {
  dots(): MinimapDot[];
  /** The camera's view in tiles. */
  view(): { x: number; y: number; width: number; height: number } | null;
  onJump(tileX: number, tileY: number): void;
}

/** Canvas pixels per tile: sharp dots on high-density screens, small in CSS pixels. */
const SCALE = 2;
const REDRAW_MS = 200;
const DRAWN_LAYERS = ["ground", "walls", "furniture"];
const GID_MASK = 0x1fffffff;
const COLOURS = { resident: "#ffffff", player: "#9fe3ff", own: "#ffe27a" };

export class Minimap {
  readonly root: HTMLElement;
  private canvas = document.createElement("canvas");
  private background: HTMLCanvasElement | null = null;

  constructor(private map: TiledMapJson, private options: MinimapOptions) {
    this.canvas.width = map.width * SCALE;
    this.canvas.height = map.height * SCALE;
    this.canvas.className = "minimap-canvas";
    this.canvas.setAttribute("aria-label", "Minimap: click to look there");
    this.canvas.addEventListener("click", (event) => {
      const box = this.canvas.getBoundingClientRect();
      const x = Math.floor(((event.clientX - box.left) / box.width) * map.width);
      const y = Math.floor(((event.clientY - box.top) / box.height) * map.height);
      this.options.onJump(Math.min(Math.max(x, 0), map.width - 1), Math.min(Math.max(y, 0), map.height - 1));
    });
    this.root = el("div", "panel minimap", "", [this.canvas]);
    setInterval(() => this.draw(), REDRAW_MS);
  }

  /** Paints the background once the tileset images are loaded (Phaser has them). */
  paintBackground(images: Map<string, CanvasImageSource & { width: number; height: number }>): void {
    this.background = paintTiles(this.map, images);
    this.draw();
  }

  private draw(): void {
    if (this.root.offsetParent === null) return;
    const g = this.canvas.getContext("2d")!;
    g.imageSmoothingEnabled = false;
    if (this.background) {
      g.drawImage(this.background, 0, 0, this.canvas.width, this.canvas.height);
    } else {
      g.fillStyle = "#2a3344";
      g.fillRect(0, 0, this.canvas.width, this.canvas.height);
    }
    const view = this.options.view();
    if (view) {
      g.strokeStyle = "rgba(255, 211, 77, 0.95)";
      g.lineWidth = 2;
      g.strokeRect(view.x * SCALE, view.y * SCALE, view.width * SCALE, view.height * SCALE);
    }
    const dots = this.options.dots().sort((a, b) => rank(a) - rank(b));
    for (const d of dots) {
      const cx = (d.x + 0.5) * SCALE;
      const cy = (d.y + 0.5) * SCALE;
      g.beginPath();
      g.arc(cx, cy, d.kind === "own" ? 3.2 : 2.4, 0, Math.PI * 2);
      g.fillStyle = COLOURS[d.kind];
      g.fill();
      g.lineWidth = 1;
      g.strokeStyle = "#141a26";
      g.stroke();
      if (d.focused) {
        g.beginPath();
        g.arc(cx, cy, 5.5, 0, Math.PI * 2);
        g.strokeStyle = "#ffd34d";
        g.lineWidth = 1.5;
        g.stroke();
      }
    }
  }
}

function rank(d: MinimapDot): number {
  return d.focused ? 3 : d.kind === "own" ? 2 : d.kind === "player" ? 1 : 0;
}

/** One pixel per tile: the average colour of the top-most drawn tile there. */
function paintTiles(map: TiledMapJson, images: Map<string, CanvasImageSource & { width: number; height: number }>): HTMLCanvasElement {
  const out = document.createElement("canvas");
  out.width = map.width;
  out.height = map.height;
  const g = out.getContext("2d")!;
  const pixels = g.createImageData(map.width, map.height);
  const colours = new TileColours(map.tilesets, images);
  const layers = DRAWN_LAYERS.map((name) => map.layers.find((l) => l.name === name && l.data)?.data).filter((d): d is number[] => !!d);
  for (let i = 0; i < map.width * map.height; i++) {
    let rgb: [number, number, number] = [27, 34, 48];
    for (const data of layers) {
      const gid = (data[i] ?? 0) & GID_MASK;
      if (gid) rgb = colours.of(gid) ?? rgb;
    }
    pixels.data.set([rgb[0], rgb[1], rgb[2], 255], i * 4);
  }
  g.putImageData(pixels, 0, 0);
  return out;
}

/** Average colours of tiles, sampled on a 4 x 4 grid inside each tile and cached by gid. */
class TileColours {
  private cache = new Map<number, [number, number, number] | null>();
  private sheets: { set: TiledTileset; data: ImageData; first: number }[] = [];

  constructor(tilesets: TiledTileset[], images: Map<string, CanvasImageSource & { width: number; height: number }>) {
    for (const set of tilesets) {
      const image = images.get(set.name);
      if (!image) continue;
      const c = document.createElement("canvas");
      c.width = image.width;
      c.height = image.height;
      const g = c.getContext("2d", { willReadFrequently: true })!;
      g.drawImage(image, 0, 0);
      this.sheets.push({ set, data: g.getImageData(0, 0, c.width, c.height), first: set.firstgid ?? 1 });
    }
    this.sheets.sort((a, b) => b.first - a.first);
  }

  of(gid: number): [number, number, number] | null {
    if (!this.cache.has(gid)) this.cache.set(gid, this.compute(gid));
    return this.cache.get(gid)!;
  }

  private compute(gid: number): [number, number, number] | null {
    const sheet = this.sheets.find((s) => gid >= s.first);
    if (!sheet) return null;
    const { set, data } = sheet;
    const size = set.tilewidth ?? 32;
    const margin = set.margin ?? 0;
    const spacing = set.spacing ?? 0;
    const columns = set.columns ?? Math.floor((data.width - margin) / (size + spacing));
    const index = gid - sheet.first;
    const left = margin + (index % columns) * (size + spacing);
    const top = margin + Math.floor(index / columns) * (size + spacing);
    let r = 0, gr = 0, b = 0, n = 0;
    for (let sy = 0; sy < 4; sy++) {
      for (let sx = 0; sx < 4; sx++) {
        const px = left + Math.floor(((sx + 0.5) * size) / 4);
        const py = top + Math.floor(((sy + 0.5) * size) / 4);
        const at = (py * data.width + px) * 4;
        if (data.data[at + 3] < 128) continue;
        r += data.data[at];
        gr += data.data[at + 1];
        b += data.data[at + 2];
        n++;
      }
    }
    return n === 0 ? null : [Math.round(r / n), Math.round(gr / n), Math.round(b / n)];
  }
}
