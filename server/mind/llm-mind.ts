/**
 * LlmMind: the Mind on a language model. Each method asks one prompt unit through the
 * LlmClient (limiter, retries, structured output, JSON repair, one re-ask, usage meter)
 * and then checks the answer against the world: schedules cover the day, decompositions
 * fit their block, places exist in the agent's spatial memory, cited ids were given,
 * interviews never claim to be human. When the model gives no usable answer, the
 * fallback mind (the offline rules) answers; if that fails too, the unit's fail-safe.
 * Calls are saved where the answer is known or can come with another: importance as in
 * LlmImportance, two residents' conversation in one answer with both sides' notes,
 * post-chat notes with the summary, a reflection's questions and insights in one
 * answer, planning as in LlmPlans, places as in LlmPlaces.
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
  ChatSummaryInput, ChatTurn, ConversationInput, DayContext, DecomposeInput, InsightAnswer, InterviewInput, LineStream, MemoryRef, Mind, PlaceAnswer,
  PlaceInput, PlanBlock, PoignancyBatchInput, PoignancyInput, ReflectionResult, ScriptLine, TalkInput, UtteranceAnswer, UtteranceInput,
} from "./mind";
import { LlmImportance } from "./llm-importance";
import { LlmPlaces } from "./llm-places";
import { LlmPlans } from "./llm-plans";
import { chatSummaryUnit, type ScoredSummary } from "./prompts/chat-summary";
import { decideToTalkUnit } from "./prompts/decide-to-talk";
import { insightsUnit, keepGrounded } from "./prompts/insights";
import { enforceNotHuman, interviewUnit } from "./prompts/interview";
import { conversationUnit, notesBySide, toScript, type SideNotes } from "./prompts/conversation";
import { postChatUnit } from "./prompts/post-chat";
import { byQuestion, reflectionUnit, shownMemories } from "./prompts/reflection";
import { reflectionQuestionsUnit } from "./prompts/reflection-questions";
import { cleanUtterance, utteranceStream, utteranceUnit } from "./prompts/utterance";

const NOTES_CACHE_SIZE = 500;

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
  private readonly plans: LlmPlans;
  private readonly importance: LlmImportance;
  /** Post-chat notes that came with another answer, by agent, partner and transcript. */
  private readonly chatNotes = new LRUCache<string, SideNotes>({ max: NOTES_CACHE_SIZE });

  constructor(options: LlmMindOptions) {
    this.client = options.client;
    this.fallbackMind = options.fallbackMind;
    this.warn = options.warn ?? ((message) => console.warn(message));
    this.label = mindLabel(options.config);
    this.places = new LlmPlaces(this.client, (answer) => this.fromFallback(answer));
    this.importance = new LlmImportance(this.client, { ask: (unit, input, persona, offline) => this.askTraced(unit, input, persona, offline), fromFallback: (answer) => this.fromFallback(answer) });
    this.plans = new LlmPlans(this.client, {
      fromFallback: (answer) => this.fromFallback(answer),
      embed: (texts) => this.embed(texts),
      ask: (unit, input, offline) => this.askTraced(unit, input, personaOf(input), offline),
      decomposed: (agent, task, steps) => this.places.noteDecomposition(agent, task, steps),
      planned: (question, block, steps, answered, spots) => this.places.notePlannedBlock(question, block, steps, answered, spots),
    });
  }

  /** Plans, decompositions and identity revisions reused or skipped so far. */
  get reused(): LlmPlans["reused"] {
    return this.plans.reused;
  }

  /** Calls, tokens, failures and cost per question and per agent. */
  get usage(): UsageMeter {
    return this.client.meter;
  }

  /** See LlmPlans: one question a day, reuse of plans, no revision without new memories. */
  async wakeUpMinute(ctx: DayContext): Promise<number> {
    return this.plans.wakeUpMinute(ctx);
  }

  async dailyPlan(ctx: DayContext & { wakeMinute: number }): Promise<string[]> {
    return this.plans.dailyPlan(ctx);
  }

  async hourlySchedule(ctx: DayContext & { wakeMinute: number; dailyPlan: string[] }): Promise<PlanBlock[]> {
    return this.plans.hourlySchedule(ctx);
  }

  async decompose(input: DecomposeInput): Promise<PlanBlock[]> {
    return this.plans.decompose(input);
  }

  /** See LlmPlaces: cached answers, places planned per block, then one question. */
  async actionPlace(input: PlaceInput): Promise<PlaceAnswer> {
    return this.places.place(input);
  }

  /** See LlmImportance: cached per agent and text; insights and summaries bring theirs. */
  async poignancy(input: PoignancyInput): Promise<number> {
    return this.importance.score(input);
  }

  async poignancyBatch(input: PoignancyBatchInput): Promise<number[]> {
    return this.importance.scoreBatch(input);
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

  /**
   * The whole exchange in one answer; null (ask line by line) when the model gave no
   * usable lines. Each side's notes are kept for when the talk, said as written, ends.
   */
  async wholeConversation(input: ConversationInput): Promise<ScriptLine[] | null> {
    const { value, trace } = await this.client.ask(conversationUnit, input, { agent: input.first.persona.name });
    const script = trace.usedFallback ? [] : toScript(value.lines, input);
    if (script.length === 0) return null;
    const sides = [input.first.persona, input.second.persona];
    const transcript = script.map((l) => ({ speaker: sides[l.side].name, text: l.text }));
    notesBySide(value.notes, input).forEach((notes, side) => {
      if (notes) this.chatNotes.set(notesKey(sides[side].name, sides[1 - side].name, transcript), notes);
    });
    return script;
  }

  /** The notes a written conversation or the summary's answer brought, else the question. */
  async summarizeConversation(input: ChatSummaryInput): Promise<string> {
    const key = notesKey(input.persona.name, input.partner, input.transcript);
    const known = this.chatNotes.get(key);
    if (known) {
      this.importance.remember(input.persona, "chat", known.summary, known.importance);
      return known.summary;
    }
    const { value, fromModel } = await this.askTraced<ChatSummaryInput, ScoredSummary>(chatSummaryUnit, input, input.persona, async (m) => ({
      summary: await m.summarizeConversation(input),
    }));
    if (fromModel) {
      this.importance.remember(input.persona, "chat", value.summary, value.importance);
      if (value.planning !== undefined && value.memo !== undefined) this.chatNotes.set(key, { ...value, planning: value.planning, memo: value.memo });
    }
    return value.summary;
  }

  /** Answered by the notes that came with the summary (asked just before), else asked. */
  async postChatThoughts(input: ChatSummaryInput): Promise<{ planning: string; memo: string }> {
    const key = notesKey(input.persona.name, input.partner, input.transcript);
    const known = this.chatNotes.get(key);
    if (known) {
      this.chatNotes.delete(key);
      return { planning: known.planning, memo: known.memo };
    }
    return this.ask(postChatUnit, input, input.persona, (m) => m.postChatThoughts(input));
  }

  async reflectionQuestions(input: { persona: Persona; memories: MemoryRef[] }): Promise<string[]> {
    return this.ask(reflectionQuestionsUnit, input, input.persona, (m) => m.reflectionQuestions(input));
  }

  async insights(input: { persona: Persona; question: string; memories: MemoryRef[] }): Promise<InsightAnswer[]> {
    const { value, fromModel } = await this.askTraced(insightsUnit, input, input.persona, (m) => m.insights(input));
    const grounded = keepGrounded(value, input.memories);
    if (fromModel) for (const i of grounded) this.importance.remember(input.persona, "thought", i.insight, i.importance);
    return grounded.map(({ insight, evidence }) => ({ insight, evidence }));
  }

  /**
   * The questions and their insights in one question. Evidence is kept only where it
   * cites a memory shown; a question the answer left without insights gets the fallback
   * mind's insights for it (or none). Null when no question could be read: the town then
   * asks the questions apart.
   */
  async reflection(input: { persona: Persona; memories: MemoryRef[] }): Promise<ReflectionResult[] | null> {
    const { value, trace } = await this.client.ask(reflectionUnit, input, { agent: input.persona.name });
    if (trace.usedFallback || value.questions.length === 0) return null;
    const shown = shownMemories(input);
    const out: ReflectionResult[] = [];
    for (const [i, insights] of byQuestion(value.insights, value.questions.length).entries()) {
      const question = value.questions[i];
      if (insights === null) {
        out.push({ question, insights: (await this.fromFallback((m) => m.insights({ persona: input.persona, question, memories: shown }))) ?? [] });
        continue;
      }
      const grounded = keepGrounded(insights, shown);
      for (const x of grounded) this.importance.remember(input.persona, "thought", x.insight, x.importance);
      out.push({ question, insights: grounded.map(({ insight, evidence }) => ({ insight, evidence })) });
    }
    return out;
  }

  async reviseIdentity(input: { persona: Persona; currently: string; memories: MemoryRef[]; dayStartMs: number }): Promise<string> {
    return this.plans.reviseIdentity(input);
  }

  async interviewAnswer(input: InterviewInput): Promise<string> {
    const answer = await this.ask(interviewUnit, input, input.persona, (m) => m.interviewAnswer(input));
    return enforceNotHuman(answer, input);
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

function notesKey(agent: string, partner: string, transcript: readonly ChatTurn[]): string {
  return [agent, partner, ...transcript.flatMap((t) => [t.speaker, t.text])].join("\u0000");
}

/** Every question's input names its persona. */
function personaOf(input: unknown): Persona {
  return (input as { persona: Persona }).persona;
}
