/**
 * The client's only link to the server: joins room `town` with `@colyseus/sdk`, turns
 * state patches into per-entity callbacks, and wraps the client -> server messages.
 */
import { Callbacks, Client, type Room } from "@colyseus/sdk";
import { ROOM_NAME, type Facing, type PlayerLook } from "../../shared/constants";
import type { ChatLine, ErrorMessage, InspectAnswer, InterviewAnswer, WelcomeMessage } from "../../shared/protocol";
import type { AgentState, ClockState, PlayerState, TownState } from "../../shared/state";

export type { AgentState, ClockState, PlayerState, TownState };

/** The server's confirmation of a whisper (host only). */
export interface WhisperedMessage {
  agentId: string;
  text: string;
}

export interface JoinRequest {
  name: string;
  spectator: boolean;
  look: PlayerLook;
}

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
  chat(line: ChatLine): void;
  /** Who we are in this town (host or not); arrives once, right after joining. */
  welcomed(welcome: WelcomeMessage): void;
  inspected(answer: InspectAnswer): void;
  interviewed(answer: InterviewAnswer): void;
  whispered(message: WhisperedMessage): void;
  serverError(error: ErrorMessage): void;
  /**
   * The link changed: "dropped" (the SDK is reconnecting), "restored", or "closed" for good
   * (with the close code).
   */
  connection(status: "dropped" | "restored" | "closed", code?: number): void;
}

/** Chat lines and errors that arrive before the view listens are kept (up to this many). */
const EARLY_MESSAGES_MAX = 100;

export class TownConnection {
  private detachers: (() => void)[] = [];
  private listener: TownListener | null = null;
  private early: ((listener: TownListener) => void)[] = [];

  private constructor(
    readonly room: Room<unknown, TownState>,
    readonly spectator: boolean,
    /** Filled by the server's `welcome` message; `null` until it arrives. */
    public welcome: WelcomeMessage | null,
  ) {}

  /** Joins (or creates) the town and resolves once the first full state has arrived. */
  static async join(request: JoinRequest, origin = window.location.origin): Promise<TownConnection> {
    const client = new Client(origin);
    const options = request.spectator
      ? { spectator: true }
      : { name: request.name.trim(), spectator: false, look: request.look };
    const room = await client.joinOrCreate<TownState>(ROOM_NAME, options);
    const connection = new TownConnection(room, request.spectator, null);
    room.onMessage<WelcomeMessage>("welcome", (welcome) => {
      connection.welcome = welcome;
      connection.listener?.welcomed(welcome);
    });
    // Registered now: messages that arrive while the map loads would otherwise be dropped by the SDK.
    room.onMessage<ChatLine>("chat", (line) => connection.deliver((l) => l.chat(line)));
    room.onMessage<InspectAnswer>("inspect", (answer) => connection.deliver((l) => l.inspected(answer)));
    room.onMessage<InterviewAnswer>("interview", (answer) => connection.deliver((l) => l.interviewed(answer)));
    room.onMessage<WhisperedMessage>("whispered", (message) => connection.deliver((l) => l.whispered(message)));
    room.onMessage<ErrorMessage>("error", (error) => connection.deliver((l) => l.serverError(error)));
    await firstState(room);
    return connection;
  }

  get sessionId(): string {
    return this.room.sessionId;
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
    // Kept apart from the early queue, which may overflow while the map loads.
    if (this.welcome) listener.welcomed(this.welcome);
    for (const deliver of this.early.splice(0)) deliver(listener);
    this.room.onDrop(() => listener.connection("dropped"));
    this.room.onReconnect(() => listener.connection("restored"));
    this.room.onLeave((code) => listener.connection("closed", code));
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

  say(text: string): void {
    this.room.send("say", { text });
  }

  /** Asks for a resident's plan, memories and relationships; answered by `inspect`. */
  inspect(agentId: string): void {
    this.room.send("inspect", { agentId });
  }

  /** Asks a resident a question; answered by `interview` (or `error` BUSY / NOT_FOUND). */
  interview(agentId: string, question: string): void {
    this.room.send("interview", { agentId, question });
  }

  /** Host only: plants a thought; confirmed by `whispered`. */
  whisper(agentId: string, text: string): void {
    this.room.send("whisper", { agentId, text });
  }

  async leave(): Promise<void> {
    this.listener = null;
    for (const detach of this.detachers.splice(0)) detach();
    await this.room.leave();
  }
}

/** The SDK fills `room.state` with the first full patch; wait for it (bounded). */
function firstState(room: Room<unknown, TownState>, timeoutMs = 10_000): Promise<void> {
  if (room.state?.clock) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("The town did not send its state in time.")), timeoutMs);
    room.onStateChange.once(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
