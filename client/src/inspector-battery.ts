/**
 * The inspector's "Interview battery" section: a button that puts the battery (25
 * questions in five categories, each answer checked by the server) to the resident shown,
 * then the per-category scores and every question and answer with pass or fail, and why.
 * Results are kept per resident for the session. The server runs one battery per person
 * at a time, so the button waits while one is on its way.
 */
import type { BatteryAnswer, ErrorMessage } from "../../shared/protocol";
import { button, el } from "./dom";
import { Section } from "./inspector-view";

type Result = BatteryAnswer["result"];
type Item = Result["items"][number];

/** A battery asks 25 questions of the mind: with a language model it can take minutes. */
const BATTERY_TIMEOUT_MS = 600_000;
const CATEGORY_LABELS: Record<string, string> = { self: "Self-knowledge", memory: "Memory", plans: "Plans", reactions: "Reactions", reflections: "Reflections" };

export class BatteryPanel {
  readonly section = new Section("insp-battery-section", "Interview battery");
  private results = new Map<string, Result>();
  private errors = new Map<string, string>();
  private running: { agentId: string; timer: ReturnType<typeof setTimeout> } | null = null;
  private agentId: string | null = null;
  private firstName = "";
  private run = button("insp-battery-run", "Run the battery", () => this.start());
  private status = el("div", "insp-battery-status");
  private body = el("div", "insp-battery-body");

  constructor(private send: (agentId: string) => void) {
    this.section.set("battery", null, () => el("div", "insp-battery", "", [el("div", "insp-battery-bar", "", [this.run, this.status]), this.body]));
  }

  /** Shows the resident's last result (if any) and the button for them. */
  showFor(agentId: string, firstName: string): void {
    this.agentId = agentId;
    this.firstName = firstName;
    this.draw();
  }

  answered(reply: BatteryAnswer): void {
    this.results.set(reply.agentId, reply.result);
    this.errors.delete(reply.agentId);
    if (this.running?.agentId === reply.agentId) this.stop();
    if (reply.agentId === this.agentId) this.section.root.open = true;
    this.draw();
  }

  /** Takes a `battery` error; returns false for others. */
  failed(error: ErrorMessage): boolean {
    if (error.type !== "battery") return false;
    const id = this.running?.agentId ?? this.agentId;
    if (id) this.errors.set(id, error.message || error.code);
    this.stop();
    this.draw();
    return true;
  }

  private start(): void {
    const id = this.agentId;
    if (!id || this.running) return;
    this.errors.delete(id);
    const timer = setTimeout(() => {
      this.errors.set(id, "No result came; try again.");
      this.stop();
      this.draw();
    }, BATTERY_TIMEOUT_MS);
    this.running = { agentId: id, timer };
    this.send(id);
    this.draw();
  }

  private stop(): void {
    if (this.running) clearTimeout(this.running.timer);
    this.running = null;
  }

  private draw(): void {
    const id = this.agentId;
    if (!id) return;
    const busy = this.running !== null;
    const mine = this.running?.agentId === id;
    this.run.disabled = busy;
    this.run.textContent = mine ? "Running…" : this.results.has(id) ? "Run it again" : "Run the battery";
    this.run.title = busy && !mine ? "Another battery of yours is still running" : `Ask ${this.firstName} 25 questions and check each answer`;
    const result = this.results.get(id);
    const error = this.errors.get(id);
    this.status.textContent = error ?? (mine ? `Asking ${this.firstName} 25 questions…` : result ? summary(result) : "");
    this.status.className = error ? "insp-battery-status error" : "insp-battery-status";
    this.body.replaceChildren(...(result ? [scores(result), ...items(result.items)] : []));
  }
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

function summary(r: Result): string {
  const passed = r.items.filter((i) => i.passed).length;
  return `${passed} of ${r.items.length} passed · hallucination ${pct(r.hallucinationRate)}`;
}

function scores(r: Result): HTMLElement {
  const rows = Object.entries(r.categories).map(([c, s]) =>
    el("li", "", "", [el("span", "insp-battery-cat", CATEGORY_LABELS[c] ?? c), el("span", "insp-battery-score", `${s.passed}/${s.asked}`), meter(s.score)]),
  );
  return el("ul", "insp-battery-scores", "", rows);
}

function meter(score: number): HTMLElement {
  const bar = el("span", "insp-battery-meter");
  const fill = el("span", "insp-battery-fill");
  fill.style.width = pct(score).replace(" ", "");
  bar.append(fill);
  bar.title = pct(score);
  return bar;
}

/** Every question by category: a mark, the question, the answer, and the checks it failed. */
function items(list: Item[]): HTMLElement[] {
  const categories = [...new Set(list.map((i) => i.category))];
  return categories.map((c) =>
    el("div", "insp-battery-group", "", [
      el("div", "insp-battery-group-title", CATEGORY_LABELS[c] ?? c),
      el("ol", "insp-battery-items", "", list.filter((i) => i.category === c).map(itemRow)),
    ]),
  );
}

function itemRow(i: Item): HTMLElement {
  const failed = i.checks.filter((c) => !c.passed);
  const mark = el("span", i.passed ? "insp-battery-mark pass" : "insp-battery-mark fail", i.passed ? "✓" : "✗");
  mark.setAttribute("aria-label", i.passed ? "passed" : "failed");
  const why = failed.map((c) => (c.detail ? `${c.name}: ${c.detail}` : c.name)).join(" · ");
  return el("li", i.passed ? "pass" : "fail", "", [
    mark,
    el("div", "insp-battery-qa", "", [
      el("div", "insp-battery-q", i.question),
      el("div", "insp-battery-a", i.answer || "(no answer)"),
      ...(why ? [el("div", i.hallucinated ? "insp-battery-why hallucinated" : "insp-battery-why", i.hallucinated ? `hallucination · ${why}` : why)] : []),
    ]),
  ]);
}
