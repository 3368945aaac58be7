/**
 * Helpers of the room tests about people: walking up to a resident, host commands, chat.
 */
import type { Room as ServerRoom } from "@colyseus/core";
import type { ChatMessage } from "../../shared/protocol";
import { manhattan } from "../../server/sim/address";
import { findPath } from "../../server/sim/pathfinding";
import { playerEvent } from "../../server/sim/players";
import type { TownRoom } from "../../server/rooms/town-room";
import { me, until, villeMaze, type Joined } from "./harness";

export const serverTown = (room: ServerRoom) => (room as unknown as TownRoom).townForTests;
export const agentId = (p: Joined, name: string) => [...p.room.state.agents.entries()].find(([, a]) => a.name === name)![0];
export const isChat = (p: Joined, match: (l: ChatMessage) => boolean, what: string) => p.inbox.next<ChatMessage>("chat", match, what);

/** Walks the avatar to a free tile beside the resident (the town should be paused, or it walks off). */
export async function walkBeside(p: Joined, residentId: string, taken: { x: number; y: number }[] = [], shortcut?: ServerRoom): Promise<void> {
  const a = p.room.state.agents.get(residentId)!;
  const maze = villeMaze();
  const from = { x: me(p).x, y: me(p).y };
  const reachable = maze
    .nearbyTiles(a.x, a.y, 3)
    .filter((t) => manhattan(t, a) >= 1 && maze.isWalkable(t.x, t.y) && !taken.some((o) => o.x === t.x && o.y === t.y))
    .sort((s, t) => manhattan(s, a) - manhattan(t, a))
    .filter((t) => findPath(maze, from, t).ok);
  // In the resident's own room if possible: residents notice people in their own arena.
  const spot = reachable.find((t) => maze.arenaIdAt(t.x, t.y) === maze.arenaIdAt(a.x, a.y)) ?? reachable[0];
  if (!spot) throw new Error(`no reachable tile beside ${a.name}`);
  // Tests about talking, not walking: the server puts the avatar a few tiles short, and it walks the rest.
  const path = findPath(maze, from, spot);
  if (shortcut && path.ok && path.path.length > 4) {
    const near = path.path[path.path.length - 4];
    const town = serverTown(shortcut);
    const player = town.players.get(p.welcome.playerId as never)!;
    town.events.remove(player.tile, player.id);
    player.tile = { ...near };
    player.path = [];
    // The synced state shows it once the avatar walks on from there.
    town.events.add(player.tile, playerEvent(player));
  }
  p.room.send("move", spot);
  await until(() => me(p), (m) => m.x === spot.x && m.y === spot.y, `${me(p).name} to reach ${a.name}`, 30_000);
}

export async function host(p: Joined, command: Record<string, unknown>): Promise<void> {
  p.room.send("host", command);
  await p.inbox.next("host-done", (d) => d.action === command.action, `host ${String(command.action)}`);
}


/** Waits until the resident is up and doing something (asleep, it cannot be spoken to). */
export async function awake(p: Joined, residentId: string): Promise<void> {
  await until(() => p.room.state.agents.get(residentId)!.action, (a) => a !== "" && !/sleep|bed\b/i.test(a), "the resident to be up", 30_000);
}
