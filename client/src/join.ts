/**
 * The join screen: a name, one of the eight player looks, and "Walk in" or "Watch only".
 * It resolves nothing itself: `onSubmit` does the joining and throws to show an error.
 */
import { MAX_NAME_CHARS, PLAYER_LOOKS, type PlayerLook } from "../../shared/constants";
import { el } from "./dom";
import { sheetUrl } from "./sprites";
import type { JoinRequest } from "./net";

const STORAGE_KEY = "ville.join";

export function showJoinScreen(root: HTMLElement, onSubmit: (request: JoinRequest) => Promise<void>): void {
  const saved = loadSaved();
  let look: PlayerLook = saved.look;
  const name = document.createElement("input");
  name.type = "text";
  name.id = "join-name";
  name.maxLength = MAX_NAME_CHARS;
  name.placeholder = "Your name";
  name.setAttribute("autocomplete", "nickname");
  name.value = saved.name;
  const looks = el("div", "looks");
  looks.setAttribute("role", "radiogroup");
  looks.setAttribute("aria-label", "Look");
  const pick = (chosen: PlayerLook) => {
    look = chosen;
    for (const b of looks.children) b.setAttribute("aria-checked", String(b.getAttribute("data-look") === chosen));
  };
  for (const option of PLAYER_LOOKS) looks.append(lookButton(option, () => pick(option)));
  pick(look);
  const error = el("div", "join-error");
  error.setAttribute("role", "alert");
  const walkIn = el("button", "primary", "Walk in") as HTMLButtonElement;
  const watch = el("button", "secondary", "Watch only") as HTMLButtonElement;
  const buttons = el("div", "join-buttons", "", [walkIn, watch]);
  const label = el("label", "", "Name");
  label.setAttribute("for", "join-name");
  const card = el("form", "join-card", "", [
    el("h1", "", "the Ville"),
    el("p", "tagline", "A small town whose residents live their own lives. Walk in and say hello, or just watch."),
    label,
    name,
    el("div", "field-label", "Look"),
    looks,
    buttons,
    error,
  ]);
  root.replaceChildren(card);
  root.hidden = false;

  const submit = async (spectator: boolean) => {
    const chosenName = name.value.trim();
    if (!spectator && !chosenName) {
      error.textContent = "Please enter a name first.";
      name.focus();
      return;
    }
    error.textContent = "";
    walkIn.disabled = watch.disabled = true;
    try {
      save({ name: chosenName, look });
      await onSubmit({ name: chosenName, spectator, look });
      root.hidden = true;
    } catch (e) {
      error.textContent = `Could not join: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      walkIn.disabled = watch.disabled = false;
    }
  };
  card.addEventListener("submit", (event) => {
    event.preventDefault();
    void submit(false);
  });
  walkIn.type = "submit";
  watch.type = "button";
  watch.addEventListener("click", () => void submit(true));
  name.focus();
}

/** A button showing the standing, facing-down frame (column 1, row 0) of a player sheet. */
function lookButton(look: PlayerLook, onPick: () => void): HTMLElement {
  const button = el("button", "look") as HTMLButtonElement;
  button.type = "button";
  button.setAttribute("role", "radio");
  button.setAttribute("data-look", look);
  button.title = look.replace("_", " ");
  const face = el("span", "look-face");
  face.style.backgroundImage = `url("${sheetUrl(look)}")`;
  button.append(face);
  button.addEventListener("click", onPick);
  return button;
}

function loadSaved(): { name: string; look: PlayerLook } {
  try {
    const raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "{}") as { name?: unknown; look?: unknown };
    const look = PLAYER_LOOKS.find((l) => l === raw.look) ?? PLAYER_LOOKS[0];
    const name = typeof raw.name === "string" ? raw.name.slice(0, MAX_NAME_CHARS) : "";
    return { name, look };
  } catch {
    return { name: "", look: PLAYER_LOOKS[0] };
  }
}

function save(value: { name: string; look: PlayerLook }): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(value));
  } catch {
    // Storage may be disabled (private mode); remembering the name is only a convenience.
  }
}
