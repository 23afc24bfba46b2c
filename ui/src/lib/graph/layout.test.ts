import { describe, expect, it } from 'vitest';
import { fakeFramework } from '../platform/fake';
import { toElements } from './elements';
import { modelOf } from './filters';
import { draftLayout, fingerprint, seedPositions, ringAround, separateGroups, type Box } from './layout';

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

describe('fingerprint', () => {
  it('depends on the set of ids, not their order', () => {
    expect(fingerprint(['b', 'a', 'c'])).toBe(fingerprint(['c', 'b', 'a']));
    expect(fingerprint(['a', 'b'])).not.toBe(fingerprint(['a', 'b', 'c']));
    expect(fingerprint(['ab', 'c'])).not.toBe(fingerprint(['a', 'bc']));
    expect(fingerprint(['a'])).toMatch(/^1-[0-9a-f]{8}$/);
  });
});

describe('draftLayout (big packs)', () => {
  // Four groups of 30, a root, and roles each tied to the members of one group.
  const groups = ['g0', 'g1', 'g2', 'g3'];
  const model = {
    nodes: [
      { id: 'root', kind: 'framework', parent: null },
      ...groups.map((id) => ({ id, kind: 'perspective', parent: null })),
      ...Array.from({ length: 120 }, (_, i) => ({ id: `c${i}`, kind: 'capability', parent: `g${i % 4}` })),
      ...groups.map((g) => ({ id: `role-${g}`, kind: 'stakeholder', parent: null })),
    ],
    edges: Array.from({ length: 120 }, (_, i) => ({
      id: `e${i}`,
      source: `role-g${i % 4}`,
      target: `c${i}`,
      kind: 'concerns',
    })),
  };
  const p = draftLayout(model);
  const boxOf = (g: string): Box => {
    const pts = model.nodes.filter((n) => n.parent === g).map((n) => p[n.id]);
    return {
      id: g,
      x1: Math.min(...pts.map((q) => q.x)),
      x2: Math.max(...pts.map((q) => q.x)),
      y1: Math.min(...pts.map((q) => q.y)),
      y2: Math.max(...pts.map((q) => q.y)),
    };
  };
  const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
  const middle = (b: Box) => ({ x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2 });

  it('places every leaf, the same way every time, with the root in the middle of the groups', () => {
    expect(Object.keys(p).length).toBe(125);
    expect(draftLayout(model)).toEqual(p);
    expect(p.root).toEqual({ x: 0, y: 0 });
  });

  it('keeps groups apart and puts each role outside them, on the side of the group it concerns', () => {
    const boxes = groups.map(boxOf);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i], boxes[j])).toBe(false);
    for (const g of groups) {
      const role = p[`role-${g}`];
      for (const b of boxes) expect(role.x > b.x1 && role.x < b.x2 && role.y > b.y1 && role.y < b.y2).toBe(false);
      const nearest = boxes.reduce((best, b) => (dist(role, middle(b)) < dist(role, middle(best)) ? b : best));
      expect(nearest.id).toBe(g);
    }
  });

  it('leaves pinned nodes where they were put', () => {
    const pinned = draftLayout(model, { c5: { x: 9999, y: 9999 }, 'role-g0': { x: -5, y: 7 } });
    expect(pinned.c5).toEqual({ x: 9999, y: 9999 });
    expect(pinned['role-g0']).toEqual({ x: -5, y: 7 });
    expect(pinned.c6).toEqual(p.c6);
  });
});

describe('seedPositions', () => {
  const model = modelOf(toElements(fakeFramework));

  it('places every leaf node, the same way every time', () => {
    const p = seedPositions(model);
    // Groups take their place from their members.
    const leaves = fakeFramework.nodes.filter((n) => n.kind !== 'perspective').map((n) => n.id);
    expect(Object.keys(p).sort()).toEqual(leaves.sort());
    expect(seedPositions(model)).toEqual(p);
  });

  it('starts groups apart from each other', () => {
    const big = {
      nodes: [
        ...['g1', 'g2', 'g3'].map((id) => ({ id, kind: 'perspective', parent: null })),
        ...Array.from({ length: 60 }, (_, i) => ({ id: `c${i}`, kind: 'capability', parent: `g${(i % 3) + 1}` })),
      ],
      edges: [],
    };
    const p = seedPositions(big);
    const box = (g: string): Box => {
      const pts = big.nodes.filter((n) => n.parent === g).map((n) => p[n.id]);
      return {
        id: g,
        x1: Math.min(...pts.map((q) => q.x)),
        x2: Math.max(...pts.map((q) => q.x)),
        y1: Math.min(...pts.map((q) => q.y)),
        y2: Math.max(...pts.map((q) => q.y)),
      };
    };
    expect(overlaps(box('g1'), box('g2'))).toBe(false);
    expect(overlaps(box('g2'), box('g3'))).toBe(false);
    expect(overlaps(box('g1'), box('g3'))).toBe(false);
  });
});

describe('separateGroups', () => {
  it('pushes overlapping groups apart by at least the gap', () => {
    const a: Box = { id: 'a', x1: 0, y1: 0, x2: 100, y2: 100 };
    const b: Box = { id: 'b', x1: 80, y1: 10, x2: 180, y2: 110 };
    const shift = separateGroups([a, b], [], 20);
    const moved = (x: Box) => {
      const s = shift.get(x.id) ?? { x: 0, y: 0 };
      return { ...x, x1: x.x1 + s.x, x2: x.x2 + s.x, y1: x.y1 + s.y, y2: x.y2 + s.y };
    };
    const ma = moved(a);
    const mb = moved(b);
    expect(mb.x1 - ma.x2).toBeGreaterThanOrEqual(20 - 1e-9);
    // Along the shorter way out: sideways, not up or down.
    expect(shift.get('a')!.y).toBe(0);
  });

  it('never moves a fixed group, and moves a loose node out of a group', () => {
    const a: Box = { id: 'a', x1: 0, y1: 0, x2: 100, y2: 100, fixed: true };
    const b: Box = { id: 'b', x1: 50, y1: 0, x2: 150, y2: 100 };
    const n: Box = { id: 'n', x1: 40, y1: 45, x2: 50, y2: 55 };
    const shift = separateGroups([a, b], [n], 20);
    expect(shift.has('a')).toBe(false);
    expect(shift.get('b')!.x).toBeGreaterThanOrEqual(70);
    const s = shift.get('n')!;
    const moved = { id: 'n', x1: n.x1 + s.x, x2: n.x2 + s.x, y1: n.y1 + s.y, y2: n.y2 + s.y };
    expect(overlaps(moved, a)).toBe(false);
  });

  it('leaves groups that are already apart alone', () => {
    expect(
      separateGroups([
        { id: 'a', x1: 0, y1: 0, x2: 10, y2: 10 },
        { id: 'b', x1: 100, y1: 0, x2: 110, y2: 10 },
      ]).size,
    ).toBe(0);
  });
});

describe('ringAround', () => {
  const groups = [
    { id: 'g1', x1: -100, y1: -50, x2: 0, y2: 50 },
    { id: 'g2', x1: 20, y1: -50, x2: 120, y2: 50 },
  ];
  const loose = [
    { id: 'east', x: 30, y: 0 },
    { id: 'north', x: 10, y: -20 },
    { id: 'west', x: -30, y: 1 },
    { id: 'south', x: 10, y: 30 },
  ];

  it('puts every loose node outside the groups, keeping its side', () => {
    const placed = ringAround(groups, loose);
    expect(placed.size).toBe(4);
    for (const p of placed.values()) {
      const inside = groups.some((g) => p.x >= g.x1 && p.x <= g.x2 && p.y >= g.y1 && p.y <= g.y2);
      expect(inside).toBe(false);
    }
    expect(placed.get('east')!.x).toBeGreaterThan(placed.get('west')!.x);
    expect(placed.get('south')!.y).toBeGreaterThan(placed.get('north')!.y);
  });

  it('gives each node its own place, and does nothing without groups', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ id: `n${i}`, x: Math.cos(i) * 10, y: Math.sin(i) * 10 }));
    const placed = [...ringAround(groups, many).values()];
    const keys = new Set(placed.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`));
    expect(keys.size).toBe(60);
    expect(ringAround([], many).size).toBe(0);
  });
});
