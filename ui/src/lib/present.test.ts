import { describe, expect, it } from 'vitest';
import type { TourView } from './platform';
import { capture, captureField, elapsed, move, moveOf, newPresentation, stepTo } from './present';

const tour: TourView = {
  id: 't',
  title: 'T',
  summary: '',
  builtin: true,
  steps: [
    { node: 'a', title: 'A', kind: 'framework', depth: 1, view: 'graph', notes: '', notes_html: '' },
    { node: 'b', title: 'B', kind: 'perspective', depth: 2, view: null, notes: '', notes_html: '' },
    { node: 'c', title: 'C', kind: 'capability', depth: 1, view: 'map', notes: '', notes_html: '' },
  ],
};

describe('presenting', () => {
  it('starts private, on no tour, at the given view', () => {
    const p = newPresentation('map', 3, null, new Date('2026-01-01T10:00:00Z'));
    expect(p).toMatchObject({ active: true, revealed: false, blackout: false, tour: null, view: 'map', org: 3 });
  });

  it('steps through a tour, keeping the view when a step names none, and clamps at the ends', () => {
    let p = stepTo(newPresentation('map', null, null), tour, 0);
    expect([p.step, p.node, p.view]).toEqual([0, 'a', 'graph']);
    p = move(p, tour, 'next');
    expect([p.step, p.node, p.view]).toEqual([1, 'b', 'graph']);
    p = move(p, tour, 'last');
    expect([p.step, p.node, p.view]).toEqual([2, 'c', 'map']);
    expect(move(p, tour, 'next').step).toBe(2);
    expect(move(p, tour, 'first').node).toBe('a');
    expect(move(move(p, tour, 'first'), tour, 'previous').step).toBe(0);
  });

  it('lifts a blackout when the step moves', () => {
    const dark = { ...stepTo(newPresentation('graph', null, null), tour, 0), blackout: true };
    expect(move(dark, tour, 'next').blackout).toBe(false);
  });

  it('maps what clickers send to moves', () => {
    expect(['PageDown', 'ArrowRight', 'PageUp', 'ArrowLeft', 'Home', 'End', 'x'].map(moveOf)).toEqual([
      'next',
      'next',
      'previous',
      'previous',
      'first',
      'last',
      null,
    ]);
  });

  it('shows the elapsed time as a clock', () => {
    const start = '2026-01-01T10:00:00Z';
    expect(elapsed(start, Date.parse(start) + 65_000)).toBe('1:05');
    expect(elapsed(start, Date.parse(start) + 3_725_000)).toBe('1:02:05');
    expect(elapsed(start, Date.parse(start) - 5_000)).toBe('0:00');
  });
});

describe('live capture', () => {
  it('reads a prefix and a digit', () => {
    expect(captureField('c')).toBe('current');
    expect(captureField('T')).toBe('target');
    expect(captureField('x')).toBeNull();
    expect(capture('current', '3', 5)).toEqual({ field: 'current', level: 3 });
    expect(capture('target', 'Backspace', 5)).toEqual({ field: 'target', level: null });
    expect(capture('current', '7', 5)).toBeNull();
    expect(capture('priority', '4', 5)).toEqual({ field: 'priority', priority: 'critical' });
    expect(capture('priority', '0', 5)).toEqual({ field: 'priority', priority: null });
    expect(capture('priority', '5', 5)).toBeNull();
    expect(capture('votes', '3', 5)).toEqual({ field: 'votes', delta: 3 });
    expect(capture('votes', '0', 5)).toEqual({ field: 'votes', delta: 'clear' });
    expect(capture('votes', 'Backspace', 5)).toEqual({ field: 'votes', delta: -1 });
    expect(capture('votes', 'a', 5)).toBeNull();
  });
});
