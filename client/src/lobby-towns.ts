/**
 * The lobby's list of public towns, refreshed every few seconds: name, scenario,
 * residents, people online, mind and game time, with "Join" and "Watch" on each.
 */
import type { TownListing } from "../../shared/protocol";
import { listTowns } from "./api";
import { button, el } from "./dom";
import { formatGameDateTime, formatSpeed, plural } from "./format";

const REFRESH_MS = 4000;

export class TownList {
  readonly root: HTMLElement;
  private list = el("ul", "town-list");
  private state = el("div", "town-list-state", "Looking for towns…");
  /** Why joining a listed town failed. */
  readonly error = el("div", "join-error");
  private key = "";
  private timer: ReturnType<typeof setInterval>;

  constructor(private onEnter: (town: TownListing, spectator: boolean, buttons: HTMLButtonElement[]) => void) {
    const refresh = button("secondary small", "Refresh", () => void this.refresh(), "Ask the server again");
    this.error.setAttribute("role", "alert");
    this.root = el("section", "join-card lobby-towns", "", [el("div", "card-head", "", [el("h2", "", "Towns"), refresh]), this.state, this.list, this.error]);
    this.root.setAttribute("aria-label", "Public towns");
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async refresh(): Promise<void> {
    if (document.hidden) return;
    let towns: TownListing[];
    try {
      towns = await listTowns();
    } catch (error) {
      this.state.textContent = `Cannot list towns: ${error instanceof Error ? error.message : String(error)}`;
      return;
    }
    this.state.textContent = towns.length === 0 ? "No public town is open yet: walk in to open the Ville, or create your own." : "";
    const key = JSON.stringify(towns);
    if (key === this.key) return;
    this.key = key;
    this.list.replaceChildren(...towns.map((t) => this.row(t)));
  }

  private row(t: TownListing): HTMLElement {
    const join = button("primary small", "Join", () => this.onEnter(t, false, [join, watch]), `Walk into ${t.name}`);
    const watch = button("secondary small", "Watch", () => this.onEnter(t, true, [join, watch]), `Watch ${t.name}`);
    const full = t.maxClients > 0 && t.clients >= t.maxClients;
    join.disabled = watch.disabled = full;
    const time = `${formatGameDateTime(t.gameTimeMs)} · ${formatSpeed(t.paused, t.speed)}`;
    const row = el("li", "town", "", [
      el("div", "town-main", "", [
        el("div", "town-title", t.name || t.roomId),
        el("div", "town-facts", `${t.scenario} · ${plural(t.residents, "resident", "residents")} · ${t.clients}${t.maxClients ? `/${t.maxClients}` : ""} online${full ? " (full)" : ""}`),
        el("div", "town-facts", `${time} · ${t.mind}`),
      ]),
      el("div", "town-actions", "", [join, watch]),
    ]);
    row.dataset.roomId = t.roomId;
    return row;
  }
}
