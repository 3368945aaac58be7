/**
 * What the page says about the connection itself: a banner while the SDK reconnects, and
 * a card when the town has ended our visit (kicked, closed, joined elsewhere) or the link
 * is gone for good. After `bye` nothing reconnects: the card offers the lobby instead.
 */
import type { ByeMessage } from "../../shared/protocol";
import { button, el } from "./dom";

const TITLES: Record<ByeMessage["reason"], string> = {
  kicked: "You were removed from this town",
  closed: "This town has closed",
  replaced: "You joined from somewhere else",
};

export class ConnectionNotice {
  private banner = el("div", "link-banner", "Connection lost: reconnecting…");
  private card: HTMLElement | null = null;

  constructor(private root: HTMLElement) {
    this.banner.setAttribute("role", "status");
    this.banner.hidden = true;
    root.append(this.banner);
  }

  reconnecting(on: boolean): void {
    this.banner.hidden = !on || this.card !== null;
  }

  /** The visit is over; shows why, once (a later close does not replace it). */
  ended(title: string, message: string, reason: string): void {
    if (this.card) return;
    this.banner.hidden = true;
    const lobby = button("primary", "Back to the lobby", () => window.location.assign("/"));
    this.card = el("div", "ended", "", [
      el("div", "ended-card", "", [el("h2", "", title), el("p", "", message), lobby]),
    ]);
    this.card.dataset.reason = reason;
    this.card.setAttribute("role", "alertdialog");
    this.card.setAttribute("aria-label", title);
    this.root.append(this.card);
    lobby.focus();
  }

  bye(bye: ByeMessage): void {
    this.ended(TITLES[bye.reason] ?? "Your visit has ended", bye.message || "", bye.reason);
  }

  get endedReason(): string | null {
    return this.card?.dataset.reason ?? null;
  }
}
