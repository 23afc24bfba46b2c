// Which labels the projector draws. Held at 20 px and more so the back of a room can read
// them, labels in a large neighbourhood collide; a label drawn over another is read as neither.
// So, once the camera is at rest, labels are drawn by rank, each only where it overlaps no
// label drawn before it, lies wholly on the canvas and is not under what covers the canvas
// (the caption):
//   0. the step's node itself, always;
//   1. the groups the step reaches (a perspective's title, when the perspective is the subject
//      or is reached by a link), since they name whole parts of the picture;
//   2. the step's own members (a perspective's capabilities): its step is about them, and a
//      role placed near the card must not cost one of them its name;
//   3. the other nodes the step reaches, the better connected within it first (a capability
//      three of the shown nodes link to says more about the step than one only the subject
//      links to), then by title, so the same step always draws the same labels;
//   4. the groups that are only the frame of a reached node.
// A label is also never drawn over another node's shape, nor a node left under a drawn label: a
// shape under words reads as part of them. A node whose label cannot be drawn is faded with its
// lines, like everything the step is not about: the room is shown only what it can name, and a
// card without its title is a shape nobody can point at.
// Everything else is faded while a step is shown and draws no label at all. With no step (the
// current view presented), the groups rank first and every node by its links.
// `legibleLabels` and `rankOf` are pure; `chooseLabels` measures the boxes on Cytoscape (once the
// camera is at rest, see spotlight.ts) and marks the labels left out.
import type { Core } from 'cytoscape';
import type { Box } from './camera';

export interface LabelBox {
  id: string;
  /** Lower is drawn first (see the ranks above). */
  rank: number;
  /** Links to other shown nodes: breaks ties within a rank, more first. */
  links: number;
  /** Breaks the remaining ties, so the choice is the same on every run. */
  title: string;
  /** The label's box on screen. */
  box: Box;
  /** The node's own shape on screen, for a node drawn as a shape (not a group's card). */
  body?: Box;
}

/**
 * How far two label boxes may share an edge, in CSS pixels, and not count as overlapping: a
 * label's box includes its halo, and the scene's lists stack labels box to box.
 */
export const SHARED_EDGE = 0.5;

const overlap = (a: Box, b: Box, tolerance: number) =>
  Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > tolerance && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > tolerance;

const within = (b: Box, area: Box) => b.x1 >= area.x1 && b.y1 >= area.y1 && b.x2 <= area.x2 && b.y2 <= area.y2;

/**
 * The labels to draw: in rank order, each unless it overlaps a label or a shape already drawn,
 * its own shape lies under a label already drawn, it leaves `canvas` or it touches a `covered`
 * box. Rank 0 (the step's node) is drawn whatever it overlaps.
 */
export function legibleLabels(labels: LabelBox[], canvas: Box, covered: Box[] = []): Set<string> {
  const order = [...labels].sort(
    (a, b) => a.rank - b.rank || b.links - a.links || a.title.localeCompare(b.title) || a.id.localeCompare(b.id),
  );
  const words: Box[] = [];
  const shapes: Box[] = [];
  const keep = new Set<string>();
  for (const l of order) {
    const free =
      l.rank === 0 ||
      (within(l.box, canvas) &&
        !covered.some((c) => overlap(l.box, c, 0)) &&
        !words.some((d) => overlap(l.box, d, SHARED_EDGE)) &&
        !shapes.some((d) => overlap(l.box, d, SHARED_EDGE)) &&
        !(l.body && words.some((d) => overlap(l.body!, d, SHARED_EDGE))));
    if (!free) continue;
    keep.add(l.id);
    words.push(l.box);
    if (l.body) shapes.push(l.body);
  }
  return keep;
}

/** A step on screen: its node, what its walk reaches, and its own members. */
export interface StepReach {
  subject: string;
  reached: Set<string>;
  parts: Set<string>;
}

/** The rank of a node's label (see the rule above). */
export function rankOf(id: string, step: StepReach | null, isGroup: boolean): number | null {
  if (!step) return isGroup ? 1 : 3;
  if (id === step.subject) return 0;
  if (step.reached.has(id)) return isGroup ? 1 : step.parts.has(id) ? 2 : 3;
  return isGroup ? 4 : null;
}

/** What is drawn over `container` (the step's caption, marked `data-covers-graph`), in its pixels. */
export function coveredBoxes(container: Element | undefined): Box[] {
  const at = container?.getBoundingClientRect();
  if (!at) return [];
  return [...document.querySelectorAll('[data-covers-graph]')].map((e) => {
    const r = e.getBoundingClientRect();
    return { x1: r.left - at.left, y1: r.top - at.top, x2: r.right - at.left, y2: r.bottom - at.top };
  });
}

/**
 * Marks `unlabelled` every shown node whose label is not drawn: shown are the nodes neither
 * hidden, faded nor ghosts; `step` is the step on screen (its subject and what it reaches).
 */
export function chooseLabels(cy: Core, step: StepReach | null, faded: Set<string>, covered: Box[]): Set<string> {
  const shown = cy
    .nodes()
    .filter((n) => n.visible() && !faded.has(n.id()) && !n.hasClass('ghost') && !!n.data('label'));
  const ids = new Set(shown.map((n) => n.id()));
  const boxes: LabelBox[] = [];
  shown.forEach((n) => {
    const rank = rankOf(n.id(), step, n.isParent());
    if (rank === null) return;
    const b = n.renderedBoundingBox({
      includeNodes: false,
      includeEdges: false,
      includeLabels: true,
      includeOverlays: false,
    });
    const links = n.neighborhood('node').filter((m) => ids.has(m.id())).length;
    const s = n.isParent()
      ? null
      : n.renderedBoundingBox({
          includeNodes: true,
          includeEdges: false,
          includeLabels: false,
          includeOverlays: false,
        });
    boxes.push({
      id: n.id(),
      rank,
      links,
      title: String(n.data('label')),
      box: { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 },
      ...(s ? { body: { x1: s.x1, y1: s.y1, x2: s.x2, y2: s.y2 } } : {}),
    });
  });
  const keep = legibleLabels(boxes, { x1: 0, y1: 0, x2: cy.width(), y2: cy.height() }, covered);
  cy.batch(() => {
    cy.nodes().forEach((n) => void n.toggleClass('unlabelled', !keep.has(n.id()) && ids.has(n.id())));
    // A line to a node left unnamed goes with it.
    cy.edges('.unlabelled').removeClass('unlabelled');
    cy.nodes('.unlabelled:childless').connectedEdges().addClass('unlabelled');
  });
  return keep;
}
