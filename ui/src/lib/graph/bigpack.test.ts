import { afterEach, describe, expect, it, vi } from 'vitest';
import cytoscape, { type ElementDefinition } from 'cytoscape';
import { BigPack } from './bigpack';
import { DETAIL_ZOOM } from './detail';
import type { Look } from './paint';

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
  line('role-root', 'role', 'root', 'concerns'),
];
const positions = { root: { x: 0, y: 0 }, a: { x: 100, y: 100 }, b: { x: 140, y: 100 }, role: { x: -100, y: 0 } };
const look = (): Look => ({
  hidden: new Set(),
  ghosts: new Set(),
  faded: new Set(['a']),
  lensHits: null,
  heat: null,
  selected: null,
});

function mounted() {
  const pack = new BigPack(elements, ['concerns'], positions);
  const cy = cytoscape({ headless: true, elements: pack.start.map((e) => ({ ...e })) });
  pack.attach(cy);
  return { pack, cy };
}

afterEach(() => vi.useRealTimers());

describe('BigPack', () => {
  it('starts Cytoscape without the members and without the deferred lines', () => {
    const { cy } = mounted();
    expect(cy.getElementById('a').empty(), 'members join when the view needs them').toBe(true);
    expect(cy.getElementById('role-root').empty(), 'a hidden kind of line waits until shown').toBe(true);
  });

  it('hands over the waiting lines of a kind once it is shown, and only once', () => {
    const { pack, cy } = mounted();
    pack.show(['role'], look());
    pack.addLines(['concerns']);
    expect(cy.getElementById('role-root').nonempty()).toBe(true);
    pack.addLines(['concerns']);
    expect(cy.edges('#role-root')).toHaveLength(1);
  });

  it('puts the members the view needs in over the next frames, with the look they should have', () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'performance'] });
    const { pack, cy } = mounted();
    cy.viewport({ zoom: Math.max(1, DETAIL_ZOOM * 2), pan: { x: 0, y: 0 } });
    let settled = false;
    // A headless graph has no size, so the view is a point: the selection is what must join.
    const overview = pack.apply(
      () => ({ ...look(), selected: 'a' }),
      () => (settled = true),
    );
    expect(overview).toBe(false);
    expect(cy.getElementById('a').empty(), 'the work waits for the next frame').toBe(true);
    vi.advanceTimersByTime(100);
    expect(settled, 'the level of detail must report when it is all in place').toBe(true);
    expect(cy.getElementById('a').nonempty()).toBe(true);
    expect(cy.getElementById('a').hasClass('faded'), 'a member joining late must look like the rest').toBe(true);
  });

  it('reports the overview when zoomed out past the detail zoom', () => {
    const { pack, cy } = mounted();
    cy.zoom(DETAIL_ZOOM / 4);
    expect(pack.apply(look)).toBe(true);
    pack.stop();
  });
});
