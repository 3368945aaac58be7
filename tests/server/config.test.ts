import { ConfigError, DEFAULT_CONFIG, loadConfig } from "../../server/config";
import { DEFAULT_STEP_MS } from "../../shared/constants";

test("defaults when nothing is set", () => {
  expect(loadConfig({})).toEqual(DEFAULT_CONFIG);
  expect(DEFAULT_CONFIG).toMatchObject({ port: 2567, host: "0.0.0.0", scenario: "ville-25", stepMs: DEFAULT_STEP_MS, townStart: "2023-02-13T07:00:00Z" });
  expect(loadConfig({ PORT: "", SEED: "  " })).toEqual(DEFAULT_CONFIG);
});

test("values are read and checked", () => {
  expect(loadConfig({ PORT: "0", HOST: "127.0.0.1", SCENARIO: "ville-3", STEP_MS: "250", TOWN_START: "2023-02-14T09:30:00Z", SEED: "42" })).toEqual({
    port: 0,
    host: "127.0.0.1",
    scenario: "ville-3",
    stepMs: 250,
    townStart: "2023-02-14T09:30:00Z",
    seed: 42,
    maxClients: 500,
    maxTowns: 20,
    idleMinutes: 15,
    hostToken: undefined,
    dataDir: "data",
    redisUrl: undefined,
    publicAddress: undefined,
    snapshotMinutes: 5,
  });
});

test("town limits and the operator's host token", () => {
  const token = "operator-token-0123456789abcdef";
  expect(loadConfig({ MAX_CLIENTS_PER_TOWN: "1000", MAX_TOWNS: "3", TOWN_IDLE_MINUTES: "0", HOST_TOKEN: token })).toMatchObject({ maxClients: 1000, maxTowns: 3, idleMinutes: 0, hostToken: token });
  expect(() => loadConfig({ MAX_CLIENTS_PER_TOWN: "0" })).toThrow(/MAX_CLIENTS_PER_TOWN="0"/);
  expect(() => loadConfig({ HOST_TOKEN: "short" })).toThrow(/HOST_TOKEN/);
});

test("every bad value is reported at once, naming the variable", () => {
  let error: unknown;
  try {
    loadConfig({ PORT: "80a", STEP_MS: "0", TOWN_START: "tomorrow", SCENARIO: "../etc", SEED: "-1" });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const problems = (error as ConfigError).problems;
  expect(problems).toHaveLength(5);
  for (const name of ["PORT", "STEP_MS", "TOWN_START", "SCENARIO", "SEED"]) expect((error as Error).message).toContain(`${name}=`);
});

test("ports and start times outside their range are refused", () => {
  expect(() => loadConfig({ PORT: "65536" })).toThrow(/PORT="65536": expected a whole number from 0 to 65535/);
  expect(() => loadConfig({ TOWN_START: "2023-02-13T07:00:00+01:00" })).toThrow(/TOWN_START/);
  expect(() => loadConfig({ TOWN_START: "2023-02-30T07:00:00Z" })).toThrow(/TOWN_START/);
  expect(loadConfig({ TOWN_START: "2023-02-13T07:00Z" }).townStart).toBe("2023-02-13T07:00Z");
});

test("storage and scale-out settings", () => {
  expect(loadConfig({ DATA_DIR: "/var/ville", REDIS_URL: "redis://127.0.0.1:6380", PUBLIC_ADDRESS: "town1.example.com:443", SNAPSHOT_MINUTES: "10" })).toMatchObject({
    dataDir: "/var/ville",
    redisUrl: "redis://127.0.0.1:6380",
    publicAddress: "town1.example.com:443",
    snapshotMinutes: 10,
  });
  expect(() => loadConfig({ REDIS_URL: "localhost:6379" })).toThrow(/REDIS_URL/);
  expect(() => loadConfig({ PUBLIC_ADDRESS: "http://x y" })).toThrow(/PUBLIC_ADDRESS/);
  expect(() => loadConfig({ SNAPSHOT_MINUTES: "0" })).toThrow(/SNAPSHOT_MINUTES/);
});
