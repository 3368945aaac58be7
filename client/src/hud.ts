/**
 * The DOM overlay over the canvas: town status (date, time, speed, mind, head count),
 * the chat panel, the inspector of the followed resident, a controls hint and toasts.
 */
import { MAX_CHAT_CHARS } from "../../shared/constants";
import type { ChatLine, WelcomeMessage } from "../../shared/protocol";
import { el, lineForm } from "./dom";
import { formatGameClock, formatGameDateTime, formatSpeed, plural } from "./format";
import { Inspector, type InspectorOptions } from "./inspector";
import type { TownState } from "./net";

export interface HudOptions {
  spectator: boolean;
  onSay(text: string): void;
  /** A resident's chat line was clicked: follow and inspect them. */
  onPickResident(agentId: string): void;
  inspector: InspectorOptions;
}

/** Who else is in the conversation a chat line belongs to, as far as the view knows. */
export interface ChatContext {
  /** The speaker is a resident (their line can be clicked to follow them). */
  byResident: boolean;
  /** Names of the others in the conversation now (from the synced state). */
  partners: string[];
}

const MAX_CHAT_LINES = 120;
const MAX_REMEMBERED_CONVERSATIONS = 60;
const TOAST_MS = 3500;
const MAX_TOASTS = 3;

export class Hud {
  readonly inspector: Inspector;
  private status: HTMLElement;
  private log: HTMLElement;
  private toasts: HTMLElement;
  private welcomeMind = "";
  private host = false;
  /** Everyone seen in each recent conversation, for the tag on its lines. */
  private conversations = new Map<string, Set<string>>();

  constructor(private root: HTMLElement, private options: HudOptions) {
    root.hidden = false;
    root.replaceChildren();
    this.status = el("div", "panel status");
    this.inspector = new Inspector(options.inspector);
    this.log = el("div", "chat-log");
    const chat = el("div", "panel chat");
    const title = el("button", "chat-title", "Conversations") as HTMLButtonElement;
    title.type = "button";
    title.title = "Show or hide the conversations";
    title.addEventListener("click", () => chat.classList.toggle("collapsed"));
    chat.append(title, this.log);
    if (!options.spectator) chat.append(this.chatForm());
    const help = el("div", "help", options.spectator
      ? "Drag to pan · wheel to zoom · click a resident to follow and inspect · Esc to stop"
      : "Click a tile or use the arrow keys to walk · drag to pan · wheel to zoom · click a resident to inspect");
    root.append(this.status, this.inspector.root, chat, help);
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
        ...(this.host ? [hostBadge()] : []),
      ]),
      this.mindLine(state.mind || this.welcomeMind),
      el("div", "counts", `${plural(state.agents.size, "resident", "residents")} · ${plural(state.players.size, "player", "players")}`),
    );
  }

  /** The server's welcome: hosts get the whisper box; the mind label is known before the state says it. */
  setWelcome(welcome: WelcomeMessage): void {
    this.welcomeMind = welcome.mind;
    this.host = welcome.host;
    this.inspector.setHost(welcome.host);
  }

  /**
   * Adds a chat line. Lines of a conversation carry a tag naming the others in it and a
   * colour of their own; a resident's line can be clicked to follow and inspect them.
   */
  addChat(line: ChatLine, context: ChatContext): void {
    const row = el("div", "chat-line");
    row.append(el("span", "chat-time", formatGameClock(line.gameTimeMs)), el("span", "chat-speaker", line.speakerName));
    if (line.conversationId) {
      const others = this.others(line, context.partners);
      const hue = hueOf(line.conversationId);
      row.classList.add("in-conversation");
      row.style.setProperty("--conversation-hue", String(hue));
      const tag = el("span", "chat-tag", others.length > 0 ? `with ${others.join(", ")}` : "conversation");
      tag.title = `conversation ${line.conversationId}`;
      row.append(tag);
    }
    row.append(el("span", "chat-text", line.text));
    if (context.byResident) {
      row.classList.add("by-resident");
      row.title = `Follow ${line.speakerName}`;
      row.addEventListener("click", () => this.options.onPickResident(line.speakerId));
    }
    const atBottom = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 30;
    this.log.append(row);
    while (this.log.childElementCount > MAX_CHAT_LINES) this.log.firstElementChild?.remove();
    if (atBottom) this.log.scrollTop = this.log.scrollHeight;
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
    const options = { placeholder: "Say something to people nearby…", label: "Chat message", submit: "Say", maxLength: MAX_CHAT_CHARS };
    return lineForm("chat-form", options, (text) => {
      this.options.onSay(text);
      return true;
    }).form;
  }

  private mindLine(mind: string): HTMLElement {
    const line = el("div", "mind", `Mind: ${mind || "unknown"}`);
    line.title = "What drives the residents' decisions";
    return line;
  }

  /** Everyone in the conversation but the speaker: who the view sees in it now, and who spoke in it before. */
  private others(line: ChatLine, partners: string[]): string[] {
    let seen = this.conversations.get(line.conversationId);
    if (!seen) {
      this.conversations.set(line.conversationId, (seen = new Set()));
      const oldest = this.conversations.keys().next().value;
      if (this.conversations.size > MAX_REMEMBERED_CONVERSATIONS && oldest !== undefined) this.conversations.delete(oldest);
    }
    seen.add(line.speakerName);
    for (const name of partners) seen.add(name);
    return [...seen].filter((name) => name !== line.speakerName);
  }
}

function hostBadge(): HTMLElement {
  const badge = el("span", "badge host", "host");
  badge.title = "You opened this town: you can whisper thoughts to residents";
  return badge;
}

/** A stable hue per conversation id, so its lines share a colour. */
function hueOf(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return (h * 137) % 360;
}
