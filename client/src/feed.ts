/**
 * The town's feed: every line said, tagged from the message itself (the conversation's
 * participants, "nearby" or "town"), never guessed from the state. A resident's reply
 * that streams (`chat-delta`) grows in its own row, which the final `chat` with the same
 * draft id completes in place. Text only: everything goes in through textContent.
 */
import type { ChatChannel, ChatDelta, ChatMessage } from "../../shared/protocol";
import { el } from "./dom";
import { formatGameClock } from "./format";

export interface FeedOptions {
  /** Our player id ("" for spectators). */
  me(): string;
  isResident(id: string): boolean;
  /** A resident's line was clicked: follow and inspect them. */
  onPickResident(id: string): void;
  /** A resident spoke to us (live, not from the recent feed). */
  onAddressed(line: ChatMessage): void;
}

/** What a row shows, for browser tests (`window.__ville.feed()`). */
export interface FeedRow {
  seq: number | null;
  channel: ChatChannel | "draft";
  conversationId: string;
  from: string;
  fromName: string;
  to: string | null;
  tag: string;
  text: string;
  toMe: boolean;
  streaming: boolean;
  /** Set when the line was streamed first (`chat-delta`) and completed in this same row. */
  draftId?: string;
}

const MAX_ROWS = 150;
const MAX_REMEMBERED = 600;

interface Row {
  el: HTMLElement;
  data: FeedRow;
  parts: { time: HTMLElement; speaker: HTMLElement; tag: HTMLElement; text: HTMLElement };
}

export class Feed {
  readonly root = el("div", "chat-log");
  private rows: Row[] = [];
  private seen = new Set<number>();
  private drafts = new Map<string, Row>();
  /** Names in each conversation as its last line said, for a draft's tag. */
  private conversations = new Map<string, string>();

  constructor(private options: FeedOptions) {
    this.root.setAttribute("role", "log");
    this.root.setAttribute("aria-label", "Conversations");
  }

  /** The recent lines at join (oldest first); lines already shown are skipped. */
  addRecent(lines: ChatMessage[]): void {
    for (const line of [...lines].sort((a, b) => a.seq - b.seq)) this.add(line, false);
  }

  add(line: ChatMessage, live = true): void {
    if (this.seen.has(line.seq)) return;
    this.remember(line.seq);
    const draft = line.draftId ? this.drafts.get(line.draftId) : undefined;
    if (line.draftId) this.drafts.delete(line.draftId);
    const row = draft ?? this.newRow();
    const toMe = !!line.to && line.to === this.options.me();
    const tag = this.tagOf(line, toMe);
    if (line.conversationId) this.conversations.set(line.conversationId, tag);
    row.data = {
      seq: line.seq, channel: line.channel, conversationId: line.conversationId, from: line.from, fromName: line.fromName,
      to: line.to, tag, text: line.text, toMe, streaming: false, ...(draft && line.draftId ? { draftId: line.draftId } : {}),
    };
    this.draw(row, line.gameTimeMs);
    if (!draft) this.append(row);
    if (live && toMe && this.options.isResident(line.from)) this.options.onAddressed(line);
  }

  delta(d: ChatDelta): void {
    let row = this.drafts.get(d.draftId);
    const toMe = !!d.to && d.to === this.options.me();
    if (!row) {
      row = this.newRow();
      this.drafts.set(d.draftId, row);
      row.data = {
        seq: null, channel: "draft", conversationId: d.conversationId, from: d.from, fromName: d.fromName, to: d.to,
        tag: toMe ? "to you" : this.conversations.get(d.conversationId) ?? (d.conversationId ? "conversation" : ""),
        text: d.text, toMe, streaming: true, draftId: d.draftId,
      };
      this.draw(row, null);
      this.append(row);
      return;
    }
    const stick = this.atBottom();
    row.data.text = d.text;
    row.parts.text.textContent = d.text;
    if (stick) this.root.scrollTop = this.root.scrollHeight;
  }

  lines(): FeedRow[] {
    return this.rows.map((r) => ({ ...r.data }));
  }

  private tagOf(line: ChatMessage, toMe: boolean): string {
    const me = this.options.me();
    if (line.channel === "town") return toMe ? "town · to you" : "town";
    if (line.channel === "near") {
      if (toMe) return "nearby · to you";
      return line.toName ? `nearby · to ${line.toName}` : "nearby";
    }
    const others = line.participants
      .map((id, i) => (id === me ? "you" : line.participantNames[i] ?? id))
      .filter((_, i) => line.participants[i] !== line.from);
    const withWhom = others.length > 0 ? `with ${others.join(", ")}` : "conversation";
    return toMe && !others.includes("you") ? `${withWhom} · to you` : withWhom;
  }

  private newRow(): Row {
    const parts = { time: el("span", "chat-time"), speaker: el("span", "chat-speaker"), tag: el("span", "chat-tag"), text: el("span", "chat-text") };
    const row = el("div", "chat-line", "", [parts.time, parts.speaker, parts.tag, parts.text]);
    return { el: row, parts, data: undefined as unknown as FeedRow };
  }

  private draw(row: Row, gameTimeMs: number | null): void {
    const d = row.data;
    const { time, speaker, tag, text } = row.parts;
    time.textContent = gameTimeMs === null ? "…" : formatGameClock(gameTimeMs);
    speaker.textContent = d.from === this.options.me() ? `${d.fromName} (you)` : d.fromName;
    tag.textContent = d.tag;
    tag.hidden = d.tag === "";
    text.textContent = d.text;
    const e = row.el;
    e.className = `chat-line channel-${d.channel}`;
    e.classList.toggle("streaming", d.streaming);
    e.classList.toggle("to-me", d.toMe);
    e.dataset.channel = d.channel;
    if (d.seq !== null) e.dataset.seq = String(d.seq);
    if (d.draftId) e.dataset.draft = d.draftId;
    if (d.conversationId) {
      e.classList.add("in-conversation");
      e.style.setProperty("--conversation-hue", String(hueOf(d.conversationId)));
      tag.title = `conversation ${d.conversationId}`;
    }
    if (this.options.isResident(d.from)) {
      e.classList.add("by-resident");
      e.title = `Follow ${d.fromName}`;
      if (!e.dataset.clickable) e.addEventListener("click", () => this.options.onPickResident(d.from));
      e.dataset.clickable = "1";
    }
  }

  private append(row: Row): void {
    const atBottom = this.atBottom();
    this.rows.push(row);
    this.root.append(row.el);
    while (this.rows.length > MAX_ROWS) this.rows.shift()!.el.remove();
    if (atBottom) this.root.scrollTop = this.root.scrollHeight;
  }

  private atBottom(): boolean {
    return this.root.scrollHeight - this.root.scrollTop - this.root.clientHeight < 30;
  }

  private remember(seq: number): void {
    this.seen.add(seq);
    if (this.seen.size > MAX_REMEMBERED) this.seen.delete(this.seen.values().next().value!);
  }
}

/** A stable hue per conversation id, so its lines share a colour. */
function hueOf(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return (h * 137) % 360;
}
