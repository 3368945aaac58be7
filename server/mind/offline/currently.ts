/**
 * The offline mind's daily revision of "currently": yesterday's additions dropped, the
 * plans made and news heard in the last two days added, most important first.
 */
import { GAME_MS_PER_DAY } from "../../agents/memory/constants";
import type { Persona } from "../../sim/scenario";
import type { MemoryRef } from "../mind";
import { clip, joinList, sentences, stripEnd } from "./language";
import { scorePoignancy } from "./poignancy";
import { newsInMemory, sameNews } from "./topics";

const MAX_CURRENTLY_CHARS = 600;

/**
 * The new "currently": the old one without yesterday's additions, plus a sentence on the
 * plans made and the news heard recently (most important first), bounded in length.
 */
export function revisedCurrently(p: Persona, currently: string, memories: MemoryRef[], dayStartMs: number): string {
  const recent = memories.filter((m) => m.createdMs >= dayStartMs - 2 * GAME_MS_PER_DAY);
  // Older plans and news are stale (the party may be over): only the last two days count.
  // Each memory scored once, not once per comparison of the sort.
  const weight = new Map(recent.map((m) => [m, scorePoignancy({ persona: p, kind: "thought", description: m.text })]));
  const pool = recent.sort((a, b) => weight.get(b)! - weight.get(a)!);
  const added = new RegExp(`^${p.firstName} (plans to|has heard that|is planning to)\\b`);
  const base = sentences(currently).filter((s) => !added.test(s)).join(" ");
  const plans: string[] = [];
  const news: string[] = [];
  for (const m of pool) {
    const plan = /^(?:for my planning:\s*)?I should go to (.+)$/i.exec(stripEnd(m.text));
    if (plan && plans.length < 1 && !sameNews(plan[1], base)) plans.push(`plans to go to ${plan[1]}`);
  }
  for (const m of pool) {
    for (const n of newsInMemory(m.text)) {
      if (news.length >= 1 || n.core.startsWith(p.name) || sameNews(n.core, base) || plans.some((x) => sameNews(x, n.core))) continue;
      news.push(`has heard that ${clip(n.core, 160)}`);
    }
  }
  const parts = [...plans, ...news];
  if (parts.length === 0) return `${clip(base, MAX_CURRENTLY_CHARS - 1)}.`;
  const extra = `${p.firstName} ${joinList(parts)}.`;
  const room = MAX_CURRENTLY_CHARS - extra.length - 1;
  return `${stripEnd(clip(base, Math.max(80, room)))}. ${extra}`;
}
