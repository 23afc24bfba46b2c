import { afterEach, describe, expect, it } from 'vitest';
import { windowKey } from './windowKeys';

function press(key: string, init: KeyboardEventInit = {}, target: Element = document.body): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, ...init });
  Object.defineProperty(event, 'target', { value: target });
  return event;
}

describe('the window keys', () => {
  afterEach(() => document.body.replaceChildren());

  it('opens the report on Ctrl+P and Cmd+P, even while typing, but not with Alt', () => {
    const field = document.body.appendChild(document.createElement('input'));
    expect(windowKey(press('p', { ctrlKey: true }, field), false)).toEqual({ kind: 'report' });
    expect(windowKey(press('P', { metaKey: true }), false)).toEqual({ kind: 'report' });
    expect(windowKey(press('p', { ctrlKey: true, altKey: true }), false)).toBeNull();
  });

  it('opens search on Ctrl+K anywhere, and on / only when not typing and not already open', () => {
    const field = document.body.appendChild(document.createElement('textarea'));
    expect(windowKey(press('k', { ctrlKey: true }, field), false)).toEqual({ kind: 'search' });
    expect(windowKey(press('/'), false)).toEqual({ kind: 'search' });
    expect(windowKey(press('/'), true)).toBeNull();
    expect(windowKey(press('/', {}, field), false)).toBeNull();
  });

  it('walks the reading history with Alt+arrows, not while typing', () => {
    const field = document.body.appendChild(document.createElement('input'));
    expect(windowKey(press('ArrowLeft', { altKey: true }), false)).toEqual({ kind: 'back' });
    expect(windowKey(press('ArrowRight', { altKey: true }), false)).toEqual({ kind: 'forward' });
    expect(windowKey(press('ArrowLeft', { altKey: true }, field), false)).toBeNull();
  });

  it('passes a letter on as a view key only with no field focused and no dialog open', () => {
    expect(windowKey(press('o'), false)).toEqual({ kind: 'view', key: 'o' });
    const field = document.body.appendChild(document.createElement('input'));
    expect(windowKey(press('o', {}, field), false)).toBeNull();
    field.remove();
    document.body.appendChild(document.createElement('div')).setAttribute('role', 'dialog');
    expect(windowKey(press('o'), false)).toBeNull();
    expect(windowKey(press('ArrowDown'), false)).toBeNull();
  });
});
