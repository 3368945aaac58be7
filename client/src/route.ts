/** Which page the address asks for: the lobby (`/`), one town (`/t/<code>`) or a saved town's replay (`/replay/<id>`). */

export type Route = { kind: "lobby" } | { kind: "town"; code: string } | { kind: "replay"; id: string };

const TOWN_PATH = /^\/t\/([A-Za-z0-9_-]{1,64})\/?$/;
const REPLAY_PATH = /^\/replay\/([A-Za-z0-9_-]{1,64})\/?$/;

export function currentRoute(pathname = window.location.pathname): Route {
  const town = TOWN_PATH.exec(pathname);
  if (town) return { kind: "town", code: town[1] };
  const replay = REPLAY_PATH.exec(pathname);
  return replay ? { kind: "replay", id: replay[1] } : { kind: "lobby" };
}

/** A code typed by a person: the code itself, or a whole invite link pasted in. */
export function codeFromInput(text: string): string {
  const trimmed = text.trim();
  const fromLink = /\/t\/([A-Za-z0-9_-]{1,64})/.exec(trimmed);
  return fromLink ? fromLink[1] : trimmed.replace(/[^A-Za-z0-9_-]/g, "");
}

/** Shows the town's own address once inside, so a reload or a bookmark opens it again. */
export function showTownAddress(link: string): void {
  if (link && window.location.pathname !== link) window.history.replaceState(null, "", link);
}
