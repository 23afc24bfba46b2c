import { describe, expect, it } from 'vitest';
import { assessKey, keysHint, levelKey, levelMessage, levelRange, levelsOf, saveLevel } from './assessing';
import { fakeFramework } from './platform/fake';

const SCALE = [0, 1, 2, 3, 4, 5];
const key = (k: string, more: Partial<KeyboardEvent> = {}) => ({
  key: k,
  code: '',
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...more,
});

describe('levelKey', () => {
  it('reads a digit as the current level and Shift with it as the target', () => {
    expect(levelKey(key('3', { code: 'Digit3' }), SCALE)).toEqual({ field: 'current', level: 3 });
    expect(levelKey(key('$', { code: 'Digit4', shiftKey: true }), SCALE)).toEqual({ field: 'target', level: 4 });
  });

  it('goes by the key pressed, not the character a layout gives it', () => {
    // AZERTY: the 3 key types " without Shift; the person still pressed 3.
    expect(levelKey(key('"', { code: 'Digit3' }), SCALE), 'the digit key, whatever it types').toEqual({
      field: 'current',
      level: 3,
    });
    expect(levelKey(key('2', { code: 'Numpad2' }), SCALE)).toEqual({ field: 'current', level: 2 });
    // Without a key code (a synthetic event), the US symbol Shift makes of the digit.
    expect(levelKey(key('$', { shiftKey: true }), SCALE)).toEqual({ field: 'target', level: 4 });
    expect(levelKey(key(')', { shiftKey: true }), SCALE)).toEqual({ field: 'target', level: 0 });
  });

  it('leaves other keys, digits past the scale and shortcuts with modifiers to the rest of the app', () => {
    expect(levelKey(key('7', { code: 'Digit7' }), SCALE), '7 is not a level of a 0–5 scale').toBeNull();
    expect(levelKey(key('a', { code: 'KeyA' }), SCALE)).toBeNull();
    expect(levelKey(key('1', { code: 'Digit1', ctrlKey: true }), SCALE), 'Ctrl+1 is not a level').toBeNull();
    expect(levelKey(key('1', { code: 'Digit1', altKey: true }), SCALE)).toBeNull();
    expect(levelKey(key('$'), SCALE), 'a $ typed without Shift is not a digit').toBeNull();
  });
});

describe('assessKey', () => {
  it('is A alone, in either case', () => {
    expect(assessKey(key('a'))).toBe(true);
    expect(assessKey(key('A'))).toBe(true);
    expect(assessKey(key('a', { ctrlKey: true })), 'Ctrl+A selects all').toBe(false);
    expect(assessKey(key('A', { shiftKey: true }))).toBe(false);
    expect(assessKey(key('s'))).toBe(false);
  });
});

describe('the hint and the message', () => {
  it('names the keys by the scale the pack has', () => {
    expect(levelsOf(fakeFramework)).toEqual([0, 1, 2, 3, 4]);
    expect(levelRange([0, 1, 2, 3, 4, 5])).toBe('0–5');
    expect(levelRange([2])).toBe('2');
    expect(keysHint([0, 1, 2, 3, 4, 5])).toBe(
      'Keys: 0–5 sets the current level, Shift+0–5 the target; A goes to the assessment, Esc comes back.',
    );
  });

  it('says which capability got which level, by name', () => {
    expect(levelMessage('Alpha one', { field: 'target', level: 3 }, fakeFramework)).toBe(
      'Alpha one: target 3 — Defined',
    );
  });
});

describe('saveLevel', () => {
  it('saves just that field on that capability', async () => {
    const saved: unknown[] = [];
    const data = {
      save: async (capability: string, changes: unknown) => {
        saved.push([capability, changes]);
        return {} as never;
      },
    };
    const message = await saveLevel(data, fakeFramework, 'b-one', { field: 'current', level: 2 });
    expect(saved).toEqual([['b-one', { current: 2 }]]);
    expect(message).toBe('Beta one: current 2 — Developing');
  });

  it('says why a level was not saved, naming the capability', async () => {
    const data = {
      save: async () => {
        throw new Error('Read-only: the data folder is locked.');
      },
    };
    expect(await saveLevel(data, fakeFramework, 'a-one', { field: 'target', level: 1 })).toBe(
      'Alpha one: not saved. Read-only: the data folder is locked.',
    );
  });
});
