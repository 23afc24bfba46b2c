// The view's state as classes on Cytoscape's elements: filtered out (`hidden`, `ghost`), outside
// the focus or lens (`faded`), in the lens (`lens-hit`), the heat overlay and the selection. The
// stylesheet in elements.ts draws each class; no element is added, removed or moved here.

import type { Collection, Core } from 'cytoscape';
import type { Heat } from '../heat';

/** What the view marks, from its filters, focus, lens, overlay and selection. */
export interface Look {
  hidden: Set<string>;
  ghosts: Set<string>;
  faded: Set<string>;
  lensHits: Set<string> | null;
  heat: Record<string, Heat> | null;
  selected: string | null;
}

const heatClass = (v: Heat | undefined) =>
  !v ? null : v.state === 'not_assessed' ? 'heat-none' : v.state === 'not_applicable' ? 'heat-na' : 'heat';

/**
 * Gives elements that (re)joined the graph the classes of the current look: the whole-graph
 * passes below reach only what is in the graph when they run.
 */
export function paintJoined(eles: Collection, look: Look) {
  eles.forEach((e) => {
    const id = e.id();
    e.toggleClass('hidden', look.hidden.has(id));
    e.toggleClass('ghost', look.ghosts.has(id));
    e.toggleClass('faded', look.faded.has(id));
    e.toggleClass('lens-hit', !!look.lensHits?.has(id));
    if (!e.isNode()) return;
    const v = look.heat?.[id];
    const cls = heatClass(v);
    e.toggleClass('heat-none', cls === 'heat-none');
    e.toggleClass('heat-na', cls === 'heat-na');
    e.toggleClass('heat', cls === 'heat');
    // The fill is the organisation's data: it leaves the node with its class.
    if (v && cls === 'heat') e.data('heat', v.fill);
    else e.removeData('heat');
    if (id === look.selected) e.select();
  });
}

/** Marks the whole graph with the filters, focus and lens, touching only what carries or gets a class. */
export function paintFilters(cy: Core, look: Pick<Look, 'hidden' | 'ghosts' | 'faded' | 'lensHits'>) {
  cy.batch(() => {
    // Restyling every element of a big graph is slow, so only marked ones are cleared.
    cy.elements('.hidden, .ghost, .faded, .lens-hit').removeClass('hidden ghost faded lens-hit');
    const mark = (ids: Iterable<string>, cls: string) => {
      for (const id of ids) cy.getElementById(id).addClass(cls);
    };
    mark(look.hidden, 'hidden');
    mark(look.ghosts, 'ghost');
    mark(look.faded, 'faded');
    if (look.lensHits) mark(look.lensHits, 'lens-hit');
  });
}

/** Paints the heat overlay on the nodes in the graph, or clears it for `null`. */
export function paintHeat(cy: Core, heat: Record<string, Heat> | null) {
  cy.batch(() => {
    // The fill is the organisation's data: a private view keeps none of it on the nodes.
    cy.nodes('.heat').removeData('heat');
    cy.nodes('.heat, .heat-none, .heat-na').removeClass('heat heat-none heat-na');
    if (!heat) return;
    for (const [id, v] of Object.entries(heat)) {
      const n = cy.getElementById(id);
      if (n.empty()) continue;
      const cls = heatClass(v)!;
      if (cls === 'heat') n.data('heat', v.fill);
      n.addClass(cls);
    }
  });
}
