// The neighbourhood shown when focusing on a node, and the one rule for what a step of focus
// is. Depth counts the links a person means; containment is the frame a node is seen in, not a
// step away from it:
// - Every link but `part_of` is one step, either way round (a cross-reference, a role concerned,
//   a concept mentioned, a stage that follows).
// - A node's whole (the group it is drawn in, or what it is `part_of`) comes with it as its
//   frame, at no step, and the walk never goes on from a whole shown as a frame: a capability's
//   perspective does not pull in its other capabilities, nor the framework everything else.
// - A whole that is the subject (the focus itself, or reached by a link, as a role concerned
//   with a perspective) has its parts one step away: a perspective's focus is about its
//   capabilities. When the focus itself is a whole, the walk brings no part of another whole:
//   a perspective's Focus 2 is its capabilities with the roles and ideas they share, not the
//   capabilities of other perspectives that refer to it or that its own refer to, which made a
//   perspective's tour step a pile of the whole graph.
// - The walk goes on through the framework's structure (groups and their members). A node
//   outside it (a role, a concept, a stage) goes on only when it links few nodes, at most √n of
//   the pack's n (12 in a pack of 151): a concept three capabilities share is a bridge between
//   them, a role concerned with thirty is not, since through it everything would be two steps
//   from everything. The framework itself always ends a path. The focus itself is always walked
//   from, whatever it is.
// Before this rule, a capability reached its perspective in one step, every sibling and the
// framework in two, and nearly the whole graph in three.
import type { GraphModel } from './filters';

export interface Adjacency {
  /** Nodes one step apart, both ways round. */
  links: Map<string, string[]>;
  /** The whole each node is a part of: its group, or what it is `part_of`. */
  wholes: Map<string, string[]>;
  /** The parts of each whole, one step from it when it is the subject. */
  parts: Map<string, string[]>;
  /** The nodes a walk goes on from (see the rule above); the others end a path. */
  through: Set<string>;
}

const push = (m: Map<string, string[]>, k: string, v: string) => (m.get(k) ?? m.set(k, []).get(k)!).push(v);

/** The steps between shown nodes. `gone` is the set of hidden or ghost elements. */
export function adjacency(model: GraphModel, gone: Set<string> = new Set()): Adjacency {
  const adj: Adjacency = { links: new Map(), wholes: new Map(), parts: new Map(), through: new Set() };
  const out = (a: string, b: string) => gone.has(a) || gone.has(b) || a === b;
  const contain = (part: string, whole: string) => {
    if (out(part, whole)) return;
    push(adj.wholes, part, whole);
    push(adj.parts, whole, part);
  };
  for (const n of model.nodes) if (n.parent) contain(n.id, n.parent);
  for (const e of model.edges) {
    if (gone.has(e.id)) continue;
    if (e.kind === 'part_of') contain(e.source, e.target);
    else if (!out(e.source, e.target)) {
      push(adj.links, e.source, e.target);
      push(adj.links, e.target, e.source);
    }
  }
  const groups = new Set(model.nodes.map((n) => n.parent).filter((p): p is string => !!p));
  const few = Math.max(2, Math.round(Math.sqrt(model.nodes.length)));
  for (const n of model.nodes) {
    if (n.kind === 'framework') continue;
    const structure = !!n.parent || groups.has(n.id);
    if (structure || (adj.links.get(n.id)?.length ?? 0) <= few) adj.through.add(n.id);
  }
  return adj;
}

/** Every node within `depth` steps of `start` (see the rule above), `start` and the frames included. */
export function neighbourhood(adj: Adjacency, start: string, depth: number): Set<string> {
  const seen = reached(adj, start, depth);
  const frames = new Set<string>();
  for (const id of seen) for (const w of adj.wholes.get(id) ?? []) frames.add(w);
  return new Set([...seen, ...frames]);
}

/**
 * The nodes the walk of `depth` steps reaches from `start`, without the wholes that come only as
 * their frames: what a step is about, and so what the presenting camera frames (a capability's
 * perspective is its setting, not its subject).
 */
export function reached(adj: Adjacency, start: string, depth: number): Set<string> {
  const seen = new Set([start]);
  const whole = adj.parts.has(start);
  let frontier = [start];
  for (let d = 0; d < depth && frontier.length; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      if (id !== start && !adj.through.has(id)) continue;
      for (const n of [...(adj.links.get(id) ?? []), ...(adj.parts.get(id) ?? [])]) {
        if (whole && (adj.wholes.get(n) ?? []).some((w) => w !== start)) continue;
        if (!seen.has(n)) {
          seen.add(n);
          next.push(n);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

/**
 * What to fade: nodes outside every active highlight (focus, lens), and edges with a faded end.
 * `null` for a highlight that is off. Groups holding a kept node are kept as well, so their
 * member is seen in its frame.
 */
export function fadedBy(model: GraphModel, highlights: (Set<string> | null)[]): Set<string> {
  const active = highlights.filter((h): h is Set<string> => h !== null);
  const faded = new Set<string>();
  if (!active.length) return faded;
  const kept = new Set<string>();
  for (const n of model.nodes) if (active.every((h) => h.has(n.id))) kept.add(n.id);
  for (const n of model.nodes) if (n.parent && kept.has(n.id)) kept.add(n.parent);
  for (const n of model.nodes) if (!kept.has(n.id)) faded.add(n.id);
  for (const e of model.edges) if (faded.has(e.source) || faded.has(e.target)) faded.add(e.id);
  return faded;
}
