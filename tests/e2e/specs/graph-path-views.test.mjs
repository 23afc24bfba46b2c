// The path between two nodes and saved views, as a person uses them: from a selected node, P and
// the second node's title draw the path (its nodes and links marked, the rest faded, every node of
// it inside the visible canvas beside the panel) and list it; Esc puts the scene back. A view
// saved with a filter, a focus and a camera comes back the same after everything was changed,
// and is still there after the app is started again. Measured from Cytoscape's rendered boxes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { byRole, clickNodeInGraph, launchApp, saveScreenshot, textOf, waitForGraph } from '../support.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'atlas-e2e-graph-path-'));

/** The graph as drawn now: the path, what is faded, the camera and the free canvas. */
const DRAWN = () => {
  const host = document.querySelector('section[aria-label="Framework graph"] [role="img"]');
  const cy = host._cyreg.cy;
  const canvas = host.getBoundingClientRect();
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return {
      x1: r.left - canvas.left,
      y1: r.top - canvas.top,
      x2: r.right - canvas.left,
      y2: r.bottom - canvas.top,
    };
  };
  const bar = document.querySelector('section[aria-label="Framework graph"] [aria-label="Graph tools"]');
  const panel = document.querySelector('section[aria-label="Path"]');
  const pathNodes = cy.nodes('.path').map((n) => {
    const b = n.renderedBoundingBox({
      includeLabels: true,
      includeOverlays: false,
    });
    return {
      id: n.id(),
      title: n.data('label'),
      visible: n.visible(),
      box: { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 },
    };
  });
  return {
    width: canvas.width,
    height: canvas.height,
    zoom: cy.zoom(),
    pan: cy.pan(),
    pathNodes,
    pathEdges: cy.edges('.path').filter((e) => e.visible()).length,
    faded: cy.nodes('.faded').length,
    hidden: cy.nodes('.hidden').map((n) => n.id()),
    selected: cy.$(':selected').data('label') ?? null,
    depth: host.dataset.focusDepth,
    bar: bar ? box(bar) : null,
    panel: panel ? box(panel) : null,
  };
};

const drawn = (browser) => browser.execute(DRAWN);
const STATUS = 'section[aria-label="Framework graph"] [role="status"]';

async function select(browser, title) {
  await clickNodeInGraph(browser, title);
  await browser.waitUntil(async () => (await drawn(browser)).selected === title, {
    timeoutMsg: `${title} was not selected`,
  });
}

describe('the path between two nodes', () => {
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
      it(`is drawn, listed and framed beside its panel at ${w}×${h} in the ${theme} theme`, async () => {
        await browser.setWindowSize(w, h);
        await (await byRole(browser, 'combobox', 'Theme')).selectByAttribute('value', theme);
        await (await byRole(browser, 'tab', 'Graph')).click();
        await browser.pause(600);
        await (await byRole(browser, 'button', 'Zoom to fit')).click();
        await browser.pause(500);
        await select(browser, 'Data curation');
        const before = await drawn(browser);
        // P from the keyboard, then the second node by its title, Enter.
        await browser.keys(['p']);
        const field = await byRole(browser, 'textbox', 'Path to (click a node, or type its title)');
        assert.equal(
          await browser.execute(() => document.activeElement?.getAttribute('list') !== null),
          true,
          'P puts the keyboard in the field that names the second node',
        );
        await field.setValue('Business analysts');
        await browser.keys(['Enter']);
        const list = await byRole(browser, 'list', 'Path from Data curation to Business analysts', { timeout: 8000 });
        await browser.pause(800);
        const s = await drawn(browser);
        await saveScreenshot(browser, `graph-path-${theme}-${w}x${h}`);
        const listed = (await textOf(browser, list)).split('\n').filter((l) => l.trim());
        console.log(
          `# ${w}x${h} ${theme}: path ${JSON.stringify(s.pathNodes.map((n) => n.title))}, listed ${JSON.stringify(listed)}`,
        );
        assert.ok(s.pathNodes.length >= 2, 'both ends are on the path');
        assert.equal(listed[0], 'Data curation', 'the list starts at the node the path is from');
        assert.equal(listed.at(-1), 'Business analysts', 'and ends at the node it goes to');
        assert.equal(
          listed.length,
          2 * s.pathNodes.length - 1,
          'the list reads node, link, node… with every node of the path',
        );
        assert.ok(s.pathEdges >= 1, 'the path’s links are drawn');
        assert.ok(s.faded > 0, 'the rest of the graph is faded');
        const top = s.bar.y2;
        const right = s.panel.x1;
        for (const n of s.pathNodes) {
          assert.ok(n.visible, `${n.title} is shown`);
          assert.ok(
            n.box.x1 >= -1 && n.box.y1 >= top - 1 && n.box.x2 <= right + 1 && n.box.y2 <= s.height + 1,
            `${n.title} is inside the free canvas, below the toolbar and left of the panel: ${JSON.stringify(n.box)} (toolbar ends at ${top}, panel starts at ${right})`,
          );
        }
        const status = await textOf(browser, await browser.$(STATUS));
        assert.match(status, /^Path from Data curation to Business analysts: \d+ links?, \d+ nodes\.$/, status);

        await browser.keys(['Escape']);
        await browser.pause(700);
        const after_ = await drawn(browser);
        assert.equal(after_.pathNodes.length, 0, 'Esc clears the path');
        assert.equal(after_.panel, null, 'and closes its panel');
        assert.equal(after_.faded, before.faded, 'the scene is as it was: nothing left faded');
        assert.ok(Math.abs(after_.zoom - before.zoom) < 0.01, `the camera goes back (${before.zoom} → ${after_.zoom})`);
      });
    }
  }
});

describe('saved views', () => {
  let app;
  let browser;
  before(async () => {
    app = await launchApp({ dataDir });
    browser = app.browser;
    await waitForGraph(browser);
    await browser.setWindowSize(1280, 800);
    await (await byRole(browser, 'combobox', 'Theme')).selectByAttribute('value', 'light');
    await browser.pause(600);
  });
  after(async () => app?.close());

  async function openViews() {
    const summary = await browser.$(
      'section[aria-label="Framework graph"] details.menu summary[aria-label^="Saved views"]',
    );
    const open = await browser.execute((s) => s.parentElement.open, summary);
    if (!open) await summary.click();
  }

  /** Opens the Filters menu (its name counts what is filtered, and the scene starts with some). */
  async function filters() {
    await (await browser.$('section[aria-label="Framework graph"] summary[aria-label^="Filters"]')).click();
  }

  let kept;
  it('keeps a filter, a focus and the camera under a name', async () => {
    // A filter: the Security perspective hidden.
    await filters();
    const security = await browser.execute(() =>
      [...document.querySelectorAll('section[aria-label="Framework graph"] fieldset label')].find(
        (l) => l.textContent.trim() === 'Security',
      ),
    );
    await (await browser.$(security)).click();
    await browser.keys(['Escape']);
    // A focus, and a camera of one's own.
    await select(browser, 'Data curation');
    await browser.keys(['2']);
    await browser.pause(700);
    await browser.keys(['+']);
    await browser.pause(300);
    kept = await drawn(browser);
    assert.equal(kept.depth, '2');
    assert.ok(kept.hidden.includes('security'), 'the filter hides the Security perspective');
    await openViews();
    await (await byRole(browser, 'button', 'Save view…')).click();
    await (await byRole(browser, 'textbox', 'Name of this view')).setValue('Board review');
    await browser.keys(['Enter']);
    await byRole(browser, 'button', 'Show view Board review', {
      timeout: 8000,
    });
    // The same name in other capitals is refused, naming the view that has it.
    await (await byRole(browser, 'button', 'Save view…')).click();
    await (await byRole(browser, 'textbox', 'Name of this view')).setValue('  board REVIEW ');
    await browser.keys(['Enter']);
    const alert = await byRole(browser, 'alert', null, {
      within: await browser.$('section[aria-label="Framework graph"] details.menu[open]'),
    });
    assert.equal(await textOf(browser, alert), 'A view named “Board review” already exists.');
    await browser.keys(['Escape']);
    await browser.keys(['Escape']);
  });

  it('comes back the same after everything was changed', async () => {
    await filters();
    await (await byRole(browser, 'button', 'Show everything')).click();
    await browser.keys(['Escape']);
    await browser.keys(['Escape']);
    await browser.keys(['0']);
    await browser.pause(600);
    await select(browser, 'Risk management');
    await browser.keys(['-']);
    await browser.pause(300);
    const changed = await drawn(browser);
    assert.notEqual(changed.selected, kept.selected);
    assert.ok(!changed.hidden.includes('security'));
    await openViews();
    await (await byRole(browser, 'button', 'Show view Board review')).click();
    await browser.waitUntil(async () => (await drawn(browser)).depth === '2', {
      timeoutMsg: 'the focus did not come back',
    });
    await browser.pause(500);
    const back = await drawn(browser);
    await saveScreenshot(browser, 'graph-view-restored-light-1280x800');
    assert.equal(back.selected, 'Data curation', 'the focused node is the one kept');
    assert.deepEqual(back.hidden.sort(), kept.hidden.sort(), 'the same filters hide the same nodes');
    assert.ok(Math.abs(back.zoom - kept.zoom) < 0.005, `the same zoom (${kept.zoom} → ${back.zoom})`);
    assert.ok(
      Math.abs(back.pan.x - kept.pan.x) <= 3 && Math.abs(back.pan.y - kept.pan.y) <= 3,
      `the camera within a few px (${JSON.stringify(kept.pan)} → ${JSON.stringify(back.pan)})`,
    );
    const status = await textOf(browser, await browser.$(STATUS));
    assert.equal(status, 'View “Board review” restored.');
  });

  it('lends a tour step its filters when the step names it', async () => {
    await (await byRole(browser, 'button', 'Tours')).click();
    const dialog = await byRole(browser, 'dialog', 'Tours');
    await (await byRole(browser, 'button', 'New tour', { within: dialog })).click();
    await (await byRole(browser, 'textbox', 'Title of the new tour', { within: dialog })).setValue('Without security');
    await (await byRole(browser, 'button', 'Create', { within: dialog })).click();
    await byRole(browser, 'heading', 'Steps', { within: dialog, timeout: 8000 });
    const pick = await byRole(browser, 'combobox', 'Saved view', { within: dialog });
    await pick.selectByAttribute('value', 'Board review');
    await browser.pause(600);
    await (await byRole(browser, 'button', 'Present', { within: dialog })).click();
    const start = await byRole(browser, 'dialog', 'Present', { timeout: 8000 });
    await (await byRole(browser, 'button', 'Start presenting', { within: start })).click();
    await browser.waitUntil(async () => (await drawn(browser)).hidden.includes('security'), {
      timeout: 8000,
      timeoutMsg: 'the step did not take its saved view’s filters (Security hidden)',
    });
    await saveScreenshot(browser, 'graph-view-tour-step-1280x800');
    await browser.keys(['Escape']);
    const end = await byRole(browser, 'dialog', null, { timeout: 3000 }).catch(() => null);
    if (end) await (await byRole(browser, 'button', 'End workshop', { within: end })).click();
    await browser.waitUntil(
      async () => !(await browser.execute(() => document.documentElement.hasAttribute('data-present'))),
      {
        timeoutMsg: 'presenting did not end',
      },
    );
  });

  it('is still there after the app is started again, and can be renamed and deleted', async () => {
    await app.close();
    app = await launchApp({ dataDir });
    browser = app.browser;
    await waitForGraph(browser);
    await openViews();
    await (await byRole(browser, 'button', 'Rename view Board review')).click();
    const field = await byRole(browser, 'textbox', 'New name of “Board review”');
    await field.setValue('Board');
    await browser.keys(['Enter']);
    await (await byRole(browser, 'button', 'Delete view Board', { timeout: 8000 })).click();
    await browser.waitUntil(
      async () => await browser.$('section[aria-label="Framework graph"] details.menu .empty').isExisting(),
      { timeoutMsg: 'the deleted view is still listed' },
    );
  });
});
