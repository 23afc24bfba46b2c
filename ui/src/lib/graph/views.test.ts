import { describe, expect, it } from 'vitest';
import { captureView, nameProblem, restoredSummary, restoring, type Known } from './views';

const known: Known = {
  nodes: new Set(['a-one', 'alpha', 'beta', 'boss']),
  kinds: new Set(['capability', 'stakeholder', 'stage']),
  edgeKinds: new Set(['concerns', 'references']),
};

const state = {
  filters: { hiddenKinds: ['stage'], hiddenEdgeKinds: ['concerns'], hiddenPerspectives: ['beta'], stakeholder: null },
  lens: 'boss',
  selected: 'a-one',
  depth: 2,
  camera: { zoom: 1.4, pan: { x: -200, y: 35.5 } },
};

describe('saved views', () => {
  it('come back exactly as they were kept when the pack still has everything they name', () => {
    const back = restoring(captureView('Board', state), known);
    expect(back).toEqual({ ...state, missing: [] });
    expect(restoredSummary('Board', back.missing)).toBe('View “Board” restored.');
  });

  it('put back the rest and say what is missing when the pack no longer has a node or kind', () => {
    const saved = captureView('Old', {
      ...state,
      filters: { ...state.filters, hiddenKinds: ['stage', 'concept'], hiddenPerspectives: ['gone-group'] },
      lens: 'ciso',
      selected: 'gone-node',
    });
    const back = restoring(saved, known);
    expect(back.filters.hiddenKinds).toEqual(['stage']);
    expect(back.filters.hiddenPerspectives).toEqual([]);
    expect(back.lens).toBeNull();
    expect([back.selected, back.depth], 'a focus whose node is gone goes with it').toEqual([null, 0]);
    expect(back.camera, 'the camera is put back all the same').toEqual(state.camera);
    expect(restoredSummary('Old', back.missing)).toBe(
      'View “Old” restored without what the pack no longer has: kind “concept”, perspective “gone-group”, lens on “ciso”, focus on “gone-node”.',
    );
  });

  it('refuse a name another view has, ignoring case and spaces, but not a view’s own', () => {
    const views = [captureView('Board', state)];
    expect(nameProblem('  board ', views)).toBe('A view named “Board” already exists.');
    expect(nameProblem('BOARD', views, 'Board'), 'renaming a view to its own name in capitals').toBeNull();
    expect(nameProblem('   ', views)).toBe('A view needs a name.');
  });
});
