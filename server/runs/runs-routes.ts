/**
 * Saved towns over HTTP:
 *   GET  /api/runs              saved public towns
 *   GET  /api/runs/:id/replay   what the replay view plays (ReplayData)
 *   GET  /api/runs/:id/export   the town as a run file (attachment)
 *   POST /api/runs/import       a run file as the body (at most MAX_IMPORT_BYTES)
 * A private town is read by whoever has its id (its invite code); a town with a password
 * only with that password in the `x-town-password` header.
 */
import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";
import { LRUCache } from "lru-cache";
import express from "express";
import type { RunListing } from "../../shared/replay";
import { TownPassword } from "../rooms/access";
import { TokenBucket } from "../rooms/rate-limit";
import { describeDamage, type Store, type TownRecord } from "../store/store";
import { loadReplay } from "./replay-data";
import { exportRun, importRun, parseRunText, runFileChunks, RunFileError } from "./run-file";

/** Largest run file accepted by POST /api/runs/import: a two-day run of 25 residents is well under it. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
export const PASSWORD_HEADER = "x-town-password";
const TOWN_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Wrong guesses cost a scrypt each: a few per second per town, then refused. */
const PASSWORD_TRIES = { perSecond: 1, burst: 10, noticeEveryMs: 0 };
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Who may import: the operator (their HOST_TOKEN in `x-operator-token`), or, with no HOST_TOKEN set, a client on this machine not behind a proxy. */
export const OPERATOR_HEADER = "x-operator-token";

function mayImport(req: express.Request, operatorToken: string | undefined): boolean {
  if (operatorToken !== undefined) return req.get(OPERATOR_HEADER) === operatorToken;
  const from = req.socket.remoteAddress ?? "";
  return ["127.0.0.1", "::1", "::ffff:127.0.0.1"].includes(from) && req.get("x-forwarded-for") === undefined;
}

export function mountRunRoutes(app: express.Application, store: Store, operatorToken?: string): void {
  // Replays gzipped (frames shrink about tenfold), keyed by how far the town had got: a finished town is read once.
  const replays = new LRUCache<string, Promise<Buffer | null>>({ max: 8 });
  const tries = new Map<string, TokenBucket>();

  /** The town when this request may read it; otherwise the answer has been sent. */
  const readable = async (req: express.Request, res: express.Response): Promise<TownRecord | null> => {
    const result = await access(req);
    if ("town" in result) return result.town;
    res.status(result.status).json(result.body);
    return null;
  };

  const access = async (req: express.Request): Promise<{ town: TownRecord } | { status: number; body: { error: string; needsPassword?: true } }> => {
    const id = String(req.params.id);
    if (!TOWN_ID.test(id)) return { status: 400, body: { error: "a town id is letters, digits, '-' and '_'" } };
    const town = await store.getTown(id);
    if (!town) return { status: 404, body: { error: `no saved town "${id}"` } };
    if (town.password === undefined) return { town };
    const given = req.get(PASSWORD_HEADER);
    if (!given) return { status: 401, body: { error: `${town.name || "This town"} has a password: send it in the ${PASSWORD_HEADER} header`, needsPassword: true } };
    let bucket = tries.get(id);
    if (!bucket) tries.set(id, (bucket = new TokenBucket(PASSWORD_TRIES, Date.now())));
    if (!bucket.take(Date.now()).allowed) return { status: 429, body: { error: "too many password attempts: wait a few seconds" } };
    if (!TownPassword.fromString(town.password).matches(given)) return { status: 403, body: { error: "wrong password", needsPassword: true } };
    return { town };
  };

  app.get("/api/runs", async (_req, res) => {
    try {
      const towns = await store.listTowns();
      const runs: RunListing[] = towns
        .filter((t) => !t.private)
        .sort((a, b) => b.updatedAt - a.updatedAt)
        .map((t) => ({
          id: t.id, name: t.name, scenario: t.scenario, mode: t.mode, step: t.step, gameTimeMs: t.gameTimeMs, updatedAt: t.updatedAt,
          ...(t.forkOf && { forkOf: t.forkOf }), hasPassword: t.password !== undefined, closed: t.closed === true,
        }));
      res.json({ runs });
    } catch (err) {
      res.status(500).json({ error: `cannot list saved towns: ${(err as Error).message}` });
    }
  });

  app.get("/api/runs/:id/replay", async (req, res) => {
    try {
      const town = await readable(req, res);
      if (!town) return;
      const key = `${town.id}:${town.updatedAt}:${town.step}`;
      let zipped = replays.get(key);
      if (!zipped) {
        zipped = loadReplay(store, town.id).then((data) => (data ? gzipAsync(JSON.stringify(data)) : null));
        replays.set(key, zipped);
        zipped.catch(() => replays.delete(key));
      }
      const body = await zipped;
      if (body === null) return void res.status(404).json({ error: `no saved town "${town.id}"` });
      res.set({ "cache-control": "no-store", vary: "accept-encoding" }).type("application/json");
      if (req.acceptsEncodings("gzip")) res.set("content-encoding", "gzip").send(body);
      else res.send(await gunzipAsync(body));
    } catch (err) {
      res.status(500).json({ error: `cannot read the town: ${(err as Error).message}` });
    }
  });

  app.get("/api/runs/:id/export", async (req, res) => {
    try {
      const town = await readable(req, res);
      if (!town) return;
      const exported = await exportRun(store, town.id);
      if (!exported) return void res.status(404).json({ error: `no saved town "${town.id}"` });
      res.set({
        "content-type": "application/json",
        "content-disposition": `attachment; filename="${town.id}.ville-run.json"`,
        "cache-control": "no-store",
        // The file holds what was read before any damage; say so without breaking the download.
        ...(exported.damage.length > 0 && { "x-ville-damage": exported.damage.map(describeDamage).join(" | ").replace(/[^\x20-\x7e]/g, "?").slice(0, 2000) }),
      });
      for (const chunk of runFileChunks(exported.file)) {
        if (!res.write(chunk)) await new Promise<void>((done) => res.once("drain", done));
      }
      res.end();
    } catch (err) {
      if (res.headersSent) return void res.destroy(err as Error);
      res.status(500).json({ error: `cannot export the town: ${(err as Error).message}` });
    }
  });

  app.post(
    "/api/runs/import",
    (req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (mayImport(req, operatorToken)) return next();
      res.status(403).json({ error: `importing a town is for the operator: send the server's HOST_TOKEN in the ${OPERATOR_HEADER} header` });
    },
    express.raw({ type: () => true, limit: MAX_IMPORT_BYTES }),
    async (req: express.Request, res: express.Response) => {
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) return void res.status(400).json({ error: "send the run file (JSON) as the request body" });
      try {
        const imported = await importRun(store, parseRunText(req.body.toString("utf8")));
        res.status(201).json({ id: imported.id, renamed: imported.renamed, counts: imported.counts, replay: `/replay/${imported.id}` });
      } catch (err) {
        if (err instanceof RunFileError) return void res.status(400).json({ error: err.message });
        res.status(500).json({ error: `cannot store the town: ${(err as Error).message}` });
      }
    },
    // The body parser's refusals, as JSON with a sentence.
    (err: { type?: string; status?: number; message?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      if (err.type === "entity.too.large") return void res.status(413).json({ error: `a run file may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB` });
      res.status(err.status && err.status < 500 ? err.status : 400).json({ error: `cannot read the request body: ${err.message ?? "unknown error"}` });
    },
  );
}
