import { newScratch, isOnChatCooldown, setChatCooldown, pruneChatCooldowns, type Persona } from "../../server/agents/memory/scratch";
import { notePoignancy, poignancySinceReflection, resetReflection, shouldReflect } from "../../server/agents/memory/reflection-trigger";

const persona: Persona = {
  name: "Klaus Mueller",
  age: 20,
  innate: "curious, earnest, a little shy",
  learned: "a sociology student at Oak Hill College",
  currently: "writing a paper on how rents change a neighbourhood",
  lifestyle: "goes to bed around 11 pm, wakes at 7 am",
  livingArea: { world: "the Ville", sector: "Dorm for Oak Hill College", arena: "Klaus's room" },
  dailyPlanRequirement: "work on the paper at the library",
};

describe("newScratch", () => {
  test("builds the identity and defaults as plain data", () => {
    const s = newScratch(persona);
    expect(s.identity.firstName).toBe("Klaus");
    expect(s.identity.lastName).toBe("Mueller");
    expect(s.perception).toEqual({ visionRadiusTiles: 8, attentionBandwidth: 8, retention: 8 });
    expect(s.reflection).toEqual({ threshold: 150, importanceTrigger: 150, importanceElapsed: 0 });
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(newScratch(persona, { perception: { retention: 5 }, reflectionThreshold: 250 }).reflection.importanceTrigger).toBe(250);
    expect(() => newScratch(persona, { reflectionThreshold: 0 })).toThrow(RangeError);
  });

  test("chat cooldowns hold until their end time", () => {
    const s = newScratch(persona);
    setChatCooldown(s, "Maria Lopez", 1000);
    expect(isOnChatCooldown(s, "Maria Lopez", 999)).toBe(true);
    expect(isOnChatCooldown(s, "Maria Lopez", 1000)).toBe(false);
    expect(isOnChatCooldown(s, "Isabella Rodriguez", 0)).toBe(false);
    pruneChatCooldowns(s, 1000);
    expect(s.chatCooldowns).toEqual({});
  });
});

describe("reflection trigger", () => {
  test("fires exactly when the summed poignancy reaches the threshold", () => {
    const s = newScratch(persona);
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
    const s = newScratch(persona, { reflectionThreshold: 20 });
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
