/**
 * The tileset registry. Tiles are named by a key and painted on first use, so
 * the atlas holds exactly the tiles the map needs (autotile variants included)
 * in a stable order. Multi-tile pictures are painted once and sliced.
 * The atlas is extruded (margin 1, spacing 2) so scaled cameras show no seams.
 */
import { Canvas } from "./canvas";

export const TILE = 32;
export const MARGIN = 1;
export const SPACING = 2;

export type Painter = (c: Canvas) => void;

export interface AtlasImage {
  png: Buffer;
  columns: number;
  count: number;
  width: number;
  height: number;
  properties: Map<number, Record<string, string | number | boolean>>;
}

export class Tileset {
  private readonly ids = new Map<string, number>();
  private readonly tiles: Canvas[] = [];
  private readonly pictures = new Map<string, Canvas>();
  private readonly props = new Map<number, Record<string, string | number | boolean>>();

  /** Tile id (0-based) for key, painting it with paint the first time. */
  tile(key: string, paint: Painter): number {
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const c = new Canvas(TILE, TILE);
    paint(c);
    return this.add(key, c);
  }

  /**
   * Tile id of the (dx, dy) cell of a picture w x h tiles large, or -1 when that
   * cell is fully transparent. The picture is painted once per key.
   */
  part(key: string, w: number, h: number, paint: Painter, dx: number, dy: number): number {
    const cellKey = `${key}@${dx},${dy}`;
    const known = this.ids.get(cellKey);
    if (known !== undefined) return known;
    let pic = this.pictures.get(key);
    if (!pic) {
      pic = new Canvas(w * TILE, h * TILE);
      paint(pic);
      this.pictures.set(key, pic);
    }
    const cell = pic.crop(dx * TILE, dy * TILE, TILE, TILE);
    if (!hasInk(cell)) return -1;
    return this.add(cellKey, cell);
  }

  setProperties(id: number, props: Record<string, string | number | boolean>): void {
    this.props.set(id, { ...(this.props.get(id) ?? {}), ...props });
  }

  get count(): number {
    return this.tiles.length;
  }

  build(columns = 32): AtlasImage {
    const rows = Math.max(1, Math.ceil(this.tiles.length / columns));
    const step = TILE + SPACING;
    const width = MARGIN * 2 + columns * step - SPACING;
    const height = MARGIN * 2 + rows * step - SPACING;
    const atlas = new Canvas(width, height);
    this.tiles.forEach((t, i) => extrude(atlas, t, MARGIN + (i % columns) * step, MARGIN + Math.floor(i / columns) * step));
    return { png: atlas.toPng(), columns, count: this.tiles.length, width, height, properties: this.props };
  }

  private add(key: string, c: Canvas): number {
    const id = this.tiles.length;
    this.tiles.push(c);
    this.ids.set(key, id);
    return id;
  }
}

function hasInk(c: Canvas): boolean {
  for (let i = 3; i < c.data.length; i += 4) if (c.data[i] > 0) return true;
  return false;
}

/** Copy a tile into the atlas and repeat its border pixels one pixel outward. */
function extrude(atlas: Canvas, t: Canvas, x0: number, y0: number): void {
  for (let y = -1; y <= TILE; y++) {
    for (let x = -1; x <= TILE; x++) {
      const sx = Math.min(TILE - 1, Math.max(0, x));
      const sy = Math.min(TILE - 1, Math.max(0, y));
      const s = (sy * TILE + sx) * 4;
      const d = ((y0 + y) * atlas.w + x0 + x) * 4;
      for (let k = 0; k < 4; k++) atlas.data[d + k] = t.data[s + k];
    }
  }
}
