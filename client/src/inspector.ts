/**
 * The resident inspector: the panel on the right that opens when a person follows a
 * resident. Its head shows the live state (action, place) from the synced state; its body
 * shows an `inspect` answer (plan, schedule, memories, reflections, relationships),
 * asked again every few seconds while open, one request at a time, and the interview
 * battery (inspector-battery.ts); its foot holds the interview box and, for the host, the
 * whisper box.
 */
import { MAX_CHAT_CHARS } from "../../shared/constants";
import { MAX_WHISPER_CHARS, type BatteryAnswer, type ErrorMessage, type InspectAnswer, type InterviewAnswer } from "../../shared/protocol";
import { BatteryPanel } from "./inspector-battery";
import { button, el, lineForm } from "./dom";
import { InspectorThreads } from "./inspector-thread";
import { currentEntry, memoryList, planList, relationshipList, scheduleList, Section, traitChips } from "./inspector-view";
import type { WhisperedMessage } from "./net";

/** What the synced state says about the resident right now. */
export interface LiveStatus {
  name: string;
  emoji: string;
  action: string;
  location: string;
  talking: boolean;
  thinking: boolean;
}

export interface InspectorOptions {
  /** Game time now (ms since the epoch, UTC), to mark the current schedule entry. */
  gameTimeMs(): number;
  inspect(agentId: string): void;
  ask(agentId: string, question: string): void;
  /** Puts the interview battery to a resident; answered by `battery`. */
  battery(agentId: string): void;
  whisper(agentId: string, text: string): void;
  /** The close button: the view stops following the resident (and then calls `hide`). */
  close(): void;
}

/** Time between two `inspect` requests while the panel is open. */
const REFRESH_MS = 3000;
/** A request unanswered after this long (dropped by the rate limit) no longer blocks the next one. */
const REQUEST_LOST_MS = 8000;

export class Inspector {
  readonly root: HTMLElement;
  private agentId: string | null = null;
  private live: LiveStatus | null = null;
  private answer: InspectAnswer | null = null;
  private answeredAt = -Infinity;
  private inFlight: { agentId: string; sentAt: number } | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private host = false;
  private threads = new InspectorThreads((id) => {
    this.drawForms();
    if (id === this.agentId) this.drawThread();
  });

  private headParts = {
    name: el("span", "insp-name-text"),
    age: el("span", "insp-age"),
    action: el("div", "insp-action"),
    where: el("div", "insp-place"),
    status: el("div", "insp-flags"),
  };
  private notice = el("div", "insp-notice");
  private about = el("div", "insp-about");
  private aboutKey = "";
  private currentlyOpen = false;
  private sections = {
    plan: new Section("insp-plan-section", "Today's plan"),
    schedule: new Section("insp-schedule-section", "Schedule"),
    memories: new Section("insp-memories-section", "Recent memories"),
    reflections: new Section("insp-reflections-section", "Reflections"),
    people: new Section("insp-people-section", "Relationships"),
  };
  private battery = new BatteryPanel((id) => this.options.battery(id));
  private thread = el("div", "insp-thread");
  private ask = lineForm("insp-form insp-ask", { placeholder: "Ask a question", label: "Question", submit: "Ask", maxLength: MAX_CHAT_CHARS }, (q) => this.submitQuestion(q));
  private whisper = lineForm("insp-form insp-whisper-form", { placeholder: "Whisper a thought", label: "Thought to whisper", submit: "Whisper", maxLength: MAX_WHISPER_CHARS }, (t) => this.submitWhisper(t));

  constructor(private options: InspectorOptions) {
    const { name, age, action, where, status } = this.headParts;
    const close = button("close", "×", () => this.options.close(), "Stop following (Esc)");
    close.setAttribute("aria-label", "Close the inspector");
    const head = el("div", "insp-head", "", [close, el("div", "insp-name", "", [name, age]), action, where, status]);
    const body = el("div", "insp-body", "", [this.notice, this.about, ...Object.values(this.sections).map((s) => s.root), this.battery.section.root]);
    const foot = el("div", "insp-foot", "", [this.thread, this.ask.form, this.whisper.form]);
    this.root = el("div", "panel inspector", "", [head, body, foot]);
    this.root.setAttribute("role", "dialog");
    this.root.setAttribute("aria-label", "Resident inspector");
    this.root.hidden = true;
    this.whisper.form.hidden = true;
    document.addEventListener("visibilitychange", () => this.pump());
  }

  /** Hosts may whisper. */
  setHost(host: boolean): void {
    this.host = host;
    this.whisper.form.hidden = !host;
  }

  /** Opens the panel on a resident, or refreshes its head when it is already shown. */
  show(agentId: string, live: LiveStatus): void {
    const switched = agentId !== this.agentId;
    this.agentId = agentId;
    this.live = live;
    this.root.hidden = false;
    if (switched) this.switchTo(live);
    this.drawHead();
    if (switched) this.pump();
  }

  /** The resident shown, or null when the panel is closed. */
  get shown(): string | null {
    return this.agentId;
  }

  hide(): void {
    this.agentId = null;
    this.root.hidden = true;
    clearTimeout(this.timer);
  }

  inspected(answer: InspectAnswer): void {
    if (this.inFlight?.agentId === answer.agentId) this.inFlight = null;
    if (answer.agentId === this.agentId) {
      this.answer = answer;
      this.answeredAt = performance.now();
      this.notice.hidden = true;
      this.drawHead();
      this.drawBody(answer);
    }
    this.pump();
  }

  interviewed(answer: InterviewAnswer): void {
    this.threads.answered(answer);
  }

  batteryDone(answer: BatteryAnswer): void {
    this.battery.answered(answer);
  }

  whispered(message: WhisperedMessage): void {
    this.threads.whispered(message);
  }

  /** Takes the errors of `inspect`, `interview`, `battery` and a waiting whisper; returns false for others. */
  failed(error: ErrorMessage): boolean {
    if (this.battery.failed(error)) return true;
    if (error.type === "inspect") {
      this.inFlight = null;
      this.answeredAt = performance.now();
      if (this.agentId) this.showNotice(error.message || error.code);
      this.pump();
      return true;
    }
    return this.threads.failed(error);
  }

  /** Asks for a fresh answer when the last one is old enough and none is on its way. */
  private pump(): void {
    clearTimeout(this.timer);
    const id = this.agentId;
    if (!id) return;
    const now = performance.now();
    if (this.inFlight && now - this.inFlight.sentAt < REQUEST_LOST_MS) return this.wake(REQUEST_LOST_MS - (now - this.inFlight.sentAt));
    const wait = this.answer?.agentId === id ? this.answeredAt + REFRESH_MS - now : 0;
    if (wait > 0 || document.hidden) return this.wake(Math.max(wait, 0) || REFRESH_MS);
    this.inFlight = { agentId: id, sentAt: now };
    this.options.inspect(id);
    this.wake(REQUEST_LOST_MS);
  }

  private wake(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.pump(), ms);
  }

  private switchTo(live: LiveStatus): void {
    this.answer = null;
    this.answeredAt = -Infinity;
    for (const s of Object.values(this.sections)) s.reset();
    this.about.replaceChildren();
    this.aboutKey = "";
    this.currentlyOpen = false;
    this.showNotice(`Looking into ${firstName(live.name)}'s day…`);
    const first = firstName(live.name);
    this.ask.input.placeholder = `Ask ${first} a question`;
    this.whisper.input.placeholder = `Whisper a thought to ${first}`;
    this.ask.input.value = "";
    this.whisper.input.value = "";
    this.drawThread();
    this.drawForms();
    if (this.agentId) this.battery.showFor(this.agentId, first);
  }

  /** Updates the head in place: it changes with every patch, and a rebuilt close button could lose a click. */
  private drawHead(): void {
    const live = this.live;
    if (!live) return;
    const a = this.answer?.agentId === this.agentId ? this.answer : null;
    const flags = [live.talking ? "in a conversation" : "", live.thinking ? "thinking…" : ""].filter(Boolean).join(" · ");
    const place = a && a.place && a.place !== live.location ? `${live.location} → ${a.place}` : live.location;
    const { name, age, action, where, status } = this.headParts;
    name.textContent = live.name;
    age.textContent = a ? `age ${a.age}` : "";
    action.textContent = `${live.emoji} ${live.action || a?.action || "—"}`.trim();
    where.textContent = `📍 ${place || "somewhere in town"}`;
    status.textContent = flags;
    status.hidden = flags === "";
  }

  private drawBody(a: InspectAnswer): void {
    const aboutKey = JSON.stringify([a.innate, a.currently]);
    if (aboutKey !== this.aboutKey) {
      this.aboutKey = aboutKey;
      this.about.replaceChildren(traitChips(a.innate), ...(a.currently ? [this.currentlyText(a.currently)] : []));
    }
    const { plan, schedule, memories, reflections, people } = this.sections;
    plan.set(JSON.stringify(a.plan), a.plan.length, () => planList(a.plan));
    const d = new Date(this.options.gameTimeMs());
    const now = currentEntry(a.schedule, d.getUTCHours() * 60 + d.getUTCMinutes());
    if (schedule.set(JSON.stringify([a.schedule, now]), a.schedule.length, () => scheduleList(a.schedule, now))) scrollToCurrent(schedule.root);
    memories.set(JSON.stringify(a.memories), a.memories.length, () => memoryList(a.memories, "Nothing remembered yet."));
    reflections.set(JSON.stringify(a.reflections), a.reflections.length, () => memoryList(a.reflections, "No reflections yet."));
    people.set(JSON.stringify(a.relationships), a.relationships.length, () => relationshipList(a.relationships));
  }

  /** The persona's "currently" line, cut to three lines until clicked. */
  private currentlyText(text: string): HTMLElement {
    const p = el("p", this.currentlyOpen ? "insp-currently expanded" : "insp-currently", text);
    if (!this.currentlyOpen) p.title = "Click to read all";
    p.addEventListener("click", () => {
      this.currentlyOpen = true;
      p.classList.add("expanded");
      p.removeAttribute("title");
    });
    return p;
  }

  private drawThread(): void {
    const id = this.agentId;
    if (!id || !this.live) return;
    this.thread.hidden = !this.threads.has(id);
    this.thread.replaceChildren(this.threads.render(id, firstName(this.live.name)));
    this.thread.scrollTop = this.thread.scrollHeight;
  }

  /** The ask button waits while an answer is on its way (the server takes one at a time). */
  private drawForms(): void {
    const busy = this.threads.busy;
    this.ask.submit.disabled = busy;
    this.ask.submit.textContent = busy ? "…" : "Ask";
    this.ask.submit.title = busy ? "Waiting for the last answer" : "";
  }

  private submitQuestion(question: string): boolean {
    if (!this.agentId || this.threads.busy) return false;
    this.options.ask(this.agentId, question);
    this.threads.asked(this.agentId, question);
    this.drawForms();
    return true;
  }

  private submitWhisper(text: string): boolean {
    if (!this.agentId || !this.host) return false;
    this.options.whisper(this.agentId, text);
    this.threads.whisperSent(this.agentId, text);
    return true;
  }

  private showNotice(text: string): void {
    this.notice.textContent = text;
    this.notice.hidden = false;
  }
}

function firstName(name: string): string {
  return name.split(" ")[0] || name;
}

/**
 * Scrolls the schedule list (not the panel) so the current entry sits near its top. The
 * list is positioned (style.css), so an entry's offsetTop is measured from it.
 */
function scrollToCurrent(section: HTMLElement): void {
  const list = section.querySelector<HTMLElement>(".insp-schedule");
  const now = list?.querySelector<HTMLElement>(".now");
  if (list && now) list.scrollTop = Math.max(0, now.offsetTop - 24);
}
