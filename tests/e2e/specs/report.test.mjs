// The Report dialog in the real app: assess a capability and add an action, open the dialog by
// keyboard (Ctrl+P), see the organisation and the action in the preview, save, and find the
// file on disk holding both; Esc gives the keyboard back where it was; a second save never
// overwrites the first. WebDriver cannot answer the desktop's save dialog, so the app runs
// with its test seam: ATLAS_SAVE_DIALOG_ANSWER answers every save dialog with the proposed name
// in a folder of ours, and ATLAS_NO_OPEN leaves the saved file unopened.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allByRole, appBinary, byRole, focusedName, launchApp, saved, saveScreenshot, tab, textOf, waitForGraph, waitForOrganisation } from '../support.mjs';
import { seedNorthwind } from '../fixtures/seed.mjs';

/** The format saved: switching to PDF is this one word. */
const FORMAT = 'pdf';

const dataDir = mkdtempSync(join(tmpdir(), 'atlas-e2e-report-'));
seedNorthwind(dataDir);
// An organisation with nothing assessed yet: there is nothing to report on it.
const EMPTY = 'Zenith Clinic';
execFileSync(appBinary, ['--data-dir', dataDir, 'org', 'create', EMPTY], { stdio: 'pipe' });
const answers = mkdtempSync(join(tmpdir(), 'atlas-e2e-report-answers-'));
// The app inherits both through the driver.
process.env.ATLAS_SAVE_DIALOG_ANSWER = answers;
process.env.ATLAS_NO_OPEN = '1';

const ORG = 'Northwind Health';
const ACTION = 'Run the AI literacy course';

/** The text a person reads in a saved report, whatever its format. */
function readBack(file) {
  // A PDF's text in reading order, lines joined: a table cell may wrap an action's title.
  if (file.endsWith('.pdf')) {
    return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).split(/\s+/).join(' ');
  }
  return readFileSync(file, 'utf8');
}




/** The open Report dialog, or null. */
const reportDialog = async (browser) => (await allByRole(browser, 'dialog', `Report on ${ORG}`))[0] ?? null;

/** The text of the preview once it holds every one of `wanted`. */
async function previewHolds(browser, wanted) {
  let text = '';
  const frameText = () =>
    browser.execute(
      () => document.querySelector('iframe[title="Report preview"]')?.contentDocument?.body?.textContent ?? '',
    );
  try {
    await browser.waitUntil(
      async () => {
        text = await frameText();
        return wanted.every((w) => text.includes(w));
      },
      { timeout: 10000 },
    );
  } catch {
    // Say what the dialog showed instead: a message from the core, or an empty frame.
    const seen = await browser.execute(() => {
      const f = document.querySelector('iframe[title="Report preview"]');
      return JSON.stringify({
        dialog: document.querySelector('dialog[open]')?.innerText?.slice(0, 300),
        srcdoc: f?.getAttribute('srcdoc')?.length ?? null,
        frameText: f?.contentDocument?.body?.textContent?.slice(0, 1500) ?? null,
      });
    });
    throw new Error(`the preview never held ${wanted.join(', ')}; the dialog showed ${seen}`);
  }
  return text;
}

/** Ctrl+P as a person presses it: WebdriverIO presses the keys in turn and releases them all. */
const pressCtrlP = (browser) => browser.keys(['Control', 'p']);

describe('the Report dialog', () => {
  let app;
  let browser;
  before(async () => {
    app = await launchApp({ dataDir });
    browser = app.browser;
    await browser.setWindowSize(1280, 800);
    await waitForGraph(browser);
    await waitForOrganisation(browser, ORG);
  });
  after(async () => app?.close());
  afterEach(async () => browser && saveScreenshot(browser, 'report-last'));

  it('assesses a capability and adds an action to it', async () => {
    await tab(browser, 'Graph');
    const list = await byRole(browser, 'list', 'Nodes in the graph');
    const node = await byRole(browser, 'button', 'Generative AI', { within: list });
    await browser.execute((b) => b.focus(), node);
    await browser.keys('Enter');
    const reader = await byRole(browser, 'complementary', 'Reader');
    const editor = await byRole(browser, 'region', 'Assessment', { within: reader, timeout: 10000 });
    const current = await byRole(browser, 'combobox', 'Current maturity', { within: editor });
    await browser.execute((s) => s.focus(), current);
    await current.selectByVisibleText('0 — Not started');
    await saved(browser, editor);
    const add = await byRole(browser, 'button', 'Add action', { within: editor });
    await browser.execute((b) => {
      b.scrollIntoView({ block: 'center' });
      b.focus();
    }, add);
    await browser.keys('Enter');
    for (const key of ACTION) await browser.keys(key);
    await browser.keys('Enter');
    await saved(browser, editor);
    await browser.keys('Escape');
    assert.equal(await focusedName(browser), 'Add action', 'the keyboard is back on "Add action"');
  });

  it('opens by Ctrl+P, previews the organisation and the action, and Esc gives the keyboard back', async () => {
    await pressCtrlP(browser);
    await browser.waitUntil(async () => (await reportDialog(browser)) !== null, {
      timeout: 5000,
      timeoutMsg: 'Ctrl+P did not open the Report dialog',
    });
    const text = await previewHolds(browser, [ORG, ACTION]);
    assert.match(text, /Generated/, 'the preview is the report, with its dated cover');
    await saveScreenshot(browser, 'report-dialog');
    // The keyboard stays in the dialog: the window behind it is out of reach while it is open.
    for (let i = 1; i <= 12; i++) {
      await browser.keys('Tab');
      const inside = await browser.execute(() => !!document.activeElement?.closest('dialog[open]'));
      assert.ok(inside, `Tab number ${i} left the Report dialog`);
    }
    await browser.keys('Escape');
    await browser.waitUntil(async () => (await reportDialog(browser)) === null, {
      timeout: 5000,
      timeoutMsg: 'Esc did not close the Report dialog',
    });
    assert.equal(await focusedName(browser), 'Add action', 'the keyboard returns where it was before Ctrl+P');
  });

  it(`saves the report as ${FORMAT} into the folder the save dialog answers, holding the organisation and the action`, async () => {
    await pressCtrlP(browser);
    const dialog = await byRole(browser, 'dialog', `Report on ${ORG}`);
    await previewHolds(browser, [ORG, ACTION]);
    const format = await byRole(browser, 'combobox', 'Format', { within: dialog });
    await format.selectByAttribute('value', FORMAT);
    const save = await byRole(browser, 'button', 'Save…', { within: dialog });
    await save.click();
    const status = await byRole(browser, 'status', null, { within: dialog, timeout: 10000 });
    const today = new Date().toISOString().slice(0, 10);
    const name = `${ORG} – board report – ${today}.${FORMAT}`;
    await browser.waitUntil(async () => (await textOf(browser, status)).includes(`Saved ${name}`), {
      timeout: 10000,
      timeoutMsg: `the dialog never said "Saved ${name}"`,
    });
    assert.match(await textOf(browser, status), new RegExp(`in ${answers.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    await browser.pause(300);
    await saveScreenshot(browser, 'report-dialog-saved');
    assert.deepEqual(readdirSync(answers), [name], 'exactly the proposed file, in the answered folder');
    const file = readBack(join(answers, name));
    assert.ok(file.includes(ORG), 'the file names the organisation');
    assert.ok(file.includes(ACTION), 'the file holds the action just added');
  });

  it('saves a second time under a new name, leaving the first as it was', async () => {
    const dialog = await byRole(browser, 'dialog', `Report on ${ORG}`);
    const [first] = readdirSync(answers);
    const before = readFileSync(join(answers, first));
    await (await byRole(browser, 'button', 'Save…', { within: dialog })).click();
    const second = first.replace(`.${FORMAT}`, ` (2).${FORMAT}`);
    const status = await byRole(browser, 'status', null, { within: dialog });
    await browser.waitUntil(async () => (await textOf(browser, status)).includes(`Saved ${second}`), {
      timeout: 10000,
      timeoutMsg: `the second save was not named "${second}"`,
    });
    assert.deepEqual(readdirSync(answers).sort(), [first, second].sort());
    assert.ok(readFileSync(join(answers, first)).equals(before), 'the first file is never overwritten');
    await browser.keys('Escape');
  });

  it('exports the plan as CSV from the dashboard into the answered folder, with the action in it', async () => {
    await tab(browser, 'Dashboard');
    const plan = await browser.$('article.plan');
    await browser.execute((p) => p.scrollIntoView({ block: 'center' }), plan);
    await (await byRole(browser, 'button', 'Export plan as CSV', { within: plan })).click();
    const today = new Date().toISOString().slice(0, 10);
    const name = `${ORG} – actions – ${today}.csv`;
    const status = await byRole(browser, 'status', null, { within: plan, timeout: 10000 });
    await browser.waitUntil(async () => (await textOf(browser, status)).includes(`Saved ${name}`), {
      timeout: 10000,
      timeoutMsg: `the plan never said "Saved ${name}"`,
    });
    await browser.pause(300);
    await saveScreenshot(browser, 'report-plan-exported');
    const csv = readFileSync(join(answers, name), 'utf8');
    assert.match(csv.split('\n')[0], /title/i, 'a header a tracker can import');
    assert.ok(csv.includes(ACTION), 'the action is a row of the file');
  });

  it('opens from the dashboard, and shows the dialog light and dark at 1280×800 and 1920×1080', async () => {
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ]) {
      await browser.setWindowSize(width, height);
      for (const theme of ['Light', 'Dark']) {
        await (await byRole(browser, 'combobox', 'Theme')).selectByVisibleText(theme);
        await tab(browser, 'Dashboard');
        await (await byRole(browser, 'button', 'Report…')).click();
        const dialog = await byRole(browser, 'dialog', `Report on ${ORG}`);
        await previewHolds(browser, [ORG]);
        // The preview scrolls inside the dialog; the dialog itself stays within the window.
        const geometry = await browser.execute((d) => {
          const preview = d.querySelector('section[aria-label="Preview"]');
          preview.scrollTop = 600;
          const r = d.getBoundingClientRect();
          return {
            inside: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
            scrolls: preview.scrollHeight > preview.clientHeight,
            scrolled: preview.scrollTop,
          };
        }, dialog);
        assert.ok(geometry.inside, `the dialog fits the ${width}×${height} window`);
        assert.ok(geometry.scrolls && geometry.scrolled > 0, 'the report scrolls inside the preview');
        await browser.pause(300);
        await saveScreenshot(browser, `report-dialog-${theme.toLowerCase()}-${width}x${height}`);
        await (await byRole(browser, 'button', 'Close', { within: dialog })).click();
        await browser.waitUntil(async () => (await reportDialog(browser)) === null);
      }
    }
    await browser.setWindowSize(1280, 800);
  });

  it('says there is nothing to report on an organisation with nothing assessed, and saves nothing', async () => {
    const before = readdirSync(answers).length;
    await (await byRole(browser, 'combobox', 'Organisation')).selectByVisibleText(EMPTY);
    await tab(browser, 'Dashboard');
    await browser.waitUntil(async () => (await allByRole(browser, 'heading', EMPTY)).length > 0);
    await (await byRole(browser, 'button', 'Report…')).click();
    const dialog = await byRole(browser, 'dialog', `Report on ${EMPTY}`);
    const alert = await byRole(browser, 'alert', null, { within: dialog, timeout: 10000 });
    assert.match(await textOf(browser, alert), new RegExp(EMPTY), 'the core’s message, naming the organisation');
    assert.equal(
      await browser.execute((d) => d.querySelector('iframe') === null, dialog),
      true,
      'no preview of empty charts',
    );
    const save = await byRole(browser, 'button', 'Save…', { within: dialog });
    assert.equal(await save.isEnabled(), false, 'nothing to save');
    await saveScreenshot(browser, 'report-dialog-nothing-assessed');
    await browser.keys('Escape');
    assert.equal(readdirSync(answers).length, before, 'no file was written');
  });
});
