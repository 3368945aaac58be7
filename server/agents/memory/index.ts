/** An agent's memory: the stream (long-term), scratch (short-term), spatial memory, retrieval. */
export * from "./constants";
export * from "./embedding";
export * from "./memory-stream";
export * from "./memory-json";
export * from "./retrieve";
export * from "./spatial-memory";
export * from "./scratch";
export * from "./reflection-trigger";
