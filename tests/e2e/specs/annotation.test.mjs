// Assessing a capability in the real app, and finding it again after a restart.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { byRole, launchApp, saveScreenshot, textOf, waitForGraph } from '../support.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'atlas-e2e-annotation-'));

async function openDataCuration(browser) {
  const list = await byRole(browser, 'list', 'Nodes in the graph');
  // The list is the graph's keyboard alternative: its buttons appear when focused.
  const button = await byRole(browser, 'button', 'Data curation', { within: list });
  await browser.execute((b) => b.focus(), button);
  await browser.keys('Enter');
  const reader = await byRole(browser, 'complementary', 'Reader');
  return byRole(browser, 'region', 'Assessment', { within: reader, timeout: 10000 });
}

describe('annotating a capability', () => {
  let app;
  after(async () => app?.close());

  it('keeps current 2, target 4 and a note on "Data curation" across a restart', async () => {
    app = await launchApp({ dataDir });
    let { browser } = app;
    await waitForGraph(browser);
    await (await byRole(browser, 'button', 'New organisation')).click();
    await (await byRole(browser, 'textbox', 'Organisation name')).setValue('Acme');
    await (await byRole(browser, 'button', 'Create')).click();
    await byRole(browser, 'combobox', 'Organisation');

    let editor = await openDataCuration(browser);
    await (await byRole(browser, 'combobox', 'Current maturity', { within: editor })).selectByVisibleText('2 — Developing');
    await (await byRole(browser, 'combobox', 'Target maturity', { within: editor })).selectByVisibleText('4 — Managed');
    await (await byRole(browser, 'combobox', 'Journey stage', { within: editor })).selectByVisibleText('Launch');
    await (await byRole(browser, 'textbox', 'Notes', { within: editor })).setValue('Catalogue owned by the CDO.');
    const status = await byRole(browser, 'status', null, { within: editor });
    await browser.waitUntil(async () => (await textOf(browser, status)).trim() === 'Saved', {
      timeout: 5000,
      timeoutMsg: 'the editor never said "Saved"',
    });
    await saveScreenshot(browser, 'annotation-saved');
    await app.close();

    app = await launchApp({ dataDir });
    browser = app.browser;
    await waitForGraph(browser);
    const picker = await byRole(browser, 'combobox', 'Organisation');
    const chosen = await browser.execute((s) => s.selectedOptions[0]?.text ?? '', picker);
    assert.equal(chosen, 'Acme', 'the organisation is still there and active');
    editor = await openDataCuration(browser);
    const current = await byRole(browser, 'combobox', 'Current maturity', { within: editor });
    const target = await byRole(browser, 'combobox', 'Target maturity', { within: editor });
    const notes = await byRole(browser, 'textbox', 'Notes', { within: editor });
    await browser.waitUntil(async () => (await current.getValue()) === '2', {
      timeout: 5000,
      timeoutMsg: 'current maturity was not 2 after the restart',
    });
    assert.equal(await target.getValue(), '4', 'target maturity survives a restart');
    assert.equal(await notes.getValue(), 'Catalogue owned by the CDO.', 'the note survives a restart');
    const stage = await byRole(browser, 'combobox', 'Journey stage', { within: editor });
    assert.equal(
      await browser.execute((s) => s.selectedOptions[0]?.text ?? '', stage),
      'Launch',
      'the journey stage survives a restart',
    );
  });

  it('finds the organisation\'s note by searching for its words', async () => {
    const { browser } = app;
    await browser.keys(['Control', 'k']);
    const input = await byRole(browser, 'combobox', 'Search');
    await input.setValue('catalogue org:acme');
    const option = await byRole(browser, 'option', 'Data curation', { timeout: 5000 });
    assert.match(await textOf(browser, option), /note · Acme/, 'the result is the note, labelled with its organisation');
    await browser.keys('Escape');
  });
});
