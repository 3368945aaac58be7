/**
 * All buildings of the town: the family houses and the public buildings.
 * The notation of the text floor plans is described in plan-types.ts.
 */
import { BuildingPlan } from "./plan-types";
import { HOME_PLANS } from "./plans-homes";
import { PUBLIC_PLANS } from "./plans-public";

export type { BuildingPlan, RoomSpec } from "./plan-types";

/** Every building of the town. */
export const PLANS: BuildingPlan[] = [...HOME_PLANS, ...PUBLIC_PLANS];
