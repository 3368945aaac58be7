/**
 * A child process of the people benchmarks, driven over IPC (fork): either a swarm of
 * bot players or one observer, so that their sockets and decoding do not run on the
 * server's event loop. Clocks: `wallNow()` (comparable across processes).
 *
 * Bots (`role: "bots"`) join rooms by id (`joinById`), optionally scatter over the map,
 * then each sends `move` once a second to a random walkable tile 1-4 steps from where it
 * stands, and every `sayEverySeconds` a numbered `say` on the town channel. They record
 * what they sent, the errors they got back (a refused move is undone in their belief of
 * where they stand) and their dropped connections. By default they do not decode state
 * patches (a real client's decoding happens on its own machine; here 500 decoders would
 * take the second core away from the server): `decode: true` keeps it.
 *
 * The observer (`role: "observer"`) joins one room as a spectator, decodes every patch,
 * and records when each player's tile changes and every town-channel line it receives.
 */
import { Client, type Room } from "@colyseus/sdk";
import { findPath } from "../server/sim/pathfinding";
import { loadMaze } from "../server/town-factory";
import { rngFor } from "../server/sim/rng";
import type { ChatMessage, ErrorMessage, WelcomeMessage } from "../shared/protocol";
import type { TownState } from "../shared/state";
import { ensureWebSocket, sleep, until, wallNow, walkableTiles } from "./people-common";

export interface BotsStart {
  role: "bots";
  url: string;
  /** One entry per bot: the room it joins. */
  rooms: string[];
  seed: number;
  decode: boolean;
  /** Bots joining at once. */
  joinConcurrency: number;
}

export interface ObserverStart {
  role: "observer";
  url: string;
  roomId: string;
}

export interface Go {
  cmd: "go";
  /** Seconds of walking to a random tile up to 40 steps away, before the measured part (0: none). */
  scatterSeconds: number;
  seconds: number;
  /** 0: bots do not say anything. */
  sayEverySeconds: number;
  moveEveryMs: number;
}

export interface MoveRecord {
  /** Bot index. */
  bot: number;
  playerId: string;
  at: number;
  from: { x: number; y: number };
  to: { x: number; y: number };
  refused: boolean;
}

export interface BotsReport {
  ev: "done";
  role: "bots";
  joined: number;
  joinFailures: string[];
  moves: MoveRecord[];
  /** Town lines sent: text -> send time. */
  said: Record<string, number>;
  saysRefused: number;
  errors: Record<string, number>;
  /** Connections the SDK saw drop (it then tries to reconnect). */
  drops: number;
  reconnects: number;
  /** Rooms left without the bot asking, by close code. */
  leaves: Record<string, number>;
  /** Moves skipped: no walkable tile 1-4 steps away. */
  stuck: number;
  cpuMs: number;
}

export interface ObserverReport {
  ev: "done";
  role: "observer";
  /** playerId -> [time, x, y] for every tile change seen (the first entry: when first seen). */
  changes: Record<string, [number, number, number][]>;
  /** Town lines received: text -> receive time. */
  heard: Record<string, number>;
  patches: number;
  drops: number;
  cpuMs: number;
}

/** More bots (one per entry: the room it joins), for a swarm that grows. */
export interface AddBots {
  cmd: "add";
  rooms: string[];
}

type Msg = BotsStart | ObserverStart | Go | AddBots | { cmd: "stop" };

ensureWebSocket();
const send = (m: unknown) => process.send?.(m);

let bots: BotSwarm | null = null;
let observer: Observer | null = null;

process.on("message", (m: Msg) => {
  void handle(m).catch((err) => {
    send({ ev: "fatal", message: String(err?.stack ?? err) });
  });
});
process.on("disconnect", () => process.exit(0));

async function handle(m: Msg): Promise<void> {
  if ("role" in m && m.role === "bots") {
    bots = new BotSwarm(m);
    await bots.join();
    send({ ev: "joined", joined: bots.joined, failures: bots.joinFailures.length });
  } else if ("role" in m && m.role === "observer") {
    observer = new Observer(m);
    await observer.join();
    send({ ev: "joined", joined: 1, failures: 0 });
  } else if ("cmd" in m && m.cmd === "add") {
    await bots!.join(m.rooms);
    send({ ev: "joined", joined: bots!.joined, failures: bots!.joinFailures.length });
  } else if ("cmd" in m && m.cmd === "go") {
    if (bots) send(await bots.run(m));
    if (observer) {
      observer.resetCpu();
      send({ ev: "running" });
    }
  } else if ("cmd" in m && m.cmd === "stop") {
    if (observer) send(observer.report());
    await bots?.leave();
    await observer?.leave();
    send({ ev: "stopped" });
  }
}

interface Bot {
  index: number;
  room: Room<any, TownState>;
  playerId: string;
  tile: { x: number; y: number };
  lastMove: MoveRecord | null;
  said: number;
}

class BotSwarm {
  readonly joinFailures: string[] = [];
  private readonly list: Bot[] = [];
  private readonly maze = loadMaze("ville");
  private readonly walkable = walkableTiles(this.maze);
  private readonly rng: () => number;
  private readonly moves: MoveRecord[] = [];
  private readonly said: Record<string, number> = {};
  private readonly errors: Record<string, number> = {};
  private saysRefused = 0;
  private drops = 0;
  private reconnects = 0;
  private readonly leaves: Record<string, number> = {};
  private stuck = 0;
  private leaving = false;
  private cpu0 = process.cpuUsage();

  constructor(private readonly opts: BotsStart) {
    this.rng = rngFor(opts.seed, "bots");
  }

  get joined(): number {
    return this.list.length;
  }

  /** Joins a bot for each room of `rooms` (default: the rooms it was started with). */
  async join(rooms = this.opts.rooms): Promise<void> {
    const client = new Client(this.opts.url);
    const first = this.list.length + this.joinFailures.length;
    let next = 0;
    const worker = async () => {
      for (;;) {
        const i = next++;
        if (i >= rooms.length) return;
        try {
          this.list.push(await this.joinOne(client, first + i, rooms[i]));
        } catch (err) {
          this.joinFailures.push(String((err as Error)?.message ?? err));
        }
      }
    };
    await Promise.all(Array.from({ length: this.opts.joinConcurrency }, worker));
    this.list.sort((a, b) => a.index - b.index);
  }

  private async joinOne(client: Client, index: number, roomId: string): Promise<Bot> {
    const room = (await client.joinById(roomId, { name: `bot ${index}` })) as Room<any, TownState>;
    let welcome: WelcomeMessage | undefined;
    const bot: Bot = { index, room, playerId: "", tile: { x: 0, y: 0 }, lastMove: null, said: 0 };
    room.onMessage("welcome", (w: WelcomeMessage) => (welcome = w));
    room.onMessage("error", (e: ErrorMessage) => {
      this.errors[e.code] = (this.errors[e.code] ?? 0) + 1;
      if (e.type === "move" && bot.lastMove && !bot.lastMove.refused) {
        bot.lastMove.refused = true;
        bot.tile = bot.lastMove.from;
      }
      if (e.type === "say") this.saysRefused++;
    });
    room.onMessage("*", () => undefined);
    room.onDrop(() => this.drops++);
    room.onReconnect(() => this.reconnects++);
    room.onLeave((code: number) => {
      if (!this.leaving) this.leaves[code] = (this.leaves[code] ?? 0) + 1;
    });
    await until(() => welcome, (w) => w !== undefined, `welcome of bot ${index}`);
    await until(() => room.state?.players?.get(welcome!.playerId), (p) => p !== undefined, `avatar of bot ${index}`);
    const me = room.state.players.get(welcome!.playerId)!;
    bot.playerId = welcome!.playerId;
    bot.tile = { x: me.x, y: me.y };
    if (!this.opts.decode) {
      // A bot draws nothing: skip decoding patches (see the header).
      (room.serializer as unknown as { patch: () => void }).patch = () => undefined;
    }
    return bot;
  }

  async run(go: Go): Promise<BotsReport> {
    this.cpu0 = process.cpuUsage();
    this.moves.length = 0;
    if (go.scatterSeconds > 0) {
      for (const bot of this.list) this.scatter(bot);
      await sleep(go.scatterSeconds * 1000);
    }
    this.moves.length = 0;
    const timers: NodeJS.Timeout[] = [];
    const n = this.list.length;
    const sayEveryTicks = go.sayEverySeconds > 0 ? Math.max(1, Math.round((go.sayEverySeconds * 1000) / go.moveEveryMs)) : 0;
    for (const bot of this.list) {
      // Spread over the period, so the server gets a steady stream rather than bursts.
      const offset = ((bot.index % n) / n) * go.moveEveryMs;
      let tick = 0;
      timers.push(
        setTimeout(() => {
          const act = () => {
            tick++;
            this.move(bot);
            if (sayEveryTicks > 0 && (tick + bot.index) % sayEveryTicks === 0) this.say(bot);
          };
          act();
          timers.push(setInterval(act, go.moveEveryMs));
        }, offset),
      );
    }
    await sleep(go.seconds * 1000);
    for (const t of timers) clearInterval(t);
    send({ ev: "sending-over" });
    // Lines and patches in flight.
    await sleep(3000);
    const cpu = process.cpuUsage(this.cpu0);
    return {
      ev: "done",
      role: "bots",
      joined: this.list.length,
      joinFailures: this.joinFailures,
      moves: this.moves,
      said: this.said,
      saysRefused: this.saysRefused,
      errors: this.errors,
      drops: this.drops,
      reconnects: this.reconnects,
      leaves: this.leaves,
      stuck: this.stuck,
      cpuMs: (cpu.user + cpu.system) / 1000,
    };
  }

  async leave(): Promise<void> {
    this.leaving = true;
    await Promise.all(this.list.map((b) => b.room.leave().catch(() => undefined)));
  }

  /** A first walk to a random tile up to 40 steps away, so the crowd spreads from the spawns. */
  private scatter(bot: Bot): void {
    for (let tries = 0; tries < 50; tries++) {
      const t = this.walkable[Math.floor(this.rng() * this.walkable.length)];
      if (Math.abs(t.x - bot.tile.x) + Math.abs(t.y - bot.tile.y) > 30) continue;
      const path = findPath(this.maze, bot.tile, t);
      if (!path.ok || path.path.length > 40) continue;
      bot.room.send("move", t);
      bot.tile = t;
      return;
    }
  }

  private move(bot: Bot): void {
    const from = bot.tile;
    const near = this.maze.nearbyTiles(from.x, from.y, 3).filter((t) => (t.x !== from.x || t.y !== from.y) && this.maze.isWalkable(t.x, t.y));
    for (let tries = 0; tries < 10 && near.length > 0; tries++) {
      const to = near[Math.floor(this.rng() * near.length)];
      const path = findPath(this.maze, from, to);
      if (!path.ok || path.path.length < 1 || path.path.length > 4) continue;
      const record: MoveRecord = { bot: bot.index, playerId: bot.playerId, at: wallNow(), from, to, refused: false };
      bot.room.send("move", to);
      bot.lastMove = record;
      bot.tile = to;
      this.moves.push(record);
      return;
    }
    this.stuck++;
  }

  private say(bot: Bot): void {
    const text = `bench b${bot.index} line ${++bot.said}`;
    this.said[text] = wallNow();
    bot.room.send("say", { text, channel: "town" });
  }
}

class Observer {
  private room: Room<any, TownState> | null = null;
  private readonly changes: Record<string, [number, number, number][]> = {};
  private readonly heard: Record<string, number> = {};
  private patches = 0;
  private drops = 0;
  private cpu0 = process.cpuUsage();

  constructor(private readonly opts: ObserverStart) {}

  resetCpu(): void {
    this.cpu0 = process.cpuUsage();
  }

  async join(): Promise<void> {
    const client = new Client(this.opts.url);
    const room = (await client.joinById(this.opts.roomId, { spectator: true })) as Room<any, TownState>;
    this.room = room;
    room.onMessage("chat", (l: ChatMessage) => {
      if (l.channel === "town") this.heard[l.text] = wallNow();
    });
    room.onMessage("*", () => undefined);
    room.onDrop(() => this.drops++);
    room.onStateChange((state: TownState) => {
      const at = wallNow();
      this.patches++;
      state.players.forEach((p, id) => {
        const seen = (this.changes[id] ??= []);
        const last = seen[seen.length - 1];
        if (!last || last[1] !== p.x || last[2] !== p.y) seen.push([at, p.x, p.y]);
      });
    });
    await room.waitForInitialState?.();
  }

  report(): ObserverReport {
    const cpu = process.cpuUsage(this.cpu0);
    return { ev: "done", role: "observer", changes: this.changes, heard: this.heard, patches: this.patches, drops: this.drops, cpuMs: (cpu.user + cpu.system) / 1000 };
  }

  async leave(): Promise<void> {
    await this.room?.leave().catch(() => undefined);
  }
}
