import { repairJson } from "../../server/mind/llm/json-repair";

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
  const result = ok('Here is the plan:\n```json\n{"wake_up_hour": 7}\n```\nHope this helps!');
  expect(result).toEqual({ ok: true, value: { wake_up_hour: 7 }, repaired: true });
});

test("leading and trailing prose without a fence", () => {
  expect(ok('The answer is {"emoji": "☕", "place": "cafe"} as requested.').value).toEqual({ emoji: "☕", place: "cafe" });
});

test("prose with brackets before the object is skipped", () => {
  expect(ok('As noted [see above], here: {"ok": true}').value).toEqual({ ok: true });
});

test("trailing commas, doubled commas and missing commas", () => {
  expect(ok('{"a": 1, "b": [1, 2,], }').value).toEqual({ a: 1, b: [1, 2] });
  expect(ok('{"a": 1,, "b": 2}').value).toEqual({ a: 1, b: 2 });
  expect(ok('{"a": 1 "b": 2}').value).toEqual({ a: 1, b: 2 });
});

test("single quotes, unquoted keys and Python literals", () => {
  expect(ok("{'name': 'Klaus', done: False, note: None, ok: True}").value).toEqual({ name: "Klaus", done: false, note: null, ok: true });
  expect(ok('{"quote": \'he said "hi"\'}').value).toEqual({ quote: 'he said "hi"' });
});

test("escapes inside strings", () => {
  expect(ok('{"a": "line\\nnext \\u00e9 \\"q\\"",}').value).toEqual({ a: 'line\nnext é "q"' });
});

test("a truncated answer gets its closing brackets", () => {
  expect(ok('{"schedule": [{"task": "sleep", "minutes": 360}, {"task": "breakfast", "minutes": 30').value).toEqual({
    schedule: [{ task: "sleep", minutes: 360 }, { task: "breakfast", minutes: 30 }],
  });
  expect(ok('{"utterance": "Good morning, Isab').value).toEqual({ utterance: "Good morning, Isab" });
  expect(ok('{"a": 1, "b":').value).toEqual({ a: 1 });
  expect(ok('{"a": 1, "b"').value).toEqual({ a: 1 });
  expect(ok("```json\n[1, 2, 3").value).toEqual([1, 2, 3]);
});

test("comments are ignored", () => {
  expect(ok('{\n  // the hour\n  "hour": 7, /* local time */ "minute": 30\n}').value).toEqual({ hour: 7, minute: 30 });
});

test("bare words become strings only when nothing else parses", () => {
  expect(ok("{mood: happy, energy: 7}").value).toEqual({ mood: "happy", energy: 7 });
  expect(ok("{a: toString}").value).toEqual({ a: "toString" });
});

test("a __proto__ key stays plain data", () => {
  const value = ok("{'__proto__': {'polluted': 1}}").value as Record<string, unknown>;
  expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  expect(Object.keys(value)).toEqual(["__proto__"]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test("hopeless text fails without throwing", () => {
  for (const text of ["", "I cannot help with that.", "{:::}", "```\n```", "see [the notes]"]) {
    expect(repairJson(text)).toMatchObject({ ok: false, repaired: false });
  }
});

test("a lone opening bracket reads as an empty value (the schema decides)", () => {
  expect(repairJson("[")).toEqual({ ok: true, value: [], repaired: true });
  expect(repairJson("}{")).toEqual({ ok: true, value: {}, repaired: true });
});

test("never throws on odd input", () => {
  const odd = ["{", '{"a', "{'a': [", "/*", "{/*", "[-]", "{a:-}", "\\", "```json", '{"a": "\\u12'];
  for (const text of odd) expect(() => repairJson(text)).not.toThrow();
});
