/**
 * What a resident thinks and is busy with, read from its persona with word lists: the
 * town's needs it would name (a road engineer sees potholes, a student sees rents), and
 * the project it would mention in small talk. Rules, the same answer for the same persona.
 */
import type { Persona } from "../../sim/scenario";
import { clip, joinList, sentences, stripEnd, toFirstPerson } from "./language";
import { BIG_NEWS_WORDS } from "./poignancy";
import { countMentions, mentions } from "./vocabulary";

/** A need of the town and the persona words that make someone see it. */
const NEEDS: { need: string; words: string[] }[] = [
  { need: "better roads with fewer potholes", words: ["pothole", "road", "roads", "street", "traffic", "engineer"] },
  { need: "a town council that listens", words: ["council", "complain", "opinions", "how the ville is run", "politics", "mayor"] },
  { need: "homes that people can afford", words: ["rent", "cheaper", "gentrification", "afford", "new money", "housing", "bills"] },
  { need: "more places where neighbours meet", words: ["neighbours", "living room", "never spoken", "community", "meet", "regulars", "lonely"] },
  { need: "more room for art and music", words: ["art", "artist", "paint", "painter", "music", "stage", "comedy", "microphone", "gallery", "poem", "poet"] },
  { need: "support for its small shops", words: ["shop", "store", "customers", "supplies", "market", "suppliers", "small businesses", "stock"] },
  { need: "more help for students", words: ["student", "students", "college", "exam", "thesis", "tuition", "classes"] },
  { need: "a Johnson Park that is looked after", words: ["park", "garden", "birds", "trees", "nature", "outdoors", "flowers"] },
  { need: "more for children and readers", words: ["children", "library", "books", "reading", "read"] },
  { need: "easier help with health", words: ["pharmacy", "prescription", "medicine", "health", "doctor"] },
  { need: "simpler local taxes", words: ["tax", "taxes", "accounts", "paperwork"] },
];

function personaText(p: Persona): string {
  return [p.learned, p.currently, p.innate, p.dailyPlanRequirement].join(" ");
}

/** The town's needs this persona would name, most felt first (at most `max`). */
export function needsSeenBy(p: Persona, max = 2): string[] {
  const text = personaText(p);
  return NEEDS.map((n, order) => ({ n, order, score: countMentions(text, n.words) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, max)
    .map((x) => x.n.need);
}

/** Running for office oneself ("Sam is running for mayor"), not having heard that someone is. */
export function isCandidate(p: Persona): boolean {
  const own = sentences(p.currently).filter((x) => !new RegExp(`^${p.firstName} (has heard|plans to)\\b`).test(x)).join(" ");
  return new RegExp(`\\b(?:${p.firstName}|${p.name}) is running for\\b|\\b(?:his|her|their) campaign\\b`).test(`${own} ${p.learned}`);
}

/** "I think the Ville needs better roads with fewer potholes and a town council that listens." */
export function opinionLine(p: Persona): string {
  const needs = needsSeenBy(p);
  return needs.length > 0 ? `I think the Ville needs ${joinList(needs)}.` : "I think the Ville is doing fine, but it could be friendlier.";
}

/** A line that gives an opinion on the town's needs ("I think the Ville needs X"), and the need. */
export function opinionIn(line: string): string | null {
  const m = /\b(?:I think|I'd say|I believe) (?:the Ville|the town|it) (?:really )?needs ([^.!?]+)/i.exec(line);
  return m ? stripEnd(m[1]) : null;
}

/** Asks what the town needs, or what someone thinks of the town ("What do you think the Ville needs?"). */
const NEEDS_QUESTION = /\b(?:what (?:do|would) you think (?:the )?(?:ville|town) needs|what (?:does|do) (?:the )?(?:ville|town) needs?|what(?:'s| is) missing in (?:the )?(?:ville|town)|what (?:would|should) (?:you|we|i) change (?:in|about) (?:the )?(?:ville|town))/i;
/** The candidate's "I want to hear what my neighbours think the Ville needs" asks too. */
const NEEDS_INVITE = /\b(?:hear|know|tell me) what (?:my )?(?:neighbours|you|people) think (?:the )?(?:ville|town) needs\b/i;

/** Asks what the town needs: a question, or the candidate's wish to hear it. */
export function asksNeeds(line: string): boolean {
  return sentences(line).some((s) => (s.endsWith("?") && NEEDS_QUESTION.test(s)) || NEEDS_INVITE.test(s));
}

/**
 * The project the persona is busy with, in the first person, from its "currently":
 * "I'm writing my research paper on gentrification" (clipped to a line's length).
 */
export function projectLine(p: Persona): string {
  const first = sentences(p.currently)[0] ?? "";
  const said = toFirstPerson(stripEnd(first), p.name, p.firstName);
  // The party or the campaign is news, told (and cited) as such, not small talk.
  if (!said.startsWith("I") || mentions(said, BIG_NEWS_WORDS)) return "";
  return `${clip(said, 140)}.`;
}
