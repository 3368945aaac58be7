/**
 * Reads one top-level string field out of a JSON answer that is still being written,
 * for streaming: `{"text": "Good morn` gives "Good morn". It reads what `repairJson`
 * will read in the end: an object after any prose or code fence before it (text mode),
 * keys in double or single quotes or bare, string values in either quote. Escapes are
 * decoded (`\n`, `\"`, `\u00e9`...); one cut off at the end of the text so far is held
 * back until it is whole, and so is a high surrogate waiting for its low half. The
 * field may come after others (their values, nested or not, are skipped), and as with
 * JSON.parse the last occurrence counts. Never throws.
 */

/** The field's decoded value so far; undefined until its string value has begun (or when it is not a string). */
export function partialStringField(textSoFar: string, field: string): string | undefined {
  const start = textSoFar.indexOf("{");
  if (start < 0) return undefined;
  const reader = new Reader(textSoFar, start + 1);
  let found: string | undefined;
  for (;;) {
    reader.skip(/[\s,]/);
    if (reader.atEnd() || reader.peek() === "}") return found;
    const key = reader.key();
    if (key === null) return found; // cut off, or not JSON from here on
    reader.skip(/\s/);
    if (reader.peek() !== ":") return found;
    reader.advance();
    reader.skip(/\s/);
    if (reader.atEnd()) return found;
    if (key !== field) {
      if (!reader.skipValue()) return found;
      continue;
    }
    const quote = reader.peek();
    if (quote !== '"' && quote !== "'") {
      found = undefined; // not a string: no line to show
      if (!reader.skipValue()) return found;
      continue;
    }
    const value = reader.string();
    if (!value.complete) return value.text;
    found = value.text;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
const BARE_KEY = /[A-Za-z0-9_$-]/;

class Reader {
  constructor(
    private readonly text: string,
    private at: number,
  ) {}

  atEnd(): boolean {
    return this.at >= this.text.length;
  }

  peek(): string | undefined {
    return this.text[this.at];
  }

  advance(): void {
    this.at++;
  }

  skip(chars: RegExp): void {
    while (!this.atEnd() && chars.test(this.text[this.at])) this.at++;
  }

  /** A key in quotes or bare; null when cut off or when no key starts here. */
  key(): string | null {
    const quote = this.peek();
    if (quote === '"' || quote === "'") {
      const key = this.string();
      return key.complete ? key.text : null;
    }
    const from = this.at;
    this.skip(BARE_KEY);
    return this.at > from && !this.atEnd() ? this.text.slice(from, this.at) : null;
  }

  /** The string opening here, decoded as far as it goes; `complete` once its closing quote is read. */
  string(): { text: string; complete: boolean } {
    const quote = this.text[this.at++];
    let out = "";
    while (!this.atEnd()) {
      const char = this.text[this.at];
      if (char === quote) {
        this.at++;
        return { text: out, complete: true };
      }
      if (char !== "\\") {
        out += char;
        this.at++;
        continue;
      }
      const escape = this.text[this.at + 1];
      if (escape === undefined) break; // a lone backslash so far
      if (escape === "u") {
        const hex = this.text.slice(this.at + 2, this.at + 6);
        if (hex.length < 4) break; // the rest of the escape is still to come
        out += /^[0-9a-fA-F]{4}$/.test(hex) ? String.fromCharCode(parseInt(hex, 16)) : hex;
        this.at += 6;
        continue;
      }
      out += SIMPLE_ESCAPES[escape] ?? escape;
      this.at += 2;
    }
    return { text: withoutPendingSurrogate(out), complete: false };
  }

  /** Skips a value of another key; false when it runs past the text so far. */
  skipValue(): boolean {
    let depth = 0;
    while (!this.atEnd()) {
      const char = this.text[this.at];
      if (char === '"' || char === "'") {
        if (!this.string().complete) return false;
      } else if (char === "{" || char === "[") {
        depth++;
        this.at++;
      } else if (char === "}" || char === "]") {
        if (depth === 0) return true; // the end of the object itself
        depth--;
        this.at++;
      } else if (char === "," && depth === 0) {
        return true;
      } else {
        this.at++;
      }
      if (depth === 0 && /[\s,}]/.test(this.text[this.at] ?? "")) return true;
    }
    return false;
  }
}

/** A high surrogate at the very end waits for its pair: it shows as garbage alone. */
function withoutPendingSurrogate(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}
