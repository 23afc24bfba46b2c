import { describe, expect, it } from 'vitest';
import { fakeFramework } from '../platform/fake';
import { toElements } from './elements';
import { hiddenBy, modelOf, sceneFilters, type GraphModel } from './filters';
import { bendOf, bundlesOf, LABEL_GAP, roughMeasure, SCENE_FONT, SCENE_NODE, sceneLayout, wrapLines } from './scene';

const model = modelOf(toElements(fakeFramework));
const titleOf = (id: string) => fakeFramework.nodes.find((n) => n.id === id)?.title ?? id;

/** A pack like CAF-AI: six perspectives of 7 to 9 capabilities, some with long titles, roles around. */
function bigModel(): { model: GraphModel; titles: Map<string, string> } {
  const titles = new Map<string, string>([['root', 'CAF-AI']]);
  const nodes: GraphModel['nodes'] = [{ id: 'root', kind: 'framework', parent: null }];
  const edges: GraphModel['edges'] = [];
  const words = ['Data', 'platform', 'engineering', 'and', 'continuous', 'delivery', 'management', 'security'];
  for (let g = 0; g < 6; g++) {
    nodes.push({ id: `g${g}`, kind: 'perspective', parent: null });
    titles.set(`g${g}`, `Perspective ${g}`);
    for (let c = 0; c < 7 + (g % 3); c++) {
      const id = `g${g}c${c}`;
      nodes.push({ id, kind: 'capability', parent: `g${g}` });
      titles.set(id, words.slice(0, 2 + ((g + c) % 4)).join(' '));
    }
  }
  for (let r = 0; r < 10; r++) {
    nodes.push({ id: `role${r}`, kind: 'stakeholder', parent: null });
    edges.push({ id: `e${r}`, source: `role${r}`, target: `g${r % 6}c0`, kind: 'concerns' });
  }
  return { model: { nodes, edges }, titles };
}

/** Each member's label box, as the scene's style draws it: beside the node, wrapped. */
function labelBoxes(
  m: GraphModel,
  positions: Record<string, { x: number; y: number }>,
  wrap: number,
  title: (id: string) => string,
) {
  return m.nodes
    .filter((n) => n.parent)
    .map((n) => {
      const p = positions[n.id];
      const lines = wrapLines(title(n.id), wrap, SCENE_FONT, roughMeasure);
      const w = Math.max(...lines.map((l) => roughMeasure(l, SCENE_FONT)));
      const h = lines.length * SCENE_FONT;
      const x1 = p.x + SCENE_NODE.width / 2 + LABEL_GAP;
      return { id: n.id, x1, x2: x1 + w, y1: p.y - h / 2, y2: p.y + h / 2 };
    });
}

describe('the default scene', () => {
  it('is the framework, its perspectives and their capabilities; roles and stages wait outside', () => {
    const filters = sceneFilters(model);
    const { hidden } = hiddenBy(model, filters);
    const shown = fakeFramework.nodes.filter((n) => !hidden.has(n.id)).map((n) => n.kind);
    expect(new Set(shown)).toEqual(new Set(['framework', 'perspective', 'capability']));
    expect(filters.hiddenKinds.sort()).toEqual(['stage', 'stakeholder']);
  });

  it('takes in what is brought in (a focus, the lens, a search result), whatever its kind', () => {
    const filters = sceneFilters(model);
    const { hidden } = hiddenBy(model, filters, new Set(['boss']));
    expect(hidden.has('boss')).toBe(false);
    expect(hidden.has('aide')).toBe(true);
  });
});

describe('bundles between groups', () => {
  it('draws one line per pair of groups, counting every link between their members', () => {
    const m: GraphModel = {
      nodes: [
        { id: 'p', kind: 'perspective', parent: null },
        { id: 'q', kind: 'perspective', parent: null },
        { id: 'p1', kind: 'capability', parent: 'p' },
        { id: 'p2', kind: 'capability', parent: 'p' },
        { id: 'q1', kind: 'capability', parent: 'q' },
        { id: 'role', kind: 'stakeholder', parent: null },
      ],
      edges: [
        { id: 'a', source: 'p1', target: 'q1', kind: 'references' },
        { id: 'b', source: 'q1', target: 'p2', kind: 'references' },
        { id: 'c', source: 'p2', target: 'q', kind: 'addresses' },
        { id: 'd', source: 'p1', target: 'p2', kind: 'references' },
        { id: 'e', source: 'role', target: 'p1', kind: 'concerns' },
      ],
    };
    expect(
      bundlesOf(m),
      'both directions in one bundle; links inside a group or to a loose role are not between groups',
    ).toEqual([{ id: 'bundle:p|q', source: 'p', target: 'q', count: 3 }]);
    expect(bundlesOf(m, new Set(['a']))[0].count, 'a hidden kind of line is not counted').toBe(2);
    expect(bundlesOf(m, new Set(['q1', 'c'])), 'nothing left between them, no bundle').toEqual([]);
  });

  it('counts the mini pack’s one cross-reference between Alpha and Beta', () => {
    expect(bundlesOf(model)).toEqual([{ id: 'bundle:alpha|beta', source: 'alpha', target: 'beta', count: 1 }]);
  });

  it('bends a line round a card that lies between its ends, and only then', () => {
    const box = (x: number) => ({ id: String(x), x1: x, y1: 0, x2: x + 100, y2: 100 });
    expect(bendOf(box(0), box(400), [box(200)])).toBeGreaterThan(0);
    expect(bendOf(box(0), box(400), [{ ...box(200), y1: 300, y2: 400 }])).toBe(0);
  });
});

describe('sceneLayout', () => {
  it('wraps as Cytoscape does: greedily, at spaces', () => {
    const measure = (t: string) => t.length * 10;
    expect(wrapLines('one two three', 80, 12, measure)).toEqual(['one two', 'three']);
    expect(wrapLines('short', 80, 12, measure)).toEqual(['short']);
  });

  it('lists each group’s members so that no two labels overlap, and keeps cards apart', () => {
    const { model: m, titles } = bigModel();
    const title = (id: string) => titles.get(id) ?? id;
    const scene = sceneLayout(m, title);
    const boxes = labelBoxes(m, scene.positions, scene.wrap, title);
    const clash: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        if (Math.min(a.x2, b.x2) > Math.max(a.x1, b.x1) && Math.min(a.y2, b.y2) > Math.max(a.y1, b.y1))
          clash.push(`${a.id}/${b.id}`);
      }
    expect(clash, 'overlapping labels').toEqual([]);
    for (let i = 0; i < scene.cards.length; i++)
      for (let j = i + 1; j < scene.cards.length; j++) {
        const [a, b] = [scene.cards[i], scene.cards[j]];
        const overlap = Math.min(a.x2, b.x2) > Math.max(a.x1, b.x1) && Math.min(a.y2, b.y2) > Math.max(a.y1, b.y1);
        expect(overlap, `cards ${a.id} and ${b.id} overlap`).toBe(false);
      }
  });

  it('frames large enough to read at Fit in a laptop’s free canvas (840 × 600 px)', () => {
    const { model: m, titles } = bigModel();
    const scene = sceneLayout(m, (id) => titles.get(id) ?? id);
    // The cards (titles included) and the framework with its label.
    const root = scene.positions.root;
    const x1 = Math.min(root.x - 60, ...scene.cards.map((c) => c.x1));
    const x2 = Math.max(...scene.cards.map((c) => c.x2));
    const y1 = Math.min(...scene.cards.map((c) => c.y1));
    const y2 = Math.max(root.y + 60, ...scene.cards.map((c) => c.y2));
    const [width, height] = [x2 - x1, y2 - y1];
    const zoom = Math.min(840 / width, 600 / height);
    expect(SCENE_FONT * zoom, 'a capability’s label at Fit, in screen pixels').toBeGreaterThanOrEqual(11);
  });

  it('places what is outside the scene around it, not among the cards', () => {
    const { model: m, titles } = bigModel();
    const scene = sceneLayout(m, (id) => titles.get(id) ?? id);
    for (let r = 0; r < 10; r++) {
      const p = scene.positions[`role${r}`];
      const inside = scene.cards.some((c) => p.x > c.x1 && p.x < c.x2 && p.y > c.y1 && p.y < c.y2);
      expect(inside, `role${r} sits on a card`).toBe(false);
    }
  });

  it('nests a group within a group, its members indented under its title', () => {
    const m: GraphModel = {
      nodes: [
        { id: 'fn', kind: 'function', parent: null },
        { id: 'cat', kind: 'category', parent: 'fn' },
        { id: 's1', kind: 'subcategory', parent: 'cat' },
        { id: 's2', kind: 'subcategory', parent: 'cat' },
        { id: 'other', kind: 'category', parent: 'fn' },
        { id: 's3', kind: 'subcategory', parent: 'other' },
      ],
      edges: [],
    };
    const p = sceneLayout(m, (id) => id).positions;
    expect(p.s2.y).toBeGreaterThan(p.s1.y);
    expect(p.s3.y - p.s2.y, 'room for the next group’s title between them').toBeGreaterThan(30);
    expect(p.s1.x).toBe(p.s3.x);
  });

  it('lays the same pack out the same way every time', () => {
    const { model: m, titles } = bigModel();
    const title = (id: string) => titles.get(id) ?? id;
    expect(sceneLayout(m, title)).toEqual(sceneLayout(m, title));
  });

  it('has a position for every node of the mini pack', () => {
    const scene = sceneLayout(model, titleOf);
    for (const n of model.nodes)
      if (!model.nodes.some((c) => c.parent === n.id)) expect(scene.positions[n.id]).toBeDefined();
  });
});
