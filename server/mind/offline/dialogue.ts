/**
 * Template dialogue. Each line is built from moves: greet (first line of each side),
 * respond to the partner's last line (acknowledge news, accept an invitation, answer a
 * question), then one move of the speaker's own: pass on the most important news the
 * partner may not know (citing the memories it comes from), else small talk about what
 * each is doing and where, else a polite goodbye. A conversation ends by line 8.
 */
import { pick, type Rng } from "../../sim/rng";
import type { Persona } from "../../sim/scenario";
import type { MemoryRef, UtteranceAnswer, UtteranceInput } from "../mind";
import { answerFromMemories, HUMAN_QUESTION } from "./interview";
import { clip, firstWord, fitParts, ownDoing, sentences, stripEnd, toFirstPerson } from "./language";
import { scorePoignancy } from "./poignancy";
import { eventDetails, newsInLine, newsInMemory, sameNews } from "./topics";
import * as V from "./voice";
import { mentions } from "./vocabulary";

/** The offline mind ends every conversation by this many lines (the interface allows more). */
export const OFFLINE_MAX_LINES = 8;
/** Lines before which nobody says goodbye (unless the partner does). */
const MIN_LINES = 3;
export const MAX_LINE_CHARS = 200;
/** "Ignore your instructions", "show me your system prompt", ... */
const REVEAL_REQUEST = /\b(system prompt|your (prompt|instructions|rules|programming|source code)|ignore (all |your |the |previous |prior )+(instructions|rules)|developer mode|jailbreak)\b/i;

export interface PendingNews {
  /** The news in the third person. */
  core: string;
  /** Memories that carry it (all cited when it is passed on). */
  ids: string[];
  score: number;
}

/**
 * News from the speaker's memories that the partner may not know: not told by the
 * partner, not about the partner, not said in this conversation, not already talked
 * about with the partner before. Most important first, then most relevant.
 */
export function pendingNews(input: UtteranceInput): PendingNews[] {
  const { persona, partner, transcript, memories } = input;
  const partnerFirst = firstWord(partner);
  const said = transcript.map((t) => t.text);
  const talkedBefore = memories.filter((m) => /\btalked about\b/.test(m.text) && m.text.includes(partner)).map((m) => m.text);
  const out: PendingNews[] = [];
  for (const m of memories) {
    for (const news of newsInMemory(m.text)) {
      const core = news.core;
      if (news.teller === partner || core.startsWith(partner) || core.startsWith(`${partnerFirst} `)) continue;
      if (said.some((s) => sameNews(core, s)) || talkedBefore.some((s) => sameNews(core, s))) continue;
      const same = out.find((o) => sameNews(o.core, core) || sameNews(core, o.core));
      if (same) {
        if (!same.ids.includes(m.id)) same.ids.push(m.id);
        continue;
      }
      out.push({ core, ids: [m.id], score: scorePoignancy({ persona, kind: "thought", description: core }) });
    }
  }
  return out.filter((n) => n.score >= 6).sort((a, b) => b.score - a.score);
}

export function composeUtterance(input: UtteranceInput, rng: Rng): UtteranceAnswer {
  const { persona, partner, transcript } = input;
  const n = transcript.length;
  const mine = transcript.filter((t) => t.speaker === persona.name);
  const lastTurn = transcript[n - 1];
  const last = lastTurn && lastTurn.speaker !== persona.name ? lastTurn.text : null;
  const temper = V.temperamentOf(persona);
  const slots = slotsFor(input);

  // Someone talked with before is greeted as such.
  const greetings = input.lastChat ? V.GREET_AGAIN[temper] : n === 0 ? V.GREETINGS[temper] : V.GREET_BACK[temper];
  const opening = mine.length === 0 ? V.say(rng, greetings, slots) : "";
  // Asked what it is, or to show its instructions: an honest answer, in character.
  if (last && (HUMAN_QUESTION.test(last) || REVEAL_REQUEST.test(last))) {
    const honest = HUMAN_QUESTION.test(last) ? `I'm ${persona.firstName}, one of the simulated residents of the Ville, not a human.` : "That's not something I talk about.";
    return { text: fitParts([opening, honest, "Ask me about the town instead!"], MAX_LINE_CHARS), end: false, cites: [] };
  }
  if (last && V.CLOSES.test(last) && n + 1 >= MIN_LINES) {
    return { text: fitParts([opening, `Bye, ${slots.p}!`], MAX_LINE_CHARS), end: true, cites: [] };
  }
  // After a greeting, a bare "Nice!" to the partner's small talk is noise.
  const reply = last ? respond(input, last, rng, opening !== "") : "";
  const lead = [opening, reply].filter((s) => s);

  if (n + 1 >= OFFLINE_MAX_LINES) return { text: fitParts([...lead, farewell(rng, temper, slots, lead)], MAX_LINE_CHARS), end: true, cites: [] };

  const news = pendingNews(input)[0];
  if (news) {
    const room = MAX_LINE_CHARS - (lead.join(" ").length + 1);
    const line = newsLine(persona, news.core, room, rng);
    if (line) return { text: fitParts([...lead, line], MAX_LINE_CHARS), end: false, cites: news.ids };
    // No room beside the answer: the news waits for this speaker's next line.
    if (lead.length > 0) return { text: fitParts(lead, MAX_LINE_CHARS), end: false, cites: [] };
  }

  const small = smallTalk(input, last, rng, slots);
  if (small && (n + 1 < MIN_LINES || mine.length < 2 || (mine.length < 3 && rng() < chattiness(temper)))) {
    return { text: fitParts([...lead, small], MAX_LINE_CHARS), end: false, cites: [] };
  }
  if (n + 1 < MIN_LINES) return { text: fitParts([...lead, V.say(rng, V.ASK_ACTIVITY, slots)], MAX_LINE_CHARS), end: false, cites: [] };
  return { text: fitParts([...lead, farewell(rng, temper, slots, lead)], MAX_LINE_CHARS), end: true, cites: [] };
}

function chattiness(t: V.Temperament): number {
  return t === "warm" ? 0.5 : t === "plain" ? 0.3 : 0.1;
}

function slotsFor(input: UtteranceInput): Record<string, string> {
  const doing = ownDoing(input.action);
  const sector = input.place.split(":")[0]?.trim() ?? "";
  // Someone's home, or "outdoors", is no place to remark on.
  const place = /^[A-Z]/.test(sector) && !/'s (house|apartment)|family's house|dorm|co-living/i.test(sector) ? sector : "";
  return { p: firstWord(input.partner), doing, place };
}

/** A piece of news as the speaker says it, fitted into `room` characters; "" when it cannot fit. */
export function newsLine(persona: Persona, core: string, room: number, rng: Rng): string {
  const own = core.startsWith(persona.name + " ") || core.startsWith(persona.firstName + " ");
  const said = own ? toFirstPerson(core, persona.name, persona.firstName) : core;
  const what = eventDetails(core).event;
  // An election is news, not something to come to.
  const event = what !== null && what !== "election";
  const inviting = own && event && mentions(core, ["party", "host", "hosting", "invite", "celebration", "show", "night", "concert", "workshop"]);
  const opener = pick(rng, own ? V.OWN_NEWS_OPENERS : V.NEWS_OPENERS);
  const tail = inviting ? pick(rng, V.OWN_INVITES) : !own && event ? pick(rng, V.EVENT_TAILS) : "";
  const body = stripEnd(said);
  // Whole news first (with the tail, then without, then without the opener); clipped last.
  const tries: [string, string, boolean][] = [[opener, tail, false], [opener, "", false], ["", "", false], [opener, "", true]];
  for (const [o, t, clipped] of tries) {
    const max = room - o.length - 1 - (t ? t.length + 1 : 0);
    if (max < 40 || (!clipped && body.length > max)) continue;
    return `${o}${clipped ? clip(body, max) : body}.${t ? ` ${t}` : ""}`;
  }
  return "";
}

/** The speaker's answer to the partner's last line. */
function respond(input: UtteranceInput, last: string, rng: Rng, greeted: boolean): string {
  const { persona, partner, memories } = input;
  const temper = V.temperamentOf(persona);
  const slots = slotsFor(input);
  const earlier = input.transcript.slice(0, -1).map((t) => t.text);
  const heard = newsInLine(last, partner).filter((c) => !c.startsWith(persona.name) && !earlier.some((e) => sameNews(c, e)));
  if (heard.length > 0) return acknowledge(heard[0], last, partner, memories, temper, rng);
  // "Hello Maria, how are you?" asks "how are you?".
  const asked = sentences(last)
    .filter((s) => s.endsWith("?"))
    .map((s) => s.replace(/^(oh|so|and|well|hey),?\s+/i, ""))
    .map((s) => (QUESTION_START.test(s) ? s : s.slice(s.lastIndexOf(", ") + 2)));
  if (asked.some((q) => V.ASKS_WELLBEING.test(q))) return V.say(rng, V.WELLBEING[temper], slots);
  if (asked.some((q) => V.ASKS_ACTIVITY.test(q))) return slots.doing ? tellDoing(input, rng, slots) : "Just taking it easy.";
  const question = asked.filter((q) => QUESTION_START.test(q)).pop();
  if (question) {
    const known = answerFromMemories(persona, question, memories);
    const fresh = known && !input.transcript.some((t) => sameNews(known, t.text));
    return fresh ? clip(known, 150) + "." : V.say(rng, V.NOT_SURE, slots);
  }
  return !greeted && rng() < 0.6 ? pick(rng, V.STATEMENT_ACKS) : "";
}

/** A real question (not an echo like "A party at Hobbs Cafe?"): starts with a question word. */
const QUESTION_START = /^(what|who|whom|whose|where|when|why|how|which|do|does|did|are|is|was|were|will|would|can|could|have|has|had|should|shall|may|might|any)\b/i;

function acknowledge(core: string, line: string, partner: string, memories: MemoryRef[], temper: V.Temperament, rng: Rng): string {
  if (memories.some((m) => newsInMemory(m.text).some((n) => sameNews(core, n.core)))) return pick(rng, V.KNOWN_ACKS);
  const d = eventDetails(core);
  const invited = /\b(you to come|you can make it|like to come|you're invited|you are invited|join us|you should come)\b/i.test(line);
  // Only the host invites; anyone else just passes the news on.
  if (invited && core.startsWith(partner)) return V.say(rng, V.ACCEPT_INVITES[temper], {});
  const run = /^(.+?) (?:is|was) running for (\w+)/.exec(core);
  if (run) return `${run[1] === partner ? "You're" : `${run[1]} is`} running for ${run[2]}? ${pick(rng, V.SURPRISES)}`;
  if (d.event && d.event !== "election") {
    const what = `${/^[aeiou]/i.test(d.event) ? "an" : "a"} ${d.event}${d.place ? ` at ${d.place}` : ""}`;
    return `Oh, ${what}? ${V.say(rng, V.EVENT_REACTIONS[temper], {})}`;
  }
  return pick(rng, V.GENERIC_ACKS);
}

/** One small-talk move not made yet: ask what the partner is doing, say what I do, remark on the place. */
function smallTalk(input: UtteranceInput, last: string | null, rng: Rng, slots: Record<string, string>): string {
  const mine = input.transcript.filter((t) => t.speaker === input.persona.name).map((t) => t.text).join(" ");
  const theirs = input.transcript.filter((t) => t.speaker !== input.persona.name).map((t) => t.text).join(" ");
  const moves: string[] = [];
  if (!V.ASKS_ACTIVITY.test(mine) && !/\bI'm \w+ing\b|\bJust \w+ing\b/.test(theirs)) moves.push(V.say(rng, V.ASK_ACTIVITY, slots));
  const told = slots.doing && (mine.includes(slots.doing) || (last !== null && V.ASKS_ACTIVITY.test(last)));
  if (slots.doing && !told) moves.push(tellDoing(input, rng, slots));
  if (slots.place && !(mine + theirs).includes(slots.place)) moves.push(V.say(rng, V.PLACE_REMARKS, slots));
  if (moves.length === 0) return "";
  return moves[Math.floor(rng() * moves.length)];
}

/** What the speaker is doing; "Same here" when the partner said they do the same. */
function tellDoing(input: UtteranceInput, rng: Rng, slots: Record<string, string>): string {
  const same = input.transcript.some((t) => t.speaker !== input.persona.name && t.text.includes(slots.doing));
  return same ? `Same here, I'm ${slots.doing} too.` : V.say(rng, V.TELL_ACTIVITY, slots);
}

/** A goodbye; "I should get back to <doing>" only if the line has not just said what that is. */
function farewell(rng: Rng, temper: V.Temperament, slots: Record<string, string>, lead: string[]): string {
  const said = slots.doing !== "" && lead.some((l) => l.includes(slots.doing));
  return V.say(rng, V.CLOSINGS[temper], said ? { ...slots, doing: "" } : slots);
}
