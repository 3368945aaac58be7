/**
 * ScriptedMind: a small, deterministic mind for tests of the town. Every question gets
 * a plain, valid, fixed answer (see `scriptedAnswers`); tests may override any answer,
 * make any question fail (always, or a number of times before it recovers), and read
 * back every question the town asked, with its input.
 */
import type { Embedding } from "../agents/memory/embedding";
import type { Mind, PlanBlock, PoignancyInput } from "./mind";

export const SCRIPTED_MIND_LABEL = "scripted test mind";

/**
 * The name of every question of the Mind (the scripted mind has no whole conversations:
 * it talks line by line; and it reflects question by question).
 */
export type MindMethod = Exclude<keyof Mind, "label" | "deterministic" | "wholeConversation" | "reflection">;
export type MindInput<M extends MindMethod> = Parameters<Mind[M]>[0];
export type MindAnswer<M extends MindMethod> = Awaited<ReturnType<Mind[M]>>;
/** How a question is answered: from its input, now or later. */
export type Answerer<M extends MindMethod> = (input: MindInput<M>) => MindAnswer<M> | Promise<MindAnswer<M>>;
export type ScriptedAnswers = { [M in MindMethod]: Answerer<M> };

/** An Error: the question always fails. `{ times }`: it fails that many calls, then answers. */
export type ScriptedFailure = Error | { error?: Error; times: number };

/** One question the town asked. */
export type ScriptedCall = { [M in MindMethod]: { method: M; input: MindInput<M> } }[MindMethod];

export interface ScriptedMindOptions {
  label?: string;
  /** Answers that replace the scripted ones, per question. */
  answers?: Partial<ScriptedAnswers>;
  /** Questions that throw (reject), e.g. `{ decompose: new Error("boom") }` or `{ poignancy: { times: 2 } }`. */
  failing?: Partial<Record<MindMethod, ScriptedFailure>>;
  /** Wake-up minute of every agent (default 7:00, 420). */
  wakeMinute?: number;
  /** A conversation ends with its Nth line (default 4). */
  utteranceLines?: number;
  /** Length of every embedding (default 16). */
  embeddingDims?: number;
}

const BEDTIME = 23 * 60;
/** The waking day after the wake-up minute; whatever is left until midnight is sleep. */
const DAY: readonly PlanBlock[] = [
  { task: "get ready for the day", minutes: 60 },
  { task: "work", minutes: 240 },
  { task: "have lunch", minutes: 60 },
  { task: "work", minutes: 240 },
  { task: "have dinner", minutes: 60 },
];
const POIGNANCY: Record<PoignancyInput["kind"], number> = { event: 2, chat: 4, thought: 5 };

/**
 * The scripted answers: wake at `wakeMinute`; asleep until then, the DAY blocks until 11 pm,
 * asleep to midnight (1440 minutes); blocks split in three; the first known sector with an
 * arena, its first arena and object (it throws when nothing is known); poignancy by kind;
 * word-hash embeddings; talk only when they have not talked before; lines end with the
 * `utteranceLines`th, the first citing the first memory; insights cite the first two.
 */
export function scriptedAnswers(options: Pick<ScriptedMindOptions, "wakeMinute" | "utteranceLines" | "embeddingDims"> = {}): ScriptedAnswers {
  const wake = options.wakeMinute ?? 7 * 60;
  const lines = Math.max(1, options.utteranceLines ?? 4);
  const dims = options.embeddingDims ?? 16;
  const first = (name: string) => name.split(" ")[0];
  return {
    wakeUpMinute: () => wake,
    dailyPlan: ({ wakeMinute }) => [`wake up at ${clock(wakeMinute)}`, ...new Set(DAY.map((b) => b.task)), "go to bed at 11:00 pm"],
    hourlySchedule: ({ wakeMinute }) => daySchedule(wakeMinute),
    decompose: ({ task, minutes }) => thirds(task, minutes),
    actionPlace: ({ persona, task, known }) => {
      for (const [sector, arenas] of known) {
        for (const [arena, objects] of arenas) {
          const object = objects[0];
          const place = { sector, arena, ...(object !== undefined && { object }) };
          return { ...place, emoji: "🙂", event: [persona.name, "is", task], objectState: object ? "in use" : "" };
        }
      }
      throw new Error(`${persona.name} knows no place to go`);
    },
    poignancy: ({ kind }) => POIGNANCY[kind],
    poignancyBatch: ({ items }) => items.map(({ kind }) => POIGNANCY[kind]),
    embed: (texts) => texts.map((text) => hashVector(text, dims)),
    decideToTalk: ({ lastChat }) => lastChat === undefined,
    nextUtterance: ({ partner, transcript, memories }) => {
      const n = transcript.length + 1;
      const end = n >= lines;
      const text = n === 1 ? `Hello, ${first(partner)}.` : end ? `Goodbye, ${first(partner)}.` : `Line ${n} to ${first(partner)}.`;
      return { text, end, cites: n === 1 ? memories.slice(0, 1).map((m) => m.id) : [] };
    },
    summarizeConversation: ({ persona, partner }) => `${persona.firstName} had a chat with ${partner}.`,
    postChatThoughts: ({ persona, partner }) => ({
      planning: `${persona.firstName} could talk with ${partner} again.`,
      memo: `${persona.firstName} had a chat with ${partner}.`,
    }),
    reflectionQuestions: ({ persona }) => [`What has ${persona.firstName} been doing?`, `Who has ${persona.firstName} met?`, `What is next for ${persona.firstName}?`],
    insights: ({ persona, memories }) =>
      memories.length === 0 ? [] : [{ insight: `${persona.firstName} has been busy`, evidence: memories.slice(0, 2).map((m) => m.id) }],
    reviseIdentity: ({ persona, currently }) => currently.trim() || `${persona.firstName} is going about the day.`,
    interviewAnswer: ({ persona }) => `I'm ${persona.firstName}, a simulated resident of the Ville.`,
  };
}

export class ScriptedMind implements Mind {
  readonly label: string;
  /** Every question asked, in order (failed ones too). */
  readonly calls: ScriptedCall[] = [];
  private readonly answers: ScriptedAnswers;
  private readonly failures = new Map<MindMethod, ScriptedFailure>();

  constructor(options: ScriptedMindOptions = {}) {
    this.label = options.label ?? SCRIPTED_MIND_LABEL;
    this.answers = { ...scriptedAnswers(options), ...options.answers } as ScriptedAnswers;
    for (const [method, failure] of Object.entries(options.failing ?? {})) this.fail(method as MindMethod, failure);
  }

  /** Makes a question fail from now on (see ScriptedFailure); `undefined` heals it. */
  fail(method: MindMethod, failure: ScriptedFailure | undefined): void {
    if (failure === undefined || (!(failure instanceof Error) && failure.times <= 0)) this.failures.delete(method);
    else this.failures.set(method, failure instanceof Error ? failure : { ...failure });
  }

  /** The inputs of every call of one question, in order. */
  callsTo<M extends MindMethod>(method: M): MindInput<M>[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.input as MindInput<M>);
  }

  wakeUpMinute(ctx: MindInput<"wakeUpMinute">) { return this.run("wakeUpMinute", ctx); }
  dailyPlan(ctx: MindInput<"dailyPlan">) { return this.run("dailyPlan", ctx); }
  hourlySchedule(ctx: MindInput<"hourlySchedule">) { return this.run("hourlySchedule", ctx); }
  decompose(input: MindInput<"decompose">) { return this.run("decompose", input); }
  actionPlace(input: MindInput<"actionPlace">) { return this.run("actionPlace", input); }
  poignancy(input: MindInput<"poignancy">) { return this.run("poignancy", input); }
  poignancyBatch(input: MindInput<"poignancyBatch">) { return this.run("poignancyBatch", input); }
  embed(texts: string[]): Promise<Embedding[]> { return this.run("embed", texts); }
  decideToTalk(input: MindInput<"decideToTalk">) { return this.run("decideToTalk", input); }
  nextUtterance(input: MindInput<"nextUtterance">) { return this.run("nextUtterance", input); }
  summarizeConversation(input: MindInput<"summarizeConversation">) { return this.run("summarizeConversation", input); }
  postChatThoughts(input: MindInput<"postChatThoughts">) { return this.run("postChatThoughts", input); }
  reflectionQuestions(input: MindInput<"reflectionQuestions">) { return this.run("reflectionQuestions", input); }
  insights(input: MindInput<"insights">) { return this.run("insights", input); }
  reviseIdentity(input: MindInput<"reviseIdentity">) { return this.run("reviseIdentity", input); }
  interviewAnswer(input: MindInput<"interviewAnswer">) { return this.run("interviewAnswer", input); }

  /** Records the call, then fails it if scripted to, else answers it. */
  private async run<M extends MindMethod>(method: M, input: MindInput<M>): Promise<MindAnswer<M>> {
    this.calls.push({ method, input } as ScriptedCall);
    const failure = this.failures.get(method);
    if (failure instanceof Error) throw failure;
    if (failure) {
      if (--failure.times <= 0) this.failures.delete(method);
      throw failure.error ?? new Error(`scripted failure of ${method}`);
    }
    return (this.answers[method] as Answerer<M>)(input);
  }
}

/** Asleep until `wake`, the fixed day (cut at bedtime), asleep again: minutes sum to 1440. */
function daySchedule(wakeMinute: number): PlanBlock[] {
  const wake = Math.min(1439, Math.max(0, Math.round(wakeMinute)));
  const out: PlanBlock[] = wake > 0 ? [{ task: "sleeping", minutes: wake }] : [];
  let at = wake;
  for (const b of DAY) {
    const minutes = Math.min(b.minutes, BEDTIME - at);
    if (minutes <= 0) break;
    out.push({ ...b, minutes });
    at += minutes;
  }
  if (at < 1440) out.push({ task: "sleeping", minutes: 1440 - at });
  return out;
}

/** Three steps "task (1/3)".. whose minutes sum to the block's (the block itself when under 3 minutes). */
function thirds(task: string, minutes: number): PlanBlock[] {
  if (minutes < 3) return [{ task, minutes }];
  const third = Math.floor(minutes / 3);
  return [third, minutes - 2 * third, third].map((m, i) => ({ task: `${task} (${i + 1}/3)`, minutes: m }));
}

/** Words hashed (FNV-1a) into signed buckets, normalised; an empty text gets a unit vector. */
function hashVector(text: string, dims: number): number[] {
  const v = new Array<number>(dims).fill(0);
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    let h = 0x811c9dc5;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193) >>> 0;
    v[h % dims] += h & 0x80000000 ? -1 : 1;
  }
  const norm = Math.hypot(...v);
  return norm === 0 ? v.map((_, i) => (i === 0 ? 1 : 0)) : v.map((x) => x / norm);
}

function clock(minute: number): string {
  const h = Math.floor(minute / 60) % 24;
  return `${((h + 11) % 12) + 1}:${String(minute % 60).padStart(2, "0")} ${h < 12 ? "am" : "pm"}`;
}
