/** The server's routes for saved towns: the list, and one town's replay (with its password, if it has one). */
import type { ReplayData, RunListing } from "../../../shared/replay";

/** The saved public towns; null when this server keeps no towns (no store). */
export async function listRuns(): Promise<RunListing[] | null> {
  const response = await fetch("/api/runs", { headers: { accept: "application/json" } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`/api/runs answered ${response.status}`);
  return ((await response.json()) as { runs?: RunListing[] }).runs ?? [];
}

export type ReplayAnswer =
  | { kind: "ok"; data: ReplayData }
  | { kind: "password"; message: string }
  | { kind: "missing" | "error"; message: string };

export async function fetchReplay(id: string, password?: string): Promise<ReplayAnswer> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (password) headers["x-town-password"] = password;
  let response: Response;
  try {
    response = await fetch(`/api/runs/${encodeURIComponent(id)}/replay`, { headers });
  } catch (error) {
    return { kind: "error", message: `cannot reach the server: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (response.ok) return { kind: "ok", data: (await response.json()) as ReplayData };
  const body = (await response.json().catch(() => ({}))) as { error?: string; needsPassword?: boolean };
  const message = body.error ?? `the server answered ${response.status}`;
  if (body.needsPassword) return { kind: "password", message: password ? "That is not the town's password." : message };
  return { kind: response.status === 404 ? "missing" : "error", message };
}
