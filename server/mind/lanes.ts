/**
 * Who is waiting for an answer. A question asked inside `forPerson` (a resident's reply
 * in a conversation with a person, an interview) carries that mark through every await
 * down to the model client, whose queue serves it before residents' background questions.
 * The mark changes only the order of the queue, never an answer: lockstep runs stay exact.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export type Lane = "person" | "background";

const lane = new AsyncLocalStorage<Lane>();

/** Runs `fn` (and everything it awaits) as work a person is waiting on. */
export function forPerson<T>(fn: () => T): T {
  return lane.run("person", fn);
}

/** The lane of the work running now. */
export function currentLane(): Lane {
  return lane.getStore() ?? "background";
}
