// Reading in the real app: every way of opening a node starts it at its title, however far down
// the last one was read, and following a link brings the node into view in the graph.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allByRole, byRole, launchApp, repoRoot, saveScreenshot, tab, textOf, waitForGraph, waitForOrganisation } from '../support.mjs';
import { seedNorthwind } from '../fixtures/seed.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'atlas-e2e-reading-'));
// With an organisation the reader holds the assessment too: a long page to be down in.
seedNorthwind(dataDir);

/** Waits until the reader's heading is `title`. */
async function readerShows(browser, title) {
  const reader = await byRole(browser, 'complementary', 'Reader');
  await browser.waitUntil(async () => (await allByRole(browser, 'heading', title, reader)).length > 0, {
    timeout: 8000,
    timeoutMsg: `the reader never showed "${title}"`,
  });
  return reader;
}

/** Scrolls the reader down as a person reading on would, and says how far. */
async function readDown(browser, reader) {
  const top = await browser.execute((r) => {
    r.scrollTop = r.scrollHeight;
    return r.scrollTop;
  }, reader);
  assert.ok(top > 200, `the reader is scrolled well down before moving on (it is at ${top} px)`);
}

/** Where the reader is scrolled to, and whether its title is inside it. */
async function readerPlace(browser, reader) {
  return browser.execute((r) => {
    const box = r.getBoundingClientRect();
    const title = document.getElementById('reader-title').getBoundingClientRect();
    return {
      scrollTop: r.scrollTop,
      titleInside: title.top >= box.top && title.bottom <= box.bottom && title.height > 0,
    };
  }, reader);
}

async function assertAtTitle(browser, reader, how) {
  const place = await readerPlace(browser, reader);
  assert.equal(place.scrollTop, 0, `${how}: the node opens at the top of the reader`);
  assert.ok(place.titleInside, `${how}: the title is in sight`);
}

/** Where a node is drawn, relative to the graph's canvas, and whether that is inside it. */
async function drawnAt(browser, id) {
  return browser.execute((id) => {
    const canvas = document.querySelector('section[aria-label="Framework graph"] [role="img"]').getBoundingClientRect();
    const b = document.querySelector(`[aria-label="Nodes in the graph"] button[data-node-id="${id}"]`);
    const x = Number(b?.dataset.x);
    const y = Number(b?.dataset.y);
    const known = b?.dataset.x !== undefined && Number.isFinite(x) && Number.isFinite(y);
    return { x, y, inside: known && x >= 0 && y >= 0 && x <= canvas.width && y <= canvas.height };
  }, id);
}

/**
 * What the CAF-AI ↔ AI RMF mapping links `capability` to, read from the files the app is built
 * from: the AI RMF titles and the rationales, in the mapping's order.
 */
function mappedFrom(capability) {
  const mapping = readFileSync(join(repoRoot, 'content/mappings/caf-ai--nist-ai-rmf.toml'), 'utf8');
  const field = (block, name) => block.match(new RegExp(`^${name}\\s*=\\s*"((?:[^"\\\\]|\\\\.)*)"`, 'm'))?.[1];
  const titles = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) {
        const text = readFileSync(path, 'utf8');
        titles.set(field(text, 'id'), field(text, 'title'));
      }
    }
  };
  walk(join(repoRoot, 'content/nist-ai-rmf/nodes'));
  return mapping
    .split(/^\[\[links\]\]\s*$/m)
    .slice(1)
    .map((block) => block.split(/^\[/m)[0])
    .filter((block) => field(block, 'from') === capability)
    .map((block) => ({ title: titles.get(field(block, 'to')), rationale: field(block, 'rationale').replace(/\\"/g, '"') }));
}

describe('reading', () => {
  let app;
  let browser;
  before(async () => {
    app = await launchApp({ dataDir });
    browser = app.browser;
    await waitForGraph(browser);
    await waitForOrganisation(browser, 'Northwind Health');
  });
  after(async () => app?.close());
  afterEach(async () => browser && saveScreenshot(browser, 'reading-last'));

  it('follows a link to the top of the next node, and brings that node into view in the graph', async () => {
    const list = await byRole(browser, 'list', 'Nodes in the graph');
    await browser.execute((b) => b.click(), await byRole(browser, 'button', 'Risk management', { within: list }));
    const reader = await readerShows(browser, 'Risk management');
    // Zoomed in on the middle of the graph, most nodes are out of sight.
    await browser.execute(() => document.activeElement?.blur());
    for (let i = 0; i < 8; i++) await browser.keys('+');
    const links = await allByRole(browser, 'button', null, await byRole(browser, 'list', 'Refers to', { within: reader }));
    let target = null;
    for (const link of links) {
      const title = (await textOf(browser, link)).trim();
      const id = await browser.execute(
        (t) => [...document.querySelectorAll('[aria-label="Nodes in the graph"] button')].find((b) => b.textContent.trim() === t)?.dataset.nodeId,
        title,
      );
      await browser.waitUntil(async () => (await drawnAt(browser, id)).x !== undefined, { timeout: 3000 }).catch(() => {});
      if (id && !(await drawnAt(browser, id)).inside) {
        target = { link, title, id };
        break;
      }
    }
    assert.ok(target, 'a node Risk management refers to is out of sight in the zoomed graph, to be brought into view');
    await readDown(browser, reader);
    // The link is pressed where it is, far down the page.
    await browser.execute((l) => l.scrollIntoView({ block: 'nearest' }), target.link);
    assert.ok((await readerPlace(browser, reader)).scrollTop > 100, 'the link is followed from down the page');
    await browser.$(target.link).click();
    await readerShows(browser, target.title);
    await assertAtTitle(browser, reader, 'a link');
    await browser.waitUntil(async () => (await drawnAt(browser, target.id)).inside, {
      timeout: 5000,
      timeoutMsg: `${target.title} was not brought into the graph's view after following the link to it`,
    });
    const focused = await browser.execute(() => document.activeElement?.id);
    assert.equal(focused, 'reader-title', 'the keyboard continues in what was opened');
    await saveScreenshot(browser, 'reading-link-followed');
  });

  it('goes Back and Forward to the top of each node', async () => {
    const reader = await byRole(browser, 'complementary', 'Reader');
    const here = await browser.execute(() => document.getElementById('reader-title').textContent.trim());
    await readDown(browser, reader);
    await browser.execute(() => document.activeElement?.blur());
    await browser.keys(['Alt', 'ArrowLeft']);
    await readerShows(browser, 'Risk management');
    await assertAtTitle(browser, reader, 'Back');
    await readDown(browser, reader);
    await browser.keys(['Alt', 'ArrowRight']);
    await readerShows(browser, here);
    await assertAtTitle(browser, reader, 'Forward');
  });

  it("shows a capability's counterparts in the AI RMF, each with how it relates and why", async () => {
    const expected = mappedFrom('risk-management');
    assert.ok(expected.length > 0, 'the mapping links Risk management to the AI RMF');
    const list = await byRole(browser, 'list', 'Nodes in the graph');
    await browser.execute((b) => b.click(), await byRole(browser, 'button', 'Risk management', { within: list }));
    const reader = await readerShows(browser, 'Risk management');
    const heading = await byRole(browser, 'heading', `In AI RMF (${expected.length})`, { within: reader });
    const shown = await browser.execute(() => {
      const items = [...document.querySelectorAll('[aria-label="Counterparts in AI RMF"] > li')];
      return items.map((li) => ({
        title: li.querySelector('.title').textContent.trim(),
        relation: li.querySelector('.relation').textContent.trim(),
        rationale: li.querySelector('.why').textContent.trim(),
        px: parseFloat(getComputedStyle(li.querySelector('.why')).fontSize),
      }));
    });
    assert.deepEqual(
      shown.map(({ title, rationale }) => ({ title, rationale })),
      expected,
      'every AI RMF subcategory the mapping links it to is listed with its rationale, in order',
    );
    for (const s of shown) {
      assert.ok(['Same as', 'Part of', 'Covers', 'Overlaps'].includes(s.relation), `"${s.relation}" says how ${s.title} relates`);
      assert.ok(s.px >= 12, `the rationale for ${s.title} is readable (${s.px} px)`);
    }
    await browser.execute((h) => h.scrollIntoView({ block: 'start' }), heading);
    await saveScreenshot(browser, 'reading-counterparts');

    // A counterpart is read where it is listed, marked as the other framework's, and leads back.
    const listed = await byRole(browser, 'list', 'Counterparts in AI RMF', { within: reader });
    await (await byRole(browser, 'button', expected[0].title, { within: listed })).click();
    await readerShows(browser, expected[0].title);
    await assertAtTitle(browser, reader, 'a counterpart');
    const badge = await browser.execute(() => document.querySelector('.reader .kind .framework')?.textContent.trim());
    assert.equal(badge, 'AI RMF', 'the subcategory says which framework it belongs to');
    const back = await byRole(browser, 'list', 'Counterparts in CAF-AI', { within: reader });
    const home = await byRole(browser, 'button', 'Risk management', { within: back });
    // Scrolled to, as a person reading down to it would be, before it is pressed.
    await browser.execute((b) => b.scrollIntoView({ block: 'center' }), home);
    await home.click();
    await readerShows(browser, 'Risk management');
    const mark = await browser.execute(() => document.querySelector('.reader .kind .framework'));
    assert.equal(mark, null, "CAF-AI's own capability carries no other framework's name");
  });

  it('opens a card of the map at the top of the reader', async () => {
    await tab(browser, 'Map');
    const reader = await byRole(browser, 'complementary', 'Reader');
    await readDown(browser, reader);
    const card = await browser.$('button[data-capability="threat-detection"]');
    await browser.execute((c) => c.focus(), card);
    await browser.keys('Enter');
    await readerShows(browser, 'Threat detection');
    await assertAtTitle(browser, reader, 'a map card');
  });

  it('opens an item of the outline at the top of the reader', async () => {
    await tab(browser, 'Outline');
    const reader = await byRole(browser, 'complementary', 'Reader');
    await readDown(browser, reader);
    const tree = await byRole(browser, 'tree', 'Framework outline');
    await browser.execute((t) => {
      [...t.querySelectorAll('[role="treeitem"]')].find((i) => i.getAttribute('aria-label').startsWith('Data protection'))?.click();
    }, tree);
    await readerShows(browser, 'Data protection');
    await assertAtTitle(browser, reader, 'the outline');
    await tab(browser, 'Graph');
  });
});
