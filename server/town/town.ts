/**
 * The town: wiring between the world (server/sim), the residents (server/agents) and the
 * mind. `step()` advances one simulation step and never waits for a mind: answers are
 * applied at the start of a later step (server/agents/apply.ts). `settle()` waits for
 * every pending answer, which gives lockstep runs. `snapshot()` is the whole state as
 * plain JSON (server/town/snapshot.ts). Files are loaded by server/town-factory.ts.
 */
import { PLAYER_LOOKS, type Facing } from "../../shared/constants";
import { ErrorCode, FEED_LINES } from "../../shared/constants";
import type { ChatDelta, ChatMessage, SayChannel } from "../../shared/protocol";
import type { Mind } from "../mind/mind";
import type { Ablation, TownContext } from "../agents/context";
import { applyChange } from "../agents/apply";
import { addresseeIn, EARSHOT_TILES, joinConversation, leaveConversation, playerLine, startConversation, stepConversations } from "../agents/converse";
import { decisionRunner } from "../agents/decide";
import { setObjectEvent } from "../agents/execute";
import { interview } from "../agents/interview";
import { stepResident } from "../agents/loop";
import { planChannel, type Change, type Request } from "../agents/requests";
import { Resident } from "../agents/resident";
import type { Overlap } from "../agents/overlap";
import type { MemoryNode } from "../agents/memory/memory-stream";
import { manhattan } from "../sim/address";
import { GameClock } from "../sim/clock";
import { Conversations, isPresent, type Conversation } from "../sim/conversations";
import { TileEvents } from "../sim/events";
import { asPlayerId, residentId, type PersonRef, type PlayerId, type ResidentId } from "../sim/ids";
import { JobQueue, type JobRunner } from "../sim/jobs";
import { forPerson } from "../mind/lanes";
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
  /** Switches one part of the residents' architecture off (experiments; server/agents/ablation.ts). */
  ablate?: Ablation;
  /** Lockstep with overlapping model calls: steps between asking and applying, per kind of question (server/agents/overlap.ts). */
  overlap?: Overlap;
}

export { EARSHOT_TILES } from "../agents/converse";
/** A person this close to a free resident who speaks without naming anyone is talking to it. */
export const TALK_TILES = 2;

/** What `say` did, or why it did nothing. */
export type SayResult = { ok: true; line: ChatMessage } | Refusal;

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
  private readonly chatOutbox: ChatMessage[] = [];
  /** The last FEED_LINES lines, for people who join later. */
  private readonly feed: ChatMessage[] = [];
  private chatSeq = 0;
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
    return { seq: this.chatSeq, lines: [...this.feed] };
  }

  /** Restores the feed, then puts back lines said after it was saved (from the chat log). */
  loadFeed(saved: { seq: number; lines: ChatMessage[] }, later: readonly ChatMessage[] = []): void {
    this.feed.splice(0, this.feed.length, ...saved.lines);
    this.chatSeq = saved.seq;
    for (const line of later) {
      if (line.seq <= this.chatSeq) continue;
      this.feed.push(line);
      this.chatSeq = line.seq;
    }
    this.feed.splice(0, Math.max(0, this.feed.length - FEED_LINES));
  }

  residentViews(): ResidentView[] {
    return this.residents.map((r) => residentView(this.maze, r, this.jobs.busy(planChannel(r.id))));
  }

  playerViews(): PlayerView[] {
    return [...this.players.values()].map((p) => playerView(this.maze, p));
  }

  emit(line: Omit<ChatMessage, "seq">): ChatMessage {
    const numbered: ChatMessage = { seq: ++this.chatSeq, ...line };
    this.chatOutbox.push(numbered);
    this.feed.push(numbered);
    if (this.feed.length > FEED_LINES) this.feed.shift();
    this.onLine?.(numbered);
    return numbered;
  }

  emitDelta(delta: ChatDelta): void {
    this.onDelta?.(delta);
  }

  /** Chat lines said since the last call (for the room to broadcast). */
  drainChat(): ChatMessage[] {
    return this.chatOutbox.splice(0);
  }

  /** The most recent lines, oldest first (what a joiner is shown). */
  recentFeed(): ChatMessage[] {
    return [...this.feed];
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
    if (conv) leaveConversation(this, conv, { kind: "player", id: p.id });
    this.events.remove(p.tile, p.id);
    this.players.delete(p.id);
  }

  movePlayerTo(id: string, x: number, y: number): { ok: true; pathLength: number } | Refusal {
    const p = this.players.get(id as PlayerId);
    if (!p) return { ok: false, code: "not_found", message: "you have no avatar in this town" };
    return planWalkTo(this.maze, p, x, y);
  }

  walkPlayer(id: string, dir: Facing): { ok: true } | Refusal {
    const p = this.players.get(id as PlayerId);
    if (!p) return { ok: false, code: "not_found", message: "you have no avatar in this town" };
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
   * A person says something. To a resident (`to`, or named in the text, or a free one
   * right beside them): a line in a conversation with it, which it answers. To a person:
   * a line for them, in the conversation they share or in the open. Otherwise open speech
   * near the speaker, or the town-wide channel, which only people hear.
   */
  say(speakerId: string, text: string, to?: string, channel: SayChannel = "near"): SayResult {
    const p = this.players.get(speakerId as PlayerId);
    if (!p) return { ok: false, code: ErrorCode.NotFound, message: "you have no avatar in this town" };
    if (channel === "town") return { ok: true, line: this.openLine(p, text, null, "town") };
    const conv = p.conversationId ? this.conversations.get(p.conversationId) : undefined;
    if (to !== undefined && this.players.has(to as PlayerId)) {
      const other: PersonRef = { kind: "player", id: to as PlayerId };
      if (conv && isPresent(conv, other)) return this.lineIn(conv, p, text, other);
      return { ok: true, line: this.openLine(p, text, other, "near") };
    }
    if (to !== undefined) {
      const r = this.resident(to);
      if (!r) return { ok: false, code: ErrorCode.NotFound, message: `nobody with id "${to.slice(0, 40)}" is in town` };
      return this.speakTo(p, r, text, conv);
    }
    if (conv) {
      const addressee = addresseeIn(this, conv, p.id, text);
      if (addressee) return this.lineIn(conv, p, text, addressee);
    }
    const listener = this.listenerFor(p, text);
    if (listener) return this.speakTo(p, listener, text, conv);
    return { ok: true, line: this.openLine(p, text, null, "near") };
  }

  /** A person speaks to a resident: in their conversation, joining the resident's, or starting one. */
  private speakTo(p: Player, r: Resident, text: string, conv: Conversation | undefined): SayResult {
    const self: PersonRef = { kind: "player", id: p.id };
    const them: PersonRef = { kind: "resident", id: r.id };
    if (conv && isPresent(conv, them)) return this.lineIn(conv, p, text, them);
    const distance = manhattan(r.tile, p.tile);
    if (distance > EARSHOT_TILES) return { ok: false, code: ErrorCode.OutOfEarshot, message: `${r.persona.firstName} is ${distance} tiles away and cannot hear you; walk closer (${EARSHOT_TILES} tiles or less)` };
    if (r.isAsleep) return { ok: false, code: ErrorCode.Busy, message: `${r.persona.firstName} is asleep` };
    if (conv) leaveConversation(this, conv, self);
    const theirs = r.conversationId ? this.conversations.get(r.conversationId) : undefined;
    let target: Conversation;
    if (theirs) {
      joinConversation(this, theirs, self, them);
      target = theirs;
    } else {
      target = startConversation(this, self, them);
    }
    return this.lineIn(target, p, text, them);
  }

  private lineIn(conv: Conversation, p: Player, text: string, to: PersonRef): SayResult {
    playerLine(this, conv, p.id, text, to);
    const line = this.feed[this.feed.length - 1];
    return { ok: true, line };
  }

  private openLine(p: Player, text: string, to: PersonRef | null, channel: "near" | "town"): ChatMessage {
    return this.emit({
      conversationId: "",
      channel,
      from: p.id,
      fromName: p.name,
      to: to?.id ?? null,
      toName: to ? this.nameOf(to.id) : null,
      participants: [],
      participantNames: [],
      text,
      gameTimeMs: this.clock.nowMs,
      x: p.tile.x,
      y: p.tile.y,
    });
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

  /** The resident a person's words are for: one named in the text within earshot, else a free one right beside them. */
  private listenerFor(p: Player, text: string): Resident | undefined {
    const lower = text.toLowerCase();
    const near = this.residents
      .filter((r) => manhattan(r.tile, p.tile) <= EARSHOT_TILES && !r.isAsleep)
      .sort((a, b) => manhattan(a.tile, p.tile) - manhattan(b.tile, p.tile));
    const named = near.find((r) => new RegExp(`\\b${escapeRegExp(r.persona.firstName.toLowerCase())}\\b`).test(lower));
    return named ?? near.find((r) => manhattan(r.tile, p.tile) <= TALK_TILES && !r.conversationId);
  }
}

/** A resident's line in a conversation a person takes part in runs in the person lane (server/mind/lanes.ts). */
function personFirst(town: Town, runner: JobRunner<Request, Change>): JobRunner<Request, Change> {
  return {
    ...runner,
    run: (request) => {
      if (request.kind !== "line") return runner.run(request);
      const conv = town.conversations.get(request.conversation);
      const withPerson = conv?.members.some((m) => m.who.kind === "player" && m.leftMs === undefined);
      return withPerson ? forPerson(() => runner.run(request)) : runner.run(request);
    },
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
