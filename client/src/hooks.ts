/**
 * `window.__ville`: what browser tests (and curious people) can read from the client, and
 * a few of the things a click would do. Filled in once the town is drawn.
 */
import type { TownInfo } from "../../shared/protocol";
import { emojiFontStatus, type EmojiFontStatus } from "./emoji-font";
import type { FeedRow } from "./feed";
import type { Hud } from "./hud";
import type { ReplayHooks } from "./replay/replay-page";
import type { LinkStatus, TownConnection } from "./net";
import type { TownScene } from "./scenes/TownScene";
import type { TownView } from "./town-view";

type Positions = Record<string, { x: number; y: number }>;
type TileRect = { x: number; y: number; width: number; height: number };

export interface VilleHooks {
  ready: boolean;
  sessionId: string;
  /** Our key in `state.players` ("" for spectators). */
  playerId: string;
  spectator: boolean;
  host: boolean;
  town: TownInfo | null;
  emojiFont(): EmojiFontStatus;
  link(): LinkStatus;
  agentPositions(): Positions;
  /** Keyed by player id. */
  playerPositions(): Positions;
  /** Resident names by id. */
  agentNames(): Record<string, string>;
  /** What the synced state says about each resident now. */
  residents(): Record<string, { name: string; x: number; y: number; action: string; location: string; conversationId: string }>;
  clock(): { gameTimeMs: number; paused: boolean; speed: number } | null;
  /** The rows of the feed, oldest first. */
  feed(): FeedRow[];
  /** The resident the camera follows, or null. */
  followed(): string | null;
  /** The camera's view, in tiles. */
  camera(): TileRect | null;
  /** Canvas pixel of a tile's centre (null before the town is drawn). */
  tileToScreen(x: number, y: number): { x: number; y: number } | null;
  /** Canvas pixel of a resident's or player's sprite, as drawn now. */
  spriteToScreen(id: string): { x: number; y: number } | null;
  /** Follows a resident and opens its inspector, as a click on it does; false if there is none. */
  inspect(agentId: string): boolean;
  /** Walks our avatar to a tile, as a click on it does; false for spectators and off the map. */
  walkTo(x: number, y: number): boolean;
  /** On `/replay/<id>` only: the replay view. */
  replay?: ReplayHooks;
}

declare global {
  interface Window {
    __ville: VilleHooks;
  }
}

export function installHooks(): VilleHooks {
  const hooks: VilleHooks = {
    ready: false,
    sessionId: "",
    playerId: "",
    spectator: false,
    host: false,
    town: null,
    emojiFont: emojiFontStatus,
    link: () => "closed",
    agentPositions: () => ({}),
    playerPositions: () => ({}),
    agentNames: () => ({}),
    residents: () => ({}),
    clock: () => null,
    feed: () => [],
    followed: () => null,
    camera: () => null,
    tileToScreen: () => null,
    spriteToScreen: () => null,
    inspect: () => false,
    walkTo: () => false,
  };
  window.__ville = hooks;
  return hooks;
}

function positionsOf(map: { forEach(cb: (value: { x: number; y: number }, key: string) => void): void }): Positions {
  const out: Positions = {};
  map.forEach((value, key) => (out[key] = { x: value.x, y: value.y }));
  return out;
}

/** What can be read as soon as the connection is open. */
export function hookConnection(hooks: VilleHooks, connection: TownConnection, hud: Hud): void {
  const w = connection.welcome;
  Object.assign(hooks, { sessionId: connection.sessionId, playerId: connection.playerId, spectator: connection.spectator, host: w.host, town: w.town });
  hooks.agentPositions = () => positionsOf(connection.state.agents);
  hooks.playerPositions = () => positionsOf(connection.state.players);
  hooks.agentNames = () => {
    const names: Record<string, string> = {};
    connection.state.agents.forEach((agent, id) => (names[id] = agent.name));
    return names;
  };
  hooks.residents = () => {
    const out: ReturnType<VilleHooks["residents"]> = {};
    connection.state.agents.forEach((a, id) => (out[id] = { name: a.name, x: a.x, y: a.y, action: a.action, location: a.location, conversationId: a.conversationId }));
    return out;
  };
  hooks.clock = () => {
    const c = connection.state.clock;
    return c ? { gameTimeMs: c.gameTimeMs, paused: c.paused, speed: c.speed } : null;
  };
  hooks.feed = () => hud.feedRows();
}

/** What needs the drawn town. */
export function hookScene(hooks: VilleHooks, scene: TownScene, view: TownView): void {
  hooks.link = () => view.linkStatus;
  hooks.followed = () => scene.followedResident;
  hooks.camera = () => scene.viewInTiles();
  hooks.tileToScreen = (x, y) => scene.tileToScreen(x, y);
  hooks.spriteToScreen = (id) => scene.spriteOnScreen(id);
  hooks.inspect = (id) => scene.focusResident(id);
  hooks.walkTo = (x, y) => scene.walkTo(x, y);
}
