/**
 * Synced room state: what every viewer needs to draw the town. Plans and memories are
 * not here; the inspector asks for them with a request message.
 */
import { schema, t, type SchemaType } from "@colyseus/schema";

export const ClockState = schema({
  /** Simulation steps since the town started. */
  step: t.uint32().default(0),
  /** Game time, ms since the Unix epoch (UTC is used as the town's local time). */
  gameTimeMs: t.float64().default(0),
  /** Real ms between steps at the current speed, for client interpolation. */
  stepMs: t.uint32().default(1000),
  speed: t.float32().default(1),
  paused: t.boolean().default(false),
});
export type ClockState = SchemaType<typeof ClockState>;

export const AgentState = schema({
  name: t.string().default(""),
  /** Character sheet slug under /assets/characters. */
  sprite: t.string().default(""),
  x: t.int16().default(0),
  y: t.int16().default(0),
  facing: t.string().default("down"),
  emoji: t.string().default(""),
  /** Short description of the current action. */
  action: t.string().default(""),
  /** Human-readable place: "sector: arena". */
  location: t.string().default(""),
  /** Conversation id while talking, else "". */
  conversationId: t.string().default(""),
  /** True while the agent waits for its mind to decide. */
  thinking: t.boolean().default(false),
});
export type AgentState = SchemaType<typeof AgentState>;

export const PlayerState = schema({
  name: t.string().default(""),
  sprite: t.string().default("player_1"),
  x: t.int16().default(0),
  y: t.int16().default(0),
  facing: t.string().default("down"),
  location: t.string().default(""),
  conversationId: t.string().default(""),
});
export type PlayerState = SchemaType<typeof PlayerState>;

export const TownState = schema({
  townName: t.string().default(""),
  mapName: t.string().default("ville"),
  scenario: t.string().default(""),
  /** Which mind drives the residents, as shown to people ("offline rule-based mind", ...). */
  mind: t.string().default(""),
  clock: t.ref(ClockState),
  agents: t.map(AgentState),
  players: t.map(PlayerState),
});
export type TownState = SchemaType<typeof TownState>;
