/**
 * Block places: the place of every step of one decomposed schedule block in one answer.
 * The steps of a block share a setting, so one prompt with the places listed once costs
 * far less than one action-place prompt per step (the places are most of a prompt).
 * Asked when a block's steps came without places (a decomposition reused from another
 * day, or the rules'); a fresh decomposition brings its places itself (block-plan.ts).
 * Each entry is checked like an action-place answer; entries that do not fit are left
 * out, and those steps get their own action-place question when their turn comes.
 * Fallback: no entries (every step then asks alone).
 */
import { z } from "zod";
import type { PromptUnit } from "../llm/prompt";
import type { PlaceInput } from "../mind";
import { wholeNumber } from "./fields";
import { PLACE_FIELDS, PLACE_SYSTEM, placeDraftSchema, placeMenu, placeOutputFields, whoAndWhere, type PlaceDraft, type PlaceMenu } from "./action-place";

export const MAX_BLOCK_STEPS = 16;
const EXPANDED_SECTORS = 3;

export interface BlockPlacesInput {
  /** The first step's question; `parentTask` is the block. */
  place: PlaceInput;
  /** Distinct steps of the block still without a place, in order (at most 16 are asked). */
  steps: string[];
}

export interface StepPlace {
  /** Index into `steps`. */
  index: number;
  draft: PlaceDraft;
}

const output = z.object({
  places: z.array(z.object({ n: z.number().int().min(1).max(MAX_BLOCK_STEPS), ...placeOutputFields })).min(1).max(MAX_BLOCK_STEPS),
});

const entryNumber = z.object({ n: wholeNumber(1, MAX_BLOCK_STEPS) });

const schema = z
  .object({ places: z.array(z.unknown()).max(MAX_BLOCK_STEPS * 2) })
  .transform((a) =>
    a.places.flatMap((item): StepPlace[] => {
      const n = entryNumber.safeParse(item);
      const draft = placeDraftSchema.safeParse(item);
      return n.success && draft.success ? [{ index: n.data.n - 1, draft: draft.data }] : [];
    }),
  )
  .refine((places) => places.length > 0, "expected at least one usable place");

/** The places a block-places prompt lists: sectors ranked by the words of all the steps, not only the first. */
export function blockPlacesMenu({ place, steps }: BlockPlacesInput): PlaceMenu {
  return placeMenu({ ...place, task: steps.slice(0, MAX_BLOCK_STEPS).join("; ") }, EXPANDED_SECTORS);
}

export const blockPlacesUnit: PromptUnit<BlockPlacesInput, StepPlace[]> = {
  name: "block_places",
  build: (input) => {
    const { place, steps } = input;
    return {
      system: PLACE_SYSTEM,
      user: [
        whoAndWhere(place),
        ...blockPlacesMenu(input).lines,
        `Steps of "${place.parentTask ?? place.task}":`,
        ...steps.slice(0, MAX_BLOCK_STEPS).map((step, i) => `${i + 1}. ${step}`),
        `For each step, where and how does ${place.persona.firstName} do it? Answer {"places": [{"n": 1, ${PLACE_FIELDS}}, ...]}.`,
      ].join("\n"),
    };
  },
  outputSchema: output,
  schema,
  fallback: () => [],
  maxTokens: 40 * MAX_BLOCK_STEPS,
  temperature: 0.2,
};
