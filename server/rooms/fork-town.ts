/**
 * Forks people ask for: from the lobby or an invite (`POST /api/towns/:code/fork`) and
 * from the host's controls. The fork is a new live town with its own code, hosted by
 * whoever asked; it starts when its code is first looked up, like any saved town.
 */
import type { Application, Request, Response } from "express";
import express from "express";
import { ForkRequest, type ForkAnswer } from "../../shared/protocol";
import { forkTown, type Intervention } from "../durable/fork";
import { LIVE_JOURNAL } from "../durable/saved-town";
import type { Mind } from "../mind/mind";
import type { Store } from "../store/store";
import { playerIdOf, TownPassword } from "./access";
import { describeIssues } from "./dispatch";

export interface PersonFork {
  hostId: string;
  atStep?: number;
  name?: string;
  private?: boolean;
  password?: string;
  interventions?: ({ kind: "whisper" | "fact"; resident: string; text: string } | { kind: "remove"; resident: string })[];
}

/** Forks `sourceId` for a person; the interventions' facts get ids the report can follow. */
export async function forkForPerson(store: Store, sourceId: string, ask: PersonFork, mind: Mind): Promise<ForkAnswer> {
  const interventions: Intervention[] = (ask.interventions ?? []).map((iv, i) =>
    iv.kind === "remove" ? iv : iv.kind === "whisper" ? { kind: "whisper", resident: iv.resident, text: iv.text } : { kind: "fact", resident: iv.resident, text: iv.text, factId: `fork-fact-${i + 1}` },
  );
  const forked = await forkTown(store, sourceId, {
    mind,
    mode: "live",
    journal: LIVE_JOURNAL,
    hostId: ask.hostId,
    private: ask.private ?? true,
    interventions,
    ...(ask.atStep !== undefined && { atStep: ask.atStep }),
    ...(ask.name !== undefined && { name: ask.name }),
    ...(ask.password !== undefined && { password: TownPassword.of(ask.password).toString() }),
  });
  const roomId = forked.journal.record.id;
  return { roomId, link: `/t/${roomId}`, step: forked.step };
}

/** `POST /api/towns/:code/fork` with a ForkRequest body. */
export function mountForkRoute(app: Application, store: Store, mindFor: (seed: number) => Mind): void {
  app.post("/api/towns/:code/fork", express.json({ limit: "64kb" }), async (req: Request, res: Response) => {
    const code = String(req.params.code);
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(code)) return void res.status(400).json({ error: "a town code is letters, digits, '-' and '_'" });
    const parsed = ForkRequest.safeParse(req.body ?? {});
    if (!parsed.success) return void res.status(400).json({ error: `bad fork request: ${describeIssues(parsed.error)}` });
    const ask = parsed.data;
    try {
      const source = await store.getTown(code);
      if (!source) return void res.status(404).json({ error: `no saved town "${code}"` });
      if (source.password && !TownPassword.fromString(source.password).matches(ask.sourcePassword)) {
        return void res.status(403).json({ error: ask.sourcePassword === undefined ? "this town needs a password" : "wrong password" });
      }
      const answer = await forkForPerson(store, code, { ...ask, hostId: playerIdOf(ask.token, "") }, mindFor(source.seed));
      res.status(201).json(answer);
    } catch (err) {
      const message = (err as Error).message;
      const status = /^intervention:|fork step/.test(message) ? 400 : 500;
      res.status(status).json({ error: `cannot fork "${code}": ${message}` });
    }
  });
}
