/**
 * Test harness for room tests: a real server on a free port, a @colyseus/testing
 * ColyseusTestServer bound to it, and clients that keep every message they receive.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import type { Room as ServerRoom } from "@colyseus/core";
import type { Room as SdkRoom } from "@colyseus/sdk";
import { ColyseusTestServer } from "@colyseus/testing/TestServer";
import { startServer, type RunningServer, type StartOptions } from "../../server/app";
import { Maze } from "../../server/sim/maze";
import type { ErrorMessage, WelcomeMessage } from "../../shared/protocol";
import type { TownState } from "../../shared/state";

/** Small and fast: three residents, a step every 20 ms of real time. */
export const FAST_TOWN: Omit<StartOptions, "port"> = { scenario: "ville-3", stepMs: 20, seed: 7, defaultTown: false };

export interface Booted {
  running: RunningServer;
  colyseus: ColyseusTestServer;
}

/** A port the system just handed out; ColyseusTestServer needs the real number up front. */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

export async function boot(options: Omit<StartOptions, "port"> = FAST_TOWN): Promise<Booted> {
  const running = await startServer({ ...options, port: await freePort(), host: "127.0.0.1" });
  return { running, colyseus: new ColyseusTestServer(running.server) };
}

/**
 * Registers the hooks of a room test file: one server for the file, a fresh town room for
 * each test. Read `booted` and `room` inside tests, not at load time.
 */
export function useTownRoom(options?: Omit<StartOptions, "port">): { readonly booted: Booted; readonly room: ServerRoom } {
  let booted: Booted | undefined;
  let room: ServerRoom | undefined;
  beforeAll(async () => {
    booted = await boot(options);
  });
  afterAll(async () => {
    await booted?.running.close();
  });
  beforeEach(async () => {
    room = await booted!.colyseus.createRoom("town", {});
  });
  afterEach(async () => {
    await booted!.colyseus.cleanup();
  });
  return {
    get booted() {
      return booted!;
    },
    get room() {
      return room!;
    },
  };
}

export interface Received {
  type: string;
  payload: any;
}

/** Keeps every server message so a test can wait for one without racing its arrival. */
export class Inbox {
  readonly received: Received[] = [];

  constructor(room: SdkRoom) {
    for (const type of ["welcome", "error", "chat", "feed", "chat-delta", "bye", "host-done", "whispered", "interview", "inspect"]) room.onMessage(type, (payload) => this.received.push({ type, payload }));
    room.onMessage("*", (type, payload) => this.received.push({ type: String(type), payload }));
  }

  /** The first unread message of `type` that matches; removes it from the inbox. */
  async next<T = any>(type: string, match: (payload: T) => boolean = () => true, what = type): Promise<T> {
    const found = await until(() => this.received.findIndex((m) => m.type === type && match(m.payload)), (i) => i >= 0, `message ${what}`);
    return this.received.splice(found, 1)[0].payload as T;
  }

  async error(code: string): Promise<ErrorMessage> {
    return this.next<ErrorMessage>("error", (e) => e.code === code, `error ${code}`);
  }
}

export interface Joined {
  room: SdkRoom<any, TownState>;
  inbox: Inbox;
  welcome: WelcomeMessage;
}

/** The joiner's own avatar in the synced state. */
export const me = (p: Joined) => p.room.state.players.get(p.welcome.playerId)!;

/** A fresh player token, as a browser would keep one. */
export function newToken(): string {
  return `t${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`.padEnd(20, "x").slice(0, 32);
}

/** Joins by room id, records messages from the start, and waits for the first state. */
export async function join(colyseus: ColyseusTestServer, roomId: string, options: Record<string, unknown>): Promise<Joined> {
  const room = (await colyseus.sdk.joinById(roomId, options)) as SdkRoom<any, TownState>;
  const inbox = new Inbox(room);
  await room.waitForInitialState();
  return { room, inbox, welcome: await inbox.next("welcome") };
}

/** Bounded polling: re-reads `probe` every 10 ms until `ok`, failing after `timeoutMs`. */
export async function until<T>(probe: () => T, ok: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

let maze: Maze | null = null;
/** The shipped map, read the way the server reads it. */
export function villeMaze(): Maze {
  maze ??= Maze.fromTiled(JSON.parse(readFileSync(resolve(process.cwd(), "maps/ville/ville.json"), "utf8")));
  return maze;
}
