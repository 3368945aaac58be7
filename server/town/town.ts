/**
 * The town: wiring between the world (server/sim), the residents (server/agents) and the
 * mind. `step()` advances one simulation step and never waits for a mind: answers are
 * applied at the start of a later step (server/agents/apply.ts). `settle()` waits for
 * every pending answer, which gives lockstep runs. `snapshot()` is the whole state as
 * plain JSON (server/town/snapshot.ts). Files are loaded by server/town-factory.ts.
 */
import { PLAYER_LOOKS, type Facing } from "../../shared/constants";
import type { ChatLine } from "../../shared/protocol";
import type { Mind } from "../mind/mind";
import type { TownContext } from "../agents/context";
import { applyChange } from "../agents/apply";
import { endConversation, playerLine, startConversation, stepConversations } from "../agents/converse";
import { decisionRunner } from "../agents/decide";
import { setObjectEvent } from "../agents/execute";
import { interview } from "../agents/interview";
import { stepResident } from "../agents/loop";
import { planChannel, type Change, type Request } from "../agents/requests";
import { Resident } from "../agents/resident";
import { manhattan } from "../sim/address";
import { GameClock } from "../sim/clock";
import { Conversations } from "../sim/conversations";
import { TileEvents } from "../sim/events";
import { asPlayerId, residentId, type PlayerId, type ResidentId } from "../sim/ids";
import { JobQueue } from "../sim/jobs";
import type { Maze } from "../sim/maze";
import { advancePlayer, planStep, planWalkTo, playerEvent, uniqueName, type Player, type Refusal } from "../sim/players";
import type { Scenario } from "../sim/scenario";
import { seedSpatialMemory, startTile } from "./settle-in";
import { playerView, residentView, type PlayerView, type ResidentView } from "./views";

export type { Refusal } from "../sim/players";
export type { PlayerView, ResidentView } from "./views";

export interface TownOptions {
  maze: Maze;
  scenario: Scenario;
  mind: Mind;
  seed?: number;
  /** ISO game start; defaults to the scenario's start date. */
  startTime?: string;
  /** Where failures are written; defaults to the console. */
  log?: (message: string) => void;
}

/** Residents this close (tiles) hear what a player says. */
export const EARSHOT_TILES = 6;

export class Town implements TownContext {
  readonly clock: GameClock;
  readonly maze: Maze;
  readonly mind: Mind;
  readonly scenario: Scenario;
  readonly seed: number;
  readonly events: TileEvents;
  readonly conversations = new Conversations();
  readonly jobs: JobQueue<Request, Change>;
  readonly residents: Resident[] = [];
  readonly players = new Map<PlayerId, Player>();
  private readonly byId = new Map<ResidentId, Resident>();
  private readonly chatOutbox: ChatLine[] = [];
  /** Sequence of planted thoughts (each gets its own job channel). */
  plantSeq = 0;

  /** A new town from its scenario; `restoreTown` brings a saved one back instead. */
  constructor(opts: TownOptions, restoring = false) {
    this.maze = opts.maze;
    this.mind = opts.mind;
    this.scenario = opts.scenario;
    this.seed = opts.seed ?? 1;
    this.clock = GameClock.fromIso(opts.startTime ?? opts.scenario.startDate);
    this.events = new TileEvents(this.maze.width);
    const log = opts.log ?? ((m: string) => console.error(`[town] ${m}`));
    this.jobs = new JobQueue(decisionRunner(this, log));
    if (restoring) return;
    for (const r of this.maze.objectRects) setObjectEvent(this, r.address, null);
    opts.scenario.personas.forEach((p, i) => {
      const r = new Resident(residentId(i), p, startTile(this.maze, this.seed, p.start, p.name));
      seedSpatialMemory(this.maze, r);
      this.addResident(r);
    });
    for (const fact of opts.scenario.facts) {
      const holder = this.residentByName(fact.holder);
      if (holder) this.plant(holder, fact.text, fact.id, fact.keywords);
    }
  }

  get mindLabel(): string {
    return this.mind.label;
  }

  /** Failed decision attempts, in all and per kind (for reports and tests). */
  get decisionFailures(): number {
    return this.jobs.failureCount;
  }

  resident(id: ResidentId | string): Resident | undefined {
    return this.byId.get(id as ResidentId);
  }

  residentByName(name: string): Resident | undefined {
    return this.residents.find((r) => r.name === name);
  }

  allResidents(): readonly Resident[] {
    return this.residents;
  }

  /** The display name behind an id: a resident, a player here now or one who talked here before. */
  nameOf(id: string): string {
    const known = this.byId.get(id as ResidentId)?.name ?? this.players.get(id as PlayerId)?.name;
    if (known) return known;
    for (const c of this.conversations.log) for (const i of [0, 1] as const) if (c.sides[i].id === id) return c.names[i];
    return id;
  }

  orderOf(id: ResidentId): number {
    return this.residents.indexOf(this.byId.get(id)!);
  }

  /** For restoring only: residents join in scenario order. */
  addResident(r: Resident): void {
    this.residents.push(r);
    this.byId.set(r.id, r);
  }

  residentViews(): ResidentView[] {
    return this.residents.map((r) => residentView(this.maze, r, this.jobs.busy(planChannel(r.id))));
  }

  playerViews(): PlayerView[] {
    return [...this.players.values()].map((p) => playerView(this.maze, p));
  }

  emit(line: ChatLine): void {
    this.chatOutbox.push(line);
  }

  /** Chat lines said since the last call (for the room to broadcast). */
  drainChat(): ChatLine[] {
    return this.chatOutbox.splice(0);
  }

  /** One simulation step: apply answers, advance the clock, step each resident, then the conversations. */
  step(): void {
    this.jobs.applyFinished((c) => applyChange(this, c), this.clock.nowMs);
    this.clock.advance();
    this.jobs.retryDue(this.clock.nowMs);
    this.residents.forEach((r, i) => stepResident(this, r, i));
    stepConversations(this);
  }

  /** Waits until no decision is running and applies the answers (lockstep). */
  async settle(): Promise<void> {
    await this.jobs.settle((c) => applyChange(this, c), this.clock.nowMs);
  }

  // ---- players ---------------------------------------------------------------------

  /** A person joins with an avatar; a name someone in town already has gets a suffix. */
  addPlayer(id: string, name: string, look: string): PlayerView {
    if (this.byId.has(id as ResidentId)) throw new Error(`player id "${id}" is taken by a resident`);
    const spawns = this.maze.spawns.filter((s) => s.name === "player");
    const spot = spawns.length > 0 ? spawns[this.players.size % spawns.length] : this.residents[0]?.tile ?? { x: 0, y: 0 };
    const sprite = (PLAYER_LOOKS as readonly string[]).includes(look) ? look : PLAYER_LOOKS[0];
    const taken = (n: string) => this.residents.some((r) => r.name === n) || [...this.players.values()].some((p) => p.name === n);
    const p: Player = { id: asPlayerId(id), name: uniqueName(name, taken), sprite, tile: { x: spot.x, y: spot.y }, facing: "down" as Facing, path: [], carryMs: 0, conversationId: null };
    this.players.set(p.id, p);
    this.events.add(p.tile, playerEvent(p));
    return playerView(this.maze, p);
  }

  removePlayer(id: string): void {
    const p = this.players.get(id as PlayerId);
    if (!p) return;
    const conv = p.conversationId ? this.conversations.get(p.conversationId) : undefined;
    if (conv) endConversation(this, conv);
    this.events.remove(p.tile, p.id);
    this.players.delete(p.id);
  }

  movePlayerTo(id: string, x: number, y: number): { ok: true; pathLength: number } | Refusal {
    const p = this.players.get(id as PlayerId);
    if (!p) return { ok: false, code: "NOT_FOUND", message: "you have no avatar in this town" };
    return planWalkTo(this.maze, p, x, y);
  }

  walkPlayer(id: string, dir: Facing): { ok: true } | Refusal {
    const p = this.players.get(id as PlayerId);
    if (!p) return { ok: false, code: "NOT_FOUND", message: "you have no avatar in this town" };
    return planStep(this.maze, p, dir);
  }

  stopPlayer(id: string): void {
    const p = this.players.get(id as PlayerId);
    if (p) p.path = p.path.slice(0, 1);
  }

  /** Returns true when any player moved. */
  advancePlayers(elapsedRealMs: number): boolean {
    let moved = false;
    for (const p of this.players.values()) {
      const from = p.tile;
      if (!advancePlayer(this.maze, p, elapsedRealMs)) continue;
      moved = true;
      this.events.remove(from, p.id);
      this.events.add(p.tile, playerEvent(p));
    }
    return moved;
  }

  /**
   * A player says something. The resident addressed by first name within earshot (or
   * the nearest free one) answers, starting a conversation if needed; else the line is
   * said in the open.
   */
  say(speakerId: string, text: string): ChatLine | null {
    const p = this.players.get(speakerId as PlayerId);
    if (!p) return null; // not a player of this town: nobody hears it
    let conv = p.conversationId ? this.conversations.get(p.conversationId) : undefined;
    if (!conv) {
      const listener = this.listenerFor(p, text);
      if (listener) conv = startConversation(this, { kind: "player", id: p.id }, { kind: "resident", id: listener.id });
    }
    if (conv) {
      playerLine(this, conv, p.id, text);
      return this.chatOutbox[this.chatOutbox.length - 1] ?? null;
    }
    const line: ChatLine = { conversationId: "", speakerId: p.id, speakerName: p.name, text, gameTimeMs: this.clock.nowMs, x: p.tile.x, y: p.tile.y };
    this.chatOutbox.push(line);
    return line;
  }

  // ---- host tools --------------------------------------------------------------------

  /** Plants a thought in a resident's mind (the original's "whisper"). */
  whisper(residentId: string, text: string): boolean {
    const r = this.resident(residentId);
    if (!r) return false;
    this.plant(r, text, undefined, []);
    return true;
  }

  /** Asks a resident a question; it answers in character from what it remembers (reads only). */
  async interview(residentId: string, question: string, asker: string): Promise<string | null> {
    const r = this.resident(residentId);
    return r ? interview(this.mind, r, question, asker, this.clock.nowMs) : null;
  }

  /** A memory planted at start (scenario facts) or by the host; remembered off the tick. */
  private plant(r: Resident, text: string, factId: string | undefined, keywords: string[]): void {
    const request: Request = { kind: "plant", resident: r.id, seq: ++this.plantSeq, atMs: this.clock.nowMs, text, keywords, ...(factId !== undefined && { factId }) };
    this.jobs.start(request, this.orderOf(r.id));
  }

  /** The resident a player's words are for: named in the text, else the nearest free one. */
  private listenerFor(p: Player, text: string): Resident | undefined {
    const near = this.residents
      .filter((r) => manhattan(r.tile, p.tile) <= EARSHOT_TILES && !r.conversationId && !r.isAsleep)
      .sort((a, b) => manhattan(a.tile, p.tile) - manhattan(b.tile, p.tile));
    const lower = text.toLowerCase();
    return near.find((r) => lower.includes(r.persona.firstName.toLowerCase())) ?? near[0];
  }
}
