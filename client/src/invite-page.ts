/**
 * The page behind an invite link, `/t/<code>`: names the town, asks who you are and, if
 * the town has one, its password, then opens that town directly. An unknown code or a
 * wrong password is said plainly, and the page stays.
 */
import { MAX_PASSWORD_CHARS } from "../../shared/constants";
import type { TownLookup } from "../../shared/protocol";
import { lookupTown } from "./api";
import { button, el } from "./dom";
import { WhoPicker, attempt } from "./join";
import { input, label } from "./lobby-create";
import type { JoinRequest } from "./net";

export function showInvitePage(root: HTMLElement, code: string, enter: (request: JoinRequest) => Promise<void>): void {
  root.hidden = false;
  const card = el("div", "join-card invite-card", "", [el("h1", "", "the Ville"), el("p", "tagline", "Looking for the town…")]);
  root.replaceChildren(el("div", "lobby single", "", [card]));
  void lookupTown(code).then(
    (town) => (town ? inviteForm(card, town, enter) : unknownTown(card, code)),
    (error) => unknownTown(card, code, error instanceof Error ? error.message : String(error)),
  );
}

function unknownTown(card: HTMLElement, code: string, problem?: string): void {
  const text = problem ? `Cannot look up the town "${code}": ${problem}` : `No open town has the code "${code}". It may have closed.`;
  const error = el("div", "join-error", text);
  error.setAttribute("role", "alert");
  card.replaceChildren(el("h1", "", "the Ville"), error, lobbyLink());
}

function inviteForm(card: HTMLElement, town: TownLookup, enter: (request: JoinRequest) => Promise<void>): void {
  const who = new WhoPicker();
  const password = input("password", "invite-password", "Password", MAX_PASSWORD_CHARS);
  password.placeholder = "The town's password";
  const error = el("div", "join-error");
  error.setAttribute("role", "alert");
  const submit = async (spectator: boolean) => {
    error.textContent = "";
    const me = who.take(spectator, error);
    if (!me) return;
    if (town.hasPassword && !password.value) {
      error.textContent = "This town needs a password.";
      return password.focus();
    }
    const target = { kind: "room" as const, roomId: town.roomId, password: password.value || undefined };
    await attempt([walkIn, watch], error, () => enter({ ...me, spectator, target }));
  };
  const walkIn = button("primary", "Walk in", () => void submit(false));
  const watch = button("secondary", "Watch only", () => void submit(true));
  const form = el("form", "", "", [
    who.root,
    ...(town.hasPassword ? [label("invite-password", "Password"), password] : []),
    el("div", "join-buttons", "", [walkIn, watch]),
    error,
  ]);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void submit(false);
  });
  const kind = town.private ? "a private town" : "a town";
  card.replaceChildren(el("h1", "", town.name), el("p", "tagline", `You are invited to ${kind} of the Ville (${town.scenario}).`), form, lobbyLink());
  who.nameInput.focus();
}

function lobbyLink(): HTMLElement {
  const a = el("a", "lobby-link", "Go to the lobby") as HTMLAnchorElement;
  a.href = "/";
  return a;
}
