// The improvement plan in the real app: an action added by keyboard under a capability's
// assessment is stored, listed on the dashboard's plan, marked done there after, and an undo
// brings it back to open, in the reader and on the dashboard alike.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allByRole, byRole, focusedName, launchApp, saved, saveScreenshot, tab, textOf, waitForGraph, waitForOrganisation } from '../support.mjs';
import { seedNorthwind } from '../fixtures/seed.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'atlas-e2e-actions-'));
seedNorthwind(dataDir);

const TITLE = 'Train the data team';


async function openCapability(browser, title) {
  await tab(browser, 'Graph');
  const list = await byRole(browser, 'list', 'Nodes in the graph');
  const button = await byRole(browser, 'button', title, { within: list });
  await browser.execute((b) => b.focus(), button);
  await browser.keys('Enter');
  return readerShows(browser, title);
}

async function readerShows(browser, title) {
  const reader = await byRole(browser, 'complementary', 'Reader');
  await browser.waitUntil(
    async () => (await browser.execute(() => document.getElementById('reader-title')?.textContent ?? '')) === title,
    { timeout: 5000, timeoutMsg: `the reader did not show ${title}` },
  );
  return byRole(browser, 'region', 'Assessment', { within: reader, timeout: 10000 });
}



/** The text of the dashboard's plan card, once `pattern` shows in it. */
async function planSays(browser, pattern) {
  let text = '';
  await browser.waitUntil(
    async () => {
      const heading = (await allByRole(browser, 'heading', 'Plan'))[0];
      if (!heading) return false;
      text = await browser.execute((h) => h.closest('article').innerText, heading);
      return pattern.test(text);
    },
    { timeout: 8000, timeoutMsg: `the plan never matched ${pattern}` },
  );
  return text;
}

/** The plan's list whose heading starts with `start`, as text ('' when it has no list). */
const planList = (browser, start) =>
  browser.execute((s) => {
    const h = [...document.querySelectorAll('article.plan h4')].find((e) => e.textContent.trim().startsWith(s));
    return h?.parentElement.querySelector('ul')?.innerText ?? '';
  }, start);

describe('the improvement plan', () => {
  let app;
  let browser;
  before(async () => {
    app = await launchApp({ dataDir });
    browser = app.browser;
    await browser.setWindowSize(1280, 800);
    await waitForGraph(browser);
    await waitForOrganisation(browser, 'Northwind Health');
  });
  after(async () => app?.close());
  afterEach(async () => browser && saveScreenshot(browser, 'actions-last'));

  it('adds an action by keyboard under a freshly assessed capability, in as many keys as its title and two', async () => {
    const editor = await openCapability(browser, 'ML fluency');
    const current = await byRole(browser, 'combobox', 'Current maturity', { within: editor });
    await browser.execute((s) => s.focus(), current);
    await current.selectByVisibleText('2 — Developing');
    await saved(browser, editor);

    const add = await byRole(browser, 'button', 'Add action', { within: editor });
    await browser.execute((b) => {
      b.scrollIntoView({ block: 'center' });
      b.focus();
    }, add);
    let keys = 0;
    await browser.keys('Enter');
    keys++;
    assert.equal(await focusedName(browser), 'New action title', 'Enter on "Add action" puts the keyboard in the title');
    // One key at a time: keys sent together are held together, and a doubled letter is lost.
    for (const key of TITLE) {
      await browser.keys(key);
      keys++;
    }
    await browser.keys('Enter');
    keys++;
    assert.equal(keys, TITLE.length + 2, 'nothing but the title and two Enters');
    await saved(browser, editor);
    assert.equal(await focusedName(browser), 'New action title', 'the keyboard stays ready for the next action');

    const list = await byRole(browser, 'list', 'Actions', { within: editor });
    const row = await byRole(browser, 'textbox', 'Title of action 1', { within: list });
    assert.equal(await row.getValue(), TITLE, 'the action is listed under the assessment');
    const status = await byRole(browser, 'combobox', `Status of ${TITLE}`, { within: list });
    assert.equal(await status.getValue(), 'open', 'a new action starts open');
    await browser.keys('Escape');
    assert.equal(await focusedName(browser), 'Add action', 'Esc closes the new action and stays in the assessment');
    let history = '';
    await browser.waitUntil(
      async () => {
        history = await browser.execute((e) => e.querySelector('details.history')?.textContent ?? '', editor);
        return history.includes(TITLE);
      },
      { timeout: 5000, timeoutMsg: 'the timeline never named the new action' },
    );
    assert.match(history, /Actions: added action “Train the data team”/, 'the timeline says what was added, in words');
    assert.doesNotMatch(history, /\{"/, 'never as JSON');
    await saveScreenshot(browser, 'actions-reader');
  });

  it('lists the new action as open on the dashboard, and its title opens the capability', async () => {
    await tab(browser, 'Dashboard');
    await planSays(browser, new RegExp(TITLE));
    assert.match(await planList(browser, 'Open'), new RegExp(`${TITLE}\\s+ML fluency`), 'open, with its capability');
    assert.equal(await planList(browser, 'Done since'), '', 'nothing is done yet');
    const compare = await textOf(browser, await byRole(browser, 'region', 'Snapshots'));
    assert.match(compare, /ML fluency/, 'the comparison with the baseline lists the capability');
    assert.doesNotMatch(compare, /\{"/, 'and says its plan changed in words, never as JSON');
    await saveScreenshot(browser, 'actions-dashboard-open');
    const plan = await browser.$('article.plan');
    await (await byRole(browser, 'button', TITLE, { within: plan })).click();
    await readerShows(browser, 'ML fluency');
  });

  it('marks it done, the dashboard counts it done since the snapshot, and undo brings it back to open', async () => {
    const editor = await readerShows(browser, 'ML fluency');
    const list = await byRole(browser, 'list', 'Actions', { within: editor });
    const status = await byRole(browser, 'combobox', `Status of ${TITLE}`, { within: list });
    await browser.execute((s) => {
      s.scrollIntoView({ block: 'center' });
      s.focus();
    }, status);
    await status.selectByVisibleText('Done');
    await saved(browser, editor);
    await tab(browser, 'Dashboard');
    await planSays(browser, /Done since “Q3 baseline”\s+1/);
    assert.match(await planList(browser, 'Done since'), new RegExp(TITLE), 'done since the last snapshot');
    assert.doesNotMatch(await planList(browser, 'Open'), new RegExp(TITLE), 'no longer open');

    // Undone from the reader's Undo, as a person who changed their mind would.
    const again = await openCapability(browser, 'ML fluency');
    await (await byRole(browser, 'button', 'Undo', { within: again })).click();
    const back = await byRole(browser, 'combobox', `Status of ${TITLE}`, { within: again });
    await browser.waitUntil(async () => (await back.getValue()) === 'open', {
      timeout: 5000,
      timeoutMsg: 'undo did not bring the action back to open',
    });
    await tab(browser, 'Dashboard');
    await planSays(browser, /Done since “Q3 baseline”\s+0/);
    assert.match(await planList(browser, 'Open'), new RegExp(TITLE), 'open again on the dashboard');
  });

  it('shows the plan in the reader and on the dashboard, light and dark, at 1280×800 and 1920×1080', async () => {
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ]) {
      await browser.setWindowSize(width, height);
      for (const theme of ['Light', 'Dark']) {
        await (await byRole(browser, 'combobox', 'Theme')).selectByVisibleText(theme);
        await tab(browser, 'Dashboard');
        await browser.execute(() => document.querySelector('article.plan')?.scrollIntoView({ block: 'center' }));
        await browser.pause(300);
        await saveScreenshot(browser, `actions-dashboard-${theme.toLowerCase()}-${width}x${height}`);
        const editor = await openCapability(browser, 'ML fluency');
        await browser.execute((e) => e.querySelector('[aria-label="Actions"]')?.scrollIntoView({ block: 'center' }), editor);
        await browser.pause(300);
        await saveScreenshot(browser, `actions-reader-${theme.toLowerCase()}-${width}x${height}`);
      }
    }
    await browser.setWindowSize(1280, 800);
  });
});
