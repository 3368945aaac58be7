/**
 * A town's lines: numbered as they are said, kept for the room to broadcast, and the
 * last FEED_LINES kept for people who join later (a snapshot saves those and the
 * sequence; lines the chat log holds beyond them are put back on resume).
 */
import { FEED_LINES } from "../../shared/constants";
import type { ChatMessage } from "../../shared/protocol";

export class ChatFeed {
  private readonly outbox: ChatMessage[] = [];
  private readonly recent: ChatMessage[] = [];
  private seq = 0;

  /** Numbers a line and keeps it. */
  add(line: Omit<ChatMessage, "seq">): ChatMessage {
    const numbered: ChatMessage = { seq: ++this.seq, ...line };
    this.outbox.push(numbered);
    this.recent.push(numbered);
    if (this.recent.length > FEED_LINES) this.recent.shift();
    return numbered;
  }

  /** Lines said since the last call. */
  drain(): ChatMessage[] {
    return this.outbox.splice(0);
  }

  /** The most recent lines, oldest first. */
  lines(): ChatMessage[] {
    return [...this.recent];
  }

  last(): ChatMessage | undefined {
    return this.recent[this.recent.length - 1];
  }

  toJSON(): { seq: number; lines: ChatMessage[] } {
    return { seq: this.seq, lines: [...this.recent] };
  }

  /** Restores the saved feed, then lines said after it was saved (from the chat log). */
  load(saved: { seq: number; lines: ChatMessage[] }, later: readonly ChatMessage[] = []): void {
    this.recent.splice(0, this.recent.length, ...saved.lines);
    this.seq = saved.seq;
    for (const line of later) {
      if (line.seq <= this.seq) continue;
      this.recent.push(line);
      this.seq = line.seq;
    }
    this.recent.splice(0, Math.max(0, this.recent.length - FEED_LINES));
  }
}
