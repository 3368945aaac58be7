/**
 * The town: map, clock, residents and players. `step()` advances one simulation step and
 * never waits for a mind: a resident that needs a decision asks for one, keeps doing what
 * it was doing meanwhile, and the answer is applied at a later step (stale answers are
 * dropped). `settle()` waits for every pending answer, which gives lockstep runs.
 * Files are loaded by `createTown()` in server/town-factory.ts.
 */
import { PLAYER_LOOKS, type Facing } from "../../shared/constants";
import type { ChatLine } from "../../shared/protocol";
import type { Mind } from "../mind/mind";
import { Resident } from "../agents/resident";
import { nextAction, planDay } from "../agents/plan";
import { facingOf, routeTo } from "../agents/execute";
import { addressKey, placeLabel, type Address, type Tile } from "./address";
import { dayNumber, GameClock, MS_PER_MINUTE } from "./clock";
import { idleEvent, TileEvents } from "./events";
import type { Maze } from "./maze";
import { advancePlayer, planStep, planWalkTo, type Player, type Refusal } from "./players";
import { intBetween, rngFor, type Rng } from "./rng";
import type { Scenario } from "./scenario";

export type { Refusal } from "./players";

export interface ResidentView {
  id: string;
  name: string;
  sprite: string;
  x: number;
  y: number;
  facing: Facing;
  emoji: string;
  action: string;
  location: string;
  conversationId: string;
  thinking: boolean;
}

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

type Answer = { residentIndex: number; token: number; apply: () => void };

export class Town {
  readonly clock: GameClock;
  readonly maze: Maze;
  readonly mind: Mind;
  readonly scenario: Scenario;
  readonly events: TileEvents;
  readonly seed: number;
  private readonly residentList: Resident[] = [];
  private readonly playerMap = new Map<string, Player>();
  private readonly answers: Answer[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly rng: Rng;
  /** Decisions that failed and fell back (for reports and tests). */
  decisionFailures = 0;

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
    });
  }

  get mindLabel(): string {
    return this.mind.label;
  }

  residents(): ResidentView[] {
    return this.residentList.map((r) => this.residentView(r));
  }

  resident(id: string): Resident | undefined {
    return this.residentList.find((r) => r.id === id);
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
      conversationId: "",
    }));
  }

  /** One simulation step: apply answers, then for each resident decide (async) and move. */
  step(): void {
    this.applyAnswers();
    this.clock.advance();
    const now = this.clock.nowMs;
    this.residentList.forEach((r, i) => {
      this.maybeDecide(r, i, now);
      this.walk(r);
    });
  }

  /** Waits until no decision is pending and applies the answers (lockstep). */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
    this.applyAnswers();
  }

  addPlayer(id: string, name: string, look: string): PlayerView {
    const spawns = this.maze.spawns.filter((s) => s.name === "player");
    const spot = spawns.length > 0 ? spawns[this.playerMap.size % spawns.length] : this.residentList[0]?.tile ?? { x: 0, y: 0 };
    const sprite = (PLAYER_LOOKS as readonly string[]).includes(look) ? look : PLAYER_LOOKS[0];
    this.playerMap.set(id, { id, name, sprite, tile: { x: spot.x, y: spot.y }, facing: "down", path: [], carryMs: 0 });
    return this.players().find((p) => p.id === id)!;
  }

  removePlayer(id: string): void {
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
    for (const p of this.playerMap.values()) moved = advancePlayer(this.maze, p, elapsedRealMs) || moved;
    return moved;
  }

  say(speakerId: string, text: string): ChatLine {
    const p = this.playerMap.get(speakerId);
    const r = this.resident(speakerId);
    const tile = p?.tile ?? r?.tile ?? { x: 0, y: 0 };
    return { conversationId: "", speakerId, speakerName: p?.name ?? r?.name ?? "someone", text, gameTimeMs: this.clock.nowMs, x: tile.x, y: tile.y };
  }

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
      conversationId: "",
      thinking: r.thinking,
    };
  }

  private maybeDecide(r: Resident, index: number, now: number): void {
    if (r.thinking || now < r.retryAtMs) return;
    const day = dayNumber(now);
    const dayIndex = day - dayNumber(this.clock.startMs);
    const needsDay = !r.day || dayNumber(r.day.dayStartMs) !== day;
    if (!needsDay && r.action && now < r.action.endMs) return;
    const world = this.maze.world;
    const sector = this.maze.addressAt(r.tile.x, r.tile.y)?.sector ?? null;
    this.think(r, index, async () => {
      const plan = needsDay ? await planDay(this.mind, r, world, now, dayIndex) : r.day!;
      const next = await nextAction(this.mind, r, plan, world, sector, now);
      return () => {
        r.day = plan;
        if (next.decomposition) plan.decomposed.set(next.decomposition.index, next.decomposition.blocks);
        this.startAction(r, next.action);
      };
    });
  }

  /** Runs a decision off the tick; its result is applied by a later step if still current. */
  private think(r: Resident, index: number, job: () => Promise<() => void>): void {
    const token = ++r.pendingToken;
    r.thinking = true;
    const run: Promise<void> = job()
      .then(
        (apply) => void this.answers.push({ residentIndex: index, token, apply }),
        () => {
          // A failed mind never stops the town: keep going and retry a little later.
          this.decisionFailures++;
          this.answers.push({
            residentIndex: index,
            token,
            apply: () => (r.retryAtMs = this.clock.nowMs + RETRY_MINUTES * MS_PER_MINUTE),
          });
        },
      )
      .finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
  }

  private applyAnswers(): void {
    // Resident order, not arrival order, so runs are reproducible.
    const ready = this.answers.splice(0).sort((a, b) => a.residentIndex - b.residentIndex);
    for (const a of ready) {
      const r = this.residentList[a.residentIndex];
      if (a.token !== r.pendingToken) continue;
      r.thinking = false;
      a.apply();
    }
  }

  private startAction(r: Resident, action: NonNullable<Resident["action"]>): void {
    if (r.action?.address.object) this.setObjectEvent(r.action.address, null);
    r.action = action;
    const route = routeTo(this.maze, r.tile, action.address, rngFor(this.seed, "route", r.id, this.clock.step));
    r.path = route.ok ? route.path : [];
    if (route.ok) action.address = route.target;
    if (action.address.object) this.setObjectEvent(action.address, action.objectState || "in use");
  }

  private walk(r: Resident): void {
    const next = r.path.shift();
    if (!next) return;
    r.facing = facingOf(r.tile, next);
    this.events.remove(r.tile, r.name);
    r.tile = next;
    if (r.action) this.events.add(r.tile, { subject: r.name, predicate: r.action.event[1], object: r.action.event[2], description: `${r.name} is ${r.action.description}` });
    this.perceivePlaces(r);
  }

  /** Spatial memory grows with what the resident sees (vision radius, square). */
  private perceivePlaces(r: Resident): void {
    for (const a of this.maze.addressesNear(r.tile.x, r.tile.y, r.persona.vision)) r.spatial.learn(a);
  }

  private seedSpatialMemory(r: Resident): void {
    const home = r.persona.livingArea.split(":")[1];
    const text = `${r.persona.learned} ${r.persona.currently} ${r.persona.dailyPlanRequirement}`.toLowerCase();
    for (const key of this.maze.places()) {
      const a = this.maze.addressAt(...firstTile(this.maze, key));
      if (!a?.sector) continue;
      const known = a.sector === home || PUBLIC_SECTOR.test(a.sector) || text.includes(a.sector.toLowerCase());
      if (known) r.spatial.learn(a);
    }
    this.perceivePlaces(r);
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

function firstTile(maze: Maze, key: string): [number, number] {
  const t = maze.tilesAt(key)[0];
  return [t.x, t.y];
}
