/** Parameters of an agent's memory. Units are in the names; times are game milliseconds. */

import { MS_PER_DAY, MS_PER_HOUR } from "../../../shared/constants";

export { MS_PER_DAY as GAME_MS_PER_DAY, MS_PER_HOUR as GAME_MS_PER_HOUR } from "../../../shared/constants";

/** Thoughts (reflections, plans, memos) are forgotten after 30 game days, as in the original. */
export const THOUGHT_LIFETIME_MS = 30 * MS_PER_DAY;

export const MIN_POIGNANCY = 1;
export const MAX_POIGNANCY = 10;

/** Dimensions of the hashed bag-of-words embedding. */
export const HASH_EMBEDDING_DIMS = 256;

/** Retrieval: how many memories per focal point, and how the three components are weighed. */
export const DEFAULT_RETRIEVE_K = 30;
export const DEFAULT_RETRIEVAL_WEIGHTS = { recency: 0.5, relevance: 3, importance: 2 } as const;
/** Recency multiplier per game hour since a memory was last accessed (the 25-agent run's 0.995). */
export const RECENCY_DECAY_PER_GAME_HOUR = 0.995;

/** Summed poignancy of new memories that triggers a reflection. */
export const DEFAULT_REFLECTION_THRESHOLD = 150;

/** Perception parameters of the shipped runs. */
export const DEFAULT_VISION_RADIUS_TILES = 8;
export const DEFAULT_ATTENTION_BANDWIDTH = 8;
export const DEFAULT_RETENTION = 8;
