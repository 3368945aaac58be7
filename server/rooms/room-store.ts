/**
 * A town room's link to the store: the town it runs, new (with a record made from the
 * creator's choices) or brought back from its record (name, access and host as they
 * were). Without a store a town lives in memory only.
 */
import type { Mind } from "../mind/mind";
import type { JournalOptions, TownJournal } from "../durable/journal";
import { journaled, newRecord, resumeTown } from "../durable/saved-town";
import type { Store, TownRecord } from "../store/store";
import type { Town } from "../town/town";

/** What a server gives its rooms to keep their towns. */
export interface Persistence {
  store: Store;
  journal: JournalOptions;
  /** Which process a default town belongs to (its public address, or "local"). */
  owner: string;
  log?: (message: string) => void;
}

export interface RoomTown {
  town: Town;
  journal: TownJournal | null;
  /** The saved record when the town was brought back. */
  resumed: TownRecord | null;
}

export interface NewTownFields {
  name: string;
  private: boolean;
  password?: string;
  hostId: string | null;
  isDefault: boolean;
}

/** A new town, journaled when there is a store. */
export function newRoomTown(p: Persistence | null, roomId: string, mind: Mind, build: (mind: Mind) => Town, fields: NewTownFields): RoomTown {
  if (!p) return { town: build(mind), journal: null, resumed: null };
  const { town, journal } = journaled(
    p.store,
    mind,
    build,
    (t) => newRecord(t, { id: roomId, mode: "live", ...fields, ...(fields.isDefault && { defaultOf: p.owner }) }),
    { ...p.journal, ...(p.log && { log: p.log }) },
  );
  journal.logAllMemories();
  journal.frame(true);
  void journal.saveRecord().then(() => journal.snapshot());
  return { town, journal, resumed: null };
}

/** A saved town, as it was at its last write. */
export async function resumedRoomTown(p: Persistence, id: string, mind: Mind): Promise<RoomTown> {
  const r = await resumeTown(p.store, id, mind, { ...p.journal, ...(p.log && { log: p.log }) });
  const log = p.log ?? ((m: string) => console.log(`[store] ${m}`));
  log(`town ${id} (${r.journal.record.name}) resumed from its snapshot at step ${r.fromSnapshot}, with ${r.restored.memory} memories and ${r.restored.chat} lines from its logs`);
  return { town: r.town, journal: r.journal, resumed: r.journal.record };
}
