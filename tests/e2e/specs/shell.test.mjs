// The app opens, draws the framework and reads it back, through the real webview.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  byRole,
  clickNodeInGraph,
  launchApp,
  saveScreenshot,
  textOf,
  waitForGraph,
} from '../support.mjs';

const PERSPECTIVES = ['Business', 'People', 'Governance', 'Platform', 'Security', 'Operations'];

describe('the app window', () => {
  let app;
  let drawnAfterMs;

  before(async () => {
    app = await launchApp();
    await waitForGraph(app.browser);
    drawnAfterMs = performance.now() - app.started;
  });

  after(async () => app?.close());

  it('opens with the app name as its heading and window title', async () => {
    const { browser } = app;
    await byRole(browser, 'heading', 'Capability Atlas');
    assert.equal(await browser.getTitle(), 'Capability Atlas');
  });

  it('draws the graph within 5 seconds of the process starting', () => {
    // Without a D-Bus session GTK waits 25 s for a portal; this guards against that and
    // any other startup stall.
    assert.ok(drawnAfterMs < 5000, `the graph took ${Math.round(drawnAfterMs)} ms to appear`);
  });

  it('shows all six perspectives by name in the graph', async () => {
    const { browser } = app;
    const graph = await byRole(browser, 'region', 'Framework graph');
    const list = await byRole(browser, 'list', 'Nodes in the graph', { within: graph });
    const canvas = await byRole(browser, 'img', null, { within: graph });
    const size = await canvas.getSize();
    for (const name of PERSPECTIVES) {
      const node = await byRole(browser, 'button', name, { within: list });
      const x = Number(await node.getAttribute('data-x'));
      const y = Number(await node.getAttribute('data-y'));
      assert.ok(
        x > 0 && y > 0 && x < size.width && y < size.height,
        `${name} is drawn inside the visible graph (at ${x},${y})`,
      );
    }
    await saveScreenshot(browser, 'graph');
  });

  it('draws every node of the scene it opens on, and keeps the rest listed for filters, the lens, search or focus', async () => {
    const { browser } = app;
    const list = await byRole(browser, 'list', 'Nodes in the graph');
    const { shown, drawn, hidden } = await browser.execute((l) => {
      const buttons = [...l.querySelectorAll('button')];
      const shown = buttons.filter((b) => b.dataset.hidden !== 'true');
      return {
        shown: shown.length,
        drawn: shown.filter((b) => b.dataset.x !== undefined).length,
        hidden: buttons.length - shown.length,
      };
    }, list);
    const canvas = await byRole(browser, 'img', null);
    const label = await canvas.getAttribute('aria-label');
    const total = Number(label.match(/(\d+) nodes/)[1]);
    assert.ok(total >= 140, `the built-in pack has all its nodes (${label})`);
    assert.equal(shown + hidden, total, 'every node of the pack is in the keyboard list');
    // The framework, its 6 perspectives and 49 capabilities at least.
    assert.ok(shown >= 56, `the scene holds the framework's structure: ${shown} shown`);
    assert.equal(drawn, shown, 'each node in the scene has a position on the canvas');
  });

  it('makes no network request: everything it loaded came from the app itself', async () => {
    const { browser } = app;
    const origin = await browser.execute(() => location.origin);
    const foreign = await browser.execute(
      (own) => performance.getEntriesByType('resource').map((r) => r.name).filter((u) => !u.startsWith(own) && !u.startsWith('ipc:') && !u.includes('ipc.localhost')),
      origin,
    );
    assert.deepEqual(foreign, [], `resources from elsewhere than ${origin}`);
    // The policy itself: a request to another origin is refused before it leaves the page.
    const blocked = await browser.executeAsync((done) => {
      let violated = '';
      document.addEventListener('securitypolicyviolation', (e) => (violated = e.violatedDirective), { once: true });
      fetch('https://example.invalid/probe')
        .then(() => done('the request was allowed'))
        .catch(() => setTimeout(() => done(violated || 'refused without a policy violation'), 50));
    });
    assert.match(blocked, /connect-src/, 'the content security policy refuses foreign connections');
  });

  it('shows a perspective\'s text in the reader when it is clicked in the graph', async () => {
    const { browser } = app;
    await clickNodeInGraph(browser, 'Governance');
    const reader = await byRole(browser, 'complementary', 'Reader');
    await byRole(browser, 'heading', 'Governance', { within: reader });
    const text = await textOf(browser, reader);
    assert.match(text, /Responsible use of AI/, 'the reader shows the perspective\'s own text and links');
    assert.match(text, /Who is involved/, 'the body is rendered from markdown');
    await saveScreenshot(browser, 'reader-governance');
  });

  it('follows a link in the reader to another node', async () => {
    const { browser } = app;
    const reader = await byRole(browser, 'complementary', 'Reader');
    await byRole(browser, 'heading', 'Governance', { within: reader });
    const links = await byRole(browser, 'region', 'Links', { within: reader });
    // Governance refers to the capability (a cross-reference, with its page) as well as
    // containing it; the cross-reference is what is followed here.
    const refs = await byRole(browser, 'list', 'Refers to', { within: links });
    const target = await byRole(browser, 'button', 'Responsible use of AI', { within: refs });
    await browser.execute((e) => e.scrollIntoView({ block: 'center' }), target);
    await target.click();
    await byRole(browser, 'heading', 'Responsible use of AI', { within: reader });
  });
});
