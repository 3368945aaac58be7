/**
 * Where agents do things, on a language model, at the lowest token cost that keeps
 * every answer a known place. In order:
 * 1. an answer already given for the same agent, task, block and current sector;
 * 2. a place planned with the rest of the block: given with the steps when the block
 *    was decomposed (block_plan, see LlmPlans), or else asked for all of a block's steps
 *    at once at its first step (block_places);
 * 3. one action_place question for this task;
 * and when the model's answer cannot be read as a known place, the fallback mind (within
 * the model's sector when that one was right), then the unit's fail-safe.
 */
import { LRUCache } from "lru-cache";
import type { LlmClient } from "./llm/llm-client";
import type { Mind, PlaceAnswer, PlaceInput } from "./mind";
import { actionPlaceMenu, actionPlaceUnit, isKnownPlace, resolvePlace, taskEvent, type PlaceDraft, type Spot } from "./prompts/action-place";
import { blockPlaceInput, type Block, type BlockPlanInput, type PlannedStep } from "./prompts/block-plan";
import { blockPlacesMenu, blockPlacesUnit, MAX_BLOCK_STEPS } from "./prompts/block-places";

const CACHE_SIZE = 2_000;
const BLOCK_MEMORY = 200;

/** Runs a question on the fallback mind; undefined when there is none or it fails. */
export type FallbackRunner = <O>(answer: (mind: Mind) => Promise<O>) => Promise<O | undefined>;

interface BlockSteps {
  steps: string[];
  /** Steps already asked in a block question, answered or not: never asked twice that way. */
  asked: Set<string>;
}

export class LlmPlaces {
  private readonly answers = new LRUCache<string, PlaceAnswer>({ max: CACHE_SIZE });
  private readonly planned = new LRUCache<string, PlaceAnswer>({ max: CACHE_SIZE });
  private readonly blocks = new LRUCache<string, BlockSteps>({ max: BLOCK_MEMORY });

  constructor(private readonly client: LlmClient, private readonly fromFallback: FallbackRunner) {}

  /** Remembers a block's steps, so the places of all of them can be asked together. */
  noteDecomposition(agent: string, blockTask: string, steps: readonly string[]): void {
    const distinct = [...new Set(steps)];
    if (distinct.length >= 2) this.blocks.set(key(agent, blockTask), { steps: distinct, asked: new Set() });
  }

  /**
   * Keeps the places a block plan gave its steps (`steps` as fitted, `answered` as the
   * model wrote them). Its steps are never asked in a block question again: a step whose
   * place did not read asks alone when its turn comes.
   */
  async notePlannedBlock(question: BlockPlanInput, block: Block, steps: readonly string[], answered: readonly PlannedStep[], spots: readonly Spot[]): Promise<void> {
    const agent = question.persona.name;
    const distinct = [...new Set(steps)];
    for (const step of distinct) {
      const draft = answered.find((s) => s.task === step && s.draft !== null)?.draft;
      if (!draft) continue;
      const answer = await this.readDraft(draft, { ...blockPlaceInput(question, block), task: step }, spots);
      if (answer) this.planned.set(key(agent, block.task, step), answer);
    }
    this.blocks.set(key(agent, block.task), { steps: distinct, asked: new Set(distinct) });
  }

  async place(input: PlaceInput): Promise<PlaceAnswer> {
    const agent = input.persona.name;
    const answerKey = key(agent, input.task, input.parentTask ?? "", input.currentSector ?? "");
    const plannedKey = key(agent, input.parentTask ?? "", input.task);
    for (const [cache, k] of [[this.answers, answerKey], [this.planned, plannedKey]] as const) {
      const hit = cache.get(k);
      if (hit && isKnownPlace(hit, input)) return hit;
    }
    if (await this.planBlock(input)) {
      const hit = this.planned.get(plannedKey);
      if (hit && isKnownPlace(hit, input)) return hit;
    }
    const { value, fromModel } = await this.askOne(input);
    if (fromModel) this.answers.set(answerKey, value);
    return value;
  }

  /** Asks the places of this step and the block's later steps not yet asked; true if it asked. */
  private async planBlock(input: PlaceInput): Promise<boolean> {
    if (!input.parentTask) return false;
    const block = this.blocks.get(key(input.persona.name, input.parentTask));
    const from = block?.steps.indexOf(input.task) ?? -1;
    if (!block || from < 0 || block.asked.has(input.task)) return false;
    const steps = block.steps.slice(from).filter((s) => !block.asked.has(s)).slice(0, MAX_BLOCK_STEPS);
    if (steps.length < 2) return false;
    for (const s of steps) block.asked.add(s);
    const asked = { place: input, steps };
    const { value, trace } = await this.client.ask(blockPlacesUnit, asked, { agent: input.persona.name });
    if (trace.usedFallback) return false;
    const spots = blockPlacesMenu(asked).spots;
    for (const { index, draft } of value) {
      const step = steps[index];
      if (step === undefined) continue;
      const answer = await this.readDraft(draft, { ...input, task: step }, spots);
      if (answer) this.planned.set(key(input.persona.name, input.parentTask, step), answer);
    }
    return true;
  }

  /**
   * A planned step's place: the draft read as a known place, or, when it chose only a
   * known sector, the rules' place inside that sector with the model's emoji; else null.
   */
  private async readDraft(draft: PlaceDraft, input: PlaceInput, spots: readonly Spot[]): Promise<PlaceAnswer | null> {
    const resolved = resolvePlace(draft, input, spots);
    if (resolved.ok) return resolved.answer;
    if (!resolved.sector) return null;
    const offline = await this.fromFallback((m) => m.actionPlace(onlySector(input, resolved.sector!)));
    return offline && isKnownPlace(offline, input) ? { ...offline, emoji: draft.emoji || offline.emoji, event: modelEvent(draft, input) } : null;
  }

  private async askOne(input: PlaceInput): Promise<{ value: PlaceAnswer; fromModel: boolean }> {
    const { value, trace } = await this.client.ask(actionPlaceUnit, input, { agent: input.persona.name });
    if (!trace.usedFallback) {
      const resolved = resolvePlace(value, input, actionPlaceMenu(input).spots);
      if (resolved.ok) return { value: resolved.answer, fromModel: true };
      // Keep what the model got right: inside a known sector, let the rules pick the arena.
      const within = resolved.sector ? onlySector(input, resolved.sector) : input;
      const offline = await this.fromFallback((m) => m.actionPlace(within));
      if (offline && isKnownPlace(offline, input)) {
        return { value: { ...offline, emoji: value.emoji || offline.emoji, event: modelEvent(value, input) }, fromModel: false };
      }
    } else {
      const offline = await this.fromFallback((m) => m.actionPlace(input));
      if (offline && isKnownPlace(offline, input)) return { value: offline, fromModel: false };
    }
    const safe = resolvePlace(actionPlaceUnit.fallback(input), input, []);
    if (safe.ok) return { value: safe.answer, fromModel: false };
    throw new Error(`${input.persona.name} knows no place to go (spatial memory is empty)`);
  }
}

/** The model's event when it gave one, else the task's. */
function modelEvent(draft: PlaceDraft, input: PlaceInput): PlaceAnswer["event"] {
  return draft.event ? [input.persona.name, draft.event[0], draft.event[1]] : taskEvent(input);
}

function key(...parts: string[]): string {
  return parts.join("\u0000");
}

/** The same question with only `sector` known: the rules can then only answer inside it. */
function onlySector(input: PlaceInput, sector: string): PlaceInput {
  const arenas = input.known.get(sector);
  return { ...input, currentSector: sector, known: new Map(arenas ? [[sector, arenas]] : []) };
}
