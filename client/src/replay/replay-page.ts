/**
 * `/replay/<id>`: a saved town played back. Fetches the replay (asking for the town's
 * password when it has one), the map and the emoji font, then draws the town with the
 * town view's map and sprites and plays it: play, pause, speeds, a timeline to scrub,
 * and a panel on the resident clicked. `window.__ville.replay` lets browser tests drive it.
 */
import Phaser from "phaser";
import { GAME_SECONDS_PER_STEP, MAX_PASSWORD_CHARS } from "../../../shared/constants";
import { conversationsAt, stateAt, stepRange, type ReplayData, type ReplayState } from "../../../shared/replay";
import { button, el } from "../dom";
import { loadEmojiFont } from "../emoji-font";
import type { VilleHooks } from "../hooks";
import { input, label } from "../lobby-create";
import { safeArea, type ScreenRect } from "../safe-area";
import { fetchMap, type TiledMapJson } from "../townmap";
import { fetchReplay } from "./replay-api";
import { ReplayControls } from "./replay-controls";
import { ReplayPanel } from "./replay-panel";
import { ReplayPlayer } from "./replay-player";
import { ReplayScene } from "./replay-scene";
import "./replay.css";

/** The arrow keys step this far: a game minute. */
const NUDGE_STEPS = 60 / GAME_SECONDS_PER_STEP;

export interface ReplayHooks {
  /** True once the first moment has been drawn. */
  ready: boolean;
  /** Why the replay could not open ("" while loading or once open). */
  error: string;
  range(): { first: number; last: number };
  step(): number;
  /** Shows a step (as the timeline does). */
  seek(step: number): void;
  /** The moment shown, as `stateAt` gives it. */
  state(): ReplayState | null;
  /** Opens the panel on someone, as a click on them does; false if they are not in town then. */
  select(id: string | null): boolean;
  selected(): string | null;
  /** The panel's text ("" when closed). */
  panel(): string;
  play(): void;
  pause(): void;
  playing(): boolean;
  setSpeed(speed: number): void;
  /** Canvas pixel of someone's sprite, as drawn now. */
  spriteToScreen(id: string): { x: number; y: number } | null;
}

export function showReplay(root: HTMLElement, id: string, hooks: VilleHooks): void {
  const replay: ReplayHooks = {
    ready: false, error: "", range: () => ({ first: 0, last: 0 }), step: () => 0, seek: () => undefined, state: () => null,
    select: () => false, selected: () => null, panel: () => "", play: () => undefined, pause: () => undefined, playing: () => false,
    setSpeed: () => undefined, spriteToScreen: () => null,
  };
  hooks.replay = replay;
  const card = el("div", "join-card", "", [el("h1", "", "Replay"), el("p", "tagline", "Fetching the saved town…")]);
  root.replaceChildren(el("div", "lobby single", "", [card]));
  root.hidden = false;
  document.title = "Replay · Ville";
  void load(root, card, id, replay);
}

async function load(root: HTMLElement, card: HTMLElement, id: string, replay: ReplayHooks, password?: string): Promise<void> {
  const answer = await fetchReplay(id, password);
  if (answer.kind === "password") return askPassword(root, card, id, replay, answer.message);
  if (answer.kind !== "ok") {
    const text = answer.kind === "missing" ? `No saved town has the id "${id}".` : `Cannot open the replay: ${answer.message}`;
    return failed(card, replay, text);
  }
  const data = answer.data;
  if (data.frames.length === 0) return failed(card, replay, `${data.town.name || id} has no recorded steps to play.`);
  let mapJson: TiledMapJson;
  try {
    mapJson = await fetchMap(data.town.map || "ville");
    await loadEmojiFont();
  } catch (error) {
    return failed(card, replay, `Cannot draw the town: ${error instanceof Error ? error.message : String(error)}`);
  }
  document.title = `Replay: ${data.town.name || id} · Ville`;
  root.hidden = true;
  start(data, mapJson, replay);
}

function askPassword(root: HTMLElement, card: HTMLElement, id: string, replay: ReplayHooks, message: string): void {
  const password = input("password", "replay-password", "Password", MAX_PASSWORD_CHARS);
  password.placeholder = "The town's password";
  const error = el("div", "join-error", message);
  error.setAttribute("role", "alert");
  const open = button("primary", "Open the replay", () => void submit());
  const submit = async () => {
    if (!password.value) return password.focus();
    open.disabled = true;
    await load(root, card, id, replay, password.value);
    open.disabled = false;
  };
  const form = el("form", "", "", [label("replay-password", "Password"), password, el("div", "join-buttons", "", [open]), error]);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void submit();
  });
  card.replaceChildren(el("h1", "", "Replay"), el("p", "tagline", "This town has a password."), form, lobbyLink());
  password.focus();
}

function failed(card: HTMLElement, replay: ReplayHooks, text: string): void {
  replay.error = text;
  const error = el("div", "join-error", text);
  error.setAttribute("role", "alert");
  card.replaceChildren(el("h1", "", "Replay"), error, lobbyLink());
}

function lobbyLink(): HTMLElement {
  const a = el("a", "lobby-link", "Go to the lobby") as HTMLAnchorElement;
  a.href = "/";
  return a;
}

/** Draws the town and plays it. */
function start(data: ReplayData, mapJson: TiledMapJson, replay: ReplayHooks): void {
  const { first, last } = stepRange(data);
  const player = new ReplayPlayer(first, last);
  const names = new Map(data.people.map((p) => [p.id, p.name]));
  const conversations = new Map(data.conversations.map((c) => [c.id, c]));
  let scene: ReplayScene | null = null;
  let shown: ReplayState | null = null;
  // The controls and the panel call back into the player below; they only do so once it all exists.
  const panel = new ReplayPanel(() => select(null));
  const controls = new ReplayControls(data, {
    onSeek: (step) => seek(step),
    onPlay: (playing) => setPlaying(playing),
    onSpeed: (speed) => setSpeed(speed),
    onFitTown: () => scene?.fitTown(),
  });

  /** Draws the player's step; `jumped`: it was a seek, not the next step. */
  const show = (jumped: boolean) => {
    const state = stateAt(data, player.step);
    shown = state;
    scene?.show(state, player.stepMs, jumped);
    controls.update(state, player.playing, player.speed, conversationsAt(data, state.step).length);
    const id = panel.shown;
    if (id) panel.show(id, names.get(id) ?? id, state.people[id] ?? null, conversations.get(state.people[id]?.conversationId ?? ""));
  };
  const seek = (step: number) => {
    player.seek(step);
    show(true);
  };
  const setPlaying = (playing: boolean) => {
    if (playing) player.play();
    else player.pause();
    show(false);
  };
  const setSpeed = (speed: number) => {
    player.speed = speed;
    show(false);
  };
  const select = (id: string | null): boolean => {
    if (id === null) {
      panel.hide();
      scene?.select(null);
      return true;
    }
    const who = shown?.people[id];
    if (!who || !scene?.select(id)) return false;
    panel.show(id, names.get(id) ?? id, who, conversations.get(who.conversationId));
    return true;
  };

  const hud = document.getElementById("hud")!;
  hud.replaceChildren(controls.status, panel.root, controls.bar);
  hud.classList.add("replay");
  hud.hidden = false;
  // The panel sits above the controls on a phone: it needs their height, which wraps with the width.
  new ResizeObserver(() => hud.style.setProperty("--replay-bar-px", `${controls.bar.offsetHeight}px`)).observe(controls.bar);
  listenForKeys({ toggle: () => setPlaying(!player.playing), close: () => select(null), nudge: (steps) => seek(player.step + steps) });

  const game = new Phaser.Game({
    type: Phaser.WEBGL,
    parent: "game",
    pixelArt: true,
    backgroundColor: "#1b2230",
    scale: { mode: Phaser.Scale.RESIZE, width: window.innerWidth, height: window.innerHeight },
    banner: false,
  });
  game.scene.add("replay", ReplayScene, true, {
    mapName: data.town.map || "ville",
    mapJson,
    safeArea: (width: number, height: number) => freeArea(width, height, controls, panel),
    onPick: (id: string | null) => void select(id),
    onReady: (drawn: ReplayScene) => {
      scene = drawn;
      show(true);
      drawn.lookAtEveryone();
      // Real time between frames, not Phaser's delta: that one is smoothed and capped, so slow frames would slow the replay.
      let lastMs = performance.now();
      game.events.on(Phaser.Core.Events.STEP, () => {
        const now = performance.now();
        const before = player.step;
        const wasPlaying = player.playing;
        if (player.advance(now - lastMs) !== before || wasPlaying !== player.playing) show(false);
        lastMs = now;
      });
      game.events.once(Phaser.Core.Events.POST_RENDER, () => (replay.ready = true));
    },
  });

  Object.assign(replay, {
    range: () => ({ first, last }),
    step: () => player.step,
    seek,
    state: () => shown,
    select,
    selected: () => panel.shown,
    panel: () => panel.text(),
    play: () => setPlaying(true),
    pause: () => setPlaying(false),
    playing: () => player.playing,
    setSpeed,
    spriteToScreen: (id: string) => scene?.spriteOnScreen(id) ?? null,
  } satisfies Partial<ReplayHooks>);
}

/**
 * Where the camera keeps whom it follows: beside the panels (safe-area.ts) and above the
 * controls; on a phone, where the panel is a sheet over the bottom, between the status and it.
 */
function freeArea(width: number, height: number, controls: ReplayControls, panel: ReplayPanel): ScreenRect {
  const bar = controls.bar.getBoundingClientRect();
  const sheet = panel.root.hidden ? null : panel.root.getBoundingClientRect();
  if (sheet && sheet.width > width * 0.6) {
    const top = controls.status.getBoundingClientRect().bottom;
    if (sheet.top - top > 80) return { left: 0, right: width, top, bottom: sheet.top };
  }
  const beside = safeArea(width, height, [controls.status, panel.root]);
  return bar.height > 0 && bar.top > height / 2 ? { ...beside, bottom: bar.top } : beside;
}

/** Space plays or pauses, Esc closes the panel, the arrow keys step a game minute back or on. */
function listenForKeys(actions: { toggle(): void; close(): void; nudge(steps: number): void }): void {
  window.addEventListener("keydown", (event) => {
    const target = event.target as HTMLElement | null;
    if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "BUTTON", "SELECT"].includes(target.tagName))) return;
    if (event.key === " ") {
      event.preventDefault();
      actions.toggle();
    } else if (event.key === "Escape") actions.close();
    else if (event.key === "ArrowLeft") actions.nudge(-NUDGE_STEPS);
    else if (event.key === "ArrowRight") actions.nudge(NUDGE_STEPS);
  });
}
