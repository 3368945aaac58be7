/**
 * The town view: draws the map, keeps one Character per resident and player in step with
 * the synced state, and turns clicks and arrow keys into `move` / `walk` messages.
 */
import Phaser from "phaser";
import { PLAYER_MS_PER_TILE, TILE_SIZE_PX } from "../../../shared/constants";
import type { ChatLine, ErrorMessage, InspectAnswer, InterviewAnswer, WelcomeMessage } from "../../../shared/protocol";
import { CameraControls } from "../camera";
import { Character, LABEL_DEPTH } from "../character";
import type { Hud } from "../hud";
import { ArrowWalker } from "../keys";
import { layoutLabels } from "../labels";
import type { AgentState, PlayerState, TownConnection, TownListener, TownState, WhisperedMessage } from "../net";
import { SheetLoader, asFacing } from "../sprites";
import { buildMap, playerSpawn, queueMap, type TiledMapJson } from "../townmap";

export interface TownSceneData {
  connection: TownConnection;
  hud: Hud;
  mapName: string;
  mapJson: TiledMapJson;
  /** Called once the map is drawn and the current state is on screen. */
  onReady(scene: TownScene): void;
}

const PLAYER_ZOOM = 2;
const SPECTATOR_ZOOM = 1;
const MIN_STEP_TWEEN_MS = 60;
const MAX_STEP_TWEEN_MS = 1500;

export class TownScene extends Phaser.Scene implements TownListener {
  private deps!: TownSceneData;
  private sheets!: SheetLoader;
  private controls!: CameraControls;
  private walker: ArrowWalker | null = null;
  private agents = new Map<string, Character>();
  private players = new Map<string, Character>();
  private focusedId: string | null = null;
  private mapTiles = { width: 0, height: 0 };

  constructor() {
    super("town");
  }

  init(data: TownSceneData): void {
    this.deps = data;
  }

  preload(): void {
    queueMap(this, this.deps.mapName, this.deps.mapJson);
  }

  create(): void {
    const { connection, hud } = this.deps;
    const size = buildMap(this, this.deps.mapJson);
    this.mapTiles = { width: size.widthPx / TILE_SIZE_PX, height: size.heightPx / TILE_SIZE_PX };
    this.cameras.main.setBounds(0, 0, size.widthPx, size.heightPx).setBackgroundColor("#1b2230");
    this.sheets = new SheetLoader(this);
    this.controls = new CameraControls(this, this.cameras.main, {
      onClick: (x, y) => this.clicked(x, y),
      onDragStart: () => this.setFocus(null),
    }, connection.spectator ? SPECTATOR_ZOOM : PLAYER_ZOOM);
    this.walker = new ArrowWalker((dir) => {
      if (connection.spectator) return;
      this.followOwn();
      connection.walk(dir);
    }, () => this.stopFollowing());
    connection.watch(this);
    this.placeInitialCamera(size.widthPx, size.heightPx);
    hud.setTown(connection.state);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.walker?.destroy());
    this.deps.onReady(this);
  }

  override update(time: number): void {
    this.walker?.tick(performance.now());
    const zoom = this.cameras.main.zoom;
    const everyone = [...this.agents.values(), ...this.players.values()];
    for (const c of everyone) c.update(time, zoom);
    layoutLabels(everyone, this.cameras.main.worldView, zoom, this.focusedId);
  }

  // --- TownListener: state -> sprites ---

  agentAdded(id: string, agent: AgentState): void {
    const c = new Character(this, this.sheets, id, "resident", agent.name, agent.sprite);
    this.agents.set(id, c);
    this.agentChanged(id, agent);
  }

  agentChanged(id: string, agent: AgentState): void {
    const c = this.agents.get(id);
    if (!c) return;
    const stepMs = this.deps.connection.state.clock?.stepMs ?? 1000;
    c.moveTo(agent.x, agent.y, asFacing(agent.facing), Phaser.Math.Clamp(stepMs, MIN_STEP_TWEEN_MS, MAX_STEP_TWEEN_MS));
    c.setStatus({ emoji: agent.emoji, action: agent.action, thinking: agent.thinking, talking: agent.conversationId !== "" });
    if (id === this.focusedId) this.showInspector(id);
  }

  agentRemoved(id: string): void {
    this.agents.get(id)?.destroy();
    this.agents.delete(id);
    if (id === this.focusedId) this.setFocus(null);
  }

  playerAdded(id: string, player: PlayerState): void {
    const own = id === this.deps.connection.sessionId;
    const c = new Character(this, this.sheets, id, "player", player.name, player.sprite, own);
    this.players.set(id, c);
    this.playerChanged(id, player);
    if (own) this.followOwn();
  }

  playerChanged(id: string, player: PlayerState): void {
    this.players.get(id)?.moveTo(player.x, player.y, asFacing(player.facing), PLAYER_MS_PER_TILE);
  }

  playerRemoved(id: string): void {
    this.players.get(id)?.destroy();
    this.players.delete(id);
  }

  townChanged(state: TownState): void {
    this.deps.hud.setTown(state);
  }

  chat(line: ChatLine): void {
    const { agents, players } = this.deps.connection.state;
    const partners: string[] = [];
    if (line.conversationId) {
      const inIt = (p: { conversationId: string; name: string }, id: string) => {
        if (p.conversationId === line.conversationId && id !== line.speakerId) partners.push(p.name);
      };
      agents.forEach(inIt);
      players.forEach(inIt);
    }
    this.deps.hud.addChat(line, { byResident: agents.has(line.speakerId), partners });
  }

  welcomed(welcome: WelcomeMessage): void {
    this.deps.hud.setWelcome(welcome);
    this.deps.hud.setTown(this.deps.connection.state);
  }

  inspected(answer: InspectAnswer): void {
    this.deps.hud.inspector.inspected(answer);
  }

  interviewed(answer: InterviewAnswer): void {
    this.deps.hud.inspector.interviewed(answer);
  }

  whispered(message: WhisperedMessage): void {
    this.deps.hud.inspector.whispered(message);
  }

  /** Errors about the inspector's requests show in it; the rest as toasts. */
  serverError(error: ErrorMessage): void {
    if (this.deps.hud.inspector.failed(error)) return;
    this.deps.hud.toast(error.message || error.code);
  }

  connection(status: "dropped" | "restored" | "closed", code?: number): void {
    const hud = this.deps.hud;
    if (status === "dropped") hud.toast("Connection lost, reconnecting…", "info");
    else if (status === "restored") hud.toast("Reconnected.", "info");
    else hud.toast(`Left the town (code ${code}). Reload the page to join again.`);
  }

  /** Esc, or the inspector's close button: the camera stops following anyone. */
  stopFollowing(): void {
    this.setFocus(null);
    this.controls.unfollow();
  }

  /** Follows a resident and opens its inspector (a click on it or on its chat line); false if unknown. */
  focusResident(id: string): boolean {
    if (!this.agents.has(id)) return false;
    this.setFocus(id);
    return true;
  }

  /** Where the centre of a tile is on the canvas now (for tests and tools). */
  tileToScreen(x: number, y: number): { x: number; y: number } {
    return this.controls.screenAt((x + 0.5) * TILE_SIZE_PX, (y + 0.5) * TILE_SIZE_PX);
  }

  // --- input ---

  /** A click on a resident follows it; elsewhere a player walks to the tile. */
  private clicked(worldX: number, worldY: number): void {
    const resident = [...this.agents.values()].find((c) => c.contains(worldX, worldY));
    if (resident) return this.setFocus(resident.id);
    const { connection } = this.deps;
    if (connection.spectator) return;
    const x = Math.floor(worldX / TILE_SIZE_PX);
    const y = Math.floor(worldY / TILE_SIZE_PX);
    if (x < 0 || y < 0 || x >= this.mapTiles.width || y >= this.mapTiles.height) return;
    connection.moveTo(x, y);
    this.markTarget(x, y);
    this.followOwn();
  }

  /** Follows a resident and opens its inspector; null closes it (the camera stays put). */
  private setFocus(id: string | null): void {
    if (this.focusedId) this.agents.get(this.focusedId)?.setFocused(false);
    const c = id ? this.agents.get(id) : undefined;
    this.focusedId = c ? c.id : null;
    if (!c) return this.deps.hud.inspector.hide();
    c.setFocused(true);
    this.controls.follow(c.sprite);
    this.showInspector(c.id);
  }

  private followOwn(): void {
    const own = this.players.get(this.deps.connection.sessionId);
    if (!own) return;
    if (this.focusedId) this.setFocus(null);
    this.controls.follow(own.sprite);
  }

  private showInspector(id: string): void {
    const agent = this.deps.connection.state.agents.get(id);
    if (!agent) return;
    this.deps.hud.inspector.show(id, {
      name: agent.name,
      emoji: agent.emoji,
      action: agent.action,
      location: agent.location,
      talking: agent.conversationId !== "",
      thinking: agent.thinking,
    });
  }

  /** A short-lived outline on the tile the player asked to walk to. */
  private markTarget(x: number, y: number): void {
    const marker = this.add
      .rectangle(x * TILE_SIZE_PX + TILE_SIZE_PX / 2, y * TILE_SIZE_PX + TILE_SIZE_PX / 2, TILE_SIZE_PX - 2, TILE_SIZE_PX - 2)
      .setStrokeStyle(2, 0xffe27a, 0.9)
      .setDepth(LABEL_DEPTH - 1);
    this.tweens.add({ targets: marker, alpha: 0, duration: 900, onComplete: () => marker.destroy() });
  }

  /**
   * Players start on their avatar; spectators where people arrive (the map's player spawn),
   * else on the resident nearest the middle of everyone, else the map centre.
   */
  private placeInitialCamera(widthPx: number, heightPx: number): void {
    if (this.controls.followed) return;
    const spawn = playerSpawn(this.deps.mapJson);
    if (spawn) return this.controls.centerOn(spawn.x, spawn.y);
    const agents = [...this.agents.values()];
    if (agents.length === 0) return this.controls.centerOn(widthPx / 2, heightPx / 2);
    const mid = agents.reduce((s, c) => ({ x: s.x + c.sprite.x / agents.length, y: s.y + c.sprite.y / agents.length }), { x: 0, y: 0 });
    const nearest = agents.reduce((best, c) =>
      Math.hypot(c.sprite.x - mid.x, c.sprite.y - mid.y) < Math.hypot(best.sprite.x - mid.x, best.sprite.y - mid.y) ? c : best,
    );
    this.controls.centerOn(nearest.sprite.x, nearest.sprite.y);
  }
}
