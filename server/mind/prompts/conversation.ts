/**
 * Conversation: a whole exchange between two residents in one answer, where asking line
 * by line would repeat both identities, the memories and the growing transcript in
 * every prompt. The town still says the lines one per turn. Each side's memories get
 * their own short ids (a1.., b1..), since the two memory streams reuse the same ids;
 * `toScript` maps cites back, keeps only the speaker's own, makes the lines alternate
 * (a run of lines by one speaker becomes one line) and cuts the exchange at its limit.
 * The answer also brings each side's notes on the talk (summary, importance, planning,
 * memo), which answer the questions each resident asks when it ends (see chat-summary.ts)
 * without reading the transcript again.
 * Fallback: no lines (the town then asks line by line).
 */
import { z } from "zod";
import type { PromptUnit } from "../llm/prompt";
import type { ConversationInput, ConversationSide, MemoryRef, ScriptLine } from "../mind";
import { idList, text, wholeNumber } from "./fields";
import { briefIdentity, memoryLines, relationTo, system, timeText } from "./persona";
import { previousTalk } from "./utterance";

const MAX_MEMORIES = 6;
const LINE_CHARS = 400;
const SIDE_IDS = ["a", "b"] as const;

export interface RawLine {
  by: string;
  text: string;
  cites: string[];
}

/** One side's notes on the talk, as the chat summary would give them. */
export interface SideNotes {
  summary: string;
  importance?: number;
  planning: string;
  memo: string;
}

const output = z.object({
  lines: z.array(z.object({ by: z.string(), text: z.string(), cites: z.array(z.string()) })),
  notes: z.array(z.object({ by: z.string(), summary: z.string(), importance: z.number().int().min(1).max(10), planning: z.string(), memo: z.string() })),
});

const by = z.union([z.string(), z.number()]).optional().transform((b) => String(b ?? ""));
const line = z.object({ by, text: text(LINE_CHARS), cites: idList });
const notes = z.object({ by, summary: text(300), importance: wholeNumber(1, 10, { clamp: true }).optional().catch(undefined), planning: text(300), memo: text(300) });

/** Items of a list that read with `item`; the others are left out. */
function readable<T>(items: unknown[] | undefined, item: z.ZodType<T>): T[] {
  return (items ?? []).flatMap((x) => {
    const read = item.safeParse(x);
    return read.success ? [read.data] : [];
  });
}

const schema = z
  .preprocess((v) => (Array.isArray(v) ? { lines: v } : v), z.object({ lines: z.array(z.unknown()), notes: z.array(z.unknown()).optional().catch(undefined) }))
  .transform((a) => ({ lines: readable(a.lines, line), notes: readable(a.notes, notes) }))
  .refine((a) => a.lines.length > 0, "expected at least one line");

export const conversationUnit: PromptUnit<ConversationInput, { lines: RawLine[]; notes: Array<SideNotes & { by: string }> }> = {
  name: "conversation",
  build: (input) => {
    const [a, b] = [input.first, input.second];
    const [an, bn] = speakerNames(input);
    return {
      system: system(
        "You write a conversation between two residents of the Ville, each in character: natural lines of one to three " +
          "sentences, each saying only what the speaker knows. They are simulated residents: neither claims to be a human.",
      ),
      user: [
        `At ${input.place}, ${timeText(input.nowMinute)}. ${a.persona.firstName} was ${a.action || "going about the day"}; ` +
          `${b.persona.firstName} was ${b.action || "going about the day"}.`,
        ...sideLines(a, b, 0),
        ...sideLines(b, a, 1),
        `${an} speaks first, to ${bn}. Write their conversation, lines alternating, at most ${input.maxLines} lines, ending ` +
          `where the talk runs its course; a line cites the ids of the speaker's own memories it passes on. Then each one's ` +
          `private notes, third person: "summary", one sentence starting "${an} and ${bn}" (for ${bn}: "${bn} and ${an}"); ` +
          `"importance" to them, 1 (small talk) to 10 (life-changing); "planning", what matters for their plans (an ` +
          `invitation, a promise, a time and place) or "nothing to plan"; "memo", what they take away about the other. ` +
          `Answer {"lines": [{"by": "${an}", "text": "...", "cites": []}, ...], "notes": [{"by": "${an}", "summary": "...", ` +
          `"importance": n, "planning": "...", "memo": "..."}, {"by": "${bn}", ...}]}.`,
      ].join("\n"),
    };
  },
  outputSchema: output,
  schema,
  fallback: () => ({ lines: [], notes: [] }),
  maxTokens: 1_500,
  temperature: 0.8,
};

/** The exchange as the town uses it: alternating from `first`, own cites only, at most `maxLines`; [] when nothing is usable. */
export function toScript(lines: readonly RawLine[], input: ConversationInput): ScriptLine[] {
  const names = speakerNames(input).map((n) => n.toLowerCase());
  const fulls = [input.first, input.second].map((s) => s.persona.name.toLowerCase());
  const out: Array<ScriptLine & { raw: string[] }> = [];
  for (const l of lines) {
    const by = l.by.trim().toLowerCase();
    const named = [0, 1].find((i) => by === names[i] || by === fulls[i]);
    // An unnamed speaker is taken to be the one whose turn it is.
    const side = (named ?? (out.length === 0 ? 0 : 1 - out[out.length - 1].side)) as 0 | 1;
    const said = unprefixed(l.text, [names[side], fulls[side]]);
    if (!said) continue;
    const last = out[out.length - 1];
    if (last && last.side === side) {
      last.text = `${last.text} ${said}`;
      last.raw.push(...l.cites);
    } else out.push({ side, text: said, cites: [], raw: [...l.cites] });
  }
  // The one whose turn it is speaks first: an exchange that opens with the other is read from their answer on.
  while (out.length > 0 && out[0].side !== 0) out.shift();
  return out.slice(0, input.maxLines).map(({ side, text: t, raw }) => ({ side, text: t.slice(0, LINE_CHARS * 2), cites: ownCites(raw, side, input) }));
}

/** Each side's notes, found by the name they were written under. */
export function notesBySide(written: ReadonlyArray<SideNotes & { by: string }>, input: ConversationInput): Array<SideNotes | undefined> {
  const names = speakerNames(input).map((n) => n.toLowerCase());
  const fulls = [input.first, input.second].map((s) => s.persona.name.toLowerCase());
  return [0, 1].map((side) => {
    const found = written.find((n) => [names[side], fulls[side]].includes(n.by.trim().toLowerCase()));
    return found && { summary: found.summary, importance: found.importance, planning: found.planning, memo: found.memo };
  });
}

/** First names, or full names when the two share a first name. */
function speakerNames(input: ConversationInput): [string, string] {
  const [a, b] = [input.first.persona, input.second.persona];
  return a.firstName === b.firstName ? [a.name, b.name] : [a.firstName, b.firstName];
}

function sideLines(self: ConversationSide, other: ConversationSide, side: 0 | 1): string[] {
  const first = self.persona.firstName;
  return [
    briefIdentity(self.persona),
    relationTo(self.persona, other.persona.name),
    ...previousTalk(first, other.persona.name, self.lastChat),
    `${first}'s memories:`,
    memoryLines(relabel(self.memories, side), MAX_MEMORIES),
  ];
}

/** The side's memories with their short ids: a1, a2... for the first speaker, b1... for the second. */
function relabel(memories: readonly MemoryRef[], side: 0 | 1): MemoryRef[] {
  return memories.slice(0, MAX_MEMORIES).map((m, i) => ({ ...m, id: `${SIDE_IDS[side]}${i + 1}` }));
}

/** Short ids of the speaker's own memories, back to their real ids, without repeats. */
function ownCites(cites: readonly string[], side: 0 | 1, input: ConversationInput): string[] {
  const memories = (side === 0 ? input.first : input.second).memories.slice(0, MAX_MEMORIES);
  const out = new Set<string>();
  for (const c of cites) {
    const m = new RegExp(`^${SIDE_IDS[side]}(\\d+)$`, "i").exec(c.trim());
    const memory = m ? memories[Number(m[1]) - 1] : undefined;
    if (memory) out.add(memory.id);
  }
  return [...out];
}

/** The line without a "Name:" prefix or wrapping quotes. */
function unprefixed(line: string, names: string[]): string {
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const bare = line.replace(new RegExp(`^\\s*(${escaped.join("|")})\\s*:\\s*`, "i"), "");
  return bare.replace(/^\s*["“](.*)["”]\s*$/s, "$1").trim();
}
