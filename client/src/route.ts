/** Which page the address asks for: the lobby (`/`) or one town (`/t/<code>`). */

export type Route = { kind: "lobby" } | { kind: "town"; code: string };

const TOWN_PATH = /^\/t\/([A-Za-z0-9_-]{1,64})\/?$/;

export function currentRoute(pathname = window.location.pathname): Route {
  const match = TOWN_PATH.exec(pathname);
  return match ? { kind: "town", code: match[1] } : { kind: "lobby" };
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
