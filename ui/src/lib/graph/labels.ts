// Labels held at a size on screen whatever the zoom: while presenting, the group titles and the
// step in focus, so the back of the room can read them; in a big pack's overview, the group
// titles, its only words. Every other label keeps its stylesheet size (and vanishes when small).

import type { Core } from 'cytoscape';
import { OVERVIEW_GROUP_PX } from './detail';
import { GROUP_FONT_PX, PRESENT_GROUP_PX, PRESENT_LABEL_PX } from './elements';

/** The smallest font size a held label is given, in model units. */
const MIN_MODEL_PX = 12;

/** Node id → the on-screen size its label is held at, in CSS pixels. */
export function heldSizes(opts: {
  presenting: boolean;
  large: boolean;
  groups: readonly string[];
  focus: Iterable<string> | null;
  zoom: number;
}): Map<string, number> {
  const held = new Map<string, number>();
  if (opts.presenting) {
    for (const id of opts.groups) held.set(id, PRESENT_GROUP_PX);
    for (const id of opts.focus ?? []) if (!held.has(id)) held.set(id, PRESENT_LABEL_PX);
  } else if (opts.large) {
    // Their own size once zoomed in far enough, never smaller than readable.
    for (const id of opts.groups) held.set(id, Math.max(OVERVIEW_GROUP_PX, GROUP_FONT_PX * opts.zoom));
  }
  return held;
}

/** The font size, in model units, that shows as `px` on screen at `zoom`. */
export const modelSize = (px: number, zoom: number) => Math.max(px / zoom, MIN_MODEL_PX);

/** Applies held sizes to the graph, touching only the labels whose size changes. */
export class HeldLabels {
  /** Nodes whose label size is held now, with the size given. */
  private sized = new Map<string, number>();
  /** Each held label's own size and wrap width, from the stylesheet, taken before it is held. */
  private own = new Map<string, { font: number; wrap: number }>();
  private frame = 0;

  /**
   * Applies, on the next frame, the sizes `held` gives for the graph `graph()` then has (none
   * if it is gone). Calls before that frame fold into it: a zoom reports many steps per frame.
   */
  schedule(graph: () => Core | undefined, held: (cy: Core) => Map<string, number>) {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const cy = graph();
      if (cy) this.apply(cy, held(cy));
    });
  }

  /** Applies `held` as it shows at `zoom` (the zoom now, or one the camera is about to take). */
  apply(cy: Core, held: Map<string, number>, zoom = cy.zoom()) {
    const next = new Map<string, number>();
    cy.batch(() => {
      for (const id of this.sized.keys())
        if (!held.has(id)) {
          cy.getElementById(id).removeStyle('font-size text-max-width');
          this.own.delete(id);
        }
      for (const [id, px] of held) {
        // Not in the graph yet (a node the first frame left out): sized once it has joined.
        const n = cy.getElementById(id);
        if (n.empty()) continue;
        const size = modelSize(px, zoom);
        next.set(id, size);
        // Restyling a group restyles all its members, so a size that did not change is left alone.
        if (this.sized.get(id) === size) continue;
        if (!this.own.has(id))
          this.own.set(id, { font: n.numericStyle('font-size'), wrap: n.numericStyle('text-max-width') });
        // The wrap width grows with the type, so the label keeps its own line breaks: a scene's
        // list is laid out for them, and a label breaking onto a second line runs into the next.
        const own = this.own.get(id)!;
        n.style({ 'font-size': size, 'text-max-width': `${(own.wrap * size) / own.font}px` });
      }
    });
    this.sized = next;
  }
}
