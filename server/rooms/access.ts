/**
 * Who may come in, and who they are: player ids from tokens, town passwords, and the
 * bans of kicked people. Pure apart from hashing; the room passes the time.
 */
import { createHash, randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import { asPlayerId, type PlayerId } from "../sim/ids";

/** How long a kicked person's token is refused by that town (real ms). */
export const KICK_BAN_MS = 10 * 60_000;

/**
 * A person's id in a town: from the token their browser keeps (the same on every visit),
 * else from this connection. Hashed, so the id that others see cannot be used to join as them.
 */
export function playerIdOf(token: string | undefined, sessionId: string): PlayerId {
  const source = token !== undefined ? `token:${token}` : `session:${sessionId}`;
  return asPlayerId(`p${createHash("sha256").update(source).digest("hex").slice(0, 12)}`);
}

/** A town password, kept only as a salted hash. */
export class TownPassword {
  private constructor(
    private readonly salt: Buffer,
    private readonly hash: Buffer,
  ) {}

  static of(password: string): TownPassword {
    const salt = randomBytes(16);
    return new TownPassword(salt, scryptSync(password, salt, 32));
  }

  /** "salt:hash" in hex, as a town's record keeps it. */
  toString(): string {
    return `${this.salt.toString("hex")}:${this.hash.toString("hex")}`;
  }

  static fromString(saved: string): TownPassword {
    const m = /^([0-9a-f]{32}):([0-9a-f]{64})$/.exec(saved);
    if (!m) throw new Error("a saved town password must be 32 hex digits of salt, ':', 64 hex digits of hash");
    return new TownPassword(Buffer.from(m[1], "hex"), Buffer.from(m[2], "hex"));
  }

  matches(attempt: string | undefined): boolean {
    if (attempt === undefined) return false;
    return timingSafeEqual(scryptSync(attempt, this.salt, 32), this.hash);
  }
}

/** Player ids refused until a time (real ms). */
export class Bans {
  private readonly until = new Map<PlayerId, number>();

  ban(id: PlayerId, nowMs: number, forMs = KICK_BAN_MS): void {
    this.until.set(id, nowMs + forMs);
  }

  /** Real ms left on a ban, 0 when there is none. */
  remainingMs(id: PlayerId, nowMs: number): number {
    const end = this.until.get(id);
    if (end === undefined) return 0;
    if (end <= nowMs) {
      this.until.delete(id);
      return 0;
    }
    return end - nowMs;
  }
}
