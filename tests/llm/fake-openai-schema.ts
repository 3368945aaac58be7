/**
 * The fake server's checks of structured output, as OpenAI makes them: a `json_schema`
 * format it would refuse (a bad name, no object schema, not strict when it says so),
 * and an answer that does not fit its schema.
 */
import { z } from "zod";

export interface JsonSchemaFormat {
  name?: string;
  schema?: unknown;
  strict?: boolean;
}

/** What OpenAI would refuse in a `json_schema` format, or null. */
export function jsonSchemaProblem(format: JsonSchemaFormat | undefined): string | null {
  if (!format || typeof format.name !== "string" || !/^[a-zA-Z0-9_-]{1,64}$/.test(format.name)) return "json_schema.name must match ^[a-zA-Z0-9_-]{1,64}$";
  const schema = format.schema as Record<string, unknown> | undefined;
  if (typeof schema !== "object" || schema === null || schema.type !== "object") return `schema of '${format.name}' must be an object schema`;
  if (format.strict) {
    const problem = strictProblem(schema, "(root)");
    if (problem) return `'${format.name}' is not strict: ${problem}`;
  }
  return null;
}

/** OpenAI's strict-mode rules: every object closed and every one of its properties required. */
function strictProblem(node: unknown, path: string): string | null {
  if (typeof node !== "object" || node === null) return null;
  const schema = node as Record<string, unknown>;
  if (schema.type === "object") {
    if (schema.additionalProperties !== false) return `${path}: additionalProperties must be false`;
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    const properties = (schema.properties ?? {}) as Record<string, unknown>;
    for (const [name, child] of Object.entries(properties)) {
      if (!required.has(name)) return `${path}.${name}: every property must be required`;
      const problem = strictProblem(child, `${path}.${name}`);
      if (problem) return problem;
    }
  }
  const branches = [schema.items, ...(Array.isArray(schema.anyOf) ? schema.anyOf : [])];
  for (const branch of branches) {
    const problem = strictProblem(branch, `${path}[]`);
    if (problem) return problem;
  }
  return null;
}

const schemaReaders = new Map<string, z.ZodType>();

/** Why `content` does not fit `schema`, or null when it does. */
export function misfit(schema: unknown, content: string): string | null {
  const key = JSON.stringify(schema);
  let reader = schemaReaders.get(key);
  if (!reader) {
    try {
      reader = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
    } catch (error) {
      return `the schema could not be read: ${(error as Error).message}`;
    }
    schemaReaders.set(key, reader);
  }
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return "not JSON";
  }
  const checked = reader.safeParse(value);
  return checked.success ? null : checked.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
}
