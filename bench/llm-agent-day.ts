/**
 * One agent's game day of questions to a Mind, in the order and number the cognition
 * modules ask them (see llm-tokens.ts for where the counts come from). The memories it
 * hands the mind are the few a retrieval would pick, as the real callers do.
 */
import type { ChatTurn, KnownPlaces, MemoryRef, Mind, PlanBlock, PoignancyInput } from "../server/mind/mind";
import type { Persona } from "../server/sim/scenario";

export interface AgentDayPlan {
  /** Perception batches with new, non-idle events, and events per batch. */
  eventBatches: number;
  eventsPerBatch: number;
  talkDecisions: number;
  conversations: number;
  turnsPerConversation: number;
  reflections: number;
  partner: string;
}

export const DEFAULT_AGENT_DAY: AgentDayPlan = {
  eventBatches: 40,
  eventsPerBatch: 3,
  talkDecisions: 10,
  conversations: 4,
  turnsPerConversation: 6,
  reflections: 2,
  partner: "Klaus Mueller",
};

/** Memories per question, as the callers retrieve them. */
const TALK_MEMORIES = 6;
const TURN_MEMORIES = 6;
const REFLECTION_RECENT = 20;
const INSIGHT_MEMORIES = 15;
const IDENTITY_MEMORIES = 12;
const START_MS = Date.UTC(2023, 1, 14);

const OTHERS = ["Maria Lopez", "Klaus Mueller", "Isabella Rodriguez", "Ayesha Khan", "Wolfgang Schulz", "Giorgio Rossi", "Carmen Ortiz", "Tom Moreno"];
const DOINGS = [
  "ordering a latte at the cafe counter", "writing at a cafe table", "reading the newspaper", "talking on the phone",
  "studying for an exam", "looking at the party flyer", "waiting in line", "eating a croissant", "typing on a laptop",
  "chatting with a friend", "paying at the counter", "sketching in a notebook", "drinking an espresso", "leaving the cafe",
  "asking about the party", "playing the piano", "wiping a spill from the table", "browsing the bookshelf", "stretching after a long sit",
  "arriving with a friend",
];

export async function runAgentDay(mind: Mind, persona: Persona, known: KnownPlaces, overrides: Partial<AgentDayPlan> = {}): Promise<{ actionDecisions: number }> {
  const plan = { ...DEFAULT_AGENT_DAY, ...overrides };
  const day = new DayMemory(mind, persona);
  const ctx = { persona, dayStartMs: START_MS, dayIndex: 1, known };

  await mind.reviseIdentity({ persona, currently: persona.currently, memories: day.recent(IDENTITY_MEMORIES), dayStartMs: START_MS });
  const wakeMinute = await mind.wakeUpMinute(ctx);
  const dailyPlan = await mind.dailyPlan({ ...ctx, wakeMinute });
  const schedule = await mind.hourlySchedule({ ...ctx, wakeMinute, dailyPlan });
  await day.remember("thought", `This is ${persona.firstName}'s plan for February 14: ${dailyPlan.join(", ")}.`);

  const steps = await decomposeDay(mind, persona, schedule);
  let sector: string | null = persona.livingArea.split(":")[1];
  const batches = spread(plan.eventBatches, steps.length);
  const talks = spread(plan.talkDecisions, steps.length);
  const conversations = spread(plan.conversations, steps.length);
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    const place = await mind.actionPlace({ persona, task: s.task, parentTask: s.parent, nowMinute: s.minute, currentSector: sector, known });
    sector = place.sector;
    for (let b = 0; b < (batches.get(i) ?? 0); b++) await perceiveBatch(day, plan.eventsPerBatch);
    for (let t = 0; t < (talks.get(i) ?? 0); t++) await decideToTalk(mind, persona, day, plan.partner, s.minute);
    for (let c = 0; c < (conversations.get(i) ?? 0); c++) await converse(mind, persona, day, plan, s.minute);
  }
  for (let r = 0; r < plan.reflections; r++) await reflect(mind, persona, day);
  return { actionDecisions: steps.length };
}

/** `count` occurrences spread evenly over `steps` step indexes: index -> how many happen there. */
function spread(count: number, steps: number): Map<number, number> {
  const at = new Map<number, number>();
  for (let k = 0; k < count; k++) {
    const i = Math.min(Math.max(0, steps - 1), Math.floor((k * steps) / count));
    at.set(i, (at.get(i) ?? 0) + 1);
  }
  return at;
}

/** The memories a day makes, each scored and embedded as the cognition modules do. */
class DayMemory {
  private readonly memories: MemoryRef[] = [];
  eventsSeen = 0;

  constructor(private readonly mind: Mind, private readonly persona: Persona) {}

  async remember(kind: PoignancyInput["kind"], text: string): Promise<void> {
    await this.mind.poignancy({ persona: this.persona, kind, description: text });
    await this.mind.embed([text]);
    this.memories.push({ id: `n${this.memories.length + 1}`, text, createdMs: START_MS + this.memories.length * 60_000 });
  }

  recent(n: number): MemoryRef[] {
    return this.memories.slice(-n).reverse();
  }
}

interface Step {
  task: string;
  parent: string;
  minute: number;
}

async function decomposeDay(mind: Mind, persona: Persona, schedule: PlanBlock[]): Promise<Step[]> {
  const steps: Step[] = [];
  let minute = 0;
  for (const block of schedule) {
    const parts = await mind.decompose({ persona, task: block.task, startMinute: minute, minutes: block.minutes });
    let at = minute;
    for (const part of parts) {
      if (part.task !== "sleeping") steps.push({ task: part.task, parent: block.task, minute: at });
      at += part.minutes;
    }
    minute += block.minutes;
  }
  return steps;
}

/** New events: every description differs (the poignancy cache gets no hit: the costly case). */
async function perceiveBatch(day: DayMemory, events: number): Promise<void> {
  for (let k = 0; k < events; k++) {
    const n = day.eventsSeen++;
    await day.remember("event", `${OTHERS[n % OTHERS.length]} is ${DOINGS[Math.floor(n / OTHERS.length) % DOINGS.length]}`);
  }
}

async function decideToTalk(mind: Mind, persona: Persona, day: DayMemory, partner: string, minute: number): Promise<void> {
  await mind.embed([`${partner}`]); // the focal point of the retrieval about the partner
  await mind.decideToTalk({ persona, action: "serving customers", partner, partnerAction: "writing at a cafe table", memories: day.recent(TALK_MEMORIES), nowMinute: minute });
}

async function converse(mind: Mind, persona: Persona, day: DayMemory, plan: AgentDayPlan, minute: number): Promise<void> {
  const transcript: ChatTurn[] = [];
  for (let turn = 0; turn < plan.turnsPerConversation; turn++) {
    if (turn % 2 === 1) {
      transcript.push({ speaker: plan.partner, text: "That sounds great. I have been buried in my paper all week, so a party would do me good." });
      continue;
    }
    await mind.embed([transcript.at(-1)?.text ?? plan.partner]);
    const line = await mind.nextUtterance({
      persona, partner: plan.partner, place: "Hobbs Cafe: cafe", action: "serving customers", partnerAction: "writing at a cafe table",
      memories: day.recent(TURN_MEMORIES), transcript, nowMinute: minute,
    });
    transcript.push({ speaker: persona.name, text: line.text });
  }
  const input = { persona, partner: plan.partner, transcript };
  const summary = await mind.summarizeConversation(input);
  const thoughts = await mind.postChatThoughts(input);
  await day.remember("chat", summary);
  await day.remember("thought", `For my planning: ${thoughts.planning}`);
  await day.remember("thought", thoughts.memo);
}

async function reflect(mind: Mind, persona: Persona, day: DayMemory): Promise<void> {
  const questions = await mind.reflectionQuestions({ persona, memories: day.recent(REFLECTION_RECENT) });
  for (const question of questions) {
    await mind.embed([question]);
    const insights = await mind.insights({ persona, question, memories: day.recent(INSIGHT_MEMORIES) });
    for (const insight of insights) await day.remember("thought", insight.insight.trim());
  }
}
