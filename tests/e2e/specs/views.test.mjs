// Every view at 1280×800 in the light and the dark theme, with a realistic organisation, saved
// as test artefacts (tests/e2e/artifacts/view-*.png). The README shows copies of these. Each
// screenshot also checks that the view rendered what it should, so a blank view fails.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allByRole, byRole, launchApp, saveScreenshot, setPageSize, waitForGraph } from '../support.mjs';
import { seedNorthwind } from '../fixtures/seed.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'atlas-e2e-views-'));
seedNorthwind(dataDir);

const VIEWS = [
  ['Graph', 'graph', async (b) => waitForGraph(b)],
  ['Map', 'map', async (b) => byRole(b, 'region', 'Capability map')],
  ['Dashboard', 'dashboard', async (b) => byRole(b, 'table', 'Current and target by perspective', { timeout: 8000 })],
  ['Outline', 'outline', async (b) => byRole(b, 'tree', 'Framework outline')],
];

describe('every view, in both themes', () => {
  let app;
  let browser;
  before(async () => {
    app = await launchApp({ dataDir });
    // The page at 1280×800, under the menu bar.
    await setPageSize(app.browser, 1280, 800);
    browser = app.browser;
    await waitForGraph(browser);
    const list = await byRole(browser, 'list', 'Nodes in the graph');
    await browser.execute((b) => b.click(), await byRole(browser, 'button', 'Data curation', { within: list }));
  });
  after(async () => app?.close());

  for (const theme of ['Light', 'Dark']) {
    for (const [tabName, file, ready] of VIEWS) {
      it(`shows the ${tabName.toLowerCase()} view in the ${theme.toLowerCase()} theme`, async () => {
        await (await byRole(browser, 'combobox', 'Theme')).selectByVisibleText(theme);
        await browser.waitUntil(async () => (await browser.execute(() => document.documentElement.dataset.theme)) === theme.toLowerCase());
        await (await byRole(browser, 'tab', tabName)).click();
        await ready(browser);
        await browser.pause(600);
        const size = await browser.execute(() => [window.innerWidth, window.innerHeight]);
        assert.deepEqual(size, [1280, 800], 'the window is 1280×800');
        assert.equal((await allByRole(browser, 'alert')).length, 0, 'no error is shown');
        await saveScreenshot(browser, `view-${file}-${theme.toLowerCase()}`);
      });
    }
  }
});
