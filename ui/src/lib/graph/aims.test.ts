import { describe, expect, it } from 'vitest';
import { aimCandidates } from './aims';

describe('aimCandidates', () => {
  it('tries the title first, then points just inside the group’s edges, never its middle', () => {
    const label = { x1: 40, y1: -20, x2: 60, y2: -10 };
    const box = { x1: 0, y1: 0, x2: 100, y2: 50 };
    const points = aimCandidates(label, box, 6);
    expect(points[0]).toEqual({ x: 50, y: -15 });
    for (const p of points.slice(1)) {
      const inside = p.x >= box.x1 && p.x <= box.x2 && p.y >= box.y1 && p.y <= box.y2;
      expect(inside, 'a click must land on the group').toBe(true);
      const nearEdge = [p.x - box.x1, box.x2 - p.x, p.y - box.y1, box.y2 - p.y].some((d) => d === 6);
      expect(nearEdge, 'the middle of a group is taken by its members').toBe(true);
    }
  });
});
