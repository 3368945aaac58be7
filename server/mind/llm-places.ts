/**
 * Where agents do things, on a language model, at the lowest token cost that keeps
 * every answer a known place. In order:
 * 1. an answer already given for the same agent, task, block and current sector;
 * 2. a place planned with the rest of the block: the first step of a freshly
 *    decomposed block asks for the places of all its steps at once (block_places);
 * 3. one action_place question for this task;
 * and when the model's names cannot be read as known places, the fallback mind (within
 * the model's sector when that one was right), then the unit's fail-safe.
 */
import { LRUCache } from "lru-cache";
import type { LlmClient } from "./llm/llm-client";
import type { Mind, PlaceAnswer, PlaceInput } from "./mind";
import { actionPlaceUnit, isKnownPlace, resolvePlace } from "./prompts/action-place";
import { blockPlacesUnit, MAX_BLOCK_STEPS } from "./prompts/block-places";

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
    const { value, trace } = await this.client.ask(blockPlacesUnit, { place: input, steps }, { agent: input.persona.name });
    if (trace.usedFallback) return false;
    for (const { index, draft } of value) {
      const step = steps[index];
      if (step === undefined) continue;
      const resolved = resolvePlace(draft, { ...input, task: step });
      if (resolved.ok) this.planned.set(key(input.persona.name, input.parentTask, step), resolved.answer);
    }
    return true;
  }

  private async askOne(input: PlaceInput): Promise<{ value: PlaceAnswer; fromModel: boolean }> {
    const { value, trace } = await this.client.ask(actionPlaceUnit, input, { agent: input.persona.name });
    if (!trace.usedFallback) {
      const resolved = resolvePlace(value, input);
      if (resolved.ok) return { value: resolved.answer, fromModel: true };
      // Keep what the model got right: inside a known sector, let the rules pick the arena.
      const within = resolved.sector ? onlySector(input, resolved.sector) : input;
      const offline = await this.fromFallback((m) => m.actionPlace(within));
      if (offline && isKnownPlace(offline, input)) {
        const event: PlaceAnswer["event"] = [input.persona.name, value.event[0], value.event[1]];
        return { value: { ...offline, emoji: value.emoji || offline.emoji, event }, fromModel: false };
      }
    } else {
      const offline = await this.fromFallback((m) => m.actionPlace(input));
      if (offline && isKnownPlace(offline, input)) return { value: offline, fromModel: false };
    }
    const safe = resolvePlace(actionPlaceUnit.fallback(input), input);
    if (safe.ok) return { value: safe.answer, fromModel: false };
    throw new Error(`${input.persona.name} knows no place to go (spatial memory is empty)`);
  }
}

function key(...parts: string[]): string {
  return parts.join("\u0000");
}

/** The same question with only `sector` known: the rules can then only answer inside it. */
function onlySector(input: PlaceInput, sector: string): PlaceInput {
  const arenas = input.known.get(sector);
  return { ...input, currentSector: sector, known: new Map(arenas ? [[sector, arenas]] : []) };
}
