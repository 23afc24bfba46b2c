import { describe, expect, it } from 'vitest';
import { fakeFramework } from '../platform/fake';
import { modelOf, NO_FILTERS, sceneFilters } from './filters';
import { toElements } from './elements';

const model = modelOf(toElements(fakeFramework));
import { GraphLook } from './look.svelte';

function lookAt(selected: string | null, lens: { stakeholder: string; ids: Set<string> } | null = null) {
  return new GraphLook({ view: () => fakeFramework, selected: () => selected, lens: () => lens, heat: () => null });
}

describe('GraphLook', () => {
  it('focuses around the selection to the depth set, and fades the rest', () => {
    const look = lookAt('boss');
    expect(look.focus, 'no depth, no focus').toBeNull();
    expect(look.faded.size).toBe(0);
    look.depth = 1;
    expect(look.focus).toEqual(new Set(['boss', 'alpha', 'mini']));
    expect(look.faded.has('b-one'), 'what is outside the focus is faded').toBe(true);
    expect(look.faded.has('alpha')).toBe(false);
  });

  it('opens on the scene, and brings in what the selection and its focus reach', () => {
    const look = new GraphLook(
      { view: () => fakeFramework, selected: () => 'a-two', lens: () => null, heat: () => null },
      sceneFilters(model),
    );
    expect(look.gone.has('aide'), 'a role is outside the scene').toBe(true);
    expect(look.gone.has('a-two')).toBe(false);
    look.depth = 1;
    expect(look.gone.has('aide'), 'the focus brings in the role concerned with the selection').toBe(false);
    expect(look.gone.has('boss'), 'but not a role outside the focus').toBe(true);
  });

  it('drops the focus when the selection is filtered out, rather than focus on nothing', () => {
    const look = lookAt('b-one');
    look.depth = 2;
    look.filters = { ...NO_FILTERS, hiddenPerspectives: ['beta'] };
    expect(look.gone.has('b-one')).toBe(true);
    expect(look.focus).toBeNull();
    expect(look.faded.size, 'a focus on a hidden node would fade the whole graph').toBe(0);
  });

  it('counts only capabilities as the lens role’s concerns, while highlighting the role too', () => {
    const look = lookAt(null, { stakeholder: 'boss', ids: new Set(['alpha', 'a-one']) });
    expect(look.lensCount).toBe(1);
    expect(look.lensHits).toEqual(new Set(['alpha', 'a-one', 'boss']));
    expect(look.now()).toMatchObject({ lensHits: look.lensHits, selected: null, heat: null });
  });

  it('walks the neighbourhood of any node among what is shown', () => {
    const look = lookAt(null);
    expect(look.around('a-one', 1)).toEqual(new Set(['a-one', 'alpha', 'b-one', 'beta']));
    look.filters = { ...NO_FILTERS, hiddenEdgeKinds: ['references'] };
    expect(look.around('a-one', 1), 'a hidden line leads nowhere').toEqual(new Set(['a-one', 'alpha']));
  });
});
