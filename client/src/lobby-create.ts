/**
 * "Create a town": its name, a scenario from /api/scenarios, public (listed in the lobby)
 * or private (by invite only), and an optional password. The creator becomes its host.
 */
import { MAX_PASSWORD_CHARS, MAX_TOWN_NAME_CHARS } from "../../shared/constants";
import { listScenarios } from "./api";
import { button, el } from "./dom";
import type { NewTown } from "./net";

export function createTownCard(onCreate: (town: NewTown, spectator: boolean, buttons: HTMLButtonElement[], error: HTMLElement) => void): HTMLElement {
  const name = input("text", "create-name", "Town name", MAX_TOWN_NAME_CHARS);
  name.placeholder = "My town";
  const scenario = document.createElement("select");
  scenario.id = "create-scenario";
  scenario.append(new Option("Loading scenarios…", ""));
  const visibility = el("div", "choice", "", [radio("create-visibility", "public", "Public: listed here", false), radio("create-visibility", "private", "Private: by invite only", true)]);
  visibility.setAttribute("role", "radiogroup");
  visibility.setAttribute("aria-label", "Who can find it");
  const password = input("password", "create-password", "Password (optional)", MAX_PASSWORD_CHARS);
  password.placeholder = "Leave empty for none";
  password.autocomplete = "new-password";
  const error = el("div", "join-error");
  error.setAttribute("role", "alert");
  const town = (): NewTown => ({
    name: name.value.trim() || "My town",
    scenario: scenario.value || undefined,
    private: (visibility.querySelector("input:checked") as HTMLInputElement | null)?.value !== "public",
    password: password.value || undefined,
  });
  const create = button("primary", "Create and walk in", () => onCreate(town(), false, [create, watch], error));
  const watch = button("secondary", "Create and watch", () => onCreate(town(), true, [create, watch], error));
  void fillScenarios(scenario);
  return el("section", "join-card lobby-create", "", [
    el("h2", "", "Create a town"),
    label("create-name", "Town name"), name,
    label("create-scenario", "Scenario"), scenario,
    el("div", "field-label", "Who can find it"), visibility,
    label("create-password", "Password (optional)"), password,
    el("div", "join-buttons", "", [create, watch]),
    error,
  ]);
}

async function fillScenarios(select: HTMLSelectElement): Promise<void> {
  try {
    const scenarios = await listScenarios();
    select.replaceChildren(...scenarios.map((s) => new Option(`${s.title || s.name} (${s.residents} residents)`, s.name)));
    if (scenarios.length === 0) select.append(new Option("The server's default", ""));
  } catch {
    select.replaceChildren(new Option("The server's default (cannot list scenarios)", ""));
  }
}

export function input(type: string, id: string, label: string, maxLength: number): HTMLInputElement {
  const i = document.createElement("input");
  i.type = type;
  i.id = id;
  i.maxLength = maxLength;
  i.setAttribute("aria-label", label);
  return i;
}

export function label(forId: string, text: string): HTMLElement {
  const l = el("label", "", text);
  l.setAttribute("for", forId);
  return l;
}

function radio(name: string, value: string, text: string, checked: boolean): HTMLElement {
  const r = document.createElement("input");
  r.type = "radio";
  r.name = name;
  r.value = value;
  r.checked = checked;
  return el("label", "choice-option", "", [r, el("span", "", text)]);
}
