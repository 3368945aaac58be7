/**
 * Plain HTTP routes beside the Colyseus matchmaker: the built client, the map files,
 * a health check and the list of public towns.
 * Paths are resolved from the working directory, which is the repo root.
 */
import { resolve } from "node:path";
import { matchMaker } from "@colyseus/core";
import express from "express";
import { ROOM_NAME } from "../shared/constants";
import type { TownMetadata } from "./rooms/town-room";

export const CLIENT_DIST_DIR = "client/dist";
export const MAPS_DIR = "maps";
export const CLIENT_NOT_BUILT = "client not built: run npm run build:client";

/** One entry of `GET /api/towns`. */
export interface TownListing extends Partial<TownMetadata> {
  roomId: string;
  clients: number;
  maxClients: number;
}

export function mountRoutes(app: express.Application, startedAtMs: number): void {
  const clientDir = resolve(process.cwd(), CLIENT_DIST_DIR);
  app.use(express.static(clientDir));
  // Reached only when the static handler found no index.html: say how to fix it.
  app.get("/", (_req, res) => {
    res.status(503).type("text/plain").send(CLIENT_NOT_BUILT);
  });
  app.use("/maps", express.static(resolve(process.cwd(), MAPS_DIR)));

  app.get("/health", (_req, res) => {
    res.json({
      ok: true,
      uptimeSeconds: Math.round((Date.now() - startedAtMs) / 1000),
      rooms: matchMaker.stats.local.roomCount,
      clients: matchMaker.stats.local.ccu,
    });
  });

  app.get("/api/towns", async (_req, res) => {
    try {
      res.json({ towns: await publicTowns() });
    } catch (err) {
      res.status(500).json({ error: `cannot list towns: ${(err as Error).message}` });
    }
  });
}

/** Public towns on every process that shares the matchmaker; private ones are left out. */
export async function publicTowns(): Promise<TownListing[]> {
  const rooms = await matchMaker.query({ name: ROOM_NAME });
  return rooms
    .filter((r) => !r.private)
    .map((r) => ({ ...(r.metadata as Partial<TownMetadata> | undefined), roomId: r.roomId, clients: r.clients, maxClients: r.maxClients }));
}
