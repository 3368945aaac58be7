/**
 * Room `town`: a thin adapter between clients and one Town. It admits people (seats.ts),
 * screens their messages, turns them into Town calls, carries out the host's controls,
 * runs the live clock, and copies the town's views into the synced state. No simulation
 * rule lives here.
 */
import { ErrorCode as ColyseusErrorCode, Room, ServerError, type Client, type RoomException, type RoomMethodName } from "@colyseus/core";
import { ErrorCode, PLAYER_LOOKS, RECONNECT_SECONDS, type PlayerLook } from "../../shared/constants";
import {
  CreateTownOptions, JoinOptions, ServerMessageType, type ByeMessage, type ErrorMessage, type FeedMessage, type HostCommand,
  type BatteryAnswer, type HostDone, type InterviewAnswer, type TownInfo, type WelcomeMessage,
} from "../../shared/protocol";
import { inspectResident } from "../agents/inspect";
import { runBattery } from "../eval/battery";
import { TownState } from "../../shared/state";
import type { Town } from "../town/town";
import { createTown } from "../town-factory";
import { createMind } from "../mind/create-mind";
import type { Mind } from "../mind/mind";
import { Bans, playerIdOf, TownPassword } from "./access";
import { CLIENT_MESSAGE_TYPES, describeIssues, refusal, screenMessage, type Accepted } from "./dispatch";
import { LiveClock } from "./live-clock";
import { CLIENT_RATE_LIMIT, TokenBucket } from "./rate-limit";
import { Seats, type Seat } from "./seats";
import { forkForPerson } from "./fork-town";
import type { BatteryResult } from "../eval/battery-types";
import { ResidentQuestions } from "./resident-questions";
import { TickSamples } from "./tick-samples";
import { newRoomTown, resumedRoomTown, type Persistence, type RoomTown } from "./room-store";
import type { TownJournal } from "../durable/journal";
import { OfflineMind } from "../mind/offline/offline-mind";
import { loadScenario } from "../scenarios";
import { creatorJoin, OPERATOR_KEY, TownRoomOptions, type ServerTownOptions, type TownMetadata } from "./town-options";

export { OPERATOR_KEY, ServerTownOptions, TownRoomOptions, type TownMetadata } from "./town-options";
import { syncAgents, syncClock, syncPlayers } from "./state-sync";

/** Real ms between two moves of the human avatars (and two state syncs). */
export const PLAYER_TICK_MS = 50;
/** Real ms between two refreshes of the room's listing (game time in the lobby). */
export const LISTING_REFRESH_MS = 5000;
/** Colyseus closes a connection above this rate; far above the token bucket, for floods only. */
const DISCONNECT_MESSAGES_PER_SECOND = 200;
/** Tick durations kept for measurement. */
const TICK_SAMPLES = 20_000;
/** WebSocket close codes the server uses to end a connection for good. */
export const CloseCode = { Kicked: 4003, Closed: 4004, Replaced: 4005 } as const;

/** A join or a creation refused for a reason the person can fix (shown to them, not logged). */
class Refused extends ServerError {}

export class TownRoom extends Room<{ state: TownState; metadata: TownMetadata }> {
  override maxMessagesPerSecond = DISCONNECT_MESSAGES_PER_SECOND;
  override state = new TownState();

  private town!: Town;
  private live!: LiveClock;
  private options!: ServerTownOptions;
  private password: TownPassword | null = null;
  private isPrivate = false;
  private isDefault = false;
  /** The host's player id; "first" until the first person of a town created without a token joins. */
  private hostId: string | "first" | null = null;
  /** The creator's options as sent, to tell the creator's own join from others. */
  private createdWith: string | null = null;
  private readonly seats = new Seats();
  private readonly bans = new Bans();
  /** One interview in flight per person: answers may take a model call. */
  private readonly interviews = new ResidentQuestions<string, string | null>(
    {
      type: "interview",
      busy: "wait for the answer to your last question",
      failed: (name) => `${name} could not answer just now; try again`,
      ask: (town, agentId, asker, question) => town.interview(agentId, question, asker),
      answer: (seat, agentId, agentName, question, answer) => seat.client.send(ServerMessageType.Interview, { agentId, agentName, question, answer: answer ?? "" } satisfies InterviewAnswer),
    },
    (c, e) => this.sendError(c, e),
    () => this.roomId,
  );
  /** One battery in flight per person, like interviews: it is 25 of them, asked one after another. */
  private readonly batteries = new ResidentQuestions<undefined, BatteryResult>(
    {
      type: "battery",
      busy: "wait for your last battery to finish",
      failed: (name) => `${name} could not be interviewed just now; try again`,
      ask: (town, agentId, asker) => runBattery(town, agentId, asker),
      answer: (seat, agentId, agentName, _none, result) => seat.client.send(ServerMessageType.Battery, { agentId, agentName, result } satisfies BatteryAnswer),
    },
    (c, e) => this.sendError(c, e),
    () => this.roomId,
  );
  private idleTimer: { clear(): void } | null = null;
  private closing = false;
  private closedByHost = false;
  private journal: TownJournal | null = null;
  /** Durations of the last TICK_SAMPLES ticks in ms, for benchmarks. */
  private readonly ticks = new TickSamples(TICK_SAMPLES);

  override async onCreate(raw: unknown): Promise<void> {
    const { town: options, operator, resume, ...client } = TownRoomOptions.parse(raw);
    this.options = options;
    const byServer = operator === OPERATOR_KEY;
    if (byServer && resume !== undefined) return this.open(options, await this.resumed(options, resume));
    const isDefault = byServer;
    this.isDefault = isDefault;
    const parsed = CreateTownOptions.safeParse(isDefault ? {} : client);
    if (!parsed.success) throw new Refused(ColyseusErrorCode.APPLICATION_ERROR, `bad create options: ${describeIssues(parsed.error)}`);
    const create = parsed.data;
    const scenario = create.scenario ?? options.scenario;
    if (!options.scenarios.includes(scenario)) throw new Refused(ColyseusErrorCode.APPLICATION_ERROR, `no scenario "${scenario}" (available: ${options.scenarios.join(", ")})`);
    if (!isDefault && this.townsHere() >= options.maxTowns) throw new Refused(ColyseusErrorCode.APPLICATION_ERROR, `this server already runs ${options.maxTowns} towns; try again later`);

    if (create.password !== undefined) this.password = TownPassword.of(create.password);
    this.isPrivate = create.private ?? false;
    if (isDefault) {
      this.hostId = options.hostToken ? playerIdOf(options.hostToken, "") : null;
    } else {
      this.hostId = create.token ? playerIdOf(create.token, "") : "first";
      this.createdWith = JSON.stringify(client);
    }
    const mind = this.makeMind(options) ?? new OfflineMind(options.seed ?? 1);
    const build = (m: Mind) => createTown({ scenario, startTime: options.startTime, seed: options.seed, mapName: options.mapName, mind: m });
    const fields = { name: create.name ?? loadScenario(scenario).title, private: this.isPrivate, hostId: this.hostId === "first" ? null : this.hostId, isDefault, ...(this.password && { password: this.password.toString() }) };
    await this.open(options, newRoomTown(this.persistence(), this.roomId, mind, build, fields), fields.name);
  }

  /** A saved town comes back with its name, access and host; a bad record fails the creation. */
  private async resumed(options: ServerTownOptions, id: string): Promise<RoomTown> {
    const p = this.persistence();
    if (!p) throw new Refused(ColyseusErrorCode.APPLICATION_ERROR, "this server keeps no towns (no store)");
    this.roomId = id;
    const record = await p.store.getTown(id);
    if (!record?.isDefault && this.townsHere() >= options.maxTowns) throw new Refused(ColyseusErrorCode.APPLICATION_ERROR, `this server already runs ${options.maxTowns} towns; try again later`);
    const seed = record?.seed ?? options.seed ?? 1;
    const opened = await resumedRoomTown(p, id, this.makeMind({ ...options, seed }) ?? new OfflineMind(seed));
    const r = opened.resumed!;
    this.isDefault = r.isDefault;
    this.isPrivate = r.private;
    this.password = r.password ? TownPassword.fromString(r.password) : null;
    this.hostId = r.isDefault ? (options.hostToken ? playerIdOf(options.hostToken, "") : null) : (r.hostId ?? "first");
    return opened;
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
    if (this.isPrivate) await this.setPrivate(true);
    loadedTowns.count++;
    this.counted = true;
    // The default town stays for whoever comes; a created one waits a while for its people, then closes.
    this.autoDispose = false;
    if (!this.isDefault) this.armIdleTimer();
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
    const { town: _server, operator: _operator, ...sent } = (raw ?? {}) as Record<string, unknown>;
    const creator = this.createdWith !== null && JSON.stringify(sent) === this.createdWith;
    if (creator) this.createdWith = null;
    const options = creator ? creatorJoin(sent) : JoinOptions.safeParse(sent);
    if (!options.success) throw new Refused(ColyseusErrorCode.APPLICATION_ERROR, `bad join options: ${describeIssues(options.error)}`);
    const { name, spectator = false, look, token, password } = options.data;
    const playerId = playerIdOf(token, client.sessionId);
    if (this.hostId === "first") {
      this.hostId = playerId;
      if (this.journal) {
        this.journal.record.hostId = playerId;
        void this.journal.saveRecord();
      }
    }
    const isHost = playerId === this.hostId;
    if (this.password && !creator && !isHost && !this.password.matches(password)) {
      throw new Refused(ColyseusErrorCode.AUTH_FAILED, password === undefined ? "this town needs a password" : "wrong password");
    }
    const banned = this.bans.remainingMs(playerId, Date.now());
    if (banned > 0) throw new Refused(ColyseusErrorCode.AUTH_FAILED, `you were asked to leave this town; try again in ${Math.ceil(banned / 60_000)} min`);

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
    const welcome: WelcomeMessage = {
      sessionId: client.sessionId,
      playerId: spectator ? "" : playerId,
      spectator,
      host: isHost,
      mapName: this.state.mapName,
      mind: this.town.mindLabel,
      town: this.info(),
    };
    client.send(ServerMessageType.Welcome, welcome);
    const feed: FeedMessage = { lines: this.town.recentFeed() };
    client.send(ServerMessageType.Feed, feed);
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
    if (this.seats.size === 0 && !this.isDefault) this.armIdleTimer();
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
    this.apply(seat, screened);
  }

  private apply(seat: Seat, msg: Accepted): void {
    const id = seat.playerId;
    const client = seat.client;
    switch (msg.type) {
      case "move":
        return this.answer(client, msg.type, this.town.movePlayerTo(id, msg.message.x, msg.message.y));
      case "walk":
        return this.answer(client, msg.type, this.town.walkPlayer(id, msg.message.dir));
      case "stop":
        return this.town.stopPlayer(id);
      case "say": {
        const to = msg.message.to === undefined ? undefined : (this.seats.get(msg.message.to)?.playerId ?? msg.message.to);
        const said = this.town.say(id, msg.message.text, to, msg.message.channel);
        if (!said.ok) return this.answer(client, msg.type, said);
        // Speaking to a resident starts a conversation, which shows in its state.
        this.syncState();
        return this.flushChat();
      }
      case "host":
        return this.host(seat, msg.message);
      case "interview":
        return this.interviews.put(this.town, seat, msg.message.agentId, msg.message.question);
      case "battery":
        return this.batteries.put(this.town, seat, msg.message.agentId, undefined);
      case "inspect": {
        const r = this.town.resident(msg.message.agentId);
        if (!r) return this.sendError(client, refusal(ErrorCode.NotFound, `no resident "${msg.message.agentId}"`, msg.type));
        const view = inspectResident(r, (who) => this.town.nameOf(who));
        // What the inspector shows has been stored.
        if (!this.journal) return client.send(ServerMessageType.Inspect, view);
        void this.journal.commit().then(() => client.send(ServerMessageType.Inspect, view));
        return;
      }
      default:
        return assertNever(msg);
    }
  }

  /** The host's controls; anyone else is refused with `forbidden`. */
  private host(seat: Seat, command: HostCommand): void {
    const client = seat.client;
    if (this.hostId === null || seat.playerId !== this.hostId) {
      const why = this.hostId === null ? "this town has no host: nobody can" : "only the host of this town can";
      return this.sendError(client, refusal(ErrorCode.Forbidden, `${why} ${command.action}`, "host"));
    }
    const done = (message: string) => client.send(ServerMessageType.HostDone, { action: command.action, message } satisfies HostDone);
    switch (command.action) {
      case "pause":
        this.live.pause();
        this.syncState();
        return done("paused");
      case "resume":
        this.live.resume();
        this.syncState();
        return done("running");
      case "speed":
        this.live.setSpeed(command.speed);
        this.syncState();
        return done(`speed ${command.speed}x`);
      case "whisper": {
        const r = this.town.resident(command.agentId);
        if (!r || !this.town.whisper(command.agentId, command.text)) return this.sendError(client, refusal(ErrorCode.NotFound, `no resident "${command.agentId}"`, "host"));
        client.send(ServerMessageType.Whispered, { agentId: command.agentId, text: command.text });
        return done(`${r.name} will remember it`);
      }
      case "kick": {
        const target = this.seats.get(command.target)?.playerId ?? command.target;
        const seats = this.seats.ofPlayer(target);
        if (target === seat.playerId) return this.sendError(client, refusal(ErrorCode.BadMessage, "the host cannot kick themselves", "host"));
        if (seats.length === 0) return this.sendError(client, refusal(ErrorCode.NotFound, `nobody "${command.target.slice(0, 40)}" is in this town`, "host"));
        const name = this.town.players.get(target as never)?.name ?? "a spectator";
        this.bans.ban(target as never, Date.now());
        for (const s of seats) this.endSeat(s, "kicked", "the host asked you to leave this town");
        return done(`${name} was asked to leave`);
      }
      case "close":
        done("closing the town");
        return void this.closeTown();
      case "fork":
        return void this.fork(seat, command.name);
    }
  }

  /** The host's copy of the town as it is now: a new private town they host, with its own code. */
  private async fork(seat: Seat, name: string | undefined): Promise<void> {
    const p = this.persistence();
    if (!p || !this.journal) return this.sendError(seat.client, refusal(ErrorCode.Forbidden, "this server keeps no towns, so it cannot fork one", "host"));
    try {
      await this.journal.snapshot();
      const mind = this.makeMind({ ...this.options, seed: this.town.seed }) ?? new OfflineMind(this.town.seed);
      const forked = await forkForPerson(p.store, this.roomId, { hostId: seat.playerId, name: name ?? `${this.state.townName} (fork)`, private: true }, mind);
      const done: HostDone = { action: "fork", message: `forked at step ${forked.step}: invite code ${forked.roomId}`, town: { roomId: forked.roomId, link: forked.link } };
      seat.client.send(ServerMessageType.HostDone, done);
    } catch (err) {
      console.error(`[town ${this.roomId}] fork failed:`, err);
      this.sendError(seat.client, refusal(ErrorCode.Busy, `the town could not be forked: ${(err as Error).message}`, "host"));
    }
  }

  /** Tells a connection why it ends, then ends it (no reconnection). */
  private endSeat(seat: Seat, reason: ByeMessage["reason"], message: string): void {
    if (seat.ending) return;
    seat.ending = reason;
    const bye: ByeMessage = { reason, message };
    seat.client.send(ServerMessageType.Bye, bye);
    if (seat.reconnection) {
      seat.reconnection.reject(new Error(message));
      return;
    }
    const code = reason === "kicked" ? CloseCode.Kicked : reason === "closed" ? CloseCode.Closed : CloseCode.Replaced;
    seat.client.leave(code, message);
  }

  private async closeTown(): Promise<void> {
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

  private answer(client: Client, type: string, result: { ok: true } | { ok: false; code: ErrorCode; message: string }): void {
    if (!result.ok) this.sendError(client, refusal(result.code, result.message, type));
  }

  private sendError(client: Client, error: ErrorMessage): void {
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
  private flushChat(): void {
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

  /** The town itself, for tests and benchmarks in this process. */
  get townForTests(): Town {
    return this.town;
  }

  private syncState(): void {
    syncClock(this.state.clock, this.town.clock, this.live);
    syncAgents(this.state.agents, this.town.residentViews());
    syncPlayers(this.state.players, this.town.playerViews());
  }

  private info(): TownInfo {
    return { roomId: this.roomId, name: this.state.townName, scenario: this.state.scenario, private: this.isPrivate, hasPassword: this.password !== null, link: `/t/${this.roomId}` };
  }

  private listing(): TownMetadata {
    return {
      name: this.state.townName,
      scenario: this.state.scenario,
      mapName: this.state.mapName,
      mind: this.town.mindLabel,
      residents: this.state.agents.size,
      gameTimeMs: this.town.clock.nowMs,
      paused: this.live.paused,
      speed: this.live.speed,
      hasPassword: this.password !== null,
    };
  }

  private async refreshListing(): Promise<void> {
    try {
      await this.setMetadata({ ...this.metadata, ...this.listing() });
    } catch (err) {
      console.error(`[town ${this.roomId}] listing update failed:`, err);
    }
  }

  private townsHere(): number {
    return loadedTowns.count;
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
  protected persistence(): Persistence | null {
    return null;
  }
}

/** Towns in this process (the limit of MAX_TOWNS). */
const loadedTowns = { count: 0 };

function assertNever(x: never): never {
  throw new Error(`unhandled message: ${JSON.stringify(x)}`);
}
