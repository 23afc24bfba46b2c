import { describe, expect, it } from 'vitest';
import cytoscape from 'cytoscape';
import { levelHeat, NOT_APPLICABLE, NOT_ASSESSED } from '../heat';
import { paintFilters, paintHeat, paintJoined, type Look } from './paint';

const graph = () =>
  cytoscape({
    headless: true,
    elements: ['a', 'b', 'c'].map((id) => ({ data: { id } })),
  });
const classes = (cy: cytoscape.Core, id: string) => [...cy.getElementById(id).classes()].sort();
const heat = () => ({ a: levelHeat(2), b: NOT_ASSESSED, c: NOT_APPLICABLE });
const look = (over: Partial<Look> = {}): Look => ({
  hidden: new Set(),
  ghosts: new Set(),
  faded: new Set(),
  lensHits: null,
  heat: null,
  selected: null,
  ...over,
});

describe('paintJoined', () => {
  it('gives a node that joins the graph late the look of everything already there', () => {
    const cy = graph();
    paintJoined(cy.elements(), look({ hidden: new Set(['b']), faded: new Set(['a']), heat: heat(), selected: 'a' }));
    expect(classes(cy, 'a')).toEqual(['faded', 'heat']);
    expect(cy.getElementById('a').data('heat'), 'the overlay colour must come with the class').toBe(heat().a.fill);
    expect(cy.getElementById('a').selected(), 'the selection must show on a node that joined after it').toBe(true);
    expect(classes(cy, 'b')).toEqual(['heat-none', 'hidden']);
    expect(classes(cy, 'c')).toEqual(['heat-na']);
  });
});

describe('paintFilters', () => {
  it('moves the marks to the new filters, focus and lens, clearing the old', () => {
    const cy = graph();
    paintFilters(cy, { hidden: new Set(['a']), ghosts: new Set(), faded: new Set(['b']), lensHits: null });
    paintFilters(cy, { hidden: new Set(), ghosts: new Set(['c']), faded: new Set(), lensHits: new Set(['a']) });
    expect(classes(cy, 'a'), 'a node shown again must lose its old mark').toEqual(['lens-hit']);
    expect(classes(cy, 'b')).toEqual([]);
    expect(classes(cy, 'c')).toEqual(['ghost']);
  });
});

describe('paintHeat', () => {
  it('paints the overlay and clears it for none', () => {
    const cy = graph();
    paintHeat(cy, heat());
    expect(classes(cy, 'a')).toEqual(['heat']);
    expect(classes(cy, 'c')).toEqual(['heat-na']);
    paintHeat(cy, null);
    for (const id of ['a', 'b', 'c']) expect(classes(cy, id)).toEqual([]);
  });
});

describe('a private view', () => {
  it('keeps no heat colour on the nodes once the overlay is cleared', () => {
    const cy = graph();
    paintHeat(cy, heat());
    paintHeat(cy, null);
    expect(cy.getElementById('a').data('heat'), "the fill is the organisation's data").toBeUndefined();
    paintJoined(cy.elements(), look({ heat: heat() }));
    paintJoined(cy.elements(), look());
    expect(cy.getElementById('a').data('heat'), 'nor on a node that joined while private').toBeUndefined();
  });
});
