// The neighbourhood shown when focusing on a node: a breadth-first walk, both directions, over
// the edges that are shown, with a group and its members counting as neighbours too.
import type { GraphModel } from './filters';

export type Adjacency = Map<string, string[]>;

/** Neighbours of each shown node. `gone` is the set of hidden or ghost elements. */
export function adjacency(model: GraphModel, gone: Set<string> = new Set()): Adjacency {
  const adj: Adjacency = new Map();
  const link = (a: string, b: string) => {
    if (gone.has(a) || gone.has(b) || a === b) return;
    (adj.get(a) ?? adj.set(a, []).get(a)!).push(b);
    (adj.get(b) ?? adj.set(b, []).get(b)!).push(a);
  };
  for (const n of model.nodes) if (n.parent) link(n.id, n.parent);
  for (const e of model.edges) if (!gone.has(e.id)) link(e.source, e.target);
  return adj;
}

/** Every node within `depth` steps of `start`, `start` included. */
export function neighbourhood(adj: Adjacency, start: string, depth: number): Set<string> {
  const seen = new Set([start]);
  let frontier = [start];
  for (let d = 0; d < depth && frontier.length; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const n of adj.get(id) ?? []) {
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
