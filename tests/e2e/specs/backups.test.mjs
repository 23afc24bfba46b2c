// Backups, the menu bar and the export folder in the real app. Back up, change an assessment,
// restore the backup from the Restore list and find the earlier value in the running window
// (and the copy kept of the replaced database in the list); the menu's items reach the same
// functions their buttons and keys call; a folder chosen in Preferences is where the next report
// is saved. WebDriver can click neither a native menu nor a native dialog, so the app runs with
// its test seams: ATLAS_TEST_MENU lets the page ask the shell to do what a menu click does (the
// shell then sends the same `menu` event), ATLAS_FOLDER_DIALOG_ANSWER answers the folder dialog,
// and ATLAS_SAVE_DIALOG_ANSWER=proposed answers every save dialog with what it proposes.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  allByRole,
  byRole,
  launchApp,
  saved,
  saveScreenshot,
  textOf,
  waitForGraph,
  waitForOrganisation,
} from '../support.mjs';
import { seedNorthwind } from '../fixtures/seed.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'atlas-e2e-backups-'));
seedNorthwind(dataDir);
const chosenFolder = mkdtempSync(join(tmpdir(), 'atlas-e2e-backups-exports-'));
// The app inherits these through the driver.
process.env.ATLAS_TEST_MENU = '1';
process.env.ATLAS_FOLDER_DIALOG_ANSWER = chosenFolder;
process.env.ATLAS_SAVE_DIALOG_ANSWER = 'proposed';
process.env.ATLAS_NO_OPEN = '1';
// File > Import… asks for a file at once: this one is not there, so the dialog says so.
process.env.ATLAS_OPEN_DIALOG_ANSWER = join(chosenFolder, 'no-such-export.json');

const ORG = 'Northwind Health';
const CAPABILITY = 'Generative AI';

/** Does what clicking menu item `id` does, through the shell (see the header). */
async function clickMenu(browser, id) {
  const failed = await browser.executeAsync((id, done) => {
    window.__TAURI_INTERNALS__.invoke('menu_activate', { id }).then(
      () => done(null),
      (e) => done(JSON.stringify(e)),
    );
  }, id);
  assert.equal(failed, null, `the shell refused menu item ${id}`);
}

/** The text of the notice once one matches `pattern`. */
async function notice(browser, pattern) {
  let found = '';
  await browser.waitUntil(
    async () => {
      const texts = await browser.execute(() =>
        [...document.querySelectorAll('p.notice[role="status"]')].map((e) => e.innerText.trim()),
      );
      found = texts.find((t) => pattern.test(t)) ?? '';
      return found !== '';
    },
    { timeout: 8000, timeoutMsg: `no notice matched ${pattern}` },
  );
  return found;
}

/** The assessment editor of `CAPABILITY`, opened from the graph's node list. */
async function openCapability(browser) {
  const list = await byRole(browser, 'list', 'Nodes in the graph');
  const node = await byRole(browser, 'button', CAPABILITY, { within: list });
  await browser.execute((b) => b.focus(), node);
  await browser.keys('Enter');
  const reader = await byRole(browser, 'complementary', 'Reader');
  return byRole(browser, 'region', 'Assessment', {
    within: reader,
    timeout: 10000,
  });
}

const currentLevel = (browser, editor) =>
  browser.execute(
    (e) => e.querySelector('select[aria-label="Current maturity"]')?.selectedOptions[0]?.textContent?.trim(),
    editor,
  );

async function currentField(browser, editor) {
  return byRole(browser, 'combobox', 'Current maturity', { within: editor });
}

const openDialog = async (browser, name) => (await allByRole(browser, 'dialog', name))[0] ?? null;

async function waitForDialog(browser, name, why) {
  await browser.waitUntil(async () => (await openDialog(browser, name)) !== null, {
    timeout: 5000,
    timeoutMsg: `${why}: no "${name}" dialog opened`,
  });
  return openDialog(browser, name);
}

async function closeDialogs(browser) {
  for (let i = 0; i < 3; i++) {
    const open = await browser.execute(() => !!document.querySelector('dialog[open]'));
    if (!open) return;
    await browser.keys('Escape');
    await browser.pause(150);
  }
}

/** The backups the Restore list shows, as text, newest first. */
const listedBackups = (browser) =>
  browser.execute(() =>
    [...document.querySelectorAll('dialog[open] ul[aria-label="Backups"] > li')].map((li) => li.innerText),
  );

describe('backups, the menu bar and the export folder', () => {
  let app;
  let browser;
  before(async () => {
    app = await launchApp({ dataDir });
    browser = app.browser;
    await browser.setWindowSize(1280, 800);
    await waitForGraph(browser);
    await waitForOrganisation(browser, ORG);
    await (await byRole(browser, 'combobox', 'Theme')).selectByVisibleText('Light');
  });
  after(async () => app?.close());
  afterEach(async () => {
    if (browser) await saveScreenshot(browser, 'backups-last');
  });

  it('backs up from the menu, and restoring that backup brings the earlier value back in the running window', async () => {
    const editor = await openCapability(browser);
    // A change of ours first, so the backup has a last change to show.
    const field = await currentField(browser, editor);
    await browser.execute((s) => s.focus(), field);
    await field.selectByVisibleText('2 — Developing');
    await saved(browser, editor);
    const earlier = await currentLevel(browser, editor);
    assert.equal(earlier, '2 — Developing');
    await clickMenu(browser, 'file.backup');
    const made = await notice(browser, /^Backed up as manual-/);
    const backupName = made.replace(/^Backed up as /, '').replace(/\.$/, '');
    assert.ok(readdirSync(join(dataDir, 'backups')).includes(backupName), `${backupName} is in the backups folder`);

    const current = await currentField(browser, editor);
    await browser.execute((s) => s.focus(), current);
    await current.selectByVisibleText('4 — Managed');
    await saved(browser, editor);
    assert.equal(await currentLevel(browser, editor), '4 — Managed');

    await clickMenu(browser, 'file.restore');
    const dialog = await waitForDialog(browser, 'Restore a backup', 'File > Restore…');
    await browser.waitUntil(async () => (await listedBackups(browser)).length > 0, { timeout: 5000 });
    const listed = await listedBackups(browser);
    assert.match(listed[0], /Backed up by hand/, `newest first: the backup just made leads the list (${listed[0]})`);
    assert.match(listed[0], /1 organisation: Northwind Health/, 'the list says what the backup holds');
    assert.match(
      listed[0],
      /Last change \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC by /,
      'and its last change, dated, with its author',
    );
    await saveScreenshot(browser, 'backups-restore-list-1280-light');

    const restoreButtons = await browser.execute(
      (d) => [...d.querySelectorAll('ul[aria-label="Backups"] > li button')].map((b) => b.getAttribute('aria-label')),
      dialog,
    );
    await (await byRole(browser, 'button', restoreButtons[0], { within: dialog })).click();
    await (await byRole(browser, 'button', 'Restore this backup', { within: dialog })).click();
    const status = await byRole(browser, 'status', null, {
      within: dialog,
      timeout: 10000,
    });
    await browser.waitUntil(async () => (await textOf(browser, status)).startsWith('Restored the backup of'), {
      timeout: 15000,
      timeoutMsg: 'the Restore list never said the backup was restored',
    });
    assert.match(await textOf(browser, status), /kept as before-restore-/, 'it says where the replaced database went');
    let top = [];
    await browser
      .waitUntil(
        async () => {
          top = await listedBackups(browser);
          return /Kept before a restore/.test(top[0] ?? '');
        },
        { timeout: 5000 },
      )
      .catch(() =>
        assert.fail(`the copy of the replaced database never led the list: ${JSON.stringify(top.slice(0, 3))}`),
      );
    assert.ok(
      readdirSync(join(dataDir, 'backups')).some((n) => n.startsWith('before-restore-')),
      'the database in use was backed up before the restore',
    );
    await closeDialogs(browser);

    await waitForOrganisation(browser, ORG, 'the restored organisation stays the active one');
    const again = await openCapability(browser);
    await browser.waitUntil(async () => (await currentLevel(browser, again)) === earlier, {
      timeout: 8000,
      timeoutMsg: `after the restore the capability shows ${await currentLevel(browser, again)}, not the backed-up ${earlier}`,
    });
  });

  it('sends each menu item to the function its button or key calls', async () => {
    await clickMenu(browser, 'file.new-organisation');
    const field = await byRole(browser, 'textbox', 'Organisation name');
    assert.equal(
      await browser.execute((f) => document.activeElement === f, field),
      true,
      'File > New organisation… puts the keyboard in the name field, as "+" does',
    );
    await closeDialogs(browser);

    await clickMenu(browser, 'file.preferences');
    await waitForDialog(browser, 'Preferences', 'File > Preferences…');
    await closeDialogs(browser);

    await clickMenu(browser, 'view.map');
    await browser.waitUntil(
      async () => (await (await byRole(browser, 'tab', 'Map')).getAttribute('aria-selected')) === 'true',
      { timeout: 5000, timeoutMsg: 'View > Map did not switch to the map' },
    );
    await clickMenu(browser, 'view.graph');
    await browser.waitUntil(
      async () => (await (await byRole(browser, 'tab', 'Graph')).getAttribute('aria-selected')) === 'true',
      { timeout: 5000, timeoutMsg: 'View > Graph did not switch back' },
    );

    const editor = await openCapability(browser);
    const earlier = await currentLevel(browser, editor);
    const current = await currentField(browser, editor);
    await browser.execute((s) => s.focus(), current);
    await current.selectByVisibleText('3 — Defined');
    await saved(browser, editor);
    await clickMenu(browser, 'edit.undo');
    await notice(browser, /^Undid: /);
    await browser.waitUntil(async () => (await currentLevel(browser, editor)) === earlier, {
      timeout: 5000,
      timeoutMsg: `Edit > Undo left ${await currentLevel(browser, editor)}, not ${earlier}`,
    });

    // File > Import… and Export… open the organisation menu's dialogs.
    await clickMenu(browser, 'file.import');
    const importing = await waitForDialog(browser, 'Import', 'File > Import…');
    await browser.waitUntil(async () => (await textOf(browser, importing)).includes('Nothing was imported.'), {
      timeout: 5000,
      timeoutMsg: 'File > Import… with a file that is not there did not say nothing was imported',
    });
    await closeDialogs(browser);
    await clickMenu(browser, 'file.export');
    await waitForDialog(browser, 'Export', 'File > Export…');
    await closeDialogs(browser);
  });

  it('saves the next report in the export folder chosen in Preferences, and keeps the choice', async () => {
    await (await byRole(browser, 'button', 'Preferences')).click();
    const prefs = await waitForDialog(browser, 'Preferences', 'the gear');
    await (
      await byRole(browser, 'button', 'Choose the export folder', {
        within: prefs,
      })
    ).click();
    await browser.waitUntil(
      async () => (await browser.execute((d) => d.querySelector('output')?.textContent, prefs)) === chosenFolder,
      {
        timeout: 5000,
        timeoutMsg: 'Preferences never showed the folder chosen',
      },
    );
    await browser.pause(500);
    assert.equal(
      await browser.execute((d) => d.querySelector('output')?.textContent, prefs),
      chosenFolder,
      'the folder chosen stays shown (a late answer about the earlier one must not replace it)',
    );
    await saveScreenshot(browser, 'backups-preferences-data');
    await closeDialogs(browser);
    const saved_ = JSON.parse(readFileSync(join(dataDir, 'preferences.json'), 'utf8'));
    assert.equal(saved_.export_dir, chosenFolder, 'the folder is kept in preferences.json for the next start');

    await clickMenu(browser, 'file.report');
    const dialog = await waitForDialog(browser, `Report on ${ORG}`, 'File > Report…');
    await (await byRole(browser, 'button', 'Save…', { within: dialog })).click();
    const status = await byRole(browser, 'status', null, {
      within: dialog,
      timeout: 10000,
    });
    await browser.waitUntil(async () => (await textOf(browser, status)).includes('Saved '), {
      timeout: 30000,
      timeoutMsg: 'the report was never saved',
    });
    const files = readdirSync(chosenFolder);
    assert.equal(files.length, 1, `the report lands in the chosen folder (found ${files.join(', ')})`);
    assert.match(files[0], new RegExp(`^${ORG} – board report – `));
    await closeDialogs(browser);
  });

  it('shows the Restore list light and dark at 1280×800 and 1920×1080', async () => {
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ]) {
      await browser.setWindowSize(width, height);
      for (const theme of ['Light', 'Dark']) {
        await (await byRole(browser, 'combobox', 'Theme')).selectByVisibleText(theme);
        await clickMenu(browser, 'file.restore');
        await waitForDialog(browser, 'Restore a backup', 'File > Restore…');
        await browser.waitUntil(async () => (await listedBackups(browser)).length >= 2, { timeout: 5000 });
        const box = await browser.execute(() => {
          const r = document.querySelector('dialog[open]').getBoundingClientRect();
          return {
            top: r.top,
            bottom: r.bottom,
            left: r.left,
            right: r.right,
            w: innerWidth,
            h: innerHeight,
          };
        });
        assert.ok(
          box.top >= 0 && box.left >= 0 && box.bottom <= box.h && box.right <= box.w,
          `the Restore list fits the ${width}×${height} window: ${JSON.stringify(box)}`,
        );
        await browser.pause(200);
        await saveScreenshot(browser, `backups-restore-list-${width}-${theme.toLowerCase()}`);
        await closeDialogs(browser);
      }
    }
    await (await byRole(browser, 'combobox', 'Theme')).selectByVisibleText('Light');
  });
});
