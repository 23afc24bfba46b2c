// Turning the framework view into Cytoscape elements and styles. Kept free of the DOM so the
// mapping is unit-tested; GraphView.svelte only mounts what this produces.
import type { ElementDefinition, StylesheetJson } from 'cytoscape';
import type { FrameworkView } from '../platform';
import {
  CARD_PADDING,
  LABEL_GAP,
  ROOT_FONT,
  ROOT_WIDTH,
  SCENE_FONT,
  SCENE_NODE,
  TITLE_FONT,
  TITLE_GAP,
  type Bundle,
} from './scene';

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
 * The line of each edge kind: a colour per theme (each at least 4:1 against the canvas
 * background) and a dash pattern, so kinds are told apart without relying on colour alone.
 */
export interface EdgeLook {
  light: string;
  dark: string;
  /** `null` for a solid line, else an SVG/Cytoscape dash pattern in pixels. */
  dash: number[] | null;
  width: number;
  arrow: boolean;
}

export const EDGE_STYLE: Record<string, EdgeLook> = {
  part_of: { light: '#4a5568', dark: '#a0aec0', dash: null, width: 1, arrow: false },
  concerns: { light: '#6b46c1', dark: '#b794f4', dash: [6, 4], width: 1.2, arrow: false },
  references: { light: '#c05621', dark: '#f6ad55', dash: null, width: 2, arrow: true },
  mentions: { light: '#2c7a7b', dark: '#4fd1c5', dash: [2, 3], width: 1.2, arrow: false },
  addresses: { light: '#c53030', dark: '#fc8181', dash: [8, 3, 2, 3], width: 1.5, arrow: true },
  follows: { light: '#975a16', dark: '#f6e05e', dash: null, width: 3, arrow: true },
  drives: { light: '#2f855a', dark: '#68d391', dash: [12, 4], width: 1.5, arrow: true },
};

const EDGE_FALLBACK: EdgeLook = { light: '#718096', dark: '#a0aec0', dash: [4, 4], width: 1, arrow: false };

export function edgeStyle(kind: string): EdgeLook {
  return EDGE_STYLE[kind] ?? EDGE_FALLBACK;
}

/** How each status marks a capability, for the canvas and the legend alike. */
export const STATUS_STYLE: Record<
  string,
  { border: string; style: 'solid' | 'dashed' | 'double'; width: number; faded: boolean }
> = {
  new: { border: '#f6ad55', style: 'solid', width: 3, faded: false },
  enriched: { border: '#38a169', style: 'double', width: 4, faded: false },
  inherited: { border: 'currentColor', style: 'dashed', width: 1, faded: true },
};

/** Colours the heat overlay needs beyond heat.ts: outlines that read on the canvas. */
export function heatOutline(dark: boolean) {
  return dark ? '#e2e8f0' : '#2d3748';
}

/** Cytoscape's text colour and the halo around labels, per theme. */
export function inkOf(dark: boolean) {
  return { text: dark ? '#e2e8f0' : '#1a202c', halo: dark ? '#12141a' : '#f7f8fa' };
}

/**
 * Elements for Cytoscape. Nodes that are `part_of` a non-root node become children of that
 * compound node, and the `part_of` edge itself is left out: the nesting already draws it.
 * Lookups go through maps: packs of thousands of nodes must not cost n² here.
 */
export function toElements(view: FrameworkView): ElementDefinition[] {
  const parents = new Set(view.nodes.map((n) => n.parent).filter((p): p is string => !!p));
  const groups = view.nodes.filter((n) => parents.has(n.id));
  const tint = new Map(groups.map((g, i) => [g.id, GROUP_TINTS[i % GROUP_TINTS.length]]));
  const parentOf = new Map(view.nodes.map((n) => [n.id, n.parent]));
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
    .filter((e) => !(e.kind === 'part_of' && parentOf.get(e.from) === e.to))
    .map((e, i) => ({
      group: 'edges',
      data: { id: `e${i}`, source: e.from, target: e.to, kind: e.kind },
      classes: e.kind,
    }));
  return [...nodes, ...edges];
}

/** The node kinds and edge kinds that actually appear once drawn, in the pack's order. */
export function kindsPresent(view: FrameworkView) {
  const nodeKinds = new Set(view.nodes.map((n) => n.kind));
  const parentOf = new Map(view.nodes.map((n) => [n.id, n.parent]));
  const edgeKinds = new Set(
    view.edges.filter((e) => !(e.kind === 'part_of' && parentOf.get(e.from) === e.to)).map((e) => e.kind),
  );
  const known = (ids: string[], present: Set<string>) => [
    ...ids.filter((k) => present.has(k)),
    ...[...present].filter((k) => !ids.includes(k)),
  ];
  return {
    nodeKinds: known(
      view.kinds.map((k) => k.id),
      nodeKinds,
    ),
    edgeKinds: known(
      view.edge_kinds.map((k) => k.id),
      edgeKinds,
    ),
  };
}

/** Opacity of what is outside the focus or the lens: still there for context, clearly behind. */
export const FADED = 0.12;

/** On-screen label sizes while presenting: read from the back of a room at 1920×1080. */
export const PRESENT_LABEL_PX = 24;
/** The size of a group's title, in model units. */
export const GROUP_FONT_PX = 18;
export const PRESENT_GROUP_PX = 32;

/** The line that stands for the links between two groups, with their count (see scene.ts). */
export function bundleElement(b: Bundle, bend = 0): ElementDefinition {
  return {
    group: 'edges',
    data: { id: b.id, source: b.source, target: b.target, count: b.count, bend },
    classes: 'bundle',
  };
}

/**
 * The stylesheet. `scene` (a small pack, laid out as the scene with members' labels wrapped at
 * `wrap`) lists members with their label beside them, draws the lines between groups as bundles
 * and a node's own lines only while it is hovered, selected or in focus (class `lit`).
 */
export function graphStyle(
  dark: boolean,
  large = false,
  presenting = false,
  scene: { wrap: number } | null = null,
): StylesheetJson {
  const { text, halo } = inkOf(dark);
  const outline = heatOutline(dark);
  const edgeKinds: StylesheetJson = Object.entries(EDGE_STYLE).map(([kind, look]) => ({
    selector: `edge.${kind}`,
    style: {
      width: look.width,
      'line-color': dark ? look.dark : look.light,
      'line-style': look.dash ? 'dashed' : 'solid',
      ...(look.dash ? { 'line-dash-pattern': look.dash } : {}),
      // Haystack lines (used for big graphs) cannot carry arrows.
      'target-arrow-shape': look.arrow && !large ? 'triangle' : 'none',
      'target-arrow-color': dark ? look.dark : look.light,
      'arrow-scale': 0.8,
      // Who-is-concerned and mentions lines are many and mostly context: drawn quietly so
      // the cross-references, the framework's own argument, stand out.
      opacity: kind === 'concerns' || kind === 'mentions' ? 0.3 : kind === 'part_of' ? 0.5 : 0.9,
    },
  }));
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
        // A big pack's members sit on a grid 70 units apart (see layout.ts): their labels wrap
        // within that, so neighbours' words do not run into each other.
        'text-max-width': large ? '62px' : '110px',
        'text-outline-color': halo,
        'text-outline-width': 2,
        width: 18,
        height: 18,
        // Below this on-screen size labels are skipped: unreadable anyway, and costly.
        'min-zoomed-font-size': large ? 8 : 0,
      },
    },
    {
      selector: 'node.capability',
      style: { width: 26, height: 18, 'font-size': 10 },
    },
    {
      selector: 'node.inherited',
      style: { 'background-opacity': 0.45, 'border-width': 1, 'border-style': 'dashed', 'border-color': 'data(color)' },
    },
    {
      selector: 'node.new',
      style: { 'border-width': STATUS_STYLE.new.width, 'border-color': STATUS_STYLE.new.border },
    },
    {
      selector: 'node.enriched',
      style: {
        'border-width': STATUS_STYLE.enriched.width,
        'border-style': 'double',
        'border-color': STATUS_STYLE.enriched.border,
      },
    },
    {
      selector: 'node.group',
      style: {
        'background-opacity': dark ? 0.16 : 0.08,
        'border-width': 2,
        'border-style': 'solid',
        'border-color': 'data(color)',
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -6,
        'font-size': GROUP_FONT_PX,
        'font-weight': 'bold',
        // The group's title is where people click to open the perspective.
        'text-events': 'yes',
        color: dark ? text : 'data(color)',
        padding: '18px',
      },
    },
    {
      selector: 'node.framework',
      style: { width: 46, height: 46, 'font-size': 16, 'font-weight': 'bold' },
    },
    // Heat overlay: the fill says the value; the two states without a value are told apart by
    // their outline as well, so "not assessed" never reads as level 0.
    {
      selector: 'node.heat',
      style: {
        'background-color': 'data(heat)',
        'background-opacity': 1,
        'border-width': 1,
        'border-style': 'solid',
        'border-color': outline,
      },
    },
    {
      selector: 'node.heat-none',
      style: { 'background-opacity': 0, 'border-width': 2, 'border-style': 'dashed', 'border-color': outline },
    },
    {
      selector: 'node.heat-na',
      style: {
        'background-color': '#a0aec0',
        'background-opacity': 1,
        'border-width': 2,
        'border-style': 'dotted',
        'border-color': outline,
      },
    },
    {
      selector: 'edge',
      style: {
        // Edges cross group titles and nodes everywhere; they must not swallow clicks meant
        // for what lies beneath.
        events: 'no',
        width: 1,
        'line-color': dark ? '#a0aec0' : '#718096',
        'curve-style': large ? 'haystack' : 'straight',
        opacity: 0.7,
      },
    },
    ...edgeKinds,
    ...(scene ? sceneStyle(dark, scene.wrap) : []),
    {
      selector: 'node.lens-hit',
      // Colour and weight only: the heat overlay's dashed and dotted outlines must survive.
      style: { 'border-width': 3, 'border-color': dark ? '#f6ad55' : '#b45309' },
    },
    {
      selector: 'node:selected',
      style: { 'border-width': 4, 'border-color': '#f6ad55', 'border-style': 'solid' },
    },
    // Fading: whole-element opacity for leaves and edges. A compound's opacity would also fade
    // its children, so groups fade their own fill, outline and title instead.
    { selector: '.faded', style: { opacity: FADED } },
    {
      selector: 'node.faded:parent',
      style: { opacity: 1, 'background-opacity': 0.03, 'border-opacity': FADED, 'text-opacity': FADED },
    },
    // A group whose kind is filtered out while some of its members are shown: no box, no title.
    {
      selector: 'node.ghost',
      style: {
        'background-opacity': 0,
        'border-width': 0,
        'border-opacity': 0,
        'text-opacity': 0,
        events: 'no',
        'text-events': 'no',
      },
    },
    // Filtering hides without removing, so positions stay and no layout runs.
    { selector: '.hidden', style: { display: 'none' } },
    // The invisible corners that keep a big graph's group the size of all its members, while
    // only some of them are in the graph (see graph/members.ts).
    { selector: 'node.anchor', style: { visibility: 'hidden', events: 'no', width: 1, height: 1, label: '' } },
    // The path between two nodes (see path.ts) is drawn over every filter, bundle and fade.
    ...pathStyle(dark),
    ...(presenting ? projectorStyle(!!scene) : []),
  ];
}

/** The path between two nodes: its links thick and in the accent colour, its nodes ringed. */
function pathStyle(dark: boolean): StylesheetJson {
  const accent = dark ? '#f6ad55' : '#a84b08';
  return [
    {
      selector: 'edge.path',
      style: {
        display: 'element',
        opacity: 1,
        width: 4,
        'line-color': accent,
        'line-style': 'solid',
        'target-arrow-color': accent,
        'z-index': 20,
      },
    },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': accent, 'border-style': 'solid' } },
  ];
}

/** The scene's additions (see `graphStyle`); before the filters' classes, which override them. */
function sceneStyle(dark: boolean, wrap: number): StylesheetJson {
  const { text, halo } = inkOf(dark);
  return [
    {
      selector: 'node:child:childless',
      style: {
        width: SCENE_NODE.width,
        height: SCENE_NODE.height,
        'font-size': SCENE_FONT,
        'text-halign': 'right',
        'text-valign': 'center',
        'text-margin-x': LABEL_GAP,
        'text-margin-y': 0,
        'text-max-width': `${wrap}px`,
        'text-justification': 'left',
      },
    },
    // A card's title on one line: the layout made the card as wide as its titles (scene.ts).
    {
      selector: 'node.group',
      style: {
        padding: `${CARD_PADDING}px`,
        'font-size': TITLE_FONT,
        'text-margin-y': -TITLE_GAP,
        'text-wrap': 'none',
      },
    },
    { selector: 'node.framework', style: { 'font-size': ROOT_FONT, 'text-max-width': `${ROOT_WIDTH}px` } },
    // A member's own lines are drawn while it is hovered, selected or in focus; between groups,
    // the bundles stand for them.
    { selector: 'edge', style: { display: 'none' } },
    { selector: 'edge.lit', style: { display: 'element', opacity: 0.95 } },
    {
      selector: 'edge.bundle',
      style: {
        display: 'element',
        width: 'mapData(count, 1, 12, 1.5, 7)',
        'line-color': dark ? '#718096' : '#a0aec0',
        'line-style': 'solid',
        opacity: 0.7,
        'curve-style': 'unbundled-bezier',
        'control-point-distances': 'data(bend)' as never,
        'control-point-weights': 0.5 as never,
        'target-arrow-shape': 'none',
        label: 'data(count)',
        'font-size': 11,
        'font-weight': 'bold',
        color: text,
        'text-background-color': halo,
        'text-background-opacity': 1,
        'text-background-padding': '2px',
        'text-background-shape': 'round-rectangle',
        'z-index': 0,
      } as never,
    },
  ];
}

/** The smallest label the projector draws, in CSS pixels on screen. */
export const PRESENT_MIN_PX = 20;

/**
 * The projector's additions: no label is drawn smaller than 20 px on screen (GraphView holds the
 * labels in focus and the group titles at a readable size), lines are heavier so they survive a
 * washed-out projector, and the laser ring marks what the facilitator points at. The scene (a
 * `scene` pack) keeps its own type sizes: its cards are laid out and sized for them, and doubling
 * them swelled each card into its neighbours; the camera comes close enough instead (GraphView).
 */
function projectorStyle(scene: boolean): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        ...(scene ? {} : { 'font-size': PRESENT_LABEL_PX, 'text-max-width': '220px' }),
        'min-zoomed-font-size': PRESENT_MIN_PX,
        // The scene is shown at twice its size or more: a thinner halo there is as heavy on
        // screen, and keeps the halos of a card's stacked labels from running into each other.
        'text-outline-width': scene ? 1.5 : 3,
        color: '#ffffff',
        'text-outline-color': '#05070c',
      },
    },
    { selector: 'node.group', style: { 'font-size': PRESENT_GROUP_PX, 'border-width': 3 } },
    { selector: 'edge', style: { width: 2 } },
    { selector: 'node.faded:childless', style: { opacity: 0.1 } },
    // Lines the step is not about are left out: at any opacity, a hundred of them crossing the
    // frame are a thicket the room reads before the step.
    { selector: 'edge.faded, edge.unlabelled', style: { opacity: 0 } },
    // Faded context is there for its shape, not to be read: small grey words on a projector
    // are noise.
    { selector: 'node.faded', style: { 'text-opacity': 0 } },
    // A label the projector leaves out so those it draws neither collide nor shrink; its node
    // and lines fade with it (graph/legible). A group's card stays: it holds its members.
    { selector: 'node.unlabelled', style: { 'text-opacity': 0 } },
    { selector: 'node.unlabelled:childless', style: { opacity: 0.1 } },
    { selector: 'node:selected', style: { 'border-width': 6, 'border-color': '#ffd166' } },
    {
      selector: 'node.laser',
      style: {
        'underlay-color': '#ff3b30',
        'underlay-opacity': 0.55,
        'underlay-padding': 10,
        'underlay-shape': 'ellipse',
        'border-width': 4,
        'border-color': '#ff3b30',
      } as never,
    },
  ];
}
