/**
 * The status panel, top left: town name, date and time, speed (the host's controls for
 * the host, a badge for everyone else), mind, head count, the invite link for the host,
 * and the toolbar that opens the finding tools. Updated in place, so buttons keep clicks.
 */
import type { HostCommand, WelcomeMessage } from "../../shared/protocol";
import { button, el } from "./dom";
import { formatGameDateTime, formatSpeed, plural } from "./format";
import { HostControls } from "./host-controls";
import { inviteBox } from "./invite";
import type { TownState } from "./net";

export interface ToolbarActions {
  fitTown(): void;
  toggleDirectory(): void;
  togglePeople(): void;
  toggleHelp(): void;
}

export class StatusPanel {
  readonly root = el("div", "panel status");
  private name = el("div", "town-name");
  private clock = el("div", "clock");
  private speed = el("span", "badge running");
  private badges = el("div", "row");
  private mind = el("div", "mind");
  private counts = el("div", "counts");
  private extra = el("div", "status-extra");
  private host: HostControls | null = null;

  /** The host's fork is ready: its link shows beside the button. */
  forked(town: { roomId: string; link: string }): void {
    this.host?.forked(town);
  }
  private welcome: WelcomeMessage | null = null;

  constructor(private spectator: boolean, private sendHost: (command: HostCommand) => void, tools: ToolbarActions) {
    this.mind.title = "What drives the residents' decisions";
    this.badges.append(this.speed, el("span", "badge", spectator ? "watching" : "playing"));
    const toolbar = el("div", "toolbar", "", [
      button("tool tool-fit", "⤢ Whole town", tools.fitTown, "Zoom out to see the whole town"),
      button("tool tool-find", "🔎 Find", tools.toggleDirectory, "Find a resident"),
      button("tool tool-people", "👥 People", tools.togglePeople, "Who is here"),
      button("tool tool-help", "?", tools.toggleHelp, "How to play"),
    ]);
    this.root.append(this.name, this.clock, this.badges, this.mind, this.counts, this.extra, toolbar);
  }

  setWelcome(welcome: WelcomeMessage): void {
    this.welcome = welcome;
    if (!welcome.host || this.host) return;
    this.host = new HostControls(this.sendHost);
    this.badges.replaceChildren(this.host.root);
    const badge = el("span", "badge host", "host");
    badge.title = "You host this town: pause, speed, whisper, kick, close";
    this.badges.append(badge, el("span", "badge", this.spectator ? "watching" : "playing"));
    this.extra.replaceChildren(inviteBox(welcome.town.link, welcome.town.roomId), this.host.forkRoot, this.host.closeRoot);
  }

  setTown(state: TownState): void {
    const clock = state.clock;
    const town = this.welcome?.town;
    const lock = town?.private ? "🔒 " : "";
    this.name.textContent = `${lock}${state.townName || town?.name || "the Ville"}`;
    this.clock.textContent = clock ? formatGameDateTime(clock.gameTimeMs) : "";
    const paused = clock?.paused ?? false;
    const speed = clock?.speed ?? 1;
    this.speed.className = paused ? "badge paused" : "badge running";
    this.speed.textContent = paused ? "⏸ paused" : `▶ ${formatSpeed(false, speed)}`;
    this.host?.update(paused, speed);
    this.root.classList.toggle("is-paused", paused);
    this.mind.textContent = `Mind: ${state.mind || this.welcome?.mind || "unknown"}`;
    this.counts.textContent = `${plural(state.agents.size, "resident", "residents")} · ${plural(state.players.size, "person", "people")} walking around`;
  }
}
