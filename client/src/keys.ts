/**
 * Arrow keys walk the avatar one tile per `walk` message, repeating while held but at most
 * ~6 per second (the server rate-limits clients). Keys typed into a text field are ignored.
 */
import type { Facing } from "../../shared/constants";

const KEY_TO_FACING: Record<string, Facing> = {
  ArrowUp: "up",
  ArrowDown: "down",
  ArrowLeft: "left",
  ArrowRight: "right",
};
export const WALK_REPEAT_MS = 170;

export class ArrowWalker {
  /** Held directions, most recent last: the last one pressed wins. */
  private held: Facing[] = [];
  private lastSentAt = -Infinity;
  private detach: () => void;

  constructor(private onWalk: (dir: Facing) => void, private onEscape: () => void) {
    const down = (e: KeyboardEvent) => this.keyDown(e);
    const up = (e: KeyboardEvent) => this.keyUp(e);
    const blur = () => (this.held = []);
    window.addEventListener("keydown", down);
    window.addEventListener("keyup", up);
    window.addEventListener("blur", blur);
    this.detach = () => {
      window.removeEventListener("keydown", down);
      window.removeEventListener("keyup", up);
      window.removeEventListener("blur", blur);
    };
  }

  /** Call every frame: sends the held direction when the repeat interval has passed. */
  tick(now: number): void {
    const dir = this.held[this.held.length - 1];
    if (!dir || now - this.lastSentAt < WALK_REPEAT_MS) return;
    this.lastSentAt = now;
    this.onWalk(dir);
  }

  destroy(): void {
    this.detach();
  }

  private keyDown(e: KeyboardEvent): void {
    if (isTyping(e.target)) return;
    if (e.key === "Escape") return this.onEscape();
    const dir = KEY_TO_FACING[e.key];
    if (!dir) return;
    e.preventDefault();
    if (e.repeat || this.held.includes(dir)) return;
    this.held.push(dir);
    this.tick(performance.now());
  }

  private keyUp(e: KeyboardEvent): void {
    const dir = KEY_TO_FACING[e.key];
    if (dir) this.held = this.held.filter((d) => d !== dir);
  }
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === "INPUT" || target.tagName === "TEXTAREA";
}
