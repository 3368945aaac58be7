/**
 * The server: Colyseus over the WebSocket transport, room `town`, and the HTTP routes.
 * `startServer` is what `main.ts` runs and what tests start on a free port.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { defineRoom, defineServer, type Server } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { MAX_MESSAGE_BYTES, ROOM_NAME } from "../shared/constants";
import { DEFAULT_CONFIG } from "./config";
import { mountRoutes } from "./http-routes";
import { TownRoom, type TownRoomOptions } from "./rooms/town-room";

/** Room for the frame header (protocol byte, type name) around a message of MAX_MESSAGE_BYTES. */
export const WS_MAX_PAYLOAD_BYTES = MAX_MESSAGE_BYTES + 256;

export interface StartOptions {
  /** 0 picks a free port; read the real one from the result. */
  port: number;
  host?: string;
  scenario?: string;
  /** Game time when a town starts, ISO UTC. */
  startTime?: string;
  /** Real ms per simulation step. */
  stepMs?: number;
  seed?: number;
  /** "env": the mind configured by the environment (MIND, OPENAI_*); default: the offline mind. */
  mind?: "env" | "offline";
}

export interface RunningServer {
  /** http://host:port/ as a browser on this machine reaches it. */
  url: string;
  port: number;
  /** The Colyseus server, for tests that drive rooms directly. */
  server: Server;
  /** Disposes every room, closes connections, stops listening. */
  close(): Promise<void>;
}

export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const startedAtMs = Date.now();
  const httpServer = createServer();
  // Every option a town is built from is set here, so a client's create options cannot
  // pick them: the matchmaker lets these defaults override what a client sends.
  const townOptions: TownRoomOptions = {
    scenario: opts.scenario ?? DEFAULT_CONFIG.scenario,
    startTime: opts.startTime ?? DEFAULT_CONFIG.townStart,
    stepMs: opts.stepMs ?? DEFAULT_CONFIG.stepMs,
    seed: opts.seed,
    mapName: undefined,
    mind: opts.mind ?? "offline",
  };
  const server = defineServer({
    rooms: { [ROOM_NAME]: defineRoom(TownRoom, townOptions) },
    transport: new WebSocketTransport({ server: httpServer, maxPayload: WS_MAX_PAYLOAD_BYTES }),
    express: (app) => mountRoutes(app, startedAtMs),
    greet: false,
    // main.ts owns the signals; a test process must not exit when a server closes.
    gracefullyShutdown: false,
  });
  await server.listen(opts.port, opts.host);
  const port = (httpServer.address() as AddressInfo).port;
  const shownHost = !opts.host || opts.host === "0.0.0.0" || opts.host === "::" ? "localhost" : opts.host;

  let closing: Promise<void> | null = null;
  const close = () => (closing ??= shutdown(server, httpServer));
  return { url: `http://${shownHost}:${port}/`, port, server, close };
}

async function shutdown(server: Server, httpServer: ReturnType<typeof createServer>): Promise<void> {
  const closed = new Promise<void>((done) => {
    if (!httpServer.listening) return done();
    httpServer.once("close", () => done());
  });
  await server.gracefullyShutdown(false);
  // Idle keep-alive HTTP connections would hold the port open for seconds.
  httpServer.closeAllConnections();
  await closed;
}
