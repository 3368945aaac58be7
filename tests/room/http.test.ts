/**
 * The HTTP side of a real server started on port 0: health, the list of public towns,
 * static files, and create options a client must not be able to choose.
 */
import { existsSync } from "node:fs";
import { Client } from "@colyseus/sdk";
import { startServer, type RunningServer } from "../../server/app";
import { CLIENT_NOT_BUILT } from "../../server/http-routes";

let running: RunningServer;

beforeAll(async () => {
  running = await startServer({ port: 0, host: "127.0.0.1", scenario: "ville-3", stepMs: 50, seed: 3 });
});
afterAll(async () => {
  await running.close();
});

const get = (path: string) => fetch(`http://127.0.0.1:${running.port}${path}`);

/** Bounded polling of a JSON route until `ok` holds. */
async function pollJson(path: string, ok: (body: any) => boolean, timeoutMs = 10_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = await (await get(path)).json();
    if (ok(body) || Date.now() > deadline) return body;
    await new Promise((r) => setTimeout(r, 20));
  }
}

test("port 0 picks a free port and the url names it", () => {
  expect(running.port).toBeGreaterThan(0);
  expect(running.url).toBe(`http://127.0.0.1:${running.port}/`);
});

test("GET /health answers with uptime, rooms and clients", async () => {
  const res = await get("/health");
  expect(res.status).toBe(200);
  const body = await res.json();
  // The default public town runs from the start.
  expect(body).toMatchObject({ ok: true, rooms: 1, clients: 0 });
  expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
});

test("GET /api/towns lists a public town with its scenario, residents, mind and game time", async () => {
  const before = (await (await get("/api/towns")).json()).towns;
  expect(before).toHaveLength(1);
  expect(before[0]).toMatchObject({ scenario: "ville-3", clients: 0, paused: false, speed: 1 });

  const sdk = new Client(`ws://127.0.0.1:${running.port}`);
  // A client may send create options; the server's own town settings win.
  const room = await sdk.joinOrCreate("town", { name: "Bo", scenario: "ville-25", stepMs: 1 });
  room.onMessage("*", () => undefined);
  try {
    const towns = await pollJson("/api/towns", (b) => b.towns.length === 1 && b.towns[0].clients === 1);
    const town = towns.towns[0];
    expect(town).toMatchObject({ roomId: room.roomId, scenario: "ville-3", mapName: "ville", residents: 3, clients: 1, maxClients: 500 });
    expect(town.mind).toEqual(expect.any(String));
    expect(town.name).toEqual(expect.any(String));
    expect(town.gameTimeMs).toBeGreaterThanOrEqual(Date.parse("2023-02-13T07:00:00Z"));

    const health = await pollJson("/health", (b) => b.clients === 1);
    expect(health).toMatchObject({ rooms: 1, clients: 1 });
  } finally {
    await room.leave();
  }
});

test("static files: the client (or a hint to build it) at /, the maps at /maps/", async () => {
  const root = await get("/");
  if (existsSync("client/dist/index.html")) {
    expect(root.status).toBe(200);
    expect(root.headers.get("content-type")).toContain("text/html");
  } else {
    expect(root.status).toBe(503);
    expect(await root.text()).toBe(CLIENT_NOT_BUILT);
  }
  const scenario = await get("/maps/scenarios/ville-3.json");
  expect(scenario.status).toBe(200);
  expect((await scenario.json()).name).toBe("ville-3");
  expect((await get("/maps/no-such-file.json")).status).toBe(404);
});
