import { checkScenarioAgainstPlaces, parseScenario, ScenarioError, type Scenario } from "../../server/sim/scenario";

/** A small valid scenario; each test breaks one thing in a fresh copy. */
function valid(): Record<string, any> {
  const persona = (first: string, last: string, room: string, friend: string) => ({
    name: `${first} ${last}`,
    firstName: first,
    lastName: last,
    age: 30,
    innate: "calm, curious, kind",
    learned: `${first} keeps bees and sells honey.`,
    currently: `${first} is building a new hive.`,
    lifestyle: "goes to bed around 10pm, wakes up around 6am, eats lunch around noon",
    livingArea: `the Ville:Bee house:${room}`,
    dailyPlanRequirement: `${first} works at Johnson Park.`,
    sprite: `${first}_${last}`.toLowerCase(),
    start: `the Ville:Bee house:${room}`,
    relationships: [{ name: friend, relation: "neighbour", note: "They share a fence." }],
  });
  return {
    name: "bees",
    title: "Two beekeepers",
    map: "ville",
    startDate: "2023-02-13T00:00:00Z",
    personas: [persona("Ada", "Hive", "north room", "Ben Comb"), persona("Ben", "Comb", "south room", "Ada Hive")],
    facts: [{ id: "honey-fair", holder: "Ada Hive", text: "There is a honey fair on Sunday.", keywords: ["honey", "fair"] }],
  };
}

function problemsOf(json: unknown): string {
  try {
    parseScenario(json);
  } catch (err) {
    expect(err).toBeInstanceOf(ScenarioError);
    return (err as Error).message;
  }
  throw new Error("expected the scenario to be refused");
}

test("a valid scenario parses, with perception defaults of 8", () => {
  const s = parseScenario(valid());
  expect(s.personas.map((p) => p.name)).toEqual(["Ada Hive", "Ben Comb"]);
  expect([s.personas[0].vision, s.personas[0].attention, s.personas[0].retention]).toEqual([8, 8, 8]);
});

test("explicit perception values are kept", () => {
  const json = valid();
  json.personas[1].vision = 4;
  expect(parseScenario(json).personas[1].vision).toBe(4);
});

test("a missing age names the field path", () => {
  const json = valid();
  delete json.personas[1].age;
  expect(problemsOf(json)).toBe("scenario bees: personas[1].age: expected a number, but it is missing");
});

test("an age of the wrong type names the field path and the value", () => {
  const json = valid();
  json.personas[1].age = "thirty";
  expect(problemsOf(json)).toBe('scenario bees: personas[1].age: expected a number, got string "thirty"');
});

test("every broken field is reported, not only the first", () => {
  const json = valid();
  json.personas[0].relationships[0].note = 3;
  json.facts[0].keywords = [];
  const message = problemsOf(json);
  expect(message).toContain("personas[0].relationships[0].note: expected a text, got number 3");
  expect(message).toContain("facts[0].keywords: expected at least one keyword");
});

test("an unknown field is refused, so typos do not pass silently", () => {
  const json = valid();
  json.personas[0].visoin = 5;
  expect(problemsOf(json)).toContain('personas[0]: unknown field "visoin"');
});

test("a duplicate name is refused", () => {
  const json = valid();
  Object.assign(json.personas[1], { name: "Ada Hive", firstName: "Ada", lastName: "Hive", sprite: "ada_hive" });
  json.personas[1].relationships = [];
  expect(problemsOf(json)).toContain('personas[1].name: "Ada Hive" is already used by personas[0]');
});

test("a relationship to an unknown person is refused unless marked external", () => {
  const json = valid();
  json.personas[0].relationships.push({ name: "Cleo Wax", relation: "sister", note: "She lives far away." });
  expect(problemsOf(json)).toContain('personas[0].relationships[1].name: "Cleo Wax" is not a persona of this scenario');
  json.personas[0].relationships[1].external = true;
  expect(parseScenario(json).personas[0].relationships[1]).toMatchObject({ name: "Cleo Wax", external: true });
});

test("a relationship with oneself or listed twice is refused", () => {
  const json = valid();
  json.personas[0].relationships.push({ name: "Ada Hive", relation: "self", note: "Hm." });
  json.personas[1].relationships.push({ name: "Ada Hive", relation: "friend", note: "Again." });
  const message = problemsOf(json);
  expect(message).toContain("personas[0].relationships[1].name: Ada Hive cannot have a relationship with themself");
  expect(message).toContain('personas[1].relationships[1].name: "Ada Hive" is listed twice');
});

test("a fact whose holder is not a persona is refused", () => {
  const json = valid();
  json.facts[0].holder = "Dan Drone";
  expect(problemsOf(json)).toBe('scenario bees: facts[0].holder: "Dan Drone" is not a persona of this scenario');
});

test("a sprite that is not the name's slug is refused", () => {
  const json = valid();
  json.personas[0].sprite = "ada";
  expect(problemsOf(json)).toContain('personas[0].sprite: expected "ada_hive" for Ada Hive');
});

test("addresses must have the form world:sector:arena", () => {
  const json = valid();
  json.personas[0].start = "the Ville:Bee house";
  expect(problemsOf(json)).toContain('personas[0].start: expected an arena address "the Ville:<sector>:<arena>"');
});

test("a lifestyle without bed time is refused with a hint", () => {
  const json = valid();
  json.personas[0].lifestyle = "wakes up around 6am, eats lunch around noon";
  expect(problemsOf(json)).toContain("personas[0].lifestyle: no bed time");
});

test("innate needs 3 to 5 traits and the date must be UTC", () => {
  const json = valid();
  json.personas[0].innate = "calm";
  json.startDate = "2023-02-13T00:00:00+01:00";
  const message = problemsOf(json);
  expect(message).toContain("personas[0].innate: expected 3 to 5 comma-separated traits");
  expect(message).toContain("startDate: expected an ISO UTC date");
});

test("a scenario without a name is labelled by its source", () => {
  const json = valid();
  delete json.name;
  expect(problemsOf(json)).toBe("scenario (unnamed): name: expected a text, but it is missing");
  expect(() => parseScenario(json, "bees.json")).toThrow("scenario bees.json: name: expected a text, but it is missing");
});

test("non-object input is refused", () => {
  expect(problemsOf(null)).toBe("scenario (unnamed): expected an object, got null");
});

test("checkScenarioAgainstPlaces reports unknown addresses only", () => {
  const s: Scenario = parseScenario(valid());
  const known = new Set(["the Ville:Bee house:north room"]);
  expect(checkScenarioAgainstPlaces(s, (key) => known.has(key))).toEqual([
    'personas[1].livingArea: Ben Comb\'s "the Ville:Bee house:south room" is not a place on the map',
    'personas[1].start: Ben Comb\'s "the Ville:Bee house:south room" is not a place on the map',
  ]);
  known.add("the Ville:Bee house:south room");
  expect(checkScenarioAgainstPlaces(s, (key) => known.has(key))).toEqual([]);
});
