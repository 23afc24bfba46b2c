// The scene on a live graph (the layout and the counting are in scene.ts): the bundled lines
// between groups and their counts as filters change, a node's own lines lit while it is
// hovered, selected or in focus, and the nodes a focus brings in from outside the scene drawn
// near its subject (lent there, given back when the focus ends).
import type { Core, ElementDefinition } from 'cytoscape';
import type { Point } from '../platform';
import type { GraphModel } from './filters';
import { bundleElement } from './elements';
import { ringAround } from './layout';
import { paintJoined, type Look } from './paint';
import { bendOf, bundlesOf } from './scene';

/**
 * A small pack's elements as the first frame needs them, and the rest: the members' own lines
 * (none drawn until lit) and the nodes the scene hides (roles, concepts…), which join after that
 * frame. Styling them took about a third of the built-in pack's start-up. A hidden node that
 * holds other nodes stays, so that nothing loses its parent.
 */
export function splitScene(elements: ElementDefinition[], hidden: Set<string>) {
  const parents = new Set(elements.map((e) => e.data.parent).filter((p) => p !== undefined));
  const first: ElementDefinition[] = [];
  const later: ElementDefinition[] = [];
  for (const e of elements) {
    const id = String(e.data.id);
    const held = e.group === 'edges' || (hidden.has(id) && !parents.has(id));
    (held ? later : first).push(e);
  }
  // Nodes before lines, so that every line finds its ends.
  return [first, later.sort((a, b) => Number(a.group === 'edges') - Number(b.group === 'edges'))] as const;
}

export class Stage {
  /** The node under the pointer, whose lines are lit. */
  hovered: string | null = null;
  /** Nodes a focus has moved near its subject, with their own positions. */
  readonly lent = new Map<string, Point>();

  constructor(
    private readonly model: () => GraphModel,
    /** The nodes of the scene (see filters.inScene). */
    private readonly scene: () => Set<string>,
    private readonly pinned: Set<string>,
  ) {}

  /** Adds the bundles, each bending round the cards between its ends. */
  addBundles(cy: Core, gone: Set<string>) {
    const boxes = new Map(
      cy.nodes('.group').map((g) => {
        const b = g.boundingBox({ includeLabels: true, includeOverlays: false });
        return [g.id(), { id: g.id(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 }] as const;
      }),
    );
    cy.add(
      bundlesOf(this.model()).map((b) => {
        const [p, q] = [boxes.get(b.source), boxes.get(b.target)];
        const others = [...boxes.values()].filter((o) => o.id !== b.source && o.id !== b.target);
        return bundleElement(b, p && q ? bendOf(p, q, others) : 0);
      }),
    );
    this.paintBundles(cy, gone, false);
  }

  /**
   * Puts into the graph what `splitScene` held back, marked as the view has it now, and lights
   * the lines it lights.
   */
  joinRest(cy: Core, rest: ElementDefinition[], look: Look, focus: Set<string> | null) {
    if (!rest.length) return;
    cy.batch(() => paintJoined(cy.add(rest), look));
    this.relight(cy, look.selected, focus);
  }

  /** Each bundle's count over what is shown now; none while a focus or the lens is on. */
  paintBundles(cy: Core, gone: Set<string>, highlighted: boolean) {
    const counts = new Map(bundlesOf(this.model(), gone).map((b) => [b.id, b.count]));
    cy.batch(() => {
      cy.edges('.bundle').forEach((e) => {
        const n = counts.get(e.id()) ?? 0;
        if (n) e.data('count', n);
        e.toggleClass('hidden', !n || highlighted);
      });
    });
  }

  /** Lights the lines of the hovered and the selected node, and those within the focus. */
  relight(cy: Core, selected: string | null, focus: Set<string> | null) {
    cy.batch(() => {
      cy.edges('.lit').removeClass('lit');
      // Containment is drawn by the cards already: a line from each perspective to the framework
      // would only cross them.
      for (const id of [this.hovered, selected])
        if (id)
          cy.getElementById(id)
            .connectedEdges()
            .filter((e) => e.data('kind') !== 'part_of')
            .addClass('lit');
      if (focus)
        cy.edges()
          .filter((e) => focus.has(e.source().id()) && focus.has(e.target().id()))
          .addClass('lit');
    });
  }

  /**
   * Draws what a focus brings in from outside the scene (roles, concepts…) on a ring round its
   * subject, instead of on the ring round the whole scene, where the camera would have to pull
   * right back to frame it. What an earlier focus lent goes back first; `null` only gives back.
   */
  lend(cy: Core, focus: Set<string> | null) {
    cy.batch(() => {
      for (const [id, p] of this.lent) cy.getElementById(id).position({ ...p });
    });
    this.lent.clear();
    if (!focus) return;
    const scene = this.scene();
    const outside = [...focus].filter((id) => !scene.has(id) && !this.pinned.has(id));
    const subject = cy.nodes().filter((n) => focus.has(n.id()) && scene.has(n.id()) && n.isChildless());
    if (!outside.length || subject.empty()) return;
    const b = subject.boundingBox({ includeLabels: true, includeOverlays: false });
    const near = ringAround(
      [{ id: 'focus', x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 }],
      outside.map((id) => ({ id, ...cy.getElementById(id).position() })),
      130,
      60,
    );
    cy.batch(() => {
      for (const [id, p] of near) {
        const n = cy.getElementById(id);
        this.lent.set(id, { ...n.position() });
        n.position(p);
      }
    });
  }

  /** The layout as saved: nodes a focus lent elsewhere keep their own positions. */
  ownPositions<L extends { positions: Record<string, Point> }>(layout: L): L {
    for (const [id, p] of this.lent)
      layout.positions[id] = { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
    return layout;
  }
}
