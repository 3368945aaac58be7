/**
 * Lenient answer fields: models write "7" for 7, "yes" for true, or a list where one
 * item was asked. These zod fields accept the harmless variants and reject the rest,
 * so an answer that means the right thing is not thrown away (or re-asked) for its form.
 */
import { z } from "zod";

/** A trimmed, non-empty text cut to `maxChars` (a long answer is clipped, not refused). */
export function text(maxChars: number) {
  return z
    .string()
    .transform((s) => clip(s.trim(), maxChars))
    .refine((s) => s.length > 0, "expected a non-empty text");
}

/**
 * A whole number in [min, max]; numeric strings pass and fractions round. Out of range
 * fails, unless `clamp` (for scales where 12 of 10 plainly means "the most").
 */
export function wholeNumber(min: number, max: number, options: { clamp?: boolean } = {}) {
  return z
    .union([z.number(), z.string().regex(/^\s*-?\d+(\.\d+)?\s*$/, "expected a number").transform(Number)])
    .transform((n) => (options.clamp ? Math.min(max, Math.max(min, Math.round(n))) : Math.round(n)))
    .pipe(z.number().int().min(min).max(max));
}

const YES = new Set(["true", "yes", "y"]);
const NO = new Set(["false", "no", "n"]);

/** true / false, or the words yes / no. */
export const yesNo = z.union([
  z.boolean(),
  z
    .string()
    .transform((s) => s.trim().toLowerCase())
    .refine((s) => YES.has(s) || NO.has(s), "expected true or false")
    .transform((s) => YES.has(s)),
]);

/** A list of texts; a single text counts as a list of one. Empty items are dropped. */
export function textList(maxItems: number, maxChars: number) {
  return z
    .union([z.array(z.unknown()), z.string()])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .transform((items) =>
      items
        .filter((item): item is string | number => typeof item === "string" || typeof item === "number")
        .map((item) => clip(String(item).trim(), maxChars))
        .filter((item) => item.length > 0)
        .slice(0, maxItems),
    )
    .refine((items) => items.length > 0, "expected at least one item");
}

/** Memory ids as cited by the model: "n12", ["n12"], "[n12]" or "n12, n14" all read as ids. */
export const idList = z
  .union([z.array(z.unknown()), z.string(), z.null()])
  .optional()
  .transform((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]))
  .transform((items) =>
    items
      .filter((i): i is string | number => typeof i === "string" || typeof i === "number")
      .flatMap((i) => String(i).split(/[\s,;]+/))
      .map(cleanId)
      .filter((id) => id.length > 0),
  );

export function cleanId(raw: string | number): string {
  return String(raw).trim().replace(/^\[+|\]+$/g, "").trim();
}

/** Reads the first of `aliases` that is present as `key`, for models that rename a field. */
export function renamed(key: string, aliases: readonly string[]) {
  return (value: unknown): unknown => {
    if (typeof value !== "object" || value === null || key in value) return value;
    const record = value as Record<string, unknown>;
    const alias = aliases.find((a) => a in record);
    return alias === undefined ? value : { ...record, [key]: record[alias] };
  };
}

/** Keeps at most `maxChars`, cut at a word boundary when one is near. */
export function clip(s: string, maxChars: number): string {
  if (s.length <= maxChars) return s;
  const cut = s.slice(0, maxChars);
  const space = cut.lastIndexOf(" ");
  return (space > maxChars * 0.6 ? cut.slice(0, space) : cut).trimEnd() + "…";
}

/** Ids in `cited` that are among `given`, in order, without repeats. */
export function knownIds(cited: readonly string[], given: ReadonlyArray<{ id: string }>): string[] {
  const allowed = new Set(given.map((m) => m.id));
  return [...new Set(cited.filter((id) => allowed.has(id)))];
}
