/**
 * Camera controls: drag to pan, wheel to zoom (fixed steps, so pixel art stays even),
 * follow a sprite. A press that does not move far is reported as a click in world pixels.
 */
import Phaser from "phaser";

const ZOOM_STEPS = [0.5, 0.75, 1, 1.5, 2, 3];
const DRAG_THRESHOLD_PX = 6;
const FOLLOW_LERP = 0.15;

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
  followed: Phaser.GameObjects.Sprite | null = null;

  constructor(
    private scene: Phaser.Scene,
    private camera: Phaser.Cameras.Scene2D.Camera,
    private callbacks: CameraCallbacks,
    startZoom: number,
  ) {
    this.zoomIndex = nearestStep(startZoom);
    camera.setZoom(ZOOM_STEPS[this.zoomIndex]);
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

  follow(sprite: Phaser.GameObjects.Sprite): void {
    this.followed = sprite;
    this.camera.startFollow(sprite, true, FOLLOW_LERP, FOLLOW_LERP, 0, 16);
  }

  unfollow(): void {
    this.followed = null;
    this.camera.stopFollow();
  }

  centerOn(x: number, y: number): void {
    this.camera.centerOn(x, y);
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

  /** One zoom step per wheel notch, keeping the point under the cursor in place. */
  private wheel(p: Phaser.Input.Pointer, dy: number): void {
    const next = Phaser.Math.Clamp(this.zoomIndex + (dy > 0 ? -1 : 1), 0, ZOOM_STEPS.length - 1);
    if (next === this.zoomIndex) return;
    const anchor = this.worldAt(p.x, p.y);
    this.zoomIndex = next;
    const c = this.camera.setZoom(ZOOM_STEPS[next]);
    if (this.followed) return;
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
