import { describe, expect, it } from 'vitest';
import { fakeFramework } from '../platform/fake';
import { toElements } from './elements';
import { modelOf, hiddenBy, NO_FILTERS } from './filters';
import { adjacency, fadedBy, neighbourhood } from './focus';

const model = modelOf(toElements(fakeFramework));

describe('neighbourhood', () => {
  const adj = adjacency(model);

  it('walks edges both ways and counts a group and its members as neighbours', () => {
    expect(neighbourhood(adj, 'a-one', 1)).toEqual(new Set(['a-one', 'alpha', 'b-one']));
    expect(neighbourhood(adj, 'boss', 1)).toEqual(new Set(['boss', 'alpha']));
  });

  it('grows with depth', () => {
    expect(neighbourhood(adj, 'boss', 2)).toEqual(new Set(['boss', 'alpha', 'a-one', 'a-two', 'a-three', 'mini']));
    // Every node is within three steps but Beta two: Boss, Alpha, Mini, Beta, Beta two.
    const far = neighbourhood(adj, 'boss', 3);
    expect(fakeFramework.nodes.map((n) => n.id).filter((id) => !far.has(id))).toEqual(['b-two']);
  });

  it('does not walk through hidden edges', () => {
    const { hidden } = hiddenBy(model, { ...NO_FILTERS, hiddenEdgeKinds: ['references'] });
    expect(neighbourhood(adjacency(model, hidden), 'a-one', 1)).toEqual(new Set(['a-one', 'alpha']));
  });
});

describe('fadedBy', () => {
  it('fades nothing when no highlight is on', () => {
    expect(fadedBy(model, [null, null]).size).toBe(0);
  });

  it('fades what is outside, edges with a faded end, but keeps the group of a kept member', () => {
    const faded = fadedBy(model, [new Set(['boss', 'a-one'])]);
    expect(faded.has('alpha')).toBe(false);
    expect(faded.has('beta')).toBe(true);
    expect(faded.has('b-one')).toBe(true);
    const ref = model.edges.find((e) => e.kind === 'references')!;
    expect(faded.has(ref.id)).toBe(true);
  });

  it('keeps only what every active highlight keeps', () => {
    const faded = fadedBy(model, [new Set(['boss', 'a-one']), new Set(['a-one'])]);
    expect(faded.has('boss')).toBe(true);
    expect(faded.has('a-one')).toBe(false);
  });
});
