/**
 * A concurrency limiter with two queues: at most `concurrency` tasks run at once; when a
 * slot frees, the oldest task a person is waiting on goes first, then the oldest
 * background one. It has p-limit's shape (callable, `activeCount`, `pendingCount`,
 * `clearQueue`), so it is shared across towns the same way.
 */
import type pLimit from "p-limit";
import { currentLane } from "../lanes";

export function laneLimiter(concurrency: number): pLimit.Limit {
  if (!(Number.isInteger(concurrency) && concurrency >= 1)) throw new RangeError(`concurrency must be a whole number from 1, got ${concurrency}`);
  const queues = { person: [] as (() => void)[], background: [] as (() => void)[] };
  let active = 0;
  const next = () => {
    if (active >= concurrency) return;
    const start = queues.person.shift() ?? queues.background.shift();
    if (!start) return;
    active++;
    start();
  };
  const limit = (<A extends unknown[], R>(fn: (...args: A) => PromiseLike<R> | R, ...args: A): Promise<R> =>
    new Promise<R>((resolve, reject) => {
      const run = () => {
        Promise.resolve()
          .then(() => fn(...args))
          .then(resolve, reject)
          .finally(() => {
            active--;
            next();
          });
      };
      queues[currentLane()].push(run);
      next();
    })) as pLimit.Limit;
  Object.defineProperties(limit, {
    activeCount: { get: () => active },
    pendingCount: { get: () => queues.person.length + queues.background.length },
    clearQueue: {
      value: () => {
        queues.person.length = 0;
        queues.background.length = 0;
      },
    },
  });
  return limit;
}
