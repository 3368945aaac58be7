/**
 * A prompt is a unit: it builds its messages from named input fields, says what
 * a valid answer looks like (a zod schema) and what to do when there is none (a
 * fail-safe value). The LLM client runs any unit the same way and returns a trace.
 */
import type { z } from "zod";
import { repairJson } from "./json-repair";

export interface PromptMessages {
  system: string;
  user: string;
}

export interface PromptUnit<I, O> {
  /** The question's name, used as the usage-meter key (e.g. "daily_plan"). */
  name: string;
  build(input: I): PromptMessages;
  /** Validates (and may coerce) the parsed JSON answer. */
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
