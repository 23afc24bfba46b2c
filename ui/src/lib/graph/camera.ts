// The graph's camera: where to put the viewport so that some part of the graph fills the part of
// the screen nothing covers. Fit, zoom to selection and the presenting camera all frame their
// subject through `fitBox` and `centreBox` in an area from `areaOf`, so the three agree on what
// "in view" means (not under the toolbar, the legend or the caption). Pure maths on boxes, apart
// from the last part: `nodesBox` reads what to frame from Cytoscape, `moveCamera` hands it the
// answer, and `Camera` puts the two together for one graph.

import type { Core, NodeCollection } from 'cytoscape';
import type { Point } from '../platform';

/** A rectangle: in model coordinates for what is framed, in screen pixels for where. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Screen pixels taken from each side of the canvas by what is drawn over it. */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Viewport {
  zoom: number;
  pan: Point;
}

export interface ZoomLimits {
  min: number;
  max: number;
}

/** The gap kept between the framed subject and the toolbar, the legend or the canvas edge. */
export const CHROME_GAP = 16;
/** Presenting: the margin around the framed step, wide enough to read from the back of a room. */
export const STAGE_MARGIN = 60;
/** Below this size (either way) the insets leave too little to frame anything in. */
export const MIN_AREA = 40;
/** The margin used instead of the insets when they leave too little room. */
export const FALLBACK_MARGIN = 24;

/** What the explorer covers: its toolbar above and legend below, each with a gap. */
export function explorerInsets(topBar: number, bottomBar: number): Insets {
  return { top: topBar + CHROME_GAP, right: CHROME_GAP, bottom: bottomBar + CHROME_GAP, left: CHROME_GAP };
}

/** The size of something drawn over the canvas, in screen pixels. */
export interface Size {
  width: number;
  height: number;
}

/**
 * The free area of the explorer's `width` × `height` canvas, with the legend in the bottom-left
 * corner: either above everything along the bottom (the legend and the messages), or beside the
 * legend and above the messages alone, whichever is larger. An open legend is tall; keeping
 * the picture above it shrank Fit to about 40% of the canvas, while beside it the picture
 * keeps its height.
 */
export function explorerArea(width: number, height: number, topBar: number, legend: Size, messages: Size): Box {
  const above = areaOf(width, height, explorerInsets(topBar, Math.max(legend.height, messages.height)));
  const beside = areaOf(width, height, {
    ...explorerInsets(topBar, messages.height),
    left: legend.width + 2 * CHROME_GAP,
  });
  const size = (b: Box) => Math.max(0, b.x2 - b.x1) * Math.max(0, b.y2 - b.y1);
  return size(beside) > size(above) ? beside : above;
}

/** What presenting covers when there is no caption: a wide margin all round. */
export function presentingInsets(): Insets {
  return { top: STAGE_MARGIN, right: STAGE_MARGIN, bottom: STAGE_MARGIN, left: STAGE_MARGIN };
}

/**
 * The free areas of a projected `width` × `height` canvas around the step's caption (`caption`,
 * in canvas pixels; null when there is none): beside it, full height, and above it, full width.
 * The camera frames a step in whichever of the two shows it larger (see `bestFit`): a tall
 * perspective card beside the caption, a wide neighbourhood above it.
 */
export function presentingAreas(width: number, height: number, caption: Box | null, titleRoom = 0): Box[] {
  const m = presentingInsets();
  const top = m.top + titleRoom;
  if (!caption || caption.x2 <= caption.x1 || caption.y2 <= caption.y1) return [areaOf(width, height, { ...m, top })];
  return [
    areaOf(width, height, { ...m, top, left: Math.max(m.left, caption.x2 + CHROME_GAP) }),
    areaOf(width, height, { ...m, top, bottom: Math.max(m.bottom, height - caption.y1 + CHROME_GAP) }),
  ];
}

/** The viewport that frames `box` largest in any of `areas` (the first on a tie). */
export function bestFit(box: Box, areas: Box[], limits: ZoomLimits): Viewport {
  let best: Viewport | null = null;
  for (const area of areas) {
    const to = fitBox(box, area, limits);
    if (!best || to.zoom > best.zoom + 1e-9) best = to;
  }
  return best ?? fitBox(box, areaOf(0, 0, presentingInsets()), limits);
}

/**
 * The part of a `width` × `height` canvas the insets leave free. When that is too small to frame
 * anything (a narrow window, a graph mounted before it has a size), the whole canvas less a small
 * margin is used: a subject under the toolbar beats one squeezed to a dot.
 */
export function areaOf(width: number, height: number, insets: Insets): Box {
  const area = { x1: insets.left, y1: insets.top, x2: width - insets.right, y2: height - insets.bottom };
  if (area.x2 - area.x1 > MIN_AREA && area.y2 - area.y1 > MIN_AREA) return area;
  return { x1: FALLBACK_MARGIN, y1: FALLBACK_MARGIN, x2: width - FALLBACK_MARGIN, y2: height - FALLBACK_MARGIN };
}

export const clampZoom = (zoom: number, limits: ZoomLimits) => Math.min(limits.max, Math.max(limits.min, zoom));

const middle = (b: Box): Point => ({ x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2 });

/** The viewport that puts the middle of `box` (model) at the middle of `area` (screen) at `zoom`, clamped. */
export function centreBox(box: Box, area: Box, zoom: number, limits: ZoomLimits): Viewport {
  const z = clampZoom(zoom, limits);
  const from = middle(box);
  const to = middle(area);
  return { zoom: z, pan: { x: to.x - z * from.x, y: to.y - z * from.y } };
}

/**
 * The viewport that brings `box` into view at `zoom`: centred, or, when it would not fit in
 * `area` at that zoom (a group's card while zoomed in), shown whole instead, since centring
 * its middle would leave its title and most members off screen.
 */
export function revealBox(box: Box, area: Box, zoom: number, limits: ZoomLimits): Viewport {
  const z = clampZoom(zoom, limits);
  const fits = (box.x2 - box.x1) * z <= area.x2 - area.x1 && (box.y2 - box.y1) * z <= area.y2 - area.y1;
  return fits ? centreBox(box, area, z, limits) : fitBox(box, area, limits);
}

/**
 * The viewport that shows all of `box` (model) as large as fits in `area` (screen), centred,
 * the zoom clamped to `limits`. A box with no width or height (a single point) is framed as if
 * it were one unit across, which the limits then bring back to the largest zoom allowed.
 */
export function fitBox(box: Box, area: Box, limits: ZoomLimits): Viewport {
  const zoom = Math.min(
    (area.x2 - area.x1) / Math.max(box.x2 - box.x1, 1),
    (area.y2 - area.y1) / Math.max(box.y2 - box.y1, 1),
  );
  return centreBox(box, area, zoom, limits);
}

/**
 * The viewport that frames `box` in the best of `areas`, but no further out than `minZoom`,
 * where its labels are still read: when `box` does not fit that close, the camera stays at
 * `minZoom` on the middle of `box`, moved just enough to bring `core` (the subject) wholly into
 * the area; when even `core` does not fit, `core` alone is fitted.
 */
export function frameAtLeast(box: Box, core: Box, areas: Box[], limits: ZoomLimits, minZoom: number): Viewport {
  const whole = bestFit(box, areas, limits);
  if (whole.zoom >= minZoom) return whole;
  const inner = bestFit(core, areas, limits);
  if (inner.zoom <= minZoom) return inner;
  // The area the subject frames best in, at the reading zoom.
  const area = areas.reduce((a, b) => (fitBox(core, b, limits).zoom > fitBox(core, a, limits).zoom ? b : a));
  const at = centreBox(box, area, minZoom, limits);
  const z = at.zoom;
  const shift = (lo: number, hi: number, from: number, to: number) => (lo < from ? from - lo : hi > to ? to - hi : 0);
  const pan = {
    x: at.pan.x + shift(core.x1 * z + at.pan.x, core.x2 * z + at.pan.x, area.x1, area.x2),
    y: at.pan.y + shift(core.y1 * z + at.pan.y, core.y2 * z + at.pan.y, area.y1, area.y2),
  };
  return { zoom: z, pan };
}

/** The viewport zoomed by `factor` about the screen point `about`, which stays where it is. */
export function zoomAbout(now: Viewport, factor: number, about: Point, limits: ZoomLimits): Viewport {
  const zoom = clampZoom(now.zoom * factor, limits);
  const k = zoom / now.zoom;
  return { zoom, pan: { x: about.x - (about.x - now.pan.x) * k, y: about.y - (about.y - now.pan.y) * k } };
}

/** Where a model point is on screen, to the pixel. */
export function toScreen(p: Point, at: Viewport): Point {
  return { x: Math.round(p.x * at.zoom + at.pan.x), y: Math.round(p.y * at.zoom + at.pan.y) };
}

/** The box around some points, `margin` wider on every side; null for no points. */
export function pointsBox(points: Iterable<Point>, margin = 0): Box | null {
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    x1 = Math.min(x1, p.x);
    y1 = Math.min(y1, p.y);
    x2 = Math.max(x2, p.x);
    y2 = Math.max(y2, p.y);
  }
  if (x1 > x2) return null;
  return { x1: x1 - margin, y1: y1 - margin, x2: x2 + margin, y2: y2 + margin };
}

/**
 * Moves Cytoscape's camera to `to`: at once for `duration` 0 or when the person asked for less
 * motion, else as an eased camera move. A move still under way is stopped, so moves never queue.
 */
export function moveCamera(
  cy: Pick<Core, 'stop' | 'viewport' | 'animate'>,
  to: Viewport,
  duration: number,
  calm: boolean,
) {
  cy.stop();
  if (calm || duration === 0) cy.viewport({ zoom: to.zoom, pan: { ...to.pan } });
  else cy.animate({ zoom: to.zoom, pan: { ...to.pan } }, { duration, easing: 'ease-in-out-cubic' });
}

/**
 * The box the camera frames nodes by: the nodes with their labels, without lines (they run
 * between the nodes anyway) or overlays. For a big graph, `centres` frames the node centres
 * instead, `margin` wider: a bounding box would first style and measure every element, seconds.
 */
export function nodesBox(eles: NodeCollection, centres = false, margin = 30): Box | null {
  if (eles.empty()) return null;
  if (centres) {
    const points: Point[] = [];
    eles.forEach((n) => void (n.isParent() || points.push(n.position())));
    return pointsBox(points, margin);
  }
  return eles.boundingBox({ includeEdges: false, includeOverlays: false });
}

/** How long a camera move to a subject takes, in ms. */
export const MOVE_MS = 300;

/**
 * The camera of one graph: frames nodes in the free area its view reports (`area`, given how
 * much room to keep at the top for held titles), moving at once when motion is to be reduced.
 */
export class Camera {
  constructor(
    private readonly cy: Core,
    /** The free area, or the areas to choose from (the largest framing wins, see `bestFit`). */
    private readonly area: (titleRoom: number) => Box | Box[],
    private readonly calm: boolean,
  ) {}

  private areas(titleRoom: number): Box[] {
    const a = this.area(titleRoom);
    return Array.isArray(a) ? a : [a];
  }

  private limits(max = this.cy.maxZoom()): ZoomLimits {
    return { min: this.cy.minZoom(), max };
  }

  /** Shows all of `eles` as large as the free area allows (see `nodesBox` for `centres`). */
  fit(eles: NodeCollection, how: { duration?: number; maxZoom?: number; centres?: boolean; titleRoom?: number } = {}) {
    const box = nodesBox(eles, how.centres);
    if (!box) return;
    const to = bestFit(box, this.areas(how.titleRoom ?? 0), this.limits(how.maxZoom));
    moveCamera(this.cy, to, how.duration ?? MOVE_MS, this.calm);
  }

  /** Frames `eles` no further out than `minZoom`, keeping `core` in view (see `frameAtLeast`). */
  frame(eles: NodeCollection, core: NodeCollection, how: { duration: number; minZoom: number; maxZoom: number }) {
    const box = nodesBox(eles);
    if (!box) return;
    const to = frameAtLeast(box, nodesBox(core) ?? box, this.areas(0), this.limits(how.maxZoom), how.minZoom);
    moveCamera(this.cy, to, how.duration, this.calm);
  }

  /** Centres `eles` in the free area, zooming in to `atLeast` if further out, and out if they would not fit. */
  centre(eles: NodeCollection, atLeast: number) {
    const box = nodesBox(eles);
    if (!box) return;
    const to = revealBox(box, this.areas(0)[0], Math.max(this.cy.zoom(), atLeast), this.limits());
    moveCamera(this.cy, to, MOVE_MS, this.calm);
  }

  /** Goes back to a viewport remembered earlier (the scene before a focus). */
  go(to: Viewport, duration = MOVE_MS) {
    moveCamera(this.cy, to, duration, this.calm);
  }

  /** Zooms by `factor` about the middle of the canvas, at once. */
  zoomBy(factor: number) {
    const now = { zoom: this.cy.zoom(), pan: this.cy.pan() };
    const middle = { x: this.cy.width() / 2, y: this.cy.height() / 2 };
    moveCamera(this.cy, zoomAbout(now, factor, middle, this.limits()), 0, this.calm);
  }
}
