import { describe, expect, it } from 'vitest';
import {
  bulkEditMessage,
  columnsOf,
  neighbourIn,
  fieldName,
  formatDelta,
  formatScore,
  formatValue,
  meanCurrent,
  rangeBetween,
} from './dashboard';
import { fakeFramework } from './platform/fake';
import { emptyAssessment } from './platform';

describe('dashboard helpers', () => {
  it('builds columns in perspective order with their capabilities in order', () => {
    const fw = {
      ...fakeFramework,
      nodes: [
        ...fakeFramework.nodes,
        { id: 'b-zero', kind: 'capability', title: 'Beta zero', tagline: '', status: null, order: 0, parent: 'beta' },
        { id: 'stray', kind: 'capability', title: 'Stray', tagline: '', status: null, order: 1, parent: null },
      ],
    };
    expect(columnsOf(fw).map((c) => [c.perspective.id, c.capabilities.map((n) => n.id)])).toEqual([
      ['alpha', ['a-one', 'a-two', 'a-three']],
      ['beta', ['b-zero', 'b-one', 'b-two']],
    ]);
  });

  it('averages only assessed, applicable capabilities', () => {
    const a = (current: number | null, na: string | null = null) => ({
      ...emptyAssessment(),
      current,
      not_applicable: na,
    });
    expect(meanCurrent(['x', 'y', 'z', 'w'], { x: a(1), y: a(2), z: a(null), w: a(4, 'no') })).toBe(1.5);
    expect(meanCurrent(['x'], {})).toBeNull();
  });

  it('formats scores, deltas and values', () => {
    expect([formatScore(2), formatScore(1.25), formatScore(null)]).toEqual(['2.0', '1.3', '—']);
    expect(formatDelta(2)).toMatchObject({ text: '▲ +2', direction: 'up' });
    expect(formatDelta(-1)).toMatchObject({ text: '▼ −1', direction: 'down' });
    expect(formatDelta(0).direction).toBe('same');
    expect(formatDelta(null).text).toBe('—');
    expect(formatValue(null)).toBe('—');
    expect(formatValue(['a', 'b'])).toBe('a, b');
    expect(formatValue([{ label: 'Policy', url: 'https://x' }])).toBe('Policy');
    expect(formatValue('boss', fakeFramework)).toBe('Boss');
    expect(fieldName('not_applicable')).toBe('Not applicable');
  });

  it('takes a range either way round', () => {
    const order = ['a', 'b', 'c', 'd'];
    expect(rangeBetween(order, 'b', 'd')).toEqual(['b', 'c', 'd']);
    expect(rangeBetween(order, 'c', 'a')).toEqual(['a', 'b', 'c']);
    expect(rangeBetween(order, 'gone', 'c')).toEqual(['c']);
  });

  it('words the bulk edit announcement', () => {
    expect(bulkEditMessage({ field: 'target', value: 3 }, 3)).toBe('Target set to 3 for 3 capabilities');
    expect(bulkEditMessage({ field: 'priority', value: null }, 1)).toBe('Priority cleared for 1 capability');
  });
});

describe('neighbourIn', () => {
  const cols = columnsOf(fakeFramework);
  const ids = (c: number) => cols[c].capabilities.map((n) => n.id);

  it('moves within a column and stops at its ends', () => {
    const [first, second] = ids(0);
    expect(neighbourIn(cols, first, 'ArrowDown')).toBe(second);
    expect(neighbourIn(cols, first, 'ArrowUp')).toBeNull();
    expect(neighbourIn(cols, second, 'Home')).toBe(first);
    expect(neighbourIn(cols, first, 'End')).toBe(ids(0)[ids(0).length - 1]);
  });

  it('moves across columns on the same row, or to the last card of a shorter column', () => {
    const last = ids(0)[ids(0).length - 1];
    const expected = ids(1)[Math.min(ids(0).length - 1, ids(1).length - 1)];
    expect(neighbourIn(cols, last, 'ArrowRight')).toBe(expected);
    expect(neighbourIn(cols, ids(1)[0], 'ArrowLeft')).toBe(ids(0)[0]);
    expect(neighbourIn(cols, ids(0)[0], 'ArrowLeft'), 'nothing left of the first column').toBeNull();
    expect(neighbourIn(cols, 'no-such-card', 'ArrowDown')).toBeNull();
  });
});
