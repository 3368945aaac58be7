/**
 * The room's connections: one seat per session, each with the person's player id (the
 * same for every tab and visit with one token), their rate limiter, and how it ends.
 */
import type { Client, Room } from "@colyseus/core";
import type { ByeMessage } from "../../shared/protocol";
import type { PlayerId } from "../sim/ids";
import type { TokenBucket } from "./rate-limit";

export interface Seat {
  client: Client;
  playerId: PlayerId;
  spectator: boolean;
  limiter: TokenBucket;
  /** Set once the server has decided to end this connection (no reconnection then). */
  ending: ByeMessage["reason"] | null;
  /** While a dropped connection may come back. */
  reconnection: ReturnType<Room["allowReconnection"]> | null;
}

export class Seats {
  private readonly bySession = new Map<string, Seat>();

  get size(): number {
    return this.bySession.size;
  }

  get(sessionId: string): Seat | undefined {
    return this.bySession.get(sessionId);
  }

  add(seat: Seat): void {
    this.bySession.set(seat.client.sessionId, seat);
  }

  remove(seat: Seat): void {
    if (this.bySession.get(seat.client.sessionId) === seat) this.bySession.delete(seat.client.sessionId);
  }

  all(): Seat[] {
    return [...this.bySession.values()];
  }

  /** Live seats of one person (not those being ended). */
  ofPlayer(id: string): Seat[] {
    return this.all().filter((s) => s.playerId === id && !s.ending);
  }
}
