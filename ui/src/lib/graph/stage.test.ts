import { describe, expect, it } from 'vitest';
import cytoscape from 'cytoscape';
import { fakeFramework } from '../platform/fake';
import { toElements } from './elements';
import { inScene, modelOf } from './filters';
import { sceneLayout } from './scene';
import { placed } from './arrange';
import type { ElementDefinition } from 'cytoscape';
import { splitScene, Stage } from './stage';

const elements = toElements(fakeFramework);
const model = modelOf(elements);
const titleOf = (id: string) => fakeFramework.nodes.find((n) => n.id === id)?.title ?? id;

/** The graph with `shown` in it (all of the pack unless said), laid out as the scene. */
function setUp(shown = elements) {
  const { positions } = sceneLayout(model, titleOf);
  const cy = cytoscape({ headless: true, elements: placed(shown, positions), layout: { name: 'preset' } });
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

const node = (id: string, parent?: string): ElementDefinition => ({
  group: 'nodes',
  data: parent ? { id, parent } : { id },
});
const edge = (id: string, source: string, target: string): ElementDefinition => ({
  group: 'edges',
  data: { id, source, target },
});

describe('splitScene', () => {
  const elements = [
    edge('e1', 'role', 'cap'),
    node('persp'),
    node('cap', 'persp'),
    node('role'),
    node('hidden-group'),
    node('inside', 'hidden-group'),
    edge('e2', 'cap', 'persp'),
  ];
  const [first, later] = splitScene(elements, new Set(['role', 'hidden-group', 'inside', 'e2']));
  const ids = (list: readonly ElementDefinition[]) => list.map((e) => e.data.id);

  it('draws the shown nodes first, and a hidden node that holds others so nothing loses its parent', () => {
    expect(ids(first)).toEqual(['persp', 'cap', 'hidden-group']);
  });

  it('holds back every line and the hidden nodes, nodes before lines so each line finds its ends', () => {
    expect(ids(later)).toEqual(['role', 'inside', 'e1', 'e2']);
  });

  it('holds nothing back twice and loses nothing', () => {
    expect([...ids(first), ...ids(later)].sort()).toEqual(ids(elements).sort());
  });
});

describe('Stage.joinRest', () => {
  it('puts back what the first frame held, marked and lit as the view has it now', () => {
    const hidden = new Set(model.nodes.filter((n) => n.kind === 'stakeholder').map((n) => n.id));
    const [first, later] = splitScene(elements, hidden);
    const { cy, stage } = setUp(first);
    const selected = model.nodes.find((n) => n.kind === 'capability')!.id;
    const look = { hidden, ghosts: new Set<string>(), faded: new Set<string>(), lensHits: null, heat: null, selected };
    stage.joinRest(cy, placed(later, sceneLayout(model, titleOf).positions), look, null);
    expect(cy.elements().length).toBe(elements.length);
    for (const id of hidden) expect(cy.getElementById(id).hasClass('hidden')).toBe(true);
    const own = cy
      .getElementById(selected)
      .connectedEdges()
      .filter((e) => e.data('kind') !== 'part_of');
    expect(own.length).toBeGreaterThan(0);
    expect(own.not('.lit').length, 'every own line lit').toBe(0);
  });
});
