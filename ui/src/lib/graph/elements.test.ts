import { describe, expect, it } from 'vitest';
import { fakeFramework } from '../platform/fake';
import { edgeStyle, graphStyle, kindsPresent, toElements } from './elements';

describe('toElements', () => {
  const elements = toElements(fakeFramework);
  const node = (id: string) => elements.find((e) => e.group === 'nodes' && e.data.id === id)!;

  it('nests capabilities inside their perspective so the groups are drawn', () => {
    expect(node('a-one').data.parent).toBe('alpha');
    expect(node('alpha').classes).toContain('group');
  });

  it('does not draw a part_of edge that the nesting already shows', () => {
    const partOf = elements.filter((e) => e.group === 'edges' && e.data.kind === 'part_of');
    // Only the links to the root are left: perspectives and stages are part of the framework.
    expect(partOf.map((e) => e.data.source).sort()).toEqual(['align', 'alpha', 'beta', 'envision', 'launch', 'scale']);
  });

  it('keeps cross-references as edges with their kind as a class', () => {
    const refs = elements.filter((e) => e.group === 'edges' && e.data.kind === 'references');
    expect(refs).toHaveLength(1);
    expect(refs[0].classes).toBe('references');
  });

  it('colours a capability like its perspective', () => {
    expect(node('a-one').data.color).toBe(node('alpha').data.color);
    expect(node('a-one').data.color).not.toBe(node('b-one').data.color);
  });
});

describe('edge and node looks', () => {
  it('gives every edge kind of the built-in pack its own colour and line', () => {
    const kinds = ['part_of', 'concerns', 'references', 'mentions', 'addresses', 'follows', 'drives'];
    const looks = kinds.map((k) => edgeStyle(k));
    for (const theme of ['light', 'dark'] as const) {
      expect(new Set(looks.map((l) => l[theme])).size).toBe(kinds.length);
    }
    // Not by colour alone: solid, dashed and dotted patterns and widths differ too.
    expect(new Set(looks.map((l) => `${l.dash?.join(',')}/${l.width}`)).size).toBe(kinds.length);
  });

  it('lists only the kinds the graph draws, in the pack order', () => {
    expect(kindsPresent(fakeFramework)).toEqual({
      nodeKinds: ['framework', 'perspective', 'capability', 'stakeholder', 'stage'],
      edgeKinds: ['part_of', 'concerns', 'references'],
    });
  });

  it('styles hiding, fading and the heat states', () => {
    const selectors = graphStyle(false).map((s) => ('selector' in s ? s.selector : ''));
    for (const s of [
      '.hidden',
      '.faded',
      'node.faded:parent',
      'node.heat',
      'node.heat-none',
      'node.heat-na',
      'edge.mentions',
    ]) {
      expect(selectors).toContain(s);
    }
    const hidden = graphStyle(false).find((s) => 'selector' in s && s.selector === '.hidden')!;
    expect('style' in hidden && hidden.style).toEqual({ display: 'none' });
  });
});
