/**
 * Scratch: an agent's short-term state as plain, serialisable data (JSON in, JSON out).
 * Behaviour lives in the cognition modules; here are only the shape, a factory and tiny helpers.
 */
import type { Address } from "../../sim/address";
import {
  DEFAULT_ATTENTION_BANDWIDTH,
  DEFAULT_REFLECTION_THRESHOLD,
  DEFAULT_RETENTION,
  DEFAULT_VISION_RADIUS_TILES,
} from "./constants";

/** Who the agent is, as written in a scenario. */
export interface Persona {
  name: string;
  /** Derived from `name` when omitted: the first word, and the rest. */
  firstName?: string;
  lastName?: string;
  age: number;
  /** Core traits, e.g. "friendly, outgoing, hospitable". */
  innate: string;
  /** Background and long-standing facts. */
  learned: string;
  /** What the agent is busy with these days. */
  currently: string;
  lifestyle: string;
  /** Home, usually at arena level: where the agent sleeps and starts. */
  livingArea: Address;
  /** The broad requirement the daily plan is drawn from (revised each new day). */
  dailyPlanRequirement: string;
}

export interface Identity extends Persona {
  firstName: string;
  lastName: string;
}

export interface PerceptionParams {
  /** Tiles around the agent added to spatial memory and scanned for events. */
  visionRadiusTiles: number;
  /** At most this many events perceived per step, nearest first. */
  attentionBandwidth: number;
  /** An event is new if its triple is not among this many newest stored events. */
  retention: number;
}

export interface ReflectionCounter {
  /** Summed poignancy at which the agent reflects. */
  threshold: number;
  /** Poignancy still to accumulate before the next reflection: starts at `threshold`, counts down. */
  importanceTrigger: number;
  /** Memories noted since the last reflection (how far back reflection looks). */
  importanceElapsed: number;
}

export interface Scratch {
  identity: Identity;
  perception: PerceptionParams;
  reflection: ReflectionCounter;
  /** Partner name -> game ms until which the pair will not start another conversation. */
  chatCooldowns: Record<string, number>;
}

export interface ScratchOptions {
  perception?: Partial<PerceptionParams>;
  reflectionThreshold?: number;
}

export function newScratch(persona: Persona, opts: ScratchOptions = {}): Scratch {
  const threshold = opts.reflectionThreshold ?? DEFAULT_REFLECTION_THRESHOLD;
  if (!(threshold > 0)) throw new RangeError(`reflection threshold must be positive, got ${threshold}`);
  return {
    identity: identityOf(persona),
    perception: {
      visionRadiusTiles: DEFAULT_VISION_RADIUS_TILES,
      attentionBandwidth: DEFAULT_ATTENTION_BANDWIDTH,
      retention: DEFAULT_RETENTION,
      ...opts.perception,
    },
    reflection: { threshold, importanceTrigger: threshold, importanceElapsed: 0 },
    chatCooldowns: {},
  };
}

function identityOf(p: Persona): Identity {
  const [first, ...rest] = p.name.trim().split(/\s+/);
  return {
    ...p,
    livingArea: { ...p.livingArea },
    firstName: p.firstName ?? first,
    lastName: p.lastName ?? rest.join(" "),
  };
}

export function isOnChatCooldown(s: Scratch, partner: string, nowMs: number): boolean {
  const until = s.chatCooldowns[partner];
  return until !== undefined && nowMs < until;
}

export function setChatCooldown(s: Scratch, partner: string, untilMs: number): void {
  s.chatCooldowns[partner] = untilMs;
}

/** Drops cooldowns that have run out, so a long run's scratch does not grow without bound. */
export function pruneChatCooldowns(s: Scratch, nowMs: number): void {
  for (const [partner, until] of Object.entries(s.chatCooldowns)) {
    if (nowMs >= until) delete s.chatCooldowns[partner];
  }
}
