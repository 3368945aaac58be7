/**
 * Runs a repository script as a child in plain node (with tsx), as a person would:
 * jest's module sandbox would make a simulated day about 30 times slower.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";

export function runScript(script: string, args: string[], timeoutMs = 180_000): Promise<{ stdout: string; stderr: string }> {
  const root = process.cwd();
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--import", "tsx", join(root, script), ...args], { cwd: root, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${script} ${args.join(" ")} failed: ${err.message}\n${stdout}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}
