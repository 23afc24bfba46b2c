import { describe, expect, it } from 'vitest';
import { fakeFramework } from '../platform/fake';
import { toElements } from './elements';
import { modelOf, hiddenBy, NO_FILTERS, type GraphModel } from './filters';
import { adjacency, fadedBy, neighbourhood, reached } from './focus';

const model = modelOf(toElements(fakeFramework));

describe('neighbourhood: the depth rule', () => {
  const adj = adjacency(model);

  it('takes a link as a step and brings the node’s group along as its frame', () => {
    expect(neighbourhood(adj, 'a-one', 1)).toEqual(new Set(['a-one', 'alpha', 'b-one', 'beta']));
  });

  it('does not walk from a capability’s perspective to its siblings or the whole framework', () => {
    // Before the rule, two steps from a capability reached every sibling and the framework, and
    // three reached nearly everything.
    const far = neighbourhood(adj, 'a-one', 3);
    expect(far.has('a-two'), 'a sibling is not two steps away through the perspective').toBe(false);
    expect(far.has('align'), 'the framework’s stages are not pulled in through it').toBe(false);
    expect(far).toEqual(new Set(['a-one', 'alpha', 'b-one', 'beta']));
  });

  it('puts a perspective’s capabilities one step from it when it is the focus', () => {
    expect(neighbourhood(adj, 'alpha', 1)).toEqual(new Set(['alpha', 'a-one', 'a-two', 'a-three', 'boss', 'mini']));
  });

  it('reaches a capability’s links without the perspective it is only framed in', () => {
    // The presenting camera frames what a step reaches: with the frame it pulled back to the
    // whole card, and the labels it held at projector size collided.
    expect(reached(adj, 'a-one', 1)).toEqual(new Set(['a-one', 'b-one']));
    expect(reached(adj, 'alpha', 1), 'a perspective’s step reaches its capabilities, not the framework').toEqual(
      new Set(['alpha', 'a-one', 'a-two', 'a-three', 'boss']),
    );
  });

  it('keeps a perspective’s Focus 2 to its own capabilities, not those they refer to elsewhere', () => {
    // a-one refers to b-one in another perspective: a perspective's tour step (depth 2) showed
    // the capabilities of every perspective its own referred to.
    const two = neighbourhood(adj, 'alpha', 2);
    expect(two.has('b-one'), 'another perspective’s capability is not part of this one’s picture').toBe(false);
    expect(two.has('a-one') && two.has('a-two') && two.has('a-three'), 'its own capabilities are').toBe(true);
    const m: GraphModel = {
      nodes: [
        { id: 'p', kind: 'perspective', parent: null },
        { id: 'q', kind: 'perspective', parent: null },
        { id: 'p1', kind: 'capability', parent: 'p' },
        { id: 'q1', kind: 'capability', parent: 'q' },
        { id: 'role', kind: 'stakeholder', parent: null },
      ],
      edges: [
        { id: 'e1', source: 'q1', target: 'p', kind: 'refers_to' },
        { id: 'e2', source: 'role', target: 'p', kind: 'concerns' },
      ],
    };
    expect(
      neighbourhood(adjacency(m), 'p', 2),
      'a capability elsewhere that refers to the perspective stays out',
    ).toEqual(new Set(['p', 'p1', 'role']));
  });

  it('walks into a perspective reached by a link, one step further', () => {
    expect(neighbourhood(adj, 'boss', 1)).toEqual(new Set(['boss', 'alpha', 'mini']));
    expect(neighbourhood(adj, 'boss', 2)).toEqual(new Set(['boss', 'alpha', 'mini', 'a-one', 'a-two', 'a-three']));
  });

  it('ends a path at a role linked to many, but goes on through a concept that few share', () => {
    const caps = Array.from({ length: 12 }, (_, i) => `c${i}`);
    const m: GraphModel = {
      nodes: [
        { id: 'p', kind: 'perspective', parent: null },
        ...caps.map((id) => ({ id, kind: 'capability', parent: 'p' })),
        { id: 'hub', kind: 'stakeholder', parent: null },
        { id: 'bridge', kind: 'concept', parent: null },
      ],
      edges: [
        ...caps.map((c, i) => ({ id: `h${i}`, source: 'hub', target: c, kind: 'concerns' })),
        { id: 'b0', source: 'c0', target: 'bridge', kind: 'mentions' },
        { id: 'b1', source: 'c1', target: 'bridge', kind: 'mentions' },
      ],
    };
    const a = adjacency(m);
    const two = neighbourhood(a, 'c0', 2);
    expect(two.has('c1'), 'a concept two capabilities share links them').toBe(true);
    expect(two.has('c5'), 'a role concerned with every capability does not make them neighbours').toBe(false);
    // Focused on the role itself, all it is concerned with is one step away.
    expect(neighbourhood(a, 'hub', 1).size).toBe(14);
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
