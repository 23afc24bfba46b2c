import { afterEach, describe, expect, it } from 'vitest';
import { isTyping, takesText } from './typing';

/** What a window-wide key handler (the view keys') sees and decides for a key pressed on `el`. */
function keyOn(el: Element, init: KeyboardEventInit = { key: 'o' }): { target: EventTarget | null; typing: boolean } {
  let seen = { target: null as EventTarget | null, typing: false };
  const listen = (e: Event) => (seen = { target: e.target, typing: isTyping(e as KeyboardEvent) });
  window.addEventListener('keydown', listen);
  el.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, composed: true, ...init }));
  window.removeEventListener('keydown', listen);
  return seen;
}

afterEach(() => document.body.replaceChildren());

describe('typing', () => {
  it('counts text inputs, text areas, selects and editable regions as fields', () => {
    document.body.innerHTML = `<input id="a"><input id="b" type="search"><textarea id="c"></textarea>
      <select id="d"></select><div contenteditable="true"><span id="e">x</span></div>`;
    for (const id of ['a', 'b', 'c', 'd', 'e']) {
      expect(keyOn(document.getElementById(id)!).typing, `#${id} takes typed keys`).toBe(true);
    }
  });

  it('leaves keys on checkboxes, buttons and read-only fields to the shortcuts', () => {
    document.body.innerHTML = `<input id="a" type="checkbox"><button id="b">Go</button>
      <input id="c" readonly><div contenteditable="false"><span id="d">x</span></div>`;
    for (const id of ['a', 'b', 'c', 'd']) {
      expect(keyOn(document.getElementById(id)!).typing, `#${id} takes no letters`).toBe(false);
    }
  });

  it('sees a field inside a shadow root, whose host is all event.target shows the window', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const input = document.createElement('input');
    host.attachShadow({ mode: 'open' }).append(input);
    input.focus();
    const seen = keyOn(input);
    expect(seen.target, 'the window sees the host').toBe(host);
    expect(seen.typing, '"o" typed into the field must not switch view').toBe(true);
  });

  it('treats a key composing a character as typing wherever it lands', () => {
    document.body.innerHTML = `<button id="b">Go</button>`;
    expect(keyOn(document.getElementById('b')!, { key: 'o', isComposing: true }).typing).toBe(true);
  });

  it('says which elements take text', () => {
    expect(takesText(null)).toBe(false);
    expect(takesText(document.body)).toBe(false);
  });
});
