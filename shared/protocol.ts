/**
 * The public message protocol of room `town` (see docs/PROTOCOL.md).
 * Every client message is validated with these schemas on the server.
 */
import { z } from "zod";
import { FACINGS, MAX_CHAT_CHARS, MAX_NAME_CHARS, PLAYER_LOOKS, type ErrorCode } from "./constants";

const tileCoord = z.number().int().min(0).max(10_000);
const agentId = z.string().min(1).max(16);
export const MAX_WHISPER_CHARS = 500;

export const JoinOptions = z
  .object({
    name: z.string().trim().min(1).max(MAX_NAME_CHARS).optional(),
    spectator: z.boolean().optional(),
    look: z.enum(PLAYER_LOOKS).optional(),
  })
  .strip();
export type JoinOptions = z.infer<typeof JoinOptions>;

/** Client -> server messages, keyed by type. */
export const ClientMessages = {
  /** Walk to a tile; the server finds the path. */
  move: z.object({ x: tileCoord, y: tileCoord }).strict(),
  /** Take one step in a direction (arrow keys). */
  walk: z.object({ dir: z.enum(FACINGS) }).strict(),
  /** Stop walking. */
  stop: z.object({}).strict(),
  /** Say something to whoever is near (players and residents within earshot). */
  say: z.object({ text: z.string().trim().min(1).max(MAX_CHAT_CHARS) }).strict(),
  /** Host only: plant a thought in a resident's mind (the original's "whisper"). */
  whisper: z.object({ agentId: agentId, text: z.string().trim().min(1).max(MAX_WHISPER_CHARS) }).strict(),
  /** Ask a resident a question; the answer comes back as `interview`. Anyone may ask. */
  interview: z.object({ agentId: agentId, question: z.string().trim().min(1).max(MAX_CHAT_CHARS) }).strict(),
  /** Ask for a resident's plan, memories, reflections and relationships (`inspect`). */
  inspect: z.object({ agentId: agentId }).strict(),
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
export interface WelcomeMessage {
  sessionId: string;
  spectator: boolean;
  host: boolean;
  mapName: string;
  mind: string;
}
export interface ChatLine {
  /** Conversation id, or "" for a line said in the open. */
  conversationId: string;
  speakerId: string;
  speakerName: string;
  text: string;
  gameTimeMs: number;
  x: number;
  y: number;
}
export interface InterviewAnswer {
  agentId: string;
  agentName: string;
  question: string;
  answer: string;
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

export const ServerMessageType = { Error: "error", Welcome: "welcome", Chat: "chat", Interview: "interview", Inspect: "inspect", Whispered: "whispered" } as const;
