import { describe, expect, it, vi } from 'vitest';
import cytoscape from 'cytoscape';
import { FakePlatform, fakeFramework } from '../platform/fake';
import type { SavedView } from '../platform';
import type { Camera } from './camera';
import { toElements } from './elements';
import { GraphLook } from './look.svelte';
import { Wayfinding } from './wayfinding.svelte';

const board: SavedView = {
  name: 'Board',
  filters: { hidden_kinds: ['stage'], hidden_edge_kinds: [], hidden_perspectives: ['beta'], stakeholder: null },
  lens: 'boss',
  focus: { node: 'a-one', depth: 2 },
  camera: { zoom: 1.5, x: -40, y: 12 },
};

function setUp(selected: string | null = null) {
  let sel = selected;
  const look = new GraphLook({ view: () => fakeFramework, selected: () => sel, lens: () => null, heat: () => null });
  const cy = cytoscape({ headless: true, elements: toElements(fakeFramework) });
  const go = vi.fn();
  const camera = { go, fit: vi.fn() } as unknown as Camera;
  const said: [string, boolean | undefined][] = [];
  const onlens = vi.fn();
  const onselect = vi.fn((id: string) => (sel = id));
  const ways = new Wayfinding(look, {
    now: () => ({
      cy,
      camera,
      view: fakeFramework,
      platform: new FakePlatform(),
      selected: sel,
      lens: null,
      onselect,
      onlens,
    }),
    ensureShown: () => {},
    say: (text, problem) => said.push([text, problem]),
    forgetFocusCamera: () => {},
  });
  ways.views = [board];
  return { ways, look, cy, go, said, onlens, onselect };
}

describe('Wayfinding', () => {
  it('lends a tour step its saved view’s filters and lens, and says so when the view is gone', () => {
    const { ways, look, onlens, said } = setUp('b-one');
    ways.lendFilters('Board');
    expect(look.filters.hiddenPerspectives).toEqual(['beta']);
    expect(look.filters.hiddenKinds).toEqual(['stage']);
    expect(onlens).toHaveBeenCalledWith('boss');
    ways.lendFilters('Gone');
    expect(said[said.length - 1]).toEqual([`This step's saved view “Gone” does not exist any more.`, true]);
  });

  it('puts a saved view back: selection, focus depth and the camera where it was kept', async () => {
    const { ways, look, go, onselect, said } = setUp(null);
    await ways.apply(board);
    expect(onselect).toHaveBeenCalledWith('a-one');
    expect(look.depth).toBe(2);
    expect(go).toHaveBeenCalledWith({ zoom: 1.5, pan: { x: -40, y: 12 } }, 0);
    expect(said[said.length - 1]).toEqual(['View “Board” restored.', undefined]);
  });

  it('draws the path the core answers, marks it, and clears it with Esc’s command', async () => {
    const { ways, look, cy, said } = setUp('a-one');
    ways.startPath();
    expect(ways.from).toBe('a-one');
    await ways.drawPath('boss');
    expect(look.path).toEqual(new Set(['a-one', 'alpha', 'boss']));
    expect(
      cy
        .nodes('.path')
        .map((n) => n.id())
        .sort(),
    ).toEqual(['a-one', 'alpha', 'boss']);
    expect(said[said.length - 1]?.[0]).toBe('Path from Alpha one to Boss: 2 links, 3 nodes.');
    expect(ways.command('clear-path')).toBe(true);
    expect(cy.elements('.path').length, 'Esc leaves nothing marked').toBe(0);
    expect(look.path).toBeNull();
  });
});
