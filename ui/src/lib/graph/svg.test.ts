import { describe, expect, it } from 'vitest';
import cytoscape from 'cytoscape';
import { fakeFramework } from '../platform/fake';
import { graphStyle, toElements } from './elements';
import { escapeXml, sceneBounds, sceneOf, toSvg, type Scene, type SceneNode } from './svg';

const node = (over: Partial<SceneNode>): SceneNode => ({
  id: 'n',
  shape: 'ellipse',
  x: 0,
  y: 0,
  w: 20,
  h: 20,
  fill: '#123456',
  fillOpacity: 1,
  stroke: '#000000',
  strokeWidth: 0,
  strokeStyle: 'solid',
  strokeOpacity: 1,
  opacity: 1,
  label: '',
  labelColor: '#000000',
  labelSize: 10,
  labelWeight: 'normal',
  labelOpacity: 1,
  group: false,
  ...over,
});

function headless() {
  const view = {
    ...fakeFramework,
    nodes: fakeFramework.nodes.map((n) => (n.id === 'boss' ? { ...n, title: 'Boss <& "Co">' } : n)),
  };
  const cy = cytoscape({ headless: true, styleEnabled: true, elements: toElements(view), style: graphStyle(false) });
  const spots: Record<string, { x: number; y: number }> = {
    mini: { x: 0, y: 0 },
    'a-one': { x: 100, y: 0 },
    'b-one': { x: 300, y: 0 },
    boss: { x: -200, y: 50 },
  };
  cy.nodes().forEach((n) => {
    if (spots[n.id()]) n.position(spots[n.id()]);
  });
  return cy;
}

describe('escapeXml', () => {
  it('escapes every character that could break markup', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;',
    );
  });
});

describe('toSvg', () => {
  it('sets the viewBox to the bounding box of what is drawn, with a margin', () => {
    const scene: Scene = {
      nodes: [node({ x: 10, y: 20, w: 20, h: 10 }), node({ id: 'm', x: 110, y: 70, w: 20, h: 10 })],
      edges: [],
      background: '#fff',
    };
    const svg = toSvg(scene);
    // Nodes span x 0..120 and y 15..75; the margin is 20.
    expect(svg).toContain('viewBox="-20 -5 160 100"');
    expect(sceneBounds(scene)).toEqual({ x: -20, y: -5, w: 160, h: 100 });
  });

  it('escapes labels and keeps faded opacity', () => {
    const svg = toSvg({ nodes: [node({ label: 'R&D <core>', opacity: 0.12 })], edges: [], background: '#fff' });
    expect(svg).toContain('>R&amp;D &lt;core&gt;</text>');
    expect(svg).toContain('opacity="0.12"');
    expect(svg).not.toContain('<core>');
  });

  it('draws dashed edges with an arrow marker in their colour', () => {
    const svg = toSvg({
      nodes: [],
      edges: [{ x1: 0, y1: 0, x2: 10, y2: 10, color: '#c05621', width: 2, dash: [6, 4], opacity: 1, arrow: true }],
      background: '#fff',
    });
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain('marker-end="url(#arrow-c05621)"');
    expect(svg).toContain('<marker id="arrow-c05621"');
  });
});

describe('sceneOf', () => {
  it('reads what Cytoscape draws: groups, fills, edge styles and escaped labels', () => {
    const cy = headless();
    const scene = sceneOf(cy, '#ffffff');
    expect(
      scene.nodes
        .filter((n) => n.group)
        .map((n) => n.id)
        .sort(),
    ).toEqual(['alpha', 'beta']);
    expect(scene.nodes.find((n) => n.id === 'a-one')!.fill).toBe('rgb(43,108,176)');
    const ref = scene.edges.find((e) => e.arrow && e.width === 2)!;
    expect(ref.color).toBe('rgb(192,86,33)');
    const svg = toSvg(scene);
    expect(svg).toContain('Boss &lt;&amp; &quot;Co&quot;&gt;');
    // Parseable XML.
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.querySelectorAll('text').length).toBe(fakeFramework.nodes.length);
  });

  it('leaves out hidden elements and keeps faded ones faded', () => {
    const cy = headless();
    cy.getElementById('boss').addClass('hidden');
    cy.getElementById('b-one').addClass('faded');
    const scene = sceneOf(cy, '#ffffff');
    expect(scene.nodes.map((n) => n.id)).not.toContain('boss');
    // The concerns edge from boss goes with it.
    expect(scene.edges.some((e) => e.dash && e.x1 === -200)).toBe(false);
    expect(scene.nodes.find((n) => n.id === 'b-one')!.opacity).toBeCloseTo(0.12);
    expect(toSvg(scene)).not.toContain('Boss');
  });
});
