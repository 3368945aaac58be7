/**
 * Character sheets: 96 x 128 px, 3 columns x 4 rows of 32 px frames.
 * Rows: down, left, right, up. Columns: step A, standing, step B.
 * Sheets are loaded on demand (a resident's slug is only known once it appears in the state).
 */
import Phaser from "phaser";
import { FACINGS, TILE_SIZE_PX, type Facing } from "../../shared/constants";

export const FRAME_PX = 32;
const COLUMNS = 3;
const WALK_FPS = 8;
/** Texture drawn while a sheet is loading or when it is missing. */
export const PLACEHOLDER_KEY = "character-placeholder";

export function sheetUrl(slug: string): string {
  return `/maps/characters/${encodeURIComponent(slug)}.png`;
}

export function textureKey(slug: string): string {
  return `sheet:${slug}`;
}

export function asFacing(value: string): Facing {
  return (FACINGS as readonly string[]).includes(value) ? (value as Facing) : "down";
}

/** Frame index of the standing pose for a facing. */
export function idleFrame(facing: Facing): number {
  return FACINGS.indexOf(facing) * COLUMNS + 1;
}

export function walkAnimKey(sheetKey: string, facing: Facing): string {
  return `walk:${sheetKey}:${facing}`;
}

/** Loads sheets once each and tells every waiting caller when its sheet is usable. */
export class SheetLoader {
  private waiting = new Map<string, ((key: string) => void)[]>();
  private failed = new Set<string>();

  constructor(private scene: Phaser.Scene) {
    scene.load.on(Phaser.Loader.Events.FILE_COMPLETE, (key: string) => this.finish(key, true));
    scene.load.on(Phaser.Loader.Events.FILE_LOAD_ERROR, (file: Phaser.Loader.File) => this.finish(file.key, false));
    makePlaceholder(scene);
  }

  /** Calls `ready(textureKey)` once the sheet is loaded (or the placeholder key if it failed). */
  request(slug: string, ready: (key: string) => void): void {
    const key = textureKey(slug);
    if (this.scene.textures.exists(key)) return ready(key);
    if (this.failed.has(key)) return ready(PLACEHOLDER_KEY);
    const queue = this.waiting.get(key);
    if (queue) return void queue.push(ready);
    this.waiting.set(key, [ready]);
    this.scene.load.spritesheet(key, sheetUrl(slug), { frameWidth: FRAME_PX, frameHeight: FRAME_PX });
    if (!this.scene.load.isLoading()) this.scene.load.start();
  }

  private finish(key: string, ok: boolean): void {
    const queue = this.waiting.get(key);
    if (!queue) return;
    this.waiting.delete(key);
    if (ok) createWalkAnimations(this.scene, key);
    else this.failed.add(key);
    for (const ready of queue) ready(ok ? key : PLACEHOLDER_KEY);
  }
}

/** One looping walk animation per facing: step A, stand, step B, stand. */
function createWalkAnimations(scene: Phaser.Scene, key: string): void {
  for (const facing of FACINGS) {
    const animKey = walkAnimKey(key, facing);
    if (scene.anims.exists(animKey)) continue;
    const row = FACINGS.indexOf(facing) * COLUMNS;
    scene.anims.create({
      key: animKey,
      frames: scene.anims.generateFrameNumbers(key, { frames: [row, row + 1, row + 2, row + 1] }),
      frameRate: WALK_FPS,
      repeat: -1,
    });
  }
}

/** A neutral figure with the same frame layout, so code never special-cases a missing sheet. */
function makePlaceholder(scene: Phaser.Scene): void {
  if (scene.textures.exists(PLACEHOLDER_KEY)) return;
  const g = scene.make.graphics({}, false);
  for (let i = 0; i < COLUMNS * FACINGS.length; i++) {
    const x = (i % COLUMNS) * FRAME_PX;
    const y = Math.floor(i / COLUMNS) * FRAME_PX;
    g.fillStyle(0x000000, 0.25).fillEllipse(x + 16, y + 29, 18, 5);
    g.fillStyle(0x6b7a99, 1).fillRoundedRect(x + 10, y + 14, 12, 14, 3);
    g.fillStyle(0xe8c39e, 1).fillCircle(x + 16, y + 10, 6);
  }
  g.generateTexture(PLACEHOLDER_KEY, COLUMNS * FRAME_PX, FACINGS.length * FRAME_PX);
  g.destroy();
  const texture = scene.textures.get(PLACEHOLDER_KEY);
  for (let i = 0; i < COLUMNS * FACINGS.length; i++) {
    texture.add(i, 0, (i % COLUMNS) * FRAME_PX, Math.floor(i / COLUMNS) * FRAME_PX, FRAME_PX, FRAME_PX);
  }
  createWalkAnimations(scene, PLACEHOLDER_KEY);
}

/** World position (feet, bottom centre) of a tile. */
export function tileToWorld(x: number, y: number): { x: number; y: number } {
  return { x: x * TILE_SIZE_PX + TILE_SIZE_PX / 2, y: (y + 1) * TILE_SIZE_PX };
}
