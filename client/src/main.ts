/**
 * Boot: join screen -> connect to the town -> fetch the map -> start the Phaser town view.
 * `window.__ville` lets browser tests (and curious people) read what the client sees.
 */
import Phaser from "phaser";
import { Hud } from "./hud";
import { showJoinScreen } from "./join";
import { TownConnection, type JoinRequest } from "./net";
import { TownScene } from "./scenes/TownScene";
import { fetchMap } from "./townmap";

type Positions = Record<string, { x: number; y: number }>;

export interface VilleHooks {
  ready: boolean;
  sessionId: string;
  spectator: boolean;
  agentPositions(): Positions;
  playerPositions(): Positions;
  /** Resident names by id. */
  agentNames(): Record<string, string>;
  /** Canvas pixel of a tile's centre (null before the town is drawn). */
  tileToScreen(x: number, y: number): { x: number; y: number } | null;
  /** Follows a resident and opens its inspector, as a click on it does; false if there is none. */
  inspect(agentId: string): boolean;
}

declare global {
  interface Window {
    __ville: VilleHooks;
  }
}

const hooks: VilleHooks = {
  ready: false,
  sessionId: "",
  spectator: false,
  agentPositions: () => ({}),
  playerPositions: () => ({}),
  agentNames: () => ({}),
  tileToScreen: () => null,
  inspect: () => false,
};
window.__ville = hooks;

function positionsOf(map: { forEach(cb: (value: { x: number; y: number }, key: string) => void): void }): Positions {
  const out: Positions = {};
  map.forEach((value, key) => (out[key] = { x: value.x, y: value.y }));
  return out;
}

async function enterTown(request: JoinRequest): Promise<void> {
  const connection = await TownConnection.join(request);
  let mapName: string;
  let mapJson: Awaited<ReturnType<typeof fetchMap>>;
  try {
    mapName = connection.state.mapName || connection.welcome?.mapName || "ville";
    mapJson = await fetchMap(mapName);
  } catch (error) {
    await connection.leave().catch(() => undefined);
    throw error;
  }
  hooks.sessionId = connection.sessionId;
  hooks.spectator = connection.spectator;
  hooks.agentPositions = () => positionsOf(connection.state.agents);
  hooks.playerPositions = () => positionsOf(connection.state.players);
  hooks.agentNames = () => {
    const names: Record<string, string> = {};
    connection.state.agents.forEach((agent, id) => (names[id] = agent.name));
    return names;
  };

  let scene: TownScene | null = null;
  const hud = new Hud(document.getElementById("hud")!, {
    spectator: connection.spectator,
    onSay: (text) => connection.say(text),
    onPickResident: (id) => scene?.focusResident(id),
    inspector: {
      gameTimeMs: () => connection.state.clock?.gameTimeMs ?? 0,
      inspect: (id) => connection.inspect(id),
      ask: (id, question) => connection.interview(id, question),
      whisper: (id, text) => connection.whisper(id, text),
      close: () => scene?.stopFollowing(),
    },
  });
  const game = new Phaser.Game({
    type: Phaser.WEBGL,
    parent: "game",
    pixelArt: true,
    backgroundColor: "#1b2230",
    scale: { mode: Phaser.Scale.RESIZE, width: window.innerWidth, height: window.innerHeight },
    banner: false,
  });
  game.scene.add("town", TownScene, true, {
    connection,
    hud,
    mapName,
    mapJson,
    // Ready once the first frame with the map and the current state has been drawn.
    onReady: (town: TownScene) => {
      scene = town;
      hooks.tileToScreen = (x, y) => town.tileToScreen(x, y);
      hooks.inspect = (id) => town.focusResident(id);
      game.events.once(Phaser.Core.Events.POST_RENDER, () => (hooks.ready = true));
    },
  });
}

showJoinScreen(document.getElementById("join")!, enterTown);
