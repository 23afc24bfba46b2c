import { describe, expect, it } from 'vitest';
import { DETAIL_ZOOM, OVERVIEW_GROUP_PX, detailChanges, type Member } from './detail';
import { GROUP_FONT_PX } from './elements';

const view = { x1: 0, y1: 0, x2: 100, y2: 100 };
const member = (id: string, x: number, y: number, off = false, loose = false): Member => ({ id, x, y, off, loose });

describe('level of detail', () => {
  it('hides every member in overview except the selection', () => {
    const members = [member('a', 50, 50), member('b', 10, 10), member('sel', 20, 20)];
    expect(detailChanges(members, view, DETAIL_ZOOM / 2, 'sel')).toEqual([
      { id: 'a', off: true },
      { id: 'b', off: true },
    ]);
  });

  it('shows members near the view when zoomed in and hides the far ones, nearest first', () => {
    const members = [
      member('edge', 105, 50, true),
      member('centre', 52, 50, true),
      member('far', 500, 500),
      member('gone', 900, 0, true),
    ];
    expect(detailChanges(members, view, 1, null)).toEqual([
      { id: 'centre', off: false },
      { id: 'edge', off: false },
      { id: 'far', off: true },
    ]);
  });

  it('shows loose nodes in overview, where no group stands for them, and only near ones closer in', () => {
    const members = [member('role', 50, 50, true, true), member('far role', 900, 900, false, true)];
    expect(detailChanges(members, view, DETAIL_ZOOM / 2, null)).toEqual([{ id: 'role', off: false }]);
    expect(detailChanges(members, view, 1, null)).toEqual([
      { id: 'role', off: false },
      { id: 'far role', off: true },
    ]);
  });

  it('keeps the selection drawn when the view moves away from it', () => {
    const members = [member('sel', 900, 900), member('other', 950, 950)];
    expect(detailChanges(members, view, 1, 'sel')).toEqual([{ id: 'other', off: true }]);
  });

  it('returns nothing when every member is already as it should be', () => {
    const members = [member('in', 50, 50), member('out', 900, 900, true)];
    expect(detailChanges(members, view, 1, null)).toEqual([]);
  });

  it('draws members only from the zoom at which the group titles are at their own size', () => {
    // Below it the titles are held at a readable size, which restyles every member of a group.
    expect(GROUP_FONT_PX * DETAIL_ZOOM).toBeGreaterThanOrEqual(OVERVIEW_GROUP_PX);
    const members = [member('a', 50, 50)];
    expect(detailChanges(members, view, DETAIL_ZOOM * 0.99, null)).toEqual([{ id: 'a', off: true }]);
    expect(detailChanges(members, view, DETAIL_ZOOM, null)).toEqual([]);
  });
});
