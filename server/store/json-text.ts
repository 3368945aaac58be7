/**
 * JSON already written, in pieces: a city's snapshot is hundreds of megabytes, and as
 * one string it would take that much again beside the objects it was made from (and
 * past V8's 512 MB string limit it cannot be made at all). Stores that write files
 * write the pieces one by one; the rest join them.
 */
export class JsonText {
  constructor(readonly pieces: readonly string[]) {}

  toString(): string {
    return this.pieces.join("");
  }
}

/** `data` as JSON text: itself if it is already, else `JSON.stringify` of it. */
export function jsonTextOf(data: unknown): JsonText {
  return data instanceof JsonText ? data : new JsonText([JSON.stringify(data) ?? "null"]);
}
