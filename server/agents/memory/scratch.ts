/**
 * Scratch: an agent's short-term state as plain, serialisable data (JSON in, JSON out).
 * Behaviour lives in the cognition modules; here are only the shape, a factory and tiny
 * helpers. Who the agent is lives in its persona (server/sim/scenario.ts).
 */
import { DEFAULT_REFLECTION_THRESHOLD } from "./constants";

export interface ReflectionCounter {
  /** Summed poignancy at which the agent reflects. */
  threshold: number;
  /** Poignancy still to accumulate before the next reflection: starts at `threshold`, counts down. */
  importanceTrigger: number;
  /** Memories noted since the last reflection (how far back reflection looks). */
  importanceElapsed: number;
}

export interface Scratch {
  reflection: ReflectionCounter;
  /** Partner id -> game ms until which the pair will not start another conversation. */
  chatCooldowns: Record<string, number>;
}

export interface ScratchOptions {
  reflectionThreshold?: number;
}

export function newScratch(opts: ScratchOptions = {}): Scratch {
  const threshold = opts.reflectionThreshold ?? DEFAULT_REFLECTION_THRESHOLD;
  if (!(threshold > 0)) throw new RangeError(`reflection threshold must be positive, got ${threshold}`);
  return { reflection: { threshold, importanceTrigger: threshold, importanceElapsed: 0 }, chatCooldowns: {} };
}

export function isOnChatCooldown(s: Scratch, partnerId: string, nowMs: number): boolean {
  const until = s.chatCooldowns[partnerId];
  return until !== undefined && nowMs < until;
}

/** Sets the pair's cooldown and drops the ones that have run out, so a long run's scratch stays small. */
export function setChatCooldown(s: Scratch, partnerId: string, untilMs: number, nowMs = -Infinity): void {
  for (const [partner, until] of Object.entries(s.chatCooldowns)) if (nowMs >= until) delete s.chatCooldowns[partner];
  s.chatCooldowns[partnerId] = untilMs;
}
