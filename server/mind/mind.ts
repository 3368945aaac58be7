/**
 * The Mind: every question an agent asks itself, one method each, with typed input and
 * validated output. Implementations: OfflineMind (rule-based, default) and LlmMind.
 * Answers are asynchronous: the town never waits for them inside a tick.
 */
import type { Persona } from "../sim/scenario";
import type { Embedding } from "../agents/memory/embedding";

/** A block of the day's schedule: what to do and for how long. */
export interface PlanBlock {
  task: string;
  minutes: number;
}

/** What the agent knows of the town: sector -> arena -> objects (spatial memory). */
export type KnownPlaces = ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;

export interface DayContext {
  persona: Persona;
  /** Game ms at midnight of the day being planned. */
  dayStartMs: number;
  /** 0 for the first simulated day. */
  dayIndex: number;
  /** Places the agent knows (the plan may name them). */
  known: KnownPlaces;
  /** Memories that bear on today's plans (invitations, intentions), most relevant first. */
  memories?: MemoryRef[];
}

export interface DecomposeInput {
  persona: Persona;
  task: string;
  /** Minute of the day at which the block starts. */
  startMinute: number;
  minutes: number;
  /**
   * Where the resident is and the places it knows, when the block is decomposed on its
   * way to the first step's place: a mind may then plan each step's place with the steps
   * (and answer `actionPlace` for them from that plan). Minds that do not may ignore it.
   */
  where?: Pick<PlaceInput, "known" | "currentSector" | "nowMinute">;
  /**
   * The blocks that follow it in the schedule, not yet decomposed: a mind planning with
   * `where` may plan some of them with this one (and answer their `decompose` from that).
   */
  next?: Array<Pick<DecomposeInput, "task" | "startMinute" | "minutes">>;
}

export interface PlaceInput {
  persona: Persona;
  task: string;
  /** The schedule block the task belongs to (it may name the place). */
  parentTask?: string;
  /** Minute of the day the task starts. */
  nowMinute?: number;
  /** Sector the agent stands in now (prefer staying there when it fits). */
  currentSector: string | null;
  known: KnownPlaces;
}

export interface PlaceAnswer {
  sector: string;
  arena: string;
  /** Absent when the arena has no known object for it: any tile of the arena will do. */
  object?: string;
  emoji: string;
  /** Event triple: subject (the agent), predicate, object. */
  event: [string, string, string];
  /** What the object is doing while used, e.g. "brewing coffee". */
  objectState: string;
}

/** A memory handed to the mind, with the id it can cite. */
export interface MemoryRef {
  id: string;
  text: string;
  /** Game ms the memory was made. */
  createdMs: number;
}

export interface ChatTurn {
  speaker: string;
  text: string;
}

export interface PoignancyInput {
  persona: Persona;
  kind: "event" | "thought" | "chat";
  description: string;
}

/** Several memories of one agent scored in one question (a perceived batch, a talk's notes). */
export interface PoignancyBatchInput {
  persona: Persona;
  items: Array<Pick<PoignancyInput, "kind" | "description">>;
}

export interface TalkInput {
  persona: Persona;
  /** What the agent is doing now. */
  action: string;
  partner: string;
  partnerAction: string;
  /** Retrieved memories about the partner, most relevant first. */
  memories: MemoryRef[];
  /** Summary of their last conversation, if any. */
  lastChat?: string;
  nowMinute: number;
}

export interface UtteranceInput {
  persona: Persona;
  partner: string;
  /** Where they are, for people ("Hobbs Cafe: cafe"). */
  place: string;
  action: string;
  partnerAction: string;
  /** Memories about the partner and the conversation so far, most relevant first. */
  memories: MemoryRef[];
  transcript: ChatTurn[];
  nowMinute: number;
  /** Summary of the speaker's last conversation with this partner (another day, another visit), if any. */
  lastChat?: string;
  /** Others in the conversation besides the partner addressed (group conversations). */
  others?: string[];
}

/** Receives the text of a line so far while a model writes it (streaming). */
export type LineStream = (textSoFar: string) => void;

export interface UtteranceAnswer {
  text: string;
  /** True when the speaker ends the conversation with this line. */
  end: boolean;
  /** Ids of the given memories the line passes on (provenance of news). */
  cites: string[];
}

/** One side of a conversation between two residents, as `UtteranceInput` gives it for one line. */
export interface ConversationSide {
  persona: Persona;
  /** What they were doing before they stopped to talk. */
  action: string;
  /** Memories about the other, most relevant first (ids are this side's own). */
  memories: MemoryRef[];
  /** Summary of their last conversation with the other, if any. */
  lastChat?: string;
}

export interface ConversationInput {
  /** `first` speaks first, to `second`; lines alternate. */
  first: ConversationSide;
  second: ConversationSide;
  place: string;
  nowMinute: number;
  /** Most lines the exchange may have. */
  maxLines: number;
}

export interface ScriptLine {
  /** 0: `first`, 1: `second`. Lines alternate, starting with 0. */
  side: 0 | 1;
  text: string;
  /** Ids of the speaker's own memories the line passes on. */
  cites: string[];
}

export interface ChatSummaryInput {
  persona: Persona;
  partner: string;
  transcript: ChatTurn[];
}

export interface InsightAnswer {
  insight: string;
  /** Ids of the memories the insight rests on. */
  evidence: string[];
}

/** A reflection question and the insights that answer it. */
export interface ReflectionResult {
  question: string;
  insights: InsightAnswer[];
}

export interface InterviewInput {
  persona: Persona;
  question: string;
  /** Who asks (a player's name, "the host", ...). */
  asker: string;
  memories: MemoryRef[];
  /** Today's plan in words, if any. */
  plan: string[];
  action: string;
  nowMinute: number;
}

export interface Mind {
  /** Shown to people: which mind drives the town. */
  readonly label: string;
  /**
   * True when every answer follows from the question alone (the offline rules, seeded):
   * a replay may ask again instead of reading recorded answers, so none are recorded.
   */
  readonly deterministic?: boolean;
  /** Minute of the day (0..1439) the agent wakes up. */
  wakeUpMinute(ctx: DayContext): Promise<number>;
  /** Broad plan for the day, 5-8 items. */
  dailyPlan(ctx: DayContext & { wakeMinute: number }): Promise<string[]>;
  /** Hour-by-hour schedule from midnight; minutes sum to 1440. */
  hourlySchedule(ctx: DayContext & { wakeMinute: number; dailyPlan: string[] }): Promise<PlanBlock[]>;
  /** Splits one schedule block into short subtasks whose minutes sum to the block's. */
  decompose(input: DecomposeInput): Promise<PlanBlock[]>;
  /** Where and how to do a task: one answer for sector, arena, object, emoji, triple, object state. */
  actionPlace(input: PlaceInput): Promise<PlaceAnswer>;

  /** Importance 1-10 of a memory to this person. */
  poignancy(input: PoignancyInput): Promise<number>;
  /** Importance 1-10 of each memory, in order: exactly one score per item. */
  poignancyBatch(input: PoignancyBatchInput): Promise<number[]>;
  /** Embeddings for retrieval; every vector of one mind has the same length. */
  embed(texts: string[]): Promise<Embedding[]>;
  /** Should the agent start a conversation with the partner now? */
  decideToTalk(input: TalkInput): Promise<boolean>;
  /**
   * Next line of a conversation, and whether it ends it. A mind that can stream calls
   * `stream` with the text so far as it is written; others answer whole and never call it.
   */
  nextUtterance(input: UtteranceInput, stream?: LineStream): Promise<UtteranceAnswer>;
  /**
   * Optional: a whole exchange between two residents in one answer, lines alternating
   * from `first`, the last one ending it. Null (or a mind without it): the conversation
   * is asked line by line with `nextUtterance`.
   */
  wholeConversation?(input: ConversationInput): Promise<ScriptLine[] | null>;
  /** One sentence on what a conversation was about. */
  summarizeConversation(input: ChatSummaryInput): Promise<string>;
  /** After a chat: a thought for planning and a memo of what to remember. */
  postChatThoughts(input: ChatSummaryInput): Promise<{ planning: string; memo: string }>;
  /** Three questions the recent memories raise. */
  reflectionQuestions(input: { persona: Persona; memories: MemoryRef[] }): Promise<string[]>;
  /** Up to five insights answering a question, each citing its evidence. */
  insights(input: { persona: Persona; question: string; memories: MemoryRef[] }): Promise<InsightAnswer[]>;
  /**
   * Optional: a whole reflection in one answer: up to three questions the recent memories
   * raise, each with up to five insights citing only the given memories. Null (or a mind
   * without it): the town asks `reflectionQuestions`, retrieves memories for each question
   * and asks `insights`.
   */
  reflection?(input: { persona: Persona; memories: MemoryRef[] }): Promise<ReflectionResult[] | null>;
  /** The new "currently" line for a new day, from what the agent remembers. */
  reviseIdentity(input: { persona: Persona; currently: string; memories: MemoryRef[]; dayStartMs: number }): Promise<string>;
  /** An answer in character to an interviewer; never claims to be human. */
  interviewAnswer(input: InterviewInput): Promise<string>;
}
