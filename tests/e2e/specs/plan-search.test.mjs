// The improvement plan is searchable: an action kept with an assessment (brought in through the
// command line's import) is found by the search palette through its title and through its note,
// labelled with the organisation it belongs to.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appBinary, byRole, launchApp, saveScreenshot, waitForGraph } from '../support.mjs';
import { northwind } from '../fixtures/seed.mjs';

const ORG = 'Northwind Health';

const dataDir = mkdtempSync(join(tmpdir(), 'atlas-e2e-actions-'));
{
  const org = northwind();
  org.organisations[0].assessments['data-curation'].actions = [
    {
      id: '1',
      title: 'Train the quokka wranglers',
      owner: 'ai-governance-board',
      due: '2026-03-31',
      status: 'in_progress',
      note: 'Book the *zeppelin* hangar for both sessions.',
    },
  ];
  const file = join(dataDir, 'org.json');
  writeFileSync(file, JSON.stringify(org));
  execFileSync(appBinary, ['--data-dir', dataDir, 'import', file], {
    stdio: 'pipe',
  });
}

describe('the improvement plan', () => {
  let app;

  before(async () => {
    app = await launchApp({ dataDir });
    await waitForGraph(app.browser);
  });

  after(async () => app?.close());

  for (const [words, what] of [
    ['quokka wranglers', 'title'],
    ['zeppelin hangar', 'note'],
  ]) {
    it(`finds an action by its ${what}, under its organisation's capability`, async () => {
      const { browser } = app;
      await browser.keys(['Control', 'k']);
      const input = await byRole(browser, 'combobox', 'Search');
      await input.setValue(words);
      const results = await byRole(browser, 'listbox', 'Results');
      let options = [];
      await browser
        .waitUntil(
          async () => {
            options = await browser.execute(
              (list) => [...list.querySelectorAll('[role=option]')].map((o) => o.textContent.replace(/\s+/g, ' ')),
              results,
            );
            return options.some((o) => o.includes('Data curation') && o.includes(`note · ${ORG}`));
          },
          { timeout: 8000 },
        )
        .catch(() =>
          assert.fail(
            `the action's ${what} is searchable and names the capability and organisation; results: ${options}`,
          ),
        );
      assert.ok(
        options.some((o) => o.toLowerCase().includes(words.split(' ')[0])),
        `the snippet shows the matched words of the action: ${options}`,
      );
      if (what === 'title') await saveScreenshot(browser, 'actions-search');
      await browser.keys('Escape');
    });
  }
});
