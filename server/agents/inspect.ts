/**
 * What the inspector shows of a resident: identity, today's plan and schedule, recent
 * memories and reflections, and the people it has talked with. Read-only.
 */
import type { InspectAnswer, InspectMemory } from "../../shared/protocol";
import { formatClock, MS_PER_MINUTE } from "../sim/clock";
import { placeLabel } from "../sim/address";
import { isIdle, type MemoryNode } from "./memory/memory-stream";
import type { Resident } from "./resident";

const RECENT = 15;
const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

function asItem(n: MemoryNode): InspectMemory {
  return { kind: n.kind, time: `${DAY_NAMES[new Date(n.createdMs).getUTCDay()]} ${formatClock(n.createdMs)}`, text: n.description, poignancy: n.poignancy };
}

/** `nameOf` turns the ids memories hold (conversation partners) into names. */
export function inspectResident(r: Resident, nameOf: (id: string) => string): InspectAnswer {
  const nodes = r.memory.nodes();
  const memories = nodes.filter((n) => !isIdle(n) && n.evidence.length === 0).slice(-RECENT).reverse().map(asItem);
  const reflections = nodes.filter((n) => n.kind === "thought" && n.evidence.length > 0).slice(-RECENT).reverse().map(asItem);
  const talks = new Map<string, { conversations: number; lastChat: string }>();
  for (const n of nodes) {
    if (n.kind !== "chat") continue;
    const name = nameOf(n.object);
    const t = talks.get(name) ?? { conversations: 0, lastChat: "" };
    t.conversations++;
    t.lastChat = n.description;
    talks.set(name, t);
  }
  const schedule: InspectAnswer["schedule"] = [];
  if (r.day) {
    let at = r.day.dayStartMs;
    r.day.schedule.forEach((block, i) => {
      for (const b of r.day!.decomposed.get(i) ?? [block]) {
        schedule.push({ start: formatClock(at), task: b.task, minutes: b.minutes });
        at += b.minutes * MS_PER_MINUTE;
      }
    });
  }
  return {
    agentId: r.id,
    name: r.name,
    age: r.persona.age,
    innate: r.persona.innate,
    currently: r.persona.currently,
    action: r.action?.description ?? "",
    place: r.action ? placeLabel(r.action.address) : "",
    plan: r.day?.dailyPlan ?? [],
    schedule,
    memories,
    reflections,
    relationships: [...talks.entries()].map(([name, t]) => ({ name, ...t })).sort((a, b) => b.conversations - a.conversations),
  };
}
