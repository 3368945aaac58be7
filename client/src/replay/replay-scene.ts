/**
 * The replay's Phaser scene: the town view's map, characters, labels and camera, fed with
 * `stateAt` results instead of a connection. A click on a resident selects it; the camera
 * then follows it within the part of the canvas the panels leave free.
 */
import Phaser from "phaser";
import { TILE_SIZE_PX } from "../../../shared/constants";
import type { ReplayState } from "../../../shared/replay";
import { CameraControls } from "../camera";
import { Character } from "../character";
import { layoutLabels } from "../labels";
import type { ScreenRect } from "../safe-area";
import { SheetLoader } from "../sprites";
import { buildMap, queueMap, type TiledMapJson } from "../townmap";

export interface ReplaySceneData {
  mapName: string;
  mapJson: TiledMapJson;
  safeArea(width: number, height: number): ScreenRect;
  /** A click picked a resident or person (null: the selection was dropped). */
  onPick(id: string | null): void;
  onReady(scene: ReplayScene): void;
}

const START_ZOOM = 1;
const MIN_TWEEN_MS = 60;
const MAX_TWEEN_MS = 1500;
const SAFE_AREA_MS = 250;

export class ReplayScene extends Phaser.Scene {
  private deps!: ReplaySceneData;
  private sheets!: SheetLoader;
  private controls!: CameraControls;
  private characters = new Map<string, Character>();
  /** Seq of the line each one was last shown saying, so a line shows once. */
  private saidSeq = new Map<string, number>();
  private selectedId: string | null = null;
  private safeCheckedAt = -Infinity;

  constructor() {
    super("replay");
  }

  init(data: ReplaySceneData): void {
    this.deps = data;
  }

  preload(): void {
    queueMap(this, this.deps.mapName, this.deps.mapJson);
  }

  create(): void {
    const size = buildMap(this, this.deps.mapJson);
    this.cameras.main.setBackgroundColor("#1b2230");
    this.sheets = new SheetLoader(this);
    this.controls = new CameraControls(this, this.cameras.main, size, {
      onClick: (x, y) => {
        const hit = [...this.characters.values()].find((c) => c.contains(x, y));
        if (hit) this.deps.onPick(hit.id);
      },
      onDragStart: () => undefined,
    }, START_ZOOM);
    this.updateSafeArea(0);
    this.controls.centerOn(size.widthPx / 2, size.heightPx / 2);
    this.deps.onReady(this);
  }

  override update(time: number): void {
    this.updateSafeArea(time);
    const zoom = this.cameras.main.zoom;
    const everyone = [...this.characters.values()];
    for (const c of everyone) c.update(time, zoom);
    layoutLabels(everyone, this.cameras.main.worldView, zoom, this.selectedId);
  }

  /**
   * Shows the town at a moment; moves take `stepMs` (a jump of more than a few tiles snaps).
   * `jumped`: a seek, not the next step, so lines being said then show again.
   */
  show(state: ReplayState, stepMs: number, jumped: boolean): void {
    const tween = Phaser.Math.Clamp(stepMs, MIN_TWEEN_MS, MAX_TWEEN_MS);
    if (jumped) this.saidSeq.clear();
    for (const [id, c] of this.characters) {
      if (state.people[id]) continue;
      c.destroy();
      this.characters.delete(id);
      if (id === this.selectedId) this.select(null);
    }
    for (const p of Object.values(state.people)) {
      let c = this.characters.get(p.id);
      if (!c) {
        c = new Character(this, this.sheets, p.id, p.kind === "resident" ? "resident" : "player", p.name, p.sprite);
        this.characters.set(p.id, c);
        if (p.id === this.selectedId) c.setFocused(true);
      }
      c.moveTo(p.x, p.y, p.facing, tween);
      if (p.kind === "resident") c.setStatus({ emoji: p.emoji, action: p.action, thinking: false, talking: p.conversationId !== "" });
      if (p.line && this.saidSeq.get(p.id) !== p.line.seq) {
        this.saidSeq.set(p.id, p.line.seq);
        c.say(p.line.text);
      }
    }
  }

  /** Rings and follows someone (null: nobody); false if they are not on the map now. */
  select(id: string | null): boolean {
    if (this.selectedId) this.characters.get(this.selectedId)?.setFocused(false);
    const c = id ? this.characters.get(id) : undefined;
    this.selectedId = c ? c.id : null;
    if (!c) return id === null;
    c.setFocused(true);
    this.controls.follow(c.sprite);
    return true;
  }

  fitTown(): void {
    this.controls.fitAll();
  }

  tileToScreen(x: number, y: number): { x: number; y: number } {
    return this.controls.screenAt((x + 0.5) * TILE_SIZE_PX, (y + 0.5) * TILE_SIZE_PX);
  }

  /** Canvas pixel of someone's sprite (its middle), as drawn now. */
  spriteOnScreen(id: string): { x: number; y: number } | null {
    const c = this.characters.get(id);
    return c ? this.controls.screenAt(c.sprite.x, c.sprite.y - TILE_SIZE_PX / 2) : null;
  }

  /** Centres on the middle of everyone, once, when the first moment is shown. */
  lookAtEveryone(): void {
    const all = [...this.characters.values()];
    if (all.length === 0) return;
    const x = all.reduce((s, c) => s + c.sprite.x, 0) / all.length;
    const y = all.reduce((s, c) => s + c.sprite.y, 0) / all.length;
    this.controls.centerOn(x, y);
  }

  private updateSafeArea(time: number): void {
    if (time - this.safeCheckedAt < SAFE_AREA_MS) return;
    this.safeCheckedAt = time;
    const { width, height } = this.cameras.main;
    this.controls.setSafeArea(this.deps.safeArea(width, height));
  }
}
