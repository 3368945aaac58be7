import { newScratch, isOnChatCooldown, setChatCooldown } from "../../server/agents/memory/scratch";
import { notePoignancy, poignancySinceReflection, resetReflection, shouldReflect } from "../../server/agents/memory/reflection-trigger";

describe("newScratch", () => {
  test("defaults as plain data", () => {
    const s = newScratch();
    expect(s.reflection).toEqual({ threshold: 150, importanceTrigger: 150, importanceElapsed: 0 });
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(newScratch({ reflectionThreshold: 250 }).reflection.importanceTrigger).toBe(250);
    expect(() => newScratch({ reflectionThreshold: 0 })).toThrow(RangeError);
  });

  test("chat cooldowns hold until their end time; setting one drops those that ran out", () => {
    const s = newScratch();
    setChatCooldown(s, "r1", 1000);
    expect(isOnChatCooldown(s, "r1", 999)).toBe(true);
    expect(isOnChatCooldown(s, "r1", 1000)).toBe(false);
    expect(isOnChatCooldown(s, "r2", 0)).toBe(false);
    setChatCooldown(s, "r2", 5000, 1000);
    expect(s.chatCooldowns).toEqual({ r2: 5000 });
  });
});

describe("reflection trigger", () => {
  test("fires exactly when the summed poignancy reaches the threshold", () => {
    const s = newScratch();
    for (let i = 0; i < 14; i++) notePoignancy(s, 10);
    notePoignancy(s, 9);
    expect(poignancySinceReflection(s)).toBe(149);
    expect(shouldReflect(s)).toBe(false);
    notePoignancy(s, 1);
    expect(poignancySinceReflection(s)).toBe(150);
    expect(shouldReflect(s)).toBe(true);
    expect(s.reflection.importanceElapsed).toBe(16);
  });

  test("overshooting also fires, and a reset starts the count again", () => {
    const s = newScratch({ reflectionThreshold: 20 });
    notePoignancy(s, 8);
    notePoignancy(s, 8);
    expect(shouldReflect(s)).toBe(false);
    notePoignancy(s, 8);
    expect(shouldReflect(s)).toBe(true);
    resetReflection(s);
    expect(shouldReflect(s)).toBe(false);
    expect(s.reflection).toEqual({ threshold: 20, importanceTrigger: 20, importanceElapsed: 0 });
    expect(() => notePoignancy(s, -1)).toThrow(RangeError);
  });
});
