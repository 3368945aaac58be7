/**
 * Plain HTTP routes beside the Colyseus matchmaker: the built client, the map files,
 * a health check and the list of public towns.
 * Paths are resolved from the working directory, which is the repo root.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { matchMaker } from "@colyseus/core";
import express from "express";
import { ROOM_NAME } from "../shared/constants";
import type { ScenarioListing, TownListing, TownLookup } from "../shared/protocol";
import type { TownMetadata } from "./rooms/town-room";
import { mountRunRoutes } from "./runs/runs-routes";
import { wakeTown } from "./rooms/wake-town";
import { mountForkRoute } from "./rooms/fork-town";
import type { Mind } from "./mind/mind";
import { isRoomAlive, withoutDeadProcesses } from "./scale-out";
import { listScenarios, loadScenario } from "./scenarios";
import type { Store } from "./store/store";

export const CLIENT_DIST_DIR = "client/dist";
export const MAPS_DIR = "maps";
export const CLIENT_NOT_BUILT = "client not built: run npm run build:client";

export function mountRoutes(app: express.Application, startedAtMs: number, store?: Store, mindFor?: (seed: number) => Mind, operatorToken?: string, defaultScenario?: string): void {
  const clientDir = resolve(process.cwd(), CLIENT_DIST_DIR);
  app.use(express.static(clientDir));
  // Reached only when the static handler found no index.html: say how to fix it.
  app.get("/", (_req, res) => {
    res.status(503).type("text/plain").send(CLIENT_NOT_BUILT);
  });
  app.use("/maps", express.static(resolve(process.cwd(), MAPS_DIR)));
  // An invite link (or a replay's) opens the client, which reads the code from the path.
  app.get(["/t/:code", "/replay/:id"], (_req, res) => {
    const index = resolve(clientDir, "index.html");
    if (!existsSync(index)) return void res.status(503).type("text/plain").send(CLIENT_NOT_BUILT);
    res.sendFile(index);
  });

  if (store) mountRunRoutes(app, store, operatorToken);
  if (store && mindFor) mountForkRoute(app, store, mindFor);

  app.get("/health", (_req, res) => {
    res.json({
      ok: true,
      uptimeSeconds: Math.round((Date.now() - startedAtMs) / 1000),
      rooms: matchMaker.stats.local.roomCount,
      clients: matchMaker.stats.local.ccu,
    });
  });

  app.get("/api/scenarios", (_req, res) => {
    try {
      res.json({ scenarios: scenarioListings(defaultScenario) });
    } catch (err) {
      res.status(500).json({ error: `cannot list scenarios: ${(err as Error).message}` });
    }
  });

  // What an invite link needs before joining: the town's name and whether it has a password.
  app.get("/api/towns/:code", async (req, res) => {
    const code = String(req.params.code);
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(code)) return void res.status(400).json({ error: "an invite code is letters, digits, '-' and '_'" });
    try {
      const [listed] = await matchMaker.query({ name: ROOM_NAME, roomId: code });
      // A listing left by a dead process is removed here (awaited), so the town reads as not running.
      let room = listed && (await isRoomAlive(listed)) ? listed : undefined;
      // Not running: a saved town comes back here, so the join that follows finds it.
      if (!room && store) {
        const woke = await wakeTown(store, code);
        if (!woke.ok) return void res.status(woke.status).json({ error: woke.error });
        [room] = await matchMaker.query({ name: ROOM_NAME, roomId: code });
      }
      if (!room) return void res.status(404).json({ error: `no town with code "${code}" (it may have closed)` });
      const meta = room.metadata as Partial<TownMetadata> | undefined;
      const lookup: TownLookup = { roomId: room.roomId, name: meta?.name ?? "", scenario: meta?.scenario ?? "", private: Boolean(room.private), hasPassword: Boolean(meta?.hasPassword) };
      res.json(lookup);
    } catch (err) {
      res.status(500).json({ error: `cannot look the town up: ${(err as Error).message}` });
    }
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
  // The driver spans every process on the Redis; listings of dead processes are left out.
  const rooms = await withoutDeadProcesses(await matchMaker.query({ name: ROOM_NAME }));
  return rooms
    .filter((r) => !r.private)
    .map((r) => {
      const m = (r.metadata ?? {}) as Partial<TownMetadata>;
      return {
        roomId: r.roomId,
        name: m.name ?? "",
        scenario: m.scenario ?? "",
        mapName: m.mapName ?? "",
        mind: m.mind ?? "",
        residents: m.residents ?? 0,
        clients: r.clients,
        maxClients: r.maxClients,
        gameTimeMs: m.gameTimeMs ?? 0,
        paused: m.paused ?? false,
        speed: m.speed ?? 1,
        hasPassword: m.hasPassword ?? false,
      };
    });
}

let scenarioCache: ScenarioListing[] | null = null;

/**
 * Every scenario on disk, the server's default first: "create a town" preselects the first,
 * and a 1,000-resident city is not what someone who just clicks "create" expects.
 */
export function scenarioListings(defaultScenario?: string): ScenarioListing[] {
  scenarioCache ??= listScenarios().map((name) => {
    const s = loadScenario(name);
    return { name, title: s.title, residents: s.personas.length };
  });
  const first = scenarioCache.filter((s) => s.name === defaultScenario);
  return [...first, ...scenarioCache.filter((s) => s.name !== defaultScenario)];
}
