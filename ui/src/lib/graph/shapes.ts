// Node shapes as SVG paths, matching Cytoscape's shape names, for the legend and the SVG export.

const polygons: Record<string, [number, number][]> = {
  triangle: [
    [0, -1],
    [1, 1],
    [-1, 1],
  ],
  diamond: [
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, 0],
  ],
  hexagon: [
    [-1, 0],
    [-0.5, -1],
    [0.5, -1],
    [1, 0],
    [0.5, 1],
    [-0.5, 1],
  ],
  octagon: [
    [-0.414, -1],
    [0.414, -1],
    [1, -0.414],
    [1, 0.414],
    [0.414, 1],
    [-0.414, 1],
    [-1, 0.414],
    [-1, -0.414],
  ],
  star: Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 ? 0.382 : 1;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return [r * Math.cos(a), r * Math.sin(a)] as [number, number];
  }),
};

const n = (v: number) => String(Math.round(v * 100) / 100);

/** An SVG path for a shape of size w×h centred at (cx, cy). Rounded variants round the joins. */
export function shapePath(shape: string, cx: number, cy: number, w: number, h: number): string {
  const base = shape.replace(/^(round|cut|concave)-/, '');
  const rx = w / 2;
  const ry = h / 2;
  if (
    base === 'rectangle' ||
    base === 'square' ||
    base === 'tag' ||
    base === 'barrel' ||
    base === 'bottom-round-rectangle'
  ) {
    const r = shape.startsWith('round') || base !== 'rectangle' ? Math.min(w / 4, h / 4, 8) : 0;
    const x1 = cx - rx;
    const y1 = cy - ry;
    if (!r) return `M${n(x1)} ${n(y1)}h${n(w)}v${n(h)}h${n(-w)}Z`;
    return (
      `M${n(x1 + r)} ${n(y1)}h${n(w - 2 * r)}a${n(r)} ${n(r)} 0 0 1 ${n(r)} ${n(r)}v${n(h - 2 * r)}` +
      `a${n(r)} ${n(r)} 0 0 1 ${n(-r)} ${n(r)}h${n(-(w - 2 * r))}a${n(r)} ${n(r)} 0 0 1 ${n(-r)} ${n(-r)}` +
      `v${n(-(h - 2 * r))}a${n(r)} ${n(r)} 0 0 1 ${n(r)} ${n(-r)}Z`
    );
  }
  const points = polygons[base];
  if (!points) {
    // Ellipse, and any shape without a polygon here.
    return `M${n(cx - rx)} ${n(cy)}a${n(rx)} ${n(ry)} 0 1 0 ${n(w)} 0a${n(rx)} ${n(ry)} 0 1 0 ${n(-w)} 0Z`;
  }
  return points.map(([px, py], i) => `${i ? 'L' : 'M'}${n(cx + px * rx)} ${n(cy + py * ry)}`).join('') + 'Z';
}

/** Whether the shape's corners are drawn rounded (SVG: stroke-linejoin round). */
export const isRound = (shape: string) => shape.startsWith('round');
