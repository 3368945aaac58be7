/** The invite link of a town, with a copy button: shown to its host. */
import { button, el } from "./dom";

export function inviteBox(link: string, code: string): HTMLElement {
  const url = new URL(link, window.location.origin).href;
  const field = document.createElement("input");
  field.type = "text";
  field.readOnly = true;
  field.value = url;
  field.className = "invite-link";
  field.setAttribute("aria-label", "Invite link");
  field.addEventListener("focus", () => field.select());
  const done = el("span", "invite-done");
  const copy = button("invite-copy", "Copy", async () => {
    done.textContent = (await copyText(url, field)) ? "Copied" : "Select and copy it";
    setTimeout(() => (done.textContent = ""), 2500);
  }, "Copy the invite link");
  return el("div", "invite", "", [el("div", "invite-title", `Invite · code ${code}`), el("div", "invite-row", "", [field, copy]), done]);
}

async function copyText(text: string, field: HTMLInputElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // The clipboard API needs a secure context; the old way works on plain http.
    field.focus();
    field.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    }
  }
}
