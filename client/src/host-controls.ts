/**
 * What only the host sees: pause/resume and the speed (the status panel's speed badge
 * becomes this control), "Fork a copy" (a private copy of the town as it is now, with a
 * link to open it), and "Close town" behind a confirmation.
 */
import { MAX_SPEED, MIN_SPEED } from "../../shared/constants";
import type { HostCommand } from "../../shared/protocol";
import { button, el } from "./dom";

export const SPEEDS = [0.5, 1, 2, 4, 8].filter((s) => s >= MIN_SPEED && s <= MAX_SPEED);

export class HostControls {
  readonly root: HTMLElement;
  readonly closeRoot: HTMLElement;
  readonly forkRoot: HTMLElement;
  private forkResult: HTMLElement;
  private pause: HTMLButtonElement;
  private speeds: HTMLButtonElement[];
  private paused = false;

  constructor(private send: (command: HostCommand) => void) {
    this.pause = button("host-pause", "⏸ Pause", () => this.send(this.paused ? { action: "resume" } : { action: "pause" }));
    this.pause.setAttribute("aria-label", "Pause the town");
    this.speeds = SPEEDS.map((speed) => {
      const b = button("host-speed", `${speed}x`, () => this.send({ action: "speed", speed }), `Run the town at ${speed}x`);
      b.dataset.speed = String(speed);
      return b;
    });
    const group = el("div", "host-speeds", "", this.speeds);
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Speed");
    this.root = el("div", "host-controls", "", [this.pause, group]);
    this.closeRoot = closeTownControl(() => this.send({ action: "close" }));
    this.forkResult = el("span", "host-fork-result");
    const fork = button("secondary small", "Fork a copy", () => {
      this.forkResult.textContent = "forking…";
      this.send({ action: "fork" });
    }, "A private copy of this town as it is now, with its own invite code; you host it");
    this.forkRoot = el("div", "host-fork", "", [fork, this.forkResult]);
  }

  /** The fork is ready: a link to open it (in a new tab, so this town stays open). */
  forked(town: { roomId: string; link: string }): void {
    const a = document.createElement("a");
    a.href = town.link;
    a.target = "_blank";
    a.rel = "noopener";
    a.textContent = `open ${town.roomId}`;
    a.className = "host-fork-link";
    this.forkResult.replaceChildren("ready: ", a);
  }

  /** Shows the clock's state: the pressed speed and what the pause button would do. */
  update(paused: boolean, speed: number): void {
    this.paused = paused;
    this.pause.textContent = paused ? "▶ Resume" : "⏸ Pause";
    this.pause.setAttribute("aria-label", paused ? "Resume the town" : "Pause the town");
    this.pause.classList.toggle("paused", paused);
    for (const b of this.speeds) b.setAttribute("aria-pressed", String(Math.abs(Number(b.dataset.speed) - speed) < 1e-3));
  }
}

/** "Close town", then "Close it for everyone?" with yes and no, so one stray click does nothing. */
function closeTownControl(onClose: () => void): HTMLElement {
  const root = el("div", "host-close");
  const ask = button("danger-quiet", "Close town", () => confirm(true));
  const question = el("span", "host-close-q", "Close it for everyone?");
  const yes = button("danger", "Yes, close", () => {
    onClose();
    confirm(false);
  });
  const no = button("secondary small", "No", () => confirm(false));
  const confirm = (asking: boolean) => {
    ask.hidden = asking;
    question.hidden = yes.hidden = no.hidden = !asking;
  };
  root.append(ask, question, yes, no);
  confirm(false);
  return root;
}
