// The scene a pack's graph opens on, laid out to be read at Fit: each perspective a card listing
// its capabilities one under the other (label beside its node, wrapped to a measured width), the
// cards on a grid, the framework beside them; and the links between groups drawn as one weighted
// line per pair of groups. Pure: text is measured through a function, so the layout is tested
// without a canvas and computed in the app with the font Cytoscape draws in.
//
// Why not fcose here: a force layout places nodes, not their labels, and cannot promise that 49
// wrapped labels neither overlap nor shrink below a readable size at Fit. A list per card can,
// by construction, and it is deterministic, so the map stays put. What is outside the scene
// waits on rings around it (`ringAround`, layout.ts) until a filter, the lens or a focus shows it.
import type { Point } from '../platform';
import type { GraphModel } from './filters';
import { ringAround, seedPositions, type Box } from './layout';

/** The font Cytoscape draws labels in (its default family). */
export const LABEL_FONT = 'Helvetica Neue, Helvetica, sans-serif';
/** A capability's label size in the scene, in model units. */
export const SCENE_FONT = 12;
/** A capability's node in the scene: small, its label beside it carries it. */
export const SCENE_NODE = { width: 16, height: 14 };
/** From a capability's node to its label. */
export const LABEL_GAP = 6;
/** A card's padding around its list (the compound's `padding`). */
export const CARD_PADDING = 12;
/** A card title's size and its gap above the card (model units); the title sits outside the box. */
export const TITLE_FONT = 18;
export const TITLE_GAP = 6;
/** The framework's label: size and wrap width. */
export const ROOT_FONT = 16;
export const ROOT_WIDTH = 120;
/** Between two capabilities' labels, and between two cards. */
const ROW_GAP = 8;
const CARD_GAP = 30;
/** The wrap widths and column counts tried; the one framing largest in the free area wins. */
const WIDTHS = [140, 170, 200, 240];
/** The free area's width to height, when the layout is made before the canvas has a size. */
export const DEFAULT_ASPECT = 1.4;

/** Width of `text` at `px` (bold or not), in model units. */
export type Measure = (text: string, px: number, bold?: boolean) => number;

/** An estimate for tests and for a page without a canvas: about 0.6 em per character. */
export const roughMeasure: Measure = (text, px, bold = false) => text.length * px * (bold ? 0.64 : 0.58);

/** Text widths in the font Cytoscape draws labels in, so the scene wraps them as it will. */
export function canvasMeasure(): Measure {
  const c2d = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
  if (!c2d) return roughMeasure;
  return (text, px, bold = false) => {
    c2d.font = `normal ${bold ? 'bold' : 'normal'} ${px}px ${LABEL_FONT}`;
    return Math.ceil(c2d.measureText(text).width);
  };
}

/** The lines Cytoscape wraps `text` into at `maxWidth` (its algorithm: greedy, at white space). */
export function wrapLines(text: string, maxWidth: number, px: number, measure: Measure): string[] {
  if (measure(text, px) <= maxWidth) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (!line || measure(next, px) <= maxWidth) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

interface Card {
  id: string;
  /** Members with their offset from the card's content top left (model units). */
  rows: { id: string; x: number; y: number }[];
  width: number;
  height: number;
  /** The title's width, which may be wider than the card. */
  title: number;
}

type Members = Map<string, { id: string; title: string }[]>;

/**
 * A group's card: its members listed, each row as tall as its wrapped label. A member that is a
 * group itself is a box within the card: its title, then its own members, indented.
 */
function cardOf(id: string, title: string, members: Members, wrap: number, m: Measure): Card {
  const rows: Card['rows'] = [];
  let widest = 0;
  const list = (ids: { id: string; title: string }[], indent: number, top: number): number => {
    let y = top;
    for (const n of ids) {
      const inner = members.get(n.id);
      if (inner) {
        widest = Math.max(widest, indent + m(n.title, TITLE_FONT, true));
        y = list(inner, indent + CARD_PADDING, y + TITLE_FONT + TITLE_GAP + CARD_PADDING) + CARD_PADDING + ROW_GAP;
        continue;
      }
      const lines = wrapLines(n.title, wrap, SCENE_FONT, m);
      const h = Math.max(SCENE_NODE.height, lines.length * SCENE_FONT);
      widest = Math.max(
        widest,
        indent + SCENE_NODE.width + LABEL_GAP + Math.max(...lines.map((l) => m(l, SCENE_FONT))),
      );
      rows.push({ id: n.id, x: indent, y: y + h / 2 });
      y += h + ROW_GAP;
    }
    return y - ROW_GAP;
  };
  const height = Math.max(0, list(members.get(id) ?? [], 0, 0));
  return {
    id,
    rows,
    width: widest + 2 * CARD_PADDING,
    height: height + 2 * CARD_PADDING,
    title: m(title, TITLE_FONT, true),
  };
}

export interface Scene {
  positions: Record<string, Point>;
  /** The wrap width chosen for the members' labels. */
  wrap: number;
  /** Each card's box, its title included. */
  cards: Box[];
}

/**
 * Lays the scene out: the groups' cards on a grid, the root on the left, everything outside
 * the scene on rings around it. Of the wrap widths and column counts tried, the one whose
 * picture fills an area of `aspect` (width / height) at the largest zoom wins.
 */
export function sceneLayout(
  model: GraphModel,
  titleOf: (id: string) => string,
  measure: Measure = roughMeasure,
  aspect = DEFAULT_ASPECT,
): Scene {
  const members: Members = new Map();
  for (const n of model.nodes)
    if (n.parent)
      (members.get(n.parent) ?? members.set(n.parent, []).get(n.parent)!).push({ id: n.id, title: titleOf(n.id) });
  const groups = model.nodes.filter((n) => members.has(n.id) && !n.parent).map((n) => n.id);
  const roots = model.nodes.filter((n) => n.kind === 'framework' && !n.parent).map((n) => n.id);
  const rootWidth = roots.length
    ? Math.max(46, ...roots.map((r) => Math.min(ROOT_WIDTH, measure(titleOf(r), ROOT_FONT, true))))
    : 0;

  let best: (Scene & { zoom: number }) | null = null;
  for (const wrap of WIDTHS) {
    const cards = groups.map((g) => cardOf(g, titleOf(g), members, wrap, measure));
    for (let cols = 1; cols <= Math.max(1, cards.length); cols++) {
      const scene = gridOf(cards, cols, rootWidth, roots);
      const w = scene.box.x2 - scene.box.x1;
      const h = scene.box.y2 - scene.box.y1;
      const zoom = Math.min(aspect / Math.max(w, 1), 1 / Math.max(h, 1));
      if (!best || zoom > best.zoom + 1e-12) best = { positions: scene.positions, cards: scene.cards, wrap, zoom };
    }
  }
  const positions = { ...seedPositions(model), ...(best?.positions ?? {}) };
  // What is outside the scene waits on rings around it, on the side of what it is linked to.
  const placed = new Set(Object.keys(best?.positions ?? {}));
  const cards = best?.cards ?? [];
  if (cards.length) {
    const pull = new Map<string, { x: number; y: number; n: number }>();
    const towards = (from: string, to: string) => {
      if (placed.has(from) || !placed.has(to)) return;
      const s = pull.get(from) ?? { x: 0, y: 0, n: 0 };
      pull.set(from, { x: s.x + positions[to].x, y: s.y + positions[to].y, n: s.n + 1 });
    };
    for (const e of model.edges) {
      towards(e.source, e.target);
      towards(e.target, e.source);
    }
    const loose = model.nodes
      .filter((n) => !placed.has(n.id) && !members.has(n.id) && !n.parent)
      .map((n) => {
        const s = pull.get(n.id);
        return { id: n.id, ...(s ? { x: s.x / s.n, y: s.y / s.n } : positions[n.id]) };
      });
    for (const [id, p] of ringAround(
      cards.map((c, i) => ({ ...c, id: String(i) })),
      loose,
      120,
      90,
      true,
    ))
      positions[id] = { x: Math.round(p.x), y: Math.round(p.y) };
  }
  return { positions, wrap: best?.wrap ?? WIDTHS[0], cards };
}

/** The cards on a grid of `cols` columns, the root to the left of the grid's middle. */
function gridOf(cards: Card[], cols: number, rootWidth: number, roots: string[]) {
  const titleRoom = TITLE_FONT + TITLE_GAP;
  const slot = (c: Card) => Math.max(c.width, c.title);
  const colWidth: number[] = [];
  const rowHeight: number[] = [];
  cards.forEach((c, i) => {
    const col = i % cols;
    const row = Math.floor(i / cols);
    colWidth[col] = Math.max(colWidth[col] ?? 0, slot(c));
    rowHeight[row] = Math.max(rowHeight[row] ?? 0, c.height + titleRoom);
  });
  const left = rootWidth ? rootWidth + CARD_GAP * 2 : 0;
  const colX = colWidth.map((_, i) => left + colWidth.slice(0, i).reduce((s, w) => s + w + CARD_GAP, 0));
  const rowY = rowHeight.map((_, i) => rowHeight.slice(0, i).reduce((s, h) => s + h + CARD_GAP, 0));
  const positions: Record<string, Point> = {};
  const boxes: Box[] = [];
  cards.forEach((c, i) => {
    const x0 = colX[i % cols] + (colWidth[i % cols] - c.width) / 2;
    const y0 = rowY[Math.floor(i / cols)] + titleRoom;
    for (const r of c.rows)
      positions[r.id] = {
        x: Math.round(x0 + CARD_PADDING + SCENE_NODE.width / 2),
        y: Math.round(y0 + CARD_PADDING + r.y),
      };
    const mid = x0 + c.width / 2;
    const half = Math.max(c.width, c.title) / 2;
    boxes.push({ id: c.id, x1: mid - half, y1: y0 - titleRoom, x2: mid + half, y2: y0 + c.height });
  });
  const width = colX.length ? colX[colX.length - 1] + colWidth[colWidth.length - 1] : left;
  const height = rowY.length ? rowY[rowY.length - 1] + rowHeight[rowHeight.length - 1] : 60;
  roots.forEach((r, i) => (positions[r] = { x: Math.round(rootWidth / 2), y: Math.round(height / 2 + i * 80) }));
  return { positions, cards: boxes, box: { x1: 0, y1: 0, x2: width, y2: height } };
}

/** One line per pair of groups linked through their members, carrying how many links it stands for. */
export interface Bundle {
  id: string;
  source: string;
  target: string;
  count: number;
}

/** The top group each node is drawn in (a group stands for itself); none for a loose node. */
function groupsOf(model: GraphModel): Map<string, string> {
  const parentOf = new Map(model.nodes.map((n) => [n.id, n.parent]));
  const isGroup = new Set(model.nodes.map((n) => n.parent).filter((p): p is string => !!p));
  const out = new Map<string, string>();
  for (const n of model.nodes) {
    let top: string | null = isGroup.has(n.id) ? n.id : null;
    for (let p = parentOf.get(n.id); p; p = parentOf.get(p)) top = p;
    if (top) out.set(n.id, top);
  }
  return out;
}

/**
 * The bundles between groups: every link between two groups' members (or the groups
 * themselves) that is shown, counted once per pair of groups, whatever its direction. `gone`
 * holds the hidden elements (filtered kinds of line, hidden ends). Pairs are in the pack's order.
 */
export function bundlesOf(model: GraphModel, gone: ReadonlySet<string> = new Set()): Bundle[] {
  const groupOf = groupsOf(model);
  const order = new Map(model.nodes.map((n, i) => [n.id, i]));
  const counts = new Map<string, Bundle>();
  for (const e of model.edges) {
    if (gone.has(e.id) || gone.has(e.source) || gone.has(e.target)) continue;
    const a = groupOf.get(e.source);
    const b = groupOf.get(e.target);
    if (!a || !b || a === b) continue;
    const [source, target] = order.get(a)! < order.get(b)! ? [a, b] : [b, a];
    const id = `bundle:${source}|${target}`;
    const bundle = counts.get(id) ?? { id, source, target, count: 0 };
    bundle.count++;
    counts.set(id, bundle);
  }
  return [...counts.values()].sort(
    (x, y) => order.get(x.source)! - order.get(y.source)! || order.get(x.target)! - order.get(y.target)!,
  );
}

/**
 * How far a bundle's line bends (model units, perpendicular to it) so it goes round the cards
 * between its ends instead of across their labels: 0 when the straight line crosses no other card.
 */
export function bendOf(a: Box, b: Box, others: Box[]): number {
  const p = { x: (a.x1 + a.x2) / 2, y: (a.y1 + a.y2) / 2 };
  const q = { x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2 };
  const crosses = others.some((o) => segmentHitsBox(p, q, o));
  return crosses ? Math.round(Math.hypot(q.x - p.x, q.y - p.y) * 0.32) : 0;
}

function segmentHitsBox(p: Point, q: Point, o: Box): boolean {
  // Sampled: the cards are large against the step, and this runs for a few dozen pairs.
  for (let t = 0.05; t <= 0.95; t += 0.05) {
    const x = p.x + (q.x - p.x) * t;
    const y = p.y + (q.y - p.y) * t;
    if (x > o.x1 && x < o.x2 && y > o.y1 && y < o.y2) return true;
  }
  return false;
}
