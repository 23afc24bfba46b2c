import { describe, expect, it } from 'vitest';
import { ReadingHistory } from './nav.svelte';

describe('ReadingHistory', () => {
  it('starts with nowhere to go', () => {
    const h = new ReadingHistory();
    expect(h.canBack).toBe(false);
    expect(h.canForward).toBe(false);
    expect(h.back()).toBeNull();
    expect(h.forward()).toBeNull();
    expect(h.current).toBeNull();
  });

  it('goes back and forward through visits like a browser', () => {
    const h = new ReadingHistory();
    h.visit('a');
    expect(h.canBack).toBe(false);
    h.visit('b');
    h.visit('c');
    expect(h.back()).toBe('b');
    expect(h.back()).toBe('a');
    expect(h.canBack).toBe(false);
    expect(h.canForward).toBe(true);
    expect(h.forward()).toBe('b');
    expect(h.forward()).toBe('c');
    expect(h.canForward).toBe(false);
    expect(h.current).toBe('c');
  });

  it('drops the forward stack when a new node is visited', () => {
    const h = new ReadingHistory();
    h.visit('a');
    h.visit('b');
    h.back();
    h.visit('c');
    expect(h.canForward).toBe(false);
    expect(h.back()).toBe('a');
  });

  it('ignores a visit to the node already shown', () => {
    const h = new ReadingHistory();
    h.visit('a');
    h.visit('a');
    expect(h.canBack).toBe(false);
    h.visit('b');
    h.back();
    // Opening the node just returned to (as the app does after Back) keeps Forward.
    h.visit('a');
    expect(h.canForward).toBe(true);
  });

  it('lists recent nodes newest first, each once, at most 15', () => {
    const h = new ReadingHistory();
    for (const id of ['a', 'b', 'a', 'c']) h.visit(id);
    expect(h.recent).toEqual(['c', 'a', 'b']);
    h.back();
    expect(h.recent).toEqual(['a', 'c', 'b']);
    for (let i = 0; i < 20; i++) h.visit(`n${i}`);
    expect(h.recent).toHaveLength(15);
    expect(h.recent[0]).toBe('n19');
    expect(h.recent).not.toContain('b');
  });
});
