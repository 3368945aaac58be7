/**
 * The client's only link to the server: joins room `town` with `@colyseus/sdk`, turns
 * state patches into per-entity callbacks, and wraps the client -> server messages.
 */
import { Callbacks, Client, type Room } from "@colyseus/sdk";
import type { Facing } from "../../shared/constants";
import {
  ServerMessageType as M, type ByeMessage, type ChatDelta, type ChatMessage, type ErrorMessage, type FeedMessage,
  type BatteryAnswer, type HostCommand, type HostDone, type InspectAnswer, type InterviewAnswer, type SayChannel, type WelcomeMessage,
} from "../../shared/protocol";
import type { AgentState, ClockState, PlayerState, TownState } from "../../shared/state";
import { openRoom, type JoinRequest } from "./net-join";

export type { AgentState, ClockState, PlayerState, TownState };
export type { JoinRequest, JoinTarget, NewTown } from "./net-join";

/** The server's confirmation of a whisper (host only). */
export interface WhisperedMessage {
  agentId: string;
  text: string;
}

export type LinkStatus = "open" | "reconnecting" | "closed";

/** What the town view reacts to. Every entity callback receives the live schema object. */
export interface TownListener {
  agentAdded(id: string, agent: AgentState): void;
  agentChanged(id: string, agent: AgentState): void;
  agentRemoved(id: string): void;
  playerAdded(id: string, player: PlayerState): void;
  playerChanged(id: string, player: PlayerState): void;
  playerRemoved(id: string): void;
  /** Clock, mind or town name changed. */
  townChanged(state: TownState): void;
  /** The recent lines of the town, once after joining (and again after a reconnection, if sent). */
  feed(lines: ChatMessage[]): void;
  chat(line: ChatMessage): void;
  chatDelta(delta: ChatDelta): void;
  inspected(answer: InspectAnswer): void;
  interviewed(answer: InterviewAnswer): void;
  batteryDone(answer: BatteryAnswer): void;
  whispered(message: WhisperedMessage): void;
  hostDone(done: HostDone): void;
  serverError(error: ErrorMessage): void;
  /** The server ends this connection for good (kicked, town closed, joined elsewhere). */
  bye(bye: ByeMessage): void;
  /** The link changed: the SDK reconnects on its own after a drop; "closed" is for good. */
  link(status: LinkStatus, code?: number): void;
}

/** Messages that arrive before the view listens are kept (up to this many). */
const EARLY_MESSAGES_MAX = 200;
const WELCOME_TIMEOUT_MS = 10_000;

export class TownConnection {
  private detachers: (() => void)[] = [];
  private listener: TownListener | null = null;
  private early: ((listener: TownListener) => void)[] = [];

  private constructor(
    readonly room: Room<unknown, TownState>,
    readonly spectator: boolean,
    readonly welcome: WelcomeMessage,
  ) {}

  /** Joins, creates or opens a town; resolves once `welcome` and the first full state have arrived. */
  static async join(request: JoinRequest, origin = window.location.origin): Promise<TownConnection> {
    const room = await openRoom(new Client(origin), request);
    let connection: TownConnection | null = null;
    const early: ((listener: TownListener) => void)[] = [];
    const deliver = (event: (listener: TownListener) => void) => (connection ? connection.deliver(event) : early.push(event));
    // Registered at once: the SDK drops messages that arrive before a handler exists.
    const welcomed = new Promise<WelcomeMessage>((resolve) => room.onMessage<WelcomeMessage>(M.Welcome, resolve));
    room.onMessage<FeedMessage>(M.Feed, (m) => deliver((l) => l.feed(m.lines ?? [])));
    room.onMessage<ChatMessage>(M.Chat, (line) => deliver((l) => l.chat(line)));
    room.onMessage<ChatDelta>(M.ChatDelta, (delta) => deliver((l) => l.chatDelta(delta)));
    room.onMessage<InspectAnswer>(M.Inspect, (answer) => deliver((l) => l.inspected(answer)));
    room.onMessage<InterviewAnswer>(M.Interview, (answer) => deliver((l) => l.interviewed(answer)));
    room.onMessage<BatteryAnswer>(M.Battery, (answer) => deliver((l) => l.batteryDone(answer)));
    room.onMessage<WhisperedMessage>(M.Whispered, (message) => deliver((l) => l.whispered(message)));
    room.onMessage<HostDone>(M.HostDone, (done) => deliver((l) => l.hostDone(done)));
    room.onMessage<ErrorMessage>(M.Error, (error) => deliver((l) => l.serverError(error)));
    room.onMessage<ByeMessage>(M.Bye, (bye) => {
      // The close that follows is for good: no automatic reconnection.
      room.reconnection.enabled = false;
      deliver((l) => l.bye(bye));
    });
    try {
      const [welcome] = await Promise.all([bounded(welcomed, "The town did not welcome us in time."), firstState(room)]);
      connection = new TownConnection(room, request.spectator, welcome);
      connection.early.push(...early);
      return connection;
    } catch (error) {
      await room.leave().catch(() => undefined);
      throw error;
    }
  }

  get sessionId(): string {
    return this.room.sessionId;
  }

  /** Key of our avatar in `state.players` ("" for spectators). */
  get playerId(): string {
    return this.welcome.playerId;
  }

  get state(): TownState {
    return this.room.state;
  }

  /** Replays the current state into `listener`, then keeps it informed of every change. */
  watch(listener: TownListener): void {
    const callbacks = Callbacks.get(this.room);
    const state = this.room.state;
    const on = (detach: () => void) => this.detachers.push(detach);
    const perEntity = new Map<string, () => void>();
    const follow = (key: string, detach: () => void) => {
      perEntity.get(key)?.();
      perEntity.set(key, detach);
    };
    const forget = (key: string) => {
      perEntity.get(key)?.();
      perEntity.delete(key);
    };
    on(() => perEntity.forEach((detach) => detach()));
    on(callbacks.onAdd("agents", (agent: AgentState, id: string) => {
      listener.agentAdded(id, agent);
      follow(`agent:${id}`, callbacks.onChange(agent, () => listener.agentChanged(id, agent)));
    }));
    on(callbacks.onRemove("agents", (_agent: AgentState, id: string) => {
      forget(`agent:${id}`);
      listener.agentRemoved(id);
    }));
    on(callbacks.onAdd("players", (player: PlayerState, id: string) => {
      listener.playerAdded(id, player);
      follow(`player:${id}`, callbacks.onChange(player, () => listener.playerChanged(id, player)));
    }));
    on(callbacks.onRemove("players", (_player: PlayerState, id: string) => {
      forget(`player:${id}`);
      listener.playerRemoved(id);
    }));
    on(callbacks.onChange(state, () => listener.townChanged(state)));
    on(callbacks.listen("clock", (clock: ClockState) => {
      if (clock) follow("clock", callbacks.onChange(clock, () => listener.townChanged(state)));
      listener.townChanged(state);
    }));
    this.listener = listener;
    for (const deliver of this.early.splice(0)) deliver(listener);
    this.room.onDrop(() => {
      if (this.room.reconnection.enabled) listener.link("reconnecting");
    });
    this.room.onReconnect(() => listener.link("open"));
    this.room.onLeave((code) => listener.link("closed", code));
  }

  private deliver(event: (listener: TownListener) => void): void {
    if (this.listener) return event(this.listener);
    this.early.push(event);
    if (this.early.length > EARLY_MESSAGES_MAX) this.early.shift();
  }

  /** Walk to a tile; the server finds the path. */
  moveTo(x: number, y: number): void {
    this.room.send("move", { x, y });
  }

  /** One step in a direction. */
  walk(dir: Facing): void {
    this.room.send("walk", { dir });
  }

  /** `to`: a resident or player id; `channel: "town"`: heard town-wide by people only. */
  say(text: string, to?: string, channel?: SayChannel): void {
    this.room.send("say", { text, ...(to ? { to } : {}), ...(channel ? { channel } : {}) });
  }

  /** Host only: pause, resume, speed, whisper, kick, close; answered by `host-done` or `error`. */
  host(command: HostCommand): void {
    this.room.send("host", command);
  }

  /** Host only: plants a thought; confirmed by `whispered`. */
  whisper(agentId: string, text: string): void {
    this.host({ action: "whisper", agentId, text });
  }

  /** Asks for a resident's plan, memories and relationships; answered by `inspect`. */
  inspect(agentId: string): void {
    this.room.send("inspect", { agentId });
  }

  /** Asks a resident a question; answered by `interview` (or `error` busy / not_found). */
  interview(agentId: string, question: string): void {
    this.room.send("interview", { agentId, question });
  }

  /** Puts the interview battery to a resident; answered by `battery` (or `error` busy / not_found). */
  battery(agentId: string): void {
    this.room.send("battery", { agentId });
  }

  async leave(): Promise<void> {
    this.listener = null;
    for (const detach of this.detachers.splice(0)) detach();
    await this.room.leave();
  }
}

function bounded<T>(promise: Promise<T>, message: string, timeoutMs = WELCOME_TIMEOUT_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), timeoutMs);
    promise.then((value) => {
      clearTimeout(timer);
      resolve(value);
    }, reject);
  });
}

/** The SDK fills `room.state` with the first full patch; wait for it (bounded). */
function firstState(room: Room<unknown, TownState>): Promise<void> {
  if (room.state?.clock) return Promise.resolve();
  return bounded(new Promise<void>((resolve) => room.onStateChange.once(() => resolve())), "The town did not send its state in time.");
}
