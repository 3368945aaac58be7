/**
 * React: on perceiving another person, decide whether to start a conversation. The
 * original's preconditions are rules (both awake and free, not late at night, the pair's
 * cooldown over); only the final yes/no is asked of the mind. Also the original's
 * "wait" reaction for single-use objects.
 */
import { minuteOfDay, MS_PER_MINUTE } from "../sim/clock";
import type { PersonRef } from "../sim/ids";
import { PLAYER_ACTIVITY, type Player } from "../sim/players";
import type { Mind } from "../mind/mind";
import { isOnChatCooldown } from "./memory/scratch";
import type { FrozenResident } from "./frozen";
import type { Action, Resident } from "./resident";
import { memoryRef } from "./reflect";

/** 800 steps of 10 s, as in the original: about 2.2 game hours. */
export const CHAT_COOLDOWN_MS = 800 * 10_000;
/** A resident who decided not to talk with a person near it asks itself again after this long. */
export const RECONSIDER_MS = 30 * MS_PER_MINUTE;
/** After any conversation, a resident starts no other for this long (game time). */
export const CHAT_GAP_MS = 20 * MS_PER_MINUTE;
/** No new conversations from 11 pm. */
const LATE_MINUTE = 23 * 60;
const BUSY = /\b(sleep|sleeping|bed)\b/i;

/** Awake, not heading to bed, not talking, not late, rested since the last chat. */
export function isFreeToTalk(r: Resident, nowMs: number): boolean {
  if (r.conversationId || !r.action || BUSY.test(r.action.description)) return false;
  return minuteOfDay(nowMs) < LATE_MINUTE && (r.lastChatEndMs === null || nowMs >= r.lastChatEndMs + CHAT_GAP_MS);
}

export function canTalk(a: Resident, b: Resident, nowMs: number): boolean {
  if (a === b || !isFreeToTalk(a, nowMs) || !isFreeToTalk(b, nowMs) || !togetherAt(a, b)) return false;
  return !isOnChatCooldown(a.scratch, b.id, nowMs) && !isOnChatCooldown(b.scratch, a.id, nowMs);
}

/**
 * Both are doing what they do at one place (their actions' sector and arena): someone
 * passing on the way to the library does not stop to chat with someone cooking. Either
 * may still be walking in, since people are noticed as they arrive.
 */
export function togetherAt(a: Resident, b: Resident): boolean {
  if (!a.action || !b.action) return false;
  const [x, y] = [a.action.address, b.action.address];
  return x.sector !== undefined && x.sector === y.sector && x.arena === y.arena;
}

/** A resident may approach a player who is not talking with anyone. */
export function canTalkWithPlayer(r: Resident, p: Player, nowMs: number): boolean {
  return !p.conversationId && isFreeToTalk(r, nowMs) && !isOnChatCooldown(r.scratch, p.id, nowMs);
}

/** What the resident knows of the partner it considers talking to, read when the job starts. */
export interface Partner {
  ref: PersonRef;
  name: string;
  action: string;
}

export async function decideToTalk(mind: Mind, self: FrozenResident, partner: Partner, nowMs: number): Promise<boolean> {
  const about = self.memory.byKeyword([partner.ref.id], { nowMs }).slice(0, 5);
  return mind.decideToTalk({
    persona: self.persona,
    action: self.action?.description ?? "",
    partner: partner.name,
    partnerAction: partner.action,
    memories: about.map(memoryRef),
    lastChat: self.memory.lastChatWith(partner.ref.id)?.description,
    nowMinute: minuteOfDay(nowMs),
  });
}

export function partnerOf(who: PersonRef, resident: Resident | undefined, player: Player | undefined): Partner | undefined {
  if (who.kind === "resident") return resident && { ref: who, name: resident.name, action: resident.action?.description ?? "" };
  return player && { ref: who, name: player.name, action: PLAYER_ACTIVITY };
}

/** Objects one person uses at a time: someone heading for one that is taken waits. */
const SINGLE_USE = /^(toilet|shower|bathroom sink|stove|kitchen sink|piano|easel|computer desk|pool table|stage microphone)( \d+)?$/;
/** Longest wait before giving up on the object. */
const MAX_WAIT_MS = 15 * MS_PER_MINUTE;

/**
 * The original's "wait" reaction: if another resident is using the single-use object
 * this action needs, wait (in place) until they are done; else null.
 */
export function waitFor(r: Resident, action: Action, others: readonly Resident[], nowMs: number): Action | null {
  const object = action.address.object;
  if (!object || !SINGLE_USE.test(object)) return null;
  const user = others.find(
    (o) => o !== r && !o.conversationId && o.path.length === 0 && o.action && o.action.endMs > nowMs && sameObject(o.action, action),
  );
  if (!user) return null;
  return {
    ...action,
    description: `waiting for ${user.persona.firstName} to finish using the ${object.replace(/ \d+$/, "")}`,
    emoji: "⏳",
    address: { world: action.address.world, sector: action.address.sector, arena: action.address.arena },
    endMs: Math.min(user.action!.endMs, nowMs + MAX_WAIT_MS),
    event: [r.id, "is waiting for", user.name],
    objectState: "",
  };
}

function sameObject(a: Action, b: Action): boolean {
  return a.address.sector === b.address.sector && a.address.arena === b.address.arena && a.address.object === b.address.object;
}
