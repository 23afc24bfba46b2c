// Laying the view's graph out: where it starts (a saved layout of the same nodes, else a fresh
// one), laying it out again on request with dragged nodes held, and the layout as it is saved.
// The layout algorithms themselves are in layout.ts; this module applies them to a live graph.

import type { Core, ElementDefinition } from 'cytoscape';
import type { Point, SavedLayout } from '../platform';
import type { GraphModel } from './filters';
import { draftLayout, fingerprint, seedPositions } from './layout';
import { ANCHOR, type MemberLayer } from './members';

/** Saved positions are rounded to a tenth of a unit: enough to look the same, short to store. */
const tenth = (v: number) => Math.round(v * 10) / 10;

/**
 * Which way of laying out a saved layout was made by: a layout saved before the scene (a
 * force-directed hairball) is not reused, the pack is laid out afresh once.
 */
const LAYOUT_VERSION = 'scene1';

/** The key a saved layout of these node ids is kept under. */
export const layoutFingerprint = (ids: Iterable<string>) => `${LAYOUT_VERSION}:${fingerprint(ids)}`;

export const fingerprintOf = (model: GraphModel) => layoutFingerprint(model.nodes.map((n) => n.id));

/**
 * Where the graph starts. A saved layout is used when it is of exactly these nodes (and brings
 * its dragged nodes with it); otherwise a big pack gets the one-pass draft layout, and a small
 * one the scene (`scene`, see scene.ts).
 */
export function startLayout(
  saved: SavedLayout | null,
  model: GraphModel,
  large: boolean,
  scene: () => Record<string, Point> = () => seedPositions(model),
) {
  if (saved !== null && saved.fingerprint === fingerprintOf(model)) {
    return { positions: saved.positions, pinned: saved.pinned, reused: true };
  }
  return { positions: large ? draftLayout(model) : scene(), pinned: [] as string[], reused: false };
}

/** The elements with their start positions, as Cytoscape is created with them. */
export function placed(elements: ElementDefinition[], start: Record<string, Point>): ElementDefinition[] {
  return elements.map((e) => {
    const p = e.group === 'nodes' ? start[String(e.data.id)] : undefined;
    return p ? { ...e, position: { x: p.x, y: p.y } } : e;
  });
}

/**
 * Lays the graph out afresh, dragged (pinned) nodes where they were dragged: a big pack (one
 * with a member layer) with the one-pass draft layout, a small one as the scene (`scene`).
 */
export function layOutAgain(
  cy: Core,
  model: GraphModel,
  pinned: Set<string>,
  layer: MemberLayer | undefined,
  scene: () => Record<string, Point>,
) {
  if (layer) {
    const now = layoutOf(cy, layer, model, pinned).positions;
    const next = draftLayout(model, Object.fromEntries([...pinned].filter((id) => now[id]).map((id) => [id, now[id]])));
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const p = next[n.id()];
        if (p && n.isChildless() && !layer.holds(n.id())) n.position({ ...p });
      });
    });
    layer.place(next);
    return;
  }
  const next = scene();
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const p = next[n.id()];
      if (p && n.isChildless() && !pinned.has(n.id())) n.position({ ...p });
    });
  });
}

/** The layout as saved: every leaf's position (members out of the graph too) and the pinned nodes. */
export function layoutOf(
  cy: Core | undefined,
  layer: MemberLayer | undefined,
  model: GraphModel,
  pinned: Set<string>,
): SavedLayout {
  const out: Record<string, Point> = {};
  const keep = (id: string, p: Point) => (out[id] = { x: tenth(p.x), y: tenth(p.y) });
  cy?.nodes().forEach((n) => {
    if (n.isChildless() && !n.hasClass(ANCHOR)) keep(n.id(), n.position());
  });
  // Members out of the graph at this zoom are part of the layout all the same.
  for (const [id, p] of Object.entries(layer?.positions() ?? {})) keep(id, p);
  return { fingerprint: fingerprintOf(model), positions: out, pinned: [...pinned].sort() };
}

/**
 * What a big graph's Cytoscape starts with: everything but the lines of `deferredKinds`, which
 * wait (by kind) until first shown. Nodes are all here; the member layer splits them further.
 */
export function deferLines(elements: ElementDefinition[], deferredKinds: readonly string[]) {
  const kinds = new Set(deferredKinds);
  const waiting = new Map<string, ElementDefinition[]>();
  const now = elements.filter((e) => {
    if (e.group !== 'edges' || !kinds.has(e.data.kind)) return true;
    const list = waiting.get(e.data.kind);
    if (list) list.push(e);
    else waiting.set(e.data.kind, [e]);
    return false;
  });
  return { now, waiting };
}
