/**
 * The chat box. A line goes to the selected resident (the one followed, or the one who
 * last spoke to us) when they are within earshot, else to whoever is near; the "Town"
 * toggle, or a "/town " prefix, sends it on the town-wide channel that only people hear.
 */
import { MAX_CHAT_CHARS } from "../../shared/constants";
import type { SayChannel } from "../../shared/protocol";
import { button, el, lineForm } from "./dom";

export interface ChatTarget {
  id: string;
  name: string;
}

export interface ChatInputOptions {
  send(text: string, to: string | undefined, channel: SayChannel | undefined): void;
  /** Whether our avatar is within earshot of this resident now. */
  canHear(id: string): boolean;
}

const TOWN_PREFIX = /^\/(town|t)\s+/i;
const REFRESH_MS = 500;

export class ChatInput {
  readonly root: HTMLElement;
  private target: ChatTarget | null = null;
  private townWide = false;
  private line: ReturnType<typeof lineForm>;
  private to = el("span", "chat-to-name");
  private hint = el("span", "chat-hint");
  private clear: HTMLButtonElement;
  private townToggle: HTMLButtonElement;

  constructor(private options: ChatInputOptions) {
    this.line = lineForm("chat-form", { placeholder: "", label: "Chat message", submit: "Say", maxLength: MAX_CHAT_CHARS }, (text) => this.submit(text));
    this.clear = button("chat-to-clear", "×", () => this.setTarget(null), "Speak to everyone nearby instead");
    this.clear.setAttribute("aria-label", "Stop speaking to this resident");
    this.townToggle = button("chat-town", "🏘 Town", () => this.setTownWide(!this.townWide), "Speak on the town-wide channel (people only); or start a line with /town");
    this.townToggle.setAttribute("aria-pressed", "false");
    const bar = el("div", "chat-to", "", [el("span", "chat-to-label", "To"), this.to, this.clear, this.hint, this.townToggle]);
    this.root = el("div", "chat-input", "", [bar, this.line.form]);
    this.refresh();
    setInterval(() => this.refresh(), REFRESH_MS);
  }

  get input(): HTMLInputElement {
    return this.line.input;
  }

  /** The resident a line goes to (null: whoever is near). */
  setTarget(target: ChatTarget | null): void {
    this.target = target;
    this.refresh();
  }

  get targetId(): string | null {
    return this.target?.id ?? null;
  }

  setTownWide(on: boolean): void {
    this.townWide = on;
    this.townToggle.setAttribute("aria-pressed", String(on));
    this.refresh();
  }

  private submit(raw: string): boolean {
    const prefixed = TOWN_PREFIX.test(raw);
    const text = raw.replace(TOWN_PREFIX, "").trim();
    if (!text) return false;
    if (prefixed || this.townWide) {
      this.options.send(text, undefined, "town");
      return true;
    }
    const to = this.target && this.options.canHear(this.target.id) ? this.target.id : undefined;
    this.options.send(text, to, undefined);
    return true;
  }

  /** Says where the next line goes, and why a selected resident would not hear it. */
  private refresh(): void {
    const t = this.target;
    const first = t ? t.name.split(" ")[0] : "";
    const hears = !!t && this.options.canHear(t.id);
    let to: string;
    let hint = "";
    let placeholder: string;
    if (this.townWide) {
      to = "the whole town";
      placeholder = "Say something to everyone in town (people only)…";
    } else if (t && hears) {
      to = t.name;
      placeholder = `Say something to ${first}…`;
    } else {
      to = t ? t.name : "everyone nearby";
      hint = t ? "is too far to hear you: walk closer" : "";
      placeholder = "Say something to people nearby…";
    }
    this.to.textContent = to;
    this.hint.textContent = hint;
    this.hint.hidden = hint === "";
    this.clear.hidden = !t || this.townWide;
    this.root.classList.toggle("to-resident", hears && !this.townWide);
    this.root.classList.toggle("town-wide", this.townWide);
    this.line.input.placeholder = placeholder;
  }
}
