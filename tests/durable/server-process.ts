/**
 * A real server process (`server/main.ts` under tsx) for tests that stop, kill and
 * restart it: its output is kept, and it is ready once it prints its URL.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "../room/harness";

export interface ServerProcess {
  port: number;
  url: string;
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** SIGKILL: no shutdown hook runs. */
  kill9(): Promise<void>;
  /** SIGTERM: the server closes its towns and exits. */
  stop(): Promise<void>;
}

export async function startServerProcess(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  const p = port ?? (await freePort());
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(p), MIND: "offline", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const deadline = Date.now() + 60_000;
  while (!out.includes("Ville is running")) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    port: p,
    url: `http://127.0.0.1:${p}`,
    child,
    output: () => out,
    async kill9() {
      if (!gone()) child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (!gone()) child.kill("SIGTERM");
      const late = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(late);
    },
  };
}
