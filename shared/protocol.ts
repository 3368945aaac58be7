/**
 * The public message protocol of room `town` (see docs/PROTOCOL.md).
 * Every client message is validated with these schemas on the server.
 */
import { z } from "zod";
import {
  FACINGS, MAX_CHAT_CHARS, MAX_NAME_CHARS, MAX_PASSWORD_CHARS, MAX_SPEED, MAX_TOKEN_CHARS, MAX_TOWN_NAME_CHARS,
  MIN_SPEED, MIN_TOKEN_CHARS, PLAYER_LOOKS, type ErrorCode,
} from "./constants";
import type { BatteryResult } from "../server/eval/battery-types";

const tileCoord = z.number().int().min(0).max(10_000);
const agentId = z.string().min(1).max(16);
/** A resident id, a player id or a session id. */
const personId = z.string().min(1).max(64);
export const MAX_WHISPER_CHARS = 500;

const playerName = z.string().trim().min(1).max(MAX_NAME_CHARS);
/** Kept by the browser so that residents know a person again on the next visit. */
const token = z.string().min(MIN_TOKEN_CHARS).max(MAX_TOKEN_CHARS).regex(/^[A-Za-z0-9_-]+$/, "letters, digits, '-' and '_' only");
const password = z.string().min(1).max(MAX_PASSWORD_CHARS);

/** Options of `joinById` / `joinOrCreate`. */
export const JoinOptions = z
  .object({
    name: playerName.optional(),
    spectator: z.boolean().optional(),
    look: z.enum(PLAYER_LOOKS).optional(),
    token: token.optional(),
    password: password.optional(),
  })
  .strip();
export type JoinOptions = z.infer<typeof JoinOptions>;

/**
 * Options of `client.create("town", ...)`: the town, then the creator's own join options.
 * `name` is the town's name here, so the creator's avatar name is `playerName`.
 */
export const CreateTownOptions = z
  .object({
    name: z.string().trim().min(1).max(MAX_TOWN_NAME_CHARS).optional(),
    scenario: z.string().min(1).max(40).regex(/^[a-z0-9][a-z0-9-]*$/).optional(),
    private: z.boolean().optional(),
    password: password.optional(),
    playerName: playerName.optional(),
    spectator: z.boolean().optional(),
    look: z.enum(PLAYER_LOOKS).optional(),
    token: token.optional(),
  })
  .strip();
export type CreateTownOptions = z.infer<typeof CreateTownOptions>;

export const SAY_CHANNELS = ["near", "town"] as const;
export type SayChannel = (typeof SAY_CHANNELS)[number];

export const HostCommand = z.discriminatedUnion("action", [
  z.object({ action: z.literal("pause") }).strict(),
  z.object({ action: z.literal("resume") }).strict(),
  z.object({ action: z.literal("speed"), speed: z.number().min(MIN_SPEED).max(MAX_SPEED) }).strict(),
  z.object({ action: z.literal("whisper"), agentId, text: z.string().trim().min(1).max(MAX_WHISPER_CHARS) }).strict(),
  /** `target`: a player id or a session id (spectators have only the latter). */
  z.object({ action: z.literal("kick"), target: personId }).strict(),
  z.object({ action: z.literal("close") }).strict(),
  /** A copy of the town as it is now, with its own code; the host hosts it. */
  z.object({ action: z.literal("fork"), name: z.string().trim().min(1).max(MAX_TOWN_NAME_CHARS).optional() }).strict(),
]);
export type HostCommand = z.infer<typeof HostCommand>;
export type HostAction = HostCommand["action"];

/** Client -> server messages, keyed by type. */
export const ClientMessages = {
  /** Walk to a tile; the server finds the path. */
  move: z.object({ x: tileCoord, y: tileCoord }).strict(),
  /** Take one step in a direction (arrow keys). */
  walk: z.object({ dir: z.enum(FACINGS) }).strict(),
  /** Stop walking. */
  stop: z.object({}).strict(),
  /**
   * Say something. `to`: a resident id (opens or joins a conversation with it) or a
   * player (id or session id). `channel: "town"` is heard town-wide by people only.
   */
  say: z.object({ text: z.string().trim().min(1).max(MAX_CHAT_CHARS), to: personId.optional(), channel: z.enum(SAY_CHANNELS).optional() }).strict(),
  /** Host only: pause, resume, speed, whisper, kick, close. */
  host: HostCommand,
  /** Ask a resident a question; the answer comes back as `interview`. Anyone may ask. */
  interview: z.object({ agentId: agentId, question: z.string().trim().min(1).max(MAX_CHAT_CHARS) }).strict(),
  /** Ask for a resident's plan, memories, reflections and relationships (`inspect`). */
  inspect: z.object({ agentId: agentId }).strict(),
  /** Put the interview battery (25 questions, checked) to a resident; answered with `battery`. Anyone may ask. */
  battery: z.object({ agentId: agentId }).strict(),
} as const;
export type ClientMessageType = keyof typeof ClientMessages;
export type ClientMessage<K extends ClientMessageType> = z.infer<(typeof ClientMessages)[K]>;

/** Server -> client messages. */
export interface ErrorMessage {
  code: ErrorCode;
  message: string;
  /** The client message type that caused it, when known. */
  type?: string;
}

/** What a joiner learns about the town. */
export interface TownInfo {
  /** Room id; for a private town it is also the invite code. */
  roomId: string;
  name: string;
  scenario: string;
  private: boolean;
  hasPassword: boolean;
  /** Path that opens this town directly: `/t/<code>`. */
  link: string;
}

export interface WelcomeMessage {
  sessionId: string;
  /** Key of the avatar in `state.players` (stable across visits with the same token); "" for spectators. */
  playerId: string;
  spectator: boolean;
  host: boolean;
  mapName: string;
  mind: string;
  town: TownInfo;
}

/**
 * Where a line was said: in a conversation with residents, in the open near the speaker,
 * or on the town-wide channel. Every viewer receives every line; residents hear only the
 * lines of their conversations.
 */
export type ChatChannel = "conversation" | "near" | "town";

export interface ChatMessage {
  /** Sequence of the line in its town, for ordering and de-duplication. */
  seq: number;
  /** The conversation it belongs to, or "" for open speech and the town channel. */
  conversationId: string;
  channel: ChatChannel;
  /** Resident id or player id of the speaker. */
  from: string;
  fromName: string;
  /** Whom it was said to (resident id or player id), or null. */
  to: string | null;
  toName: string | null;
  /** Everyone in the conversation when it was said (ids), empty for open lines. */
  participants: string[];
  participantNames: string[];
  text: string;
  gameTimeMs: number;
  /** Tile of the speaker. */
  x: number;
  y: number;
  /** Set when this line was streamed first as `chat-delta` messages with the same id. */
  draftId?: string;
}

/** A resident's line while the language model is still writing it. */
export interface ChatDelta {
  draftId: string;
  conversationId: string;
  from: string;
  fromName: string;
  to: string | null;
  /** The text so far (not just the new part), so a late or lost delta does no harm. */
  text: string;
}

/** The recent lines of the town, sent once right after `welcome`. */
export interface FeedMessage {
  lines: ChatMessage[];
}

/** Sent before the server ends a connection for good. */
export interface ByeMessage {
  reason: "kicked" | "closed" | "replaced";
  message: string;
}

/** To the host, after a host command was carried out. */
export interface HostDone {
  action: HostAction;
  message: string;
  /** After `fork`: the new town. */
  town?: { roomId: string; link: string };
}

/** `POST /api/towns/:code/fork`: a new town from a saved one, at a step, maybe with an intervention. */
export const ForkRequest = z
  .object({
    /** The forker's player token: they host the fork. */
    token,
    /** Game step to fork at; default: the newest state. */
    atStep: z.number().int().min(0).max(10_000_000).optional(),
    name: z.string().trim().min(1).max(MAX_TOWN_NAME_CHARS).optional(),
    private: z.boolean().optional(),
    password: password.optional(),
    /** The source's password, when it has one. */
    sourcePassword: password.optional(),
    /** As the fork starts: whisper a thought or plant a fact in a resident (by name or id), or take one out of the town. */
    interventions: z
      .array(
        z.discriminatedUnion("kind", [
          z.object({ kind: z.enum(["whisper", "fact"]), resident: z.string().trim().min(1).max(80), text: z.string().trim().min(1).max(MAX_WHISPER_CHARS) }).strict(),
          z.object({ kind: z.literal("remove"), resident: z.string().trim().min(1).max(80) }).strict(),
        ]),
      )
      .max(10)
      .optional(),
  })
  .strict();
export type ForkRequest = z.infer<typeof ForkRequest>;

export interface ForkAnswer {
  roomId: string;
  link: string;
  /** The step the fork starts at (for a live town: its snapshot nearest before the one asked). */
  step: number;
}

export interface InterviewAnswer {
  agentId: string;
  agentName: string;
  question: string;
  answer: string;
}

/** A resident's interview battery: per-category scores and every question, answer and check. */
export interface BatteryAnswer {
  agentId: string;
  agentName: string;
  result: BatteryResult;
}

export interface InspectMemory {
  kind: "event" | "thought" | "chat";
  /** Game time, "Mon 08:30". */
  time: string;
  text: string;
  poignancy: number;
}

export interface InspectAnswer {
  agentId: string;
  name: string;
  age: number;
  innate: string;
  currently: string;
  action: string;
  place: string;
  /** Today's broad plan. */
  plan: string[];
  /** Today's schedule as decomposed so far: start "08:00", task, minutes. */
  schedule: { start: string; task: string; minutes: number }[];
  memories: InspectMemory[];
  reflections: InspectMemory[];
  relationships: { name: string; conversations: number; lastChat: string }[];
}

/** One entry of `GET /api/towns` (public towns only). */
export interface TownListing {
  roomId: string;
  name: string;
  scenario: string;
  mapName: string;
  mind: string;
  residents: number;
  /** People online: players and spectators. */
  clients: number;
  maxClients: number;
  gameTimeMs: number;
  paused: boolean;
  speed: number;
  hasPassword: boolean;
}

/** `GET /api/towns/<code>`: what the invite link needs to know before joining. */
export interface TownLookup {
  roomId: string;
  name: string;
  scenario: string;
  private: boolean;
  hasPassword: boolean;
}

/** `GET /api/scenarios`: what "create a town" offers. */
export interface ScenarioListing {
  name: string;
  title: string;
  residents: number;
}

export const ServerMessageType = {
  Error: "error",
  Welcome: "welcome",
  Feed: "feed",
  Chat: "chat",
  ChatDelta: "chat-delta",
  Interview: "interview",
  Battery: "battery",
  Inspect: "inspect",
  Whispered: "whispered",
  HostDone: "host-done",
  Bye: "bye",
} as const;
