/**
 * The options of room `town`: what the server decides for every town (never a client),
 * the default town's marker, the listing, and how a creator's create options read as join options.
 */
import { z } from "zod";
import { CreateTownOptions } from "../../shared/protocol";

/** What the server decides for every town; never taken from a client. */
export const ServerTownOptions = z.object({
  /** The default town's scenario, and the default of created towns. */
  scenario: z.string().min(1),
  /** Scenarios a person may create a town from. */
  scenarios: z.array(z.string().min(1)).min(1),
  startTime: z.string().min(1),
  stepMs: z.number().int().min(1),
  seed: z.number().int().optional(),
  mapName: z.string().min(1).optional(),
  mind: z.enum(["env", "offline"]).optional(),
  maxClients: z.number().int().min(1),
  maxTowns: z.number().int().min(1),
  /** Real ms an empty created town waits for someone before it closes. */
  idleMs: z.number().int().min(0),
  /** Token of the operator, host of the default town; none: the default town has no host. */
  hostToken: z.string().optional(),
});
export type ServerTownOptions = z.infer<typeof ServerTownOptions>;

/** Room options: the server's part under `town`, a client's create options beside it. */
export const TownRoomOptions = z.object({ town: ServerTownOptions, operator: z.string().optional(), resume: z.string().optional() }).passthrough();

/** Only the server knows it: marks the default public town it creates at boot. */
export const OPERATOR_KEY = `operator-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;

/** The room's listing, as `GET /api/towns` and the lobby show it. */
export interface TownMetadata {
  name: string;
  scenario: string;
  mapName: string;
  mind: string;
  residents: number;
  gameTimeMs: number;
  paused: boolean;
  speed: number;
  hasPassword: boolean;
}

/** The creator's create options, read as join options (their avatar's name is `playerName`). */
export function creatorJoin(sent: Record<string, unknown>) {
  const parsed = CreateTownOptions.safeParse(sent);
  if (!parsed.success) return parsed;
  const { playerName, name, spectator, look, token, password } = parsed.data;
  // A `joinOrCreate` that found no town creates one with join options: `name` is then the person's.
  return { success: true as const, data: { name: playerName ?? name, spectator, look, token, password } };
}

