/**
 * LlmMind: the Mind on a language model. Each method asks one prompt unit through the
 * LlmClient (limiter, retries, structured output, JSON repair, one re-ask, usage meter) and then checks
 * the answer against the world: schedules cover the day, decompositions fit their
 * block, places exist in the agent's spatial memory, cited ids were given, interviews
 * never claim to be human. When the model gives no usable answer, the fallback mind
 * (the offline rules) answers instead; if that fails too, the unit's own fail-safe.
 */
import { LRUCache } from "lru-cache";
import type { Embedding } from "../agents/memory/embedding";
import { hashEmbed } from "../agents/memory/embedding";
import type { Persona } from "../sim/scenario";
import type { MindConfig } from "./llm/config";
import { EmbeddingError, type LlmClient } from "./llm/llm-client";
import type { PromptUnit } from "./llm/prompt";
import type { ContentStream } from "./llm/streaming";
import type { UsageMeter } from "./llm/usage";
import { OPENAI_DEFAULT_URL } from "./llm/verify";
import type {
  ChatSummaryInput, DayContext, DecomposeInput, InsightAnswer, InterviewInput, LineStream, MemoryRef, Mind, PlaceAnswer,
  PlaceInput, PlanBlock, PoignancyInput, TalkInput, UtteranceAnswer, UtteranceInput,
} from "./mind";
import { LlmPlaces } from "./llm-places";
import { chatSummaryUnit, type ScoredSummary } from "./prompts/chat-summary";
import { decideToTalkUnit } from "./prompts/decide-to-talk";
import { decomposeUnit, fitSteps } from "./prompts/decompose";
import { dailyPlanUnit } from "./prompts/daily-plan";
import { hourlyScheduleUnit, isSleep, SLEEPING, spreadPlan, toSchedule } from "./prompts/hourly-schedule";
import { insightsUnit, keepGrounded } from "./prompts/insights";
import { enforceNotHuman, interviewUnit } from "./prompts/interview";
import { poignancyUnit } from "./prompts/poignancy";
import { postChatUnit } from "./prompts/post-chat";
import { reflectionQuestionsUnit } from "./prompts/reflection-questions";
import { reviseIdentityUnit } from "./prompts/revise-identity";
import { cleanUtterance, utteranceStream, utteranceUnit } from "./prompts/utterance";
import { wakeUpUnit } from "./prompts/wake-up";

/** Blocks this short are done as they are: asking would cost more than it tells. */
const MIN_DECOMPOSE_MINUTES = 15;
const ANSWER_CACHE_SIZE = 2_000;

export interface LlmMindOptions {
  client: LlmClient;
  config: Pick<MindConfig, "model" | "baseURL">;
  /** Answers when the model cannot (usually `new OfflineMind(seed)`). */
  fallbackMind?: Mind;
  /** Told once when embeddings fall back to the local hash embedder. */
  warn?(message: string): void;
}

export class LlmMind implements Mind {
  readonly label: string;
  private readonly client: LlmClient;
  private readonly fallbackMind: Mind | undefined;
  private readonly warn: (message: string) => void;
  private warnedEmbedding = false;
  private readonly places: LlmPlaces;
  /** Same agent, same memory text: the same importance, asked once (events recur). */
  private readonly poignancyCache = new LRUCache<string, number>({ max: ANSWER_CACHE_SIZE });

  constructor(options: LlmMindOptions) {
    this.client = options.client;
    this.fallbackMind = options.fallbackMind;
    this.warn = options.warn ?? ((message) => console.warn(message));
    this.label = mindLabel(options.config);
    this.places = new LlmPlaces(this.client, (answer) => this.fromFallback(answer));
  }

  /** Calls, tokens, failures and cost per question and per agent. */
  get usage(): UsageMeter {
    return this.client.meter;
  }

  async wakeUpMinute(ctx: DayContext): Promise<number> {
    return this.ask(wakeUpUnit, ctx, ctx.persona, (m) => m.wakeUpMinute(ctx));
  }

  async dailyPlan(ctx: DayContext & { wakeMinute: number }): Promise<string[]> {
    return this.ask(dailyPlanUnit, ctx, ctx.persona, (m) => m.dailyPlan(ctx));
  }

  async hourlySchedule(ctx: DayContext & { wakeMinute: number; dailyPlan: string[] }): Promise<PlanBlock[]> {
    const { value, trace } = await this.client.ask(hourlyScheduleUnit, ctx, { agent: ctx.persona.name });
    const blocks = trace.usedFallback ? [] : toSchedule(value, ctx.wakeMinute);
    if (blocks.some((b) => b.task !== SLEEPING)) return blocks; // a day asleep is no answer
    const offline = await this.fromFallback((m) => m.hourlySchedule(ctx));
    return offline && sumMinutes(offline) === 1440 ? offline : spreadPlan(ctx.persona.lifestyle, ctx.wakeMinute, ctx.dailyPlan);
  }

  async decompose(input: DecomposeInput): Promise<PlanBlock[]> {
    if (isSleep(input.task) || input.minutes <= MIN_DECOMPOSE_MINUTES) return [{ task: input.task, minutes: input.minutes }];
    const { value, trace } = await this.client.ask(decomposeUnit, input, { agent: input.persona.name });
    const fitted = trace.usedFallback ? [] : fitSteps(value, input.minutes);
    const steps = fitted.length > 0 ? fitted : await this.fallbackDecomposition(input);
    this.places.noteDecomposition(input.persona.name, input.task, steps.map((s) => s.task));
    return steps;
  }

  /** See LlmPlaces: cached answers, places planned per block, then one question. */
  async actionPlace(input: PlaceInput): Promise<PlaceAnswer> {
    return this.places.place(input);
  }

  /**
   * Cached per agent and text. Insights and chat summaries come with their importance,
   * stored here, so the caller's next question about them costs no call.
   */
  async poignancy(input: PoignancyInput): Promise<number> {
    const key = poignancyKey(input.persona, input.kind, input.description);
    const cached = this.poignancyCache.get(key);
    if (cached !== undefined) return cached;
    const { value, fromModel } = await this.askTraced(poignancyUnit, input, input.persona, (m) => m.poignancy(input));
    if (fromModel) this.poignancyCache.set(key, value);
    return value;
  }

  /**
   * Model embeddings; when they fail, hashed embeddings for the whole call, so one call
   * never mixes lengths. Vectors of different lengths score 0 in `cosine`, so memories
   * embedded during an outage are found by recency and importance only until it ends.
   */
  async embed(texts: string[]): Promise<Embedding[]> {
    if (texts.length === 0) return [];
    try {
      return await this.client.embed(texts);
    } catch (error) {
      if (!(error instanceof EmbeddingError)) throw error;
      if (!this.warnedEmbedding) {
        this.warnedEmbedding = true;
        this.warn(`Embeddings failed (${error.message}); using local hashed embeddings for such calls.`);
      }
      return texts.map((text) => hashEmbed(text));
    }
  }

  async decideToTalk(input: TalkInput): Promise<boolean> {
    return this.ask(decideToTalkUnit, input, input.persona, (m) => m.decideToTalk(input));
  }

  /**
   * With `stream`, the model's answer is streamed and `stream` is told the line so far
   * each time it grows (cleaned as the answer will be); after a failed attempt the next
   * one starts over. The answer is the same as without `stream`, and it is the last
   * word: when the fallback answers, it may differ from all that was streamed.
   */
  async nextUtterance(input: UtteranceInput, stream?: LineStream): Promise<UtteranceAnswer> {
    const onContent = stream && utteranceStream(input, stream);
    const line = cleanUtterance(await this.ask(utteranceUnit, input, input.persona, (m) => m.nextUtterance(input, stream), onContent), input);
    // A person may ask whether the resident is human: the line never says so.
    const asked = input.transcript[input.transcript.length - 1]?.text ?? "";
    return { ...line, text: enforceNotHuman(line.text, { persona: input.persona, question: asked }) };
  }

  async summarizeConversation(input: ChatSummaryInput): Promise<string> {
    const { value, fromModel } = await this.askTraced<ChatSummaryInput, ScoredSummary>(chatSummaryUnit, input, input.persona, async (m) => ({
      summary: await m.summarizeConversation(input),
    }));
    if (fromModel) this.rememberImportance(input.persona, "chat", value.summary, value.importance);
    return value.summary;
  }

  async postChatThoughts(input: ChatSummaryInput): Promise<{ planning: string; memo: string }> {
    return this.ask(postChatUnit, input, input.persona, (m) => m.postChatThoughts(input));
  }

  async reflectionQuestions(input: { persona: Persona; memories: MemoryRef[] }): Promise<string[]> {
    return this.ask(reflectionQuestionsUnit, input, input.persona, (m) => m.reflectionQuestions(input));
  }

  async insights(input: { persona: Persona; question: string; memories: MemoryRef[] }): Promise<InsightAnswer[]> {
    const { value, fromModel } = await this.askTraced(insightsUnit, input, input.persona, (m) => m.insights(input));
    const grounded = keepGrounded(value, input.memories);
    if (fromModel) for (const i of grounded) this.rememberImportance(input.persona, "thought", i.insight, i.importance);
    return grounded.map(({ insight, evidence }) => ({ insight, evidence }));
  }

  async reviseIdentity(input: { persona: Persona; currently: string; memories: MemoryRef[]; dayStartMs: number }): Promise<string> {
    return this.ask(reviseIdentityUnit, input, input.persona, (m) => m.reviseIdentity(input));
  }

  async interviewAnswer(input: InterviewInput): Promise<string> {
    const answer = await this.ask(interviewUnit, input, input.persona, (m) => m.interviewAnswer(input));
    return enforceNotHuman(answer, input);
  }

  /** The rules' split when it fits the block, else the block as one step. */
  private async fallbackDecomposition(input: DecomposeInput): Promise<PlanBlock[]> {
    const offline = await this.fromFallback((m) => m.decompose(input));
    return offline && offline.length > 0 && sumMinutes(offline) === input.minutes ? offline : [{ task: input.task, minutes: input.minutes }];
  }

  private rememberImportance(persona: Persona, kind: PoignancyInput["kind"], description: string, importance: number | undefined): void {
    if (importance !== undefined) this.poignancyCache.set(poignancyKey(persona, kind, description), importance);
  }

  private async ask<I, O>(unit: PromptUnit<I, O>, input: I, persona: Persona, offline: (mind: Mind) => Promise<O>, stream?: ContentStream): Promise<O> {
    return (await this.askTraced(unit, input, persona, offline, stream)).value;
  }

  /**
   * Asks `unit`; when the model gave no usable answer, the fallback mind's answer, and
   * when that fails as well, the unit's fail-safe (already in `value`).
   */
  private async askTraced<I, O>(
    unit: PromptUnit<I, O>, input: I, persona: Persona, offline: (mind: Mind) => Promise<O>, stream?: ContentStream,
  ): Promise<Answer<O>> {
    const { value, trace } = await this.client.ask(unit, input, { agent: persona.name, stream });
    if (!trace.usedFallback) return { value, fromModel: true };
    return { value: (await this.fromFallback(offline)) ?? value, fromModel: false };
  }

  /** The fallback mind's answer, or undefined when there is none or it fails. */
  private async fromFallback<O>(answer: (mind: Mind) => Promise<O>): Promise<O | undefined> {
    if (!this.fallbackMind) return undefined;
    try {
      return await answer(this.fallbackMind);
    } catch {
      return undefined; // the unit's fail-safe stands
    }
  }
}

interface Answer<O> {
  value: O;
  /** False when a fallback answered. */
  fromModel: boolean;
}

/** `language model (gpt-4o-mini via https://api.openai.com/v1)`: no key, no credentials in the URL. */
export function mindLabel(config: Pick<MindConfig, "model" | "baseURL">): string {
  return `language model (${config.model} via ${publicUrl(config.baseURL ?? OPENAI_DEFAULT_URL)})`;
}

function publicUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}`;
  } catch {
    return "a custom server";
  }
}

function poignancyKey(persona: Persona, kind: PoignancyInput["kind"], description: string): string {
  return [persona.name, kind, description].join("\u0000");
}

function sumMinutes(blocks: readonly PlanBlock[]): number {
  return blocks.reduce((sum, b) => sum + b.minutes, 0);
}
