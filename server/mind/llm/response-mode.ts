/**
 * How answers are asked for, best first: `json_schema` (structured output with the
 * unit's JSON schema: OpenAI, vLLM, Ollama), `json_object` (JSON mode), `text` (no
 * `response_format`; the answer is read with repair). Each client starts at the best
 * and, on its first answer, steps down for good past the modes its server rejected with a 400.
 */
import type { ChatCompletionCreateParamsNonStreaming } from "openai/resources/chat/completions";
import { jsonSchemaFormat, type PromptUnit } from "./prompt";

export type ResponseMode = "json_schema" | "json_object" | "text";
const MODES: readonly ResponseMode[] = ["json_schema", "json_object", "text"];

/** The request fields of a response mode. */
export function formatFor(unit: PromptUnit<never, unknown>, mode: ResponseMode): Pick<ChatCompletionCreateParamsNonStreaming, "response_format"> {
  if (mode === "json_schema") return { response_format: jsonSchemaFormat(unit) };
  if (mode === "json_object") return { response_format: { type: "json_object" } };
  return {};
}

/** The mode after `mode` (text is the last). */
export function nextMode(mode: ResponseMode): ResponseMode {
  return MODES[Math.min(MODES.length - 1, MODES.indexOf(mode) + 1)];
}
