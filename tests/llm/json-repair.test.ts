/** Near-valid JSON in model answers: found in prose or fences by us, repaired by jsonrepair, then checked by the unit's schema. */
import { z } from "zod";
import { repairJson } from "../../server/mind/llm/json-repair";
import { readAnswer } from "../../server/mind/llm/prompt";

const ok = (text: string) => {
  const result = repairJson(text);
  if (!result.ok) throw new Error(`not repaired: ${result.error}`);
  return result;
};

test("valid JSON passes untouched", () => {
  expect(repairJson(' {"a": [1, 2], "b": null} ')).toEqual({ ok: true, value: { a: [1, 2], b: null }, repaired: false });
  expect(repairJson("[true, false]")).toEqual({ ok: true, value: [true, false], repaired: false });
});

test("a code fence and the prose around it", () => {
  expect(ok('Here is the plan:\n```json\n{"wake_up_hour": 7}\n```\nHope this helps!')).toEqual({ ok: true, value: { wake_up_hour: 7 }, repaired: true });
  expect(ok("Sure! ```json\n{score: 6,}\n```").value).toEqual({ score: 6 });
});

test("prose before and after the object, with brackets of its own", () => {
  expect(ok('The answer is {"emoji": "☕", "place": "cafe"} as requested.').value).toEqual({ emoji: "☕", place: "cafe" });
  expect(ok('As noted [see above], here: {"ok": true}').value).toEqual({ ok: true });
  expect(ok('Answer: {"score": 5}. I rated it 5 because {reasons}...').value).toEqual({ score: 5 });
  expect(ok('{"text": "I said {hi} to her", "end": false} and that is all').value).toEqual({ text: "I said {hi} to her", end: false });
  expect(ok('{"mood": "tired"}\n{"mood": "sleepy"}').value).toEqual({ mood: "tired" });
});

test("trailing and missing commas", () => {
  expect(ok('{"a": 1, "b": [1, 2,], }').value).toEqual({ a: 1, b: [1, 2] });
  expect(ok('{"a": 1 "b": 2}').value).toEqual({ a: 1, b: 2 });
});

test("single quotes, unquoted keys and words, Python literals, comments", () => {
  expect(ok("{'name': 'Klaus', done: False, note: None, ok: True}").value).toEqual({ name: "Klaus", done: false, note: null, ok: true });
  expect(ok('{"quote": \'he said "hi"\'}').value).toEqual({ quote: 'he said "hi"' });
  expect(ok("{mood: happy, energy: 7}").value).toEqual({ mood: "happy", energy: 7 });
  expect(ok('{\n  // the hour\n  "hour": 7, /* local time */ "minute": 30\n}').value).toEqual({ hour: 7, minute: 30 });
  expect(ok('{"a": "line\\nnext \\u00e9 \\"q\\"",}').value).toEqual({ a: 'line\nnext é "q"' });
});

test("a truncated answer gets its closing brackets", () => {
  expect(ok('{"schedule": [{"task": "sleep", "minutes": 360}, {"task": "breakfast", "minutes": 30').value).toEqual({
    schedule: [{ task: "sleep", minutes: 360 }, { task: "breakfast", minutes: 30 }],
  });
  expect(ok('{"utterance": "Good morning, Isab').value).toEqual({ utterance: "Good morning, Isab" });
  expect(ok("```json\n[1, 2, 3").value).toEqual([1, 2, 3]);
  expect(ok('{"a": 1, "b":').value).toEqual({ a: 1, b: null }); // the schema decides whether b may be null
});

test("a __proto__ key stays plain data", () => {
  const value = ok("{'__proto__': {'polluted': 1}}").value as Record<string, unknown>;
  expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  expect(Object.keys(value)).toEqual(["__proto__"]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test("text without a JSON object or array fails, never throws", () => {
  for (const text of ["", "I cannot help with that.", "{:::}", "```\n```", "```json", "/*", "\\", '{"a": 1,, "b": 2}']) {
    expect(repairJson(text)).toMatchObject({ ok: false, repaired: false });
  }
  const odd = ["{", '{"a', "{'a': [", "{/*", "[-]", "{a:-}", '{"a": "\\u12', "}{", "[", "see [the notes]"];
  for (const text of odd) expect(() => repairJson(text)).not.toThrow();
});

test("the unit's schema has the last word on what a repair made", () => {
  const schema = z.object({ score: z.number().int().min(1).max(10) });
  expect(readAnswer("Sure! ```json\n{score: 6,}\n```", schema)).toEqual({ ok: true, value: { score: 6 }, repaired: true });
  expect(readAnswer('{"score": 6}', schema)).toEqual({ ok: true, value: { score: 6 }, repaired: false });
  expect(readAnswer("see [the notes]", schema)).toMatchObject({ ok: false, error: expect.stringContaining("expected object") });
  expect(readAnswer("{", schema)).toMatchObject({ ok: false, error: expect.stringContaining("score") });
  expect(readAnswer("It matters a lot.", schema)).toMatchObject({ ok: false, error: expect.stringContaining("not JSON") });
  expect(readAnswer("  ", schema)).toEqual({ ok: false, error: "the answer was empty" });
});
