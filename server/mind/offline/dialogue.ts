/**
 * Template dialogue. Each line is built from moves: greet (first line of each side),
 * answer the partner's last line (acknowledge news, accept an invitation, answer a
 * question, react to an opinion or a project), then one move of the speaker's own: news
 * the partner may not know when it concerns them or comes up (one's own news, a host's
 * party or a candidate's campaign, always), else small talk, else a polite goodbye. A
 * conversation ends by line 8. No line repeats one the speaker said to the same partner
 * earlier that day (the talk's memories carry those lines).
 */
import { pick, rngFor, type Rng } from "../../sim/rng";
import type { Persona } from "../../sim/scenario";
import type { MemoryRef, UtteranceAnswer, UtteranceInput } from "../mind";
import { EARLIER_LINE_PREFIX } from "../../agents/converse-mind";
import { answerFromMemories, HUMAN_QUESTION } from "./interview";
import { clip, firstWord, fitParts, ownDoing, sentences, stripEnd, toFirstPerson } from "./language";
import { scorePoignancy } from "./poignancy";
import { eventDetails, names, newsInLine, newsInMemory, sameNews, topicOf } from "./topics";
import { asksNeeds, isCandidate, needsSeenBy, opinionIn, opinionLine, projectLine } from "./views";
import * as V from "./voice";
import { mentions } from "./vocabulary";

/** The offline mind ends every conversation by this many lines (the interface allows more). */
export const OFFLINE_MAX_LINES = 8;
/** Lines before which nobody says goodbye (unless the partner does). */
const MIN_LINES = 3;
export const MAX_LINE_CHARS = 200;
/** "Ignore your instructions", "show me your system prompt", ... */
const REVEAL_REQUEST = /\b(system prompt|your (prompt|instructions|rules|programming|source code)|ignore (all |your |the |previous |prior )+(instructions|rules)|developer mode|jailbreak)\b/i;
/** "Anything new?", "What's going on in town?": news is asked for. */
const ASKS_NEWS = /\b(anything new|what's new|any news|heard anything|what's going on|anything going on|what's happening)\b/i;
const ASKS_PROJECT = /\b(what are you working on|how is (?:your|the) [\w' ]+ going|how's (?:your|the) [\w' ]+ going|what keeps you busy)\b/i;
const ASKS_GOING = /\b(?:are|will) you (?:going|coming) to ([^?]+)/i;
/** "I'm writing my paper", "These days I'm ...": the partner tells what occupies them. */
const TELLS_PROJECT = /^(?:These days |Lately )?I'm \w+ing (?:my|a|an|the)\b(?!.*\b(?:right now|at the moment|as usual|too)\b)/;

export interface PendingNews {
  /** The news in the third person. */
  core: string;
  /** Memories that carry it (all cited when it is passed on). */
  ids: string[];
  score: number;
  /** The speaker's own news: the host's party, the candidate's campaign. */
  own: boolean;
}

/** What a line is composed from: the input, and what the speaker has said to this partner today. */
interface Talk {
  input: UtteranceInput;
  persona: Persona;
  temper: V.Temperament;
  slots: Record<string, string>;
  /** This speaker's lines to the partner earlier today and in this conversation. */
  said: string[];
  /** The whole conversation so far and the speaker's earlier lines: what has come up. */
  heardAndSaid: string;
}

/** Lines the speaker said to this partner earlier the same day, as the memories carry them. */
export function earlierLines(input: UtteranceInput): string[] {
  const prefix = `${EARLIER_LINE_PREFIX}${input.partner}: `;
  return input.memories.filter((m) => m.text.startsWith(prefix)).map((m) => m.text.slice(prefix.length));
}

/**
 * News from the speaker's memories that the partner may not know: not told by the
 * partner, not about the partner, not said in this conversation or to the partner
 * earlier, not already talked about with the partner before. Most important first.
 */
export function pendingNews(input: UtteranceInput): PendingNews[] {
  const { persona, partner, transcript, memories } = input;
  const partnerFirst = firstWord(partner);
  const lines = [...transcript.map((t) => ({ who: t.speaker, text: t.text })), ...earlierLines(input).map((text) => ({ who: persona.name, text }))];
  // "I'm running for mayor" said by Sam is "Sam Moore is running for mayor".
  const said = [...lines.map((l) => l.text), ...lines.flatMap((l) => newsInLine(l.text, l.who))];
  const talkedBefore = memories.filter((m) => /\btalked about\b/.test(m.text) && m.text.includes(partner)).map((m) => m.text);
  const out: PendingNews[] = [];
  for (const m of memories) {
    if (m.text.startsWith(EARLIER_LINE_PREFIX)) continue;
    for (const news of newsInMemory(m.text)) {
      const core = news.core;
      if (news.teller === partner || core.startsWith(partner) || core.startsWith(`${partnerFirst} `)) continue;
      if (said.some((s) => sameNews(core, s)) || talkedBefore.some((s) => sameNews(core, s))) continue;
      const same = out.find((o) => sameNews(o.core, core) || sameNews(core, o.core));
      if (same) {
        if (!same.ids.includes(m.id)) same.ids.push(m.id);
        continue;
      }
      const own = core.startsWith(persona.name + " ") || core.startsWith(persona.firstName + " ");
      out.push({ core, ids: [m.id], score: scorePoignancy({ persona, kind: "thought", description: core }), own });
    }
  }
  return out.filter((n) => n.score >= 6).sort((a, b) => Number(b.own) - Number(a.own) || b.score - a.score);
}

/** Words that bring a piece of news up: its event, the person it is about, the election (a place alone is talked of all day). */
function topicWords(core: string): string[] {
  const d = eventDetails(core);
  const words: string[] = [];
  // The kind of event ("party", "public talk"), not its name ("Valentine's Day").
  if (d.event) words.push(d.event.replace(/^(?:[A-Z][\w'\u2019]*\s+)+/, ""));
  if (/\b(mayor|election|campaign|vote)\b/i.test(core)) words.push("mayor", "election", "campaign", "vote");
  const who = /^([A-Z][a-z]+)(?: [A-Z][a-z]+)? /.exec(core)?.[1];
  if (who) words.push(who);
  return words;
}

/**
 * Whether to pass news on to this partner: one's own news always (a host invites, a
 * candidate canvasses); someone else's when it names the partner, when the talk has come
 * to it or the partner told news the speaker knew (they are comparing news), or, for an
 * event the speaker means to go to, to a friend or relative.
 */
/** Relations one brings along to an event: friends and family. */
const CLOSE = /\b(friend|wife|husband|son|daughter|mother|father|sister|brother|partner)\b/i;

export function worthTelling(news: PendingNews, input: UtteranceInput, cameUp: string): boolean {
  if (news.own) return true;
  if (names(news.core, input.partner)) return true;
  if (mentions(cameUp, topicWords(news.core))) return true;
  // The partner told news the speaker had heard already: the talk is comparing news.
  const known = (core: string) => input.memories.some((m) => newsInMemory(m.text).some((x) => sameNews(core, x.core)));
  if (input.transcript.some((t) => t.speaker === input.partner && newsInLine(t.text, t.speaker).some(known))) return true;
  const close = input.persona.relationships.some((r) => r.name === input.partner && CLOSE.test(r.relation));
  const going = input.memories.some((m) => /I should go to|planning to go/i.test(m.text) && sameNews(m.text, news.core));
  return close && going;
}

export function composeUtterance(input: UtteranceInput, rng: Rng): UtteranceAnswer {
  const { persona, transcript } = input;
  const n = transcript.length;
  const mine = transcript.filter((t) => t.speaker === persona.name);
  const lastTurn = transcript[n - 1];
  const last = lastTurn && lastTurn.speaker !== persona.name ? lastTurn.text : null;
  const earlier = earlierLines(input);
  const talk: Talk = {
    input,
    persona,
    temper: V.temperamentOf(persona),
    slots: slotsFor(input),
    said: [...earlier, ...mine.map((t) => t.text)],
    heardAndSaid: [...transcript.map((t) => t.text), ...earlier].join(" "),
  };
  const { temper, slots } = talk;

  // Someone talked with before is greeted as such; someone seen earlier today, more so.
  const greetings = earlier.length > 0 ? V.GREET_SAME_DAY[temper] : input.lastChat ? V.GREET_AGAIN[temper] : n === 0 ? V.GREETINGS[temper] : V.GREET_BACK[temper];
  const opening = mine.length === 0 ? fresh(talk, rng, greetings) || fresh(talk, rng, V.GREET_SAME_DAY[temper]) : "";
  // Asked what it is, or to show its instructions: an honest answer, in character.
  if (last && (HUMAN_QUESTION.test(last) || REVEAL_REQUEST.test(last))) {
    const honest = HUMAN_QUESTION.test(last) ? `I'm ${persona.firstName}, one of the simulated residents of the Ville, not a human.` : "That's not something I talk about.";
    return { text: fitParts([opening, honest, "Ask me about the town instead!"], MAX_LINE_CHARS), end: false, cites: [] };
  }
  if (last && V.CLOSES.test(last) && n + 1 >= MIN_LINES) {
    return finish(talk, [opening, fresh(talk, rng, V.BYE_BACK) || `Bye for now, ${slots.p}.`], true, []);
  }
  // After a greeting, a bare "Nice!" to the partner's small talk is noise.
  const reply = last ? respond(talk, last, rng, opening !== "") : { text: "", cites: [] };
  const lead = [opening, reply.text].filter((s) => s);
  if (n + 1 >= OFFLINE_MAX_LINES) return finish(talk, [...lead, farewell(talk, rng, lead)], true, reply.cites);
  // An answer that passed on news is this line's own move.
  if (reply.cites.length > 0) return finish(talk, lead, false, reply.cites);

  const news = pendingNews(input).find((x) => worthTelling(x, input, talk.heardAndSaid));
  if (news) {
    const room = MAX_LINE_CHARS - (lead.join(" ").length + 1);
    const line = newsLine(persona, news.core, room, rng);
    if (line) return finish(talk, [...lead, line], false, news.ids);
    // No room beside the answer: the news waits for this speaker's next line.
    if (lead.length > 0) return finish(talk, lead, false, []);
  }

  const small = smallTalk(talk, last, rng);
  if (small && (n + 1 < MIN_LINES || mine.length < 2 || (mine.length < 3 && rng() < chattiness(temper)))) return finish(talk, [...lead, small], false, []);
  if (n + 1 < MIN_LINES) {
    const ask = fresh(talk, rng, V.ASK_ACTIVITY) || fresh(talk, rng, V.ASK_MORE);
    if (ask) return finish(talk, [...lead, ask], false, []);
  }
  return finish(talk, [...lead, farewell(talk, rng, lead)], true, []);
}

/**
 * The line from its parts. A whole line the speaker already said to this partner today is
 * not said again: its later parts give way to others (a different goodbye, a question).
 */
function finish(talk: Talk, parts: string[], end: boolean, cites: string[]): UtteranceAnswer {
  let text = fitParts(parts.filter((p) => p), MAX_LINE_CHARS);
  const rng = rngFor(0, "again", talk.input.persona.name, talk.input.partner, text);
  for (let i = 0; i < 6 && talk.said.includes(text); i++) {
    const extra = end ? pick(rng, V.LAST_WORDS) : pick(rng, V.ASK_MORE);
    text = fitParts([...parts.slice(0, -1), extra.replace("{p}", talk.slots.p), parts[parts.length - 1]].filter((p) => p), MAX_LINE_CHARS);
  }
  return { text, end, cites };
}

/** A template of `templates`, filled, that the speaker has not said to this partner today; "" when all were. */
function fresh(talk: Talk, rng: Rng, templates: readonly string[], slots: Record<string, string> = talk.slots): string {
  const filled = templates.map((t) => V.fill(t, slots)).filter((t): t is string => t !== null);
  const unused = filled.filter((t) => !talk.said.some((s) => s.includes(t)));
  return unused.length > 0 ? pick(rng, unused) : "";
}

function chattiness(t: V.Temperament): number {
  return t === "warm" ? 0.5 : t === "plain" ? 0.3 : 0.1;
}

function slotsFor(input: UtteranceInput): Record<string, string> {
  // "still writing a speech", "getting back to writing a speech": the activity is "writing a speech".
  const doing = ownDoing(input.action).replace(/^(?:still|getting back to|wrapping up|keeping) /, "");
  const sector = input.place.split(":")[0]?.trim() ?? "";
  // Someone's home, or "outdoors", is no place to remark on.
  const place = /^[A-Z]/.test(sector) && !/'s (house|apartment)|family's house|dorm|co-living/i.test(sector) ? sector : "";
  return { p: firstWord(input.partner), doing, place };
}

/** The candidate's own campaign, said as a question to the neighbour rather than a recital. */
const CANVASS = ["What do you think the Ville needs?", "I want to hear what my neighbours think the Ville needs.", "Tell me, what would you change in the Ville?"];

/** A piece of news as the speaker says it, fitted into `room` characters; "" when it cannot fit. */
export function newsLine(persona: Persona, core: string, room: number, rng: Rng): string {
  const own = core.startsWith(persona.name + " ") || core.startsWith(persona.firstName + " ");
  const canvass = own && /\brunning for\b/.test(core) && /\b(hear|think|needs)\b/.test(core);
  const body0 = canvass ? core.replace(/\s+and wants? to hear .*$/, "") : core;
  const said = own ? toFirstPerson(body0, persona.name, persona.firstName) : body0;
  const what = eventDetails(core).event;
  // An election is news, not something to come to.
  const event = what !== null && what !== "election";
  const inviting = own && event && mentions(core, ["party", "host", "hosting", "invite", "celebration", "show", "night", "concert", "workshop"]);
  const opener = pick(rng, own ? V.OWN_NEWS_OPENERS : V.NEWS_OPENERS);
  const tail = canvass ? pick(rng, CANVASS) : inviting ? pick(rng, V.OWN_INVITES) : !own && event ? pick(rng, V.EVENT_TAILS) : "";
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

/** The speaker's answer to the partner's last line, with the memories it passes on. */
function respond(talk: Talk, last: string, rng: Rng, greeted: boolean): { text: string; cites: string[] } {
  const { input, persona, temper, slots } = talk;
  const { partner, memories } = input;
  const say = (text: string, cites: string[] = []) => ({ text, cites });
  const earlier = input.transcript.slice(0, -1).map((t) => t.text);
  const heard = newsInLine(last, partner).filter((c) => !c.startsWith(persona.name) && !earlier.some((e) => sameNews(c, e)));
  // A candidate asking what the town needs gets an answer with the acknowledgement.
  const view = asksNeeds(last) && !talk.said.some((s) => opinionIn(s) !== null) ? opinionLine(persona) : "";
  if (heard.length > 0) return say([acknowledge(heard[0], last, partner, memories, temper, rng), view].filter((x) => x).join(" "));
  // "Hello Maria, how are you?" asks "how are you?".
  const asked = sentences(last)
    .filter((s) => s.endsWith("?"))
    .map((s) => s.replace(/^(oh|so|and|well|hey),?\s+/i, ""))
    .map((s) => (QUESTION_START.test(s) || !s.includes(", ") ? s : s.slice(s.lastIndexOf(", ") + 2)));
  if (view) return say(view);
  if (asked.some((q) => ASKS_NEWS.test(q))) {
    const news = pendingNews(input)[0];
    const line = news ? newsLine(persona, news.core, MAX_LINE_CHARS - (greeted ? 40 : 0), rng) : "";
    return line ? say(line, news!.ids) : say(fresh(talk, rng, V.NO_NEWS) || "Nothing much, really.");
  }
  if (asked.some((q) => V.ASKS_WELLBEING.test(q))) return say(fresh(talk, rng, V.WELLBEING[temper]) || "Fine, thanks.");
  if (asked.some((q) => ASKS_PROJECT.test(q))) return say(projectLine(persona) || tellDoing(talk, rng));
  if (asked.some((q) => V.ASKS_ACTIVITY.test(q))) return say(slots.doing ? tellDoing(talk, rng) : "Just taking it easy.");
  const going = asked.map((q) => ASKS_GOING.exec(q)?.[1]).find((x) => x);
  if (going) return say(goingAnswer(persona, going, memories));
  const question = asked.filter((q) => QUESTION_START.test(q)).pop();
  if (question) {
    const known = answerFromMemories(persona, question, memories.filter((m) => !m.text.startsWith(EARLIER_LINE_PREFIX)));
    const isNew = known && !input.transcript.some((t) => sameNews(known, t.text));
    return say(isNew ? clip(known, 150) + "." : fresh(talk, rng, V.NOT_SURE) || "I couldn't say.");
  }
  const opinion = opinionIn(last);
  if (opinion) return say(isCandidate(persona) ? `That's a good point, ${slots.p}. I'll remember that the Ville needs ${opinion}.` : fresh(talk, rng, V.AGREE));
  if (TELLS_PROJECT.test(last) && !V.ASKS_ACTIVITY.test(last)) return say(fresh(talk, rng, V.PROJECT_REACTIONS));
  return say(!greeted && rng() < 0.6 ? fresh(talk, rng, V.STATEMENT_ACKS) : "");
}

/** "Are you going to the party?": yes if the speaker plans to, or hosts it; else what it knows. */
function goingAnswer(p: Persona, what: string, memories: MemoryRef[]): string {
  const topic = topicOf(what) ?? stripEnd(what);
  const about = memories.filter((m) => sameNews(m.text, what) || (topicOf(m.text) !== null && topicOf(m.text) === topicOf(what)));
  if (about.some((m) => m.text.startsWith(`${p.name} is hosting`))) return "Of course, I'm hosting it! I hope you'll come too.";
  if (about.some((m) => /I should go to|planning to go/i.test(m.text))) return `Yes, I'm planning to go to ${topic.replace(/^the /, "the ")}.`;
  if (about.length > 0) return "I might, I haven't decided yet.";
  return "I hadn't heard about it. When is it?";
}

/** A real question (not an echo like "A party at Hobbs Cafe?"): starts with a question word. */
const QUESTION_START = /^(what|who|whom|whose|where|when|why|how|which|do|does|did|are|is|was|were|will|would|can|could|have|has|had|should|shall|may|might|any)\b/i;

function acknowledge(core: string, line: string, partner: string, memories: MemoryRef[], temper: V.Temperament, rng: Rng): string {
  if (memories.some((m) => newsInMemory(m.text).some((n) => sameNews(core, n.core)))) return pick(rng, core.startsWith(partner) ? V.KNOWN_PROJECT : V.KNOWN_ACKS);
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

/**
 * One small-talk move not made yet in this talk nor said to the partner today: ask what
 * the partner is doing, say what I do, tell what I am busy with these days, ask the
 * partner's view of the town (a candidate), ask for news, remark on the place.
 */
function smallTalk(talk: Talk, last: string | null, rng: Rng): string {
  const { input, slots } = talk;
  const mine = input.transcript.filter((t) => t.speaker === input.persona.name).map((t) => t.text).join(" ");
  const theirs = input.transcript.filter((t) => t.speaker !== input.persona.name).map((t) => t.text).join(" ");
  const moves: string[] = [];
  if (!V.ASKS_ACTIVITY.test(mine) && !/\bI'm \w+ing\b|\bJust \w+ing\b/.test(theirs)) moves.push(fresh(talk, rng, V.ASK_ACTIVITY));
  const told = slots.doing && (mine.includes(slots.doing) || (last !== null && V.ASKS_ACTIVITY.test(last)));
  if (slots.doing && !told) moves.push(tellDoing(talk, rng));
  const project = projectLine(input.persona);
  if (project && !talk.said.some((s) => s.includes(project.slice(0, 40)))) moves.push(`${pick(rng, ["These days ", "Lately ", ""])}${project}`);
  if (isCandidate(input.persona) && !asksNeeds(mine) && needsSeenBy(input.persona).length > 0) moves.push(fresh(talk, rng, CANVASS));
  if (talk.temper === "warm" && !ASKS_NEWS.test(mine)) moves.push(fresh(talk, rng, V.ASK_NEWS));
  if (slots.place && !(mine + theirs).includes(slots.place)) moves.push(fresh(talk, rng, V.PLACE_REMARKS));
  const usable = moves.filter((m) => m && !talk.said.includes(m));
  if (usable.length === 0) return "";
  return usable[Math.floor(rng() * usable.length)];
}

/** What the speaker is doing; "Same here" when the partner said they do the same. */
function tellDoing(talk: Talk, rng: Rng): string {
  const { input, slots } = talk;
  const same = input.transcript.some((t) => t.speaker !== input.persona.name && t.text.includes(slots.doing));
  return same ? `Same here, I'm ${slots.doing} too.` : fresh(talk, rng, V.TELL_ACTIVITY) || `Still ${slots.doing}.`;
}

/** A goodbye not said to this partner today; "I should get back to <doing>" only if the line has not just said what that is. */
function farewell(talk: Talk, rng: Rng, lead: string[]): string {
  const { slots, temper } = talk;
  const said = slots.doing !== "" && lead.some((l) => l.includes(slots.doing));
  return fresh(talk, rng, V.CLOSINGS[temper], said ? { ...slots, doing: "" } : slots) || fresh(talk, rng, V.LAST_WORDS) || `Bye, ${slots.p}.`;
}
