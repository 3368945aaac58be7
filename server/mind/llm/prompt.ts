/**
 * A prompt is a unit: it builds its messages from named input fields, says what
 * a valid answer looks like (a strict zod schema the model is asked to follow, and
 * a lenient one that reads what it wrote) and what to do when there is none (a
 * fail-safe value). The LLM client runs any unit the same way and returns a trace.
 */
import { z } from "zod";
import { repairJson } from "./json-repair";

export interface PromptMessages {
  system: string;
  user: string;
}

export interface PromptUnit<I, O> {
  /** The question's name, used as the usage-meter key (e.g. "daily_plan"). */
  name: string;
  build(input: I): PromptMessages;
  /**
   * The answer as the model should write it: an object, every field required, no
   * transforms. Its JSON schema goes to the server as structured output
   * (`response_format: json_schema`); it should pass `schema` whenever it passes this.
   */
  outputSchema: z.ZodObject;
  /** Reads (leniently: "7" for 7, "yes" for true...) and validates the parsed JSON answer. */
  schema: z.ZodType<O>;
  /** A sensible answer without the model, used when the model fails. */
  fallback(input: I): O;
  maxTokens?: number;
  temperature?: number;
}

/** What happened on one ask: enough to debug a bad answer or show it in a report. */
export interface PromptTrace<O> {
  prompt: PromptMessages;
  /** The model's last answer text; null when no answer arrived. */
  raw: string | null;
  /** The validated answer; null when the fallback was used. */
  parsed: O | null;
  usedFallback: boolean;
  /** True when the answer passed only after its JSON was repaired. */
  repaired: boolean;
  /** True when a first invalid answer led to a second ask. */
  reasked: boolean;
  /** Why the model's answer was not used (or what went wrong before a good re-ask). */
  error: string | null;
}

export type AnswerResult<O> =
  | { ok: true; value: O; repaired: boolean }
  | { ok: false; error: string };

const MAX_ISSUES_SHOWN = 5;

/** `response_format: json_schema` for a unit: its name and the JSON schema of its output schema. */
export interface JsonSchemaFormat {
  type: "json_schema";
  json_schema: { name: string; schema: Record<string, unknown>; strict: boolean };
}

const formats = new WeakMap<object, JsonSchemaFormat>();

/**
 * The unit's structured-output format, built once per unit with zod's own converter.
 * `strict` (OpenAI's guarantee that the answer follows the schema) only when the schema
 * meets its rules: every object closed and all of its fields required.
 */
export function jsonSchemaFormat(unit: Pick<PromptUnit<never, unknown>, "name" | "outputSchema">): JsonSchemaFormat {
  const known = formats.get(unit);
  if (known) return known;
  const { $schema: _dialect, ...schema } = z.toJSONSchema(unit.outputSchema, { target: "draft-7" }) as Record<string, unknown>;
  const format: JsonSchemaFormat = {
    type: "json_schema",
    json_schema: { name: unit.name.replace(/[^a-zA-Z0-9_-]/g, "_").slice(0, 64), schema, strict: isStrictSchema(schema) },
  };
  formats.set(unit, format);
  return format;
}

/** OpenAI's strict-mode rules: an object root; every object lists all its properties as required and allows no others. */
export function isStrictSchema(schema: unknown, root = true): boolean {
  if (typeof schema !== "object" || schema === null) return true;
  const node = schema as Record<string, unknown>;
  if (root && (node.type !== "object" || node.anyOf !== undefined)) return false;
  if (node.type === "object") {
    const keys = Object.keys((node.properties as object | undefined) ?? {});
    const required = new Set((node.required as string[] | undefined) ?? []);
    if (node.additionalProperties !== false || keys.some((k) => !required.has(k))) return false;
  }
  const children = [
    ...Object.values((node.properties as object | undefined) ?? {}),
    ...[node.items, ...((node.anyOf as unknown[] | undefined) ?? [])],
  ];
  return children.every((child) => isStrictSchema(child, false));
}

/**
 * Reads a model answer against a schema: strict JSON first, then repaired JSON.
 * On failure the error says what was wrong, worded so it can go back to the model.
 */
export function readAnswer<O>(raw: string | null, schema: z.ZodType<O>): AnswerResult<O> {
  if (raw === null || raw.trim() === "") return { ok: false, error: "the answer was empty" };
  const json = repairJson(raw);
  if (!json.ok) return { ok: false, error: `the answer was not JSON (${json.error})` };
  const checked = schema.safeParse(json.value);
  if (checked.success) return { ok: true, value: checked.data, repaired: json.repaired };
  return { ok: false, error: `the JSON did not match the expected shape: ${describeIssues(checked.error.issues)}` };
}

function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const shown = issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join(".") : "(root)";
    return `${where}: ${issue.message}`;
  });
  const more = issues.length > MAX_ISSUES_SHOWN ? ` (and ${issues.length - MAX_ISSUES_SHOWN} more)` : "";
  return shown.join("; ") + more;
}
