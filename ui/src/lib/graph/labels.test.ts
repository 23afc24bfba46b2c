import { describe, expect, it, vi } from 'vitest';
import cytoscape from 'cytoscape';
import { OVERVIEW_GROUP_PX } from './detail';
import { GROUP_FONT_PX, PRESENT_GROUP_PX, PRESENT_LABEL_PX } from './elements';
import { HeldLabels, heldSizes, modelSize } from './labels';

const base = { presenting: false, large: false, groups: ['g1', 'g2'], focus: null, zoom: 1 };

describe('heldSizes', () => {
  it('holds nothing in a small pack in the explorer', () => {
    expect(heldSizes(base).size).toBe(0);
  });

  it('holds group titles and the step in focus at projector sizes while presenting', () => {
    const held = heldSizes({ ...base, presenting: true, focus: ['g1', 'n'] });
    expect(held.get('g1'), 'a group in focus keeps its larger group size').toBe(PRESENT_GROUP_PX);
    expect(held.get('n')).toBe(PRESENT_LABEL_PX);
  });

  it('keeps a big pack’s group titles readable when zoomed out, and their own size when zoomed in', () => {
    expect(heldSizes({ ...base, large: true, zoom: 0.1 }).get('g1')).toBe(OVERVIEW_GROUP_PX);
    expect(heldSizes({ ...base, large: true, zoom: 2 }).get('g1')).toBe(GROUP_FONT_PX * 2);
  });
});

describe('modelSize', () => {
  it('grows as the zoom shrinks so the size on screen stays, never under 12', () => {
    expect(modelSize(24, 0.5)).toBe(48);
    expect(modelSize(24, 4)).toBe(12);
  });
});

describe('HeldLabels', () => {
  it('sizes held labels for the zoom and gives released ones back to the stylesheet', () => {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: [{ data: { id: 'a' } }, { data: { id: 'b' } }],
      style: [{ selector: 'node', style: { 'font-size': 10 } }],
    });
    cy.zoom(0.5);
    const labels = new HeldLabels();
    labels.apply(cy, new Map([['a', 24]]));
    expect(cy.getElementById('a').style('font-size')).toBe('48px');
    labels.apply(cy, new Map([['b', 24]]));
    expect(cy.getElementById('a').style('font-size'), 'a label no longer held returns to its own size').toBe('10px');
    expect(cy.getElementById('b').style('font-size')).toBe('48px');
  });

  it('sizes a held label whose node joins the graph later once it is there', () => {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: [{ data: { id: 'a' } }],
      style: [{ selector: 'node', style: { 'font-size': 10 } }],
    });
    const labels = new HeldLabels();
    labels.apply(
      cy,
      new Map([
        ['a', 24],
        ['role', 24],
      ]),
    );
    cy.add({ data: { id: 'role' } });
    labels.apply(
      cy,
      new Map([
        ['a', 24],
        ['role', 24],
      ]),
    );
    expect(cy.getElementById('role').style('font-size')).toBe('24px');
  });

  it('grows a held label’s wrap width with its type, so it keeps its own line breaks', () => {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: [{ data: { id: 'a', label: 'Innovation management' } }],
      style: [
        {
          selector: 'node',
          style: { label: 'data(label)', 'font-size': 12, 'text-wrap': 'wrap', 'text-max-width': '200px' },
        },
      ],
    });
    cy.zoom(0.5);
    const labels = new HeldLabels();
    labels.apply(cy, new Map([['a', 24]]));
    expect(cy.getElementById('a').style('font-size')).toBe('48px');
    expect(cy.getElementById('a').numericStyle('text-max-width'), '200 px at 12 is 800 px at 48').toBe(800);
    labels.apply(cy, new Map());
    expect(cy.getElementById('a').numericStyle('text-max-width'), 'released, its own width again').toBe(200);
  });

  it('folds the many zoom steps of one frame into one restyle, and skips a graph that is gone', () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (run: FrameRequestCallback) => frames.push(run));
    try {
      // A stand-in graph: Cytoscape would ask for frames of its own.
      const node = { style: () => node, removeStyle: () => node, numericStyle: () => 10, empty: () => false };
      const cy = { zoom: () => 1, batch: (run: () => void) => run(), getElementById: () => node } as never;
      const labels = new HeldLabels();
      const held = vi.fn(() => new Map([['a', 24]]));
      labels.schedule(() => cy, held);
      labels.schedule(() => cy, held);
      expect(frames, 'one frame for both calls').toHaveLength(1);
      frames.shift()!(0);
      expect(held).toHaveBeenCalledTimes(1);
      labels.schedule(() => undefined, held);
      frames.shift()!(0);
      expect(held, 'a destroyed graph must not be touched').toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
