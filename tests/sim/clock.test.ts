import { dayNumber, formatClock, formatDate, formatTimeOfDay, GameClock, minuteOfDay } from "../../server/sim/clock";
import { hashKeys, rngFor } from "../../server/sim/rng";

describe("game clock", () => {
  test("a step is 10 game seconds and a day is 8640 steps", () => {
    const c = GameClock.fromIso("2023-02-13T00:00:00Z");
    expect(c.stepsPerDay).toBe(8640);
    c.advance(6);
    expect(formatClock(c.nowMs)).toBe("00:01");
    c.advance(8640 - 6);
    expect(formatDate(c.nowMs)).toBe("Tuesday February 14, 2023");
    expect(dayNumber(c.nowMs) - dayNumber(c.startMs)).toBe(1);
  });

  test("configurable start and step length", () => {
    const c = GameClock.fromIso("2023-02-13T07:30:00Z", 60);
    c.advance(30);
    expect(minuteOfDay(c.nowMs)).toBe(8 * 60);
    expect(() => GameClock.fromIso("not a date")).toThrow(/not an ISO date/);
    expect(() => new GameClock(0, 0)).toThrow(/positive/);
  });

  test("time of day in words", () => {
    expect(formatTimeOfDay(0)).toBe("12:00 am");
    expect(formatTimeOfDay(17 * 60 + 5)).toBe("5:05 pm");
  });
});

describe("seeded randomness", () => {
  test("same keys, same stream; other keys, other stream", () => {
    const a = rngFor(1, "x"), b = rngFor(1, "x"), c = rngFor(2, "x");
    const seqA = [a(), a(), a()], seqB = [b(), b(), b()], seqC = [c(), c(), c()];
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
    expect(hashKeys("a", "bc")).not.toBe(hashKeys("ab", "c"));
  });
});
