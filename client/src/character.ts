/**
 * One person on the map (resident or player): a walking sprite, a name label, and a
 * bubble: for residents emoji + action and a chat icon while in a conversation; for
 * everyone, for a few seconds, the line they just said.
 * Labels are sized in screen pixels (scaled by 1 / zoom) so they read the same at any zoom.
 */
import Phaser from "phaser";
import type { Facing } from "../../shared/constants";
import { Bubble, LABEL_FONT } from "./bubble";
import { FRAME_PX, PLACEHOLDER_KEY, idleFrame, tileToWorld, walkAnimKey, type SheetLoader } from "./sprites";

export type CharacterKind = "resident" | "player";

export interface ResidentStatus {
  emoji: string;
  action: string;
  thinking: boolean;
  talking: boolean;
}

/** Depths: map layers sit below CHARACTER_DEPTH, the foreground layer above it, labels on top. */
export const CHARACTER_DEPTH = 10;
export const FOREGROUND_DEPTH = 20;
export const LABEL_DEPTH = 30;
const SNAP_TILES = 3;
const ACTION_CHARS = 30;
const COMPACT_BELOW_ZOOM = 0.8;
const FOCUS_ACTION_CHARS = 64;
const CHAT_ICON_KEY = "chat-icon";
const SPEECH_CHARS = 56;
const SPEECH_MIN_MS = 5000;
const SPEECH_MS_PER_CHAR = 60;
const SPEECH_MAX_MS = 12_000;

export class Character {
  readonly sprite: Phaser.GameObjects.Sprite;
  readonly bubble: Bubble;
  readonly name: Phaser.GameObjects.Text;
  private ring: Phaser.GameObjects.Ellipse;
  private sheetKey = PLACEHOLDER_KEY;
  private facing: Facing = "down";
  private walkingUntil = 0;
  private status: ResidentStatus = { emoji: "", action: "", thinking: false, talking: false };
  private focused = false;
  /** Zoomed far out: bubbles show the emoji only. */
  private compact = false;
  /** The line said last, shown until `until` (scene time). */
  private speech: { text: string; until: number } | null = null;
  tileX = Number.NaN;
  tileY = Number.NaN;

  constructor(
    private scene: Phaser.Scene,
    sheets: SheetLoader,
    readonly id: string,
    readonly kind: CharacterKind,
    displayName: string,
    slug: string,
    own = false,
  ) {
    this.ring = scene.add.ellipse(0, 0, 26, 10).setStrokeStyle(2, 0xffd34d, 1).setVisible(false);
    this.sprite = scene.add.sprite(0, 0, PLACEHOLDER_KEY, idleFrame("down")).setOrigin(0.5, 1);
    this.name = scene.add
      .text(0, 0, own ? `${displayName} (you)` : displayName, {
        fontFamily: LABEL_FONT,
        fontSize: "11px",
        fontStyle: "bold",
        color: kind === "player" ? (own ? "#ffe27a" : "#9fe3ff") : "#ffffff",
        stroke: "#141a26",
        strokeThickness: 3,
      })
      .setOrigin(0.5, 0)
      .setDepth(LABEL_DEPTH);
    this.bubble = new Bubble(scene, LABEL_DEPTH + 1, chatIconTexture(scene));
    sheets.request(slug, (key) => this.useSheet(key));
  }

  /** Moves to a tile: a walk of `durationMs` to a near tile, a jump to a far one. */
  moveTo(tileX: number, tileY: number, facing: Facing, durationMs: number): void {
    const first = Number.isNaN(this.tileX);
    const far = Math.max(Math.abs(tileX - this.tileX), Math.abs(tileY - this.tileY)) > SNAP_TILES;
    const moved = tileX !== this.tileX || tileY !== this.tileY;
    this.tileX = tileX;
    this.tileY = tileY;
    this.facing = facing;
    const target = tileToWorld(tileX, tileY);
    this.scene.tweens.killTweensOf(this.sprite);
    if (first || far) {
      this.sprite.setPosition(target.x, target.y);
      this.standStill();
    } else if (moved) {
      this.scene.tweens.add({ targets: this.sprite, x: target.x, y: target.y, duration: durationMs, ease: "Linear" });
      this.walkingUntil = this.scene.time.now + durationMs + 60;
      this.sprite.play(walkAnimKey(this.sheetKey, facing), true);
    } else if (!this.sprite.anims.isPlaying) {
      this.standStill();
    }
  }

  setStatus(status: ResidentStatus): void {
    this.status = status;
    this.refreshBubble();
  }

  /** Shows a line just said in the bubble for a few seconds (longer lines stay longer). */
  say(text: string): void {
    const ms = Phaser.Math.Clamp(SPEECH_MIN_MS + text.length * SPEECH_MS_PER_CHAR, SPEECH_MIN_MS, SPEECH_MAX_MS);
    this.speech = { text, until: this.scene.time.now + ms };
    this.refreshBubble();
  }

  /** Highlights the character the camera follows and shows its full action. */
  setFocused(focused: boolean): void {
    this.focused = focused;
    this.ring.setVisible(focused);
    this.refreshBubble();
  }

  /** Per frame: stop walking when the last step is done; keep depth and ring with the sprite. */
  update(now: number, zoom: number): void {
    if (this.sprite.anims.isPlaying && now > this.walkingUntil) this.standStill();
    if (this.speech && now > this.speech.until) {
      this.speech = null;
      this.refreshBubble();
    }
    const compact = zoom < COMPACT_BELOW_ZOOM;
    if (compact !== this.compact) {
      this.compact = compact;
      this.refreshBubble();
    }
    const { x, y } = this.sprite;
    this.sprite.setDepth(CHARACTER_DEPTH + y / 100_000);
    this.ring.setPosition(x, y - 2).setDepth(CHARACTER_DEPTH - 0.5);
  }

  /** Puts the name under the feet, pushed down `dropPx` screen pixels to clear other names. */
  placeName(zoom: number, dropPx: number): void {
    this.name.setPosition(this.sprite.x, this.sprite.y + (1 + dropPx) / zoom).setScale(1 / zoom);
  }

  /** The world point the bubble's tail points at (just above the head). */
  get headX(): number {
    return this.sprite.x;
  }
  get headY(): number {
    return this.sprite.y - FRAME_PX + 2;
  }

  /** Hit test in world coordinates, generous by a few pixels for small sprites. */
  contains(worldX: number, worldY: number): boolean {
    const { x, y } = this.sprite;
    return Math.abs(worldX - x) <= FRAME_PX / 2 && worldY <= y + 2 && worldY >= y - FRAME_PX - 2;
  }

  get statusNow(): ResidentStatus {
    return this.status;
  }

  /** Showing a line just said. */
  get speaking(): boolean {
    return this.speech !== null;
  }

  destroy(): void {
    this.scene.tweens.killTweensOf(this.sprite);
    for (const o of [this.sprite, this.name, this.ring]) o.destroy();
    this.bubble.destroy();
  }

  private useSheet(key: string): void {
    if (!this.sprite.active) return;
    this.sheetKey = key;
    this.sprite.setTexture(key, idleFrame(this.facing));
  }

  private standStill(): void {
    this.sprite.stop();
    this.sprite.setFrame(idleFrame(this.facing));
  }

  private refreshBubble(): void {
    const { emoji, action, thinking, talking } = this.status;
    const tone = this.focused ? "focus" : "normal";
    if (this.compact && !this.focused) {
      return this.bubble.setContent(emoji || truncate(action, 12) || (thinking ? "…" : ""), "", tone, talking || !!this.speech);
    }
    const limit = this.focused ? FOCUS_ACTION_CHARS : ACTION_CHARS;
    const text = [emoji, truncate(action, limit)].filter(Boolean).join(" ");
    const hint = thinking ? "thinking…" : "";
    if (this.speech) return this.bubble.setContent(`“${truncate(this.speech.text, SPEECH_CHARS)}”`, text || hint, tone, true);
    if (text) this.bubble.setContent(text, hint, tone, talking);
    else this.bubble.setContent(hint, "", tone, talking);
  }
}

export function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

/** A small white speech balloon with three dots, drawn once (no emoji font needed). */
function chatIconTexture(scene: Phaser.Scene): string {
  if (scene.textures.exists(CHAT_ICON_KEY)) return CHAT_ICON_KEY;
  const g = scene.make.graphics({}, false);
  g.fillStyle(0x141a26, 1).fillRoundedRect(0, 0, 18, 13, 4).fillTriangle(3, 11, 9, 11, 2, 17);
  g.fillStyle(0xffffff, 1).fillRoundedRect(1, 1, 16, 11, 3).fillTriangle(4, 10, 8, 10, 3, 15);
  g.fillStyle(0x3b6fd6, 1).fillCircle(5, 6.5, 1.5).fillCircle(9, 6.5, 1.5).fillCircle(13, 6.5, 1.5);
  g.generateTexture(CHAT_ICON_KEY, 18, 18);
  g.destroy();
  return CHAT_ICON_KEY;
}
