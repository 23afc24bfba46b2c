// What the filters hide. Hiding never removes elements or moves them: GraphView marks the
// ids returned here with `display: none`, so the layout stays exactly where it was.
import type { ElementDefinition } from 'cytoscape';

export interface GraphFilters {
  /** Node kinds not shown. */
  hiddenKinds: string[];
  /** Edge kinds not shown. */
  hiddenEdgeKinds: string[];
  /** Perspectives (group ids) not shown, with everything inside them. */
  hiddenPerspectives: string[];
  /** When set, only this stakeholder, what it is concerned with, and their perspectives. */
  stakeholder: string | null;
}

export const NO_FILTERS: GraphFilters = {
  hiddenKinds: [],
  hiddenEdgeKinds: [],
  hiddenPerspectives: [],
  stakeholder: null,
};

/**
 * The nodes a pack's graph opens with: the framework and its structure, its perspectives and
 * their capabilities (whatever a pack calls them: every group and every member of one).
 * Everything else (roles, concepts, stages, domains, outcomes…) enters the scene through the
 * filters, the lens, a search result or a focus, not as a permanent ring of small dots.
 */
export function inScene(model: GraphModel): Set<string> {
  const groups = new Set(model.nodes.map((n) => n.parent).filter((p): p is string => !!p));
  return new Set(model.nodes.filter((n) => n.kind === 'framework' || n.parent || groups.has(n.id)).map((n) => n.id));
}

/** The filters a graph opens with: every kind with no node in the scene hidden. */
export function sceneFilters(model: GraphModel): GraphFilters {
  const scene = inScene(model);
  const kinds = new Set(model.nodes.filter((n) => scene.has(n.id)).map((n) => n.kind));
  return { ...NO_FILTERS, hiddenKinds: [...new Set(model.nodes.map((n) => n.kind))].filter((k) => !kinds.has(k)) };
}

export function activeFilterCount(f: GraphFilters): number {
  return f.hiddenKinds.length + f.hiddenEdgeKinds.length + f.hiddenPerspectives.length + (f.stakeholder ? 1 : 0);
}

/** The graph as plain data: what filtering and focus need, without Cytoscape. */
export interface GraphModel {
  nodes: { id: string; kind: string; parent: string | null }[];
  edges: { id: string; source: string; target: string; kind: string }[];
}

export function modelOf(elements: ElementDefinition[]): GraphModel {
  const model: GraphModel = { nodes: [], edges: [] };
  for (const e of elements) {
    if (e.group === 'edges') {
      model.edges.push({ id: String(e.data.id), source: e.data.source, target: e.data.target, kind: e.data.kind });
    } else {
      model.nodes.push({ id: String(e.data.id), kind: e.data.kind, parent: e.data.parent ?? null });
    }
  }
  return model;
}

/**
 * A stakeholder's share of the graph: the role itself, what it is concerned with (a `concerns`
 * edge either way round), the capabilities of a perspective it is concerned with, and the
 * perspectives those capabilities sit in, so each one is seen in its group.
 */
export function concernsOf(model: GraphModel, stakeholder: string): Set<string> {
  const concerned = new Set<string>();
  for (const e of model.edges) {
    if (e.kind !== 'concerns') continue;
    if (e.source === stakeholder) concerned.add(e.target);
    else if (e.target === stakeholder) concerned.add(e.source);
  }
  const keep = new Set([stakeholder, ...concerned]);
  for (const n of model.nodes) {
    if (n.parent && concerned.has(n.parent)) keep.add(n.id);
    if (n.parent && concerned.has(n.id)) keep.add(n.parent);
  }
  return keep;
}

/**
 * Which elements to hide (nodes in `broughtIn` are shown even when their kind is not), and which groups to show as a bare outline-less frame ("ghost"):
 * a group whose kind is hidden still holds its visible members in place, so it stays in the
 * graph, invisible, rather than taking its members with it.
 */
export function hiddenBy(
  model: GraphModel,
  f: GraphFilters,
  broughtIn: ReadonlySet<string> = new Set(),
): { hidden: Set<string>; ghosts: Set<string> } {
  const kinds = new Set(f.hiddenKinds);
  const perspectives = new Set(f.hiddenPerspectives);
  const share = f.stakeholder ? concernsOf(model, f.stakeholder) : null;
  const hidden = new Set<string>();
  const ghosts = new Set<string>();
  const kindHidden = new Set<string>();
  for (const n of model.nodes) {
    if (perspectives.has(n.id) || (n.parent && perspectives.has(n.parent)) || (share && !share.has(n.id)))
      hidden.add(n.id);
    // What the focus, the lens or a search brings in is shown whatever its kind.
    else if (kinds.has(n.kind) && !broughtIn.has(n.id)) kindHidden.add(n.id);
  }
  // Members of a group hidden outright go with it; a group hidden only by kind keeps shown members.
  const shownMembers = new Set<string>();
  for (const n of model.nodes) {
    if (n.parent && hidden.has(n.parent)) hidden.add(n.id);
    if (n.parent && !hidden.has(n.id) && !kindHidden.has(n.id)) shownMembers.add(n.parent);
  }
  for (const id of kindHidden) {
    if (hidden.has(id)) continue;
    if (shownMembers.has(id)) ghosts.add(id);
    else hidden.add(id);
  }
  const edgeKinds = new Set(f.hiddenEdgeKinds);
  const gone = (id: string) => hidden.has(id) || ghosts.has(id);
  for (const e of model.edges) {
    if (edgeKinds.has(e.kind) || gone(e.source) || gone(e.target)) hidden.add(e.id);
  }
  return { hidden, ghosts };
}
