import { describe, expect, it } from 'vitest';
import { fakeFramework } from '../platform/fake';
import { toElements } from './elements';
import { activeFilterCount, concernsOf, hiddenBy, modelOf, NO_FILTERS } from './filters';

const model = modelOf(toElements(fakeFramework));
const edgeId = (source: string, target: string) =>
  model.edges.find((e) => e.source === source && e.target === target)!.id;

describe('hiddenBy', () => {
  it('hides nothing without filters', () => {
    const { hidden, ghosts } = hiddenBy(model, NO_FILTERS);
    expect(hidden.size).toBe(0);
    expect(ghosts.size).toBe(0);
  });

  it('hides a node kind and the edges that touch it', () => {
    const { hidden } = hiddenBy(model, { ...NO_FILTERS, hiddenKinds: ['stakeholder'] });
    expect(hidden.has('boss')).toBe(true);
    expect(hidden.has(edgeId('boss', 'alpha'))).toBe(true);
    expect(hidden.has('a-one')).toBe(false);
  });

  it('keeps a group whose kind is hidden as a ghost while its members show', () => {
    const { hidden, ghosts } = hiddenBy(model, { ...NO_FILTERS, hiddenKinds: ['perspective'] });
    expect(ghosts).toEqual(new Set(['alpha', 'beta']));
    expect(hidden.has('a-one')).toBe(false);
    // Lines to a group that is not drawn would point at nothing.
    expect(hidden.has(edgeId('boss', 'alpha'))).toBe(true);
  });

  it('hides a group outright when its members are hidden too', () => {
    const { hidden, ghosts } = hiddenBy(model, { ...NO_FILTERS, hiddenKinds: ['perspective', 'capability'] });
    expect(ghosts.size).toBe(0);
    expect(hidden.has('alpha')).toBe(true);
  });

  it('hides a perspective with everything in it', () => {
    const { hidden } = hiddenBy(model, { ...NO_FILTERS, hiddenPerspectives: ['beta'] });
    expect([...hidden].filter((id) => !id.startsWith('e')).sort()).toEqual(['b-one', 'b-two', 'beta']);
    expect(hidden.has(edgeId('a-one', 'b-one'))).toBe(true);
  });

  it('hides an edge kind only', () => {
    const { hidden } = hiddenBy(model, { ...NO_FILTERS, hiddenEdgeKinds: ['references'] });
    expect([...hidden]).toEqual([edgeId('a-one', 'b-one')]);
  });

  it('shows a stakeholder with its concerns and their perspectives only', () => {
    expect(concernsOf(model, 'boss')).toEqual(new Set(['boss', 'alpha', 'a-one', 'a-two', 'a-three']));
    const { hidden } = hiddenBy(model, { ...NO_FILTERS, stakeholder: 'boss' });
    expect(hidden.has('beta')).toBe(true);
    expect(hidden.has('b-one')).toBe(true);
    expect(hidden.has('mini')).toBe(true);
    expect(hidden.has('a-one')).toBe(false);
  });

  it('counts active filters', () => {
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(
      activeFilterCount({ hiddenKinds: ['a'], hiddenEdgeKinds: ['b'], hiddenPerspectives: [], stakeholder: 'boss' }),
    ).toBe(3);
  });
});
