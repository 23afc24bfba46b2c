import { describe, expect, it } from 'vitest';
import { fakeFramework } from '../platform/fake';
import { toElements } from './elements';

describe('toElements', () => {
  const elements = toElements(fakeFramework);
  const node = (id: string) => elements.find((e) => e.group === 'nodes' && e.data.id === id)!;

  it('nests capabilities inside their perspective so the groups are drawn', () => {
    expect(node('a-one').data.parent).toBe('alpha');
    expect(node('alpha').classes).toContain('group');
  });

  it('does not draw a part_of edge that the nesting already shows', () => {
    const partOf = elements.filter((e) => e.group === 'edges' && e.data.kind === 'part_of');
    expect(partOf.map((e) => e.data.source)).toEqual(['alpha', 'beta']);
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
