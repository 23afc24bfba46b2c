// The graph as a new user meets it: at Fit every perspective title and capability label can be
// read (at least 11 px on screen) and no two labels overlap, at 1280×800 and 1920×1080, light
// and dark; focus frames its neighbourhood in the free part of the canvas; Esc puts the camera
// back. Everything is measured from Cytoscape's rendered bounding boxes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { byRole, launchApp, saveScreenshot, waitForGraph } from '../support.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'atlas-e2e-graph-scene-'));

/** What a person sees on the canvas now: label sizes, overlapping labels, where nodes are. */
const SCENE = () => {
  const host = document.querySelector('section[aria-label="Framework graph"] [role="img"]');
  const cy = host._cyreg.cy;
  const canvas = host.getBoundingClientRect();
  const seen = cy.nodes().filter((n) => n.visible() && !n.hasClass('faded') && !n.hasClass('ghost') && n.style('label'));
  const labels = seen.map((n) => {
    const b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
    return {
      id: n.id(),
      kind: n.data('kind'),
      title: n.data('label'),
      px: n.numericStyle('font-size') * cy.zoom(),
      box: { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 },
    };
  });
  const overlaps = [];
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const a = labels[i].box;
      const b = labels[j].box;
      const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
      const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
      if (w > 0.5 && h > 0.5) overlaps.push({ a: labels[i].title, b: labels[j].title, area: Math.round(w * h) });
    }
  overlaps.sort((x, y) => y.area - x.area);
  const chrome = [...document.querySelectorAll('section[aria-label="Framework graph"] [aria-label="Graph tools"], section[aria-label="Legend"]')]
    .map((e) => e.getBoundingClientRect())
    .map((r) => ({ x1: r.left - canvas.left, y1: r.top - canvas.top, x2: r.right - canvas.left, y2: r.bottom - canvas.top }));
  const nodes = seen.map((n) => {
    const b = n.renderedBoundingBox({ includeLabels: true, includeOverlays: false });
    return { id: n.id(), kind: n.data('kind'), box: { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 } };
  });
  return {
    width: canvas.width,
    height: canvas.height,
    zoom: cy.zoom(),
    pan: cy.pan(),
    total: cy.nodes().filter((n) => !n.isParent() || n.data('kind')).length,
    shown: seen.length,
    labels,
    overlaps,
    chrome,
    nodes,
  };
};

const read = (browser) => browser.execute(SCENE);

async function fit(browser) {
  await (await byRole(browser, 'button', 'Zoom to fit')).click();
  await browser.pause(500);
}

describe('the graph at a glance', () => {
  let app;
  let browser;
  before(async () => {
    app = await launchApp({ dataDir });
    browser = app.browser;
    await waitForGraph(browser);
  });
  after(async () => app?.close());

  for (const [w, h] of [
    [1280, 800],
    [1920, 1080],
  ]) {
    for (const theme of ['light', 'dark']) {
      it(`reads at Fit at ${w}×${h} in the ${theme} theme`, async () => {
        await browser.setWindowSize(w, h);
        await (await byRole(browser, 'combobox', 'Theme')).selectByAttribute('value', theme);
        await (await byRole(browser, 'tab', 'Graph')).click();
        await browser.pause(700);
        await fit(browser);
        const s = await read(browser);
        await saveScreenshot(browser, `graph-fit-${theme}-${w}x${h}`);
        console.log(`# ${w}x${h} ${theme}: canvas ${s.width}x${s.height}, zoom ${s.zoom.toFixed(2)}, ${s.shown} nodes shown, chrome ${JSON.stringify(s.chrome)}`);
        const read_ = s.labels.filter((l) => l.kind === 'capability' || l.kind === 'perspective');
        const smallest = read_.reduce((m, l) => (l.px < m.px ? l : m), read_[0]);
        console.log(`# smallest label ${smallest.title} ${smallest.px.toFixed(1)} px; overlaps ${s.overlaps.length}`);
        assert.ok(smallest.px >= 11, `every capability and perspective label is at least 11 px on screen; "${smallest.title}" is ${smallest.px.toFixed(1)} px`);
        assert.equal(s.overlaps.length, 0, `no two labels overlap; the worst pair: ${JSON.stringify(s.overlaps[0])}`);
      });
    }
  }
});
