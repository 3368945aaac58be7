/**
 * Block plan: a schedule block split into short steps and the place of each step, in
 * one answer, and with it the blocks right after it that take place among the same
 * places (up to four hours in all). Asked apart (decompose, then block_places for the
 * block's places, block by block) the identity, the places and every step were read
 * again and again and the places answered with names; here the places are listed once,
 * and each step comes once, with the number of a listed place, an object, an emoji, the
 * event and the object's state, as a short list (a tuple); a task that comes again (long
 * blocks repeat some) only with its minutes, its place as before. The places listed in full are
 * the sector the block names, else the two likeliest. The steps of each block are checked
 * as a decomposition (`fitSteps` makes their minutes fit it); each place as an
 * action-place answer, and a step whose place does not read is left to ask alone.
 * Fallback: no steps (the block is then decomposed another way).
 */
import { z } from "zod";
import type { PromptUnit } from "../llm/prompt";
import type { DecomposeInput, PlaceInput, PlanBlock } from "../mind";
import { text, wholeNumber } from "./fields";
import { MAX_STEPS, STEP_CHARS } from "./decompose";
import { placeDraftSchema, placeMenu, type PlaceDraft, type PlaceMenu } from "./action-place";
import { gist, system, timeText } from "./persona";
import { homeOf } from "../../sim/places";

const EXPANDED_SECTORS = 2;
/** Blocks planned together: at most this many, of at most this many minutes in all. */
export const MAX_BLOCKS = 4;
export const MAX_PLANNED_MINUTES = 360;

/** A schedule block: its task, start minute and length. */
export type Block = Pick<DecomposeInput, "task" | "startMinute" | "minutes">;

/** A block to plan, where the resident is and the places it knows, and the blocks planned with it. */
export type BlockPlanInput = DecomposeInput & { where: NonNullable<DecomposeInput["where"]>; ahead: Block[] };

/** A step and the place the model gave it (null when none could be read). */
export type PlannedStep = PlanBlock & { draft: PlaceDraft | null };

/**
 * A step as the model writes it: [task, minutes, place number, object, emoji, event verb
 * phrase, event object, object state]. Positions instead of field names: a block has up
 * to two dozen steps, and the names would be a third of the answer.
 */
const TUPLE = ["task", "minutes", "place", "object", "emoji", "verb", "what", "state"] as const;

/** A step whose task came earlier in the answer may be [task, minutes] alone: it happens as before. */
const stepTuple = z.array(z.union([z.string(), z.number()])).min(2).max(TUPLE.length);
const output = z.object({
  blocks: z.array(z.object({ steps: z.array(stepTuple).min(1).max(MAX_STEPS) })).min(1).max(MAX_BLOCKS),
});

const step = z.object({ task: text(STEP_CHARS), minutes: wholeNumber(1, 1440, { clamp: true }) });

/** A step tuple as named fields (an object, from a model that wrote one, stays as it is). */
function named(item: unknown): unknown {
  if (!Array.isArray(item)) return item;
  const fields: Record<string, unknown> = Object.fromEntries(TUPLE.map((name, i) => [name, item[i]]));
  const { verb, what, ...rest } = fields;
  return { ...rest, event: typeof verb === "string" && verb.trim() ? [verb, typeof what === "string" ? what : ""] : undefined };
}

/** The steps of one block; `earlier` (the answer's steps so far) gives a repeated task without a place its place. */
function readSteps(steps: unknown, earlier: PlannedStep[]): PlannedStep[] {
  if (!Array.isArray(steps)) return [];
  return steps.slice(0, MAX_STEPS).flatMap((raw): PlannedStep[] => {
    const item = named(raw);
    const read = step.safeParse(item);
    if (!read.success) return [];
    const draft = placeDraftSchema.safeParse(item);
    const before = draft.success ? null : earlier.find((s) => s.task === read.data.task && s.draft !== null)?.draft;
    const planned = { ...read.data, draft: draft.success ? draft.data : (before ?? null) };
    earlier.push(planned);
    return [planned];
  });
}

/** {"blocks": [{"steps": [...]}, ...]}; a block may also be its bare list of steps, and {"steps": [...]} is the first block alone. */
const schema = z
  .union([
    z.object({ blocks: z.array(z.unknown()).min(1) }).transform((a) => a.blocks),
    z.object({ steps: z.array(z.unknown()).min(1) }).transform((a) => [a]),
  ])
  .transform((blocks) => {
    const earlier: PlannedStep[] = [];
    return blocks.slice(0, MAX_BLOCKS).map((b) => readSteps(Array.isArray(b) ? b : typeof b === "object" && b !== null ? (b as { steps?: unknown }).steps : [], earlier));
  })
  .refine((blocks) => blocks[0].length > 0, "expected the first block's steps, each with a task and its minutes");

/** The place question of `block` (the first one when not given): its task is the block (the steps are not known yet). */
export function blockPlaceInput(input: BlockPlanInput, block: Block = input): PlaceInput {
  return { persona: input.persona, task: block.task, parentTask: block.task, ...input.where };
}

/** The places a block-plan prompt lists (those of its first block). */
export function blockPlanMenu(input: BlockPlanInput, block: Block = input): PlaceMenu {
  return placeMenu(blockPlaceInput(input, block), EXPANDED_SECTORS, true);
}

export const blockPlanUnit: PromptUnit<BlockPlanInput, PlannedStep[][]> = {
  name: "block_plan",
  build: (input) => {
    const { persona, where } = input;
    const first = persona.firstName;
    const home = homeOf(persona).sector;
    const at = where.currentSector === home ? "at home" : where.currentSector ? `at ${where.currentSector}` : "out";
    const blocks = [input, ...input.ahead].slice(0, MAX_BLOCKS);
    return {
      system: system("You split a resident's activities into the small steps they do, each at a place."),
      user: [
        gist(persona),
        `${first} lives in ${home} and is ${at} now.`,
        ...blockPlanMenu(input).lines,
        "Blocks:",
        ...blocks.map((b, i) => `${i + 1}. From ${timeText(b.startMinute)} to ${timeText(b.startMinute + b.minutes)} (${b.minutes} minutes), ${first} will: ${b.task}.`),
        `Split ${blocks.length > 1 ? "each block" : "it"} into steps in order, adding up to its minutes (5 to 15 minutes each, 10 to 30 in ` +
          `blocks over 90 minutes), each [task, minutes, place number, object used there or "", emoji, event verb, event object, ` +
          `object's state or ""], e.g. ["brew coffee", 10, 3, "coffee machine", "☕", "is brewing", "coffee", "brewing coffee"]; ` +
          `a task given before in the answer just [task, minutes]. ` +
          `Answer {"blocks": [{"steps": [[...], ...]}${blocks.length > 1 ? ", ..." : ""}]}${blocks.length > 1 ? ", one per block" : ""}.`,
      ].join("\n"),
    };
  },
  outputSchema: output,
  schema,
  fallback: () => [[]],
  maxTokens: 2_000,
  temperature: 0.4,
};
