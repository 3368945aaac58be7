/**
 * Word lists the offline mind reasons with: which words point to which kind of place,
 * object, emoji and object state. Rules, not a language model.
 */

/** Does the text contain any of the words (whole-word, case-insensitive, plural-tolerant)? */
export function mentions(text: string, words: readonly string[]): boolean {
  return anyWordRegex(words).test(text);
}

/**
 * One regex for a whole list: at each place in the text it tries every word, as the
 * word-by-word tests do, so it matches exactly when one of them would. Most lists are
 * constants (kept by identity); lists made per call are kept by their words.
 */
const anyByList = new WeakMap<readonly string[], RegExp>();
const anyByWords = new Map<string, RegExp>();
function anyWordRegex(words: readonly string[]): RegExp {
  let r = anyByList.get(words);
  if (r) return r;
  const key = words.join("\u0000");
  r = anyByWords.get(key);
  if (!r) {
    const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    r = words.length === 0 ? /(?!)/ : new RegExp(`\\b(?:${escaped.join("|")})(s|es|ing|ed)?\\b`, "i");
    if (anyByWords.size >= 5_000) anyByWords.clear();
    anyByWords.set(key, r);
  }
  anyByList.set(words, r);
  return r;
}

/** How many of the words the text contains. */
export function countMentions(text: string, words: readonly string[]): number {
  return words.reduce((n, w) => n + (wordRegex(w).test(text) ? 1 : 0), 0);
}

const regexCache = new Map<string, RegExp>();
function wordRegex(w: string): RegExp {
  let r = regexCache.get(w);
  if (!r) {
    const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    r = new RegExp(`\\b${escaped}(s|es|ing|ed)?\\b`, "i");
    regexCache.set(w, r);
  }
  return r;
}

/** Activities that belong at home, and in which room kind. */
export const HOME_ROOMS: { room: "own" | "kitchen" | "bathroom" | "common"; words: string[] }[] = [
  { room: "bathroom", words: ["shower", "bath", "toilet", "teeth", "wash up", "morning routine", "freshen up", "bathroom"] },
  { room: "kitchen", words: ["breakfast", "dinner", "cook", "meal", "dishes", "snack", "kitchen", "bake"] },
  { room: "common", words: ["tv", "television", "relax", "family", "movie", "board game", "living room", "common room"] },
  { room: "own", words: ["sleep", "bed", "nap", "wake", "dress", "get ready", "journal", "diary"] },
];

/** Words that point to a public place, by a word that appears in the sector's name. */
export const PUBLIC_PLACES: { sectorWord: string; words: string[] }[] = [
  { sectorWord: "college", words: ["class", "audition", "lecture", "college", "campus", "seminar", "professor", "library", "thesis", "research", "teach", "students", "office hours"] },
  { sectorWord: "cafe", words: ["coffee", "cafe", "latte", "espresso", "pastry", "pastries", "neighbours", "writing circle"] },
  { sectorWord: "pub", words: ["pub", "beer", "drink", "bar", "pint", "open mic"] },
  { sectorWord: "park", words: ["park", "walk", "jog", "stroll", "picnic", "fresh air", "birds", "pond", "outdoors"] },
  { sectorWord: "market", words: ["groceries", "grocery", "market", "pharmacy", "medicine", "prescription", "food shopping"] },
  { sectorWord: "supply", words: ["supplies", "hardware", "supply store", "tools", "art supplies"] },
];

/** Object kinds and the words that call for them. */
export const OBJECT_WORDS: Record<string, string[]> = {
  bed: ["sleep", "bed", "nap", "rest", "wake"],
  desk: ["work", "write", "writing", "study", "homework", "email", "plan", "read", "journal", "draft", "essay", "edit", "paper"],
  "computer desk": ["code", "program", "computer", "stream", "email", "online", "software", "edit"],
  closet: ["dress", "clothes", "get ready", "change"],
  bookshelf: ["book", "read", "browse"],
  sofa: ["relax", "rest", "watch", "sit", "family"],
  tv: ["tv", "television", "watch", "movie", "news"],
  refrigerator: ["snack", "groceries", "fridge", "grab"],
  stove: ["cook", "breakfast", "dinner", "lunch", "meal", "bake", "prepare"],
  "kitchen sink": ["dishes", "wash", "clean", "tidy"],
  "dining table": ["eat", "breakfast", "lunch", "dinner", "meal"],
  toilet: ["toilet", "bathroom"],
  shower: ["shower", "bath", "morning routine", "freshen up"],
  "bathroom sink": ["teeth", "wash up", "face", "morning routine", "get ready"],
  piano: ["piano", "music", "compose", "play", "melody"],
  guitar: ["guitar", "song", "strum"],
  easel: ["paint", "painting", "sketch", "draw", "canvas", "watercolor", "watercolour", "art"],
  blackboard: ["teach", "lecture", "explain", "class"],
  podium: ["lecture", "teach", "speech", "talk"],
  "classroom desk": ["class", "notes", "attend", "learn", "study"],
  "library shelf": ["book", "browse", "research", "find"],
  "library table": ["study", "research", "read", "thesis", "paper", "homework"],
  "cafe counter": ["serve", "customer", "order", "counter", "cash", "open"],
  "coffee machine": ["coffee", "brew", "espresso", "latte"],
  "cafe table": ["coffee", "chat", "sit", "friend", "meet", "lunch", "read"],
  "bar counter": ["drinks", "pour", "bar", "serve", "patron", "glass"],
  "pub table": ["drink", "beer", "chat", "friend", "meet", "dinner"],
  "pool table": ["pool", "game"],
  "stage microphone": ["perform", "open mic", "sing", "comedy", "joke", "poem", "poetry", "read aloud"],
  "supply shelf": ["restock", "shelf", "inventory", "supplies", "stock"],
  "cashier counter": ["customer", "cashier", "checkout", "sell", "help", "register"],
  "grocery shelf": ["groceries", "grocery", "restock", "shop", "food"],
  "pharmacy counter": ["prescription", "pharmacy", "medicine", "customer", "advice"],
  "park bench": ["sit", "relax", "read", "rest", "think", "people-watch", "lunch"],
  "garden bed": ["garden", "plant", "flower", "water", "weed"],
  fountain: ["walk", "stroll", "fresh air", "think", "birds"],
};

/** Emoji by the first matching word list; a default for the rest. */
export const EMOJI_WORDS: [string, string[]][] = [
  ["😴", ["sleep", "nap", "bed"]],
  ["🚿", ["shower", "bath"]],
  ["🪥", ["teeth", "morning routine", "wash up", "get ready"]],
  ["🍳", ["cook", "breakfast", "prepare"]],
  ["🍽️", ["lunch", "dinner", "eat", "meal"]],
  ["☕", ["coffee", "espresso", "latte", "brew"]],
  ["🍺", ["beer", "drink", "pour", "pub", "bar"]],
  ["📚", ["study", "read", "book", "library", "research", "thesis"]],
  ["🧑‍🏫", ["teach", "lecture", "class"]],
  ["✍️", ["write", "writing", "poem", "draft", "essay", "journal", "notes"]],
  ["💻", ["code", "program", "computer", "email", "stream", "software"]],
  ["🎨", ["paint", "sketch", "draw", "art", "canvas"]],
  ["📷", ["photo", "camera"]],
  ["🎹", ["piano", "music", "compose"]],
  ["🎸", ["guitar"]],
  ["🎭", ["rehearse", "perform", "comedy", "joke", "act"]],
  ["🛒", ["groceries", "shop", "buy"]],
  ["💊", ["pharmacy", "prescription", "medicine"]],
  ["📦", ["restock", "inventory", "stock", "supplies"]],
  ["🧾", ["customer", "serve", "cashier", "counter", "sell"]],
  ["🌳", ["park", "walk", "stroll", "jog", "fresh air"]],
  ["🌷", ["garden", "plant", "flower"]],
  ["📺", ["tv", "television", "movie", "watch"]],
  ["🧹", ["clean", "tidy", "wipe", "dishes", "wash"]],
  ["🗳️", ["campaign", "mayor", "election", "vote"]],
  ["⚖️", ["tax", "client", "legal", "lawyer"]],
  ["🧮", ["math", "proof", "equation"]],
  ["💬", ["chat", "talk", "meet", "call", "visit"]],
  ["🎉", ["party", "celebrat", "decorat"]],
];
export const DEFAULT_EMOJI = "🙂";

/** What an object does while used for a task. */
export const OBJECT_STATES: Record<string, [string[], string][]> = {
  bed: [[["sleep", "nap"], "being slept in"]],
  "coffee machine": [[[], "brewing coffee"]],
  stove: [[[], "heating a pan"]],
  shower: [[[], "running hot water"]],
  piano: [[[], "being played"]],
  guitar: [[[], "being played"]],
  tv: [[[], "showing a programme"]],
  easel: [[[], "holding a canvas in progress"]],
  "kitchen sink": [[[], "running water"]],
  "bathroom sink": [[[], "running water"]],
  "stage microphone": [[[], "switched on"]],
  "computer desk": [[[], "with the computer on"]],
};
