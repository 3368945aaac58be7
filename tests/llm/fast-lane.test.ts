/**
 * The fast lane: a question a person waits on goes ahead of residents' background
 * questions in the model queue. The loopback server is slowed and the limiter filled
 * with background questions; the person's question is answered before those still queued.
 */
import { forPerson } from "../../server/mind/lanes";
import { laneLimiter } from "../../server/mind/llm/lane-limiter";
import { startFakeOpenAI, type FakeOpenAI } from "./fake-openai-server";
import { clientFor, moodUnit } from "./helpers";

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI({ answer: () => JSON.stringify({ mood: "calm", energy: 5 }), delayMs: 150 });
});
afterAll(async () => {
  await fake.close();
});

test("with the queue full of background questions, a person's question is answered first", async () => {
  const { client } = clientFor(fake, { concurrency: 2 });
  // The first answer settles the response mode; later questions go out side by side.
  await client.ask(moodUnit, { name: "warm-up" });
  const done: string[] = [];
  const ask = (name: string) => client.ask(moodUnit, { name }).then(() => void done.push(name));
  const background = Array.from({ length: 8 }, (_, i) => ask(`resident ${i}`));
  // Two on the wire, six waiting: now a person asks.
  for (let i = 0; i < 100 && client.limiter.pendingCount < 6; i++) await new Promise((r) => setTimeout(r, 10));
  expect([client.limiter.activeCount, client.limiter.pendingCount]).toEqual([2, 6]);
  const person = forPerson(() => ask("a person"));
  await Promise.all([...background, person]);
  // At the server: the two already on the wire, then the person, then the queued residents in order.
  const arrived = fake.requestsTo("chat").map((r) => /How does (.+?) feel/.exec(JSON.stringify(r.body))?.[1]).filter((n) => n !== "warm-up");
  expect(arrived.slice(2)).toEqual(["a person", "resident 2", "resident 3", "resident 4", "resident 5", "resident 6", "resident 7"]);
  // Answered before every question that was waiting when it was asked but one (the slot freed beside it).
  expect(done.indexOf("a person")).toBeLessThan(done.indexOf("resident 3"));
  expect([client.limiter.activeCount, client.limiter.pendingCount]).toEqual([0, 0]);
});

test("without a person waiting, the order is first come, first served", async () => {
  const limit = laneLimiter(1);
  const order: number[] = [];
  await Promise.all([0, 1, 2, 3].map((i) => limit(async () => void order.push(i))));
  expect(order).toEqual([0, 1, 2, 3]);
  const mixed: string[] = [];
  const slow = limit(() => new Promise<void>((r) => setTimeout(r, 30)));
  const b = limit(async () => void mixed.push("background"));
  const p = forPerson(() => limit(async () => void mixed.push("person")));
  await Promise.all([slow, b, p]);
  expect(mixed).toEqual(["person", "background"]);
  expect(() => laneLimiter(0)).toThrow(/whole number/);
});
