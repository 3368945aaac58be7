/**
 * What a resident keeps of a finished conversation: a one-sentence summary, a thought for
 * planning (news of an event with a place or time becomes "I should go to ..."; this is
 * how an invitation turns into attendance), and a memo of the key news in its own words.
 */
import type { ChatSummaryInput, ChatTurn } from "../mind";
import { clip, firstWord, joinList, sentences, stripEnd, toThirdPerson } from "./language";
import { eventDetails, newsInLine, sameNews, topicOf } from "./topics";

const MAX_TOPICS = 3;

export function summarize(input: ChatSummaryInput): string {
  const topics = conversationTopics(input.transcript);
  const about = topics.length > 0 ? joinList(topics) : "how their day was going";
  return `${input.persona.name} and ${input.partner} talked about ${about}.`;
}

export function thoughtsAfterChat(input: ChatSummaryInput): { planning: string; memo: string } {
  const { persona, partner } = input;
  const heard = newsFrom(input.transcript, partner).filter((c) => !c.startsWith(persona.name));
  const event = heard.find((c) => {
    const d = eventDetails(c);
    return d.event !== null && d.event !== "election" && (d.place !== null || d.date !== null || d.time !== null);
  });
  return { planning: event ? goTo(event) : heard[0] ? followUp(heard[0], partner) : aboutRelationship(input), memo: memo(input, heard) };
}

/** "I should go to the Valentine's Day party at Hobbs Cafe on February 14, 2023, from 5pm to 7pm." */
export function goTo(news: string): string {
  const d = eventDetails(news);
  const where = d.place ? ` at ${d.place}` : "";
  const date = d.date ? (/^\d|^[A-Z]/.test(d.date) ? ` on ${d.date}` : ` ${d.date}`) : "";
  const when = `${date}${d.time ? `${d.date ? "," : ""} ${d.time}` : ""}`;
  return `I should go to the ${d.event}${where}${when}.`;
}

function followUp(news: string, partner: string): string {
  const topic = topicOf(news);
  return topic ? `I want to find out more about ${topic}.` : `I should think about what ${firstWord(partner)} told me.`;
}

function aboutRelationship(input: ChatSummaryInput): string {
  const first = firstWord(input.partner);
  const known = input.persona.relationships.some((r) => r.name === input.partner);
  return known
    ? `I enjoy talking with ${first}; I should catch up with ${first} again soon.`
    : `I got to know ${input.partner} a little and would like to talk with ${first} again.`;
}

/** "<partner> told me that ...": the key news, else what the partner is busy with. */
function memo(input: ChatSummaryInput, heard: string[]): string {
  const { partner } = input;
  const first = firstWord(partner);
  const own = (core: string) => (core.startsWith(partner + " ") ? first + core.slice(partner.length) : core);
  if (heard.length > 0) {
    const more = heard[1] ? ` ${first} also mentioned that ${own(heard[1])}.` : "";
    return `${partner} told me that ${own(heard[0])}.${more}`;
  }
  const doing = activities(input.transcript).find((a) => a.speaker === partner);
  if (doing) return `${partner} told me that ${first} is ${doing.phrase}.`;
  return `I had a friendly chat with ${partner}.`;
}

/** Distinct news told by `speaker` in the transcript, in the third person. */
function newsFrom(transcript: ChatTurn[], speaker: string): string[] {
  const out: string[] = [];
  for (const t of transcript) {
    if (t.speaker !== speaker) continue;
    for (const core of newsInLine(t.text, speaker)) if (!out.some((o) => sameNews(o, core))) out.push(core);
  }
  return out;
}

/** "I'm brewing coffee right now." -> { speaker, phrase: "brewing coffee" }. */
function activities(transcript: ChatTurn[]): { speaker: string; phrase: string }[] {
  const out: { speaker: string; phrase: string }[] = [];
  for (const t of transcript) {
    for (const s of sentences(t.text)) {
      const m = /^(?:Oh, )?(?:I'm|Just) (\w+ing\b.*)$/.exec(stripEnd(s));
      if (!m || /^(doing|going to)\b/.test(m[1])) continue;
      const phrase = stripEnd(m[1].replace(/,? (right now|at the moment|as usual)$/, ""));
      const retold = toThirdPerson(`I'm ${phrase}`, "X").slice("X is ".length);
      out.push({ speaker: t.speaker, phrase: clip(retold, 60) });
    }
  }
  return out;
}

function conversationTopics(transcript: ChatTurn[]): string[] {
  const topics: string[] = [];
  const add = (t: string) => {
    if (topics.length < MAX_TOPICS && !topics.some((x) => x === t || sameNews(x, t))) topics.push(t);
  };
  for (const t of transcript) for (const core of newsInLine(t.text, t.speaker)) add(topicOf(core) ?? clip(core, 60));
  for (const a of activities(transcript)) add(`${firstWord(a.speaker)} ${a.phrase}`);
  return topics;
}
