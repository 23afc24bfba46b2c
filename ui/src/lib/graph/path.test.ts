import { describe, expect, it } from 'vitest';
import { fakeFramework } from '../platform/fake';
import { toElements } from './elements';
import { modelOf } from './filters';
import { besidePanel, drawnPath, pathSteps, pathSummary } from './path';

const model = modelOf(toElements(fakeFramework));
// The core's answer for a-one → boss: each link as drawn, in order along the path.
const edges = [
  { from: 'a-one', to: 'alpha', kind: 'part_of' },
  { from: 'boss', to: 'alpha', kind: 'concerns' },
];

describe('the path between two nodes', () => {
  it('reads from the first node to the second, saying which links are followed against their arrow', () => {
    expect(pathSteps('a-one', edges)).toEqual([
      { kind: 'part_of', forward: true, node: 'alpha' },
      { kind: 'concerns', forward: false, node: 'boss' },
    ]);
  });

  it('marks every node on it and the graph’s own lines for its links', () => {
    const path = drawnPath(model, 'a-one', 'boss', edges);
    expect(path.nodes).toEqual(new Set(['a-one', 'alpha', 'boss']));
    const marked = model.edges.filter((e) => path.edges.has(e.id));
    expect(
      marked.map((e) => [e.source, e.target, e.kind]),
      'the drawn lines are the path’s links; a capability being part of its perspective is drawn as ' +
        'the card it sits in, with no line to mark',
    ).toEqual([['boss', 'alpha', 'concerns']]);
  });

  it('says so when nothing links the two, and counts the links when something does', () => {
    expect(pathSummary('Alpha one', 'Scale', null)).toBe('No path between Alpha one and Scale: nothing links them.');
    expect(pathSummary('Alpha one', 'Boss', drawnPath(model, 'a-one', 'boss', edges))).toBe(
      'Path from Alpha one to Boss: 2 links, 3 nodes.',
    );
  });

  it('frames the path left of its panel, unless the panel would leave no room', () => {
    const area = { x1: 16, y1: 60, x2: 1264, y2: 700 };
    expect(besidePanel(area, 980)).toEqual({ ...area, x2: 964 });
    expect(besidePanel(area, 40), 'a panel over nearly everything does not leave a sliver to frame in').toEqual(area);
  });
});
