// Every step of every built-in tour as the room sees it on a projector, at 1280×800 and
// 1920×1080: the canvas fills the window, the step's node is framed in the free canvas and not
// under the caption, every label drawn is at least 20 px on screen and no two overlap, and a
// perspective's step shows that perspective's capabilities, not the whole graph. Measured from
// Cytoscape's rendered bounding boxes, one app start per size, stepping with the clicker's keys.
// Each size is its own spec file (specs/tour-steps-*.test.mjs), so each stays well inside the
// time one spec file is given.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { byRole, launchApp, repoRoot, saveScreenshot, textOf, waitForGraph } from './support.mjs';

/** The built-in tours, read from their files: id, title and each step's node and view. */
function builtinTours() {
  const dir = join(repoRoot, 'content/tours');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.toml'))
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const [head, ...steps] = text.split(/^\[\[steps\]\]$/m);
      const field = (s, k) => s.match(new RegExp(`^${k} = "?([^"\\n]*)"?$`, 'm'))?.[1] ?? null;
      return {
        id: field(head, 'id'),
        title: field(head, 'title'),
        order: Number(field(head, 'order') ?? 99),
        steps: steps.map((s) => ({ node: field(s, 'node'), view: field(s, 'view') ?? 'graph' })),
      };
    })
    .sort((a, b) => a.order - b.order);
}

/** What the projected graph shows now, from Cytoscape's rendered boxes (CSS pixels of the canvas). */
const STAGE = (stepNode) => {
  const host = document.querySelector('section[aria-label="Framework graph"] [role="img"]');
  const cy = host._cyreg.cy;
  const canvas = host.getBoundingClientRect();
  const zoom = cy.zoom();
  const inside = (b) => b.x2 > 0 && b.x1 < canvas.width && b.y2 > 0 && b.y1 < canvas.height;
  const box = (b) => ({ x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 });
  // A label is seen when its node is shown, its text is not transparent and it is large enough
  // for Cytoscape to draw it at all (below 'min-zoomed-font-size' it skips the label).
  const labels = [];
  cy.nodes().forEach((n) => {
    if (!n.visible() || !n.style('label') || n.hasClass('ghost')) return;
    const opacity = Number(n.style('text-opacity')) * (n.isParent() ? 1 : Number(n.style('opacity')));
    if (opacity < 0.5) return;
    const px = n.numericStyle('font-size') * zoom;
    if (px < n.numericStyle('min-zoomed-font-size')) return;
    const b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
    if (!inside(b)) return;
    labels.push({ id: n.id(), title: n.data('label'), px, box: box(b) });
  });
  // The area two boxes share, 0 unless they overlap by more than half a pixel each way.
  const shared = (a, b) => {
    const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
    const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
    return w > 0.5 && h > 0.5 ? w * h : 0;
  };
  const overlaps = [];
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const area = shared(labels[i].box, labels[j].box);
      if (area) overlaps.push(`${labels[i].title} × ${labels[j].title} (${Math.round(area)} px²)`);
    }
  // Every node the step shows (drawn and not faded) names itself: a card without its label is
  // a shape nobody in the room can name.
  const body = (n) => box(n.renderedBoundingBox({ includeNodes: true, includeLabels: false, includeOverlays: false }));
  // Shown: drawn in full, read from its rendered opacity (faded context is drawn at a tenth).
  const solid = (n) => n.visible() && !n.hasClass('ghost') && (n.isParent() || Number(n.style('opacity')) >= 0.5);
  const drawn = cy.nodes().filter((n) => solid(n) && !!n.data('label') && inside(body(n)));
  const named = new Set(labels.map((l) => l.id));
  const unnamed = drawn.filter((n) => n.isChildless() && !named.has(n.id())).map((n) => n.data('label'));
  // And no label is drawn over another node's shape (a group's card is its setting, not a shape).
  const overNodes = [];
  for (const l of labels)
    drawn.forEach((n) => {
      if (n.id() !== l.id && !n.isParent() && shared(l.box, body(n))) overNodes.push(`${l.title} over ${n.data('label')}`);
    });
  const rect = (sel) => {
    const r = document.querySelector(sel)?.getBoundingClientRect();
    return r ? { x1: r.left - canvas.left, y1: r.top - canvas.top, x2: r.right - canvas.left, y2: r.bottom - canvas.top } : null;
  };
  const node = cy.getElementById(stepNode);
  // The capabilities shown: drawn, not faded, and on the canvas.
  const shown = cy
    .nodes('[kind = "capability"]')
    .filter((n) => solid(n) && inside(n.renderedBoundingBox({ includeLabels: false })))
    .map((n) => n.id())
    .sort();
  return {
    window: { width: window.innerWidth, height: window.innerHeight },
    canvas: { x: canvas.left, y: canvas.top, width: canvas.width, height: canvas.height },
    zoom,
    labels,
    overlaps,
    unnamed,
    overNodes,
    caption: rect('[aria-label="On screen"]'),
    bar: rect('[aria-label="Presentation"]'),
    kind: node.data('kind'),
    node: node.empty()
      ? null
      : box(node.renderedBoundingBox({ includeNodes: true, includeLabels: node.isParent(), includeOverlays: false })),
    label: labels.find((l) => l.id === stepNode) ?? null,
    members: node.data('kind') === 'perspective' ? node.children('[kind = "capability"]').map((n) => n.id()).sort() : null,
    shown,
  };
};

/** Waits until the graph has framed `node` and the camera has stopped, its labels chosen. */
async function settled(browser, node) {
  const host = 'section[aria-label="Framework graph"] [role="img"]';
  await browser.waitUntil(async () => (await browser.execute((h) => document.querySelector(h).dataset.framed, host)) === node, {
    timeoutMsg: `the graph did not frame ${node}`,
  });
  let last = '';
  await browser.waitUntil(
    async () => {
      const now = await browser.execute(() => {
        const cy = document.querySelector('section[aria-label="Framework graph"] [role="img"]')._cyreg.cy;
        return JSON.stringify([cy.zoom().toFixed(4), cy.pan(), cy.nodes('.unlabelled').length]);
      });
      const same = now === last;
      last = now;
      return same;
    },
    { timeout: 8000, interval: 250, timeoutMsg: 'the camera did not come to rest' },
  );
}

const bar = async (browser) => textOf(browser, await byRole(browser, 'group', 'Presentation'));

async function startTour(browser, tour) {
  await browser.keys(['F5']);
  const dialog = await byRole(browser, 'dialog', 'Present');
  await (await byRole(browser, 'combobox', 'Tour', { within: dialog })).selectByAttribute('value', tour.id);
  // The room's screen alone: no presenter window to switch between.
  await browser.execute((d) => {
    for (const box of d.querySelectorAll('input[type="checkbox"]')) if (box.checked) box.click();
  }, dialog);
  await (await byRole(browser, 'button', 'Start presenting', { within: dialog })).click();
  await browser.waitUntil(async () => (await bar(browser)).includes(`Step 1 of ${tour.steps.length}`), {
    timeout: 20000,
    timeoutMsg: `${tour.title} did not start`,
  });
}

/** Every built-in tour step on a `w`×`h` projector (see the top of this file). */
export function projectorSteps(w, h) {
  describe(`every built-in tour step on a ${w}×${h} projector`, () => {
    let app;
    let browser;
    let shot = false;
    before(async () => {
      app = await launchApp();
      browser = app.browser;
      await browser.setWindowSize(w, h);
      await waitForGraph(browser);
      await (await byRole(browser, 'tab', 'Graph')).click();
    });
    after(async () => app?.close());

    for (const tour of builtinTours()) {
      it(`frames each step of ${tour.title} readably`, async () => {
        await startTour(browser, tour);
        const problems = [];
        for (const [i, step] of tour.steps.entries()) {
          if (i > 0) await browser.keys(['PageDown']);
          await browser.waitUntil(async () => (await bar(browser)).includes(`Step ${i + 1} of ${tour.steps.length}`), {
            timeoutMsg: `${tour.title}: step ${i + 1} was not reached`,
          });
          await browser.waitUntil(
            async () => (await browser.execute(() => document.querySelector('[aria-label="On screen"]')?.dataset.node)) === step.node,
            { timeoutMsg: `${tour.title}: step ${i + 1} does not show ${step.node}` },
          );
          // Map steps keep what they do (the projected map has its own checks in presenting.test).
          if (step.view !== 'graph') continue;
          await settled(browser, step.node);
          const s = await browser.execute(STAGE, step.node);
          const at = `${tour.title}, step ${i + 1} (${step.node})`;
          // The first perspective's step of the first tour, for the README.
          if (tour.order === 1 && s.members && !shot) {
            shot = true;
            await saveScreenshot(browser, `tour-step-light-${w}x${h}`);
          }
          // The canvas fills the window: no band left where the reader was.
          if (s.canvas.width < s.window.width - 1) problems.push(`${at}: the canvas is ${s.canvas.width} px wide in a ${s.window.width} px window`);
          const smallest = s.labels.reduce((m, l) => Math.min(m, l.px), Infinity);
          if (smallest < 20) problems.push(`${at}: a label is ${smallest.toFixed(1)} px on screen`);
          if (s.overlaps.length) problems.push(`${at}: ${s.overlaps.length} overlapping labels, e.g. ${s.overlaps.slice(0, 3).join('; ')}`);
          if (s.unnamed.length) problems.push(`${at}: ${s.unnamed.length} shown nodes carry no label: ${s.unnamed.slice(0, 4).join('; ')}`);
          if (s.overNodes.length) problems.push(`${at}: ${s.overNodes.length} labels drawn over a node: ${s.overNodes.slice(0, 3).join('; ')}`);
          if (!s.label) problems.push(`${at}: the step's own label is not drawn`);
          const n = s.node;
          const c = s.caption;
          if (!n || n.x1 < 0 || n.y1 < 0 || n.x2 > s.canvas.width || n.y2 > Math.min(s.canvas.height, s.bar?.y1 ?? Infinity))
            problems.push(`${at}: the node is not inside the canvas: ${JSON.stringify(n)}`);
          else if (c && n.x1 < c.x2 && n.x2 > c.x1 && n.y1 < c.y2 && n.y2 > c.y1)
            problems.push(`${at}: the node is under the caption: node ${JSON.stringify(n)}, caption ${JSON.stringify(c)}`);
          if (s.members && JSON.stringify(s.members) !== JSON.stringify(s.shown))
            problems.push(`${at}: shows capabilities ${s.shown.join(', ')} where the perspective has ${s.members.join(', ')}`);
          console.log(`# ${w}x${h} ${at}: zoom ${s.zoom.toFixed(2)}, ${s.labels.length} labels, smallest ${smallest.toFixed(1)} px, ${s.overlaps.length} overlaps, ${s.unnamed.length} unnamed, ${s.overNodes.length} over nodes`);
        }
        await browser.keys(['Escape']);
        await browser.waitUntil(async () => !(await browser.execute(() => document.documentElement.hasAttribute('data-present'))), {
          timeoutMsg: 'presenting did not end',
        });
        assert.deepEqual(problems, [], `every step of ${tour.title} at ${w}×${h} is framed readably`);
      });
    }

    it('looks right on a dark projector too', async () => {
      await (await byRole(browser, 'combobox', 'Theme')).selectByAttribute('value', 'dark');
      const tour = builtinTours()[0];
      await startTour(browser, tour);
      // A perspective's step: its capabilities around its title.
      const kinds = await browser.execute(
        (ids) => ids.map((id) => document.querySelector('section[aria-label="Framework graph"] [role="img"]')._cyreg.cy.getElementById(id).data('kind')),
        tour.steps.map((s) => s.node),
      );
      const at = kinds.indexOf('perspective');
      assert.ok(at > 0, `${tour.title} has a perspective's step`);
      for (let i = 1; i <= at; i++) {
        await browser.keys(['PageDown']);
        await browser.waitUntil(async () => (await bar(browser)).includes(`Step ${i + 1} of`));
      }
      await settled(browser, tour.steps[at].node);
      await saveScreenshot(browser, `tour-step-dark-${w}x${h}`);
      await browser.keys(['Home']);
      await browser.waitUntil(async () => (await bar(browser)).includes('Step 1 of'));
      await settled(browser, tour.steps[0].node);
      await saveScreenshot(browser, `tour-step-first-dark-${w}x${h}`);
      const s = await browser.execute(STAGE, tour.steps[0].node);
      assert.equal(s.overlaps.length, 0, `no labels overlap on the dark projector: ${s.overlaps.join('; ')}`);
      await browser.keys(['Escape']);
      await (await byRole(browser, 'combobox', 'Theme')).selectByAttribute('value', 'light');
    });
  });
}
