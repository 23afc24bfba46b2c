// Turning the framework view into Cytoscape elements and styles. Kept free of the DOM so the
// mapping is unit-tested; GraphView.svelte only mounts what this produces.
import type { ElementDefinition, StylesheetJson } from 'cytoscape';
import type { FrameworkView } from '../platform';

/** The look of each node kind: a shape and a colour, shown in the legend too. */
export const KIND_STYLE: Record<string, { shape: string; color: string }> = {
  framework: { shape: 'round-octagon', color: '#1f4e79' },
  perspective: { shape: 'round-rectangle', color: '#4a5568' },
  capability: { shape: 'round-rectangle', color: '#2b6cb0' },
  stakeholder: { shape: 'ellipse', color: '#805ad5' },
  stage: { shape: 'round-hexagon', color: '#dd6b20' },
  domain: { shape: 'round-diamond', color: '#319795' },
  outcome: { shape: 'star', color: '#d69e2e' },
  concept: { shape: 'ellipse', color: '#718096' },
  component: { shape: 'round-triangle', color: '#c53030' },
};

const FALLBACK = { shape: 'ellipse', color: '#718096' };

/** Perspective tints, by position, so a pack's groups are told apart. */
const GROUP_TINTS = ['#2b6cb0', '#b7791f', '#6b46c1', '#2f855a', '#c53030', '#2c7a7b', '#97266d', '#4a5568'];

export function kindStyle(kind: string) {
  return KIND_STYLE[kind] ?? FALLBACK;
}

/**
 * Elements for Cytoscape. Nodes that are `part_of` a non-root node become children of that
 * compound node, and the `part_of` edge itself is left out: the nesting already draws it.
 */
export function toElements(view: FrameworkView): ElementDefinition[] {
  const groups = view.nodes.filter((n) => view.nodes.some((c) => c.parent === n.id));
  const tint = new Map(groups.map((g, i) => [g.id, GROUP_TINTS[i % GROUP_TINTS.length]]));
  const nodes: ElementDefinition[] = view.nodes.map((n) => ({
    group: 'nodes',
    data: {
      id: n.id,
      label: n.title,
      kind: n.kind,
      status: n.status ?? '',
      parent: n.parent ?? undefined,
      color: tint.get(n.id) ?? (n.parent ? tint.get(n.parent) : undefined) ?? kindStyle(n.kind).color,
      shape: kindStyle(n.kind).shape,
    },
    classes: [n.kind, tint.has(n.id) ? 'group' : '', n.status ?? ''].filter(Boolean).join(' '),
  }));
  const edges: ElementDefinition[] = view.edges
    .filter((e) => !(e.kind === 'part_of' && view.nodes.find((n) => n.id === e.from)?.parent === e.to))
    .map((e, i) => ({
      group: 'edges',
      data: { id: `e${i}`, source: e.from, target: e.to, kind: e.kind },
      classes: e.kind,
    }));
  return [...nodes, ...edges];
}

export function graphStyle(dark: boolean): StylesheetJson {
  const text = dark ? '#e2e8f0' : '#1a202c';
  const halo = dark ? '#171923' : '#ffffff';
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        shape: 'data(shape)' as never,
        'background-color': 'data(color)',
        color: text,
        'font-size': 11,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '110px',
        'text-outline-color': halo,
        'text-outline-width': 2,
        width: 18,
        height: 18,
      },
    },
    {
      selector: 'node.capability',
      style: { width: 26, height: 18, 'font-size': 10 },
    },
    {
      selector: 'node.capability.inherited',
      style: { 'background-opacity': 0.45, 'border-width': 1, 'border-style': 'dashed', 'border-color': 'data(color)' },
    },
    {
      selector: 'node.capability.new',
      style: { 'border-width': 3, 'border-color': '#f6ad55' },
    },
    {
      selector: 'node.group',
      style: {
        'background-opacity': dark ? 0.16 : 0.08,
        'border-width': 2,
        'border-color': 'data(color)',
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -6,
        'font-size': 18,
        'font-weight': 'bold',
        // The group's title is where people click to open the perspective.
        'text-events': 'yes',
        color: 'data(color)',
        padding: '18px',
      },
    },
    {
      selector: 'node.framework',
      style: { width: 46, height: 46, 'font-size': 16, 'font-weight': 'bold' },
    },
    {
      selector: 'node:selected',
      style: { 'border-width': 4, 'border-color': '#f6ad55', 'border-style': 'solid' },
    },
    {
      selector: 'edge',
      style: {
        // Edges cross group titles and nodes everywhere; they must not swallow clicks meant
        // for what lies beneath.
        events: 'no',
        width: 1,
        'line-color': dark ? '#4a5568' : '#cbd5e0',
        'curve-style': 'haystack',
        opacity: 0.55,
      },
    },
    {
      selector: 'edge.references',
      style: {
        width: 2,
        'line-color': '#dd6b20',
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': '#dd6b20',
        opacity: 0.9,
      },
    },
    {
      selector: 'edge.concerns',
      style: { 'line-style': 'dashed', 'line-color': '#805ad5', opacity: 0.45 },
    },
  ];
}
