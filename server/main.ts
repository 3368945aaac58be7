/**
 * Boot: read the configuration, start the server, say where to open it, and shut down
 * cleanly on Ctrl-C or SIGTERM.
 */
import { WebSocket } from "ws";
import { ConfigError, loadConfig } from "./config";
import { startServer } from "./app";
import { createMind } from "./mind/create-mind";
import { ConfigError as MindConfigError } from "./mind/llm/config";

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
  const running = await startServer({
    mind: "env",
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
  });
  console.log(`\nVille is running: open ${running.url}\n`);
  console.log(`  scenario ${config.scenario}, ${config.stepMs} ms per step, town starts ${config.townStart}`);
  console.log(`  residents are driven by: ${mind.mind.label}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      console.log(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: closing towns and connections...`);
    await running.close();
    console.log("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof MindConfigError) {
    console.error(err.message);
  } else if ((err as NodeJS.ErrnoException).code === "EADDRINUSE") {
    console.error(`cannot start: port already in use (${(err as Error).message}); set PORT to another port`);
  } else {
    console.error("cannot start:", err);
  }
  process.exit(1);
});
