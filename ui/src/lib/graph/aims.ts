// Where each listed node is on screen, for the keyboard and screen-reader list beside the canvas:
// each of its buttons carries its node's position so a pointer click can be aimed at the node.
// A leaf is aimed at its centre; a group's middle is taken by its members, so it is aimed at a
// point of its own found with Cytoscape's hit test. Aims are in model coordinates: they depend on
// the layout and on what is shown, not on pan or zoom, so panning only transforms them.

import type { Core, NodeSingular } from 'cytoscape';
import type { Point } from '../platform';
import { toScreen, type Box } from './camera';
import { elementAt } from './renderer';

/** How far inside a group's edge its padding is aimed at, in model units. */
const INSET = 6;

/** Points where a click may land on a group: its title first, then along the padding of its edges. */
export function aimCandidates(label: Box, box: Box, inset = INSET): Point[] {
  const mx = (box.x1 + box.x2) / 2;
  const my = (box.y1 + box.y2) / 2;
  return [
    { x: (label.x1 + label.x2) / 2, y: (label.y1 + label.y2) / 2 },
    { x: mx, y: box.y1 + inset },
    { x: box.x1 + inset, y: box.y1 + inset },
    { x: box.x2 - inset, y: box.y1 + inset },
    { x: box.x1 + inset, y: my },
    { x: box.x2 - inset, y: my },
    { x: mx, y: box.y2 - inset },
    { x: box.x1 + inset, y: box.y2 - inset },
    { x: box.x2 - inset, y: box.y2 - inset },
  ];
}

/** The first candidate where a tap lands on this group and not on something drawn over it (else its title). */
export function aimPoint(n: NodeSingular, hits: (p: Point) => string | null): Point {
  const label = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
  const candidates = aimCandidates(label, n.boundingBox({ includeLabels: false }));
  return candidates.find((p) => hits(p) === n.id()) ?? candidates[0];
}

/**
 * Where each node in the graph, except those in `skip`, is on screen now. Group aims are taken
 * from `aims` and any missing are found and added to it.
 */
export function screenPositions(cy: Core, skip: Set<string>, aims: Map<string, Point>): Record<string, Point> {
  const at = { zoom: cy.zoom(), pan: cy.pan() };
  const hits = (p: Point) => elementAt(cy, p);
  const out: Record<string, Point> = {};
  cy.nodes().forEach((n) => {
    const id = n.id();
    if (skip.has(id)) return;
    let p: Point;
    if (n.isParent()) {
      p = aims.get(id) ?? aimPoint(n, hits);
      aims.set(id, p);
    } else {
      p = n.position();
    }
    out[id] = toScreen(p, at);
  });
  return out;
}

/**
 * The node list's positions, kept up to date: recomputed a moment after the view stops moving
 * (not on every frame of a pan), with group aims found afresh only when the layout or what is
 * shown changed.
 */
export class ListPositions {
  private aims = new Map<string, Point>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `publish` receives each new set of positions; `delay` is how long the view must rest, in ms. */
  constructor(
    private readonly publish: (positions: Record<string, Point>) => void,
    private readonly delay: number,
  ) {}

  /** Recomputes now; `refreshAims` when the layout or what is shown changed. */
  record(cy: Core, skip: Set<string>, refreshAims = false) {
    if (refreshAims) this.aims = new Map();
    this.publish(screenPositions(cy, skip, this.aims));
  }

  /** Recomputes once the view has rested, with what `now` gives then (nothing if it gives null). */
  schedule(now: () => { cy: Core; skip: Set<string> } | null, refreshAims = false) {
    clearTimeout(this.timer);
    if (refreshAims) this.aims = new Map();
    this.timer = setTimeout(() => {
      const at = now();
      if (at) this.record(at.cy, at.skip);
    }, this.delay);
  }

  stop() {
    clearTimeout(this.timer);
  }
}
