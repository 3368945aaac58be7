/**
 * OfflineMind: a deterministic, seeded, rule-based cognition engine. It is not a
 * language model: it reads the persona and the map with fixed rules, so a town lives
 * with no model configured and a run with one seed is exactly reproducible.
 */
import { hashEmbed, type Embedding } from "../../agents/memory/embedding";
import { rngFor } from "../../sim/rng";
import type { Persona } from "../../sim/scenario";
import type {
  ChatSummaryInput, DayContext, DecomposeInput, InsightAnswer, InterviewInput, MemoryRef, Mind, PlaceAnswer, PlaceInput, PlanBlock,
  PoignancyBatchInput, PoignancyInput, TalkInput, UtteranceAnswer, UtteranceInput,
} from "../mind";
import { summarize, thoughtsAfterChat } from "./after-chat";
import { decomposeBlock } from "./decompose";
import { gerund } from "./language";
import { composeUtterance } from "./dialogue";
import { interviewReply } from "./interview";
import { scorePoignancy } from "./poignancy";
import { insightsFor, questionsFrom } from "./reflection";
import { revisedCurrently } from "./currently";
import { wantsToTalk } from "./talk";
import { choosePlace, kindOf } from "./places";
import { buildSchedule, describePlan } from "./routine";
import { engagementsFor, isWorkBlock, lifestyleOf, workProfileOf } from "./persona-day";
import { DEFAULT_EMOJI, EMOJI_WORDS, mentions, OBJECT_STATES } from "./vocabulary";

export const OFFLINE_MIND_LABEL = "offline rule-based mind";

export class OfflineMind implements Mind {
  readonly label = OFFLINE_MIND_LABEL;
  readonly deterministic = true;

  constructor(private readonly seed = 1) {}

  async wakeUpMinute(ctx: DayContext): Promise<number> {
    return lifestyleOf(ctx.persona).wakeMinute;
  }

  async dailyPlan(ctx: DayContext & { wakeMinute: number }): Promise<string[]> {
    return describePlan(this.schedule(ctx));
  }

  async hourlySchedule(ctx: DayContext & { wakeMinute: number; dailyPlan: string[] }): Promise<PlanBlock[]> {
    return this.schedule(ctx);
  }

  async decompose(input: DecomposeInput): Promise<PlanBlock[]> {
    const rng = rngFor(this.seed, "decompose", input.persona.name, input.task, input.startMinute);
    const work = workProfileOf(input.persona, new Map());
    const isWork = isWorkBlock(input.persona, input.task);
    return decomposeBlock(input.persona, input.task, input.minutes, isWork ? work.tasks : [], rng);
  }

  async actionPlace(input: PlaceInput): Promise<PlaceAnswer> {
    const rng = rngFor(this.seed, "place", input.persona.name, input.task, input.parentTask ?? "", input.nowMinute ?? 0);
    const place = choosePlace(input.persona, input.task, input.parentTask, input.currentSector, input.known, rng);
    const object = place.object;
    return {
      ...place,
      emoji: emojiFor(`${input.task} ${input.parentTask ?? ""}`),
      event: [input.persona.name, "is", gerund(input.task)],
      objectState: object ? objectStateFor(kindOf(object), input.task) : "",
    };
  }

  async poignancy(input: PoignancyInput): Promise<number> {
    return scorePoignancy(input);
  }

  /** Each by the same rules as one alone, so a batch scores exactly as single questions would. */
  async poignancyBatch(input: PoignancyBatchInput): Promise<number[]> {
    return input.items.map((item) => scorePoignancy({ persona: input.persona, ...item }));
  }

  async embed(texts: string[]): Promise<Embedding[]> {
    return texts.map((t) => hashEmbed(t));
  }

  async decideToTalk(input: TalkInput): Promise<boolean> {
    return wantsToTalk(input, rngFor(this.seed, "talk", input.persona.name, input.partner, input.nowMinute));
  }

  async nextUtterance(input: UtteranceInput): Promise<UtteranceAnswer> {
    const rng = rngFor(this.seed, "utter", input.persona.name, input.partner, input.transcript.length, input.nowMinute);
    return composeUtterance(input, rng);
  }

  async summarizeConversation(input: ChatSummaryInput): Promise<string> {
    return summarize(input);
  }

  async postChatThoughts(input: ChatSummaryInput): Promise<{ planning: string; memo: string }> {
    return thoughtsAfterChat(input);
  }

  async reflectionQuestions(input: { persona: Persona; memories: MemoryRef[] }): Promise<string[]> {
    return questionsFrom(input.persona, input.memories);
  }

  async insights(input: { persona: Persona; question: string; memories: MemoryRef[] }): Promise<InsightAnswer[]> {
    return insightsFor(input.persona, input.question, input.memories);
  }

  async reviseIdentity(input: { persona: Persona; currently: string; memories: MemoryRef[]; dayStartMs: number }): Promise<string> {
    return revisedCurrently(input.persona, input.currently, input.memories, input.dayStartMs);
  }

  async interviewAnswer(input: InterviewInput): Promise<string> {
    return interviewReply(input, rngFor(this.seed, "interview", input.persona.name, input.question, input.nowMinute));
  }

  private schedule(ctx: DayContext): PlanBlock[] {
    const engagements = engagementsFor(ctx.memories ?? [], ctx.dayStartMs, ctx.known, ctx.persona.name);
    return buildSchedule(ctx.persona, ctx.known, rngFor(this.seed, "schedule", ctx.persona.name, ctx.dayIndex), engagements);
  }
}

export function emojiFor(task: string): string {
  return EMOJI_WORDS.find(([, words]) => mentions(task, words))?.[0] ?? DEFAULT_EMOJI;
}

export function objectStateFor(kind: string, task: string): string {
  const rules = OBJECT_STATES[kind] ?? [];
  for (const [words, state] of rules) if (words.length === 0 || mentions(task, words)) return state;
  return "in use";
}
