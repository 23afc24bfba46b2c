import { describe, expect, it, vi } from 'vitest';
import {
  areaOf,
  CHROME_GAP,
  explorerArea,
  centreBox,
  explorerInsets,
  FALLBACK_MARGIN,
  fitBox,
  moveCamera,
  pointsBox,
  presentingAreas,
  bestFit,
  frameAtLeast,
  revealBox,
  toScreen,
  zoomAbout,
  type Box,
} from './camera';

const LIMITS = { min: 0.05, max: 4 };
const middleOnScreen = (box: Box, v: { zoom: number; pan: { x: number; y: number } }) =>
  toScreen({ x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 }, v);

describe('areaOf', () => {
  it('leaves out what the insets cover', () => {
    expect(areaOf(800, 600, { top: 50, right: 16, bottom: 70, left: 16 })).toEqual({
      x1: 16,
      y1: 50,
      x2: 784,
      y2: 530,
    });
  });

  it('falls back to the whole canvas less a margin when the insets leave too little room', () => {
    const area = areaOf(300, 120, explorerInsets(60, 40));
    expect(area, 'a subject under the toolbar is better than one squeezed to nothing').toEqual({
      x1: FALLBACK_MARGIN,
      y1: FALLBACK_MARGIN,
      x2: 300 - FALLBACK_MARGIN,
      y2: 120 - FALLBACK_MARGIN,
    });
  });

  it('frames a step beside the caption or above it, never under it', () => {
    const caption = { x1: 24, y1: 500, x2: 600, y2: 700 };
    const [beside, above] = presentingAreas(1280, 748, caption);
    expect(beside, 'beside the caption: from its right edge, full height').toEqual({
      x1: 616,
      y1: 60,
      x2: 1220,
      y2: 688,
    });
    expect(above, 'above the caption: full width, down to its top').toEqual({ x1: 60, y1: 60, x2: 1220, y2: 484 });
    const tall = { x1: 0, y1: 0, x2: 100, y2: 400 };
    const wide = { x1: 0, y1: 0, x2: 800, y2: 200 };
    const limits = { min: 0.05, max: 4 };
    expect(bestFit(tall, [beside, above], limits).zoom, 'a tall card is framed beside the caption').toBeCloseTo(
      628 / 400,
    );
    expect(bestFit(wide, [beside, above], limits).zoom, 'a wide picture is framed above it').toBeCloseTo(1160 / 800);
    expect(presentingAreas(1000, 800, null), 'without a caption the stage is the canvas less its margin').toEqual([
      { x1: 60, y1: 60, x2: 940, y2: 740 },
    ]);
  });
});

describe('fitBox', () => {
  const area = { x1: 0, y1: 0, x2: 400, y2: 300 };

  it('halves the zoom for a box twice the size of the area and centres it there', () => {
    const box = { x1: -400, y1: -300, x2: 400, y2: 300 };
    const v = fitBox(box, area, LIMITS);
    expect(v.zoom).toBe(0.5);
    expect(middleOnScreen(box, v), 'the subject must sit in the middle of the free area').toEqual({ x: 200, y: 150 });
  });

  it('frames the box inside the area the insets leave, not under them', () => {
    const free = areaOf(800, 600, explorerInsets(84, 44));
    const box = { x1: 1000, y1: 1000, x2: 1200, y2: 1100 };
    const v = fitBox(box, free, LIMITS);
    const a = toScreen({ x: box.x1, y: box.y1 }, v);
    const b = toScreen({ x: box.x2, y: box.y2 }, v);
    expect(a.y, 'nothing may start out hidden under the toolbar').toBeGreaterThanOrEqual(free.y1);
    expect(b.y, 'nothing may start out hidden under the legend').toBeLessThanOrEqual(free.y2);
    expect(a.x).toBeGreaterThanOrEqual(free.x1);
    expect(b.x).toBeLessThanOrEqual(free.x2);
    // The box is 2:1 and the area about 1.75:1, so the subject fills the width.
    expect(b.x - a.x, 'the subject must be as large as the free area allows').toBeCloseTo(free.x2 - free.x1, -1);
  });

  it('holds the zoom within the limits for a tiny or a huge subject', () => {
    expect(fitBox({ x1: 0, y1: 0, x2: 10, y2: 10 }, area, LIMITS).zoom).toBe(4);
    expect(fitBox({ x1: 0, y1: 0, x2: 1e6, y2: 1e6 }, area, LIMITS).zoom).toBe(0.05);
  });

  it('frames a single point at the largest zoom allowed, centred', () => {
    const point = { x1: 50, y1: 70, x2: 50, y2: 70 };
    const v = fitBox(point, area, { min: 0.05, max: 2.2 });
    expect(v.zoom).toBe(2.2);
    expect(middleOnScreen(point, v)).toEqual({ x: 200, y: 150 });
  });
});

describe('centreBox', () => {
  it('keeps the zoom asked for and centres the subject in the area', () => {
    const box = { x1: 10, y1: 10, x2: 30, y2: 30 };
    const area = { x1: 100, y1: 50, x2: 500, y2: 450 };
    const v = centreBox(box, area, 1.2, LIMITS);
    expect(v.zoom).toBe(1.2);
    expect(middleOnScreen(box, v)).toEqual({ x: 300, y: 250 });
  });
});

describe('revealBox', () => {
  const area = { x1: 0, y1: 0, x2: 400, y2: 400 };
  it('keeps a zoomed-in view where a node fits, and centres it', () => {
    const node = { x1: 0, y1: 0, x2: 40, y2: 40 };
    const v = revealBox(node, area, 3, LIMITS);
    expect(v.zoom).toBe(3);
    expect(middleOnScreen(node, v)).toEqual({ x: 200, y: 200 });
  });

  it("zooms out to show a group's whole card when it would not fit at the zoom the person was at", () => {
    const card = { x1: 0, y1: 0, x2: 300, y2: 600 };
    const v = revealBox(card, area, 3, LIMITS);
    expect(v.zoom).toBeCloseTo(400 / 600);
    const top = toScreen({ x: 150, y: 0 }, v);
    expect(top.y).toBeGreaterThanOrEqual(0);
    expect(middleOnScreen(card, v)).toEqual({ x: 200, y: 200 });
  });
});

describe('zoomAbout', () => {
  it('keeps the point zoomed about where it is on screen', () => {
    const now = { zoom: 1, pan: { x: 40, y: -20 } };
    const about = { x: 400, y: 300 };
    const v = zoomAbout(now, 1.25, about, LIMITS);
    expect(v.zoom).toBe(1.25);
    // The model point under `about` before the zoom is under it after.
    const model = { x: (about.x - now.pan.x) / now.zoom, y: (about.y - now.pan.y) / now.zoom };
    expect(toScreen(model, v)).toEqual(about);
  });

  it('stops at the zoom limits', () => {
    expect(zoomAbout({ zoom: 3.5, pan: { x: 0, y: 0 } }, 1.25, { x: 0, y: 0 }, LIMITS).zoom).toBe(4);
  });
});

describe('pointsBox', () => {
  it('boxes the points with a margin, and has nothing to box without points', () => {
    expect(
      pointsBox(
        [
          { x: 0, y: 5 },
          { x: 10, y: -5 },
        ],
        30,
      ),
    ).toEqual({ x1: -30, y1: -35, x2: 40, y2: 35 });
    expect(pointsBox([])).toBeNull();
  });
});

describe('moveCamera', () => {
  const fakeCy = () => ({ stop: vi.fn(), viewport: vi.fn(), animate: vi.fn() });
  const to = { zoom: 2, pan: { x: 5, y: 6 } };

  it('jumps when motion is to be reduced, and stops any move under way first', () => {
    const cy = fakeCy();
    moveCamera(cy as never, to, 700, true);
    expect(cy.stop).toHaveBeenCalled();
    expect(cy.viewport).toHaveBeenCalledWith(to);
    expect(cy.animate, 'a person who asked for less motion gets no camera flight').not.toHaveBeenCalled();
  });

  it('flies there otherwise', () => {
    const cy = fakeCy();
    moveCamera(cy as never, to, 700, false);
    expect(cy.animate).toHaveBeenCalledWith(to, expect.objectContaining({ duration: 700 }));
    expect(cy.viewport).not.toHaveBeenCalled();
  });
});

describe('explorerArea', () => {
  const area = (b: { x1: number; y1: number; x2: number; y2: number }) => (b.x2 - b.x1) * (b.y2 - b.y1);

  it('keeps the picture above a closed legend, which is one line tall', () => {
    const a = explorerArea(870, 706, 35, { width: 90, height: 27 }, { width: 0, height: 0 });
    expect(a.y2, 'above the legend and its gap').toBe(706 - 27 - CHROME_GAP);
    expect(a.x1).toBe(CHROME_GAP);
  });

  it('puts the picture beside an open legend rather than shrink it above', () => {
    // Above an open legend 300 px tall, Fit had under half the canvas.
    const open = explorerArea(870, 706, 35, { width: 260, height: 300 }, { width: 200, height: 24 });
    const closed = explorerArea(870, 706, 35, { width: 90, height: 27 }, { width: 200, height: 24 });
    expect(open.x1, 'beside the legend').toBe(260 + 2 * CHROME_GAP);
    expect(area(open) / area(closed), 'most of the canvas is still free').toBeGreaterThan(0.6);
  });
});

describe('frameAtLeast: a step framed close enough to read', () => {
  const areas = [{ x1: 0, y1: 0, x2: 400, y2: 300 }];
  const limits = { min: 0.05, max: 4 };
  const onScreen = (b: Box, v: { zoom: number; pan: { x: number; y: number } }) => ({
    x1: b.x1 * v.zoom + v.pan.x,
    y1: b.y1 * v.zoom + v.pan.y,
    x2: b.x2 * v.zoom + v.pan.x,
    y2: b.y2 * v.zoom + v.pan.y,
  });

  it('fits the whole neighbourhood when it can be read that way', () => {
    const box = { x1: 0, y1: 0, x2: 100, y2: 75 };
    expect(frameAtLeast(box, box, areas, limits, 2).zoom).toBe(4);
  });

  it('stays at the reading zoom with the subject wholly in view when the neighbourhood is too large', () => {
    const box = { x1: 0, y1: 0, x2: 1000, y2: 300 };
    const core = { x1: 900, y1: 100, x2: 950, y2: 150 };
    const v = frameAtLeast(box, core, areas, limits, 2);
    expect(v.zoom, 'the labels are not shrunk below the reading zoom').toBe(2);
    const c = onScreen(core, v);
    expect(c.x1 >= 0 && c.x2 <= 400 && c.y1 >= 0 && c.y2 <= 300, `the subject is in view: ${JSON.stringify(c)}`).toBe(
      true,
    );
  });

  it('fits the subject alone when even it is too large for the reading zoom', () => {
    const box = { x1: 0, y1: 0, x2: 1000, y2: 1000 };
    const core = { x1: 0, y1: 0, x2: 400, y2: 300 };
    expect(frameAtLeast(box, core, areas, limits, 2).zoom).toBe(1);
  });
});
