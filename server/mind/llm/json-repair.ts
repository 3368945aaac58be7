/**
 * Recovers a JSON value from a model answer that is almost JSON: wrapped in a
 * code fence or prose, with trailing commas, single quotes, unquoted keys,
 * Python literals, or cut off before its closing brackets. Never throws.
 */

export type RepairResult =
  | { ok: true; value: unknown; repaired: boolean }
  | { ok: false; value: undefined; repaired: false; error: string };

const MAX_START_CANDIDATES = 20;

/** `repaired` is false only when the trimmed text was valid JSON as it stood. */
export function repairJson(text: string): RepairResult {
  try {
    return { ok: true, value: JSON.parse(text.trim()), repaired: false };
  } catch {
    // Not strict JSON: fall through to the lenient reading.
  }
  for (const body of [fencedBody(text), text]) {
    if (body === undefined) continue;
    // Bare-word values only when nothing parses without them (prose has many words).
    for (const bareWords of [false, true]) {
      const value = parseFromFirstBracket(body, bareWords);
      if (value !== undefined) return { ok: true, value, repaired: true };
    }
  }
  return { ok: false, value: undefined, repaired: false, error: "no JSON object or array found in the answer" };
}

/** The inside of the first ``` fence (an unclosed fence runs to the end). */
function fencedBody(text: string): string | undefined {
  const match = /```[a-zA-Z]*\s*\n?([\s\S]*?)(```|$)/.exec(text);
  return match ? match[1] : undefined;
}

/** Tries each `{` or `[` in turn, so prose like "see [1]" before the object is skipped. */
function parseFromFirstBracket(text: string, bareWords: boolean): unknown {
  let tried = 0;
  for (let i = 0; i < text.length && tried < MAX_START_CANDIDATES; i++) {
    if (text[i] !== "{" && text[i] !== "[") continue;
    tried++;
    try {
      return new LenientParser(text, i, bareWords).parseValue();
    } catch {
      // Not a value from here; try the next bracket.
    }
  }
  return undefined;
}

class NotJson extends Error {}

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", "/": "/", "\\": "\\", '"': '"', "'": "'" };
const LITERALS: Record<string, unknown> = { true: true, false: false, null: null, True: true, False: false, None: null };
const WORD = /[A-Za-z_$][\w$-]*/y;
const NUMBER = /[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/y;

/** A forgiving recursive-descent reader; end of text closes whatever is open. */
class LenientParser {
  constructor(private readonly text: string, private pos: number, private readonly bareWords: boolean) {}

  /** `bareWord`: an unquoted word may be a string here (object values only, never prose in brackets). */
  parseValue(bareWord = false): unknown {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === "{") return this.parseObject();
    if (c === "[") return this.parseArray();
    if (c === '"' || c === "'") return this.parseString();
    if (c !== undefined && /[-+.\d]/.test(c)) return this.parseNumber();
    return this.parseWord(bareWord);
  }

  private parseObject(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.pos++;
    for (;;) {
      this.skipSeparators();
      if (this.atEnd() || this.text[this.pos] === "}") break;
      const key = this.parseKey();
      this.skipSpace();
      if (this.text[this.pos] !== ":") {
        if (this.atEnd()) break; // cut off after a key: drop it
        throw new NotJson(`expected ':' at ${this.pos}`);
      }
      this.pos++;
      this.skipSpace();
      if (this.atEnd()) break; // cut off after the colon: drop the key
      // defineProperty, so a "__proto__" key stays data as in JSON.parse.
      Object.defineProperty(out, key, { value: this.parseValue(this.bareWords), enumerable: true, writable: true, configurable: true });
    }
    this.pos++;
    return out;
  }

  private parseArray(): unknown[] {
    const out: unknown[] = [];
    this.pos++;
    for (;;) {
      this.skipSeparators();
      if (this.atEnd() || this.text[this.pos] === "]") break;
      out.push(this.parseValue());
    }
    this.pos++;
    return out;
  }

  private parseKey(): string {
    const c = this.text[this.pos];
    if (c === '"' || c === "'") return this.parseString();
    const word = this.matchAt(WORD);
    if (word === undefined) throw new NotJson(`expected a key at ${this.pos}`);
    return word;
  }

  private parseString(): string {
    const quote = this.text[this.pos++];
    let out = "";
    while (!this.atEnd()) {
      const c = this.text[this.pos++];
      if (c === quote) return out;
      if (c !== "\\") {
        out += c;
        continue;
      }
      const e = this.text[this.pos++] ?? "";
      if (e === "u" && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos, this.pos + 4))) {
        out += String.fromCharCode(parseInt(this.text.slice(this.pos, this.pos + 4), 16));
        this.pos += 4;
      } else {
        out += ESCAPES[e] ?? e;
      }
    }
    return out; // cut off inside the string: keep what arrived
  }

  private parseNumber(): number {
    const raw = this.matchAt(NUMBER);
    if (raw === undefined) throw new NotJson(`bad number at ${this.pos}`);
    return Number(raw);
  }

  private parseWord(bareWord: boolean): unknown {
    const word = this.matchAt(WORD);
    if (word === undefined) throw new NotJson(`unexpected character at ${this.pos}`);
    if (Object.hasOwn(LITERALS, word)) return LITERALS[word];
    if (bareWord) return word;
    throw new NotJson(`bare word '${word}' at ${this.pos}`);
  }

  private matchAt(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.pos;
    const match = pattern.exec(this.text);
    if (!match) return undefined;
    this.pos += match[0].length;
    return match[0];
  }

  /** Commas are optional and repeatable: trailing, doubled or missing ones all pass. */
  private skipSeparators(): void {
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== ",") return;
      this.pos++;
    }
  }

  /** Whitespace and // or /* comments. */
  private skipSpace(): void {
    for (;;) {
      const rest = this.text.slice(this.pos, this.pos + 2);
      if (/^\s/.test(rest)) this.pos++;
      else if (rest === "//") this.pos = this.indexOrEnd("\n", this.pos);
      else if (rest === "/*") this.pos = this.indexOrEnd("*/", this.pos) + 2;
      else return;
    }
  }

  private indexOrEnd(token: string, from: number): number {
    const at = this.text.indexOf(token, from);
    return at < 0 ? this.text.length : at;
  }

  private atEnd(): boolean {
    return this.pos >= this.text.length;
  }
}
