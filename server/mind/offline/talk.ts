/**
 * Whether to start a conversation: never while either sleeps or heads to bed, never late
 * at night, never while either is in the middle of work that forbids talking (teaching,
 * an exam, a performance). Otherwise a seeded chance that grows with familiarity
 * (relationships, memories of the partner), with news to share and an outgoing nature.
 * Strangers still talk sometimes: that is how the town's network grows.
 */
import type { Rng } from "../../sim/rng";
import type { TalkInput } from "../mind";
import { isNews, names } from "./topics";
import { temperamentOf } from "./voice";
import { mentions } from "./vocabulary";

const SLEEP_WORDS = ["sleep", "asleep", "nap", "bed", "pyjamas"];
/** Activities that forbid chatting with a passer-by. */
export const NO_TALK_WORDS = ["teach", "lecture", "exam", "midterm", "test", "give a talk", "public talk", "perform", "on stage", "open mic", "surgery", "shower", "toilet", "bath", "teeth", "get out of bed", "get dressed", "pyjamas"];
/** From 11 pm to 6 am nobody starts a conversation. */
const QUIET_FROM = 23 * 60;
const QUIET_UNTIL = 6 * 60;

export const TALK_CHANCE = {
  stranger: 0.3,
  acquaintance: 0.4,
  relationship: 0.55,
  perMemory: 0.04,
  news: 0.2,
  warm: 0.1,
  reserved: -0.1,
  max: 0.9,
} as const;

export function wantsToTalk(input: TalkInput, rng: Rng): boolean {
  if (mentions(input.action, SLEEP_WORDS) || mentions(input.partnerAction, SLEEP_WORDS)) return false;
  if (mentions(input.action, NO_TALK_WORDS) || mentions(input.partnerAction, NO_TALK_WORDS)) return false;
  if (input.nowMinute >= QUIET_FROM || input.nowMinute < QUIET_UNTIL) return false;
  return rng() < talkChance(input);
}

export function talkChance(input: TalkInput): number {
  const { persona, partner, memories } = input;
  const related = persona.relationships.some((r) => r.name === partner);
  const about = memories.filter((m) => names(m.text, partner)).length;
  let p = related ? TALK_CHANCE.relationship : about > 0 || input.lastChat ? TALK_CHANCE.acquaintance : TALK_CHANCE.stranger;
  p += Math.min(about, 5) * TALK_CHANCE.perMemory;
  // Someone with news is keener to talk (the memories handed in may carry it).
  if (memories.some((m) => isNews(m.text) && !m.text.startsWith(`${partner} told me`))) p += TALK_CHANCE.news;
  const temper = temperamentOf(persona);
  if (temper === "warm") p += TALK_CHANCE.warm;
  if (temper === "reserved") p += TALK_CHANCE.reserved;
  return Math.min(TALK_CHANCE.max, Math.max(0.05, p));
}
