// Level of detail for big graphs, as a pure function so it is tested without a canvas:
// which group members to show or hide for the current zoom and visible area.

import { GROUP_FONT_PX } from './elements';

/** The least on-screen size of a big pack's group titles: zoomed out, they are its only words. */
export const OVERVIEW_GROUP_PX = 15;

/**
 * Below this zoom a big graph shows its groups, not their members. It is the zoom at which the
 * group titles, held at OVERVIEW_GROUP_PX further out, reach their own size, so they never change
 * size while members are drawn: in Cytoscape a change to a group's style restyles every member
 * inside it, which took a tenth of a second on each frame of a zoom.
 */
export const DETAIL_ZOOM = OVERVIEW_GROUP_PX / GROUP_FONT_PX;

/** How far beyond the visible area members are kept drawn, as a share of its size. */
const MARGIN = 0.1;

export interface Member {
  id: string;
  x: number;
  y: number;
  /** Whether it is hidden now. */
  off: boolean;
  /** A node outside any group (a role, a concept…): drawn in the overview, where it has no group to stand for it. */
  loose?: boolean;
}

export interface Extent {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The members whose visibility must change, nearest the centre of the view first (so the part
 * a person looks at fills in first when the changes are spread over frames). In overview every
 * group member is hidden and every loose node shown; closer in, only what is near the view is
 * shown. `keep` (the selection) is always shown.
 */
export function detailChanges(
  members: Member[],
  view: Extent,
  zoom: number,
  keep: string | null,
): { id: string; off: boolean }[] {
  const overview = zoom < DETAIL_ZOOM;
  const mx = (view.x2 - view.x1) * MARGIN;
  const my = (view.y2 - view.y1) * MARGIN;
  const cx = (view.x1 + view.x2) / 2;
  const cy = (view.y1 + view.y2) / 2;
  const near = (m: Member) => m.x > view.x1 - mx && m.x < view.x2 + mx && m.y > view.y1 - my && m.y < view.y2 + my;
  return members
    .map((m) => ({ m, off: m.id !== keep && (overview ? !m.loose : !near(m)) }))
    .filter(({ m, off }) => off !== m.off)
    .sort((a, b) => Math.hypot(a.m.x - cx, a.m.y - cy) - Math.hypot(b.m.x - cx, b.m.y - cy))
    .map(({ m, off }) => ({ id: m.id, off }));
}
