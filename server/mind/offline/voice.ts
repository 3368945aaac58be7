/**
 * How a persona talks: a temperament read from the innate traits, and several phrasings
 * per conversational move so that a seeded choice varies the lines. Templates take
 * `{p}` (the partner's first name) and other named slots.
 */
import type { Persona } from "../../sim/scenario";
import { pick, type Rng } from "../../sim/rng";
import { mentions } from "./vocabulary";

export type Temperament = "warm" | "reserved" | "plain";

const WARM_TRAITS = ["friendly", "outgoing", "sociable", "talkative", "chatty", "charismatic", "enthusiastic", "energetic", "warm", "playful", "funny", "hospitable", "generous", "caring", "whimsical"];
const RESERVED_TRAITS = ["reserved", "private", "introspective", "shy", "quiet", "precise", "sceptical", "skeptical", "blunt", "disciplined", "gentle", "discreet"];

export function temperamentOf(p: Persona): Temperament {
  const warm = WARM_TRAITS.filter((t) => mentions(p.innate, [t])).length;
  const reserved = RESERVED_TRAITS.filter((t) => mentions(p.innate, [t])).length;
  if (warm > reserved) return "warm";
  return reserved > warm ? "reserved" : "plain";
}

type Pool = Record<Temperament, string[]>;

export const GREETINGS: Pool = {
  warm: ["Hi {p}! So good to see you.", "Hey {p}! How are you doing?", "{p}! What a nice surprise.", "Hi {p}! Great to run into you at {place}."],
  reserved: ["Hello, {p}.", "Good to see you, {p}.", "Hi {p}.", "Hello {p}, nice to see you at {place}."],
  plain: ["Hi {p}!", "Hello {p}, how are you?", "Hey {p}, good to see you.", "Hi {p}, fancy meeting you at {place}."],
};

/** For someone met before (another day, an earlier visit). */
export const GREET_AGAIN: Pool = {
  warm: ["{p}! So good to see you again.", "Hi again, {p}! I was hoping we'd talk again.", "{p}, you're back! How have you been?"],
  reserved: ["Hello again, {p}.", "Good to see you again, {p}.", "{p}. Nice to see you again."],
  plain: ["Hi again, {p}!", "Hey {p}, good to see you again.", "Oh, {p}, hello again!"],
};

/** For someone already met earlier the same day. */
export const GREET_SAME_DAY: Pool = {
  warm: ["{p}, hello again! Twice in one day!", "Oh, {p}! We keep running into each other today.", "Back again, {p}? Lovely!"],
  reserved: ["{p}, hello again.", "We meet again, {p}.", "Hello once more, {p}."],
  plain: ["Hey again, {p}!", "{p}! Twice in one day.", "Oh, it's you again, {p}!"],
};

export const GREET_BACK: Pool = {
  warm: ["Hi {p}! Lovely to see you.", "Hey {p}!", "Oh, hi {p}!"],
  reserved: ["Hello, {p}.", "Hi {p}.", "Good to see you, {p}."],
  plain: ["Hi {p}!", "Hey {p}.", "Oh, hello {p}!"],
};

export const ASK_ACTIVITY = ["What are you up to?", "What brings you here?", "How is your day going?", "Busy day?"];
/** Recognises the questions above (and a human's variants) in a line. */
export const ASKS_ACTIVITY = /\b(up to|brings you|how is your day|how's your day|busy day|what are you doing|what are you working on|how about you|what about you|and you)\b/i;
export const ASKS_WELLBEING = /\b(how are you|how have you been|how's it going|how are things|how do you do)\b/i;

export const TELL_ACTIVITY = ["I'm {doing} right now.", "Just {doing}.", "I'm {doing} just now.", "Oh, I'm {doing} at the moment."];
/** Told again what the partner is busy with: interest, not "I heard about it". */
export const KNOWN_PROJECT = ["I remember you mentioned it. How is it going?", "Oh yes! How is that coming along?", "You told me about it. Is it going well?"];
export const PLACE_REMARKS = ["{place} is nice and lively today.", "I always like coming to {place}.", "It's cosy at {place} today."];

export const WELLBEING: Pool = {
  warm: ["I'm great, thanks for asking!", "Doing wonderfully, thank you!"],
  reserved: ["I'm well, thank you.", "Fine, thanks."],
  plain: ["Pretty good, thanks.", "I'm doing well, thanks."],
};

export const NEWS_OPENERS = ["Did you hear? ", "Have you heard? ", "Guess what? ", "Some news: ", "By the way, "];
export const OWN_NEWS_OPENERS = ["By the way, ", "Guess what? ", "", "Oh, I have news! "];
export const OWN_INVITES = ["I'd love for you to come!", "Would you like to come?", "I hope you can make it!"];
export const EVENT_TAILS = ["Maybe I'll see you there.", "You should come too.", ""];

export const EVENT_REACTIONS: Pool = {
  warm: ["I'll try to come.", "That sounds lovely, I'll be there!", "How fun! I'll try to make it."],
  reserved: ["I might stop by.", "Thanks, I'll think about going.", "Good to know, I may go."],
  plain: ["I'll try to come.", "Sounds good, I might go.", "Nice, I'll try to make it."],
};
export const ACCEPT_INVITES: Pool = {
  warm: ["I'd love to come, thank you for inviting me!", "Count me in, thank you!"],
  reserved: ["Thank you for the invitation, I'll try to come.", "Thanks, I'll try to be there."],
  plain: ["Thanks for the invitation, I'll try to come!", "Sure, I'll try to come."],
};
export const SURPRISES = ["I had no idea.", "That's big news.", "Really? I didn't know that.", "I'd like to hear more about that."];
export const GENERIC_ACKS = ["Really? Thanks for telling me.", "Oh, I didn't know that.", "Interesting, thanks for letting me know."];
export const KNOWN_ACKS = ["Yes, I heard about that too!", "I know, I heard about it.", "Yes, someone told me about that already."];
export const STATEMENT_ACKS = ["That sounds nice.", "Nice!", "Good for you.", "Oh, I see."];
export const NOT_SURE = ["Hmm, I'm not sure.", "Good question, I don't really know.", "I couldn't tell you, sorry."];

export const CLOSINGS: Pool = {
  warm: ["Well, I should get back to {doing}. See you soon, {p}!", "It was lovely talking with you, {p}. Take care!", "I'd better get going. Bye, {p}!"],
  reserved: ["I should get back to {doing}. Goodbye, {p}.", "Good talking to you, {p}. Goodbye.", "I need to go now. See you, {p}."],
  plain: ["Well, I should get back to {doing}. See you, {p}!", "Nice talking with you, {p}. Bye!", "I'd better go. See you around, {p}!"],
};
/** A goodbye ("Lovely to see you too" is not one). */
export const CLOSES = /\b(bye|goodbye|take care|get going|better go|need to go|get back to)\b|(?<!\bto )\bsee you\b(?! too| there)/i;

export const BYE_BACK = ["Bye, {p}!", "See you, {p}!", "Take care, {p}!", "Bye for now, {p}.", "Goodbye, {p}!", "Talk to you later, {p}!"];
/** Goodbyes of last resort, once the others were all said to this partner today. */
export const LAST_WORDS = ["Have a good rest of the day, {p}!", "Until next time, {p}.", "Enjoy the rest of your day, {p}.", "Catch you later, {p}!", "So long, {p}!"];
/** Keeping a talk going: a question about the partner. */
export const ASK_MORE = ["And how have you been lately?", "Anything exciting on your side?", "How is your week going?", "What are you doing later today?"];
export const ASK_NEWS = ["Anything new with you?", "Heard any news lately?", "What's new with you?"];
export const NO_NEWS = ["Nothing much, really.", "Not much new with me.", "All quiet on my side."];
export const AGREE = ["I agree.", "That's a good point.", "I think so too.", "You may be right."];
export const PROJECT_REACTIONS = ["That sounds interesting!", "Good luck with it!", "That sounds like a lot of work.", "How exciting!", "I'd love to hear how it turns out."];

/** A template with its slots filled, or null when one of them has no value. */
export function fill(template: string, slots: Record<string, string>): string | null {
  if ([...template.matchAll(/\{(\w+)\}/g)].some((m) => (slots[m[1]] ?? "") === "")) return null;
  return template.replace(/\{(\w+)\}/g, (_m, k: string) => slots[k] ?? "");
}

/** Picks a template and fills its slots; templates whose slots have no value are skipped. */
export function say(rng: Rng, templates: readonly string[], slots: Record<string, string>): string {
  const usable = templates.filter((t) => [...t.matchAll(/\{(\w+)\}/g)].every((m) => (slots[m[1]] ?? "") !== ""));
  const t = pick(rng, usable.length > 0 ? usable : templates.filter((x) => !/\{(?!p\})/.test(x)));
  return t.replace(/\{(\w+)\}/g, (_m, k: string) => slots[k] ?? "");
}
