/**
 * What a person said to each resident through the inspector: questions with their answers
 * (`interview`) and, for the host, whispered thoughts (`whispered`). Kept per resident for
 * the session, so reopening a resident shows the thread again.
 *
 * The server answers one interview per person at a time, and its errors name only the
 * message type, so an error is matched to the oldest request of that type still waiting
 * (whispers travel as `host` commands).
 */
import type { ErrorMessage, InterviewAnswer } from "../../shared/protocol";
import { el } from "./dom";
import type { WhisperedMessage } from "./net";

interface Question {
  kind: "question";
  question: string;
  answer: string | null;
  error: string | null;
}
interface Whisper {
  kind: "whisper";
  text: string;
  confirmed: boolean;
  error: string | null;
}
type ThreadItem = Question | Whisper;

/** An answer that has not come after this long (a lost connection) stops blocking new questions. */
const ANSWER_TIMEOUT_MS = 120_000;

export class InspectorThreads {
  private items = new Map<string, ThreadItem[]>();
  private asking: { agentId: string; item: Question; timer: ReturnType<typeof setTimeout> } | null = null;
  private whispering: { agentId: string; item: Whisper }[] = [];

  /** `changed` is told which resident's thread changed. */
  constructor(private changed: (agentId: string) => void) {}

  /** Waiting for an answer: the server takes one question at a time. */
  get busy(): boolean {
    return this.asking !== null;
  }

  asked(agentId: string, question: string): void {
    const item: Question = { kind: "question", question, answer: null, error: null };
    this.threadOf(agentId).push(item);
    const timer = setTimeout(() => this.giveUp(item, "No answer came; try again."), ANSWER_TIMEOUT_MS);
    this.asking = { agentId, item, timer };
    this.changed(agentId);
  }

  answered(reply: InterviewAnswer): void {
    const waiting = this.asking?.agentId === reply.agentId ? this.asking.item : this.threadOf(reply.agentId).find(
      (i): i is Question => i.kind === "question" && i.answer === null && i.error === null && i.question === reply.question,
    );
    if (!waiting) return;
    waiting.answer = reply.answer;
    this.release(waiting);
    this.changed(reply.agentId);
  }

  whisperSent(agentId: string, text: string): void {
    const item: Whisper = { kind: "whisper", text, confirmed: false, error: null };
    this.threadOf(agentId).push(item);
    this.whispering.push({ agentId, item });
    this.changed(agentId);
  }

  whispered(message: WhisperedMessage): void {
    const at = this.whispering.findIndex((w) => w.agentId === message.agentId && w.item.text === message.text);
    const found = at >= 0 ? this.whispering.splice(at, 1)[0] : null;
    if (found) found.item.confirmed = true;
    else this.threadOf(message.agentId).push({ kind: "whisper", text: message.text, confirmed: true, error: null });
    this.changed(message.agentId);
  }

  /** Takes an `interview` or `whisper` error; returns false when it was not about them. */
  failed(error: ErrorMessage): boolean {
    const text = error.message || error.code;
    if (error.type === "interview" && this.asking) {
      this.giveUp(this.asking.item, text);
      return true;
    }
    // Whispers are host commands now; an error about `host` while one waits is taken as its refusal.
    if ((error.type === "host" || error.type === "whisper") && this.whispering.length > 0) {
      const { agentId, item } = this.whispering.shift()!;
      item.error = text;
      this.changed(agentId);
      return true;
    }
    return false;
  }

  /** The thread with one resident; `firstName` speaks for them. */
  render(agentId: string, firstName: string): HTMLElement {
    const items = this.items.get(agentId) ?? [];
    return el("div", "insp-thread-items", "", items.flatMap((item) => (item.kind === "question" ? questionRows(item, firstName) : [whisperRow(item, firstName)])));
  }

  has(agentId: string): boolean {
    return (this.items.get(agentId)?.length ?? 0) > 0;
  }

  private giveUp(item: Question, reason: string): void {
    if (item.answer !== null || item.error !== null) return;
    item.error = reason;
    const agentId = this.asking?.item === item ? this.asking.agentId : null;
    this.release(item);
    if (agentId) this.changed(agentId);
  }

  private release(item: Question): void {
    if (this.asking?.item !== item) return;
    clearTimeout(this.asking.timer);
    this.asking = null;
  }

  private threadOf(agentId: string): ThreadItem[] {
    let list = this.items.get(agentId);
    if (!list) this.items.set(agentId, (list = []));
    return list;
  }
}

function questionRows(item: Question, firstName: string): HTMLElement[] {
  const asked = el("div", "insp-q", "", [el("span", "insp-who", "You"), el("span", "", item.question)]);
  if (item.error !== null) return [asked, el("div", "insp-a error", item.error)];
  const waiting = item.answer === null;
  const text = waiting ? "…" : item.answer || "(no answer)";
  const answer = el("div", waiting ? "insp-a waiting" : "insp-a", "", [el("span", "insp-who", firstName), el("span", "insp-answer-text", text)]);
  if (waiting) answer.setAttribute("aria-busy", "true");
  return [asked, answer];
}

function whisperRow(item: Whisper, firstName: string): HTMLElement {
  if (item.error !== null) return el("div", "insp-whisper error", `Whisper not taken: ${item.error}`);
  const said = `“${item.text}”`;
  return item.confirmed
    ? el("div", "insp-whisper", `🤫 ${firstName} will remember: ${said}`)
    : el("div", "insp-whisper waiting", `🤫 Whispering ${said}…`);
}
