/**
 * The DOM overlay over the canvas: town status (date, time, speed, mind, head count),
 * the chat panel, the followed resident's info card, a controls hint and toasts.
 */
import { MAX_CHAT_CHARS } from "../../shared/constants";
import type { ChatLine } from "../../shared/protocol";
import { formatGameClock, formatGameDateTime, formatSpeed, plural } from "./format";
import type { TownState } from "./net";

export interface ResidentInfo {
  name: string;
  emoji: string;
  action: string;
  location: string;
  talking: boolean;
  thinking: boolean;
}

export interface HudOptions {
  spectator: boolean;
  onSay(text: string): void;
  onCloseInfo(): void;
}

const MAX_CHAT_LINES = 120;
const TOAST_MS = 3500;
const MAX_TOASTS = 3;

export class Hud {
  private status: HTMLElement;
  private log: HTMLElement;
  private info: HTMLElement;
  private toasts: HTMLElement;

  constructor(private root: HTMLElement, private options: HudOptions) {
    root.hidden = false;
    root.replaceChildren();
    this.status = el("div", "panel status");
    this.info = el("div", "panel info");
    this.info.hidden = true;
    this.log = el("div", "chat-log");
    const chat = el("div", "panel chat");
    const title = el("button", "chat-title", "Conversations") as HTMLButtonElement;
    title.type = "button";
    title.title = "Show or hide the conversations";
    title.addEventListener("click", () => chat.classList.toggle("collapsed"));
    chat.append(title, this.log);
    if (!options.spectator) chat.append(this.chatForm());
    const help = el("div", "help", options.spectator
      ? "Drag to pan · wheel to zoom · click a resident to follow · Esc to stop"
      : "Click a tile or use the arrow keys to walk · drag to pan · wheel to zoom · click a resident to follow");
    root.append(this.status, this.info, chat, help);
    this.toasts = document.getElementById("toasts") ?? root;
  }

  /** Redraws the status panel from the synced state. */
  setTown(state: TownState): void {
    const clock = state.clock;
    const time = clock ? formatGameDateTime(clock.gameTimeMs) : "";
    const speed = clock ? formatSpeed(clock.paused, clock.speed) : "";
    const mode = this.options.spectator ? "watching" : "playing";
    this.status.replaceChildren(
      el("div", "town-name", state.townName || "the Ville"),
      el("div", "clock", time),
      el("div", "row", "", [
        el("span", clock?.paused ? "badge paused" : "badge running", clock?.paused ? "⏸ paused" : `▶ ${speed}`),
        el("span", "badge", mode),
      ]),
      el("div", "mind", `Mind: ${state.mind || "unknown"}`),
      el("div", "counts", `${plural(state.agents.size, "resident", "residents")} · ${plural(state.players.size, "player", "players")}`),
    );
  }

  addChat(line: ChatLine): void {
    const row = el("div", "chat-line");
    row.append(
      el("span", "chat-time", formatGameClock(line.gameTimeMs)),
      el("span", "chat-speaker", line.speakerName),
      el("span", "chat-text", line.text),
    );
    const atBottom = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 30;
    this.log.append(row);
    while (this.log.childElementCount > MAX_CHAT_LINES) this.log.firstElementChild?.remove();
    if (atBottom) this.log.scrollTop = this.log.scrollHeight;
  }

  /** Shows (or hides, with null) the card of the resident the camera follows. */
  showInfo(resident: ResidentInfo | null): void {
    this.info.hidden = resident === null;
    if (!resident) return;
    const close = el("button", "close", "×");
    close.title = "Stop following (Esc)";
    close.addEventListener("click", () => this.options.onCloseInfo());
    const flags = [resident.talking ? "in a conversation" : "", resident.thinking ? "thinking…" : ""].filter(Boolean).join(" · ");
    this.info.replaceChildren(
      close,
      el("div", "info-name", resident.name),
      el("div", "info-action", `${resident.emoji} ${resident.action || "—"}`.trim()),
      el("div", "info-location", resident.location || "somewhere in town"),
      ...(flags ? [el("div", "info-flags", flags)] : []),
    );
  }

  /** Shows a message for a few seconds; a repeat of a visible one only restarts its timer. */
  toast(message: string, kind: "error" | "info" = "error"): void {
    const same = [...this.toasts.children].find((t) => t.textContent === message) as HTMLElement | undefined;
    const item = same ?? el("div", `toast ${kind}`, message);
    if (!same) this.toasts.append(item);
    while (this.toasts.childElementCount > MAX_TOASTS) this.toasts.firstElementChild?.remove();
    clearTimeout(Number(item.dataset.timer));
    item.dataset.timer = String(setTimeout(() => item.remove(), TOAST_MS));
  }

  private chatForm(): HTMLElement {
    const form = document.createElement("form");
    form.className = "chat-form";
    const input = document.createElement("input");
    input.type = "text";
    input.maxLength = MAX_CHAT_CHARS;
    input.placeholder = "Say something to people nearby…";
    input.setAttribute("aria-label", "Chat message");
    const send = el("button", "", "Say") as HTMLButtonElement;
    send.type = "submit";
    form.append(input, send);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const text = input.value.trim().slice(0, MAX_CHAT_CHARS);
      if (!text) return;
      this.options.onSay(text);
      input.value = "";
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Escape") input.blur();
    });
    return form;
  }
}

/** Creates an element with a class, optional text and children. */
export function el(tag: string, className: string, text = "", children: HTMLElement[] = []): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  node.append(...children);
  return node;
}
