/**
 * The DOM overlay over the canvas. Left: the status panel with its toolbar and one drawer
 * under it (resident directory, people, help); bottom left: the feed and the chat box.
 * Right: the inspector of the followed resident, and the minimap. Also toasts and the
 * connection notices, and `safeArea()`, the part of the canvas no panel covers.
 */
import type { ChatDelta, ChatMessage, HostCommand, SayChannel, WelcomeMessage } from "../../shared/protocol";
import { ChatInput } from "./chat-input";
import { Directory, type ResidentEntry } from "./directory";
import { el } from "./dom";
import { Feed, type FeedRow } from "./feed";
import { Inspector, type InspectorOptions } from "./inspector";
import type { Minimap } from "./minimap";
import type { TownState } from "./net";
import { ConnectionNotice } from "./notice";
import { PeoplePanel } from "./people";
import { safeArea, type ScreenRect } from "./safe-area";
import { StatusPanel } from "./status-panel";

export interface HudOptions {
  spectator: boolean;
  /** Our player id ("" for spectators). */
  me(): string;
  host(): boolean;
  isResident(id: string): boolean;
  canHear(residentId: string): boolean;
  onSay(text: string, to: string | undefined, channel: SayChannel | undefined): void;
  onHost(command: HostCommand): void;
  /** Follow and inspect a resident (from the feed or the directory). */
  onPickResident(agentId: string): void;
  onFindPlayer(playerId: string): void;
  onFitTown(): void;
  residents(): ResidentEntry[];
  inspector: InspectorOptions;
}

const TOAST_MS = 4000;
const MAX_TOASTS = 3;
const HELP_PLAYER = "Click a tile or use the arrow keys to walk. Walk up to a resident, click them, and type in the chat box to talk. Drag to pan, wheel to zoom, Esc to stop following.";
const HELP_SPECTATOR = "Drag to pan, wheel to zoom. Click a resident (or find one with 🔎) to follow and inspect them; Esc stops following.";

export class Hud {
  readonly inspector: Inspector;
  readonly feed: Feed;
  readonly chat: ChatInput | null;
  readonly directory: Directory;
  readonly notice: ConnectionNotice;
  private status: StatusPanel;
  private people: PeoplePanel;
  private help: HTMLElement;
  private chatPanel: HTMLElement;
  private minimap: HTMLElement | null = null;
  private toasts: HTMLElement;

  constructor(private root: HTMLElement, private options: HudOptions) {
    root.hidden = false;
    root.replaceChildren();
    this.status = new StatusPanel(options.spectator, options.onHost, {
      fitTown: options.onFitTown,
      toggleDirectory: () => this.openDrawer(this.directory.open ? null : "directory"),
      togglePeople: () => this.openDrawer(this.people.root.hidden ? "people" : null),
      toggleHelp: () => this.openDrawer(this.help.hidden ? "help" : null),
    });
    this.directory = new Directory({ residents: options.residents, onPick: options.onPickResident });
    this.people = new PeoplePanel({ me: options.me, host: options.host, onFind: options.onFindPlayer, onKick: (target) => options.onHost({ action: "kick", target }) });
    this.help = el("div", "panel drawer help", options.spectator ? HELP_SPECTATOR : HELP_PLAYER);
    this.help.hidden = true;
    const left = el("div", "left-col", "", [this.status.root, this.directory.root, this.people.root, this.help]);
    this.inspector = new Inspector(options.inspector);
    this.feed = new Feed({
      me: options.me,
      isResident: options.isResident,
      onPickResident: options.onPickResident,
      onAddressed: (line) => this.addressed(line),
    });
    this.chatPanel = el("div", "panel chat");
    const title = el("button", "chat-title", "Conversations") as HTMLButtonElement;
    title.type = "button";
    title.title = "Show or hide the conversations";
    title.addEventListener("click", () => this.chatPanel.classList.toggle("collapsed"));
    this.chatPanel.append(title, this.feed.root);
    this.chat = options.spectator ? null : new ChatInput({ send: options.onSay, canHear: options.canHear });
    if (this.chat) this.chatPanel.append(this.chat.root);
    root.append(left, this.inspector.root, this.chatPanel);
    this.notice = new ConnectionNotice(root);
    this.toasts = document.getElementById("toasts") ?? root;
  }

  attachMinimap(minimap: Minimap): void {
    this.minimap = minimap.root;
    this.root.append(minimap.root);
  }

  setTown(state: TownState): void {
    this.status.setTown(state);
    const people: { id: string; name: string }[] = [];
    state.players.forEach((p, id) => people.push({ id, name: p.name }));
    this.people.set(people);
  }

  setWelcome(welcome: WelcomeMessage): void {
    this.status.setWelcome(welcome);
    this.inspector.setHost(welcome.host);
  }

  addChat(line: ChatMessage): void {
    this.feed.add(line);
  }

  addRecent(lines: ChatMessage[]): void {
    this.feed.addRecent(lines);
  }

  addDelta(delta: ChatDelta): void {
    this.feed.delta(delta);
  }

  feedRows(): FeedRow[] {
    return this.feed.lines();
  }

  /** Shows a message for a few seconds; a repeat of a visible one only restarts its timer. */
  forked(town: { roomId: string; link: string }): void {
    this.status.forked(town);
  }

  toast(message: string, kind: "error" | "info" = "error"): void {
    const same = [...this.toasts.children].find((t) => t.textContent === message) as HTMLElement | undefined;
    const item = same ?? el("div", `toast ${kind}`, message);
    if (!same) this.toasts.append(item);
    while (this.toasts.childElementCount > MAX_TOASTS) this.toasts.firstElementChild?.remove();
    clearTimeout(Number(item.dataset.timer));
    item.dataset.timer = String(setTimeout(() => item.remove(), TOAST_MS));
  }

  /** The canvas area (screen pixels) that the panels leave free, for the camera. */
  safeArea(width: number, height: number): ScreenRect {
    const panels = [this.status.root.parentElement!, this.inspector.root, this.chatPanel, this.minimap].filter((p): p is HTMLElement => !!p);
    return safeArea(width, height, panels);
  }

  private openDrawer(which: "directory" | "people" | "help" | null): void {
    this.directory.setOpen(which === "directory");
    this.people.root.hidden = which !== "people";
    this.help.hidden = which !== "help";
  }

  /** A resident spoke to us: make sure the person sees it and that their answer goes back. */
  private addressed(line: ChatMessage): void {
    if (!this.chat) return;
    // Answers go to them unless the person is already talking to someone else within earshot.
    const current = this.chat.targetId;
    if (current === null || current === line.from || !this.options.canHear(current)) this.chat.setTarget({ id: line.from, name: line.fromName });
    this.toast(`${line.fromName} is talking to you: answer in the chat box`, "info");
  }
}
