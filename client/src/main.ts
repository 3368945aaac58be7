/**
 * Boot: the lobby (`/`) or a town's invite page (`/t/<code>`) -> connect -> fetch the map
 * and the emoji font -> start the Phaser town view with its HUD. `/replay/<id>` plays a
 * saved town instead (replay/replay-page.ts).
 * `window.__ville` (hooks.ts) lets browser tests read what the client sees.
 */
import Phaser from "phaser";
import type { ResidentEntry } from "./directory";
import { loadEmojiFont } from "./emoji-font";
import { hookConnection, hookScene, installHooks } from "./hooks";
import { Hud } from "./hud";
import { showInvitePage } from "./invite-page";
import { showLobby } from "./lobby";
import { Minimap, type MinimapDot } from "./minimap";
import { TownConnection, type JoinRequest } from "./net";
import { currentRoute, showTownAddress } from "./route";
import { TownScene } from "./scenes/TownScene";
import { fetchMap, tilesetImages } from "./townmap";
import { TownView } from "./town-view";

export type { VilleHooks } from "./hooks";

const hooks = installHooks();
// Started at once: the person picks a name meanwhile, and the town waits for it anyway.
void loadEmojiFont();
const pageRoot = document.getElementById("join")!;

async function enterTown(request: JoinRequest): Promise<void> {
  const connection = await TownConnection.join(request);
  const mapName = connection.welcome.mapName || connection.state.mapName || "ville";
  let mapJson: Awaited<ReturnType<typeof fetchMap>>;
  try {
    mapJson = await fetchMap(mapName);
    // Phaser draws each text once: the emoji font must be there before the first label.
    await loadEmojiFont();
  } catch (error) {
    await connection.leave().catch(() => undefined);
    throw error;
  }
  pageRoot.hidden = true;
  // Closing the tab is leaving: the avatar goes at once instead of waiting out the reconnection window.
  window.addEventListener("pagehide", (event) => {
    if (!event.persisted) void connection.leave().catch(() => undefined);
  });
  const town = connection.welcome.town;
  showTownAddress(town.link);
  document.title = `${town.name || "the Ville"} · Ville`;

  let scene: TownScene | null = null;
  let view: TownView | null = null;
  const hud = new Hud(document.getElementById("hud")!, {
    spectator: connection.spectator,
    me: () => connection.playerId,
    host: () => connection.welcome.host,
    isResident: (id) => connection.state.agents.has(id),
    canHear: (id) => view?.canHear(id) ?? false,
    onSay: (text, to, channel) => connection.say(text, to, channel),
    onHost: (command) => connection.host(command),
    onPickResident: (id) => void scene?.focusResident(id, true),
    onFindPlayer: (id) => void scene?.followPlayer(id),
    onFitTown: () => scene?.fitTown(),
    residents: () => residentsOf(connection),
    inspector: {
      gameTimeMs: () => connection.state.clock?.gameTimeMs ?? 0,
      inspect: (id) => connection.inspect(id),
      ask: (id, question) => connection.interview(id, question),
      battery: (id) => connection.battery(id),
      whisper: (id, text) => connection.whisper(id, text),
      close: () => scene?.stopFollowing(),
    },
  });
  hookConnection(hooks, connection, hud);
  const minimap = new Minimap(mapJson, {
    dots: () => dotsOf(connection, scene?.followedResident ?? null),
    view: () => scene?.viewInTiles() ?? null,
    onJump: (x, y) => scene?.lookAt(x, y),
  });
  hud.attachMinimap(minimap);

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
    mapName,
    mapJson,
    safeArea: (width: number, height: number) => hud.safeArea(width, height),
    focusChanged: (id: string | null) => view?.focusChanged(id),
    // The map is drawn: feed the state in; ready once a frame with it has been drawn.
    onReady: (drawn: TownScene) => {
      scene = drawn;
      view = new TownView(connection, drawn, hud);
      connection.watch(view);
      minimap.paintBackground(tilesetImages(drawn, mapJson));
      hookScene(hooks, drawn, view);
      game.events.once(Phaser.Core.Events.POST_RENDER, () => (hooks.ready = true));
    },
  });
}

function residentsOf(connection: TownConnection): ResidentEntry[] {
  const out: ResidentEntry[] = [];
  connection.state.agents.forEach((a, id) => out.push({ id, name: a.name, emoji: a.emoji, action: a.action, location: a.location }));
  return out;
}

function dotsOf(connection: TownConnection, followed: string | null): MinimapDot[] {
  const dots: MinimapDot[] = [];
  connection.state.agents.forEach((a, id) => dots.push({ x: a.x, y: a.y, kind: "resident", focused: id === followed }));
  connection.state.players.forEach((p, id) => dots.push({ x: p.x, y: p.y, kind: id === connection.playerId ? "own" : "player", focused: false }));
  return dots;
}

const route = currentRoute();
if (route.kind === "town") showInvitePage(pageRoot, route.code, enterTown);
else if (route.kind === "replay") showReplayPage(route.id);
else showLobby(pageRoot, enterTown);

/** Loaded only on its own page, so the lobby and the live town do not carry it. */
function showReplayPage(id: string): void {
  import("./replay/replay-page").then(
    (m) => m.showReplay(pageRoot, id, hooks),
    (error: Error) => (pageRoot.textContent = `Cannot load the replay view: ${error.message}`),
  );
}
