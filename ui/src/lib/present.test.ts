import { describe, expect, it } from 'vitest';
import type { TourView } from './platform';
import {
  capture,
  captureField,
  captureTarget,
  elapsed,
  move,
  moveOf,
  newPresentation,
  recordedMessage,
  stepTo,
} from './present';

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

describe('what a capture applies to and says', () => {
  it('records on the capability on screen, and says what to do on any other node', () => {
    expect(captureTarget({ id: 'data-curation', title: 'Data curation', kind: 'capability' })).toEqual({
      id: 'data-curation',
      title: 'Data curation',
    });
    const onPerspective = captureTarget({ id: 'business', title: 'Business', kind: 'perspective' });
    expect('problem' in onPerspective && onPerspective.problem, 'a tour step without a capability').toMatch(
      /^Business is not a capability: click a capability on the map or graph/,
    );
    const nothing = captureTarget(null);
    expect('problem' in nothing && nothing.problem).toMatch(/^Click a capability on the map or graph/);
  });

  it('keeps the dots on a capability off the projector while the view is private', () => {
    const added = { field: 'votes', delta: 3 } as const;
    expect(recordedMessage(added, 'Data curation', false, 7), 'the count is organisation data').toBe(
      'Dots on Data curation recorded',
    );
    expect(recordedMessage({ field: 'votes', delta: 'clear' }, 'Data curation', false, 0)).toBe(
      'Dots on Data curation cleared',
    );
    expect(recordedMessage(added, 'Data curation', true, 7)).toBe('Dots on Data curation: 7');
  });

  it('names the capability and says the value only once revealed', () => {
    const level = { field: 'current', level: 3 } as const;
    expect(recordedMessage(level, 'Data curation', false)).toBe('Current maturity of Data curation recorded');
    expect(recordedMessage(level, 'Data curation', true)).toBe('Current maturity of Data curation: 3');
    expect(recordedMessage({ field: 'priority', priority: null }, 'Data curation', true)).toBe(
      'Priority of Data curation: none',
    );
  });
});
