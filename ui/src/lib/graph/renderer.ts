// The parts of Cytoscape's canvas renderer the graph needs and its typed API does not describe:
// the hit test a tap uses, and the style flush it runs before each frame. This is the only place
// that reaches into the renderer, so a Cytoscape upgrade that changes it breaks here alone.

import type { Core } from 'cytoscape';
import type { Point } from '../platform';

type CanvasRenderer = {
  findNearestElement(x: number, y: number, interactive: boolean, touch: boolean): { id(): string } | null;
  flushRenderedStyleQueue?: () => void;
};

const rendererOf = (cy: Core) => (cy as unknown as { renderer(): CanvasRenderer }).renderer();

/** The id of what a tap at `p` (model coordinates) would land on, as Cytoscape decides it; null for nothing. */
export function elementAt(cy: Core, p: Point): string | null {
  return rendererOf(cy).findNearestElement(p.x, p.y, true, false)?.id() ?? null;
}

/** Styles and measures what changed now rather than in Cytoscape's next frame, so its cost can be timed. */
export function flushStyles(cy: Core) {
  // Guarded: the renderer is not public, and a headless graph has none worth flushing.
  rendererOf(cy).flushRenderedStyleQueue?.();
}
