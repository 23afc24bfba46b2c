// The path between two nodes as the graph shows it: the core answers with the links that make
// the shortest chain (each may be followed against its direction); here they become the steps a
// person reads, from the first node to the second, and the ids the graph marks. Pure, so the
// reading order is tested without a canvas; the painting is `paintPath`.

import type { Core } from 'cytoscape';
import type { PathEdge } from '../platform';
import { CHROME_GAP, MIN_AREA, type Box } from './camera';
import type { GraphModel } from './filters';

/** One step of a path: the link followed from the node before, and the node it reaches. */
export interface PathStep {
  /** The link's kind. */
  kind: string;
  /** Whether the link points this way (from the node before to this one). */
  forward: boolean;
  node: string;
}

/** A path as the panel lists it and the graph draws it. */
export interface DrawnPath {
  from: string;
  to: string;
  /** Empty when the two are the same node. */
  steps: PathStep[];
  /** Every node on the path, the ends included. */
  nodes: Set<string>;
  /** The graph's edge ids of the links on the path. */
  edges: Set<string>;
}

/**
 * The steps from `from`, in order. The core lists the links in order but each as it is drawn
 * (its own source and target), so the direction of reading is worked out here.
 */
export function pathSteps(from: string, edges: PathEdge[]): PathStep[] {
  const steps: PathStep[] = [];
  let at = from;
  for (const e of edges) {
    const forward = e.from === at;
    const node = forward ? e.to : e.from;
    steps.push({ kind: e.kind, forward, node });
    at = node;
  }
  return steps;
}

/** The path from `from` to `to` through `edges`, with the graph's ids of what to mark. */
export function drawnPath(model: GraphModel, from: string, to: string, edges: PathEdge[]): DrawnPath {
  const steps = pathSteps(from, edges);
  const ids = new Set<string>();
  for (const e of edges) {
    const found = model.edges.find((m) => m.source === e.from && m.target === e.to && m.kind === e.kind);
    if (found) ids.add(found.id);
  }
  return { from, to, steps, nodes: new Set([from, ...steps.map((s) => s.node)]), edges: ids };
}

/** What the status line says of a path (or of none), in words. */
export function pathSummary(fromTitle: string, toTitle: string, path: DrawnPath | null): string {
  if (!path) return `No path between ${fromTitle} and ${toTitle}: nothing links them.`;
  const n = path.steps.length;
  if (n === 0) return `${fromTitle} is where the path starts and ends.`;
  return `Path from ${fromTitle} to ${toTitle}: ${n} link${n === 1 ? '' : 's'}, ${path.nodes.size} nodes.`;
}

/** Marks the path on the graph (class `path`) or clears it for `null`. */
export function paintPath(cy: Core, path: DrawnPath | null) {
  cy.batch(() => {
    cy.elements('.path').removeClass('path');
    if (!path) return;
    for (const id of [...path.nodes, ...path.edges]) cy.getElementById(id).addClass('path');
  });
}

/**
 * The free area left of the path's panel, whose left edge is at `panelLeft` on the canvas; the
 * area is kept as it was when the panel would leave it too narrow to frame anything in.
 */
export function besidePanel(area: Box, panelLeft: number): Box {
  const x2 = Math.min(area.x2, panelLeft - CHROME_GAP);
  return x2 - area.x1 < MIN_AREA ? area : { ...area, x2 };
}
