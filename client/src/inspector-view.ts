/**
 * The inspector's sections, drawn from an `inspect` answer: plan, schedule (the current
 * entry marked), memories, reflections and relationships. Pure DOM builders, plus a
 * collapsible `Section` that redraws only when its content changed, so the periodic
 * refresh keeps scroll positions and what the person opened or closed.
 */
import type { InspectAnswer, InspectMemory } from "../../shared/protocol";
import { el } from "./dom";

const MINUTES_PER_DAY = 24 * 60;
const KINDS: Record<InspectMemory["kind"], { icon: string; label: string }> = {
  event: { icon: "👀", label: "noticed" },
  chat: { icon: "💬", label: "conversation" },
  thought: { icon: "💭", label: "thought" },
};

/** A `<details>` block with a title and a count; its body is rebuilt only when `key` changes. */
export class Section {
  readonly root: HTMLDetailsElement;
  private count: HTMLElement;
  private body: HTMLElement;
  private key: string | null = null;

  constructor(className: string, title: string, open = true) {
    this.root = el("details", `insp-section ${className}`) as HTMLDetailsElement;
    this.root.open = open;
    this.count = el("span", "insp-count");
    const summary = el("summary", "", "", [el("span", "insp-title", title), this.count]);
    this.body = el("div", "insp-section-body");
    this.root.append(summary, this.body);
  }

  /** Redraws the body when `key` differs from the last one; returns whether it did. */
  set(key: string, count: number | null, render: () => HTMLElement): boolean {
    this.count.textContent = count === null ? "" : String(count);
    if (key === this.key) return false;
    this.key = key;
    this.body.replaceChildren(render());
    return true;
  }

  /** Forgets the drawn content (another resident is shown next). */
  reset(): void {
    this.key = null;
    this.count.textContent = "";
    this.body.replaceChildren();
  }
}

/** Traits from the persona's comma-separated `innate` line, as chips. */
export function traitChips(innate: string): HTMLElement {
  const traits = innate.split(/[,;]/).map((t) => t.trim()).filter(Boolean);
  return el("div", "insp-traits", "", traits.map((t) => el("span", "insp-chip", t)));
}

export function planList(plan: string[]): HTMLElement {
  if (plan.length === 0) return empty("No plan for today yet.");
  return el("ol", "insp-plan", "", plan.map((item) => el("li", "", item)));
}

/** "08:30" -> 510 */
function minuteOf(clock: string): number {
  const [h, m] = clock.split(":").map(Number);
  return (h || 0) * 60 + (m || 0);
}

/**
 * Index of the entry under way at `nowMinute` (minute of the day), or -1. Start times
 * only grow through a day, so a smaller one means the schedule ran past midnight.
 */
export function currentEntry(schedule: InspectAnswer["schedule"], nowMinute: number): number {
  let offset = 0;
  let previous = -1;
  let current = -1;
  schedule.forEach((entry, i) => {
    let start = minuteOf(entry.start) + offset;
    if (start < previous) {
      offset += MINUTES_PER_DAY;
      start += MINUTES_PER_DAY;
    }
    previous = start;
    if (start <= nowMinute) current = i;
  });
  return current;
}

/** The schedule with the current entry marked (`.now`); the caller scrolls it into view. */
export function scheduleList(schedule: InspectAnswer["schedule"], current: number): HTMLElement {
  if (schedule.length === 0) return empty("No schedule yet.");
  const rows = schedule.map((entry, i) => {
    const row = el("li", i === current ? "now" : i < current ? "past" : "", "", [
      el("span", "insp-time", entry.start),
      el("span", "insp-task", entry.task),
      el("span", "insp-minutes", `${entry.minutes}m`),
    ]);
    if (i === current) row.setAttribute("aria-current", "time");
    return row;
  });
  return el("ol", "insp-schedule", "", rows);
}

/** Memories or reflections, newest first: kind icon, time, text and importance (1-10). */
export function memoryList(items: InspectMemory[], none: string): HTMLElement {
  if (items.length === 0) return empty(none);
  return el("ul", "insp-memories", "", items.map(memoryRow));
}

function memoryRow(m: InspectMemory): HTMLElement {
  const kind = KINDS[m.kind] ?? KINDS.event;
  const icon = el("span", "insp-kind", kind.icon);
  icon.title = kind.label;
  const importance = el("span", `insp-importance level-${importanceLevel(m.poignancy)}`, String(m.poignancy));
  importance.title = `importance ${m.poignancy} of 10`;
  return el("li", `insp-memory kind-${m.kind}`, "", [
    icon,
    el("div", "insp-memory-main", "", [el("span", "insp-time", m.time), el("span", "insp-memory-text", m.text)]),
    importance,
  ]);
}

/** 1-3 low, 4-6 mid, 7-10 high: a colour for the importance badge. */
function importanceLevel(poignancy: number): "low" | "mid" | "high" {
  return poignancy >= 7 ? "high" : poignancy >= 4 ? "mid" : "low";
}

export function relationshipList(relationships: InspectAnswer["relationships"]): HTMLElement {
  if (relationships.length === 0) return empty("Has not talked with anyone yet.");
  return el("ul", "insp-people", "", relationships.map((r) => {
    const last = el("div", "insp-last-chat", r.lastChat);
    last.title = r.lastChat;
    return el("li", "", "", [
      el("div", "insp-person", "", [
        el("span", "insp-person-name", r.name),
        el("span", "insp-person-count", r.conversations === 1 ? "1 conversation" : `${r.conversations} conversations`),
      ]),
      last,
    ]);
  }));
}

function empty(text: string): HTMLElement {
  return el("div", "insp-empty", text);
}
