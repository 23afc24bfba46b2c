// Assessing by keyboard in the real app: from a map card, a search result or the reader's title,
// the assessment is one key away and so is the way back; digits set a card's levels; Tab from
// the selected cards reaches the bulk edit bar.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allByRole, byRole, launchApp, saveScreenshot, tab, textOf, waitForGraph, waitForOrganisation } from '../support.mjs';
import { seedNorthwind } from '../fixtures/seed.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'atlas-e2e-assessing-'));
seedNorthwind(dataDir);


/** What has the keyboard: a card's capability, an assessment field's label, or an element's id. */
async function focused(browser) {
  return browser.execute(() => {
    const el = document.activeElement;
    if (!el) return null;
    if (el.dataset.capability) return { card: el.dataset.capability };
    const region = el.closest('[aria-label="Assessment"], [role="toolbar"], dialog');
    return { label: el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent.trim() ?? null, id: el.id, in: region?.getAttribute('aria-label') ?? null };
  });
}

/** Presses `keys` one at a time, counting them, until `reached` holds (or `most` are spent). */
async function pressUntil(browser, keys, reached, most = 30) {
  for (let n = 1; n <= most; n++) {
    await browser.keys(keys);
    if (await reached(await focused(browser))) return n;
  }
  return Infinity;
}

/** Every card's current and target level as its text says them, by capability. */
async function cardLevels(browser) {
  return browser.execute(() =>
    Object.fromEntries(
      [...document.querySelectorAll('button[data-capability]')].map((b) => [
        b.dataset.capability,
        /current (\S+), target (\S+)/.exec(b.textContent)?.slice(1).join(' → ') ?? null,
      ]),
    ),
  );
}

const card = (browser, id) => browser.$(`button[data-capability="${id}"]`);

async function focusCard(browser, id) {
  await browser.execute((c) => {
    c.scrollIntoView({ block: 'center' });
    c.focus();
  }, await card(browser, id));
}

/** Waits until the search's selected result is `title`. */
async function chosenResult(browser, title) {
  await browser.waitUntil(
    async () => (await browser.execute(() => document.querySelector('[role="option"][aria-selected="true"]')?.getAttribute('aria-label'))) === title,
    { timeout: 8000, timeoutMsg: `the search did not select "${title}"` },
  );
}

const inField = (label) => (f) => f?.in === 'Assessment' && f.label === label;

describe('assessing by keyboard', () => {
  let app;
  let browser;
  before(async () => {
    app = await launchApp({ dataDir });
    browser = app.browser;
    await waitForGraph(browser);
    await waitForOrganisation(browser, 'Northwind Health');
  });
  after(async () => app?.close());
  afterEach(async () => browser && saveScreenshot(browser, 'assessing-last'));

  it('goes from a map card to its current level in one key, and back to that card in one', async () => {
    await tab(browser, 'Map');
    await focusCard(browser, 'data-science');
    const hint = await textOf(browser, await byRole(browser, 'region', 'Capability map'));
    assert.match(hint, /0–5 sets the current level, Shift\+0–5 the target; A goes to the assessment, Esc comes back/, 'the map names the keys');
    const there = await pressUntil(browser, 'a', inField('Current maturity'));
    assert.equal(there, 1, 'A on the card reaches the current level at once');
    const reader = await byRole(browser, 'complementary', 'Reader');
    assert.equal((await allByRole(browser, 'heading', 'Data science', reader)).length, 1, 'the card\'s capability is the one open');
    const back = await pressUntil(browser, 'Escape', (f) => f?.card !== undefined);
    assert.equal(back, 1, 'Esc returns in one key');
    assert.deepEqual(await focused(browser), { card: 'data-science' }, 'the keyboard is back on the card it left');
  });

  it('stores current 3 and target 4 for the card pressed, and for no other capability', async () => {
    await tab(browser, 'Map');
    // Data science is open in the reader; the keys go to the card in focus.
    const before = await cardLevels(browser);
    assert.equal(before['threat-detection'], '2 → 3', 'Threat detection starts at 2 → 3');
    await focusCard(browser, 'threat-detection');
    await browser.keys('3');
    await browser.keys(['Shift', '4']);
    await browser.waitUntil(async () => (await cardLevels(browser))['threat-detection'] === '3 → 4', {
      timeout: 5000,
      timeoutMsg: 'Threat detection did not show current 3, target 4',
    });
    const map = await byRole(browser, 'region', 'Capability map');
    assert.match(await textOf(browser, map), /Threat detection: target 4 — Managed/, 'the map says what was set');
    const after = await cardLevels(browser);
    const changed = Object.keys(after).filter((id) => after[id] !== before[id]);
    assert.deepEqual(changed, ['threat-detection'], 'no other capability changed');
    assert.deepEqual(await focused(browser), { card: 'threat-detection' }, 'the keyboard stays on the card');
    await saveScreenshot(browser, 'assessing-map-keyed');
    // Stored: opening it shows the same in its assessment.
    await browser.keys('Enter');
    const reader = await byRole(browser, 'complementary', 'Reader');
    const editor = await byRole(browser, 'region', 'Assessment', { within: reader, timeout: 8000 });
    await browser.waitUntil(async () => (await (await byRole(browser, 'combobox', 'Current maturity', { within: editor })).getValue()) === '3', {
      timeout: 5000,
      timeoutMsg: 'the stored current level is not 3',
    });
    assert.equal(await (await byRole(browser, 'combobox', 'Target maturity', { within: editor })).getValue(), '4');
  });

  it('reaches the bulk edit bar with one Tab from two selected cards', async () => {
    await tab(browser, 'Map');
    await focusCard(browser, 'strategy-management');
    await browser.keys(' ');
    await browser.keys('ArrowDown');
    const second = (await focused(browser)).card;
    await browser.keys(' ');
    const bar = await byRole(browser, 'toolbar', 'Bulk edit');
    assert.match(await textOf(browser, bar), /2 selected/);
    const tabs = await pressUntil(browser, 'Tab', (f) => f?.in === 'Bulk edit', 10);
    assert.equal(tabs, 1, 'one Tab from the selected cards reaches the bulk edit bar');
    assert.equal((await focused(browser)).label, 'Current maturity', 'the bar\'s first field has the keyboard');
    await saveScreenshot(browser, 'assessing-bulk-bar');
    await browser.keys(['Shift', 'Tab']);
    assert.deepEqual(await focused(browser), { card: second }, 'Shift+Tab goes back to the card');
    await browser.keys('Escape');
  });

  it('opens a search result at its assessment with Shift+Enter, and Esc comes back to the search', async () => {
    await browser.execute(() => document.activeElement?.blur());
    await browser.keys(['Control', 'k']);
    await browser.keys('benefits management'.split(''));
    await chosenResult(browser, 'Benefits management');
    const there = await pressUntil(browser, ['Shift', 'Enter'], inField('Current maturity'), 1);
    assert.equal(there, 1, 'Shift+Enter on the result reaches its current level');
    const reader = await byRole(browser, 'complementary', 'Reader');
    assert.equal((await allByRole(browser, 'heading', 'Benefits management', reader)).length, 1);
    await browser.keys('Escape');
    const input = await byRole(browser, 'combobox', 'Search', { timeout: 5000 });
    assert.equal(await input.getValue(), 'benefits management', 'the search is shown again as it was');
    await chosenResult(browser, 'Benefits management');
    assert.equal((await focused(browser)).label, 'Search', 'the keyboard is back in the search');
    await browser.keys('Escape');
  });

  it('sets levels from the reader\'s title and goes to the assessment and back from there', async () => {
    await browser.keys(['Control', 'k']);
    await browser.keys('ml fluency'.split(''));
    await chosenResult(browser, 'ML fluency');
    await browser.keys('Enter');
    await browser.waitUntil(async () => (await focused(browser))?.id === 'reader-title', { timeout: 5000, timeoutMsg: 'the title did not take focus' });
    const reader = await byRole(browser, 'complementary', 'Reader');
    assert.match(await textOf(browser, reader), /A goes to the assessment, Esc comes back/, 'the reader names the keys');
    await browser.keys('2');
    const editor = await byRole(browser, 'region', 'Assessment', { within: reader });
    const current = await byRole(browser, 'combobox', 'Current maturity', { within: editor });
    await browser.waitUntil(async () => (await current.getValue()) === '2', { timeout: 5000, timeoutMsg: '2 on the title did not set current 2' });
    assert.match(await textOf(browser, reader), /ML fluency: current 2 — Developing/);
    await saveScreenshot(browser, 'assessing-reader-hint');
    assert.equal(await pressUntil(browser, 'a', inField('Current maturity')), 1, 'A on the title reaches the current level');
    assert.equal(await pressUntil(browser, 'Escape', (f) => f?.id === 'reader-title'), 1, 'Esc returns to the title');
  });

  it('shows the keys beside a focused card and in the reader, light and dark, at 1280×800 and 1920×1080', async () => {
    await tab(browser, 'Map');
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ]) {
      if (width !== 1280) await browser.setWindowSize(width, height);
      for (const theme of ['Light', 'Dark']) {
        await (await byRole(browser, 'combobox', 'Theme')).selectByVisibleText(theme);
        // Focus arrives by Tab, as a person's keyboard brings it, so the card shows its focus ring.
        await focusCard(browser, 'data-curation');
        await browser.keys(['Shift', 'Tab']);
        await browser.keys('Tab');
        assert.deepEqual(await focused(browser), { card: 'data-curation' });
        await browser.pause(300);
        await saveScreenshot(browser, `assessing-keys-${theme.toLowerCase()}-${width}x${height}`);
      }
    }
    await browser.setWindowSize(1280, 800);
  });
});
