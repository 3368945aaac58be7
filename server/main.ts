/**
 * Boot: read the configuration, start the server, say where to open it, and shut down
 * cleanly on Ctrl-C or SIGTERM.
 */
import { WebSocket } from "ws";
import { ConfigError, loadConfig } from "./config";
import { startServer } from "./app";
import { createMind } from "./mind/create-mind";
import { ConfigError as MindConfigError } from "./mind/llm/config";
import { RedisUnreachableError, redisAddress } from "./scale-out";
import { GAME_SECONDS_PER_STEP } from "../shared/constants";
import { LIVE_JOURNAL } from "./durable/saved-town";
import { openStore } from "./store/open-store";
import type { Store } from "./store/store";

// Colyseus reconnection reads the global WebSocket, which Node 20 lacks.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

async function main(): Promise<void> {
  const config = loadConfig();
  // A wrong key or an unreachable model server is said once, here, not per call.
  const mind = createMind(process.env, config.seed ?? 1);
  const problem = await mind.verify();
  if (problem) {
    console.error(`cannot start: ${problem}`);
    console.error("Unset OPENAI_API_KEY / OPENAI_BASE_URL (or set MIND=offline) to run on the offline rule-based mind.");
    process.exit(1);
  }
  // Towns are kept in Redis with REDIS_URL, else in files under DATA_DIR.
  const store = openStore({ dataDir: config.dataDir, redisUrl: config.redisUrl });
  const running = await startServer({
    mind: "env",
    store,
    journal: { ...LIVE_JOURNAL, snapshotEvery: Math.max(1, Math.round((config.snapshotMinutes * 60) / GAME_SECONDS_PER_STEP)) },
    port: config.port,
    host: config.host,
    scenario: config.scenario,
    startTime: config.townStart,
    stepMs: config.stepMs,
    seed: config.seed,
    maxClients: config.maxClients,
    maxTowns: config.maxTowns,
    idleMs: config.idleMinutes * 60_000,
    ...(config.hostToken !== undefined && { hostToken: config.hostToken }),
    // Scale-out: several processes on one Redis (docs/DEPLOY.md).
    redisUrl: config.redisUrl,
    publicAddress: config.publicAddress,
  });
  console.log(`\nVille is running: open ${running.url}\n`);
  console.log(`  scenario ${config.scenario}, ${config.stepMs} ms per step, town starts ${config.townStart}`);
  console.log(`  residents are driven by: ${mind.mind.label}`);
  console.log(`  towns are kept in ${store.kind === "redis" ? "Redis" : `files under ${store.where}`} (snapshot every ${config.snapshotMinutes} game minutes)`);
  await listSaved(store);
  // Scale-out mode, said once at start.
  if (config.redisUrl === undefined) {
    console.log(`  single process, in-memory presence${config.publicAddress ? `, public address ${config.publicAddress}` : ""}`);
  } else {
    console.log(`  scale-out on Redis ${redisAddress(config.redisUrl)}, public address ${config.publicAddress ?? "(none)"}`);
    if (config.publicAddress === undefined) console.warn("  PUBLIC_ADDRESS is not set: fine for one process; with several, joins of towns on another process fail");
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      console.log(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: closing towns and connections...`);
    await running.close();
    await store.close();
    console.log("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

/** Says what the store holds: saved towns come back when their link is opened. */
async function listSaved(store: Store): Promise<void> {
  try {
    const towns = await store.listTowns();
    const live = towns.filter((t) => t.mode === "live" && !t.closed && !t.isDefault);
    const runs = towns.filter((t) => t.mode === "lockstep").length;
    console.log(`  saved: ${live.length} town(s) that come back when their link is opened, ${runs} recorded run(s) to replay or fork`);
    // Private codes are secrets: only public towns are named in the log.
    for (const t of live.filter((x) => !x.private).sort((a, b) => b.updatedAt - a.updatedAt).slice(0, 5)) console.log(`    /t/${t.id}  ${t.name}`);
  } catch (err) {
    console.error(`  cannot list saved towns: ${(err as Error).message}`);
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof MindConfigError || err instanceof RedisUnreachableError) {
    console.error(err.message);
  } else if ((err as NodeJS.ErrnoException).code === "EADDRINUSE") {
    console.error(`cannot start: port already in use (${(err as Error).message}); set PORT to another port`);
  } else {
    console.error("cannot start:", err);
  }
  process.exit(1);
});
