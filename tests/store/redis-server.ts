/**
 * A real Debian redis-server for tests: a free loopback port, its own temp dir, run in the
 * foreground as our child (so a crashed test leaves no daemon behind; any still running
 * when the process exits are killed).
 *
 *   const redis = await startRedis({ aof: true });
 *   redis.url            // redis://127.0.0.1:<port>
 *   await redis.stop();  // SIGTERM: Redis shuts down cleanly (AOF flushed)
 *   await redis.restart(); // same port and dir, so AOF data comes back
 *   await redis.kill();  // SIGKILL, no shutdown
 *   await redis.destroy(); // stops it if running and removes the dir (call in afterAll)
 *
 * With `aof`, appendfsync is "always": every reply is on disk, so even kill() loses
 * nothing that was acknowledged.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface TestRedis {
  url: string;
  port: number;
  dir: string;
  /** Graceful stop (SIGTERM). The dir stays, for restart(). */
  stop(): Promise<void>;
  /** Starts it again on the same port and dir (stops it first if running). */
  restart(): Promise<void>;
  /** SIGKILL: no shutdown, no final AOF flush. */
  kill(): Promise<void>;
  /** Stops it if running and removes its dir. */
  destroy(): Promise<void>;
}

const START_TIMEOUT_MS = 10_000;
const running = new Set<ChildProcess>();
let exitHook = false;

export async function startRedis(opts: { aof?: boolean } = {}): Promise<TestRedis> {
  if (!exitHook) {
    exitHook = true;
    process.once("exit", () => {
      for (const child of running) child.kill("SIGKILL");
    });
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "ville-redis-"));
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", opts.aof ? "yes" : "no", "--dir", dir, "--daemonize", "no"];
  if (opts.aof) args.push("--appendfsync", "always");
  let child: ChildProcess | null = null;

  const launch = async () => {
    const c = spawn("redis-server", args, { stdio: ["ignore", "pipe", "pipe"] });
    child = c;
    running.add(c);
    let output = "";
    let spawnError: Error | null = null;
    c.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    c.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    c.once("error", (err) => (spawnError = err));
    c.once("exit", () => running.delete(c));
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(await answersPing(port))) {
      if (spawnError || c.exitCode !== null || c.signalCode !== null || Date.now() > deadline) {
        await end("SIGKILL");
        throw new Error(`redis-server on port ${port} did not start${spawnError ? ` (${(spawnError as Error).message})` : ""}:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 30));
    }
  };

  const end = async (signal: NodeJS.Signals) => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise<void>((done) => c.once("exit", () => done()));
    c.kill(signal);
    // A SIGTERM that Redis does not act on within 5 s becomes a SIGKILL.
    const late = signal === "SIGKILL" ? null : setTimeout(() => c.kill("SIGKILL"), 5000);
    await exited;
    if (late) clearTimeout(late);
  };

  try {
    await launch();
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    stop: () => end("SIGTERM"),
    kill: () => end("SIGKILL"),
    restart: async () => {
      await end("SIGTERM");
      await launch();
    },
    destroy: async () => {
      await end("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A port free on loopback right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** True when something on the port answers PING with PONG (and not LOADING). */
function answersPing(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    let reply = "";
    const finish = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.once("error", () => finish(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.on("data", (d: Buffer) => {
      reply += d.toString();
      if (reply.includes("\r\n")) finish(reply.startsWith("+PONG"));
    });
  });
}
