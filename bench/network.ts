/**
 * Network figures against a real server on loopback:
 * - bytes per second received by one spectator while 25 residents walk;
 * - server tick time p50/p99 with 25 residents and N bot players walking about.
 */
import { Client, type Room } from "@colyseus/sdk";
import { matchMaker } from "@colyseus/core";
import { startServer } from "../server/app";
import type { TownRoom } from "../server/rooms/town-room";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Counts what the server sends down one client's socket. */
function countSent(room: TownRoom, sessionId: string): { bytes: number } {
  const counter = { bytes: 0 };
  const client = room.clients.find((c) => c.sessionId === sessionId);
  const ws = (client as unknown as { ref: { send: (data: Buffer | Uint8Array, ...rest: unknown[]) => void } }).ref;
  const send = ws.send.bind(ws);
  ws.send = (data, ...rest) => {
    counter.bytes += data.byteLength;
    return send(data, ...rest);
  };
  return counter;
}

async function townRoom(): Promise<TownRoom> {
  const listing = await matchMaker.query({ name: "town" });
  return matchMaker.getLocalRoomById(listing[0].roomId) as unknown as TownRoom;
}

/** Bots ignore what they are told; registering "*" keeps the SDK quiet about it. */
function quiet(room: Room): Room {
  room.onMessage("*", () => undefined);
  return room;
}

export async function spectatorBandwidth(seconds: number, stepMs: number): Promise<{ seconds: number; stepMs: number; bytesPerSecond: number }> {
  const server = await startServer({ port: 0, host: "127.0.0.1", stepMs, startTime: "2023-02-13T08:00:00Z" });
  try {
    const client = new Client(`ws://127.0.0.1:${server.port}`);
    const room = quiet(await client.joinOrCreate("town", { spectator: true }));
    const counter = countSent(await townRoom(), room.sessionId);
    await sleep(seconds * 1000);
    const bytes = counter.bytes;
    await room.leave();
    return { seconds, stepMs, bytesPerSecond: bytes / seconds };
  } finally {
    await server.close();
  }
}

export async function tickTimes(bots: number, seconds: number, stepMs: number, scenario?: string): Promise<{ bots: number; ticks: number; p50Ms: number; p99Ms: number; maxMs: number }> {
  const server = await startServer({ port: 0, host: "127.0.0.1", stepMs, startTime: "2023-02-13T08:00:00Z", ...(scenario && { scenario }) });
  const rooms: Room[] = [];
  try {
    for (let i = 0; i < bots; i++) {
      const client = new Client(`ws://127.0.0.1:${server.port}`);
      rooms.push(quiet(await client.joinOrCreate("town", { name: `bot ${i}` })));
    }
    const room = await townRoom();
    room.tickDurations(true);
    // Bots wander: a new random target every second, arrow steps in between.
    const dirs = ["up", "down", "left", "right"] as const;
    const end = Date.now() + seconds * 1000;
    let n = 0;
    while (Date.now() < end) {
      for (const r of rooms) {
        n++;
        if (n % 3 === 0) r.send("move", { x: 20 + ((n * 37) % 80), y: 15 + ((n * 17) % 55) });
        else r.send("walk", { dir: dirs[n % 4] });
      }
      await sleep(1000);
    }
    const t = room.tickDurations().sort((a, b) => a - b);
    return { bots, ticks: t.length, p50Ms: t[Math.floor(t.length * 0.5)], p99Ms: t[Math.floor(t.length * 0.99)], maxMs: t[t.length - 1] };
  } finally {
    for (const r of rooms) await r.leave().catch(() => undefined);
    await server.close();
  }
}
