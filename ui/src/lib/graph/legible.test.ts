import { describe, expect, it } from 'vitest';
import { legibleLabels, rankOf, type LabelBox } from './legible';

const CANVAS = { x1: 0, y1: 0, x2: 1000, y2: 600 };
const label = (id: string, rank: number, x: number, y: number, links = 0, w = 200, h = 30): LabelBox => ({
  id,
  rank,
  links,
  title: id,
  box: { x1: x, y1: y, x2: x + w, y2: y + h },
});

describe('legibleLabels: which labels the projector draws', () => {
  it('draws every label when none collide', () => {
    const all = [label('a', 0, 0, 0), label('b', 2, 0, 100), label('c', 2, 300, 0)];
    expect(legibleLabels(all, CANVAS)).toEqual(new Set(['a', 'b', 'c']));
  });

  it('leaves out the lesser of two colliding labels, never the step’s own', () => {
    const keep = legibleLabels([label('minor', 2, 10, 10), label('step', 0, 0, 0)], CANVAS);
    expect(keep, 'the step’s node is drawn even over another label').toEqual(new Set(['step']));
  });

  it('prefers the better connected of two colliding nodes, then the title', () => {
    expect(legibleLabels([label('few', 2, 0, 0, 1), label('many', 2, 50, 5, 3)], CANVAS)).toEqual(new Set(['many']));
    expect(legibleLabels([label('b', 2, 0, 0), label('a', 2, 50, 5)], CANVAS)).toEqual(new Set(['a']));
  });

  it('draws labels stacked box to box, as the scene lists them, but not ones that overlap', () => {
    // Cutting every other label of a perspective's list, whose boxes (halo included) meet.
    expect(legibleLabels([label('a', 2, 0, 0), label('b', 2, 0, 30)], CANVAS)).toEqual(new Set(['a', 'b']));
    expect(legibleLabels([label('a', 2, 0, 0), label('b', 2, 0, 28)], CANVAS)).toEqual(new Set(['a']));
  });

  it('draws no label over another node’s shape, nor a node under a label already drawn', () => {
    const shaped = (l: LabelBox, x: number, y: number): LabelBox => ({
      ...l,
      body: { x1: x, y1: y, x2: x + 16, y2: y + 14 },
    });
    // 'root' is the step; 'onto' would write across its shape, 'under' would sit beneath its words.
    const root = shaped(label('root', 0, 100, 100), 80, 108);
    const onto = shaped(label('onto', 2, 40, 105, 5, 50, 13), 0, 0);
    const under = shaped(label('under', 2, 500, 500), 150, 110);
    const clear = shaped(label('clear', 2, 500, 200), 480, 208);
    expect(legibleLabels([root, onto, under, clear], CANVAS)).toEqual(new Set(['root', 'clear']));
    // A group's card is no obstacle: its members' labels are drawn inside it.
    const card = label('card', 1, 0, 300, 0, 400, 20);
    expect(legibleLabels([card, shaped(label('member', 2, 30, 340), 10, 348)], CANVAS)).toEqual(
      new Set(['card', 'member']),
    );
  });

  it('draws no label cut by the canvas edge or under the caption', () => {
    const caption = { x1: 0, y1: 400, x2: 500, y2: 600 };
    const keep = legibleLabels(
      [label('cut', 2, 900, 0), label('under', 2, 100, 450), label('free', 2, 600, 450)],
      CANVAS,
      [caption],
    );
    expect(keep).toEqual(new Set(['free']));
  });
});

describe('rankOf', () => {
  const step = { subject: 'p', reached: new Set(['p', 'c1', 'role', 'g2']), parts: new Set(['c1']) };
  it('ranks the step, reached groups, its own members, other reached nodes, then frames; nothing else', () => {
    expect(rankOf('p', step, true)).toBe(0);
    expect(rankOf('g2', step, true)).toBe(1);
    expect(rankOf('c1', step, false)).toBe(2);
    expect(rankOf('role', step, false)).toBe(3);
    expect(rankOf('frame', step, true)).toBe(4);
    expect(rankOf('other', step, false)).toBeNull();
  });
  it('ranks groups first when no step is shown', () => {
    expect(rankOf('g', null, true)).toBe(1);
    expect(rankOf('n', null, false)).toBe(3);
  });
  it('names a member before a better connected role whose label would cover it', () => {
    const ranked = (id: string, y: number, links: number) => label(id, rankOf(id, step, false)!, 0, y, links);
    expect(legibleLabels([ranked('role', 10, 9), ranked('c1', 0, 1)], CANVAS)).toEqual(new Set(['c1']));
  });
});
