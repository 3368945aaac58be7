/**
 * The town view: draws the map, keeps one Character per resident and player in step with
 * the synced state (fed by the TownView controller), and turns clicks and arrow keys into
 * `move` / `walk` messages. The camera follows our avatar or a chosen resident.
 */
import Phaser from "phaser";
import { PLAYER_MS_PER_TILE, TILE_SIZE_PX } from "../../../shared/constants";
import { CameraControls } from "../camera";
import { Character, LABEL_DEPTH } from "../character";
import { ArrowWalker } from "../keys";
import { layoutLabels } from "../labels";
import type { AgentState, PlayerState, TownConnection } from "../net";
import type { ScreenRect } from "../safe-area";
import { SheetLoader, asFacing } from "../sprites";
import { buildMap, playerSpawn, queueMap, type TiledMapJson } from "../townmap";

export interface TownSceneData {
  connection: TownConnection;
  mapName: string;
  mapJson: TiledMapJson;
  /** The canvas area no panel covers now (screen pixels). */
  safeArea(width: number, height: number): ScreenRect;
  /** The followed resident changed (null: none). */
  focusChanged(id: string | null): void;
  /** Called once the map is drawn; the caller starts feeding the state in. */
  onReady(scene: TownScene): void;
}

const PLAYER_ZOOM = 2;
const SPECTATOR_ZOOM = 1;
/** Finding a resident from far out zooms in at least this much. */
const FIND_ZOOM = 1;
const MIN_STEP_TWEEN_MS = 60;
const MAX_STEP_TWEEN_MS = 1500;
const SAFE_AREA_MS = 250;

export class TownScene extends Phaser.Scene {
  private deps!: TownSceneData;
  private sheets!: SheetLoader;
  private controls!: CameraControls;
  private walker: ArrowWalker | null = null;
  private agents = new Map<string, Character>();
  private players = new Map<string, Character>();
  private focusedId: string | null = null;
  private mapTiles = { width: 0, height: 0 };
  private safeCheckedAt = -Infinity;

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
    const { connection } = this.deps;
    const size = buildMap(this, this.deps.mapJson);
    this.mapTiles = { width: size.widthPx / TILE_SIZE_PX, height: size.heightPx / TILE_SIZE_PX };
    this.cameras.main.setBackgroundColor("#1b2230");
    this.sheets = new SheetLoader(this);
    this.controls = new CameraControls(this, this.cameras.main, size, {
      onClick: (x, y) => this.clicked(x, y),
      onDragStart: () => this.setFocus(null),
    }, connection.spectator ? SPECTATOR_ZOOM : PLAYER_ZOOM);
    this.walker = new ArrowWalker((dir) => {
      if (connection.spectator) return;
      this.followOwn();
      connection.walk(dir);
    }, () => this.stopFollowing());
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.walker?.destroy());
    this.updateSafeArea(0);
    this.deps.onReady(this);
    this.placeInitialCamera(size.widthPx, size.heightPx);
  }

  override update(time: number): void {
    this.walker?.tick(performance.now());
    this.updateSafeArea(time);
    const zoom = this.cameras.main.zoom;
    const everyone = [...this.agents.values(), ...this.players.values()];
    for (const c of everyone) c.update(time, zoom);
    layoutLabels(everyone, this.cameras.main.worldView, zoom, this.focusedId);
  }

  // --- state -> sprites (called by the TownView) ---

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
  }

  agentRemoved(id: string): void {
    this.agents.get(id)?.destroy();
    this.agents.delete(id);
    if (id === this.focusedId) this.setFocus(null);
  }

  playerAdded(id: string, player: PlayerState): void {
    const own = id === this.deps.connection.playerId;
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

  /** Shows a line over whoever said it. */
  said(speakerId: string, text: string): void {
    (this.agents.get(speakerId) ?? this.players.get(speakerId))?.say(text);
  }

  // --- camera ---

  /** Esc, or the inspector's close button: the camera stops following anyone. */
  stopFollowing(): void {
    this.setFocus(null);
    this.controls.unfollow();
  }

  /** Follows a resident and opens its inspector; `find` also zooms in from far out. False if unknown. */
  focusResident(id: string, find = false): boolean {
    if (!this.agents.has(id)) return false;
    if (find) this.controls.zoomInTo(FIND_ZOOM);
    this.setFocus(id);
    return true;
  }

  get followedResident(): string | null {
    return this.focusedId;
  }

  /** The whole town on the canvas. */
  fitTown(): void {
    this.setFocus(null);
    this.controls.fitAll();
  }

  /** Looks at a tile (the minimap); nobody is followed afterwards. */
  lookAt(tileX: number, tileY: number): void {
    this.setFocus(null);
    this.controls.unfollow();
    this.controls.centerOn((tileX + 0.5) * TILE_SIZE_PX, (tileY + 0.5) * TILE_SIZE_PX);
  }

  /** Follows a player (ours or someone else's), from the people list. */
  followPlayer(id: string): boolean {
    const c = this.players.get(id);
    if (!c) return false;
    this.setFocus(null);
    this.controls.zoomInTo(FIND_ZOOM);
    this.controls.follow(c.sprite);
    return true;
  }

  /** The camera's view in tiles. */
  viewInTiles(): { x: number; y: number; width: number; height: number } {
    const v = this.controls.view;
    return { x: v.x / TILE_SIZE_PX, y: v.y / TILE_SIZE_PX, width: v.width / TILE_SIZE_PX, height: v.height / TILE_SIZE_PX };
  }

  /** Where the centre of a tile is on the canvas now (for tests and tools). */
  tileToScreen(x: number, y: number): { x: number; y: number } {
    return this.controls.screenAt((x + 0.5) * TILE_SIZE_PX, (y + 0.5) * TILE_SIZE_PX);
  }

  /** Where a resident's or player's sprite (its middle) is on the canvas now. */
  spriteOnScreen(id: string): { x: number; y: number } | null {
    const c = this.agents.get(id) ?? this.players.get(id);
    return c ? this.controls.screenAt(c.sprite.x, c.sprite.y - TILE_SIZE_PX / 2) : null;
  }

  // --- input ---

  /** A click on a resident follows it; elsewhere a player walks to the tile. */
  private clicked(worldX: number, worldY: number): void {
    const resident = [...this.agents.values()].find((c) => c.contains(worldX, worldY));
    if (resident) return this.setFocus(resident.id);
    this.walkTo(Math.floor(worldX / TILE_SIZE_PX), Math.floor(worldY / TILE_SIZE_PX));
  }

  /** Sends our avatar to a tile, as a click there does. */
  walkTo(x: number, y: number): boolean {
    const { connection } = this.deps;
    if (connection.spectator) return false;
    if (x < 0 || y < 0 || x >= this.mapTiles.width || y >= this.mapTiles.height) return false;
    connection.moveTo(x, y);
    this.markTarget(x, y);
    this.followOwn();
    return true;
  }

  /** Follows a resident and opens its inspector; null closes it (the camera stays put). */
  private setFocus(id: string | null): void {
    if (this.focusedId) this.agents.get(this.focusedId)?.setFocused(false);
    const c = id ? this.agents.get(id) : undefined;
    const changed = (c?.id ?? null) !== this.focusedId;
    this.focusedId = c ? c.id : null;
    if (c) {
      c.setFocused(true);
      this.controls.follow(c.sprite);
    }
    if (changed || c) this.deps.focusChanged(this.focusedId);
  }

  private followOwn(): void {
    const own = this.players.get(this.deps.connection.playerId);
    if (!own) return;
    if (this.focusedId) this.setFocus(null);
    this.controls.follow(own.sprite);
  }

  /** Panels open and close: re-aim the camera so what it follows stays in the free area. */
  private updateSafeArea(time: number): void {
    if (time - this.safeCheckedAt < SAFE_AREA_MS) return;
    this.safeCheckedAt = time;
    const { width, height } = this.cameras.main;
    this.controls.setSafeArea(this.deps.safeArea(width, height));
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
