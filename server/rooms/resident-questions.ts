/**
 * Questions people put to a resident off the tick (an interview, the battery): one of
 * each kind in flight per person, since an answer may take model calls; a failure is
 * logged and told to the asker as `busy`.
 */
import type { Client } from "@colyseus/core";
import { ErrorCode } from "../../shared/constants";
import type { ErrorMessage } from "../../shared/protocol";
import type { Town } from "../town/town";
import { refusal } from "./dispatch";
import type { Seat } from "./seats";

export interface QuestionKind<P, T> {
  /** The message type the answer and any refusal are about. */
  type: string;
  busy: string;
  failed: (residentName: string) => string;
  ask: (town: Town, agentId: string, asker: string, payload: P) => Promise<T>;
  answer: (seat: Seat, agentId: string, residentName: string, payload: P, result: T) => void;
}

export class ResidentQuestions<P, T> {
  private readonly asking = new Set<string>();

  constructor(
    private readonly kind: QuestionKind<P, T>,
    private readonly sendError: (client: Client, error: ErrorMessage) => void,
    private readonly where: () => string,
  ) {}

  put(town: Town, seat: Seat, agentId: string, payload: P): void {
    const { type } = this.kind;
    if (this.asking.has(seat.playerId)) return this.sendError(seat.client, refusal(ErrorCode.Busy, this.kind.busy, type));
    const r = town.resident(agentId);
    if (!r) return this.sendError(seat.client, refusal(ErrorCode.NotFound, `no resident "${agentId}"`, type));
    this.asking.add(seat.playerId);
    const asker = town.players.get(seat.playerId)?.name ?? "a visitor";
    this.kind
      .ask(town, agentId, asker, payload)
      .then((result) => this.kind.answer(seat, agentId, r.name, payload, result))
      .catch((err) => {
        console.error(`[town ${this.where()}] ${type} failed:`, err);
        this.sendError(seat.client, refusal(ErrorCode.Busy, this.kind.failed(r.name), type));
      })
      .finally(() => this.asking.delete(seat.playerId));
  }
}
