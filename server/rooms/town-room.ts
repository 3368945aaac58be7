/**
 * Room `town`: a thin adapter between clients and one Town. It admits people, screens
 * their messages, turns them into Town calls, runs the clock, and copies the town's
 * views into the synced state. No simulation rule lives here.
 */
import { ErrorCode as ColyseusErrorCode, Room, ServerError, type Client, type RoomException, type RoomMethodName } from "@colyseus/core";
import { z } from "zod";
import { ErrorCode, PLAYER_LOOKS, type PlayerLook } from "../../shared/constants";
import { JoinOptions, ServerMessageType, type ErrorMessage, type InterviewAnswer, type WelcomeMessage } from "../../shared/protocol";
import { inspectResident } from "../agents/inspect";
import { TownState } from "../../shared/state";
import { DEFAULT_CONFIG } from "../config";
import type { Refusal, Town } from "../town/town";
import { asPlayerId } from "../sim/ids";
import { createTown } from "../town-factory";
import { createMind } from "../mind/create-mind";
import { CLIENT_MESSAGE_TYPES, describeIssues, refusal, screenMessage, type Accepted, type Sender } from "./dispatch";
import { CLIENT_RATE_LIMIT, TokenBucket } from "./rate-limit";
import { syncAgents, syncClock, syncPlayers } from "./state-sync";

/** Real ms between two moves of the human avatars (and two state syncs). */
export const PLAYER_TICK_MS = 50;
/** Real ms between two refreshes of the room's listing (game time in the lobby). */
export const LISTING_REFRESH_MS = 5000;
/** Steps run in one tick at most when the server falls behind; older backlog is dropped. */
const MAX_STEPS_PER_TICK = 4;
/** Colyseus closes a connection above this rate; far above the token bucket, for floods only. */
const DISCONNECT_MESSAGES_PER_SECOND = 200;
export const MAX_CLIENTS_PER_TOWN = 100;
/** Tick durations kept for measurement. */
const TICK_SAMPLES = 20_000;

/** What the server decides when it creates a town; never taken from a client. */
export const TownRoomOptions = z.object({
  scenario: z.string().min(1),
  startTime: z.string().min(1),
  stepMs: z.number().int().min(1),
  seed: z.number().int().optional(),
  mapName: z.string().min(1).optional(),
  mind: z.enum(["env", "offline"]).optional(),
});
export type TownRoomOptions = z.infer<typeof TownRoomOptions>;

/** The room's listing, as `GET /api/towns` and the lobby show it. */
export interface TownMetadata {
  name: string;
  scenario: string;
  mapName: string;
  mind: string;
  residents: number;
  gameTimeMs: number;
}

/** A join refused for a reason the joiner can fix (shown to them, not logged). */
class JoinRefused extends ServerError {}

export class TownRoom extends Room<{ state: TownState; metadata: TownMetadata }> {
  override maxClients = MAX_CLIENTS_PER_TOWN;
  override maxMessagesPerSecond = DISCONNECT_MESSAGES_PER_SECOND;
  override state = new TownState();

  private town!: Town;
  private stepMs: number = DEFAULT_CONFIG.stepMs;
  private msSinceStep = 0;
  /** The first person to join; later issues give the host controls. */
  private hostId: string | null = null;
  private readonly senders = new Map<string, Sender>();
  private readonly interviewing = new Set<string>();
  /** Durations of the last TICK_SAMPLES ticks in ms, for benchmarks. */
  private readonly tickRing = new Float64Array(TICK_SAMPLES);
  private tickCount = 0;

  override onCreate(raw: unknown): void {
    const options = TownRoomOptions.parse(raw);
    this.stepMs = options.stepMs;
    const mind = options.mind === "env" ? createMind(process.env, options.seed ?? 1).mind : undefined;
    this.town = createTown({ scenario: options.scenario, startTime: options.startTime, seed: options.seed, mapName: options.mapName, mind });
    this.state.scenario = options.scenario;
    this.state.mapName = options.mapName ?? this.town.scenario.map;
    this.state.townName = this.town.scenario.title;
    this.state.mind = this.town.mindLabel;
    this.syncState();
    // Spread: the matchmaker may have put filter fields there already.
    this.metadata = { ...this.metadata, ...this.listing() };

    for (const type of CLIENT_MESSAGE_TYPES) {
      this.onMessage(type, (client, payload) => this.receive(client, type, payload));
    }
    // Unknown types land here instead of closing the connection.
    this.onMessage("*", (client, type, payload) => this.receive(client, type, payload));
    this.setTimestep((elapsedMs) => this.tick(elapsedMs), PLAYER_TICK_MS);
    this.clock.setInterval(() => void this.refreshListing(), LISTING_REFRESH_MS);
  }

  override onJoin(client: Client, raw: unknown): void {
    const parsed = JoinOptions.safeParse(raw ?? {});
    if (!parsed.success) throw new JoinRefused(ColyseusErrorCode.APPLICATION_ERROR, `bad join options: ${describeIssues(parsed.error)}`);
    const { name, spectator = false, look } = parsed.data;
    this.hostId ??= client.sessionId;
    this.senders.set(client.sessionId, { spectator, limiter: new TokenBucket(CLIENT_RATE_LIMIT, performance.now()) });
    if (!spectator) {
      this.town.addPlayer(client.sessionId, name ?? `Visitor ${client.sessionId.slice(0, 4)}`, look ?? this.nextLook());
      this.syncState();
    }
    const welcome: WelcomeMessage = {
      sessionId: client.sessionId,
      spectator,
      host: client.sessionId === this.hostId,
      mapName: this.state.mapName,
      mind: this.town.mindLabel,
    };
    client.send(ServerMessageType.Welcome, welcome);
  }

  override onLeave(client: Client): void {
    const sender = this.senders.get(client.sessionId);
    // A refused join also ends here, with no sender recorded.
    if (!sender) return;
    this.senders.delete(client.sessionId);
    if (!sender.spectator) {
      this.town.removePlayer(client.sessionId);
      this.syncState();
    }
  }

  override onUncaughtException(error: RoomException, method: RoomMethodName): void {
    if (error.cause instanceof JoinRefused) return;
    console.error(`[town ${this.roomId}] ${method} failed:`, error.cause ?? error);
  }

  /** Every client frame comes through here: screened, then applied or answered with `error`. */
  private receive(client: Client, type: unknown, payload: unknown): void {
    const sender = this.senders.get(client.sessionId);
    if (!sender) return;
    const screened = screenMessage(sender, type, payload, performance.now());
    if (!screened.ok) {
      if (screened.error) this.sendError(client, screened.error);
      return;
    }
    this.apply(client.sessionId, client, screened);
  }

  private apply(id: string, client: Client, msg: Accepted): void {
    switch (msg.type) {
      case "move":
        return this.answer(client, msg.type, this.town.movePlayerTo(id, msg.message.x, msg.message.y));
      case "walk":
        return this.answer(client, msg.type, this.town.walkPlayer(id, msg.message.dir));
      case "stop":
        return this.town.stopPlayer(id);
      case "say":
        // Speaking to a resident starts a conversation, which shows in its state.
        this.town.say(id, msg.message.text);
        this.syncState();
        return this.broadcastChat();
      case "whisper":
        return this.whisper(client, msg.message.agentId, msg.message.text);
      case "interview":
        return this.interview(client, msg.message.agentId, msg.message.question);
      case "inspect": {
        const r = this.town.resident(msg.message.agentId);
        if (!r) return this.sendError(client, refusal(ErrorCode.NotFound, `no resident "${msg.message.agentId}"`, msg.type));
        client.send(ServerMessageType.Inspect, inspectResident(r, (id) => this.town.nameOf(id)));
        return;
      }
      default:
        return assertNever(msg);
    }
  }

  /** Host only: the thought is remembered by the resident at the next step. */
  private whisper(client: Client, agentId: string, text: string): void {
    if (client.sessionId !== this.hostId) return this.sendError(client, refusal(ErrorCode.NotHost, "only the host of this town can whisper to residents", "whisper"));
    if (!this.town.whisper(agentId, text)) return this.sendError(client, refusal(ErrorCode.NotFound, `no resident "${agentId}"`, "whisper"));
    client.send(ServerMessageType.Whispered, { agentId, text });
  }

  /** One interview in flight per person: answers may take a model call. */
  private interview(client: Client, agentId: string, question: string): void {
    if (this.interviewing.has(client.sessionId)) return this.sendError(client, refusal(ErrorCode.Busy, "wait for the answer to your last question", "interview"));
    const r = this.town.resident(agentId);
    if (!r) return this.sendError(client, refusal(ErrorCode.NotFound, `no resident "${agentId}"`, "interview"));
    this.interviewing.add(client.sessionId);
    const asker = this.town.players.get(asPlayerId(client.sessionId))?.name ?? "a visitor";
    this.town
      .interview(agentId, question, asker)
      .then((answer) => {
        const reply: InterviewAnswer = { agentId, agentName: r.name, question, answer: answer ?? "" };
        client.send(ServerMessageType.Interview, reply);
      })
      .catch((err) => {
        console.error(`[town ${this.roomId}] interview failed:`, err);
        this.sendError(client, refusal(ErrorCode.Busy, `${r.name} could not answer just now; try again`, "interview"));
      })
      .finally(() => this.interviewing.delete(client.sessionId));
  }

  private answer(client: Client, type: string, result: { ok: true } | Refusal): void {
    if (!result.ok) this.sendError(client, refusal(result.code, result.message, type));
  }

  private sendError(client: Client, error: ErrorMessage): void {
    client.send(ServerMessageType.Error, error);
  }

  /** Avatars walk every tick; the town steps once per `stepMs` of real time. */
  private tick(elapsedMs: number): void {
    const t0 = performance.now();
    const playersMoved = this.town.advancePlayers(elapsedMs);
    this.msSinceStep += elapsedMs;
    let steps = 0;
    while (this.msSinceStep >= this.stepMs && steps < MAX_STEPS_PER_TICK) {
      this.town.step();
      this.msSinceStep -= this.stepMs;
      steps++;
    }
    // Fell behind (a slow machine, a paused debugger): catch up no further.
    if (this.msSinceStep >= this.stepMs) this.msSinceStep = 0;
    // Residents change only in a step; between steps only avatars move.
    if (steps > 0) this.syncState();
    else if (playersMoved) syncPlayers(this.state.players, this.town.playerViews());
    this.broadcastChat();
    this.tickRing[this.tickCount++ % TICK_SAMPLES] = performance.now() - t0;
  }

  /** Lines residents said since the last call (replies, conversations among themselves). */
  private broadcastChat(): void {
    for (const line of this.town.drainChat()) this.broadcast(ServerMessageType.Chat, line);
  }

  /** The recorded tick durations (ms), oldest first; `reset` starts a new sample. */
  tickDurations(reset = false): number[] {
    const n = Math.min(this.tickCount, TICK_SAMPLES);
    const start = this.tickCount > TICK_SAMPLES ? this.tickCount % TICK_SAMPLES : 0;
    const out = Array.from({ length: n }, (_, i) => this.tickRing[(start + i) % TICK_SAMPLES]);
    if (reset) this.tickCount = 0;
    return out;
  }

  private syncState(): void {
    syncClock(this.state.clock, this.town.clock, this.stepMs);
    syncAgents(this.state.agents, this.town.residentViews());
    syncPlayers(this.state.players, this.town.playerViews());
  }

  private listing(): TownMetadata {
    return {
      name: this.state.townName,
      scenario: this.state.scenario,
      mapName: this.state.mapName,
      mind: this.town.mindLabel,
      residents: this.state.agents.size,
      gameTimeMs: this.town.clock.nowMs,
    };
  }

  private async refreshListing(): Promise<void> {
    try {
      await this.setMetadata({ ...this.metadata, ...this.listing() });
    } catch (err) {
      console.error(`[town ${this.roomId}] listing update failed:`, err);
    }
  }

  private nextLook(): PlayerLook {
    return PLAYER_LOOKS[this.state.players.size % PLAYER_LOOKS.length];
  }
}

function assertNever(x: never): never {
  throw new Error(`unhandled message: ${JSON.stringify(x)}`);
}
