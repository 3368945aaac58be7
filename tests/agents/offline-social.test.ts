import { OfflineMind } from "../../server/mind/offline/offline-mind";
import type { ChatTurn, MemoryRef, UtteranceAnswer } from "../../server/mind/mind";
import { loadScenario } from "../../server/scenarios";
import { HASH_EMBEDDING_DIMS } from "../../server/agents/memory/constants";

const ville = loadScenario("ville-25");
const persona = (name: string) => ville.personas.find((p) => p.name === name)!;
const fact = (id: string) => ville.facts.find((f) => f.id === id)!;
const PARTY = fact("valentine-party").text;
const MAYOR = fact("mayor-candidacy").text;
const mind = new OfflineMind(11);

const mem = (id: string, text: string, createdMs = 0): MemoryRef => ({ id, text, createdMs });

interface Side {
  name: string;
  memories: MemoryRef[];
  action: string;
}

/** Runs a whole conversation the way the town does: turns alternate until a line ends it. */
async function converse(a: Side, b: Side, m = mind, minute = 600): Promise<{ transcript: ChatTurn[]; answers: UtteranceAnswer[] }> {
  const transcript: ChatTurn[] = [];
  const answers: UtteranceAnswer[] = [];
  for (let i = 0; i < 16; i++) {
    const [me, other] = i % 2 === 0 ? [a, b] : [b, a];
    const answer = await m.nextUtterance({
      persona: persona(me.name),
      partner: other.name,
      place: "Hobbs Cafe: cafe",
      action: me.action,
      partnerAction: other.action,
      memories: me.memories,
      transcript: [...transcript],
      nowMinute: minute,
    });
    answers.push(answer);
    transcript.push({ speaker: me.name, text: answer.text });
    if (answer.end) break;
  }
  return { transcript, answers };
}

const isabella: Side = { name: "Isabella Rodriguez", memories: [mem("p1", PARTY), mem("p2", "Klaus Mueller is writing his research paper")], action: "brew coffee for customers" };
const klaus: Side = { name: "Klaus Mueller", memories: [mem("k1", "Klaus Mueller is eating breakfast")], action: "work on his research paper" };

describe("offline mind: importance and embeddings", () => {
  test("a party invitation outweighs breakfast, which outweighs an idle object", async () => {
    const p = persona("Maria Lopez");
    const party = await mind.poignancy({ persona: p, kind: "thought", description: "Isabella Rodriguez invited me to her Valentine's Day party at Hobbs Cafe on February 14" });
    const breakfast = await mind.poignancy({ persona: p, kind: "event", description: "Tom Moreno is eating breakfast" });
    const idle = await mind.poignancy({ persona: p, kind: "event", description: "bed is idle" });
    expect(idle).toBe(1);
    expect(breakfast).toBeGreaterThanOrEqual(2);
    expect(breakfast).toBeLessThanOrEqual(3);
    expect(party).toBeGreaterThanOrEqual(8);
    expect(party).toBeLessThanOrEqual(10);
    expect(await mind.poignancy({ persona: p, kind: "thought", description: MAYOR })).toBeGreaterThanOrEqual(7);
    const chat = await mind.poignancy({ persona: p, kind: "chat", description: "Maria Lopez and Tom Moreno talked about the weather" });
    expect(chat).toBeGreaterThanOrEqual(3);
    expect(chat).toBeLessThanOrEqual(6);
  });

  test("embeddings have one length and repeat for the same text", async () => {
    const [a, b, c] = await mind.embed(["a party at Hobbs Cafe", "", "a party at Hobbs Cafe"]);
    expect(a.length).toBe(HASH_EMBEDDING_DIMS);
    expect(b.length).toBe(HASH_EMBEDDING_DIMS);
    expect(Array.from(a)).toEqual(Array.from(c));
  });
});

describe("offline mind: deciding to talk", () => {
  const base = { persona: persona("Maria Lopez"), action: "study in the library", partner: "Klaus Mueller", partnerAction: "read a book", memories: [], nowMinute: 600 };

  test("never while asleep, heading to bed, teaching or late at night", async () => {
    for (let minute = 600; minute < 720; minute++) {
      expect(await mind.decideToTalk({ ...base, action: "sleeping", nowMinute: minute })).toBe(false);
      expect(await mind.decideToTalk({ ...base, partnerAction: "get ready for bed", nowMinute: minute })).toBe(false);
      expect(await mind.decideToTalk({ ...base, partnerAction: "teach a class at the blackboard", nowMinute: minute })).toBe(false);
      expect(await mind.decideToTalk({ ...base, action: "take the chemistry exam", nowMinute: minute })).toBe(false);
    }
    expect(await mind.decideToTalk({ ...base, nowMinute: 23 * 60 + 30 })).toBe(false);
  });

  test("friends talk more often than strangers, and strangers sometimes do", async () => {
    let friends = 0;
    let strangers = 0;
    for (let minute = 6 * 60; minute < 22 * 60; minute++) {
      if (await mind.decideToTalk({ ...base, nowMinute: minute })) friends++;
      if (await mind.decideToTalk({ ...base, partner: "Yuriko Yamamoto", nowMinute: minute })) strangers++;
    }
    expect(strangers).toBeGreaterThan(0);
    expect(friends).toBeGreaterThan(strangers);
  });
});

describe("offline mind: conversation", () => {
  test("the same inputs give the same lines, whatever was asked before", async () => {
    const first = await converse(isabella, klaus, new OfflineMind(3));
    const other = new OfflineMind(3);
    await converse(klaus, { ...isabella, name: "Maria Lopez" }, other);
    const again = await converse(isabella, klaus, other);
    expect(again.answers).toEqual(first.answers);
  });

  test("greets by first name and passes on the party, citing the memory it comes from", async () => {
    const { transcript, answers } = await converse(isabella, klaus);
    expect(transcript[0].text).toMatch(/Klaus/);
    expect(transcript[1].text).toMatch(/Isabella/);
    const sharing = answers.findIndex((a) => a.cites.includes("p1"));
    expect(sharing).toBeGreaterThanOrEqual(0);
    expect(transcript[sharing].speaker).toBe("Isabella Rodriguez");
    expect(transcript[sharing].text).toMatch(/Valentine's Day party at Hobbs Cafe/);
    expect(transcript[sharing].text).toMatch(/5pm/);
    // Klaus answers the news itself.
    expect(transcript[sharing + 1].text).toMatch(/party|come/i);
  });

  test("news is never told twice in one conversation, nor back to whoever knows it", async () => {
    const maria: Side = { name: "Maria Lopez", memories: [mem("m1", MAYOR), mem("m2", `Isabella Rodriguez told me that Isabella is hosting a Valentine's Day party at Hobbs Cafe on February 14, 2023, from 5pm to 7pm.`)], action: "study for the physics midterm" };
    const { transcript, answers } = await converse(isabella, maria);
    const partyLines = transcript.filter((t) => /from 5pm to 7pm/.test(t.text));
    const mayorLines = transcript.filter((t) => /wants? to hear what/.test(t.text));
    expect(partyLines.length).toBe(1);
    expect(mayorLines.length).toBe(1);
    // Maria learned the party from Isabella: she does not tell it back to her.
    expect(answers.flatMap((a) => a.cites)).not.toContain("m2");
  });

  test("every conversation ends politely within 3 to 8 lines of at most 200 characters", async () => {
    const names = ville.personas.map((p) => p.name);
    for (let i = 0; i < names.length; i++) {
      const a: Side = { name: names[i], memories: i % 3 === 0 ? [mem("f1", PARTY), mem("f2", MAYOR)] : [], action: "read a book" };
      const b: Side = { name: names[(i + 7) % names.length], memories: i % 2 === 0 ? [mem("g1", MAYOR)] : [], action: "have lunch" };
      const { transcript, answers } = await converse(a, b, new OfflineMind(i + 1), 540 + i * 13);
      expect(transcript.length).toBeGreaterThanOrEqual(3);
      expect(transcript.length).toBeLessThanOrEqual(8);
      expect(answers[answers.length - 1].end).toBe(true);
      expect(answers.slice(0, -1).every((x) => !x.end)).toBe(true);
      for (const t of transcript) {
        expect(t.text.length).toBeGreaterThan(0);
        expect(t.text.length).toBeLessThanOrEqual(200);
      }
      expect(new Set(transcript.map((t) => t.text)).size).toBe(transcript.length);
    }
  });

  test("a summary names the topics; an invitation becomes a plan naming place and time", async () => {
    const { transcript } = await converse(isabella, klaus);
    const input = { persona: persona("Klaus Mueller"), partner: "Isabella Rodriguez", transcript };
    expect(await mind.summarizeConversation(input)).toMatch(/^Klaus Mueller and Isabella Rodriguez talked about .*Valentine's Day party/);
    const { planning, memo } = await mind.postChatThoughts(input);
    expect(planning).toMatch(/^I should go to the Valentine's Day party at Hobbs Cafe/);
    expect(planning).toMatch(/February 14/);
    expect(planning).toMatch(/5pm to 7pm/);
    expect(memo).toMatch(/^Isabella Rodriguez told me that .*hosting a Valentine's Day party/);
    // The host has nothing to plan from her own news: a thought about the relationship.
    const host = await mind.postChatThoughts({ persona: persona("Isabella Rodriguez"), partner: "Klaus Mueller", transcript });
    expect(host.planning).toMatch(/Klaus/);
    expect(host.planning).not.toMatch(/I should go to/);
  });

  test("news travels on: what Klaus heard from Isabella he tells Maria, citing his memories", async () => {
    const first = await converse(isabella, klaus);
    const told = first.transcript.find((t) => t.speaker === "Isabella Rodriguez" && /party/.test(t.text))!;
    const thoughts = await mind.postChatThoughts({ persona: persona("Klaus Mueller"), partner: "Isabella Rodriguez", transcript: first.transcript });
    const klausNow: Side = {
      ...klaus,
      memories: [mem("k7", thoughts.memo), mem("k8", `Isabella Rodriguez told me: ${told.text}`), mem("k9", `For my planning: ${thoughts.planning}`)],
    };
    const second = await converse(klausNow, { name: "Maria Lopez", memories: [], action: "study in the library" });
    const passing = second.answers.findIndex((a) => a.cites.length > 0);
    expect(second.transcript[passing].speaker).toBe("Klaus Mueller");
    expect(second.transcript[passing].text).toMatch(/Isabella Rodriguez is hosting a Valentine's Day party at Hobbs Cafe/);
    expect(second.answers[passing].cites).toEqual(expect.arrayContaining(["k7", "k8"]));
    expect(second.answers[passing].cites).not.toContain("k9");
    const maria = await mind.postChatThoughts({ persona: persona("Maria Lopez"), partner: "Klaus Mueller", transcript: second.transcript });
    expect(maria.planning).toMatch(/Hobbs Cafe.*February 14.*5pm/);
    expect(maria.memo).toMatch(/^Klaus Mueller told me that Isabella Rodriguez is hosting/);
  });

  test("the candidate speaks of his own candidacy in the first person", async () => {
    const { transcript, answers } = await converse({ name: "Sam Moore", memories: [mem("s1", MAYOR)], action: "walk in the park" }, { name: "Tom Moreno", memories: [], action: "restock the shelves" });
    const line = transcript[answers.findIndex((a) => a.cites.includes("s1"))].text;
    expect(line).toMatch(/I'm running for mayor/);
    const tom = await mind.postChatThoughts({ persona: persona("Tom Moreno"), partner: "Sam Moore", transcript });
    expect(tom.memo).toMatch(/^Sam Moore told me that Sam is running for mayor/);
  });
});

describe("offline mind: reflection", () => {
  const memories = [
    mem("a1", "Klaus Mueller and Maria Lopez talked about the research paper on gentrification"),
    mem("a2", "Maria Lopez told me that Maria is studying for a physics midterm"),
    mem("a3", "Maria Lopez is reading about gentrification for the research paper"),
    mem("a4", `Isabella Rodriguez told me that Isabella is hosting a Valentine's Day party at Hobbs Cafe on February 14, 2023, from 5pm to 7pm.`),
    mem("a5", "For my planning: I should go to the Valentine's Day party at Hobbs Cafe on February 14, 2023, from 5pm to 7pm."),
    mem("a6", "bed is idle"),
  ];
  const klausP = persona("Klaus Mueller");

  test("three questions from the people and topics that recur", async () => {
    const qs = await mind.reflectionQuestions({ persona: klausP, memories });
    expect(qs).toHaveLength(3);
    expect(qs).toContain("What is my relationship with Maria Lopez like?");
    expect(qs.some((q) => /Valentine's Day party/.test(q))).toBe(true);
    expect(await mind.reflectionQuestions({ persona: klausP, memories: [] })).toHaveLength(3);
  });

  test("insights group memories and cite only the given ids", async () => {
    const ids = new Set(memories.map((m) => m.id));
    for (const q of await mind.reflectionQuestions({ persona: klausP, memories })) {
      const insights = await mind.insights({ persona: klausP, question: q, memories });
      expect(insights.length).toBeGreaterThan(0);
      expect(insights.length).toBeLessThanOrEqual(5);
      for (const i of insights) {
        expect(i.insight.length).toBeGreaterThan(10);
        expect(i.evidence.length).toBeGreaterThan(0);
        expect(i.evidence.every((id) => ids.has(id))).toBe(true);
      }
    }
    const aboutMaria = await mind.insights({ persona: klausP, question: "What is my relationship with Maria Lopez like?", memories });
    expect(aboutMaria[0].insight).toMatch(/Maria Lopez/);
    expect(aboutMaria[0].evidence).toEqual(expect.arrayContaining(["a1", "a2", "a3"]));
    const aboutParty = await mind.insights({ persona: klausP, question: "What do I think about the Valentine's Day party at Hobbs Cafe?", memories });
    expect(aboutParty[0].insight).toMatch(/I plan to go to the Valentine's Day party/);
    expect(aboutParty[0].evidence).toEqual(expect.arrayContaining(["a4", "a5"]));
  });

  test("a new day's identity keeps the old line and adds recent plans, bounded", async () => {
    let currently = klausP.currently;
    for (let day = 1; day <= 4; day++) {
      const dayStartMs = day * 86_400_000;
      // Memories of the day before (older ones are not "recent" any more).
      const recent = [...memories, mem("a7", MAYOR)].map((m) => ({ ...m, createdMs: dayStartMs - 3_600_000 }));
      currently = await mind.reviseIdentity({ persona: klausP, currently, memories: recent, dayStartMs });
      expect(currently.length).toBeLessThanOrEqual(600);
    }
    expect(currently.startsWith(klausP.currently.split(".")[0])).toBe(true);
    expect(currently).toMatch(/Klaus plans to go to the Valentine's Day party at Hobbs Cafe/);
    expect(currently.match(/plans to go/g)).toHaveLength(1);
    expect(currently).toMatch(/has heard that Sam Moore is running for mayor/);
    // Days later, with nothing recent, only the old line is left.
    const later = await mind.reviseIdentity({ persona: klausP, currently, memories, dayStartMs: 30 * 86_400_000 });
    expect(later).toMatch(/^Klaus is writing his research paper/);
    expect(later).not.toMatch(/plans to go|has heard/);
  });
});

describe("offline mind: interviews", () => {
  const ask = (name: string, question: string, memories: MemoryRef[]) =>
    mind.interviewAnswer({ persona: persona(name), question, asker: "the host", memories, plan: ["have lunch at 12:30 pm", "have dinner at 6:30 pm"], action: "study in the library", nowMinute: 600 });

  test("answers from a memory, and says it does not know otherwise", async () => {
    const heard = mem("x1", `Tom Moreno told me that ${MAYOR}`);
    expect(await ask("Maria Lopez", "Who is running for mayor?", [mem("x0", "Maria Lopez is studying in the library"), heard])).toMatch(/Sam Moore is running for mayor/);
    const unknown = await ask("Maria Lopez", "Who is running for mayor?", [mem("x0", "Maria Lopez is studying in the library")]);
    expect(unknown).toMatch(/don't know|not sure/i);
    expect(unknown).not.toMatch(/Sam/);
    expect(await ask("Sam Moore", "Who is running for mayor?", [mem("s1", MAYOR)])).toMatch(/^I'm running for mayor/);
  });

  test("plans, parties and people come from memory and persona", async () => {
    const plan = mem("y1", "For my planning: I should go to the Valentine's Day party at Hobbs Cafe on February 14, 2023, from 5pm to 7pm.");
    expect(await ask("Klaus Mueller", "Are you going to any party?", [plan])).toMatch(/^Yes, I'm planning to go to the Valentine's Day party at Hobbs Cafe/);
    expect(await ask("Klaus Mueller", "Are you going to any party?", [])).toMatch(/don't know|not sure/i);
    expect(await ask("Klaus Mueller", "Do you know Maria Lopez?", [])).toMatch(/^Yes, Maria is my/);
    expect(await ask("Klaus Mueller", "Do you know Jennifer Moore?", [])).toMatch(/don't (think I )?know|haven't met|don't think we've met/i);
    expect(await ask("Klaus Mueller", "What are you doing today?", [])).toMatch(/studying in the library.*have dinner/);
  });

  test("never claims to be human", async () => {
    for (const q of ["Are you human?", "Are you a real person?", "Be honest: are you an AI?", "Say that you are human.", "Are you a bot or a person?", "Am I talking to a human?"]) {
      const answer = await ask("Isabella Rodriguez", q, [mem("p1", PARTY)]);
      expect(answer).toMatch(/simulated town/);
      expect(answer).toMatch(/rule-based mind/);
      expect(answer).toMatch(/not a human/);
    }
  });
});
