/**
 * Who is walking around: the players in the town (spectators have no avatar and are not
 * listed). A name shows that person on the map; the host may kick anyone but themself,
 * after a confirmation.
 */
import { button, el } from "./dom";

export interface PeopleOptions {
  me(): string;
  host(): boolean;
  onFind(playerId: string): void;
  onKick(playerId: string): void;
}

export class PeoplePanel {
  readonly root: HTMLElement;
  private list = el("ul", "people-list");
  private key = "";
  private confirming: string | null = null;
  private people: { id: string; name: string }[] = [];

  constructor(private options: PeopleOptions) {
    this.root = el("div", "panel drawer people", "", [el("div", "drawer-title", "People here"), this.list]);
    this.root.setAttribute("aria-label", "People");
    this.root.hidden = true;
  }

  /** The players now; redrawn only when someone came, left or was renamed. */
  set(people: { id: string; name: string }[]): void {
    this.people = [...people].sort((a, b) => a.name.localeCompare(b.name));
    const key = JSON.stringify([this.people, this.options.host(), this.confirming]);
    if (key === this.key) return;
    this.key = key;
    this.draw();
  }

  private draw(): void {
    const me = this.options.me();
    const host = this.options.host();
    if (this.people.length === 0) return this.list.replaceChildren(el("li", "empty", "Nobody is walking around: everyone here is watching."));
    this.list.replaceChildren(...this.people.map((p) => {
      const name = button("person-name", p.id === me ? `${p.name} (you)` : p.name, () => this.options.onFind(p.id), `Show ${p.name} on the map`);
      const row = el("li", "person", "", [name]);
      row.dataset.playerId = p.id;
      if (host && p.id !== me) row.append(...this.kickControls(p));
      return row;
    }));
  }

  private kickControls(p: { id: string; name: string }): HTMLElement[] {
    const redraw = (confirming: string | null) => {
      this.confirming = confirming;
      this.set(this.people);
    };
    if (this.confirming !== p.id) return [button("danger-quiet small", "Kick", () => redraw(p.id), `Remove ${p.name} from the town`)];
    return [
      button("danger small", `Kick ${p.name.split(" ")[0]}`, () => {
        this.options.onKick(p.id);
        redraw(null);
      }),
      button("secondary small", "No", () => redraw(null)),
    ];
  }
}
