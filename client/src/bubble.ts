/**
 * A speech-bubble label drawn in screen pixels: the owner scales it by 1 / zoom so text
 * stays crisp and the same size at every camera zoom. Its origin is the tip of the tail.
 */
import Phaser from "phaser";
import { FONT_STACK } from "./emoji-font";

/** Emoji from the bundled colour font (loaded before the town is drawn), text from the system. */
export const LABEL_FONT = FONT_STACK;
const PAD_X = 6;
const PAD_Y = 3;
const TAIL_PX = 5;
const RADIUS = 6;

export class Bubble {
  readonly container: Phaser.GameObjects.Container;
  private bg: Phaser.GameObjects.Graphics;
  private main: Phaser.GameObjects.Text;
  private sub: Phaser.GameObjects.Text;
  /** Shown at the bubble's left while the owner is in a conversation. */
  private icon: Phaser.GameObjects.Image;
  private content = "";
  private isEmpty = true;
  /** Size of the box in screen pixels (tail excluded). */
  width = 0;
  height = 0;

  constructor(scene: Phaser.Scene, depth: number, iconKey: string) {
    this.bg = scene.add.graphics();
    this.main = scene.add.text(0, 0, "", {
      fontFamily: LABEL_FONT,
      fontSize: "12px",
      color: "#1d2433",
    });
    this.sub = scene.add.text(0, 0, "", {
      fontFamily: LABEL_FONT,
      fontSize: "10px",
      fontStyle: "italic",
      color: "#6a5acd",
    });
    this.icon = scene.add.image(0, 0, iconKey).setOrigin(0, 0.5);
    this.container = scene.add.container(0, 0, [this.bg, this.icon, this.main, this.sub]).setDepth(depth);
  }

  /**
   * Sets the content; redraws only when it changed. With no text and no icon the bubble
   * stays hidden.
   */
  setContent(main: string, sub: string, tone: "normal" | "focus", talking: boolean): void {
    const key = [tone, main, sub, talking].join("\u0000");
    if (key === this.content) return;
    this.content = key;
    this.isEmpty = main === "" && sub === "" && !talking;
    this.main.setText(main).setVisible(main !== "");
    this.sub.setText(sub).setVisible(sub !== "");
    this.icon.setVisible(talking);
    const iconW = talking ? this.icon.width + (main || sub ? 4 : 0) : 0;
    const textW = Math.max(main ? this.main.width : 0, sub ? this.sub.width : 0);
    const textH = (main ? this.main.height : 0) + (sub ? this.sub.height - (main ? 2 : 0) : 0);
    const w = Math.ceil(iconW + textW) + PAD_X * 2;
    const h = Math.ceil(Math.max(textH, talking ? this.icon.height : 0)) + PAD_Y * 2;
    this.width = w;
    this.height = h;
    const top = -TAIL_PX - h;
    const left = -w / 2 + PAD_X;
    this.icon.setPosition(left, top + h / 2);
    this.main.setPosition(left + iconW, top + PAD_Y);
    this.sub.setPosition(left + iconW, top + PAD_Y + (main ? this.main.height - 2 : 0));
    this.drawBox(w, h, top, tone);
  }

  get empty(): boolean {
    return this.isEmpty;
  }

  /** Places the tail tip at a world point, lifted by `liftPx` screen pixels. */
  placeAt(x: number, y: number, zoom: number, liftPx: number): void {
    this.container.setPosition(x, y - liftPx / zoom).setScale(1 / zoom);
  }

  setVisible(visible: boolean): void {
    this.container.setVisible(visible && !this.empty);
  }

  destroy(): void {
    this.container.destroy();
  }

  private drawBox(w: number, h: number, top: number, tone: "normal" | "focus"): void {
    const g = this.bg.clear();
    const fill = tone === "focus" ? 0xfff7d6 : 0xffffff;
    g.fillStyle(0x000000, 0.18).fillRoundedRect(-w / 2 + 1, top + 2, w, h, RADIUS);
    g.fillStyle(fill, 0.94).fillRoundedRect(-w / 2, top, w, h, RADIUS);
    g.fillTriangle(-4, top + h - 0.5, 4, top + h - 0.5, 0, 0);
    g.lineStyle(1, tone === "focus" ? 0xc99a1e : 0x3b4660, 0.85).strokeRoundedRect(-w / 2, top, w, h, RADIUS);
  }
}
