import { describe, expect, it } from 'vitest';
import cytoscape, { type ElementDefinition } from 'cytoscape';
import { deferLines, fingerprintOf, layoutOf, placed, startLayout } from './arrange';
import { modelOf } from './filters';
import { fingerprint } from './layout';
import { MemberLayer } from './members';

const node = (id: string, kind: string, parent?: string): ElementDefinition => ({
  group: 'nodes',
  data: { id, kind, ...(parent ? { parent } : {}) },
});
const line = (id: string, source: string, target: string, kind: string): ElementDefinition => ({
  group: 'edges',
  data: { id, source, target, kind },
});
const elements = [
  node('root', 'framework'),
  node('g', 'perspective'),
  node('a', 'capability', 'g'),
  node('b', 'capability', 'g'),
  node('role', 'stakeholder'),
  line('g-root', 'g', 'root', 'part_of'),
  line('a-b', 'a', 'b', 'references'),
  line('role-a', 'role', 'a', 'concerns'),
  line('role-b', 'role', 'b', 'concerns'),
];
const model = modelOf(elements);
const ids = ['root', 'g', 'a', 'b', 'role'];

describe('startLayout', () => {
  it('reuses a saved layout of the same nodes, with its dragged nodes', () => {
    const positions = { a: { x: 1, y: 2 } };
    const start = startLayout({ fingerprint: fingerprintOf(model), positions, pinned: ['a'] }, model, false);
    expect(start).toEqual({ positions, pinned: ['a'], reused: true });
  });

  it('lays out afresh when the pack’s nodes changed since the layout was saved', () => {
    const start = startLayout({ fingerprint: fingerprint(['a']), positions: {}, pinned: ['a'] }, model, false);
    expect(start.reused, 'positions of other nodes would pile the new ones in a corner').toBe(false);
    expect(start.pinned).toEqual([]);
    expect(Object.keys(start.positions).length).toBeGreaterThan(0);
  });

  it('lays out afresh a layout saved before the scene, though its nodes are the same', () => {
    const start = startLayout({ fingerprint: fingerprint(ids), positions: {}, pinned: [] }, model, false);
    expect(start.reused, 'a layout from before the scene is the old hairball').toBe(false);
  });
});

describe('deferLines', () => {
  it('keeps the lines of the deferred kinds back, by kind, and everything else in', () => {
    const { now, waiting } = deferLines(elements, ['concerns']);
    expect(now.map((e) => e.data.id)).not.toContain('role-a');
    expect(now).toHaveLength(elements.length - 2);
    expect(waiting.get('concerns')?.map((e) => e.data.id)).toEqual(['role-a', 'role-b']);
  });
});

describe('layoutOf', () => {
  it('saves leaves to a tenth, members out of the graph included, and the pinned nodes sorted', () => {
    const start = { root: { x: 0, y: 0 }, a: { x: 10.04, y: 20.06 }, b: { x: 30, y: 40 }, role: { x: -5, y: 5 } };
    const layer = new MemberLayer(elements, start);
    const cy = cytoscape({ headless: true, elements: placed(layer.start, start) });
    layer.attach(cy);
    const saved = layoutOf(cy, layer, model, new Set(['role', 'a']));
    expect(saved.fingerprint).toBe(fingerprintOf(model));
    expect(saved.positions.a, 'a member not drawn at this zoom is still part of the layout').toEqual({
      x: 10,
      y: 20.1,
    });
    expect(saved.positions.root).toEqual({ x: 0, y: 0 });
    expect(Object.keys(saved.positions).some((id) => id.includes('anchor'))).toBe(false);
    expect(saved.positions.g, 'a group’s place follows from its members').toBeUndefined();
    expect(saved.pinned).toEqual(['a', 'role']);
  });
});
