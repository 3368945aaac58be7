/**
 * The Tiled map: fetched as JSON (so tileset names and images come from the file, not
 * from code), then drawn as layers ground, walls, furniture, [characters], foreground.
 * The hidden `collision` layer and the semantic object layers are not drawn.
 */
import Phaser from "phaser";
import { FOREGROUND_DEPTH } from "./character";

export interface TiledTileset {
  name: string;
  image?: string;
  source?: string;
  firstgid?: number;
  columns?: number;
  margin?: number;
  spacing?: number;
  tilewidth?: number;
  tileheight?: number;
}
export interface TiledMapJson {
  width: number;
  height: number;
  tilewidth: number;
  tileheight: number;
  tilesets: TiledTileset[];
  layers: TiledLayer[];
}
export interface TiledLayer {
  name: string;
  type: string;
  data?: number[];
  objects?: { name?: string; type?: string; x: number; y: number }[];
}

const MAP_KEY = "town-map";
/** Drawn at depths 0..1, under the characters (CHARACTER_DEPTH). */
const BELOW_CHARACTERS = ["ground", "walls", "furniture"];
const ABOVE_CHARACTERS = ["foreground"];

export function mapUrl(mapName: string): string {
  return `/maps/${encodeURIComponent(mapName)}/${encodeURIComponent(mapName)}.json`;
}

/** Fetches and sanity-checks the map JSON; throws a readable error. */
export async function fetchMap(mapName: string): Promise<TiledMapJson> {
  const url = mapUrl(mapName);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`map ${url} answered ${response.status}`);
  const json = (await response.json()) as TiledMapJson;
  if (!Array.isArray(json.tilesets) || json.tilesets.length === 0) throw new Error(`map ${url} has no tileset`);
  const external = json.tilesets.find((t) => !t.image);
  if (external) throw new Error(`map ${url}: tileset "${external.name ?? external.source}" must be embedded with an image`);
  return json;
}

export const tilesetKey = (name: string) => `tileset:${name}`;

/** Queues the map and its tileset images on the scene's loader (call in preload). */
export function queueMap(scene: Phaser.Scene, mapName: string, json: TiledMapJson): void {
  scene.load.tilemapTiledJSON(MAP_KEY, json);
  const base = new URL(mapUrl(mapName), window.location.href);
  for (const tileset of json.tilesets) {
    scene.load.image(tilesetKey(tileset.name), new URL(tileset.image!, base).href);
  }
}

/** Draws the tile layers in order and returns the map's size in pixels. */
export function buildMap(scene: Phaser.Scene, json: TiledMapJson): { widthPx: number; heightPx: number } {
  const map = scene.make.tilemap({ key: MAP_KEY });
  const tilesets = json.tilesets
    .map((t) => map.addTilesetImage(t.name, tilesetKey(t.name)))
    .filter((t): t is Phaser.Tilemaps.Tileset => t !== null);
  const draw = (names: string[], baseDepth: number) =>
    names.forEach((name, i) => {
      if (map.getLayerIndex(name) === null) return;
      map.createLayer(name, tilesets)?.setDepth(baseDepth + i * 0.1);
    });
  draw(BELOW_CHARACTERS, 0);
  draw(ABOVE_CHARACTERS, FOREGROUND_DEPTH);
  return { widthPx: map.widthInPixels, heightPx: map.heightInPixels };
}

/** Pixel position of the first human spawn point (`spawns` layer, name "player"), if any. */
export function playerSpawn(json: TiledMapJson): { x: number; y: number } | null {
  const spawns = json.layers.find((l) => l.name === "spawns" && l.type === "objectgroup");
  const spot = spawns?.objects?.find((o) => o.name === "player");
  return spot ? { x: spot.x, y: spot.y } : null;
}

/** The tileset images as Phaser loaded them, by tileset name (for the minimap). */
export function tilesetImages(scene: Phaser.Scene, json: TiledMapJson): Map<string, HTMLImageElement | HTMLCanvasElement> {
  const images = new Map<string, HTMLImageElement | HTMLCanvasElement>();
  for (const t of json.tilesets) {
    const key = tilesetKey(t.name);
    if (!scene.textures.exists(key)) continue;
    const source = scene.textures.get(key).getSourceImage();
    if (source instanceof HTMLImageElement || source instanceof HTMLCanvasElement) images.set(t.name, source);
  }
  return images;
}
