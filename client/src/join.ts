/**
 * "Who are you": a name and one of the eight player looks, remembered between visits.
 * The lobby and the invite page both show it above their own buttons.
 */
import { MAX_NAME_CHARS, PLAYER_LOOKS, type PlayerLook } from "../../shared/constants";
import { el } from "./dom";
import { loadProfile, saveProfile, type Profile } from "./identity";
import { sheetUrl } from "./sprites";

export class WhoPicker {
  readonly root: HTMLElement;
  readonly nameInput: HTMLInputElement;
  private look: PlayerLook;
  private looks: HTMLElement;

  constructor() {
    const saved = loadProfile();
    this.look = saved.look;
    const name = (this.nameInput = document.createElement("input"));
    name.type = "text";
    name.id = "join-name";
    name.maxLength = MAX_NAME_CHARS;
    name.placeholder = "Your name";
    name.setAttribute("autocomplete", "nickname");
    name.value = saved.name;
    this.looks = el("div", "looks");
    this.looks.setAttribute("role", "radiogroup");
    this.looks.setAttribute("aria-label", "Look");
    for (const option of PLAYER_LOOKS) this.looks.append(lookButton(option, () => this.pick(option)));
    this.pick(this.look);
    const label = el("label", "", "Name");
    label.setAttribute("for", "join-name");
    this.root = el("div", "who", "", [label, name, el("div", "field-label", "Look"), this.looks]);
  }

  /** The chosen name and look, or null (with the field focused) when a player has no name. */
  take(spectator: boolean, error: HTMLElement): Profile | null {
    const name = this.nameInput.value.trim();
    if (!spectator && !name) {
      error.textContent = "Please enter a name first.";
      this.nameInput.focus();
      return null;
    }
    const profile = { name, look: this.look };
    saveProfile(profile);
    return profile;
  }

  private pick(chosen: PlayerLook): void {
    this.look = chosen;
    for (const b of this.looks.children) b.setAttribute("aria-checked", String(b.getAttribute("data-look") === chosen));
  }
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

/**
 * Runs a join attempt from a form: disables its buttons meanwhile and shows what went
 * wrong under it. Resolves true when the person is in the town.
 */
export async function attempt(buttons: HTMLButtonElement[], error: HTMLElement, join: () => Promise<void>): Promise<boolean> {
  error.textContent = "";
  for (const b of buttons) b.disabled = true;
  try {
    await join();
    return true;
  } catch (e) {
    error.textContent = e instanceof Error ? e.message : String(e);
    return false;
  } finally {
    for (const b of buttons) b.disabled = false;
  }
}
