// Dragging nodes in the view. A dropped node is pinned: later layouts leave it where it was put.
// A big graph's members are not inside their group in Cytoscape (see members.ts), so a dragged
// group takes them along here, step by step, and pins them all when dropped.

import type { Core, NodeSingular } from 'cytoscape';
import type { Point } from '../platform';
import { ANCHOR, type MemberLayer } from './members';

/** Wires the drag events; `ondrop` gets the ids of the nodes to pin after each drop. */
export function followDrags(cy: Core, layer: MemberLayer | undefined, ondrop: (pinned: string[]) => void) {
  // Where each dragged group was at the last step of its drag.
  const draggedFrom = new Map<string, Point>();
  cy.on('grab', 'node:parent', (evt) => void draggedFrom.set(evt.target.id(), { ...evt.target.position() }));
  cy.on('drag', 'node:parent', (evt) => {
    const id = evt.target.id();
    const from = draggedFrom.get(id);
    const to = { ...evt.target.position() };
    draggedFrom.set(id, to);
    if (layer && from) layer.moved(id, { x: to.x - from.x, y: to.y - from.y });
  });
  cy.on('dragfree', 'node', (evt) => {
    const n = evt.target as NodeSingular;
    const leaves = n.isParent() ? n.descendants().filter((d) => d.isChildless() && !d.hasClass(ANCHOR)) : n;
    const ids = leaves.map((l) => l.id());
    const group = layer?.groupOfMember(n.id());
    if (layer && n.isParent()) {
      draggedFrom.delete(n.id());
      ids.push(...layer.membersOf(n.id()));
    } else if (layer && group) {
      layer.fitAnchors(group);
    }
    ondrop(ids);
  });
}
