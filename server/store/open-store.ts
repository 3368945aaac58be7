/** The store a process uses: Redis when REDIS_URL is set, else files under DATA_DIR. */
import { FileStore } from "./file-store";
import { RedisStore } from "./redis-store";
import type { Store } from "./store";

export function openStore(opts: { dataDir: string; redisUrl?: string; prefix?: string; log?: (m: string) => void }): Store {
  if (opts.redisUrl) return new RedisStore(opts.redisUrl, { ...(opts.prefix !== undefined && { prefix: opts.prefix }), ...(opts.log && { log: opts.log }) });
  return new FileStore(opts.dataDir, { ...(opts.log && { log: opts.log }) });
}
