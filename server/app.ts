/**
 * The server: Colyseus over the WebSocket transport, room `town`, and the HTTP routes.
 * `startServer` is what `main.ts` runs and what tests start on a free port.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { defineRoom, defineServer, matchMaker, type Server } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { MAX_MESSAGE_BYTES, ROOM_NAME } from "../shared/constants";
import { DEFAULT_CONFIG } from "./config";
import { mountRoutes } from "./http-routes";
import { OPERATOR_KEY, TownRoom, type ServerTownOptions } from "./rooms/town-room";
import { listScenarios } from "./scenarios";
import type { Mind } from "./mind/mind";

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
  /** People per town (default 500). */
  maxClients?: number;
  /** Towns per process, the default town included (default 20). */
  maxTowns?: number;
  /** Real ms an empty created town waits before it closes. */
  idleMs?: number;
  /** The operator's player token: host of the default public town. */
  hostToken?: string;
  /** Create the default public town at start (default true). */
  defaultTown?: boolean;
  /** Tests and benchmarks: the mind of every new town (instead of `mind`). */
  makeMind?: (seed: number) => Mind;
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
  // Every option a town is built from is set here, under `town`, so a client's create
  // options cannot pick them: the matchmaker lets these defaults override what a client sends.
  const town: ServerTownOptions = {
    scenario: opts.scenario ?? DEFAULT_CONFIG.scenario,
    scenarios: listScenarios(),
    startTime: opts.startTime ?? DEFAULT_CONFIG.townStart,
    stepMs: opts.stepMs ?? DEFAULT_CONFIG.stepMs,
    seed: opts.seed,
    mapName: undefined,
    mind: opts.mind ?? "offline",
    maxClients: opts.maxClients ?? DEFAULT_CONFIG.maxClients,
    maxTowns: opts.maxTowns ?? DEFAULT_CONFIG.maxTowns,
    idleMs: opts.idleMs ?? DEFAULT_CONFIG.idleMinutes * 60_000,
    ...(opts.hostToken !== undefined && { hostToken: opts.hostToken }),
  };
  const server = defineServer({
    rooms: { [ROOM_NAME]: defineRoom(roomClass(opts.makeMind), { town }) },
    transport: new WebSocketTransport({ server: httpServer, maxPayload: WS_MAX_PAYLOAD_BYTES }),
    express: (app) => mountRoutes(app, startedAtMs),
    greet: false,
    // main.ts owns the signals; a test process must not exit when a server closes.
    gracefullyShutdown: false,
  });
  await server.listen(opts.port, opts.host);
  // The public town that opens with no setup.
  if (opts.defaultTown !== false) await matchMaker.createRoom(ROOM_NAME, { operator: OPERATOR_KEY });
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

/** TownRoom, or a TownRoom whose towns run on the given mind. */
function roomClass(makeMind: StartOptions["makeMind"]): typeof TownRoom {
  if (!makeMind) return TownRoom;
  return class extends TownRoom {
    protected override makeMind(options: ServerTownOptions): Mind {
      return makeMind(options.seed ?? 1);
    }
  };
}
