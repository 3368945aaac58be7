/**
 * The town: map, clock, residents and players. `step()` advances one simulation step and
 * never waits for a mind: a resident that needs a decision asks for one, keeps doing what
 * it was doing meanwhile, and the answer is applied at a later step (stale answers are
 * dropped). `settle()` waits for every pending answer, which gives lockstep runs.
 * Files are loaded by `createTown()` in server/town-factory.ts.
 *
 * Each step, each resident: perceive -> remember (off the tick) -> react -> reflect ->
 * plan (off the tick) -> execute (walk one tile). Conversations add one line per step.
 */
import { PLAYER_LOOKS, type Facing } from "../../shared/constants";
import type { ChatLine } from "../../shared/protocol";
import type { Mind } from "../mind/mind";
import { planKey, Resident } from "../agents/resident";
import { nextAction, planDay } from "../agents/plan";
import { facingOf, routeTo } from "../agents/execute";
import { perceive, rememberEvents } from "../agents/perceive";
import { canTalk, decideToTalk, isFreeToTalk, waitFor } from "../agents/react";
import { memoryRef, reflect } from "../agents/reflect";
import { tripleKey } from "../agents/memory/memory-stream";
import { retrieve } from "../agents/memory/retrieve";
import { resetReflection, shouldReflect } from "../agents/memory/reflection-trigger";
import type { Speaker } from "../agents/converse";
import { addressKey, manhattan, placeLabel, type Address, type Tile } from "./address";
import { dayNumber, formatDate, GameClock, minuteOfDay, MS_PER_MINUTE } from "./clock";
import { Conversations } from "./conversations";
import { idleEvent, TileEvents } from "./events";
import { JobQueue, type Apply } from "./jobs";
import type { Maze } from "./maze";
import { advancePlayer, planStep, planWalkTo, type Player, type Refusal } from "./players";
import { intBetween, rngFor, type Rng } from "./rng";
import type { Scenario } from "./scenario";
import { homeOf } from "./places";

export type { Refusal } from "./players";

/** What viewers see of anyone in town, resident or player. */
export interface PlayerView {
  id: string;
  name: string;
  sprite: string;
  x: number;
  y: number;
  facing: Facing;
  location: string;
  conversationId: string;
}

export interface ResidentView extends PlayerView {
  emoji: string;
  action: string;
  thinking: boolean;
}

export interface TownOptions {
  maze: Maze;
  scenario: Scenario;
  mind: Mind;
  seed?: number;
  /** ISO game start; defaults to the scenario's start date. */
  startTime?: string;
}

/** Sectors everybody in town knows from the start: the public places. */
const PUBLIC_SECTOR = /cafe|pub|park|college$|market|supply/i;
/** Game minutes to wait before retrying after a failed decision. */
const RETRY_MINUTES = 5;
/** Residents this close (tiles) hear what a player says. */
export const EARSHOT_TILES = 6;
const INTERVIEW_MEMORIES = 50;
const PLAYER_ACTIVITY = "walking around town";

export class Town {
  readonly clock: GameClock;
  readonly maze: Maze;
  readonly mind: Mind;
  readonly scenario: Scenario;
  readonly events: TileEvents;
  readonly seed: number;
  readonly jobs = new JobQueue();
  readonly conversations: Conversations;
  private readonly residentList: Resident[] = [];
  private readonly byName = new Map<string, Resident>();
  private readonly playerMap = new Map<string, Player & { conversationId: string }>();
  private readonly chatOutbox: ChatLine[] = [];
  /** Triples being remembered, per resident, so they are not perceived as new twice. */
  private readonly remembering = new Map<string, Set<string>>();
  private readonly rng: Rng;
  private plantSeq = 0;

  constructor(opts: TownOptions) {
    this.maze = opts.maze;
    this.mind = opts.mind;
    this.scenario = opts.scenario;
    this.seed = opts.seed ?? 1;
    this.rng = rngFor(this.seed, "town");
    this.clock = GameClock.fromIso(opts.startTime ?? opts.scenario.startDate);
    this.events = new TileEvents(this.maze.width);
    for (const r of this.maze.objectRects) this.setObjectEvent(r.address, null);
    opts.scenario.personas.forEach((p, i) => {
      const resident = new Resident(`r${i}`, p, this.startTile(p.start, p.name));
      this.seedSpatialMemory(resident);
      this.residentList.push(resident);
      this.byName.set(resident.name, resident);
    });
    for (const fact of opts.scenario.facts) {
      const holder = this.byName.get(fact.holder);
      if (holder) this.plant(holder, fact.text, { factId: fact.id }, fact.keywords);
    }
    this.conversations = new Conversations({
      maze: this.maze,
      mind: this.mind,
      jobs: this.jobs,
      nowMs: () => this.clock.nowMs,
      indexOf: (r) => this.residentList.indexOf(r),
      tileOf: (s) => (s.kind === "resident" ? s.resident.tile : this.playerMap.get(s.id)?.tile ?? { x: 0, y: 0 }),
      emit: (line) => this.chatOutbox.push(line),
    });
  }

  get mindLabel(): string {
    return this.mind.label;
  }

  /** Decisions that failed and fell back (for reports and tests). */
  get decisionFailures(): number {
    return this.jobs.failures;
  }

  residents(): ResidentView[] {
    return this.residentList.map((r) => this.residentView(r));
  }

  resident(id: string): Resident | undefined {
    return this.residentList.find((r) => r.id === id);
  }

  residentByName(name: string): Resident | undefined {
    return this.byName.get(name);
  }

  allResidents(): readonly Resident[] {
    return this.residentList;
  }

  players(): PlayerView[] {
    return [...this.playerMap.values()].map((p) => ({
      id: p.id,
      name: p.name,
      sprite: p.sprite,
      x: p.tile.x,
      y: p.tile.y,
      facing: p.facing,
      location: placeLabel(this.maze.addressAt(p.tile.x, p.tile.y)),
      conversationId: p.conversationId,
    }));
  }

  /** Chat lines said since the last call (for the room to broadcast). */
  drainChat(): ChatLine[] {
    return this.chatOutbox.splice(0);
  }

  /** One simulation step. */
  step(): void {
    this.jobs.applyFinished();
    this.clock.advance();
    const now = this.clock.nowMs;
    this.residentList.forEach((r, i) => {
      this.perceiveAndReact(r, i, now);
      this.maybeReflect(r, i, now);
      if (!r.conversationId) this.maybeDecide(r, i, now);
      this.walk(r);
    });
    this.conversations.step();
  }

  /** Waits until no decision is pending and applies the answers (lockstep). */
  async settle(): Promise<void> {
    await this.jobs.settle();
  }

  // ---- players ---------------------------------------------------------------------

  addPlayer(id: string, name: string, look: string): PlayerView {
    const spawns = this.maze.spawns.filter((s) => s.name === "player");
    const spot = spawns.length > 0 ? spawns[this.playerMap.size % spawns.length] : this.residentList[0]?.tile ?? { x: 0, y: 0 };
    const sprite = (PLAYER_LOOKS as readonly string[]).includes(look) ? look : PLAYER_LOOKS[0];
    const p = { id, name, sprite, tile: { x: spot.x, y: spot.y }, facing: "down" as Facing, path: [], carryMs: 0, conversationId: "" };
    this.playerMap.set(id, p);
    this.events.add(p.tile, this.playerEvent(p));
    return this.players().find((v) => v.id === id)!;
  }

  removePlayer(id: string): void {
    const p = this.playerMap.get(id);
    if (!p) return;
    this.events.remove(p.tile, p.name);
    const conv = p.conversationId ? this.conversations.get(p.conversationId) : undefined;
    if (conv) this.conversations.end(conv);
    this.playerMap.delete(id);
  }

  movePlayerTo(id: string, x: number, y: number): { ok: true; pathLength: number } | Refusal {
    const p = this.playerMap.get(id);
    if (!p) return { ok: false, code: "NOT_FOUND", message: "you have no avatar in this town" };
    return planWalkTo(this.maze, p, x, y);
  }

  walkPlayer(id: string, dir: Facing): { ok: true } | Refusal {
    const p = this.playerMap.get(id);
    if (!p) return { ok: false, code: "NOT_FOUND", message: "you have no avatar in this town" };
    return planStep(this.maze, p, dir);
  }

  stopPlayer(id: string): void {
    const p = this.playerMap.get(id);
    if (p) p.path = p.path.slice(0, 1);
  }

  /** Returns true when any player moved. */
  advancePlayers(elapsedRealMs: number): boolean {
    let moved = false;
    for (const p of this.playerMap.values()) {
      const from = p.tile;
      if (!advancePlayer(this.maze, p, elapsedRealMs)) continue;
      moved = true;
      this.events.remove(from, p.name);
      this.events.add(p.tile, this.playerEvent(p));
    }
    return moved;
  }

  /**
   * A player says something. Residents within earshot hear it; the one addressed by
   * name (or the nearest free one) answers, starting a conversation if needed.
   */
  say(speakerId: string, text: string): ChatLine {
    const p = this.playerMap.get(speakerId);
    const tile = p?.tile ?? { x: 0, y: 0 };
    const line: ChatLine = { conversationId: p?.conversationId ?? "", speakerId, speakerName: p?.name ?? "someone", text, gameTimeMs: this.clock.nowMs, x: tile.x, y: tile.y };
    if (!p) return line; // not a player of this town: nobody hears it
    let conv = p.conversationId ? this.conversations.get(p.conversationId) : undefined;
    if (!conv) {
      const listener = this.listenerFor(p, text);
      if (listener) {
        conv = this.conversations.start({ kind: "player", id: p.id, name: p.name }, { kind: "resident", resident: listener });
        p.conversationId = conv.id;
      }
    }
    if (conv) {
      // The conversation records the line and emits it.
      line.conversationId = conv.id;
      this.conversations.playerSays(conv, p.name, text);
    } else {
      this.chatOutbox.push(line);
    }
    return line;
  }

  // ---- host tools --------------------------------------------------------------------

  /** Plants a thought in a resident's mind (the original's "whisper"). */
  whisper(residentId: string, text: string): boolean {
    const r = this.resident(residentId);
    if (!r) return false;
    this.plant(r, text, {}, []);
    return true;
  }

  /** Asks a resident a question; it answers in character from what it remembers. */
  async interview(residentId: string, question: string, asker: string): Promise<string | null> {
    const r = this.resident(residentId);
    if (!r) return null;
    const now = this.clock.nowMs;
    const [embedding] = await this.mind.embed([question]);
    // Interviews only read memory: they must not change a run's course.
    const found = retrieve(r.memory, [{ text: question, embedding }], now, { k: INTERVIEW_MEMORIES, markAccessed: false }).get(question) ?? [];
    return this.mind.interviewAnswer({
      persona: r.persona,
      question,
      asker,
      memories: found.map((s) => memoryRef(s.node)),
      plan: r.day?.dailyPlan ?? [],
      action: r.action?.description ?? "",
      nowMinute: minuteOfDay(now),
    });
  }

  // ---- residents ---------------------------------------------------------------------

  private residentView(r: Resident): ResidentView {
    return {
      id: r.id,
      name: r.name,
      sprite: r.persona.sprite,
      x: r.tile.x,
      y: r.tile.y,
      facing: r.facing,
      emoji: r.action?.emoji ?? "",
      action: r.action?.description ?? "",
      location: placeLabel(this.maze.addressAt(r.tile.x, r.tile.y)),
      conversationId: r.conversationId,
      thinking: this.jobs.busy(planKey(r)),
    };
  }

  /** Perceive; remember what is new (off the tick); maybe start talking to someone seen. */
  private perceiveAndReact(r: Resident, index: number, now: number): void {
    const pending = this.remembering.get(r.id) ?? new Set<string>();
    const fresh = perceive(r, this.maze, this.events).filter((p) => !pending.has(tripleKey(p.event)));
    const memKey = `${r.id}:memory`;
    if (fresh.length > 0 && !this.jobs.busy(memKey)) {
      for (const p of fresh) pending.add(tripleKey(p.event));
      this.remembering.set(r.id, pending);
      this.jobs.start(
        memKey,
        index,
        async () => {
          const memories = await rememberEvents(this.mind, r, fresh, now);
          return () => {
            for (const m of memories) r.remember(m);
            pending.clear();
          };
        },
        () => () => pending.clear(),
      );
    }
    if (r.conversationId || this.jobs.busy(planKey(r))) return;
    for (const p of fresh) {
      const other = this.byName.get(p.event.subject);
      const player = other ? undefined : [...this.playerMap.values()].find((pl) => pl.name === p.event.subject);
      if (other && canTalk(r, other, now)) return this.considerTalking(r, index, { kind: "resident", resident: other }, now);
      if (player && !player.conversationId && isFreeToTalk(r, now)) return this.considerTalking(r, index, { kind: "player", id: player.id, name: player.name }, now);
    }
  }

  private considerTalking(r: Resident, index: number, other: Speaker, now: number): void {
    const key = `${r.id}:react`;
    if (this.jobs.busy(key)) return;
    const partner = other.kind === "resident" ? other.resident : null;
    this.jobs.start(
      key,
      index,
      async () => {
        const yes = partner
          ? await decideToTalk(this.mind, r, partner, now)
          : await this.mind.decideToTalk({ persona: r.persona, action: r.action?.description ?? "", partner: other.kind === "player" ? other.name : "", partnerAction: PLAYER_ACTIVITY, memories: [], nowMinute: minuteOfDay(now) });
        return () => {
          if (!yes) return;
          if (partner ? !canTalk(r, partner, this.clock.nowMs) : r.conversationId) return;
          const player = other.kind === "player" ? this.playerMap.get(other.id) : undefined;
          if (other.kind === "player" && (!player || player.conversationId)) return;
          const conv = this.conversations.start({ kind: "resident", resident: r }, other);
          if (player) player.conversationId = conv.id;
        };
      },
      () => () => undefined,
    );
  }

  private maybeReflect(r: Resident, index: number, now: number): void {
    const key = `${r.id}:reflect`;
    if (!shouldReflect(r.scratch) || this.jobs.busy(key)) return;
    resetReflection(r.scratch);
    this.jobs.start(
      key,
      index,
      async () => {
        const insights = await reflect(this.mind, r, now);
        return () => {
          for (const m of insights) r.remember(m);
          r.reflections++;
        };
      },
      () => () => undefined,
    );
  }

  private maybeDecide(r: Resident, index: number, now: number): void {
    if (this.jobs.busy(planKey(r)) || now < r.retryAtMs) return;
    const day = dayNumber(now);
    const dayIndex = day - dayNumber(this.clock.startMs);
    const needsDay = !r.day || dayNumber(r.day.dayStartMs) !== day;
    if (!needsDay && r.action && now < r.action.endMs) return;
    const world = this.maze.world;
    const sector = this.maze.addressAt(r.tile.x, r.tile.y)?.sector ?? null;
    this.jobs.start(
      planKey(r),
      index,
      async () => {
        if (needsDay && dayIndex > 0) await this.reviseIdentity(r, now);
        const plan = needsDay ? await planDay(this.mind, r, world, now, dayIndex) : r.day!;
        const next = await nextAction(this.mind, r, plan, world, sector, now);
        const planThought = needsDay ? `This is ${r.name}'s plan for ${formatDate(now)}: ${plan.dailyPlan.join(", ")}.` : null;
        const [planVec] = planThought ? await this.mind.embed([planThought]) : [undefined];
        return () => {
          if (planThought && planVec) {
            r.remember({ kind: "thought", createdMs: now, subject: r.name, predicate: "plans", object: formatDate(now), description: planThought, poignancy: 5, embedding: planVec });
          }
          if (r.day !== plan) r.dayLog.push(plan);
          r.day = plan;
          if (next.decomposition) plan.decomposed.set(next.decomposition.index, next.decomposition.blocks);
          this.startAction(r, next.action);
        };
      },
      (): Apply => () => {
        // A failed mind never stops the town: keep going and retry a little later.
        r.retryAtMs = this.clock.nowMs + RETRY_MINUTES * MS_PER_MINUTE;
      },
    );
  }

  /** On a new day, "currently" is revised from what the resident remembers. */
  private async reviseIdentity(r: Resident, now: number): Promise<void> {
    const focus = `${r.name}'s plans and the most important things that happened recently`;
    const [embedding] = await this.mind.embed([focus]);
    const found = retrieve(r.memory, [{ text: focus, embedding }], now, { k: 20 }).get(focus) ?? [];
    r.persona.currently = await this.mind.reviseIdentity({ persona: r.persona, currently: r.persona.currently, memories: found.map((s) => memoryRef(s.node)), dayStartMs: now });
  }

  private startAction(r: Resident, planned: NonNullable<Resident["action"]>): void {
    if (r.action?.address.object) this.setObjectEvent(r.action.address, null);
    const action = waitFor(r, planned, this.residentList, this.clock.nowMs) ?? planned;
    r.action = action;
    r.actionLog.push({ startMs: action.startMs, description: action.description, place: addressKey(action.address) });
    const route = routeTo(this.maze, r.tile, action.address, rngFor(this.seed, "route", r.id, this.clock.step));
    r.path = route.ok ? route.path : [];
    if (route.ok) action.address = route.target;
    if (action.address.object) this.setObjectEvent(action.address, action.objectState || "in use");
    this.events.add(r.tile, this.residentEvent(r));
  }

  private walk(r: Resident): void {
    const next = r.path.shift();
    if (!next) return;
    r.facing = facingOf(r.tile, next);
    this.events.remove(r.tile, r.name);
    r.tile = next;
    this.events.add(r.tile, this.residentEvent(r));
    for (const a of this.maze.addressesNear(r.tile.x, r.tile.y, r.persona.vision)) r.spatial.learn(a);
  }

  private residentEvent(r: Resident) {
    const [, predicate, object] = r.action?.event ?? [r.name, "is", "idle"];
    return { subject: r.name, predicate, object, description: `${r.name} ${predicate} ${object}` };
  }

  private playerEvent(p: Player) {
    return { subject: p.name, predicate: "is", object: PLAYER_ACTIVITY, description: `${p.name} is ${PLAYER_ACTIVITY}` };
  }

  /** The resident a player's words are for: named in the text, else the nearest free one. */
  private listenerFor(p: Player, text: string): Resident | undefined {
    const near = this.residentList
      .filter((r) => manhattan(r.tile, p.tile) <= EARSHOT_TILES && !r.conversationId && !r.isAsleep)
      .sort((a, b) => manhattan(a.tile, p.tile) - manhattan(b.tile, p.tile));
    const lower = text.toLowerCase();
    return near.find((r) => lower.includes(r.persona.firstName.toLowerCase())) ?? near[0];
  }

  /** A memory planted at start (scenario facts) or by the host; remembered off the tick. */
  private plant(r: Resident, text: string, source: { factId?: string }, keywords: string[]): void {
    const now = this.clock.nowMs;
    this.jobs.start(
      `${r.id}:plant:${++this.plantSeq}`,
      this.residentList.indexOf(r),
      async () => {
        const [embedding] = await this.mind.embed([text]);
        const poignancy = await this.mind.poignancy({ persona: r.persona, kind: "thought", description: text });
        return () =>
          void r.remember({ kind: "thought", createdMs: now, subject: r.name, predicate: "knows", object: text, description: text, poignancy, embedding, keywords: [r.name, ...keywords], source: { ...source, toldBy: "" } });
      },
      () => () => undefined,
    );
  }

  private seedSpatialMemory(r: Resident): void {
    const home = homeOf(r.persona).sector;
    const text = `${r.persona.learned} ${r.persona.currently} ${r.persona.dailyPlanRequirement}`.toLowerCase();
    for (const key of this.maze.places()) {
      const t = this.maze.tilesAt(key)[0];
      const a = this.maze.addressAt(t.x, t.y);
      if (!a?.sector) continue;
      const known = a.sector === home || PUBLIC_SECTOR.test(a.sector) || text.includes(a.sector.toLowerCase());
      if (known) r.spatial.learn(a);
    }
    for (const a of this.maze.addressesNear(r.tile.x, r.tile.y, r.persona.vision)) r.spatial.learn(a);
  }

  private setObjectEvent(address: Address, state: string | null): void {
    const e = state === null ? idleEvent(address) : { subject: addressKey(address), predicate: "is", object: state, description: `${address.object} is ${state}` };
    for (const t of this.maze.tilesAt(address)) this.events.add(t, e);
  }

  private startTile(start: string, name: string): Tile {
    const tiles = this.maze.tilesAt(start);
    if (tiles.length === 0) throw new Error(`${name}: start place "${start}" is not on the map`);
    const spawn = this.maze.spawns.find((s) => s.address && addressKey(s.address) === start && this.maze.isWalkable(s.x, s.y));
    return spawn ? { x: spawn.x, y: spawn.y } : tiles[intBetween(this.rng, 0, tiles.length - 1)];
  }
}

