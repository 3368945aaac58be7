/**
 * How a town room presents itself: the welcome a person gets on joining (with the town's
 * card), and its listing as `GET /api/towns` and the lobby show it (refreshed every few
 * seconds for the game time).
 */
import type { TownInfo, WelcomeMessage } from "../../shared/protocol";
import type { TownState } from "../../shared/state";
import type { Town } from "../town/town";
import type { LiveClock } from "./live-clock";
import type { TownAccess } from "./town-opening";
import type { TownMetadata } from "./town-options";

export function townInfo(roomId: string, state: TownState, access: TownAccess): TownInfo {
  return { roomId, name: state.townName, scenario: state.scenario, private: access.isPrivate, hasPassword: access.password !== null, link: `/t/${roomId}` };
}

export function townListing(state: TownState, town: Town, live: LiveClock, access: TownAccess): TownMetadata {
  return {
    name: state.townName,
    scenario: state.scenario,
    mapName: state.mapName,
    mind: town.mindLabel,
    residents: state.agents.size,
    gameTimeMs: town.clock.nowMs,
    paused: live.paused,
    speed: live.speed,
    hasPassword: access.password !== null,
  };
}

/** `playerId` "" for a spectator (no avatar). */
export function welcomeOf(sessionId: string, playerId: string, host: boolean, state: TownState, town: Town, info: TownInfo): WelcomeMessage {
  return { sessionId, playerId, spectator: playerId === "", host, mapName: state.mapName, mind: town.mindLabel, town: info };
}
