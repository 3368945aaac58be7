/**
 * The lobby's "Replays": saved public towns, newest first, each with a Replay button that
 * opens `/replay/<id>`, Open for a live town that was not closed (it comes back when
 * opened), and Fork: a private copy at its newest state that this browser hosts. Hidden
 * when the server keeps no towns.
 */
import type { RunListing } from "../../../shared/replay";
import { button, el } from "../dom";
import { formatGameDateTime } from "../format";
import { listRuns } from "./replay-api";
import { playerToken } from "../identity";
import type { ForkAnswer } from "../../../shared/protocol";

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
  const actions: HTMLElement[] = [open];
  if (r.mode === "live" && !r.closed) actions.push(button("secondary small", "Open", () => window.location.assign(`/t/${encodeURIComponent(r.id)}`), `Walk into ${r.name || r.id}`));
  const status = el("div", "town-facts run-fork-status");
  actions.push(button("secondary small", "Fork", () => void fork(r, status), `A private copy of ${r.name || r.id} as it is now, which you host`));
  const item = el("li", "town", "", [
    el("div", "town-main", "", [
      el("div", "town-title", r.name || r.id),
      el("div", "town-facts", facts),
      el("div", "town-facts", `up to ${formatGameDateTime(r.gameTimeMs)} (step ${r.step})`),
      status,
    ]),
    el("div", "town-actions", "", actions),
  ]);
  item.dataset.runId = r.id;
  return item;
}

/** Forks a saved town for this browser (asking for the source's password if it has one), then opens the fork. */
async function fork(r: RunListing, status: HTMLElement): Promise<void> {
  const sourcePassword = r.hasPassword ? (window.prompt(`Password of ${r.name || r.id}`) ?? undefined) : undefined;
  if (r.hasPassword && !sourcePassword) return;
  status.textContent = "forking…";
  try {
    const res = await fetch(`/api/towns/${encodeURIComponent(r.id)}/fork`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: playerToken(), private: true, ...(sourcePassword && { sourcePassword }) }),
    });
    const body = (await res.json()) as ForkAnswer | { error: string };
    if (!res.ok || "error" in body) throw new Error("error" in body ? body.error : `HTTP ${res.status}`);
    window.location.assign(body.link);
  } catch (error) {
    status.textContent = `Cannot fork: ${error instanceof Error ? error.message : String(error)}`;
  }
}
