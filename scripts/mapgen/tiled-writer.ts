/**
 * Writing the world as Tiled JSON 1.10 (orthogonal, one embedded tileset), in
 * the layer contract of maps/README.md. The text is stable: tile data is one
 * line per map row, so diffs between generator versions stay readable.
 */
import { AtlasImage, MARGIN, SPACING, TILE } from "./tileset";
import { Rect, World } from "./world";

interface TiledObject {
  id: number;
  name: string;
  type: string;
  x: number;
  y: number;
  width: number;
  height: number;
  rotation: 0;
  visible: true;
  point?: true;
  properties?: { name: string; type: "string"; value: string }[];
}

export interface LayerData {
  ground: Int32Array;
  walls: Int32Array;
  furniture: Int32Array;
  foreground: Int32Array;
  collisionTile: number;
}

export interface WriteOptions {
  /** Name of the embedded tileset (default "ville"). */
  tilesetName?: string;
  /** One line per object instead of one line per field, without default fields: a big map's file stays small. */
  compactObjects?: boolean;
}

export function writeTiledJson(world: World, layers: LayerData, atlas: AtlasImage, imageName: string, options: WriteOptions = {}): string {
  let nextId = 1;
  const obj = (name: string, type: string, r: Rect, props: Record<string, string>): TiledObject => ({
    id: nextId++, name, type, x: r.x * TILE, y: r.y * TILE, width: r.w * TILE, height: r.h * TILE, rotation: 0, visible: true,
    properties: Object.entries(props).map(([k, v]) => ({ name: k, type: "string" as const, value: v })),
  });
  const wn = world.worldName;
  const sectors = world.sectors.map((s) => obj(s.name, "sector", s.rect, { address: `${wn}:${s.name}` }));
  const arenas = world.rooms.map((r) => obj(r.arena, "arena", r.rect, { address: `${wn}:${r.sector}:${r.arena}` }));
  const objects = world.objects.map((o) => obj(o.name, "object", o.rect, { address: `${wn}:${o.sector}:${o.arena}:${o.name}`, kind: o.kind }));
  const spawns = world.spawns.map((s) => {
    const o = obj(s.name, "spawn", { x: 0, y: 0, w: 0, h: 0 }, s.address ? { address: s.address } : {});
    o.x = s.x * TILE + TILE / 2;
    o.y = s.y * TILE + TILE / 2;
    o.point = true;
    if (!o.properties?.length) delete o.properties;
    return o;
  });
  const blocked = Array.from(world.blocked, (b) => (b ? layers.collisionTile : -1));
  const tileLayers: [string, ArrayLike<number>, boolean][] = [
    ["ground", layers.ground, true], ["walls", layers.walls, true], ["furniture", layers.furniture, true],
    ["foreground", layers.foreground, true], ["collision", blocked, false],
  ];
  let layerId = 1;
  const layerJson: unknown[] = tileLayers.map(([name, data, visible]) => ({
    id: layerId++, name, type: "tilelayer", x: 0, y: 0, width: world.width, height: world.height, opacity: 1, visible,
    data: `@DATA:${name}@`,
  }));
  const groups: [string, TiledObject[]][] = [["sectors", sectors], ["arenas", arenas], ["objects", objects], ["spawns", spawns]];
  for (const [name, objects] of groups) {
    layerJson.push({ id: layerId++, name, type: "objectgroup", draworder: "topdown", x: 0, y: 0, opacity: 1, visible: name !== "spawns", objects: options.compactObjects ? `@OBJECTS:${name}@` : objects });
  }
  const tiles = [...atlas.properties.entries()].sort((a, b) => a[0] - b[0]).map(([id, props]) => ({
    id, properties: Object.entries(props).map(([name, value]) => ({ name, type: typeof value === "number" ? "int" : typeof value === "boolean" ? "bool" : "string", value })),
  }));
  const map = {
    type: "map", version: "1.10", tiledversion: "1.10.2", orientation: "orthogonal", renderorder: "right-down",
    width: world.width, height: world.height, tilewidth: TILE, tileheight: TILE, infinite: false, compressionlevel: -1,
    nextlayerid: layerId, nextobjectid: nextId,
    properties: [{ name: "world", type: "string", value: wn }],
    tilesets: [{
      firstgid: 1, name: options.tilesetName ?? "ville", image: imageName, imagewidth: atlas.width, imageheight: atlas.height,
      tilewidth: TILE, tileheight: TILE, margin: MARGIN, spacing: SPACING, columns: atlas.columns, tilecount: atlas.count, tiles,
    }],
    layers: layerJson,
  };
  let text = JSON.stringify(map, null, 1);
  for (const [name, data] of tileLayers) text = text.replace(`"@DATA:${name}@"`, dataText(data, world.width));
  if (options.compactObjects) {
    // Tiled's defaults (rotation 0, visible) are left out too.
    const line = (o: TiledObject) => JSON.stringify({ ...o, rotation: undefined, visible: undefined });
    for (const [name, objects] of groups) text = text.replace(`"@OBJECTS:${name}@"`, () => `[\n${objects.map(line).join(",\n")}\n]`);
  }
  return text + "\n";
}

/** Gids (tile id + 1, 0 = empty), one line per row. */
function dataText(data: ArrayLike<number>, width: number): string {
  const rows: string[] = [];
  for (let i = 0; i < data.length; i += width) {
    const row: number[] = [];
    for (let k = i; k < i + width; k++) row.push(data[k] + 1);
    rows.push(row.join(","));
  }
  return `[\n${rows.join(",\n")}\n]`;
}
