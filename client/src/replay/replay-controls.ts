/**
 * The replay's controls. Top left: the town's name and the game clock. Bottom: play or
 * pause, the speeds, and the timeline: a range over every step of the run, with the
 * conversations marked on a strip above it (a click on one jumps to its start).
 */
import type { ReplayConversation, ReplayData, ReplayState } from "../../../shared/replay";
import { stepRange } from "../../../shared/replay";
import { button, el } from "../dom";
import { formatGameClock, formatGameDateTime, plural } from "../format";

export const REPLAY_SPEEDS = [1, 2, 4, 8, 16, 32] as const;

export interface ControlsOptions {
  onSeek(step: number): void;
  onPlay(playing: boolean): void;
  onSpeed(speed: number): void;
  onFitTown(): void;
}

export class ReplayControls {
  readonly status = el("div", "panel status replay-status");
  readonly bar = el("div", "panel replay-bar");
  private clock = el("div", "clock replay-clock");
  private where = el("div", "counts");
  private play: HTMLButtonElement;
  private speeds: HTMLButtonElement[];
  private timeline = document.createElement("input");
  private now = el("span", "replay-now");
  private range: { first: number; last: number };

  constructor(data: ReplayData, private options: ControlsOptions) {
    this.range = stepRange(data);
    const t = data.town;
    const facts = [t.scenario, t.mode === "lockstep" ? "headless run" : "live town", t.forkOf ? `fork of ${t.forkOf.town} at step ${t.forkOf.step}` : ""].filter(Boolean).join(" · ");
    const lobby = el("a", "replay-lobby", "← Lobby") as HTMLAnchorElement;
    lobby.href = "/";
    const damage = data.damage.length > 0 ? [el("div", "replay-damage", `⚠ Part of this town could not be read: the replay ends where the damage starts (${data.damage[0].where}: ${data.damage[0].message}).`)] : [];
    const toolbar = el("div", "toolbar", "", [
      button("tool tool-fit", "⤢ Whole town", options.onFitTown, "Zoom out to see the whole town"),
      lobby,
    ]);
    this.status.append(el("div", "town-name", `🎞 Replay · ${t.name || t.id}`), this.clock, el("div", "mind", facts), this.where, ...damage, toolbar);

    this.play = button("host-pause replay-play", "▶ Play", () => this.options.onPlay(this.play.dataset.playing !== "true"));
    this.speeds = REPLAY_SPEEDS.map((speed) => {
      const b = button("host-speed", `${speed}x`, () => this.options.onSpeed(speed), `Play at ${speed}x`);
      b.dataset.speed = String(speed);
      return b;
    });
    const speedGroup = el("div", "host-speeds", "", this.speeds);
    speedGroup.setAttribute("role", "group");
    speedGroup.setAttribute("aria-label", "Speed");

    const tl = this.timeline;
    tl.type = "range";
    tl.className = "replay-timeline";
    tl.min = String(this.range.first);
    tl.max = String(this.range.last);
    tl.step = "1";
    tl.value = String(this.range.first);
    tl.setAttribute("aria-label", "Timeline: the step shown");
    tl.addEventListener("input", () => this.options.onSeek(Number(tl.value)));
    const first = data.frames[0]?.gameTimeMs ?? 0;
    const last = data.frames[data.frames.length - 1]?.gameTimeMs ?? first;
    const ends = el("div", "replay-ends", "", [el("span", "", formatGameDateTime(first)), this.now, el("span", "", formatGameDateTime(last))]);
    const track = el("div", "replay-track", "", [this.marks(data.conversations), tl, ends]);
    this.bar.append(el("div", "replay-buttons", "", [this.play, speedGroup]), track);
    this.bar.setAttribute("aria-label", "Replay controls");
  }

  /** Shows the moment on the clock and the timeline, and the player's state on the buttons. */
  update(state: ReplayState, playing: boolean, speed: number, talking: number): void {
    this.clock.textContent = formatGameDateTime(state.gameTimeMs);
    this.clock.dataset.gameTimeMs = String(state.gameTimeMs);
    this.now.textContent = `${formatGameClock(state.gameTimeMs)} · step ${state.step}`;
    this.where.textContent = `${Object.keys(state.people).length} in town · ${plural(talking, "conversation", "conversations")} under way`;
    // Not while the person drags it: that would fight the thumb.
    if (document.activeElement !== this.timeline || playing) this.timeline.value = String(state.step);
    this.play.dataset.playing = String(playing);
    this.play.textContent = playing ? "⏸ Pause" : "▶ Play";
    this.play.setAttribute("aria-label", playing ? "Pause the replay" : "Play the replay");
    this.play.classList.toggle("paused", !playing);
    for (const b of this.speeds) b.setAttribute("aria-pressed", String(Number(b.dataset.speed) === speed));
  }

  /** One mark per conversation, placed by its steps along the run. */
  private marks(conversations: ReplayConversation[]): HTMLElement {
    const strip = el("div", "replay-marks");
    const span = Math.max(1, this.range.last - this.range.first);
    for (const c of conversations) {
      const left = ((c.startStep - this.range.first) / span) * 100;
      const width = ((c.endStep - c.startStep) / span) * 100;
      const mark = button("replay-mark", "", () => this.options.onSeek(c.startStep), `${formatGameClock(c.startMs)}–${formatGameClock(c.endMs)} ${c.participantNames.join(", ")} (${plural(c.lines, "line", "lines")})`);
      mark.style.left = `${left}%`;
      mark.style.width = `${width}%`;
      mark.dataset.conversationId = c.id;
      mark.dataset.step = String(c.startStep);
      strip.append(mark);
    }
    strip.setAttribute("aria-label", `${plural(conversations.length, "conversation", "conversations")}: click one to go there`);
    return strip;
  }
}
