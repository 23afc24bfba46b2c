// Whether a key press is someone typing text, which no shortcut may take. Every key handler
// that listens on the whole window (the view keys, the graph's keys, the editor's undo, the
// presenter's keys) asks here, so a field counts as a field everywhere or nowhere.
//
// The question is asked of the element that really has the keyboard: the event's first target
// on its composed path (inside a shadow root, `event.target` is the host), else the focused
// element. A key that is part of composing a character (dead keys, an input method) is typing
// whatever the target says.

/** Input types in which keys enter text; the others (checkbox, button, range…) take no letters. */
const TEXT_INPUTS = new Set(['', 'text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'time']);

/** Whether `el` is a control that keys type into (or, for a select, pick an option in). */
export function takesText(el: Element | null | undefined): boolean {
  if (!el || typeof (el as HTMLElement).closest !== 'function') return false;
  if (el instanceof HTMLInputElement) return TEXT_INPUTS.has(el.type) && !el.readOnly;
  if (el instanceof HTMLTextAreaElement) return !el.readOnly;
  if (el instanceof HTMLSelectElement) return true;
  const editable = (el as HTMLElement).closest('[contenteditable]');
  return !!editable && editable.getAttribute('contenteditable') !== 'false';
}

/** Whether `event` is typing into a field (see the module's notes). */
export function isTyping(event: KeyboardEvent): boolean {
  if (event.isComposing || event.key === 'Process' || event.keyCode === 229) return true;
  const first = typeof event.composedPath === 'function' ? event.composedPath()[0] : null;
  let target = first instanceof Element ? first : event.target instanceof Element ? event.target : null;
  // Past dispatch the path is empty and the target is the host: look into its shadow root.
  while (target?.shadowRoot?.activeElement) target = target.shadowRoot.activeElement;
  if (takesText(target)) return true;
  // A key that reached the window from no element (the body) while a field has focus.
  return target === null || target === document.body ? takesText(document.activeElement) : false;
}
