/**
 * Room `town`: a thin adapter between clients and one Town. It opens the town and admits
 * people (town-opening.ts, seats.ts), screens their messages for room-commands.ts (Town
 * calls, the host's controls), runs the live clock, and copies the town's views into the
 * synced state. No simulation rule lives here.
 */
import { Room, type Client, type RoomException, type RoomMethodName } from "@colyseus/core";
import { PLAYER_LOOKS, RECONNECT_SECONDS, type PlayerLook } from "../../shared/constants";
import { ServerMessageType, type ByeMessage, type ErrorMessage, type FeedMessage, type TownInfo } from "../../shared/protocol";
import { TownState } from "../../shared/state";
import type { Town } from "../town/town";
import { createMind } from "../mind/create-mind";
import type { Mind } from "../mind/mind";
import { Bans } from "./access";
import { CLIENT_MESSAGE_TYPES, screenMessage } from "./dispatch";
import { LiveClock } from "./live-clock";
import { CLIENT_RATE_LIMIT, TokenBucket } from "./rate-limit";
import { CloseCode, endSeat, Seats, type Seat } from "./seats";
import { TickSamples } from "./tick-samples";
import { RoomCommands, type CommandRoom } from "./room-commands";
import { admit, openTown, Refused, type TownAccess } from "./town-opening";
import { townInfo, townListing, welcomeOf } from "./room-listing";
import type { Persistence, RoomTown } from "./room-store";
import type { TownJournal } from "../durable/journal";
import { OfflineMind } from "../mind/offline/offline-mind";
import { TownRoomOptions, type ServerTownOptions, type TownMetadata } from "./town-options";

import { syncAgents, syncClock, syncPlayers } from "./state-sync";

export { OPERATOR_KEY, ServerTownOptions, TownRoomOptions, type TownMetadata } from "./town-options";

/** Real ms between two moves of the human avatars (and two state syncs). */
export const PLAYER_TICK_MS = 50;
/** Real ms between two refreshes of the room's listing (game time in the lobby). */
export const LISTING_REFRESH_MS = 5000;
/** Colyseus closes a connection above this rate; far above the token bucket, for floods only. */
const DISCONNECT_MESSAGES_PER_SECOND = 200;
/** Tick durations kept for measurement. */
const TICK_SAMPLES = 20_000;
export { CloseCode } from "./seats";

export class TownRoom extends Room<{ state: TownState; metadata: TownMetadata }> implements CommandRoom {
  override maxMessagesPerSecond = DISCONNECT_MESSAGES_PER_SECOND;
  override state = new TownState();

  town!: Town;
  live!: LiveClock;
  private options!: ServerTownOptions;
  /** Who may enter and who hosts. */
  private access: TownAccess = { password: null, isPrivate: false, isDefault: false, hostId: null, createdWith: null };
  readonly seats = new Seats();
  readonly bans = new Bans();
  private readonly commands = new RoomCommands(this);
  private idleTimer: { clear(): void } | null = null;
  private closing = false;
  private closedByHost = false;
  journal: TownJournal | null = null;
  /** Durations of the last TICK_SAMPLES ticks in ms, for benchmarks. */
  private readonly ticks = new TickSamples(TICK_SAMPLES);

  override async onCreate(raw: unknown): Promise<void> {
    const { town: options, operator, resume, ...client } = TownRoomOptions.parse(raw);
    this.options = options;
    const ctx = { roomId: this.roomId, townsHere: loadedTowns.count, persistence: this.persistence(), makeMind: (o: ServerTownOptions) => this.makeMind(o) };
    const opening = await openTown(options, { operator, resume, client }, ctx);
    if (opening.roomId !== undefined) this.roomId = opening.roomId;
    this.access = opening.access;
    await this.open(options, opening.town, opening.name);
  }

  /** Runs the town: listing, state, messages and the clock. */
  private async open(options: ServerTownOptions, opened: RoomTown, name = opened.resumed?.name ?? ""): Promise<void> {
    this.town = opened.town;
    this.journal = opened.journal;
    this.maxClients = options.maxClients;
    this.live = new LiveClock(options.stepMs);
    this.town.onDelta = (delta) => this.broadcast(ServerMessageType.ChatDelta, delta);
    this.state.scenario = this.town.scenario.name;
    this.state.mapName = opened.resumed?.map ?? options.mapName ?? this.town.scenario.map;
    this.state.townName = name;
    this.state.mind = this.town.mindLabel;
    if (this.access.isPrivate) await this.setPrivate(true);
    loadedTowns.count++;
    this.counted = true;
    // The default town stays for whoever comes; a created one waits a while for its people, then closes.
    this.autoDispose = false;
    if (!this.access.isDefault) this.armIdleTimer();
    this.syncState();
    // Spread: the matchmaker may have put filter fields there already.
    this.metadata = { ...this.metadata, ...this.listing() };

    for (const type of CLIENT_MESSAGE_TYPES) this.onMessage(type, (c, payload) => this.receive(c, type, payload));
    // Unknown types land here instead of closing the connection.
    this.onMessage("*", (c, type, payload) => this.receive(c, type, payload));
    this.setTimestep((elapsedMs) => this.tick(elapsedMs), PLAYER_TICK_MS);
    this.clock.setInterval(() => void this.refreshListing(), LISTING_REFRESH_MS);
  }

  override onJoin(client: Client, raw: unknown): void {
    const { options, playerId, isHost, newHost } = admit(this.access, this.bans, raw, client.sessionId);
    const { name, spectator = false, look } = options;
    if (newHost && this.journal) {
      this.journal.record.hostId = playerId;
      void this.journal.saveRecord();
    }
    this.idleTimer?.clear();
    this.idleTimer = null;
    // The same person from another tab or after a reload takes their avatar over.
    for (const old of this.seats.ofPlayer(playerId)) this.endSeat(old, "replaced", "you opened this town in another window");
    // Watching now: the avatar of an earlier visit leaves.
    if (spectator && this.town.players.has(playerId)) {
      this.town.removePlayer(playerId);
      this.syncState();
    }
    const seat: Seat = { client, playerId, spectator, limiter: new TokenBucket(CLIENT_RATE_LIMIT, performance.now()), ending: null, reconnection: null };
    this.seats.add(seat);
    if (!spectator && !this.town.players.has(playerId)) {
      this.town.addPlayer(playerId, name ?? `Visitor ${playerId.slice(1, 5)}`, look ?? this.nextLook());
      this.syncState();
    }
    client.send(ServerMessageType.Welcome, welcomeOf(client.sessionId, spectator ? "" : playerId, isHost, this.state, this.town, this.info()));
    client.send(ServerMessageType.Feed, { lines: this.town.recentFeed() } satisfies FeedMessage);
  }

  /** A connection that dropped keeps its seat (avatar, host role) for RECONNECT_SECONDS. */
  override onDrop(client: Client): void {
    const seat = this.seats.get(client.sessionId);
    // A town that is closing (the host, a shutdown) waits for nobody.
    if (!seat || seat.ending || this.closing) return;
    seat.reconnection = this.allowReconnection(client, RECONNECT_SECONDS);
  }

  override onReconnect(client: Client): void {
    const seat = this.seats.get(client.sessionId);
    if (!seat) return;
    seat.client = client;
    seat.reconnection = null;
  }

  override onLeave(client: Client): void {
    const seat = this.seats.get(client.sessionId);
    // A refused join also ends here, with no seat.
    if (!seat) return;
    this.seats.remove(seat);
    // A replaced seat hands the avatar on; everyone else's avatar leaves with them.
    if (seat.ending !== "replaced" && !seat.spectator && this.seats.ofPlayer(seat.playerId).length === 0) {
      this.town.removePlayer(seat.playerId);
      this.syncState();
    }
    // The default town stays for whoever comes; a created one waits a while, then closes.
    if (this.seats.size === 0 && !this.access.isDefault) this.armIdleTimer();
  }

  override onUncaughtException(error: RoomException, method: RoomMethodName): void {
    if (error.cause instanceof Refused) return;
    console.error(`[town ${this.roomId}] ${method} failed:`, error.cause ?? error);
  }

  /** Every client frame comes through here: screened, then applied or answered with `error`. */
  private receive(client: Client, type: unknown, payload: unknown): void {
    const seat = this.seats.get(client.sessionId);
    if (!seat || seat.ending) return;
    const screened = screenMessage(seat, type, payload, performance.now());
    if (!screened.ok) {
      if (screened.error) this.sendError(client, screened.error);
      return;
    }
    this.commands.apply(seat, screened);
  }

  /** Tells a connection why it ends, then ends it (no reconnection): seats.ts. */
  endSeat(seat: Seat, reason: ByeMessage["reason"], message: string): void {
    endSeat(seat, reason, message);
  }

  async closeTown(): Promise<void> {
    this.closedByHost = true;
    for (const seat of this.seats.all()) this.endSeat(seat, "closed", "the host closed this town");
    await this.disconnect(CloseCode.Closed);
  }

  private armIdleTimer(): void {
    this.idleTimer?.clear();
    this.idleTimer = this.clock.setTimeout(() => {
      if (this.seats.size === 0) void this.disconnect();
    }, this.options.idleMs);
  }

  sendError(client: Client, error: ErrorMessage): void {
    client.send(ServerMessageType.Error, error);
  }

  /** Avatars walk every tick; the town steps once per step of the live clock, never while paused. */
  private tick(elapsedMs: number): void {
    const t0 = performance.now();
    const playersMoved = this.town.advancePlayers(elapsedMs);
    const steps = this.live.stepsDue(elapsedMs);
    for (let i = 0; i < steps; i++) {
      this.town.step();
      this.journal?.stepped();
    }
    // Replies that arrived since the last step show now rather than at the next step.
    const answered = steps === 0 && !this.live.paused && this.town.applyAnswers();
    // Residents change in a step or an applied answer; between them only avatars move.
    if (steps > 0 || answered) this.syncState();
    else if (playersMoved) syncPlayers(this.state.players, this.town.playerViews());
    this.flushChat();
    this.ticks.add(performance.now() - t0);
  }

  /** Lines said since the last call (replies, conversations among residents, people), sent once they are stored. */
  flushChat(): void {
    const lines = this.town.drainChat();
    const send = () => {
      for (const line of lines) this.broadcast(ServerMessageType.Chat, line);
    };
    if (!this.journal || (lines.length === 0 && this.journal.status.pending === 0)) return send();
    // A failing store does not hold lines back: the journal keeps them and retries.
    void this.journal.commit().then(send);
  }

  /** The recorded tick durations (ms), oldest first; `reset` starts a new sample. */
  tickDurations(reset = false): number[] {
    return this.ticks.take(reset);
  }

  /** The mind of a new town; undefined: the offline mind. Tests and benchmarks override it. */
  protected makeMind(options: ServerTownOptions): Mind | undefined {
    return options.mind === "env" ? createMind(process.env, options.seed ?? 1).mind : undefined;
  }

  /** A mind for a fork of this town (the town's own kind, with its seed). */
  forkMind(): Mind {
    return this.makeMind({ ...this.options, seed: this.town.seed }) ?? new OfflineMind(this.town.seed);
  }

  townName(): string {
    return this.state.townName;
  }

  /** The town itself, for tests and benchmarks in this process. */
  get townForTests(): Town {
    return this.town;
  }

  syncState(): void {
    syncClock(this.state.clock, this.town.clock, this.live);
    syncAgents(this.state.agents, this.town.residentViews());
    syncPlayers(this.state.players, this.town.playerViews());
  }

  /** The host's player id; "first" until the first person of a town created without a token joins. */
  get hostId(): string | null {
    return this.access.hostId;
  }

  private info(): TownInfo {
    return townInfo(this.roomId, this.state, this.access);
  }

  private listing(): TownMetadata {
    return townListing(this.state, this.town, this.live, this.access);
  }

  private async refreshListing(): Promise<void> {
    try {
      await this.setMetadata({ ...this.metadata, ...this.listing() });
    } catch (err) {
      console.error(`[town ${this.roomId}] listing update failed:`, err);
    }
  }

  private counted = false;

  private nextLook(): PlayerLook {
    return PLAYER_LOOKS[this.state.players.size % PLAYER_LOOKS.length];
  }

  override disconnect(closeCode?: number): Promise<unknown> {
    this.closing = true;
    return super.disconnect(closeCode);
  }

  override async onDispose(): Promise<void> {
    this.idleTimer?.clear();
    if (this.counted) loadedTowns.count--;
    this.counted = false;
    // The last frame and snapshot: a town closed by its host is kept (for replays and forks) but not reopened.
    await this.journal?.close(this.closedByHost);
  }

  /** The store of this server's towns; null: towns live in memory only. Set by the server. */
  persistence(): Persistence | null {
    return null;
  }
}

/** Towns in this process (the limit of MAX_TOWNS). */
const loadedTowns = { count: 0 };
