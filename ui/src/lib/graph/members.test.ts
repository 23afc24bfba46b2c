import cytoscape, { type ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { anchorId, MemberLayer } from './members';
import { graphStyle } from './elements';

// A root, one group with three members, a role, and lines between them.
const node = (id: string, kind: string, parent?: string): ElementDefinition => ({
  group: 'nodes',
  data: { id, kind, ...(parent ? { parent } : {}) },
});
const line = (id: string, source: string, target: string, kind = 'references'): ElementDefinition => ({
  group: 'edges',
  data: { id, source, target, kind },
});
const elements = [
  node('root', 'framework'),
  node('g', 'perspective'),
  node('a', 'capability', 'g'),
  node('b', 'capability', 'g'),
  node('c', 'capability', 'g'),
  node('role', 'stakeholder'),
  line('root-g', 'root', 'g', 'part_of'),
  line('a-b', 'a', 'b'),
  line('a-c', 'a', 'c'),
  line('role-a', 'role', 'a', 'concerns'),
];
const positions = {
  root: { x: 0, y: 0 },
  a: { x: 100, y: 100 },
  b: { x: 200, y: 100 },
  c: { x: 100, y: 300 },
  role: { x: 500, y: 0 },
};

function setUp() {
  const layer = new MemberLayer(elements, positions);
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: layer.start,
    layout: { name: 'preset', fit: false },
  });
  layer.attach(cy);
  return { layer, cy };
}

const ids = (cy: cytoscape.Core) =>
  cy
    .elements()
    .map((e) => e.id())
    .sort();

describe('member layer', () => {
  it('starts Cytoscape with the groups, the root, their lines and two anchors per group', () => {
    const { cy, layer } = setUp();
    expect(ids(cy)).toEqual([anchorId('g', 'a'), anchorId('g', 'b'), 'g', 'root', 'root-g'].sort());
    expect(layer.count).toBe(3);
    // The anchors span every member's centre, with half a node to spare.
    expect(cy.getElementById(anchorId('g', 'a')).position()).toEqual({ x: 76, y: 76 });
    expect(cy.getElementById(anchorId('g', 'b')).position()).toEqual({ x: 224, y: 324 });
  });

  it('adds members with the lines whose other end is there, and takes them out again', () => {
    const { cy, layer } = setUp();
    const added = layer.show(['a', 'b'])!;
    expect(added.map((e) => e.id()).sort()).toEqual(['a', 'a-b', 'b']);
    // Drawn over its group, not inside it: the group's children are its two anchors alone, so
    // a member coming or going restyles nothing else.
    expect(cy.getElementById('a').isChild()).toBe(false);
    expect(
      cy
        .getElementById('g')
        .children()
        .map((c) => c.id())
        .sort(),
    ).toEqual([anchorId('g', 'a'), anchorId('g', 'b')]);
    expect(layer.groupOfMember('a')).toBe('g');
    expect(cy.getElementById('a').position()).toEqual({ x: 100, y: 100 });
    layer.show(['c', 'role']);
    expect(
      cy
        .edges()
        .map((e) => e.id())
        .sort(),
    ).toEqual(['a-b', 'a-c', 'role-a', 'root-g']);
    layer.hide(['a']);
    expect(layer.present('a')).toBe(false);
    expect(
      cy
        .edges()
        .map((e) => e.id())
        .sort(),
    ).toEqual(['root-g']);
    // Back again, with its lines and where it was.
    layer.show(['a']);
    expect(
      cy
        .edges()
        .map((e) => e.id())
        .sort(),
    ).toEqual(['a-b', 'a-c', 'role-a', 'root-g']);
  });

  it('has members and their lines drawn over their group, though not inside it', () => {
    // Styled as the app styles them, so each node carries what the stylesheet reads.
    const styled = elements.map((e) =>
      e.group === 'nodes'
        ? {
            ...e,
            data: { ...e.data, label: e.data.id, shape: 'ellipse', color: '#888' },
            classes: e.data.id === 'g' ? 'group' : '',
          }
        : e,
    );
    const layer = new MemberLayer(styled, positions);
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: layer.start,
      style: graphStyle(false, true),
      layout: { name: 'preset', fit: false },
    });
    layer.attach(cy);
    layer.show(['a', 'b', 'role']);
    // Cytoscape's own drawing order, which its type declarations leave out.
    const drawn = cy.elements().not('.anchor') as unknown as { sortByZIndex(): cytoscape.Collection };
    const order = drawn.sortByZIndex().map((e) => e.id());
    const at = (id: string) => order.indexOf(id);
    for (const above of ['a', 'b', 'a-b', 'role']) expect(at(above), above).toBeGreaterThan(at('g'));
    // Lines stay under the nodes they join.
    expect(at('a-b')).toBeLessThan(at('a'));
  });

  it('remembers where an absent member is, for the saved layout and for its return', () => {
    const { cy, layer } = setUp();
    layer.show(['a']);
    cy.getElementById('a').position({ x: 150, y: 120 });
    layer.hide(['a']);
    expect(layer.positions()).toEqual({
      a: { x: 150, y: 120 },
      b: { x: 200, y: 100 },
      c: { x: 100, y: 300 },
      role: { x: 500, y: 0 },
    });
    layer.show(['a']);
    expect(cy.getElementById('a').position()).toEqual({ x: 150, y: 120 });
  });

  it('moves every member with its dragged group, drawn or not, and refits the anchors on request', () => {
    const { cy, layer } = setUp();
    layer.show(['a', 'role']);
    layer.moved('g', { x: 10, y: -10 });
    expect(cy.getElementById('a').position()).toEqual({ x: 110, y: 90 });
    expect(layer.positionOf('b')).toEqual({ x: 210, y: 90 });
    // A loose node is in no group and stays put.
    expect(cy.getElementById('role').position()).toEqual({ x: 500, y: 0 });
    layer.hide(['a']);
    layer.show(['a']);
    expect(cy.getElementById('a').position()).toEqual({ x: 110, y: 90 });
    layer.place({ c: { x: 400, y: 400 } });
    expect(cy.getElementById(anchorId('g', 'b')).position()).toEqual({ x: 424, y: 424 });
  });

  it('holds lines switched on later until both their ends are drawn', () => {
    const deferred = line('role-b', 'role', 'b', 'mentions');
    const { cy, layer } = setUp();
    layer.show(['role']);
    const rest = layer.addLines([deferred, line('root-g2', 'root', 'g', 'mentions')]);
    expect(rest.map((e) => e.data.id)).toEqual(['root-g2']);
    expect(cy.getElementById('role-b').empty()).toBe(true);
    layer.show(['b']);
    expect(cy.getElementById('role-b').nonempty()).toBe(true);
  });

  it('lists every node it holds for the level of detail, loose nodes marked', () => {
    const { layer } = setUp();
    layer.show(['b']);
    expect(layer.members()).toEqual([
      { id: 'a', x: 100, y: 100, off: true, loose: false },
      { id: 'b', x: 200, y: 100, off: false, loose: false },
      { id: 'c', x: 100, y: 300, off: true, loose: false },
      { id: 'role', x: 500, y: 0, off: true, loose: true },
    ]);
    expect(layer.holds('root')).toBe(false);
    expect(layer.groupOfMember('b')).toBe('g');
    expect(layer.groupOfMember('role')).toBeUndefined();
  });
});
