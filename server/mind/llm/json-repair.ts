/**
 * Recovers a JSON value from a model answer that is almost JSON. The repair itself
 * (trailing or missing commas, single quotes, unquoted keys and words, Python
 * literals, comments, an answer cut off before its closing brackets) is the
 * `jsonrepair` library's. What it leaves to us is finding the JSON in the answer:
 * inside a code fence, or between prose before and after it. Never throws.
 */
import { jsonrepair } from "jsonrepair";

export type RepairResult =
  | { ok: true; value: unknown; repaired: boolean }
  | { ok: false; value: undefined; repaired: false; error: string };

/** Bounds the slices tried on a long answer full of brackets (each try is one linear repair). */
const MAX_STARTS = 8;
const MAX_ENDS = 8;

/** `repaired` is false only when the trimmed text was valid JSON as it stood. */
export function repairJson(text: string): RepairResult {
  try {
    return { ok: true, value: JSON.parse(text.trim()), repaired: false };
  } catch {
    // Not strict JSON: look for the JSON inside it.
  }
  for (const body of [fencedBody(text), text]) {
    if (body === undefined) continue;
    const value = repairFromBrackets(body);
    if (value !== undefined) return { ok: true, value, repaired: true };
  }
  return { ok: false, value: undefined, repaired: false, error: "no JSON object or array found in the answer" };
}

/** The inside of the first ``` fence (an unclosed fence runs to the end). */
function fencedBody(text: string): string | undefined {
  const match = /```[a-zA-Z]*\s*\n?([\s\S]*?)(```|$)/.exec(text);
  return match ? match[1] : undefined;
}

/**
 * Objects first (every prompt asks for one), then arrays: from each opening bracket,
 * the rest of the text (a cut-off answer), then the slices ending at each closing
 * bracket from the last one back (prose after the JSON, or a second JSON value).
 */
function repairFromBrackets(text: string): unknown {
  for (const [open, close] of [["{", "}"], ["[", "]"]] as const) {
    const starts = indexesOf(text, open).slice(0, MAX_STARTS);
    const ends = indexesOf(text, close).reverse().slice(0, MAX_ENDS);
    for (const start of starts) {
      for (const end of [text.length, ...ends.filter((e) => e > start).map((e) => e + 1)]) {
        const value = repaired(text.slice(start, end), open === "[");
        if (value !== undefined) return value;
      }
    }
  }
  return undefined;
}

/**
 * The value of `slice` after jsonrepair, when it is of the kind its first bracket opens
 * (jsonrepair reads objects one per line as an array of them: we want the first).
 */
function repaired(slice: string, array: boolean): unknown {
  try {
    const value: unknown = JSON.parse(jsonrepair(slice));
    return typeof value === "object" && value !== null && Array.isArray(value) === array ? value : undefined;
  } catch {
    return undefined; // not JSON from here to there
  }
}

function indexesOf(text: string, char: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) found.push(i);
  return found;
}
