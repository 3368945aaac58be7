/**
 * What a resident keeps of a finished conversation: a one-sentence summary, a thought for
 * planning (news of an event with a place or time becomes "I should go to ..."; this is
 * how an invitation turns into attendance), and a memo of the key news in its own words.
 */
import type { ChatSummaryInput, ChatTurn } from "../mind";
import { clip, firstWord, joinList, sentences, stripEnd, toFirstPerson, toThirdPerson } from "./language";
import { opinionIn } from "./views";
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

/**
 * What to remember of the talk, at most two sentences: the key news the partner told
 * ("<partner> told me that ..."), what I told them of my own news or passed on ("I
 * invited Hailey Johnson to my Valentine's Day party at Hobbs Cafe"), the partner's view
 * of the town; else what the partner is busy with.
 */
function memo(input: ChatSummaryInput, heard: string[]): string {
  const { partner, persona } = input;
  const first = firstWord(partner);
  const own = (core: string) => (core.startsWith(partner + " ") ? first + core.slice(partner.length) : core);
  const out: string[] = [];
  if (heard.length > 0) out.push(`${partner} told me that ${own(heard[0])}.`);
  for (const core of newsFrom(input.transcript, persona.name)) {
    const topic = topicOf(core);
    if (!topic) continue;
    const mine = core.startsWith(persona.name + " ");
    const event = eventDetails(core).event;
    if (mine && event && event !== "election") out.push(`I invited ${partner} to my ${topic.replace(/^the /, "")}.`);
    else if (mine) out.push(`I told ${partner} that ${toFirstPerson(core, persona.name, persona.firstName)}.`);
    else out.push(`I told ${partner} about ${topic}.`);
  }
  const view = input.transcript.filter((t) => t.speaker === partner).map((t) => opinionIn(t.text)).find((v) => v);
  if (view) out.push(`${partner} thinks the Ville needs ${view}.`);
  if (heard.length > 1 && out.length < 2) out.push(`${first} also mentioned that ${own(heard[1])}.`);
  if (out.length > 0) return out.slice(0, 2).join(" ");
  // In the first person, so what someone was doing is never retold as news.
  const doing = activities(input.transcript).find((a) => a.speaker === partner);
  if (doing) return `I talked with ${partner}, who was ${shortPhrase(doing.phrase, 100)}.`;
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
      const m = /^(?:Oh, |These days |Lately )?(?:I'm|Just) (\w+ing\b.*)$/.exec(stripEnd(s));
      if (!m || /^(doing|going to)\b/.test(m[1])) continue;
      m[1] = m[1].replace(/^(?:still|getting back to|wrapping up|keeping) /, "");
      const phrase = stripEnd(m[1].replace(/,? (right now|at the moment|as usual)$/, ""));
      const retold = toThirdPerson(`I'm ${phrase}`, "X").slice("X is ".length);
      out.push({ speaker: t.speaker, phrase: retold });
    }
  }
  return out;
}

/**
 * What a talk was about, as noun phrases that fit "talked about ...": the news ("the
 * Valentine's Day party at Hobbs Cafe", "Sam Moore running for mayor"), the town's needs,
 * then what each is busy with ("Klaus writing their research paper").
 */
function conversationTopics(transcript: ChatTurn[]): string[] {
  const topics: string[] = [];
  const add = (t: string) => {
    if (t && topics.length < MAX_TOPICS && !topics.some((x) => x === t || sameNews(x, t))) topics.push(t);
  };
  for (const t of transcript) for (const core of newsInLine(t.text, t.speaker)) add(topicOf(core) ?? asTopic(core));
  if (transcript.some((t) => opinionIn(t.text) !== null)) add("what the Ville needs");
  for (const a of activities(transcript)) add(`${firstWord(a.speaker)} ${shortPhrase(a.phrase)}`);
  return topics;
}

/** "Adam Smith is preparing a public talk" -> "Adam Smith preparing a public talk"; "X will ..." -> "X's plan to ...". */
function asTopic(core: string): string {
  const m = /^(.+?) (?:is|are|was|were) (\w+ing\b.*)$/.exec(core);
  if (m) return `${m[1]} ${shortPhrase(m[2])}`;
  const plan = /^(.+?) (?:will|plans to|wants to|is going to) (.+)$/.exec(core);
  if (plan) return `${plan[1]}'s plan to ${shortPhrase(plan[2])}`;
  return `the news that ${shortPhrase(core)}`;
}

/** A phrase cut to a few words at a word boundary, never ending on "of", "the", "at" and the like. */
function shortPhrase(text: string, max = 60): string {
  let t = clip(text, max);
  // A name cut in two ("for The Rose") goes whole, with the word that led to it.
  const rest = text.slice(t.length).trim();
  if (/^(?:and |of )?[A-Z]/.test(rest) && /[A-Z][\w'\u2019]*$/.test(t)) t = t.replace(/(?:\s+(?:[A-Z][\w'\u2019]*|and|of))+$/, "");
  while (/\s(?:of|the|a|an|at|in|on|to|for|with|and|about|by|from|their|my|his|her|its|that|who)$/i.test(t)) t = t.replace(/\s+\S+$/, "");
  return t;
}
