// CAF-AI against the NIST AI RMF in the real app: the crosswalk's figures are the mapping
// file's, a cell lists exactly its links, a capability opens from it in the reader with its
// counterparts, and the view reads at 1280×800 and 1920×1080 in both themes (no cell clipped,
// no text under 12 px).
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allByRole, byRole, launchApp, repoRoot, saveScreenshot, setPageSize, tab, waitForGraph } from '../support.mjs';

/** The links of the mapping file, read the way the app is built from it. */
function mappingLinks() {
  const text = readFileSync(join(repoRoot, 'content/mappings/caf-ai--nist-ai-rmf.toml'), 'utf8');
  const field = (block, name) => block.match(new RegExp(`^${name}\\s*=\\s*"([^"]*)"`, 'm'))?.[1];
  return text
    .split(/^\[\[links\]\]\s*$/m)
    .slice(1)
    .map((block) => block.split(/^\[/m)[0])
    .map((block) => ({ from: field(block, 'from'), to: field(block, 'to'), status: field(block, 'status') }));
}

/** What the open crosswalk shows a person: its figures, cells and what is too small or cut. */
async function seen(browser) {
  return browser.execute(() => {
    const view = document.querySelector('section[aria-label="Crosswalk"]');
    const scroller = view.closest('.pane');
    const cells = [...view.querySelectorAll('button.cell')].map((b) => ({
      label: b.getAttribute('aria-label'),
      n: Number(b.textContent.trim()),
    }));
    const small = [...view.querySelectorAll('h2, th, td, li, p, summary, button, span')]
      .filter((e) => e.getClientRects().length > 0 && e.textContent.trim())
      .map((e) => ({ text: e.textContent.trim().slice(0, 40), px: parseFloat(getComputedStyle(e).fontSize) }))
      .filter((e) => e.px < 12);
    const table = view.querySelector('table').getBoundingClientRect();
    const pane = scroller.getBoundingClientRect();
    return {
      coverage: view.querySelector('[aria-label="Coverage"]').textContent.replace(/\s+/g, ' ').trim(),
      cells,
      small,
      tableFits: table.right <= pane.right + 1 && table.left >= pane.left - 1,
    };
  });
}

describe('crosswalk', () => {
  let app;
  let browser;
  const links = mappingLinks();
  before(async () => {
    app = await launchApp();
    browser = app.browser;
    await waitForGraph(browser);
  });
  after(async () => app?.close());
  afterEach(async () => browser && saveScreenshot(browser, 'crosswalk-last'));

  it("shows the mapping's figures, and a cell's links open in the reader with their counterparts", async () => {
    assert.ok(links.length > 50, `the mapping has its links (${links.length})`);
    await setPageSize(browser, 1280, 800);
    await tab(browser, 'Crosswalk');
    await byRole(browser, 'heading', 'CAF-AI against AI RMF', { timeout: 8000 });
    const view = await seen(browser);
    const capabilities = new Set(links.map((l) => l.from)).size;
    const subcategories = new Set(links.map((l) => l.to)).size;
    const proposed = links.filter((l) => l.status === 'proposed').length;
    assert.match(view.coverage, new RegExp(`^${capabilities} of \\d+ CAF-AI capabilities linked`));
    assert.match(view.coverage, new RegExp(`${subcategories} of 72 AI RMF subcategories linked`));
    assert.match(view.coverage, new RegExp(`${links.length} links, ${proposed} proposed`));
    assert.equal(view.cells.length, 6 * 4, 'six perspectives against four functions');
    assert.equal(
      view.cells.reduce((n, c) => n + c.n, 0),
      links.length,
      'every link is counted in exactly one cell',
    );

    const busiest = view.cells.reduce((a, b) => (b.n > a.n ? b : a));
    await (await byRole(browser, 'button', busiest.label)).click();
    const listed = await allByRole(browser, 'listitem', null, await byRole(browser, 'list', 'Links in the chosen cell'));
    assert.equal(listed.length, busiest.n, `the cell "${busiest.label}" lists its links`);
    await saveScreenshot(browser, 'crosswalk-1280-light');

    const first = await (await byRole(browser, 'list', 'Links in the chosen cell')).$('button');
    const title = (await first.getText()).trim();
    await first.click();
    const reader = await byRole(browser, 'complementary', 'Reader');
    await browser.waitUntil(async () => (await allByRole(browser, 'heading', title, reader)).length > 0, {
      timeout: 8000,
      timeoutMsg: `the reader never opened ${title}`,
    });
    const counterparts = await browser.execute(
      () => document.querySelectorAll('[aria-label="Counterparts in AI RMF"] > li').length,
    );
    assert.ok(counterparts > 0, `${title} lists its AI RMF counterparts in the reader`);
  });

  for (const [w, h] of [
    [1280, 800],
    [1920, 1080],
  ]) {
    for (const theme of ['Light', 'Dark']) {
      it(`reads at ${w}×${h} in the ${theme.toLowerCase()} theme`, async () => {
        await setPageSize(browser, w, h);
        await setTheme(browser, theme);
        await tab(browser, 'Crosswalk');
        await byRole(browser, 'heading', 'CAF-AI against AI RMF', { timeout: 8000 });
        const view = await seen(browser);
        assert.deepEqual(view.small, [], 'no text of the crosswalk is under 12 px');
        assert.ok(view.tableFits, 'the grid fits beside the reader without scrolling sideways');
        await saveScreenshot(browser, `crosswalk-${w}-${theme.toLowerCase()}`);
      });
    }
  }
});

/** Switches the theme from the header's theme control, as a person would. */
async function setTheme(browser, theme) {
  await (await byRole(browser, 'combobox', 'Theme')).selectByVisibleText(theme);
  await browser.waitUntil(
    async () => (await browser.execute(() => document.documentElement.dataset.theme)) === theme.toLowerCase(),
    { timeout: 3000, timeoutMsg: `the theme did not become ${theme}` },
  );
}
