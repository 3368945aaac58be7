/**
 * A saved town that is not running comes back when someone asks for it by code (the
 * invite link's lookup does so first): on this process, from the shared store. Two people
 * asking at once wake it once.
 */
import { matchMaker } from "@colyseus/core";
import { ROOM_NAME } from "../../shared/constants";
import type { Store, TownRecord } from "../store/store";
import { OPERATOR_KEY } from "./town-options";

export type Wake =
  | { ok: true; record: TownRecord }
  | { ok: false; status: 404 | 409 | 500 | 503; error: string };

const waking = new Map<string, Promise<Wake>>();

export function wakeTown(store: Store, code: string): Promise<Wake> {
  let pending = waking.get(code);
  if (!pending) {
    pending = wake(store, code).finally(() => waking.delete(code));
    waking.set(code, pending);
  }
  return pending;
}

async function wake(store: Store, code: string): Promise<Wake> {
  let record: TownRecord | null;
  try {
    record = await store.getTown(code);
  } catch (err) {
    return { ok: false, status: 503, error: `the town store is not answering: ${(err as Error).message}` };
  }
  if (!record) return { ok: false, status: 404, error: `no town with code "${code}" (it may have closed)` };
  if (record.closed) return { ok: false, status: 404, error: `the town "${record.name}" was closed by its host; it can still be replayed or forked` };
  if (record.mode === "lockstep") return { ok: false, status: 409, error: `"${record.name}" is a recorded run: replay it or fork it to walk in` };
  try {
    await matchMaker.handleCreateRoom(ROOM_NAME, { operator: OPERATOR_KEY, resume: code });
    return { ok: true, record };
  } catch (err) {
    // Someone else brought it back first (another process, or a create racing this one).
    const [running] = await matchMaker.query({ name: ROOM_NAME, roomId: code });
    if (running) return { ok: true, record };
    return { ok: false, status: 500, error: `the town "${record.name}" could not be brought back: ${(err as Error).message}` };
  }
}
