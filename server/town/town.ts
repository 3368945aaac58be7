/**
 * The town: wiring between the world (server/sim), the residents (server/agents) and the
 * mind. `step()` advances one simulation step and never waits for a mind: answers are
 * applied at the start of a later step (server/agents/apply.ts). `settle()` waits for
 * every pending answer, which gives lockstep runs. snapshot.ts saves the whole state as
 * plain JSON; files are loaded by server/town-factory.ts.
 */
import type { Facing } from "../../shared/constants";
import { ErrorCode } from "../../shared/constants";
import type { ChatDelta, ChatMessage, SayChannel } from "../../shared/protocol";
import type { Mind } from "../mind/mind";
import type { Ablation, TownContext } from "../agents/context";
import { applyChange } from "../agents/apply";
import { leaveConversation, stepConversations } from "../agents/converse";
import { decisionRunner } from "../agents/decide";
import { setObjectEvent } from "../agents/execute";
import { interview } from "../agents/interview";
import { stepResident } from "../agents/loop";
import { planChannel, type Change, type Request } from "../agents/requests";
import { Resident } from "../agents/resident";
import type { Overlap } from "../agents/overlap";
import type { MemoryNode } from "../agents/memory/memory-stream";
import { GameClock } from "../sim/clock";
import { Conversations } from "../sim/conversations";
import { TileEvents } from "../sim/events";
import { residentId, type PlayerId, type ResidentId } from "../sim/ids";
import { JobQueue } from "../sim/jobs";
import { forPerson } from "../mind/lanes";
import type { Maze } from "../sim/maze";
import type { Player, Refusal } from "../sim/players";
import type { Scenario } from "../sim/scenario";
import { seedSpatialMemory, startTile } from "./settle-in";
import { playerView, residentView, type PlayerView, type ResidentView } from "./views";
import { personFirst, personSays, type SayResult } from "./person-speech";
import { ChatFeed } from "./chat-feed";
import * as people from "./town-players";

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
  /** Switches one part of the residents' architecture off (experiments; server/agents/ablation.ts). */
  ablate?: Ablation;
  /** Lockstep with overlapping model calls: steps between asking and applying, per kind of question (server/agents/overlap.ts). */
  overlap?: Overlap;
}

export { EARSHOT_TILES } from "../agents/converse";
export { TALK_TILES, type SayResult } from "./person-speech";

export class Town implements TownContext {
  readonly clock: GameClock;
  readonly maze: Maze;
  readonly mind: Mind;
  readonly scenario: Scenario;
  readonly seed: number;
  readonly ablate?: Ablation;
  readonly events: TileEvents;
  readonly conversations = new Conversations();
  readonly jobs: JobQueue<Request, Change>;
  readonly residents: Resident[] = [];
  readonly players = new Map<PlayerId, Player>();
  private readonly byId = new Map<ResidentId, Resident>();
  private readonly feed = new ChatFeed();
  /** Receives a resident's line while the model writes it; the room broadcasts it at once. */
  onDelta: ((delta: ChatDelta) => void) | null = null;
  /** Receives every line as it is said (the journal keeps it). */
  onLine: ((line: ChatMessage) => void) | null = null;
  /** Receives every memory a resident forms (the journal keeps it). */
  onMemory: ((resident: Resident, node: MemoryNode) => void) | null = null;
  /** Sequence of planted thoughts (each gets its own job channel). */
  plantSeq = 0;

  /** A new town from its scenario; `restoreTown` brings a saved one back instead. */
  constructor(opts: TownOptions, restoring = false) {
    this.maze = opts.maze;
    this.mind = opts.mind;
    this.scenario = opts.scenario;
    this.seed = opts.seed ?? 1;
    this.ablate = opts.ablate;
    this.clock = GameClock.fromIso(opts.startTime ?? opts.scenario.startDate);
    this.events = new TileEvents(this.maze.width, this.maze.height, this.maze.perceptionArenas());
    const log = opts.log ?? ((m: string) => console.error(`[town] ${m}`));
    this.jobs = new JobQueue(personFirst(this, decisionRunner(this, log, opts.overlap)), () => this.clock.step);
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
    for (const c of this.conversations.log) for (const m of c.members) if (m.who.id === id) return m.name;
    return id;
  }

  orderOf(id: ResidentId): number {
    return this.residents.indexOf(this.byId.get(id)!);
  }

  /** For restoring only: residents join in scenario order. */
  addResident(r: Resident): void {
    this.residents.push(r);
    this.byId.set(r.id, r);
    r.memory.onAppend = (node) => this.onMemory?.(r, node);
  }

  /** The recent feed and the line sequence, as a snapshot keeps them. */
  feedJSON(): { seq: number; lines: ChatMessage[] } {
    return this.feed.toJSON();
  }

  /** Restores the feed, then puts back lines said after it was saved (from the chat log). */
  loadFeed(saved: { seq: number; lines: ChatMessage[] }, later: readonly ChatMessage[] = []): void {
    this.feed.load(saved, later);
  }

  residentViews(): ResidentView[] {
    return this.residents.map((r) => residentView(this.maze, r, this.jobs.busy(planChannel(r.id))));
  }

  playerViews(): PlayerView[] {
    return [...this.players.values()].map((p) => playerView(this.maze, p));
  }

  emit(line: Omit<ChatMessage, "seq">): ChatMessage {
    const numbered = this.feed.add(line);
    this.onLine?.(numbered);
    return numbered;
  }

  emitDelta(delta: ChatDelta): void {
    this.onDelta?.(delta);
  }

  /** Chat lines said since the last call (for the room to broadcast). */
  drainChat(): ChatMessage[] {
    return this.feed.drain();
  }

  /** The most recent lines, oldest first (what a joiner is shown). */
  recentFeed(): ChatMessage[] {
    return this.feed.lines();
  }

  /** One simulation step: apply answers, advance the clock, step each resident, then the conversations. */
  step(): void {
    this.jobs.applyFinished((c) => applyChange(this, c), this.clock.nowMs);
    this.clock.advance();
    this.jobs.retryDue(this.clock.nowMs);
    this.residents.forEach((r, i) => stepResident(this, r, i));
    stepConversations(this);
  }

  /** Applies the answers that have arrived, between steps (a live town does so every tick, so replies come quickly). */
  applyAnswers(): boolean {
    return this.jobs.applyFinished((c) => applyChange(this, c), this.clock.nowMs) > 0;
  }

  /** Waits until no decision due by now is running and applies the answers due (lockstep). */
  async settle(): Promise<void> {
    await this.jobs.settle((c) => applyChange(this, c), this.clock.nowMs);
  }

  /** Waits for every running decision, applying none: answers due later wait for their step (end of an overlapping run). */
  async drain(): Promise<void> {
    await this.jobs.drain();
  }

  // ---- players ---------------------------------------------------------------------

  /** A person joins with an avatar (town-players.ts); a name someone in town already has gets a suffix. */
  addPlayer(id: string, name: string, look: string): PlayerView {
    return people.addPlayer(this, id, name, look);
  }

  removePlayer(id: string): void {
    people.removePlayer(this, id);
  }

  movePlayerTo(id: string, x: number, y: number): { ok: true; pathLength: number } | Refusal {
    return people.movePlayerTo(this, id, x, y);
  }

  walkPlayer(id: string, dir: Facing): { ok: true } | Refusal {
    return people.walkPlayer(this, id, dir);
  }

  stopPlayer(id: string): void {
    people.stopPlayer(this, id);
  }

  /** Returns true when any player moved. */
  advancePlayers(elapsedRealMs: number): boolean {
    return people.advancePlayers(this, elapsedRealMs);
  }

  /**
   * A person says something: to a resident, a person, or the open (person-speech.ts).
   */
  say(speakerId: string, text: string, to?: string, channel: SayChannel = "near"): SayResult {
    const p = this.players.get(speakerId as PlayerId);
    if (!p) return { ok: false, code: ErrorCode.NotFound, message: "you have no avatar in this town" };
    return personSays(this, p, text, to, channel);
  }

  /** The line said last. */
  lastLine(): ChatMessage | undefined {
    return this.feed.last();
  }

  // ---- host tools --------------------------------------------------------------------

  /** Plants a thought in a resident's mind (the original's "whisper"). */
  whisper(residentId: string, text: string): boolean {
    const r = this.resident(residentId);
    if (!r) return false;
    this.plant(r, text, undefined, []);
    return true;
  }

  /**
   * Takes a resident out of the town (an intervention of a fork): it leaves its
   * conversation, its decisions are dropped, the object it used is freed. Others keep
   * their memories of it.
   */
  removeResident(residentId: string): boolean {
    const r = this.resident(residentId);
    if (!r) return false;
    const conv = r.conversationId ? this.conversations.get(r.conversationId) : undefined;
    if (conv) leaveConversation(this, conv, { kind: "resident", id: r.id });
    // Every channel of a resident starts with its id (server/agents/requests.ts).
    this.jobs.cancelWhere((channel) => channel.startsWith(`${r.id}:`));
    if (r.action?.address.object) setObjectEvent(this, r.action.address, null);
    this.events.remove(r.tile, r.id);
    this.residents.splice(this.residents.indexOf(r), 1);
    this.byId.delete(r.id);
    return true;
  }

  /** Plants a fact the report follows (as a scenario's facts are): an intervention of a fork. */
  plantFact(residentId: string, text: string, factId: string, keywords: string[] = []): boolean {
    const r = this.resident(residentId);
    if (!r) return false;
    this.plant(r, text, factId, keywords);
    return true;
  }

  /** Asks a resident a question; it answers in character from what it remembers (reads only). */
  async interview(residentId: string, question: string, asker: string): Promise<string | null> {
    const r = this.resident(residentId);
    // Someone is waiting on the answer: it goes ahead of residents' background questions.
    return r ? forPerson(() => interview(this.mind, r, question, asker, this.clock.nowMs, this.ablate === "memory")) : null;
  }

  /** A memory planted at start (scenario facts) or by the host; remembered off the tick. */
  private plant(r: Resident, text: string, factId: string | undefined, keywords: string[]): void {
    const request: Request = { kind: "plant", resident: r.id, seq: ++this.plantSeq, atMs: this.clock.nowMs, text, keywords, ...(factId !== undefined && { factId }) };
    this.jobs.start(request, this.orderOf(r.id));
  }
}
