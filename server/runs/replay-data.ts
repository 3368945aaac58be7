/**
 * A saved town read back for playback: its record (without the password hash), who is
 * in it, the step frames, the chat lines, the residents' thoughts and the conversations,
 * plus whatever the store reported as damaged.
 */
import { PLAYER_LOOKS } from "../../shared/constants";
import type { ReplayConversation, ReplayData, ReplayLine, ReplayPerson, ReplayThought, ReplayTown, ThoughtKind } from "../../shared/replay";
import type { MemoryNodeJson } from "../agents/memory/memory-json";
import { loadScenario } from "../scenarios";
import type { ChatEntry, MemoryEntry, StepEntry } from "../store/entries";
import type { Damage, Store, TownRecord } from "../store/store";

/** The replay of a saved town; null when the store has no such town. */
export async function loadReplay(store: Store, id: string): Promise<ReplayData | null> {
  const record = await store.getTown(id);
  if (!record) return null;
  const [steps, chat, memory] = await Promise.all([
    store.readLog<StepEntry>(id, "steps"),
    store.readLog<ChatEntry>(id, "chat"),
    store.readLog<MemoryEntry>(id, "memory"),
  ]);
  const damage = [steps.damage, chat.damage, memory.damage].filter((d): d is Damage => d !== undefined);
  const frames = resumedBranch(steps.entries);
  const lines = chatLines(chat.entries);
  return {
    town: publicRecord(record),
    people: castOf(record, frames, lines),
    frames,
    lines,
    thoughts: thoughtsOf(memory.entries),
    conversations: conversationsOf(lines),
    damage,
  };
}

export function publicRecord(record: TownRecord): ReplayTown {
  const { password, ...rest } = record;
  return { ...rest, hasPassword: password !== undefined };
}

/**
 * The frames of the timeline that was kept. A town resumed from an older snapshot writes
 * a full frame at a step it had already passed; the frames after that step from before
 * the resume never happened in the end.
 */
export function resumedBranch(entries: StepEntry[]): StepEntry[] {
  const out: StepEntry[] = [];
  for (const frame of entries) {
    const behind = out.length > 0 && out[out.length - 1].step >= frame.step;
    // A delta that does not move forward adds nothing a frame at its step has not said already.
    if (behind && !frame.full) continue;
    while (out.length > 0 && out[out.length - 1].step >= frame.step) out.pop();
    out.push(frame);
  }
  return out;
}

/** Lines by step then sequence; a line written twice (the same sequence, after a resume) counts once, as last written. */
function chatLines(entries: ChatEntry[]): ReplayLine[] {
  const bySeq = new Map<number, ReplayLine>();
  for (const e of entries) bySeq.set(e.line.seq, { ...e.line, step: e.step });
  return [...bySeq.values()].sort((a, b) => a.step - b.step || a.seq - b.seq);
}

/** Reflections, plans, planted and other thoughts, and conversation summaries; events are left out (there are too many to read). */
function thoughtsOf(entries: MemoryEntry[]): ReplayThought[] {
  const byNode = new Map<string, ReplayThought>();
  for (const { step, resident, node } of entries) {
    const kind = thoughtKind(node);
    if (kind) byNode.set(`${resident}/${node.id}`, { step, resident, gameTimeMs: node.createdMs, kind, text: node.description });
  }
  return [...byNode.values()].sort((a, b) => a.step - b.step);
}

/** What the memory was made by, from the predicate each writer uses (agents/reflect, plan, decide). */
export function thoughtKind(node: Pick<MemoryNodeJson, "kind" | "predicate" | "source">): ThoughtKind | null {
  if (node.kind === "chat") return "chat";
  if (node.kind !== "thought") return null;
  if (node.predicate === "reflects") return "reflection";
  if (node.predicate === "plans") return "plan";
  // A planted thought has no teller; one heard in a conversation names who said it.
  if (node.predicate === "knows" && !node.source?.toldBy) return "planted";
  return "thought";
}

function conversationsOf(lines: ReplayLine[]): ReplayConversation[] {
  const byId = new Map<string, ReplayConversation & { names: Map<string, string> }>();
  for (const l of lines) {
    if (!l.conversationId) continue;
    let c = byId.get(l.conversationId);
    if (!c) {
      c = { id: l.conversationId, participants: [], participantNames: [], startMs: l.gameTimeMs, endMs: l.gameTimeMs, startStep: l.step, endStep: l.step, lines: 0, names: new Map() };
      byId.set(l.conversationId, c);
    }
    c.lines++;
    c.startMs = Math.min(c.startMs, l.gameTimeMs);
    c.endMs = Math.max(c.endMs, l.gameTimeMs);
    c.startStep = Math.min(c.startStep, l.step);
    c.endStep = Math.max(c.endStep, l.step);
    l.participants.forEach((id, i) => c.names.has(id) || c.names.set(id, l.participantNames[i] ?? id));
    if (!c.names.has(l.from)) c.names.set(l.from, l.fromName);
  }
  return [...byId.values()]
    .map(({ names, ...c }) => ({ ...c, participants: [...names.keys()], participantNames: [...names.values()] }))
    .sort((a, b) => a.startStep - b.startStep || a.startMs - b.startMs);
}

/**
 * Who is who: as the frames name them (each newcomer's name and sheet), else residents
 * from the scenario (ids r<index>, as the town numbers them) and people by the name they
 * spoke under, with a look picked from the id (older logs keep no looks).
 */
function castOf(record: TownRecord, frames: StepEntry[], lines: ReplayLine[]): ReplayPerson[] {
  const people = new Map<string, ReplayPerson>();
  const kindOf = (id: string): ReplayPerson["kind"] => (/^r\d+$/.test(id) ? "resident" : "person");
  for (const f of frames) for (const [id, name, sprite] of f.people ?? []) people.set(id, { id, name, kind: kindOf(id), sprite });
  let personas: { name: string; sprite: string }[] = [];
  try {
    personas = loadScenario(record.scenario).personas;
  } catch {
    // The scenario is gone from this server: residents not named by the frames show by id.
  }
  const spoken = new Map<string, string>();
  for (const l of lines) spoken.set(l.from, l.fromName);
  const seen = new Set<string>();
  for (const f of frames) for (const [id] of f.moved) seen.add(id);
  for (const id of [...seen, ...spoken.keys()]) {
    if (people.has(id)) continue;
    const kind = kindOf(id);
    const persona = kind === "resident" ? personas[Number(id.slice(1))] : undefined;
    const name = persona?.name ?? spoken.get(id) ?? (kind === "resident" ? id : "a visitor");
    people.set(id, { id, name, kind, sprite: persona?.sprite ?? (kind === "resident" ? "" : lookOf(id)) });
  }
  return [...people.values()];
}

function lookOf(id: string): string {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PLAYER_LOOKS[h % PLAYER_LOOKS.length];
}
