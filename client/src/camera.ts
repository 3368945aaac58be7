/**
 * Camera controls: drag to pan, wheel to zoom (fixed steps, so pixel art stays even),
 * follow a sprite, fit the whole town. A press that does not move far is reported as a
 * click in world pixels. What the camera follows is kept in the middle of the safe area,
 * the part of the canvas no HUD panel covers; the bounds are widened by what the panels
 * cover, so that even a resident at the map's edge can be brought into that area.
 */
import Phaser from "phaser";
import type { ScreenRect } from "./safe-area";

const ZOOM_STEPS = [0.5, 0.75, 1, 1.5, 2, 3];
const DRAG_THRESHOLD_PX = 6;
const FOLLOW_LERP = 0.15;
/** The sprite's origin is its feet: aim half a body higher. */
const FOLLOW_LIFT_PX = 16;
/** Margin around the whole town when fitting it. */
const FIT_MARGIN = 0.97;

export interface CameraCallbacks {
  /** A click (press and release without dragging) at a world point. */
  onClick(worldX: number, worldY: number): void;
  /** The user took the camera by dragging: whatever it followed is dropped. */
  onDragStart(): void;
}

export class CameraControls {
  private zoomIndex: number;
  private press: { x: number; y: number; scrollX: number; scrollY: number } | null = null;
  private dragging = false;
  /** Zoomed out to the whole town (a zoom between the fixed steps; no bounds). */
  private fitted = false;
  private safe: ScreenRect | null = null;
  followed: Phaser.GameObjects.Sprite | null = null;

  constructor(
    scene: Phaser.Scene,
    private camera: Phaser.Cameras.Scene2D.Camera,
    private map: { widthPx: number; heightPx: number },
    private callbacks: CameraCallbacks,
    startZoom: number,
  ) {
    this.zoomIndex = nearestStep(startZoom);
    camera.setZoom(ZOOM_STEPS[this.zoomIndex]);
    this.layout();
    const input = scene.input;
    input.on(Phaser.Input.Events.POINTER_DOWN, (p: Phaser.Input.Pointer) => this.down(p));
    input.on(Phaser.Input.Events.POINTER_MOVE, (p: Phaser.Input.Pointer) => this.move(p));
    input.on(Phaser.Input.Events.POINTER_UP, (p: Phaser.Input.Pointer) => this.up(p));
    input.on(Phaser.Input.Events.POINTER_UP_OUTSIDE, () => (this.press = null));
    input.on(Phaser.Input.Events.POINTER_WHEEL, (p: Phaser.Input.Pointer, _over: unknown, _dx: number, dy: number) =>
      this.wheel(p, dy),
    );
  }

  get zoom(): number {
    return this.camera.zoom;
  }

  /** The free part of the canvas changed (a panel opened, the window was resized). */
  setSafeArea(safe: ScreenRect): void {
    const s = this.safe;
    if (s && s.left === safe.left && s.right === safe.right && s.top === safe.top && s.bottom === safe.bottom) return;
    this.safe = safe;
    this.layout();
  }

  follow(sprite: Phaser.GameObjects.Sprite): void {
    if (this.fitted) this.setZoomStep(nearestStep(1));
    this.followed = sprite;
    this.camera.startFollow(sprite, true, FOLLOW_LERP, FOLLOW_LERP);
    this.layout();
  }

  unfollow(): void {
    this.followed = null;
    this.camera.stopFollow();
  }

  /** Zoom in to at least `zoom` (finding someone from far out). */
  zoomInTo(zoom: number): void {
    if (this.fitted || this.camera.zoom < zoom) this.setZoomStep(nearestStep(zoom));
  }

  centerOn(x: number, y: number): void {
    this.camera.centerOn(x, y);
  }

  /** Zooms out until the whole town is on the canvas, centred; nothing is followed. */
  fitAll(): void {
    this.unfollow();
    const c = this.camera;
    this.fitted = true;
    c.setZoom(Math.min(c.width / this.map.widthPx, c.height / this.map.heightPx) * FIT_MARGIN);
    this.layout();
    c.centerOn(this.map.widthPx / 2, this.map.heightPx / 2);
  }

  /** World rectangle the camera shows now. */
  get view(): Phaser.Geom.Rectangle {
    return this.camera.worldView;
  }

  /** World point under a screen point (camera at the canvas origin, no rotation). */
  worldAt(screenX: number, screenY: number): { x: number; y: number } {
    const c = this.camera;
    return {
      x: (screenX - c.width / 2) / c.zoom + c.scrollX + c.width / 2,
      y: (screenY - c.height / 2) / c.zoom + c.scrollY + c.height / 2,
    };
  }

  /** Screen point of a world point: the inverse of `worldAt`. */
  screenAt(worldX: number, worldY: number): { x: number; y: number } {
    const c = this.camera;
    return {
      x: (worldX - c.scrollX - c.width / 2) * c.zoom + c.width / 2,
      y: (worldY - c.scrollY - c.height / 2) * c.zoom + c.height / 2,
    };
  }

  /** Follow offset and bounds for the current zoom and safe area. */
  private layout(): void {
    const c = this.camera;
    const z = c.zoom;
    const safe = this.safe ?? { left: 0, top: 0, right: c.width, bottom: c.height };
    // The camera centres on target - offset, so the target shows at centre + offset * zoom.
    const offsetX = ((safe.left + safe.right) / 2 - c.width / 2) / z;
    const offsetY = ((safe.top + safe.bottom) / 2 - c.height / 2) / z + FOLLOW_LIFT_PX;
    c.setFollowOffset(offsetX, offsetY);
    if (this.fitted) return void c.removeBounds();
    const padLeft = safe.left / z;
    const padRight = (c.width - safe.right) / z;
    const padTop = safe.top / z;
    const padBottom = (c.height - safe.bottom) / z;
    c.setBounds(-padLeft, -padTop, this.map.widthPx + padLeft + padRight, this.map.heightPx + padTop + padBottom);
  }

  private setZoomStep(index: number): void {
    this.fitted = false;
    this.zoomIndex = index;
    this.camera.setZoom(ZOOM_STEPS[index]);
    this.layout();
  }

  private down(p: Phaser.Input.Pointer): void {
    this.press = { x: p.x, y: p.y, scrollX: this.camera.scrollX, scrollY: this.camera.scrollY };
    this.dragging = false;
  }

  private move(p: Phaser.Input.Pointer): void {
    if (!this.press || !p.isDown) return;
    const dx = p.x - this.press.x;
    const dy = p.y - this.press.y;
    if (!this.dragging && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
    if (!this.dragging) {
      this.dragging = true;
      this.unfollow();
      this.callbacks.onDragStart();
    }
    this.camera.setScroll(this.press.scrollX - dx / this.camera.zoom, this.press.scrollY - dy / this.camera.zoom);
  }

  private up(p: Phaser.Input.Pointer): void {
    const press = this.press;
    this.press = null;
    if (!press || this.dragging) return;
    const world = this.worldAt(p.x, p.y);
    this.callbacks.onClick(world.x, world.y);
  }

  /** One zoom step per wheel notch, keeping the point under the cursor in place; out past the last step fits the town. */
  private wheel(p: Phaser.Input.Pointer, dy: number): void {
    let next: number;
    if (this.fitted) {
      if (dy > 0) return;
      next = 0;
    } else {
      if (dy > 0 && this.zoomIndex === 0 && !this.followed) return this.fitAll();
      next = Phaser.Math.Clamp(this.zoomIndex + (dy > 0 ? -1 : 1), 0, ZOOM_STEPS.length - 1);
      if (next === this.zoomIndex) return;
    }
    const anchor = this.worldAt(p.x, p.y);
    this.setZoomStep(next);
    if (this.followed) return;
    const c = this.camera;
    c.setScroll(
      anchor.x - (p.x - c.width / 2) / c.zoom - c.width / 2,
      anchor.y - (p.y - c.height / 2) / c.zoom - c.height / 2,
    );
  }
}

function nearestStep(zoom: number): number {
  let best = 0;
  ZOOM_STEPS.forEach((z, i) => {
    if (Math.abs(z - zoom) < Math.abs(ZOOM_STEPS[best] - zoom)) best = i;
  });
  return best;
}
