/**
 * Network figures against a real server on loopback:
 * - bytes per second received by one spectator while 25 residents walk;
 * - server tick time p50/p99 with 25 residents and N bot players walking about.
 */
import { Client, type Room } from "@colyseus/sdk";
import { matchMaker } from "@colyseus/core";
import { WebSocket } from "ws";
import { startServer } from "../server/app";
import type { TownRoom } from "../server/rooms/town-room";

/** A WebSocket that counts the bytes it receives. */
let receivedBytes = 0;
class CountingWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on("message", (data: Buffer | ArrayBuffer | Buffer[]) => {
      receivedBytes += Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer).byteLength;
    });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function spectatorBandwidth(seconds: number, stepMs: number): Promise<{ seconds: number; stepMs: number; bytesPerSecond: number; initialBytes: number }> {
  const previous = globalThis.WebSocket;
  (globalThis as { WebSocket: unknown }).WebSocket = CountingWebSocket;
  const server = await startServer({ port: 0, host: "127.0.0.1", stepMs, startTime: "2023-02-13T08:00:00Z" });
  try {
    const client = new Client(`ws://127.0.0.1:${server.port}`);
    receivedBytes = 0;
    const room = await client.joinOrCreate("town", { spectator: true });
    await sleep(1000);
    const initialBytes = receivedBytes;
    receivedBytes = 0;
    await sleep(seconds * 1000);
    const bytes = receivedBytes;
    await room.leave();
    return { seconds, stepMs, bytesPerSecond: bytes / seconds, initialBytes };
  } finally {
    (globalThis as { WebSocket: unknown }).WebSocket = previous;
    await server.close();
  }
}

export async function tickTimes(bots: number, seconds: number, stepMs: number): Promise<{ bots: number; ticks: number; p50Ms: number; p99Ms: number; maxMs: number }> {
  const server = await startServer({ port: 0, host: "127.0.0.1", stepMs, startTime: "2023-02-13T08:00:00Z" });
  const rooms: Room[] = [];
  try {
    for (let i = 0; i < bots; i++) {
      const client = new Client(`ws://127.0.0.1:${server.port}`);
      rooms.push(await client.joinOrCreate("town", { name: `bot ${i}` }));
    }
    const listing = await matchMaker.query({ name: "town" });
    const room = matchMaker.getLocalRoomById(listing[0].roomId) as unknown as TownRoom;
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
