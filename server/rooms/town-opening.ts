/**
 * How a town room starts: the server's default town, a town a person creates (create
 * options checked, the server's town limit kept), or a saved town resumed from the store
 * with its name, access and host. And who may come in (`admit`): join options checked,
 * the creator known, the first comer made host of a town that waits for one, the
 * password and bans kept.
 */
import { ErrorCode as ColyseusErrorCode, ServerError } from "@colyseus/core";
import { CreateTownOptions, JoinOptions } from "../../shared/protocol";
import type { PlayerId } from "../sim/ids";
import type { Mind } from "../mind/mind";
import { OfflineMind } from "../mind/offline/offline-mind";
import { loadScenario } from "../scenarios";
import { createTown } from "../town-factory";
import { playerIdOf, TownPassword, type Bans } from "./access";
import { describeIssues } from "./dispatch";
import { newRoomTown, resumedRoomTown, type Persistence, type RoomTown } from "./room-store";
import { creatorJoin, OPERATOR_KEY, type ServerTownOptions } from "./town-options";

/** A join or a creation refused for a reason the person can fix (shown to them, not logged). */
export class Refused extends ServerError {}

export interface TownAccess {
  password: TownPassword | null;
  isPrivate: boolean;
  isDefault: boolean;
  /** The host's player id; "first" until the first person of a town created without a token joins. */
  hostId: string | "first" | null;
  /** The creator's options as sent, to tell the creator's own join from others. */
  createdWith: string | null;
}

export interface Opening {
  access: TownAccess;
  town: RoomTown;
  /** The town's name (a resumed town keeps its own). */
  name?: string;
  /** A resumed town's room id is its saved id. */
  roomId?: string;
}

export interface OpeningContext {
  roomId: string;
  /** Towns this process runs now. */
  townsHere: number;
  persistence: Persistence | null;
  /** The mind of a town; undefined: the offline mind. */
  makeMind(options: ServerTownOptions): Mind | undefined;
}

/** The room's create options: by the server (`operator`, maybe `resume`), else a person's (`client`). */
export async function openTown(options: ServerTownOptions, sent: { operator?: string; resume?: string; client: Record<string, unknown> }, ctx: OpeningContext): Promise<Opening> {
  const isDefault = sent.operator === OPERATOR_KEY;
  if (isDefault && sent.resume !== undefined) return resume(options, sent.resume, ctx);
  const parsed = CreateTownOptions.safeParse(isDefault ? {} : sent.client);
  if (!parsed.success) throw new Refused(ColyseusErrorCode.APPLICATION_ERROR, `bad create options: ${describeIssues(parsed.error)}`);
  const create = parsed.data;
  const scenario = create.scenario ?? options.scenario;
  if (!options.scenarios.includes(scenario)) throw new Refused(ColyseusErrorCode.APPLICATION_ERROR, `no scenario "${scenario}" (available: ${options.scenarios.join(", ")})`);
  if (!isDefault) checkRoom(options, ctx);

  const access: TownAccess = {
    password: create.password !== undefined ? TownPassword.of(create.password) : null,
    isPrivate: create.private ?? false,
    isDefault,
    hostId: isDefault ? operatorHost(options) : create.token ? playerIdOf(create.token, "") : "first",
    createdWith: isDefault ? null : JSON.stringify(sent.client),
  };
  const mind = ctx.makeMind(options) ?? new OfflineMind(options.seed ?? 1);
  const build = (m: Mind) => createTown({ scenario, startTime: options.startTime, seed: options.seed, mapName: options.mapName, mind: m });
  const fields = { name: create.name ?? loadScenario(scenario).title, private: access.isPrivate, hostId: access.hostId === "first" ? null : access.hostId, isDefault, ...(access.password && { password: access.password.toString() }) };
  return { access, town: newRoomTown(ctx.persistence, ctx.roomId, mind, build, fields), name: fields.name };
}

/** A saved town comes back with its name, access and host; a bad record fails the creation. */
async function resume(options: ServerTownOptions, id: string, ctx: OpeningContext): Promise<Opening> {
  const p = ctx.persistence;
  if (!p) throw new Refused(ColyseusErrorCode.APPLICATION_ERROR, "this server keeps no towns (no store)");
  const record = await p.store.getTown(id);
  if (!record?.isDefault) checkRoom(options, ctx);
  const seed = record?.seed ?? options.seed ?? 1;
  const town = await resumedRoomTown(p, id, ctx.makeMind({ ...options, seed }) ?? new OfflineMind(seed));
  const r = town.resumed!;
  const access: TownAccess = {
    password: r.password ? TownPassword.fromString(r.password) : null,
    isPrivate: r.private,
    isDefault: r.isDefault,
    hostId: r.isDefault ? operatorHost(options) : (r.hostId ?? "first"),
    createdWith: null,
  };
  return { access, town, roomId: id };
}

function checkRoom(options: ServerTownOptions, ctx: OpeningContext): void {
  if (ctx.townsHere >= options.maxTowns) throw new Refused(ColyseusErrorCode.APPLICATION_ERROR, `this server already runs ${options.maxTowns} towns; try again later`);
}

/** The default town's host: the operator, when the server has a host token. */
function operatorHost(options: ServerTownOptions): string | null {
  return options.hostToken ? playerIdOf(options.hostToken, "") : null;
}

export interface Admitted {
  options: JoinOptions;
  playerId: PlayerId;
  isHost: boolean;
  /** This person just became the host (the town waited for its first comer). */
  newHost: boolean;
}

/** Who is coming in, from their join options; throws Refused when they may not. */
export function admit(access: TownAccess, bans: Bans, raw: unknown, sessionId: string): Admitted {
  const { town: _server, operator: _operator, ...sent } = (raw ?? {}) as Record<string, unknown>;
  const creator = access.createdWith !== null && JSON.stringify(sent) === access.createdWith;
  if (creator) access.createdWith = null;
  const parsed = creator ? creatorJoin(sent) : JoinOptions.safeParse(sent);
  if (!parsed.success) throw new Refused(ColyseusErrorCode.APPLICATION_ERROR, `bad join options: ${describeIssues(parsed.error)}`);
  const options = parsed.data;
  const playerId = playerIdOf(options.token, sessionId);
  const newHost = access.hostId === "first";
  if (newHost) access.hostId = playerId;
  const isHost = playerId === access.hostId;
  if (access.password && !creator && !isHost && !access.password.matches(options.password)) {
    throw new Refused(ColyseusErrorCode.AUTH_FAILED, options.password === undefined ? "this town needs a password" : "wrong password");
  }
  const banned = bans.remainingMs(playerId, Date.now());
  if (banned > 0) throw new Refused(ColyseusErrorCode.AUTH_FAILED, `you were asked to leave this town; try again in ${Math.ceil(banned / 60_000)} min`);
  return { options, playerId, isHost, newHost };
}
