/** The server's HTTP routes the lobby needs: public towns, one town by code, scenarios. */
import type { ScenarioListing, TownListing, TownLookup } from "../../shared/protocol";

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}

export async function listTowns(): Promise<TownListing[]> {
  return (await getJson<{ towns: TownListing[] }>("/api/towns")).towns ?? [];
}

export async function listScenarios(): Promise<ScenarioListing[]> {
  return (await getJson<{ scenarios: ScenarioListing[] }>("/api/scenarios")).scenarios ?? [];
}

/** A town by its code (room id); null when no such town is open. */
export async function lookupTown(code: string): Promise<TownLookup | null> {
  const response = await fetch(`/api/towns/${encodeURIComponent(code)}`, { headers: { accept: "application/json" } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`the server answered ${response.status} for town ${code}`);
  return (await response.json()) as TownLookup;
}
