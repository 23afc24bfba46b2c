// Search from the keyboard: open the palette, type with a typo, open the right capability.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { allByRole, byRole, launchApp, saveScreenshot, textOf, waitForGraph } from '../support.mjs';

describe('search', () => {
  let app;

  before(async () => {
    app = await launchApp();
    await waitForGraph(app.browser);
  });

  after(async () => app?.close());

  it('finds a capability from a misspelt query and opens it', async () => {
    const { browser } = app;
    await browser.keys(['Control', 'k']);
    const input = await byRole(browser, 'combobox', 'Search');
    await input.setValue('data curaton');
    const results = await byRole(browser, 'listbox', 'Results');
    let options = [];
    await browser
      .waitUntil(
        async () => {
          options = await browser.execute(
            (list) => [...list.querySelectorAll('[role=option]')].map((o) => o.getAttribute('aria-label')),
            results,
          );
          return options[0] === 'Data curation';
        },
        { timeout: 5000 },
      )
      .catch(() => assert.fail(`the typo is forgiven and the capability ranks first; results were: ${options}`));
    const marked = await browser.execute((list) => list.querySelector('[role=option] mark')?.textContent, results);
    assert.ok(marked, 'the matched words are highlighted in the snippet');
    await saveScreenshot(browser, 'search');
    await browser.keys('Enter');
    const reader = await byRole(browser, 'complementary', 'Reader');
    await byRole(browser, 'heading', 'Data curation', { within: reader });
    assert.match(await textOf(browser, reader), /Key practices/);
    const node = await byRole(browser, 'button', 'Data curation', { within: await byRole(browser, 'list', 'Nodes in the graph') });
    assert.equal(await node.getAttribute('aria-pressed'), 'true', 'the capability is selected in the graph');
  });

  it('opens with / and moves through results with the arrow keys', async () => {
    const { browser } = app;
    await browser.keys('/');
    const input = await byRole(browser, 'combobox', 'Search');
    await input.setValue('kind:stakeholder ciso');
    await byRole(browser, 'option', 'Chief information security officer (CISO)', { timeout: 5000 });
    await input.setValue('kind:stakeholder officer');
    await browser.waitUntil(async () => (await allByRole(browser, 'option')).length >= 2, {
      timeout: 5000,
      timeoutMsg: 'several stakeholders match "officer"',
    });
    const selected = () =>
      browser.execute(() => document.querySelector('[role="option"][aria-selected="true"]')?.textContent ?? '');
    const first = await selected();
    assert.ok(first, 'the first result is selected as results arrive');
    await browser.keys('ArrowDown');
    const second = await selected();
    assert.notEqual(second, first, 'ArrowDown selects the next result');
    assert.equal(
      await input.getAttribute('aria-activedescendant'),
      'search-hit-1',
      'the field announces the selected result to assistive technology',
    );
    await browser.keys('ArrowUp');
    assert.equal(await selected(), first, 'ArrowUp goes back to the first');
    await browser.keys('Escape');
    await browser.waitUntil(async () => (await browser.execute(() => document.querySelectorAll('dialog[open]').length)) === 0, {
      timeout: 3000,
      timeoutMsg: 'Esc closes the palette',
    });
  });
});
