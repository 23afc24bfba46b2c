// Saved views of the graph: what is kept under a name (the filters, the lens, the selection and
// its focus depth, the camera) and how it is put back on a pack that may have changed since.
// Pure: GraphView hands in what is on screen and applies what `restoring` answers.

import type { SavedView } from '../platform';
import type { Viewport } from './camera';
import type { GraphFilters } from './filters';

/** What the graph shows that a view keeps. */
export interface ViewState {
  filters: GraphFilters;
  /** The stakeholder whose lens is on. */
  lens: string | null;
  selected: string | null;
  depth: number;
  camera: Viewport;
}

/** What is known in the pack now, to tell what a view names that is gone. */
export interface Known {
  nodes: Set<string>;
  kinds: Set<string>;
  edgeKinds: Set<string>;
}

/** A view to keep under `name`. */
export function captureView(name: string, s: ViewState): SavedView {
  return {
    name,
    filters: {
      hidden_kinds: [...s.filters.hiddenKinds],
      hidden_edge_kinds: [...s.filters.hiddenEdgeKinds],
      hidden_perspectives: [...s.filters.hiddenPerspectives],
      stakeholder: s.filters.stakeholder,
    },
    lens: s.lens,
    focus: s.selected ? { node: s.selected, depth: s.depth } : null,
    camera: { zoom: s.camera.zoom, x: s.camera.pan.x, y: s.camera.pan.y },
  };
}

/** A saved view as it can be put back now, and what of it the pack no longer has. */
export interface Restoring extends ViewState {
  /** What the view named that is gone, in words, for the status line. */
  missing: string[];
}

/**
 * The view as it can be put back: whatever it names that the pack no longer has (a node, a
 * kind) is left out and listed in `missing`; a focus whose node is gone goes with it.
 */
export function restoring(view: SavedView, known: Known): Restoring {
  const missing: string[] = [];
  const keep = (ids: string[], has: Set<string>, what: string) =>
    ids.filter((id) => {
      if (has.has(id)) return true;
      missing.push(`${what} “${id}”`);
      return false;
    });
  const node = (id: string | null, what: string) => {
    if (!id || known.nodes.has(id)) return id;
    missing.push(`${what} “${id}”`);
    return null;
  };
  const f = view.filters;
  const filters: GraphFilters = {
    hiddenKinds: keep(f.hidden_kinds, known.kinds, 'kind'),
    hiddenEdgeKinds: keep(f.hidden_edge_kinds, known.edgeKinds, 'link kind'),
    hiddenPerspectives: keep(f.hidden_perspectives, known.nodes, 'perspective'),
    stakeholder: node(f.stakeholder, 'stakeholder'),
  };
  const lens = node(view.lens, 'lens on');
  const selected = node(view.focus?.node ?? null, 'focus on');
  return {
    filters,
    lens,
    selected,
    depth: selected ? (view.focus?.depth ?? 0) : 0,
    camera: { zoom: view.camera.zoom, pan: { x: view.camera.x, y: view.camera.y } },
    missing,
  };
}

/** What the status line says once a view is back. */
export function restoredSummary(name: string, missing: string[]): string {
  if (!missing.length) return `View “${name}” restored.`;
  return `View “${name}” restored without what the pack no longer has: ${missing.join(', ')}.`;
}

/** The key names are compared by, as the store does: no surrounding spaces, any case. */
export const nameKey = (name: string) => name.trim().toLowerCase();

/** Why `name` cannot be a new view's name among `views` (`except` is the view being renamed). */
export function nameProblem(name: string, views: SavedView[], except: string | null = null): string | null {
  if (!name.trim()) return 'A view needs a name.';
  const taken = views.find((v) => v.name !== except && nameKey(v.name) === nameKey(name));
  return taken ? `A view named “${taken.name}” already exists.` : null;
}
