// SVG export, written here because the known Cytoscape SVG plugin is GPL. A scene is plain data
// (read from Cytoscape's computed styles by `sceneOf`), and `toSvg` turns it into markup, so
// both halves are unit-tested.
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { shapePath } from './shapes';

export interface SceneNode {
  id: string;
  shape: string;
  x: number;
  y: number;
  w: number;
  h: number;
  fill: string;
  fillOpacity: number;
  stroke: string;
  strokeWidth: number;
  strokeStyle: string;
  strokeOpacity: number;
  opacity: number;
  label: string;
  labelColor: string;
  labelSize: number;
  labelWeight: string;
  labelOpacity: number;
  /** A compound group: drawn first, as a rounded box with its title above. */
  group: boolean;
}

export interface SceneEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  width: number;
  dash: number[] | null;
  opacity: number;
  arrow: boolean;
}

export interface Scene {
  nodes: SceneNode[];
  edges: SceneEdge[];
  background: string;
}

export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

const num = (v: number) => String(Math.round(v * 100) / 100);
const LABEL_GAP = 4;

/** The area the scene covers, labels included (estimated from the font size), plus a margin. */
export function sceneBounds(scene: Scene, margin = 20) {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  const add = (ax: number, ay: number, bx: number, by: number) => {
    x1 = Math.min(x1, ax);
    y1 = Math.min(y1, ay);
    x2 = Math.max(x2, bx);
    y2 = Math.max(y2, by);
  };
  for (const n of scene.nodes) {
    add(n.x - n.w / 2, n.y - n.h / 2, n.x + n.w / 2, n.y + n.h / 2);
    if (n.label) {
      const half = n.label.length * n.labelSize * 0.3;
      const ly = labelY(n);
      add(n.x - half, ly - n.labelSize, n.x + half, ly + n.labelSize * 0.3);
    }
  }
  for (const e of scene.edges)
    add(Math.min(e.x1, e.x2), Math.min(e.y1, e.y2), Math.max(e.x1, e.x2), Math.max(e.y1, e.y2));
  if (x1 === Infinity) return { x: 0, y: 0, w: 0, h: 0 };
  return { x: x1 - margin, y: y1 - margin, w: x2 - x1 + 2 * margin, h: y2 - y1 + 2 * margin };
}

// Groups carry their title above the box; other nodes below, as on the canvas.
const labelY = (n: SceneNode) => (n.group ? n.y - n.h / 2 - LABEL_GAP - 2 : n.y + n.h / 2 + LABEL_GAP + n.labelSize);

function dashOf(style: string, width: number): string | null {
  if (style === 'dashed') return `${num(width * 3)} ${num(width * 2)}`;
  if (style === 'dotted') return `${num(width)} ${num(width * 1.5)}`;
  return null;
}

function nodeSvg(n: SceneNode): string {
  const attrs = [
    `d="${shapePath(n.group ? 'round-rectangle' : n.shape, n.x, n.y, n.w, n.h)}"`,
    `fill="${escapeXml(n.fill)}"`,
  ];
  if (n.fillOpacity < 1) attrs.push(`fill-opacity="${num(n.fillOpacity)}"`);
  if (n.strokeWidth > 0) {
    attrs.push(`stroke="${escapeXml(n.stroke)}"`, `stroke-width="${num(n.strokeWidth)}"`, 'stroke-linejoin="round"');
    if (n.strokeOpacity < 1) attrs.push(`stroke-opacity="${num(n.strokeOpacity)}"`);
    const dash = dashOf(n.strokeStyle, n.strokeWidth);
    if (dash) attrs.push(`stroke-dasharray="${dash}"`);
  }
  if (n.opacity < 1) attrs.push(`opacity="${num(n.opacity)}"`);
  let out = `<path data-id="${escapeXml(n.id)}" ${attrs.join(' ')}/>`;
  if (n.label) {
    const t = [
      `x="${num(n.x)}"`,
      `y="${num(labelY(n))}"`,
      'text-anchor="middle"',
      `font-size="${num(n.labelSize)}"`,
      `fill="${escapeXml(n.labelColor)}"`,
    ];
    if (n.labelWeight !== 'normal') t.push(`font-weight="${escapeXml(n.labelWeight)}"`);
    const o = n.labelOpacity * n.opacity;
    if (o < 1) t.push(`opacity="${num(o)}"`);
    out += `<text ${t.join(' ')}>${escapeXml(n.label)}</text>`;
  }
  return out;
}

function edgeSvg(e: SceneEdge): string {
  const attrs = [
    `x1="${num(e.x1)}"`,
    `y1="${num(e.y1)}"`,
    `x2="${num(e.x2)}"`,
    `y2="${num(e.y2)}"`,
    `stroke="${escapeXml(e.color)}"`,
    `stroke-width="${num(e.width)}"`,
  ];
  if (e.dash) attrs.push(`stroke-dasharray="${e.dash.map(num).join(' ')}"`);
  if (e.opacity < 1) attrs.push(`opacity="${num(e.opacity)}"`);
  if (e.arrow) attrs.push(`marker-end="url(#arrow-${markerId(e.color)})"`);
  return `<line ${attrs.join(' ')}/>`;
}

const markerId = (color: string) => color.replace(/[^a-zA-Z0-9]/g, '');

/** A standalone SVG document of the scene: groups, then edges, then nodes and labels. */
export function toSvg(scene: Scene, title = 'Graph'): string {
  const b = sceneBounds(scene);
  const colours = [...new Set(scene.edges.filter((e) => e.arrow).map((e) => e.color))];
  const markers = colours
    .map(
      (c) =>
        `<marker id="arrow-${markerId(c)}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0L10 5L0 10Z" fill="${escapeXml(c)}"/></marker>`,
    )
    .join('');
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${num(b.x)} ${num(b.y)} ${num(b.w)} ${num(b.h)}" width="${num(b.w)}" height="${num(b.h)}" font-family="system-ui, sans-serif">`,
    `<title>${escapeXml(title)}</title>`,
    markers ? `<defs>${markers}</defs>` : '',
    `<rect x="${num(b.x)}" y="${num(b.y)}" width="${num(b.w)}" height="${num(b.h)}" fill="${escapeXml(scene.background)}"/>`,
    ...scene.nodes.filter((n) => n.group).map(nodeSvg),
    ...scene.edges.map(edgeSvg),
    ...scene.nodes.filter((n) => !n.group).map(nodeSvg),
    '</svg>',
  ];
  return parts.join('\n');
}

const numeric = (ele: NodeSingular | EdgeSingular, name: string) => {
  const v = ele.numericStyle(name);
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
};

function endpoints(e: EdgeSingular) {
  try {
    const s = e.sourceEndpoint();
    const t = e.targetEndpoint();
    if (Number.isFinite(s.x) && Number.isFinite(t.x)) return { s, t };
  } catch {
    // Headless Cytoscape has no rendered edge geometry; centre to centre will do.
  }
  return { s: e.source().position(), t: e.target().position() };
}

function dashPattern(pattern: unknown, style: string): number[] {
  const values = Array.isArray(pattern) ? pattern : typeof pattern === 'string' ? pattern.split(/[\s,]+/) : [];
  const nums = values.map(Number).filter((v) => Number.isFinite(v) && v > 0);
  return nums.length ? nums : style === 'dotted' ? [1, 2] : [6, 3];
}

/** What is on screen now, read from Cytoscape: only displayed elements, with their opacity. */
export function sceneOf(cy: Core, background: string): Scene {
  const nodes: SceneNode[] = [];
  cy.nodes().forEach((n) => {
    // A ghost group is displayed only to hold its members; it has nothing to draw.
    if (!n.visible() || n.hasClass('ghost')) return;
    const group = n.isParent();
    const box = group ? n.boundingBox({ includeLabels: false, includeOverlays: false }) : null;
    const p = n.position();
    nodes.push({
      id: n.id(),
      shape: String(n.style('shape')),
      x: box ? (box.x1 + box.x2) / 2 : p.x,
      y: box ? (box.y1 + box.y2) / 2 : p.y,
      w: box ? box.w : n.width(),
      h: box ? box.h : n.height(),
      fill: String(n.style('background-color')),
      fillOpacity: numeric(n, 'background-opacity'),
      stroke: String(n.style('border-color')),
      strokeWidth: numeric(n, 'border-width'),
      strokeStyle: String(n.style('border-style')),
      strokeOpacity: numeric(n, 'border-opacity'),
      opacity: n.effectiveOpacity(),
      label: String(n.data('label') ?? ''),
      labelColor: String(n.style('color')),
      labelSize: numeric(n, 'font-size') || 11,
      labelWeight: String(n.style('font-weight')),
      labelOpacity: numeric(n, 'text-opacity'),
      group,
    });
  });
  const edges: SceneEdge[] = [];
  cy.edges().forEach((e) => {
    if (!e.visible()) return;
    const { s, t } = endpoints(e);
    const dashed = e.style('line-style') !== 'solid';
    const pattern = e.style('line-dash-pattern') as unknown;
    edges.push({
      x1: s.x,
      y1: s.y,
      x2: t.x,
      y2: t.y,
      color: String(e.style('line-color')),
      width: numeric(e, 'width'),
      dash: dashed ? dashPattern(pattern, String(e.style('line-style'))) : null,
      opacity: e.effectiveOpacity(),
      arrow: e.style('target-arrow-shape') !== 'none',
    });
  });
  return { nodes, edges, background };
}
