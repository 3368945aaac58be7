/**
 * A scenario: who lives in the town, where they wake up, whom they know, and which facts
 * are planted in whose memory at the start. Pure: parses already-read JSON; the loader
 * (`server/scenarios.ts`) does the file I/O.
 */
import { z } from "zod";
import { slugOf } from "../../shared/constants";
import { parseLifestyle } from "./lifestyle";

export const DEFAULT_PERCEPTION = 8;

/** `world:sector:arena`, each part non-empty and free of `:`. */
const arenaAddress = z.string().refine((s) => {
  const parts = s.split(":");
  return parts.length === 3 && parts.every((p) => p.trim() !== "" && p === p.trim());
}, 'expected an arena address "the Ville:<sector>:<arena>"');

const text = z.string().trim().min(1, "expected a non-empty text");
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected lower-case letters, digits and '-'");
const perception = z.number().int().min(1).max(50).default(DEFAULT_PERCEPTION);

const innateTraits = text.refine((s) => {
  const traits = s.split(",").map((t) => t.trim());
  return traits.length >= 3 && traits.length <= 5 && traits.every((t) => t !== "");
}, "expected 3 to 5 comma-separated traits");

/** The lifestyle must carry bed, wake-up and meal times the offline mind can read. */
const lifestyle = text.superRefine((s, ctx) => {
  const read = parseLifestyle(s);
  if (!read.ok) for (const problem of read.problems) ctx.addIssue({ code: "custom", message: problem });
});

export const RelationshipSchema = z.strictObject({
  name: text,
  relation: text,
  note: text,
  /** The person is not a resident of this scenario (family far away, an old friend). */
  external: z.boolean().optional(),
});

export const PersonaSchema = z.strictObject({
  name: text,
  firstName: text,
  lastName: text,
  age: z.number().int().min(0).max(120),
  innate: innateTraits,
  learned: text,
  currently: text,
  lifestyle,
  livingArea: arenaAddress,
  dailyPlanRequirement: text,
  sprite: z.string().regex(/^[a-z0-9_]+$/, "expected a sprite slug like isabella_rodriguez"),
  start: arenaAddress,
  relationships: z.array(RelationshipSchema),
  vision: perception,
  attention: perception,
  retention: perception,
});

export const PlantedFactSchema = z.strictObject({
  id: slug,
  holder: text,
  text,
  keywords: z.array(text).min(1, "expected at least one keyword"),
  /** When the news is of a gathering: where and when, so a report can tell who came. */
  event: z
    .strictObject({
      sector: text,
      start: z.iso.datetime({ message: "expected an ISO UTC date" }),
      end: z.iso.datetime({ message: "expected an ISO UTC date" }),
    })
    .optional(),
});

export const ScenarioSchema = z.strictObject({
  name: slug,
  title: text,
  map: z.string().regex(/^[a-z0-9_-]+$/, "expected a map name like ville"),
  /** Game time is UTC; an offset is refused so every reader agrees on midnight. */
  startDate: z.iso.datetime({ message: "expected an ISO UTC date like 2023-02-13T00:00:00Z" }),
  personas: z.array(PersonaSchema).min(1, "expected at least one persona"),
  facts: z.array(PlantedFactSchema),
});

export type Scenario = z.output<typeof ScenarioSchema>;
export type Persona = z.output<typeof PersonaSchema>;
export type Relationship = z.output<typeof RelationshipSchema>;
export type PlantedFact = z.output<typeof PlantedFactSchema>;

/** A scenario that does not validate; `problems` are "path: what is wrong" lines. */
export class ScenarioError extends Error {
  constructor(
    readonly scenario: string,
    readonly problems: string[],
  ) {
    super(problems.map((p) => `scenario ${scenario}: ${p}`).join("\n"));
    this.name = "ScenarioError";
  }
}

/**
 * Validate raw JSON as a scenario: shape and types first, then the links between
 * fields (unique names, relationships and fact holders that exist, sprite slugs).
 * `source` names the scenario in errors when the JSON has no usable `name`.
 * Throws ScenarioError; returns the scenario with perception defaults filled in.
 */
export function parseScenario(json: unknown, source?: string): Scenario {
  const label = scenarioLabel(json, source);
  const shape = ScenarioSchema.safeParse(json);
  if (!shape.success) throw new ScenarioError(label, shape.error.issues.map((i) => describeIssue(i, json)));
  const problems = crossCheck(shape.data);
  if (problems.length > 0) throw new ScenarioError(label, problems);
  return shape.data;
}

/**
 * Places the map must hold for this scenario: each persona's living area and start.
 * `hasPlace` answers for an address key such as `the Ville:Hobbs Cafe:cafe`.
 * Returns one problem line per unknown address (empty when all are known).
 */
export function checkScenarioAgainstPlaces(s: Scenario, hasPlace: (addressKey: string) => boolean): string[] {
  const problems: string[] = [];
  s.personas.forEach((p, i) => {
    for (const field of ["livingArea", "start"] as const) {
      if (!hasPlace(p[field])) problems.push(`personas[${i}].${field}: ${p.name}'s "${p[field]}" is not a place on the map`);
    }
  });
  return problems;
}

/** Split an arena address into its parts (already validated by the schema). */
export function arenaParts(address: string): { world: string; sector: string; arena: string } {
  const [world, sector, arena] = address.split(":");
  return { world, sector, arena };
}

function scenarioLabel(json: unknown, source?: string): string {
  const name = (json as { name?: unknown } | null)?.name;
  if (typeof name === "string" && name.trim() !== "") return name;
  return source ?? "(unnamed)";
}

/** Links between fields that the shape alone cannot check. */
function crossCheck(s: Scenario): string[] {
  const problems: string[] = [];
  const firstIndex = new Map<string, number>();
  s.personas.forEach((p, i) => {
    const at = `personas[${i}]`;
    const seen = firstIndex.get(p.name);
    if (seen !== undefined) problems.push(`${at}.name: "${p.name}" is already used by personas[${seen}]`);
    else firstIndex.set(p.name, i);
    if (p.name !== `${p.firstName} ${p.lastName}`) problems.push(`${at}.name: expected "${p.firstName} ${p.lastName}" (firstName lastName)`);
    if (p.sprite !== slugOf(p.name)) problems.push(`${at}.sprite: expected "${slugOf(p.name)}" for ${p.name}`);
  });
  s.personas.forEach((p, i) => problems.push(...checkRelationships(p, `personas[${i}]`, firstIndex)));
  problems.push(...checkFacts(s.facts, firstIndex));
  return problems;
}

function checkRelationships(p: Persona, at: string, residents: Map<string, number>): string[] {
  const problems: string[] = [];
  const named = new Set<string>();
  p.relationships.forEach((r, j) => {
    const path = `${at}.relationships[${j}].name`;
    if (r.name === p.name) problems.push(`${path}: ${p.name} cannot have a relationship with themself`);
    else if (named.has(r.name)) problems.push(`${path}: "${r.name}" is listed twice`);
    else if (r.external && residents.has(r.name)) problems.push(`${path}: "${r.name}" is a resident, so external must not be set`);
    else if (!r.external && !residents.has(r.name)) problems.push(`${path}: "${r.name}" is not a persona of this scenario (set external: true for an outsider)`);
    named.add(r.name);
  });
  return problems;
}

function checkFacts(facts: PlantedFact[], residents: Map<string, number>): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  facts.forEach((f, k) => {
    if (ids.has(f.id)) problems.push(`facts[${k}].id: "${f.id}" is used twice`);
    ids.add(f.id);
    if (!residents.has(f.holder)) problems.push(`facts[${k}].holder: "${f.holder}" is not a persona of this scenario`);
  });
  return problems;
}

const TYPE_WORDS: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "a text",
  boolean: "true or false",
  array: "a list",
  object: "an object",
};

/** One zod issue as "personas[1].age: expected a number". */
function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const path = formatPath(issue.path);
  const prefix = path === "" ? "" : `${path}: `;
  switch (issue.code) {
    case "invalid_type": {
      const want = TYPE_WORDS[issue.expected] ?? issue.expected;
      const got = valueAt(input, issue.path);
      return `${prefix}expected ${want}, ${got === undefined ? "but it is missing" : `got ${kindOf(got)}`}`;
    }
    case "unrecognized_keys":
      return `${prefix}unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_value":
      return `${prefix}expected ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}`;
    default:
      return `${prefix}${issue.message}`;
  }
}

/** ["personas", 1, "age"] -> "personas[1].age" */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join("");
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let here: unknown = input;
  for (const key of path) {
    if (here === null || typeof here !== "object") return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * The first `n` residents of a scenario, as a smaller town of the same people (for
 * scaling runs): relationships with the others become external, facts whose holder is
 * left out are dropped.
 */
export function firstResidents(scenario: Scenario, n: number): Scenario {
  if (!Number.isInteger(n) || n < 1) throw new ScenarioError(scenario.name, [`residents: expected a whole number from 1, got ${n}`]);
  if (n >= scenario.personas.length) return scenario;
  const personas = scenario.personas.slice(0, n);
  const kept = new Set(personas.map((p) => p.name));
  return {
    ...scenario,
    title: `${scenario.title} (the first ${n})`,
    personas: personas.map((p) => ({ ...p, relationships: p.relationships.map((r) => (kept.has(r.name) || r.external ? r : { ...r, external: true })) })),
    facts: scenario.facts.filter((f) => kept.has(f.holder)),
  };
}
