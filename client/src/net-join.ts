/**
 * How a browser gets into a town: the default public town, one town by its code (room id),
 * or a new town it creates. Join failures become sentences a person can act on.
 */
import type { Client, Room } from "@colyseus/sdk";
import { ROOM_NAME, type PlayerLook } from "../../shared/constants";
import type { CreateTownOptions, JoinOptions } from "../../shared/protocol";
import { playerToken } from "./identity";
import type { TownState } from "../../shared/state";

export interface NewTown {
  name: string;
  /** Scenario name from /api/scenarios; undefined: the server's default. */
  scenario?: string;
  private: boolean;
  password?: string;
}

export type JoinTarget =
  | { kind: "default" }
  | { kind: "room"; roomId: string; password?: string }
  | { kind: "create"; town: NewTown };

export interface JoinRequest {
  name: string;
  spectator: boolean;
  look: PlayerLook;
  target: JoinTarget;
}

/** Matchmaker codes of @colyseus/shared-types (ErrorCode). */
const INVALID_ROOM_ID = 522;
const AUTH_FAILED = 525;

export async function openRoom(client: Client, request: JoinRequest): Promise<Room<unknown, TownState>> {
  const token = playerToken();
  const name = request.name.trim();
  const me: JoinOptions = request.spectator ? { spectator: true, token } : { name, look: request.look, spectator: false, token };
  const target = request.target;
  try {
    if (target.kind === "room") {
      const options: JoinOptions = target.password ? { ...me, password: target.password } : me;
      return await client.joinById<TownState>(target.roomId, options);
    }
    if (target.kind === "create") {
      const town = target.town;
      const options: CreateTownOptions = {
        name: town.name.trim() || undefined,
        scenario: town.scenario,
        private: town.private,
        password: town.password || undefined,
        playerName: request.spectator ? undefined : name,
        look: request.spectator ? undefined : request.look,
        spectator: request.spectator,
        token,
      };
      return await client.create<TownState>(ROOM_NAME, options);
    }
    return await client.joinOrCreate<TownState>(ROOM_NAME, me);
  } catch (error) {
    throw new Error(describeJoinError(error, target));
  }
}

/** A sentence for a refused join; the server's own words when it gave some. */
export function describeJoinError(error: unknown, target: JoinTarget): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const withPassword = target.kind === "room" && !!target.password;
  if (/password/i.test(message) || (code === AUTH_FAILED && target.kind === "room")) {
    return withPassword ? "Wrong password for this town." : "This town needs a password.";
  }
  if (code === INVALID_ROOM_ID || /not found|invalid room/i.test(message)) {
    return target.kind === "room" ? `No open town has the code "${target.roomId}".` : "That town is not open any more.";
  }
  if (/full|locked/i.test(message)) return "This town is full right now.";
  if (/fetch|network|ECONNREFUSED|socket/i.test(message)) return "Cannot reach the server; is it running?";
  return `${target.kind === "create" ? "Could not create the town" : "Could not join"}: ${message || "unknown error"}`;
}
