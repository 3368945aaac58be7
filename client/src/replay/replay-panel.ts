/**
 * The panel of the selected resident (or person) at the moment shown: what they are
 * doing and where, whom they are talking with, their latest thought, and what they said
 * in the last few game minutes. Uses the inspector's look.
 */
import type { PersonAt, ReplayConversation, ThoughtKind } from "../../../shared/replay";
import { button, el } from "../dom";
import { formatGameClock } from "../format";

const KIND_LABEL: Record<ThoughtKind, string> = {
  reflection: "reflection",
  plan: "plan for the day",
  planted: "planted thought",
  thought: "thought",
  chat: "after a conversation",
};

export class ReplayPanel {
  readonly root: HTMLElement;
  private name = el("span", "insp-name-text");
  private action = el("div", "insp-action replay-action");
  private place = el("div", "insp-place replay-place");
  private talking = el("div", "insp-flags replay-talking");
  private thought = el("div", "replay-quote replay-thought");
  private thoughtMeta = el("div", "insp-time replay-meta");
  private line = el("div", "replay-quote replay-line");
  private lineMeta = el("div", "insp-time replay-meta");
  private shownId: string | null = null;

  constructor(onClose: () => void) {
    const close = button("close", "×", onClose, "Close (Esc)");
    close.setAttribute("aria-label", "Close the panel");
    const head = el("div", "insp-head", "", [close, el("div", "insp-name", "", [this.name]), this.action, this.place, this.talking]);
    const body = el("div", "insp-body", "", [
      el("div", "drawer-title", "Thinking"), this.thought, this.thoughtMeta,
      el("div", "drawer-title replay-saying-title", "Saying"), this.line, this.lineMeta,
    ]);
    this.root = el("div", "panel inspector replay-panel", "", [head, body]);
    this.root.setAttribute("role", "dialog");
    this.root.setAttribute("aria-label", "What they were doing, thinking and saying");
    this.root.hidden = true;
    for (const quote of [this.thought, this.line]) quote.addEventListener("click", () => quote.classList.toggle("expanded"));
  }

  get shown(): string | null {
    return this.shownId;
  }

  /** Fills the panel for someone at this moment; null (gone from the town) says so. */
  show(id: string, name: string, who: PersonAt | null, conversation: ReplayConversation | undefined): void {
    this.shownId = id;
    this.root.hidden = false;
    this.name.textContent = name;
    if (!who) {
      this.action.textContent = "Not in town at this moment.";
      for (const e of [this.place, this.talking, this.thought, this.thoughtMeta, this.line, this.lineMeta]) e.textContent = "";
      return;
    }
    this.action.textContent = [who.emoji, who.action || (who.kind === "person" ? "walking around" : "…")].filter(Boolean).join(" ");
    this.place.textContent = who.place ? `at ${who.place}` : "";
    const others = conversation ? conversation.participantNames.filter((_, i) => conversation.participants[i] !== who.id) : [];
    this.talking.textContent = who.conversationId ? `💬 talking with ${others.length > 0 ? others.join(", ") : "someone"}` : "";
    const t = who.thought;
    this.thought.textContent = t ? `“${t.text}”` : who.kind === "resident" ? "Nothing on their mind yet." : "People's thoughts are their own.";
    this.thoughtMeta.textContent = t ? `${KIND_LABEL[t.kind]} · ${formatGameClock(t.gameTimeMs)}` : "";
    const l = who.line;
    this.line.textContent = l ? `“${l.text}”` : "Nothing in the last few minutes.";
    this.lineMeta.textContent = l ? `${l.toName ? `to ${l.toName} · ` : ""}${formatGameClock(l.gameTimeMs)}` : "";
  }

  hide(): void {
    this.shownId = null;
    this.root.hidden = true;
  }

  /** What the panel says, as a person would read it ("" when closed). */
  text(): string {
    if (this.root.hidden) return "";
    return [...this.root.querySelectorAll<HTMLElement>(".insp-name, .insp-action, .insp-place, .insp-flags, .drawer-title, .replay-quote, .replay-meta")]
      .map((e) => e.textContent ?? "")
      .filter(Boolean)
      .join("\n");
  }
}
