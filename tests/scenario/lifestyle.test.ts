import { parseClockTime, parseLifestyle, sleepMinutes } from "../../server/sim/lifestyle";

test("clock times in the forms the scenarios use", () => {
  expect(parseClockTime("7am")).toBe(420);
  expect(parseClockTime("7:30 pm")).toBe(1170);
  expect(parseClockTime("12am")).toBe(0);
  expect(parseClockTime("12:15pm")).toBe(735);
  expect(parseClockTime("noon")).toBe(720);
  expect(parseClockTime("midnight")).toBe(0);
  expect(parseClockTime("13pm")).toBeNull();
  expect(parseClockTime("7")).toBeNull();
});

test("a lifestyle gives bed, wake-up and meal times", () => {
  const read = parseLifestyle("Goes to bed around 1am, wakes up at 9am, skips breakfast, eats lunch around noon and dinner around 8:30pm");
  expect(read).toEqual({ ok: true, value: { bedMinute: 60, wakeMinute: 540, meals: { lunch: 720, dinner: 1230 } } });
  if (read.ok) expect(sleepMinutes(read.value)).toBe(480);
});

test("a lifestyle that omits a part says which", () => {
  expect(parseLifestyle("likes tea")).toEqual({
    ok: false,
    problems: [
      'no bed time (write e.g. "goes to bed around 11pm")',
      'no wake-up time (write e.g. "wakes up around 7am")',
      'no meal time (write e.g. "eats dinner around 6pm")',
    ],
  });
});
