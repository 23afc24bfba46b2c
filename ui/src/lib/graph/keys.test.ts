import { afterEach, describe, expect, it } from 'vitest';
import { belongsElsewhere, commandFor, listMove, onScreen, ZOOM_STEP } from './keys';

const none = { selected: false, depth: 0 };
const chosen = { selected: true, depth: 0 };

describe('commandFor', () => {
  it('focuses to a depth only with a selection', () => {
    expect(commandFor('2', chosen)).toEqual({ kind: 'depth', depth: 2 });
    expect(commandFor('2', none), 'a focus needs a node to centre on').toBeNull();
  });

  it('lets Esc clear a focus, and leaves it to others when there is none', () => {
    expect(commandFor('Escape', { selected: true, depth: 2 })).toEqual({ kind: 'depth', depth: 0 });
    expect(commandFor('Escape', chosen), 'Esc with nothing to clear must reach the rest of the app').toBeNull();
  });

  it('starts a path from the selection with P, and lets Esc clear the path before the focus', () => {
    expect(commandFor('p', { selected: true, depth: 0 })).toEqual({ kind: 'path' });
    expect(commandFor('P', { selected: false, depth: 0 }), 'a path starts at the selection').toBeNull();
    expect(commandFor('Escape', { selected: true, depth: 2, path: true })).toEqual({ kind: 'clear-path' });
  });

  it('zooms in and out by the same step, with or without Shift', () => {
    for (const key of ['+', '=']) expect(commandFor(key, none)).toEqual({ kind: 'zoom', factor: ZOOM_STEP });
    for (const key of ['-', '_']) expect(commandFor(key, none)).toEqual({ kind: 'zoom', factor: 1 / ZOOM_STEP });
  });

  it('fits with 0 and zooms to the selection with F', () => {
    expect(commandFor('0', none)).toEqual({ kind: 'fit' });
    expect(commandFor('F', chosen)).toEqual({ kind: 'zoom-to-selection' });
    expect(commandFor('f', none)).toBeNull();
    expect(commandFor('x', chosen)).toBeNull();
  });
});

describe('belongsElsewhere', () => {
  afterEach(() => document.body.replaceChildren());

  const press = (target: EventTarget, init: KeyboardEventInit = {}) => {
    let answer: boolean | undefined;
    target.addEventListener('keydown', (e) => (answer = belongsElsewhere(e as KeyboardEvent)), { once: true });
    target.dispatchEvent(new KeyboardEvent('keydown', { key: '0', bubbles: true, ...init }));
    return answer;
  };

  it('takes a plain key pressed on the page', () => {
    expect(press(document.body)).toBe(false);
  });

  it('leaves shortcuts with a modifier, and typing in a field, alone', () => {
    expect(press(document.body, { ctrlKey: true })).toBe(true);
    const input = document.body.appendChild(document.createElement('input'));
    expect(press(input), 'typing a 0 in a field must not refit the graph').toBe(true);
  });

  it('leaves keys to an open dialog', () => {
    document.body.appendChild(document.createElement('div')).setAttribute('role', 'dialog');
    expect(press(document.body)).toBe(true);
  });
});

describe('listMove', () => {
  it('moves within the list and stops at its ends', () => {
    expect(listMove('ArrowDown', 0, 3)).toBe(1);
    expect(listMove('ArrowDown', 2, 3)).toBe(2);
    expect(listMove('ArrowUp', 0, 3)).toBe(0);
    expect(listMove('Home', 2, 3)).toBe(0);
    expect(listMove('End', 0, 3)).toBe(2);
    expect(listMove('a', 0, 3)).toBe(-1);
  });
});

describe('onScreen', () => {
  it('tells a view kept mounted behind another from the one shown', () => {
    const shown = document.body.appendChild(document.createElement('div'));
    const behind = document.body.appendChild(document.createElement('div'));
    behind.style.visibility = 'hidden';
    expect(onScreen(shown)).toBe(true);
    expect(onScreen(behind), 'keys must not move a graph nobody can see').toBe(false);
    document.body.replaceChildren();
  });
});
