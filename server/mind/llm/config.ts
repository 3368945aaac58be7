/**
 * Mind configuration from environment variables, checked up front so a bad value
 * stops the server with one readable message instead of failing on the first prompt.
 */

export const MIND_KINDS = ["offline", "openai"] as const;
export type MindKind = (typeof MIND_KINDS)[number];

export const DEFAULT_MODEL = "gpt-4o-mini";
export const DEFAULT_EMBEDDING_MODEL = "text-embedding-3-small";
export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_TIMEOUT_MS = 30_000;

const CONCURRENCY_RANGE = { min: 1, max: 256 };
const TIMEOUT_MS_RANGE = { min: 100, max: 600_000 };

export interface MindConfig {
  mind: MindKind;
  /** Undefined for a local server that needs no key. */
  apiKey: string | undefined;
  /** Undefined means the official OpenAI endpoint. */
  baseURL: string | undefined;
  model: string;
  embeddingModel: string;
  concurrency: number;
  timeoutMs: number;
  /** Undefined means no budget: calls are never refused for cost. */
  budgetUsd: number | undefined;
}

export interface ConfigIssue {
  variable: string;
  problem: string;
}

/** Every invalid variable in one error, each with what is allowed. */
export class ConfigError extends Error {
  readonly issues: ConfigIssue[];
  constructor(issues: ConfigIssue[]) {
    const lines = issues.map((i) => `  ${i.variable}: ${i.problem}`);
    super(`Invalid mind configuration:\n${lines.join("\n")}`);
    this.name = "ConfigError";
    this.issues = issues;
  }
}

type Env = Record<string, string | undefined>;

/**
 * Reads the mind settings from `env` (pass `process.env`). Pure: no I/O.
 * Blank values count as unset. Throws ConfigError listing every bad variable.
 */
export function readMindConfig(env: Env): MindConfig {
  const issues: ConfigIssue[] = [];
  const get = (name: string) => blankToUndefined(env[name]);
  const apiKey = get("OPENAI_API_KEY");
  const baseURL = readUrl(get("OPENAI_BASE_URL"), issues);
  const mind = readMindKind(get("MIND"), apiKey, get("OPENAI_BASE_URL"), issues);
  const config: MindConfig = {
    mind,
    apiKey,
    baseURL,
    model: get("OPENAI_MODEL") ?? DEFAULT_MODEL,
    embeddingModel: get("OPENAI_EMBEDDING_MODEL") ?? DEFAULT_EMBEDDING_MODEL,
    concurrency: readInt("MIND_CONCURRENCY", get("MIND_CONCURRENCY"), DEFAULT_CONCURRENCY, CONCURRENCY_RANGE, issues),
    timeoutMs: readInt("MIND_TIMEOUT_MS", get("MIND_TIMEOUT_MS"), DEFAULT_TIMEOUT_MS, TIMEOUT_MS_RANGE, issues),
    budgetUsd: readBudget(get("TOWN_BUDGET_USD"), issues),
  };
  if (issues.length > 0) throw new ConfigError(issues);
  return config;
}

function blankToUndefined(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function readMindKind(raw: string | undefined, apiKey: string | undefined, baseURL: string | undefined, issues: ConfigIssue[]): MindKind {
  if (raw === undefined) return apiKey || baseURL ? "openai" : "offline";
  const kind = raw.toLowerCase();
  if (!(MIND_KINDS as readonly string[]).includes(kind)) {
    issues.push({ variable: "MIND", problem: `"${raw}" is not allowed; use one of: ${MIND_KINDS.join(", ")}` });
    return "offline";
  }
  if (kind === "openai" && !apiKey && !baseURL) {
    issues.push({
      variable: "MIND",
      problem: "openai needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local server such as Ollama); set one, or use MIND=offline",
    });
  }
  return kind as MindKind;
}

function readUrl(raw: string | undefined, issues: ConfigIssue[]): string | undefined {
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    issues.push({ variable: "OPENAI_BASE_URL", problem: `"${raw}" is not a URL; expected e.g. http://127.0.0.1:11434/v1` });
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    issues.push({ variable: "OPENAI_BASE_URL", problem: `"${raw}" must use http or https` });
    return undefined;
  }
  return raw.replace(/\/+$/, "");
}

function readInt(name: string, raw: string | undefined, fallback: number, range: { min: number; max: number }, issues: ConfigIssue[]): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < range.min || value > range.max) {
    issues.push({ variable: name, problem: `"${raw}" is not allowed; use a whole number from ${range.min} to ${range.max}` });
    return fallback;
  }
  return value;
}

function readBudget(raw: string | undefined, issues: ConfigIssue[]): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    issues.push({ variable: "TOWN_BUDGET_USD", problem: `"${raw}" is not allowed; use a positive amount in US dollars, e.g. 2.50` });
    return undefined;
  }
  return value;
}
