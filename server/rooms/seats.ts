/**
 * The room's connections: one seat per session, each with the person's player id (the
 * same for every tab and visit with one token), their rate limiter, and how it ends.
 */
import type { Client, Room } from "@colyseus/core";
import { ServerMessageType, type ByeMessage } from "../../shared/protocol";
import type { PlayerId } from "../sim/ids";
import type { TokenBucket } from "./rate-limit";

/** WebSocket close codes the server uses to end a connection for good. */
export const CloseCode = { Kicked: 4003, Closed: 4004, Replaced: 4005 } as const;

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

/** Tells a connection why it ends, then ends it (no reconnection). */
export function endSeat(seat: Seat, reason: ByeMessage["reason"], message: string): void {
  if (seat.ending) return;
  seat.ending = reason;
  const bye: ByeMessage = { reason, message };
  seat.client.send(ServerMessageType.Bye, bye);
  if (seat.reconnection) {
    seat.reconnection.reject(new Error(message));
    return;
  }
  const code = reason === "kicked" ? CloseCode.Kicked : reason === "closed" ? CloseCode.Closed : CloseCode.Replaced;
  seat.client.leave(code, message);
}
