import { describe, expect, it } from 'vitest';
import cytoscape from 'cytoscape';
import { fakeFramework } from '../platform/fake';
import { toElements } from './elements';
import { inScene, modelOf } from './filters';
import { sceneLayout } from './scene';
import { placed } from './arrange';
import { Stage } from './stage';

const elements = toElements(fakeFramework);
const model = modelOf(elements);
const titleOf = (id: string) => fakeFramework.nodes.find((n) => n.id === id)?.title ?? id;

function setUp() {
  const { positions } = sceneLayout(model, titleOf);
  const cy = cytoscape({ headless: true, elements: placed(elements, positions), layout: { name: 'preset' } });
  const stage = new Stage(
    () => model,
    () => inScene(model),
    new Set(),
  );
  return { cy, stage };
}

describe('Stage', () => {
  it('draws one bundle between Alpha and Beta with its count, gone while a focus is on', () => {
    const { cy, stage } = setUp();
    stage.addBundles(cy, new Set());
    const bundle = cy.getElementById('bundle:alpha|beta');
    expect(bundle.data('count')).toBe(1);
    stage.paintBundles(cy, new Set(), true);
    expect(bundle.hasClass('hidden'), 'the real lines of a focus replace the bundles').toBe(true);
  });

  it('lights a selected node’s own lines, but not its part_of line to the framework', () => {
    const { cy, stage } = setUp();
    stage.relight(cy, 'alpha', null);
    const lit = cy.edges('.lit').map((e) => e.data('kind'));
    expect(lit).toEqual(['concerns']);
  });

  it('lends a brought-in role a place near the focus, and gives it back', () => {
    const { cy, stage } = setUp();
    const home = { ...cy.getElementById('aide').position() };
    const subject = cy.getElementById('a-two').position();
    const distance = () =>
      Math.hypot(
        cy.getElementById('aide').position().x - subject.x,
        cy.getElementById('aide').position().y - subject.y,
      );
    const far = distance();
    stage.lend(cy, new Set(['a-two', 'aide', 'alpha']));
    expect(distance(), 'the role is drawn near the capability in focus').toBeLessThan(far);
    expect(
      stage.ownPositions({ positions: {} as Record<string, { x: number; y: number }> }).positions.aide,
      'the saved layout keeps its own place',
    ).toEqual(home);
    stage.lend(cy, null);
    expect(cy.getElementById('aide').position()).toEqual(home);
  });
});
