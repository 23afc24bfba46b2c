// A layout that stays put: computed once, deterministically, and saved per pack under a
// fingerprint of the node ids, so a changed pack is laid out afresh and an unchanged one opens
// exactly as it was left. Pure helpers only; GraphView drives Cytoscape with them.
import type { Point } from '../platform';
import type { GraphModel } from './filters';

/** Above this many nodes the graph trades polish for speed (draft layout, cheaper drawing). */
export const LARGE_GRAPH = 1500;

/** FNV-1a over the sorted ids: stable across runs and platforms, cheap for thousands of ids. */
export function fingerprint(ids: Iterable<string>): string {
  const sorted = [...ids].sort();
  let h = 0x811c9dc5;
  for (const id of sorted) {
    for (let i = 0; i < id.length; i++) {
      h ^= id.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    // A separator, so ["ab","c"] and ["a","bc"] differ.
    h ^= 0x0a;
    h = Math.imul(h, 0x01000193);
  }
  return `${sorted.length}-${(h >>> 0).toString(16).padStart(8, '0')}`;
}

const MEMBER_SPACING = 70;
const RING_SPACING = 46;

/**
 * Deterministic starting positions: each group's members on a grid around the group's centre,
 * the groups on a circle wide enough that no two start overlapping, and every other node on
 * rings outside them, one band per kind.
 */
export function seedPositions(model: GraphModel): Record<string, Point> {
  const members = new Map<string, string[]>();
  for (const n of model.nodes)
    if (n.parent) (members.get(n.parent) ?? members.set(n.parent, []).get(n.parent)!).push(n.id);
  const groups = model.nodes.filter((n) => members.has(n.id) && !n.parent);
  const radiusOf = (id: string) => (Math.ceil(Math.sqrt(members.get(id)!.length)) * MEMBER_SPACING) / 2 + 60;
  const positions: Record<string, Point> = {};

  const radii = groups.map((g) => radiusOf(g.id));
  const biggest = Math.max(0, ...radii);
  // The circle's circumference holds every group's diameter plus a gap.
  const circumference = radii.reduce((s, r) => s + 2 * r + 80, 0);
  const ring = groups.length > 1 ? Math.max(circumference / (2 * Math.PI), biggest * 1.5) : 0;
  let angle = -Math.PI / 2;
  groups.forEach((g, i) => {
    const share = ((2 * radii[i] + 80) / Math.max(circumference, 1)) * 2 * Math.PI;
    const a = angle + share / 2;
    angle += share;
    const centre = { x: Math.cos(a) * ring, y: Math.sin(a) * ring };
    placeGrid(members.get(g.id)!, centre, positions, members);
  });

  // Everything else, by kind, on rings outside the groups.
  const others = model.nodes.filter((n) => !n.parent && !members.has(n.id));
  const byKind = new Map<string, string[]>();
  for (const n of others) (byKind.get(n.kind) ?? byKind.set(n.kind, []).get(n.kind)!).push(n.id);
  let radius = ring + biggest + 160;
  for (const ids of byKind.values()) {
    let placed = 0;
    while (placed < ids.length) {
      const capacity = Math.max(1, Math.floor((2 * Math.PI * radius) / RING_SPACING));
      const batch = ids.slice(placed, placed + capacity);
      batch.forEach((id, i) => {
        const a = (i / batch.length) * 2 * Math.PI + (placed ? 0.5 : 0);
        positions[id] = { x: Math.round(Math.cos(a) * radius), y: Math.round(Math.sin(a) * radius) };
      });
      placed += batch.length;
      radius += RING_SPACING * 2;
    }
    radius += RING_SPACING;
  }
  return positions;
}

function placeGrid(ids: string[], centre: Point, out: Record<string, Point>, members: Map<string, string[]>) {
  const columns = Math.ceil(Math.sqrt(ids.length));
  const rows = Math.ceil(ids.length / columns);
  ids.forEach((id, i) => {
    const p = {
      x: Math.round(centre.x + ((i % columns) - (columns - 1) / 2) * MEMBER_SPACING),
      y: Math.round(centre.y + (Math.floor(i / columns) - (rows - 1) / 2) * MEMBER_SPACING),
    };
    // A nested group seeds its own members around its slot.
    if (members.has(id)) placeGrid(members.get(id)!, p, out, members);
    else out[id] = p;
  });
}

export type Box = { id: string; x1: number; y1: number; x2: number; y2: number; fixed?: boolean };

/**
 * Moves boxes apart until no group overlaps another group and no loose node sits inside a
 * group, pushing each overlap along the axis that needs the shorter move. Fixed boxes (holding
 * pinned nodes) never move. Returns the shift for each box that moved.
 */
export function separateGroups(groups: Box[], loose: Box[] = [], gap = 40, maxRounds = 60): Map<string, Point> {
  const shift = new Map<string, Point>();
  const g = groups.map((b) => ({ ...b }));
  const l = loose.map((b) => ({ ...b }));
  const move = (b: Box, dx: number, dy: number) => {
    b.x1 += dx;
    b.x2 += dx;
    b.y1 += dy;
    b.y2 += dy;
    const s = shift.get(b.id) ?? { x: 0, y: 0 };
    shift.set(b.id, { x: s.x + dx, y: s.y + dy });
  };
  // How far b must go (signed, per axis) to clear a, or null when they are clear already.
  const clearance = (a: Box, b: Box, pad: number) => {
    const ox = Math.min(a.x2 + pad - b.x1, b.x2 + pad - a.x1);
    const oy = Math.min(a.y2 + pad - b.y1, b.y2 + pad - a.y1);
    if (ox <= 0 || oy <= 0) return null;
    const dirX = b.x1 + b.x2 >= a.x1 + a.x2 ? 1 : -1;
    const dirY = b.y1 + b.y2 >= a.y1 + a.y2 ? 1 : -1;
    return ox <= oy ? { dx: ox * dirX, dy: 0 } : { dx: 0, dy: oy * dirY };
  };
  for (let round = 0; round < maxRounds; round++) {
    let moved = false;
    for (let i = 0; i < g.length; i++) {
      for (let j = i + 1; j < g.length; j++) {
        const a = g[i];
        const b = g[j];
        const c = clearance(a, b, gap);
        if (!c || (a.fixed && b.fixed)) continue;
        const bShare = a.fixed ? 1 : b.fixed ? 0 : 0.5;
        if (bShare) move(b, c.dx * bShare, c.dy * bShare);
        if (bShare < 1) move(a, -c.dx * (1 - bShare), -c.dy * (1 - bShare));
        moved = true;
      }
    }
    for (const n of l) {
      if (n.fixed) continue;
      for (const a of g) {
        const c = clearance(a, n, gap / 2);
        if (!c) continue;
        move(n, c.dx, c.dy);
        moved = true;
      }
    }
    if (!moved) break;
  }
  return shift;
}

export type Loose = { id: string; x: number; y: number };

/**
 * Places the nodes that belong to no group (roles, concepts, stages, outcomes…) on rings around
 * the groups instead of in a knot between them, which reads far better on a laptop or a
 * projector. Each keeps its direction from the centre as the layout left it, so a role still
 * sits on the side of the perspectives it is linked to; neighbours on a ring alternate between
 * rings so their labels have room. Returns the new position of each node.
 */
export function ringAround(
  groups: Box[],
  loose: Loose[],
  labelWidth = 120,
  gap = 70,
  round = false,
): Map<string, Point> {
  const out = new Map<string, Point>();
  if (groups.length === 0 || loose.length === 0) return out;
  const x1 = Math.min(...groups.map((g) => g.x1));
  const y1 = Math.min(...groups.map((g) => g.y1));
  const x2 = Math.max(...groups.map((g) => g.x2));
  const y2 = Math.max(...groups.map((g) => g.y2));
  const c = { x: (x1 + x2) / 2, y: (y1 + y2) / 2 };
  // An ellipse just outside the groups' box; its corners may reach the ring, where the ring's
  // nodes are spread thinnest.
  // Groups set on a circle (`round`) fill the corners of their box, so the ring is a circle
  // clear of every group's farthest corner instead.
  const reach = Math.max(
    ...groups.flatMap((g) => [
      Math.hypot(g.x1 - c.x, g.y1 - c.y),
      Math.hypot(g.x2 - c.x, g.y1 - c.y),
      Math.hypot(g.x1 - c.x, g.y2 - c.y),
      Math.hypot(g.x2 - c.x, g.y2 - c.y),
    ]),
  );
  const rx = round ? reach + gap : ((x2 - x1) / 2) * 1.12 + gap;
  const ry = round ? reach + gap : ((y2 - y1) / 2) * 1.12 + gap;
  const perimeter = Math.PI * (3 * (rx + ry) - Math.sqrt((3 * rx + ry) * (rx + 3 * ry)));
  const rings = Math.max(1, Math.min(4, Math.ceil((loose.length * labelWidth) / perimeter)));
  const angle = (p: Loose) => Math.atan2((p.y - c.y) / ry, (p.x - c.x) / rx);
  const sorted = [...loose].sort((a, b) => angle(a) - angle(b) || a.id.localeCompare(b.id));
  const start = angle(sorted[0]);
  const step = (2 * Math.PI) / sorted.length;
  sorted.forEach((p, i) => {
    const a = start + i * step;
    const k = 1 + ((i % rings) * gap) / Math.min(rx, ry);
    out.set(p.id, { x: c.x + Math.cos(a) * rx * k, y: c.y + Math.sin(a) * ry * k });
  });
  return out;
}

/**
 * The layout of a big pack, computed in one pass instead of by a force layout (which takes
 * seconds at thousands of nodes and leaves a hairball anyway): each group's members in their order on a
 * grid, the groups on a circle (as `seedPositions` places them), the root in the middle, and
 * every other node on rings around the groups, on the side of the groups it is linked to.
 * Nodes in `keep` (the pinned ones) stay where they are.
 */
export function draftLayout(model: GraphModel, keep: Record<string, Point> = {}): Record<string, Point> {
  const positions = { ...seedPositions(model), ...keep };
  const parentOf = new Map(model.nodes.map((n) => [n.id, n.parent]));
  const topOf = (id: string) => {
    let top = id;
    for (let p = parentOf.get(top); p; p = parentOf.get(top)) top = p;
    return top;
  };
  const groups = new Map<string, Box>();
  for (const n of model.nodes) {
    const p = positions[n.id];
    if (!n.parent || !p) continue;
    const id = topOf(n.id);
    const b = groups.get(id) ?? { id, x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
    groups.set(id, {
      id,
      x1: Math.min(b.x1, p.x),
      y1: Math.min(b.y1, p.y),
      x2: Math.max(b.x2, p.x),
      y2: Math.max(b.y2, p.y),
    });
  }
  // A loose node's direction from the centre is that of the middle of what it links to.
  const pull = new Map<string, { x: number; y: number; n: number }>();
  const loose = model.nodes.filter((n) => !n.parent && !groups.has(n.id) && n.kind !== 'framework');
  const isLoose = new Set(loose.map((n) => n.id));
  const towards = (from: string, to: string) => {
    const p = positions[to];
    if (!isLoose.has(from) || isLoose.has(to) || !p) return;
    const s = pull.get(from) ?? { x: 0, y: 0, n: 0 };
    pull.set(from, { x: s.x + p.x, y: s.y + p.y, n: s.n + 1 });
  };
  for (const e of model.edges) {
    towards(e.source, e.target);
    towards(e.target, e.source);
  }
  const unpinned = loose
    .filter((n) => !(n.id in keep))
    .map((n) => {
      const s = pull.get(n.id);
      return { id: n.id, ...(s ? { x: s.x / s.n, y: s.y / s.n } : positions[n.id]) };
    });
  for (const [id, p] of ringAround([...groups.values()], unpinned, 120, 70, true))
    positions[id] = { x: Math.round(p.x), y: Math.round(p.y) };
  // With three groups or more the circle leaves its middle free for the root.
  if (groups.size >= 3)
    for (const n of model.nodes)
      if (n.kind === 'framework' && !(n.id in keep) && !n.parent) positions[n.id] = { x: 0, y: 0 };
  return positions;
}
