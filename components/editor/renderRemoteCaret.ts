// A collaborator's caret: a thin line in their colour with a small dot on top,
// and their name only on hover. A name label always shown above the caret
// covered the line of text above it; the dot fits in the gap between lines.
export function renderRemoteCaret(user: { name: string; color: string }): HTMLElement {
  const caret = document.createElement("span");
  caret.classList.add("collaboration-carets__caret");
  caret.style.borderColor = user.color;
  // The dot and the hover area take the colour from here.
  caret.style.color = user.color;
  caret.title = user.name;
  caret.dataset.name = user.name;
  const label = document.createElement("span");
  label.classList.add("collaboration-carets__label");
  label.style.backgroundColor = user.color;
  label.textContent = user.name;
  caret.append(label);
  return caret;
}
