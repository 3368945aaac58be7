/**
 * The resident directory: every resident with what they are doing and where, filtered by
 * a search box that matches name, current action and place. Picking one flies the camera
 * to them and follows them.
 */
import { el } from "./dom";

export interface ResidentEntry {
  id: string;
  name: string;
  emoji: string;
  action: string;
  location: string;
}

export interface DirectoryOptions {
  residents(): ResidentEntry[];
  onPick(id: string): void;
}

const REFRESH_MS = 1000;

export class Directory {
  readonly root: HTMLElement;
  readonly search: HTMLInputElement;
  private list = el("ul", "directory-list");
  private timer: ReturnType<typeof setInterval> | undefined;
  private key = "";

  constructor(private options: DirectoryOptions) {
    const search = (this.search = document.createElement("input"));
    search.type = "search";
    search.placeholder = "Search name, action or place";
    search.setAttribute("aria-label", "Search residents");
    search.addEventListener("input", () => this.refresh());
    search.addEventListener("keydown", (event) => {
      if (event.key === "Enter") this.pickFirst();
      if (event.key === "Escape") search.blur();
    });
    this.root = el("div", "panel drawer directory", "", [el("div", "drawer-title", "Residents"), search, this.list]);
    this.root.setAttribute("aria-label", "Resident directory");
    this.root.hidden = true;
  }

  get open(): boolean {
    return !this.root.hidden;
  }

  setOpen(open: boolean): void {
    this.root.hidden = !open;
    clearInterval(this.timer);
    if (!open) return;
    this.refresh();
    // What residents do changes all the time; redraw while the list is visible.
    this.timer = setInterval(() => this.refresh(), REFRESH_MS);
    this.search.focus();
  }

  /** The residents that match the search now. */
  matches(): ResidentEntry[] {
    const words = this.search.value.toLowerCase().split(/\s+/).filter(Boolean);
    const all = this.options.residents().sort((a, b) => a.name.localeCompare(b.name));
    if (words.length === 0) return all;
    return all.filter((r) => {
      const hay = `${r.name} ${r.action} ${r.location}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    });
  }

  private refresh(): void {
    const found = this.matches();
    const key = JSON.stringify(found);
    if (key === this.key) return;
    this.key = key;
    if (found.length === 0) return this.list.replaceChildren(el("li", "empty", "Nobody matches."));
    this.list.replaceChildren(...found.map((r) => this.row(r)));
  }

  private row(r: ResidentEntry): HTMLElement {
    const pick = el("button", "resident-pick", "", [
      el("span", "resident-name", r.name),
      el("span", "resident-action", `${r.emoji} ${r.action || "—"}`.trim()),
      el("span", "resident-place", r.location || "somewhere in town"),
    ]) as HTMLButtonElement;
    pick.type = "button";
    pick.title = `Follow ${r.name}`;
    pick.dataset.agentId = r.id;
    pick.addEventListener("click", () => this.options.onPick(r.id));
    return el("li", "", "", [pick]);
  }

  private pickFirst(): void {
    const first = this.matches()[0];
    if (first) this.options.onPick(first.id);
  }
}
