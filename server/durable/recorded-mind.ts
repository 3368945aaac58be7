/**
 * Record and replay of a mind's answers. Every question a town asks is keyed by the
 * method and a hash of its input; the recording mind passes each answer it used to a
 * sink (the town's answers log), and the replaying mind answers from those records
 * without asking anyone. A question the records do not hold (a fork that went another
 * way) goes to the real mind, and is recorded in turn.
 */
import { createHash } from "node:crypto";
import type { Mind } from "../mind/mind";
import type { AnswerEntry } from "../store/entries";

/** The questions of the Mind interface (everything but `label`). */
export const MIND_QUESTIONS = [
  "wakeUpMinute", "dailyPlan", "hourlySchedule", "decompose", "actionPlace", "poignancy", "poignancyBatch", "embed", "decideToTalk",
  "nextUtterance", "wholeConversation", "summarizeConversation", "postChatThoughts", "reflectionQuestions", "insights", "reflection", "reviseIdentity", "interviewAnswer",
] as const satisfies readonly Exclude<keyof Mind, "label" | "deterministic">[];
type Question = (typeof MIND_QUESTIONS)[number];
const QUESTIONS: ReadonlySet<string> = new Set(MIND_QUESTIONS);

/** JSON with sorted object keys; Maps and Sets keep their order, typed arrays become arrays. */
export function stableJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

function canonical(v: unknown): unknown {
  if (v === null || typeof v !== "object") return v;
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
  if (Array.isArray(v)) return v.map(canonical);
  if (v instanceof Map) return { $map: [...v].map(([k, x]) => [canonical(k), canonical(x)]) };
  if (v instanceof Set) return { $set: [...v].map(canonical) };
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined && typeof x !== "function") out[k] = canonical(x);
  }
  return out;
}

/** The key of one question: its input, hashed. */
export function inputHash(question: string, input: unknown): string {
  return createHash("sha256").update(question).update("\0").update(stableJson(input)).digest("hex").slice(0, 32);
}

/** An answer as plain JSON, the form it is stored and replayed in (typed arrays become arrays). */
function plain(answer: unknown): unknown {
  return answer === undefined ? null : JSON.parse(stableJson(answer));
}

export type AnswerSink = (question: string, hash: string, answer: unknown) => void;

/** A mind that tells `sink` every answer `inner` gives. */
export function recordingMind(inner: Mind, sink: AnswerSink): Mind {
  return wrap(inner, (question, args, ask) => {
    const hash = inputHash(question, args[0]);
    return ask().then((answer) => {
      sink(question, hash, plain(answer));
      return answer;
    });
  });
}

/** Recorded answers by question and input, each used once, in the order they were given. */
export class AnswerBook {
  private readonly byKey = new Map<string, unknown[]>();
  hits = 0;
  misses = 0;

  /** Entries asked after step `afterStep` (a run re-simulated from a snapshot at that step). */
  constructor(entries: readonly AnswerEntry[], afterStep = -1) {
    for (const e of entries) {
      if (e.step <= afterStep) continue;
      const key = `${e.q}\0${e.h}`;
      const list = this.byKey.get(key);
      if (list) list.push(e.a);
      else this.byKey.set(key, [e.a]);
    }
  }

  take(question: string, hash: string): { found: true; answer: unknown } | { found: false } {
    const list = this.byKey.get(`${question}\0${hash}`);
    if (!list || list.length === 0) {
      this.misses++;
      return { found: false };
    }
    this.hits++;
    return { found: true, answer: list.shift() };
  }
}

/**
 * Answers from `book`; what it lacks goes to `inner` and is told to `sink`, so a fork
 * records its own new answers. Recorded answers are passed on to `sink` too: the
 * replayed run's log is then complete by itself.
 */
export function replayingMind(inner: Mind, book: AnswerBook, sink?: AnswerSink): Mind {
  return wrap(inner, (question, args, ask) => {
    const hash = inputHash(question, args[0]);
    const recorded = book.take(question, hash);
    const answer = recorded.found ? Promise.resolve(recorded.answer) : ask().then(plain);
    return answer.then((a) => {
      sink?.(question, hash, a);
      return a;
    });
  });
}

type Around = (question: Question, args: unknown[], ask: () => Promise<unknown>) => Promise<unknown>;

function wrap(inner: Mind, around: Around): Mind {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof prop !== "string" || !QUESTIONS.has(prop) || typeof value !== "function") return value;
      return (...args: unknown[]) => around(prop as Question, args, () => Promise.resolve((value as (...a: unknown[]) => unknown).apply(target, args)));
    },
  });
}
