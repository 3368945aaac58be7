/**
 * The lobby's "Replays": saved public towns, newest first, each with a Replay button that
 * opens `/replay/<id>`. Hidden when the server keeps no towns.
 */
import type { RunListing } from "../../../shared/replay";
import { button, el } from "../dom";
import { formatGameDateTime } from "../format";
import { listRuns } from "./replay-api";

/** Rows shown at most; the list scrolls. */
const MAX_ROWS = 100;

export class RunList {
  readonly root: HTMLElement;
  private list = el("ul", "town-list run-list");
  private state = el("div", "town-list-state", "Looking for saved towns…");

  constructor() {
    const refresh = button("secondary small", "Refresh", () => void this.refresh(), "Ask the server again");
    this.root = el("section", "join-card lobby-runs", "", [el("div", "card-head", "", [el("h2", "", "Replays"), refresh]), this.state, this.list]);
    this.root.setAttribute("aria-label", "Saved towns to replay");
    void this.refresh();
  }

  private async refresh(): Promise<void> {
    let runs: RunListing[] | null;
    try {
      runs = await listRuns();
    } catch (error) {
      this.state.textContent = `Cannot list saved towns: ${error instanceof Error ? error.message : String(error)}`;
      return;
    }
    this.root.hidden = runs === null;
    if (!runs) return;
    this.state.textContent = runs.length === 0 ? "No saved town yet: towns are saved as they run, and headless runs (npm run simulate) too." : "";
    this.list.replaceChildren(...runs.slice(0, MAX_ROWS).map((r) => row(r)));
  }
}

function row(r: RunListing): HTMLElement {
  const open = button("primary small", "Replay", () => window.location.assign(`/replay/${encodeURIComponent(r.id)}`), `Replay ${r.name || r.id}`);
  const kind = r.mode === "lockstep" ? "headless run" : "live town";
  const facts = [r.scenario, kind, r.hasPassword ? "🔒 password" : "", r.forkOf ? `fork of ${r.forkOf.town}` : ""].filter(Boolean).join(" · ");
  const item = el("li", "town", "", [
    el("div", "town-main", "", [
      el("div", "town-title", r.name || r.id),
      el("div", "town-facts", facts),
      el("div", "town-facts", `up to ${formatGameDateTime(r.gameTimeMs)} (step ${r.step})`),
    ]),
    el("div", "town-actions", "", [open]),
  ]);
  item.dataset.runId = r.id;
  return item;
}
