// Import and export from the window, in the real app: Northwind Health exported as JSON through
// the organisation menu (the save dialog answered by ATLAS_SAVE_DIALOG_ANSWER), imported into a
// fresh data folder through the open dialog (answered by ATLAS_OPEN_DIALOG_ANSWER, a file this
// spec rewrites between imports) and every field found again; a merge whose two conflicts show
// both values with who changed them when, resolved one each way; a truncated file refused with
// the place named and nothing changed.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allByRole, appBinary, byRole, launchApp, saveScreenshot, tab, textOf, waitForGraph, waitForOrganisation } from '../support.mjs';
import { northwind } from '../fixtures/seed.mjs';

const ORG = 'Northwind Health';
const CAP = 'data-curation';
const NOTES = 'Catalogue owned by the **Chief Data Officer**; lineage covers the claims warehouse only.';
const THEIR_NOTES = 'Lineage now covers every warehouse (audit, November).';
const EVIDENCE = 'Data catalogue policy';
const ACTION = 'Name a steward for each claims table';

/** Northwind with every field on data curation, and the history that says who set them. */
function source() {
  const doc = northwind();
  const org = doc.organisations[0];
  const dc = org.assessments[CAP];
  Object.assign(dc, {
    evidence: [{ label: EVIDENCE, url: 'https://example.org/catalogue' }],
    actions: [{ id: 'a1', title: ACTION, owner: null, due: '2027-03-31', status: 'open', note: '' }],
  });
  org.history = [
    {
      author: 'Ada Seed',
      at: '2026-10-01T09:30:00Z',
      action: 'edit',
      reverts: null,
      state: 'active',
      changes: [
        { capability: CAP, field: 'target', old: null, new: 4 },
        { capability: CAP, field: 'notes', old: '', new: NOTES },
      ],
    },
  ];
  return doc;
}

const seeded = mkdtempSync(join(tmpdir(), 'atlas-e2e-transfer-a-'));
writeFileSync(join(seeded, 'northwind.json'), JSON.stringify(source(), null, 2));
execFileSync(appBinary, ['--data-dir', seeded, 'import', join(seeded, 'northwind.json')], { stdio: 'pipe' });
const answers = mkdtempSync(join(tmpdir(), 'atlas-e2e-transfer-answers-'));
const chosen = join(mkdtempSync(join(tmpdir(), 'atlas-e2e-transfer-open-')), 'chosen.json');
// The app inherits these through the driver, read once at its start.
process.env.ATLAS_SAVE_DIALOG_ANSWER = answers;
process.env.ATLAS_OPEN_DIALOG_ANSWER = chosen;
process.env.ATLAS_NO_OPEN = '1';

async function orgMenu(browser, item) {
  await (await browser.$('summary[aria-label="Organisation menu"]')).click();
  const panel = await byRole(browser, 'group', 'Organisation');
  await (await byRole(browser, 'button', item, { within: panel })).click();
}

const dialogNamed = async (browser, prefix) =>
  (
    await browser.execute(
      (p) =>
        [...document.querySelectorAll('dialog[open]')].find((d) =>
          (document.getElementById(d.getAttribute('aria-labelledby'))?.textContent ?? '').trim().startsWith(p),
        ) ?? null,
      prefix,
    )
  ) ?? null;

async function openDialog(browser, prefix) {
  let found = null;
  await browser.waitUntil(async () => (found = await dialogNamed(browser, prefix)) !== null, {
    timeout: 8000,
    timeoutMsg: `no dialog "${prefix}…" opened`,
  });
  return browser.$(found);
}

async function capabilityEditor(browser, title) {
  await tab(browser, 'Graph');
  const list = await byRole(browser, 'list', 'Nodes in the graph');
  const button = await byRole(browser, 'button', title, { within: list });
  await browser.execute((b) => b.focus(), button);
  await browser.keys('Enter');
  const reader = await byRole(browser, 'complementary', 'Reader');
  await browser.waitUntil(
    async () => (await browser.execute(() => document.getElementById('reader-title')?.textContent ?? '')) === title,
    { timeout: 5000, timeoutMsg: `the reader did not show ${title}` },
  );
  return byRole(browser, 'region', 'Assessment', { within: reader, timeout: 10000 });
}

const noticeText = async (browser, pattern) => {
  let text = '';
  await browser.waitUntil(
    async () => {
      text = (await browser.execute(() => document.querySelector('.notice')?.innerText ?? '')).trim();
      return pattern.test(text);
    },
    { timeout: 8000, timeoutMsg: `the notice never matched ${pattern}` },
  );
  return text;
};

const organisationNames = (browser) =>
  browser.execute(() => [...(document.querySelector('select[aria-label="Organisation"]')?.options ?? [])].map((o) => o.text));

describe('export and import from the window', () => {
  let exported;

  describe('in the app that holds Northwind', () => {
    let app;
    let browser;
    before(async () => {
      app = await launchApp({ dataDir: seeded });
      browser = app.browser;
      await browser.setWindowSize(1280, 800);
      await waitForGraph(browser);
      await waitForOrganisation(browser, ORG);
    });
    after(async () => app?.close());
    afterEach(async () => browser && saveScreenshot(browser, 'transfer-last'));

    it('exports this organisation as JSON through the save dialog', async () => {
      await orgMenu(browser, 'Export…');
      const dialog = await openDialog(browser, 'Export');
      await (await byRole(browser, 'button', 'Export…', { within: dialog })).click();
      const said = await noticeText(browser, /^Saved “/);
      const files = readdirSync(answers);
      assert.equal(files.length, 1, `one file saved: ${files}`);
      assert.match(files[0], /^Northwind Health – export – \d{4}-\d{2}-\d{2}\.json$/, 'named after whose export it is');
      assert.ok(said.includes(files[0]), `the notice names the file: ${said}`);
      exported = join(answers, files[0]);
      const doc = JSON.parse(readFileSync(exported, 'utf8'));
      assert.equal(doc.organisations[0].assessments[CAP].actions[0].title, ACTION, 'the file holds the action');
    });
  });

  describe('in an app on a fresh data folder', () => {
    let app;
    let browser;
    before(async () => {
      assert.ok(exported, 'the export before it must have run');
      copyFileSync(exported, chosen);
      app = await launchApp(); // its own new, empty data folder
      browser = app.browser;
      await browser.setWindowSize(1280, 800);
      await waitForGraph(browser);
    });
    after(async () => app?.close());
    afterEach(async () => browser && saveScreenshot(browser, 'transfer-last'));

    it('imports the export and finds every field in the window', async () => {
      assert.deepEqual(await organisationNames(browser), [], 'the folder starts empty');
      await orgMenu(browser, 'Import…');
      const dialog = await openDialog(browser, 'Import “');
      const table = await byRole(browser, 'table', 'What the file would change', { within: dialog });
      assert.equal(
        await browser.execute(() => document.activeElement?.closest('label')?.textContent.trim() ?? null),
        'Add as new organisations',
        'the keyboard starts on how the file goes in (nothing here to merge into)',
      );
      const row = await textOf(browser, table);
      assert.match(row, /Northwind Health\s+added as new/, `the preview says what becomes of it: ${row}`);
      assert.match(row, /\b32\s+0\s+1\s+1\b/, `32 assessments, 1 action, 1 snapshot: ${row}`);
      await (await byRole(browser, 'button', 'Import', { within: dialog })).click();
      await noticeText(browser, /^Imported: added “Northwind Health”; 1 snapshot\./);
      await waitForOrganisation(browser, ORG, 'the imported organisation is shown');

      const editor = await capabilityEditor(browser, 'Data curation');
      const value = async (role, name) => (await byRole(browser, role, name, { within: editor })).getValue();
      assert.equal(await value('combobox', 'Current maturity'), '2');
      assert.equal(await value('combobox', 'Target maturity'), '4');
      assert.equal(await value('textbox', 'Notes'), NOTES);
      assert.match(await textOf(browser, await byRole(browser, 'list', 'Evidence', { within: editor })), new RegExp(EVIDENCE));
      const fields = await browser.execute((e) => [...e.querySelectorAll('input, textarea')].map((i) => i.value), editor);
      assert.ok(fields.includes(ACTION), `the action is in the plan under the assessment: ${fields}`);
      assert.ok(fields.includes('2027-03-31'), 'with its due date');
      await tab(browser, 'Dashboard');
      const compare = await byRole(browser, 'combobox', 'Compare');
      const options = await browser.execute((s) => [...s.options].map((o) => o.text), compare);
      assert.ok(options.includes('Q3 baseline'), `the snapshot came too: ${options}`);
    });

    it('merges a file with two conflicts, shows both sides with who and when, and resolves one each way', async () => {
      const doc = JSON.parse(readFileSync(exported, 'utf8'));
      const org = doc.organisations[0];
      org.assessments[CAP].notes = THEIR_NOTES;
      org.assessments[CAP].target = 5;
      org.history.push({
        author: 'Bea Field',
        at: '2026-11-20T14:00:00Z',
        action: 'edit',
        reverts: null,
        state: 'active',
        changes: [
          { capability: CAP, field: 'target', old: 4, new: 5 },
          { capability: CAP, field: 'notes', old: NOTES, new: THEIR_NOTES },
        ],
      });
      writeFileSync(chosen, JSON.stringify(doc, null, 2));

      await orgMenu(browser, 'Import…');
      let dialog = await openDialog(browser, 'Import “');
      const checked = await browser.execute(
        (d) => [...d.querySelectorAll('input[type=radio]:checked')].map((r) => r.parentElement.textContent.trim()),
        dialog,
      );
      assert.ok(checked.includes('Merge into organisations of the same name'), `merging is chosen: ${checked}`);
      const conflicts = await byRole(browser, 'table', 'Conflicts (2)', { within: dialog });
      const seen = await textOf(browser, conflicts);
      for (const part of [NOTES.slice(0, 30), THEIR_NOTES, 'Ada Seed', 'Bea Field', '2026', 'target maturity', 'notes']) {
        assert.ok(seen.includes(part), `the review shows ${part} before anything is chosen:\n${seen}`);
      }
      for (const [width, height] of [
        [1280, 800],
        [1920, 1080],
      ]) {
        for (const theme of ['Light', 'Dark']) {
          if ((await dialogNamed(browser, 'Import “')) !== null) await browser.keys('Escape');
          await browser.waitUntil(async () => (await dialogNamed(browser, 'Import “')) === null, { timeout: 3000 });
          await browser.setWindowSize(width, height);
          // With "Northwind Health" in the organisation picker, every header control is on screen.
          const cut = await browser.execute(() =>
            [...document.querySelectorAll('header button, header select')]
              .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
              .map((el) => el.getAttribute('aria-label') ?? el.textContent.trim()),
          );
          assert.deepEqual(cut, [], `header controls cut off at ${width}×${height}`);
          await (await byRole(browser, 'combobox', 'Theme')).selectByVisibleText(theme);
          await orgMenu(browser, 'Import…');
          await openDialog(browser, 'Import “');
          await byRole(browser, 'table', 'Conflicts (2)');
          await saveScreenshot(browser, `transfer-merge-${theme.toLowerCase()}-${width}x${height}`);
        }
      }
      dialog = await openDialog(browser, 'Import “');
      await (await byRole(browser, 'radiogroup', 'Data curation, notes', { within: dialog })).$('input[type=radio]:not(:checked)').click();
      await (await byRole(browser, 'button', 'Import', { within: dialog })).click();
      await noticeText(browser, /merged into “Northwind Health” \(0 fields filled, 1 of 2 conflicts taken from the file\)/);
      const editor = await capabilityEditor(browser, 'Data curation');
      assert.equal(await (await byRole(browser, 'textbox', 'Notes', { within: editor })).getValue(), THEIR_NOTES, 'theirs was taken for the notes');
      assert.equal(
        await (await byRole(browser, 'combobox', 'Target maturity', { within: editor })).getValue(),
        '4',
        'mine was kept for the target',
      );
    });

    it('refuses a truncated file, naming where it broke, and changes nothing', async () => {
      await browser.setWindowSize(1280, 800);
      const before = await organisationNames(browser);
      const text = readFileSync(exported, 'utf8');
      writeFileSync(chosen, text.slice(0, Math.floor(text.length / 2)));
      await orgMenu(browser, 'Import…');
      const dialog = await openDialog(browser, 'Import');
      const alert = await byRole(browser, 'alert', null, { within: dialog, timeout: 8000 });
      const said = await textOf(browser, alert);
      assert.match(said, /^chosen\.json: not a complete JSON document: .* line \d+ column \d+/, `names the file and where: ${said}`);
      assert.match(await textOf(browser, dialog), /Nothing was imported\./);
      assert.equal((await allByRole(browser, 'button', 'Import', dialog)).length, 0, 'nothing to import');
      await saveScreenshot(browser, 'transfer-truncated');
      await browser.keys('Escape');
      assert.deepEqual(await organisationNames(browser), before, 'the organisation list is the same');
      const editor = await capabilityEditor(browser, 'Data curation');
      assert.equal(await (await byRole(browser, 'textbox', 'Notes', { within: editor })).getValue(), THEIR_NOTES, 'the values are the same');
    });
  });
});
