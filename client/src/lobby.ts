/**
 * The lobby, the landing page: who you are (name and look), then the ways in: walk into
 * the default public town, pick a listed town, create a town, or join one by its code;
 * or replay a saved town.
 * Every failure shows under the form it came from, and the page stays.
 */
import { MAX_PASSWORD_CHARS } from "../../shared/constants";
import type { TownListing } from "../../shared/protocol";
import { lookupTown } from "./api";
import { el, button } from "./dom";
import { WhoPicker, attempt } from "./join";
import { createTownCard, input, label } from "./lobby-create";
import { TownList } from "./lobby-towns";
import type { JoinRequest, JoinTarget } from "./net";
import { RunList } from "./replay/replay-list";
import { codeFromInput } from "./route";

type Enter = (request: JoinRequest) => Promise<void>;

export function showLobby(root: HTMLElement, enter: Enter): void {
  const who = new WhoPicker();
  const whoError = el("div", "join-error");
  whoError.setAttribute("role", "alert");
  let towns: TownList | null = null;
  /** Joins as the person picked above; false (with the reason shown in `error`) when refused. */
  const go = async (target: JoinTarget, spectator: boolean, buttons: HTMLButtonElement[], error: HTMLElement) => {
    error.textContent = "";
    const me = who.take(spectator, error);
    if (!me) return false;
    const ok = await attempt(buttons, error, () => enter({ ...me, spectator, target }));
    if (ok) towns?.stop();
    return ok;
  };

  const walkIn = button("primary", "Walk in", () => void go({ kind: "default" }, false, [walkIn, watch], whoError), "Walk into the Ville, the public town");
  const watch = button("secondary", "Watch only", () => void go({ kind: "default" }, true, [walkIn, watch], whoError), "Watch the Ville without an avatar");
  const whoCard = el("form", "join-card lobby-who", "", [
    el("h1", "", "the Ville"),
    el("p", "tagline", "A small town whose residents live their own lives. Walk in and say hello, or just watch."),
    who.root,
    el("div", "join-buttons", "", [walkIn, watch]),
    whoError,
  ]);
  whoCard.addEventListener("submit", (event) => {
    event.preventDefault();
    walkIn.click();
  });

  const code = codeCard(go);
  towns = new TownList((t: TownListing, spectator, buttons) => {
    const list = towns!;
    void go({ kind: "room", roomId: t.roomId }, spectator, buttons, list.error).then((ok) => {
      // A listed town with a password: ask for it in the code form.
      if (!ok && /password/i.test(list.error.textContent ?? "")) {
        list.error.textContent = `${t.name} needs a password: enter it below "Join with a code".`;
        code.askPassword(t.roomId);
      }
    });
  });
  const create = createTownCard((town, spectator, buttons, error) => void go({ kind: "create", town }, spectator, buttons, error));
  root.replaceChildren(el("div", "lobby", "", [
    el("div", "lobby-col", "", [whoCard, code.root]),
    el("div", "lobby-col", "", [towns.root, create, new RunList().root]),
  ]));
  root.hidden = false;
  who.nameInput.focus();
}

type Go = (target: JoinTarget, spectator: boolean, buttons: HTMLButtonElement[], error: HTMLElement) => Promise<boolean>;

/** "Join with a code": a code (or a pasted invite link) and, when the town has one, its password. */
function codeCard(go: Go): { root: HTMLElement; error: HTMLElement; askPassword(code: string): void } {
  const code = input("text", "code-input", "Town code or invite link", 200);
  code.placeholder = "Code or invite link";
  const password = input("password", "code-password", "Password", MAX_PASSWORD_CHARS);
  password.placeholder = "Password";
  const passwordRow = el("div", "", "", [label("code-password", "Password"), password]);
  passwordRow.hidden = true;
  const error = el("div", "join-error");
  error.setAttribute("role", "alert");
  const askPassword = (c: string) => {
    if (c) code.value = c;
    passwordRow.hidden = false;
    password.focus();
  };
  const submit = async (spectator: boolean) => {
    error.textContent = "";
    const roomCode = codeFromInput(code.value);
    if (!roomCode) {
      error.textContent = "Enter a town's code or its invite link.";
      return code.focus();
    }
    let town;
    try {
      town = await lookupTown(roomCode);
    } catch (e) {
      error.textContent = e instanceof Error ? e.message : String(e);
      return;
    }
    if (!town) {
      error.textContent = `No open town has the code "${roomCode}".`;
      return;
    }
    if (town.hasPassword && !password.value) {
      error.textContent = `${town.name} needs a password.`;
      return askPassword(roomCode);
    }
    await go({ kind: "room", roomId: town.roomId, password: password.value || undefined }, spectator, [join, watch], error);
  };
  const join = button("primary", "Join", () => void submit(false));
  const watch = button("secondary", "Watch", () => void submit(true));
  const root = el("form", "join-card lobby-code", "", [el("h2", "", "Join with a code"), label("code-input", "Code"), code, passwordRow, el("div", "join-buttons", "", [join, watch]), error]);
  root.addEventListener("submit", (event) => {
    event.preventDefault();
    void submit(false);
  });
  return { root, error, askPassword };
}
