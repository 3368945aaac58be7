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
import { scaleOutOptions } from "./scale-out";
import type { Mind } from "./mind/mind";
import type { JournalOptions } from "./durable/journal";
import { LIVE_JOURNAL } from "./durable/saved-town";
import type { Persistence } from "./rooms/room-store";
import { createMind } from "./mind/create-mind";
import { OfflineMind } from "./mind/offline/offline-mind";
import type { Store } from "./store/store";
import { Encoder } from "@colyseus/schema";

// A town's full state is encoded into one buffer per room; the 16 KB default fits a few
// dozen residents, the city's 1,000 take about 150 KB (the encoder grows it anyway, with
// a warning per room). Set before any room makes its encoder.
Encoder.BUFFER_SIZE = 256 * 1024;

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
  /** Where towns are kept (server/store); absent: towns live in memory only. */
  store?: Store;
  /** How often towns are snapshotted (default: every 5 game minutes). */
  journal?: JournalOptions;
  // Scale-out (server/scale-out.ts).
  /** redis://host:port: presence and room listing shared with other processes; absent: in memory. */
  redisUrl?: string;
  /** host:port (or host/path) at which clients reach this process; unique per process. */
  publicAddress?: string;
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
  // Answers a fork's questions that its recording lacks.
  const mindFor = (seed: number): Mind => opts.makeMind?.(seed) ?? (opts.mind === "env" ? createMind(process.env, seed).mind : new OfflineMind(seed));
  const persistence: Persistence | null = opts.store ? { store: opts.store, journal: opts.journal ?? LIVE_JOURNAL, owner: opts.publicAddress ?? "local" } : null;
  // Probes Redis first: throws RedisUnreachableError rather than hang.
  const scaleOut = await scaleOutOptions({ redisUrl: opts.redisUrl, publicAddress: opts.publicAddress });
  const server = defineServer({
    ...scaleOut,
    rooms: { [ROOM_NAME]: defineRoom(roomClass(opts.makeMind, persistence), { town }) },
    transport: new WebSocketTransport({ server: httpServer, maxPayload: WS_MAX_PAYLOAD_BYTES }),
    express: (app) => mountRoutes(app, startedAtMs, opts.store, mindFor, opts.hostToken, town.scenario),
    greet: false,
    // main.ts owns the signals; a test process must not exit when a server closes.
    gracefullyShutdown: false,
  });
  await server.listen(opts.port, opts.host);
  // The public town that opens with no setup.
  // On this process, not wherever the matchmaker would place it: each process opens its own,
  // and OPERATOR_KEY is this process's secret (another process would not recognise it).
  if (opts.defaultTown !== false) await openDefaultTown(persistence);
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

/** This process's default town: the one it ran before a restart, if it was saved, else a new one. */
async function openDefaultTown(p: Persistence | null): Promise<void> {
  const saved = p ? (await p.store.listTowns()).filter((t) => t.isDefault && t.defaultOf === p.owner && !t.closed).sort((a, b) => b.updatedAt - a.updatedAt)[0] : undefined;
  if (saved) {
    try {
      await matchMaker.handleCreateRoom(ROOM_NAME, { operator: OPERATOR_KEY, resume: saved.id });
      return;
    } catch (err) {
      // It stays in the store, untouched, for whoever repairs it; the town opens anew meanwhile.
      console.error(`[store] the default town ${saved.id} could not be brought back; a new one opens (the saved one is kept): ${(err as Error).message}`);
    }
  }
  await matchMaker.handleCreateRoom(ROOM_NAME, { operator: OPERATOR_KEY });
}

/** TownRoom, with this server's store and (for tests and benchmarks) its minds. */
function roomClass(makeMind: StartOptions["makeMind"], persistence: Persistence | null): typeof TownRoom {
  return class extends TownRoom {
    protected override makeMind(options: ServerTownOptions): Mind | undefined {
      return makeMind ? makeMind(options.seed ?? 1) : super.makeMind(options);
    }

    override persistence(): Persistence | null {
      return persistence;
    }
  };
}
