/** Small DOM helpers shared by the join screen, the HUD and the inspector. */

/** Creates an element with a class, optional text and children. */
export function el(tag: string, className: string, text = "", children: HTMLElement[] = []): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  node.append(...children);
  return node;
}

/** A `<button type="button">` with a click handler. */
export function button(className: string, text: string, onClick: () => void, title = ""): HTMLButtonElement {
  const b = el("button", className, text) as HTMLButtonElement;
  b.type = "button";
  if (title) b.title = title;
  b.addEventListener("click", onClick);
  return b;
}

/**
 * A one-line form: a text field and a submit button. `onSubmit` gets the trimmed text
 * and returns whether it was taken (the field is then cleared).
 */
export function lineForm(
  className: string,
  options: { placeholder: string; label: string; submit: string; maxLength: number },
  onSubmit: (text: string) => boolean,
): { form: HTMLFormElement; input: HTMLInputElement; submit: HTMLButtonElement } {
  const form = document.createElement("form");
  form.className = className;
  const input = document.createElement("input");
  input.type = "text";
  input.maxLength = options.maxLength;
  input.placeholder = options.placeholder;
  input.setAttribute("aria-label", options.label);
  const submit = el("button", "", options.submit) as HTMLButtonElement;
  submit.type = "submit";
  form.append(input, submit);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim().slice(0, options.maxLength);
    if (text && onSubmit(text)) input.value = "";
  });
  // Esc leaves the field, so the next Esc reaches the town view.
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") input.blur();
  });
  return { form, input, submit };
}
