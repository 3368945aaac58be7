/**
 * A saved town that is not running comes back when someone asks for it by code (the
 * invite link's lookup does so first): on this process, from the shared store. Two people
 * asking at once wake it once: in this process by sharing the promise, across processes
 * by a counter in the shared presence (the first to count 1 wakes it, the others wait for
 * its listing), since the room listing itself does not refuse a second room with one id.
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
  const lock = `ville:wake:${code}`;
  let turn: number;
  try {
    turn = await matchMaker.presence.incr(lock);
    // Set at every turn: a waker that died between the two calls cannot leave it for good.
    await matchMaker.presence.expire(lock, WAKE_LOCK_SECONDS);
  } catch (err) {
    return { ok: false, status: 503, error: `cannot bring the town back now (presence: ${(err as Error).message}); try again in a moment` };
  }
  if (turn > 1) return waitForOther(code, record);
  try {
    await matchMaker.handleCreateRoom(ROOM_NAME, { operator: OPERATOR_KEY, resume: code });
    return { ok: true, record };
  } catch (err) {
    // Someone else brought it back first (another process, or a create racing this one).
    const [running] = await matchMaker.query({ name: ROOM_NAME, roomId: code });
    if (running) return { ok: true, record };
    return { ok: false, status: 500, error: `the town "${record.name}" could not be brought back: ${(err as Error).message}` };
  } finally {
    await matchMaker.presence.del(lock);
  }
}

/** A wake lock outlives a process that died while waking a town by this long at most. */
const WAKE_LOCK_SECONDS = 30;

/** Another process is bringing the town back: its listing appears when it is ready. */
async function waitForOther(code: string, record: TownRecord): Promise<Wake> {
  const deadline = Date.now() + WAKE_LOCK_SECONDS * 1000;
  while (Date.now() < deadline) {
    const [running] = await matchMaker.query({ name: ROOM_NAME, roomId: code });
    if (running) return { ok: true, record };
    await new Promise((r) => setTimeout(r, 100));
  }
  return { ok: false, status: 503, error: `the town "${record.name}" is being brought back elsewhere; try again in a moment` };
}
