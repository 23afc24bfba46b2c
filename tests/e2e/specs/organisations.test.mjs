// An organisation's life from the window, as a person lives it: "+" puts the keyboard in the
// name field and every key typed there reaches it (none switches the view); a name taken in
// other capitals, or a blank one, is refused right beside the field, on screen at 1280×800;
// rename; delete and take it back with the notice's Undo; delete and restore from the list of
// deleted ones; and the name set in Preferences is the one the history then shows.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  byRole,
  launchApp,
  saveScreenshot,
  selectedOrganisation,
  textOf,
  waitForGraph,
  waitForOrganisation,
} from '../support.mjs';

const selectedView = (browser) =>
  browser.execute(() => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent?.trim());

async function fromMenu(browser, item) {
  // The menu is a <details>; its summary has no implicit role to find it by.
  await browser.execute(() => {
    const menu = document.querySelector('details.menu summary[aria-label="Organisation menu"]');
    if (!menu.parentElement.open) menu.click();
  });
  await (await byRole(browser, 'button', item)).click();
}

/** The notice's text once it matches `pattern`. */
async function notice(browser, pattern) {
  let found = '';
  await browser.waitUntil(
    async () => {
      const texts = await browser.execute(() =>
        [...document.querySelectorAll('[role="status"]')].map((e) => e.innerText.trim()),
      );
      found = texts.find((t) => pattern.test(t)) ?? '';
      return found !== '';
    },
    { timeout: 5000, timeoutMsg: `no notice matched ${pattern}` },
  );
  return found;
}

/** Where the refusal is drawn, against the name field and the window. */
const refusalPlace = (browser) =>
  browser.execute(() => {
    const field = document.activeElement;
    const alert = document.querySelector('dialog[open] [role="alert"]');
    const box = (e) => e.getBoundingClientRect().toJSON();
    return {
      text: alert?.innerText ?? '',
      alert: alert ? box(alert) : null,
      field: box(field),
      window: { width: innerWidth, height: innerHeight },
      invalid: field.getAttribute('aria-invalid'),
      describedBy: (field.getAttribute('aria-describedby') ?? '').split(' '),
      alertId: alert?.id ?? null,
      fieldIsName: field.getAttribute('id') === document.querySelector('dialog[open] input')?.id,
    };
  });

function assertBesideTheField(place, what) {
  assert.ok(place.alert, `${what}: a message is shown`);
  assert.ok(place.fieldIsName, `${what}: the keyboard stays in the name field to correct it`);
  const { alert, field, window } = place;
  assert.ok(
    alert.top >= 0 && alert.left >= 0 && alert.bottom <= window.height && alert.right <= window.width,
    `${what}: the message must be inside the ${window.width}×${window.height} window, is at ${JSON.stringify(alert)}`,
  );
  assert.ok(
    alert.top >= field.bottom - 1 &&
      alert.top - field.bottom < 40 &&
      alert.left < field.right &&
      field.left < alert.right,
    `${what}: the message must sit right under the field (field ${JSON.stringify(field)}, message ${JSON.stringify(alert)})`,
  );
  assert.equal(place.invalid, 'true', `${what}: the field is marked invalid`);
  assert.ok(place.describedBy.includes(place.alertId), `${what}: the field is described by the message`);
}

describe('organisations from the window', () => {
  let app;
  before(async () => {
    app = await launchApp();
    await app.browser.setWindowSize(1280, 800);
    await waitForGraph(app.browser);
    // The webview keeps the last theme between runs; the screenshots named "light" must be.
    await (await byRole(app.browser, 'combobox', 'Theme')).selectByVisibleText('Light');
  });
  after(async () => app?.close());

  it('"+" puts the keyboard in the name field, and every key typed reaches it without switching the view', async () => {
    const { browser } = app;
    assert.equal(await selectedView(browser), 'Graph');
    await (await byRole(browser, 'button', 'New organisation')).click();
    const field = await byRole(browser, 'textbox', 'Organisation name');
    assert.equal(
      await browser.execute((f) => document.activeElement === f, field),
      true,
      'after "+" the name field has the keyboard, so typing is not taken as shortcuts',
    );
    await browser.execute((f) => {
      window.keysReachingName = 0;
      f.addEventListener('keydown', () => window.keysReachingName++);
    }, field);
    // "o", "m", "d", "g" switch views when nobody is typing.
    const typed = 'Contoso Bank dog mom';
    for (const key of typed) await browser.keys(key);
    assert.equal(await browser.execute(() => window.keysReachingName), typed.length, 'every key reached the field');
    assert.equal(await field.getValue(), typed, 'and every key is in it');
    assert.equal(await selectedView(browser), 'Graph', '"o", "m", "d" and "g" typed into a field switched no view');
    await browser.execute((f) => (f.value = ''), field);
    await field.setValue('Contoso Bank');
    await (await byRole(browser, 'button', 'Create')).click();
    await waitForOrganisation(browser, 'Contoso Bank', 'the organisation created is the active one');
  });

  it('refuses a name taken in other capitals, and a blank one, beside the field on a 1280×800 screen', async () => {
    const { browser } = app;
    await (await byRole(browser, 'button', 'New organisation')).click();
    const field = await byRole(browser, 'textbox', 'Organisation name');
    await field.setValue('contoso bank');
    await (await byRole(browser, 'button', 'Create')).click();
    await browser.waitUntil(async () => (await refusalPlace(browser)).alert !== null, {
      timeout: 5000,
      timeoutMsg: 'no message said why the duplicate was refused',
    });
    let place = await refusalPlace(browser);
    assert.match(place.text, /`Contoso Bank` already exists/, 'the message names the organisation already there');
    assertBesideTheField(place, 'a duplicate in other capitals');
    await saveScreenshot(browser, 'org-create-refused-1280-light');

    await browser.execute((f) => f.select(), field);
    for (const key of '   ') await browser.keys(key);
    await (await byRole(browser, 'button', 'Create')).click();
    await browser.waitUntil(async () => /required/.test((await refusalPlace(browser)).text), {
      timeout: 5000,
      timeoutMsg: 'no message said a blank name is refused',
    });
    place = await refusalPlace(browser);
    assertBesideTheField(place, 'a blank name');
    await (await byRole(browser, 'button', 'Cancel')).click();
    const names = await browser.execute(() =>
      [...document.querySelectorAll('select[aria-label="Organisation"] option')].map((o) => o.textContent),
    );
    assert.deepEqual(names, ['Contoso Bank'], 'nothing was created by the refused names');
  });

  it('renames the organisation', async () => {
    const { browser } = app;
    await fromMenu(browser, 'Rename…');
    const field = await byRole(browser, 'textbox', 'Organisation name');
    assert.equal(await field.getValue(), 'Contoso Bank', 'the rename starts from the current name');
    await field.setValue('Contoso Retail');
    await (await byRole(browser, 'button', 'Rename')).click();
    await waitForOrganisation(browser, 'Contoso Retail', 'the header shows the new name');
  });

  it('deletes it, and the Undo in the notice brings it back', async () => {
    const { browser } = app;
    await fromMenu(browser, 'Delete');
    const said = await notice(browser, /^Deleted/);
    assert.match(said, /^Deleted “Contoso Retail”\.\s*Undo$/, 'the notice names what was deleted and offers Undo');
    assert.equal(await selectedOrganisation(browser), null, 'it left the header');
    await saveScreenshot(browser, 'org-deleted-notice-1280-light');
    await (await byRole(browser, 'button', 'Undo')).click();
    await waitForOrganisation(browser, 'Contoso Retail', 'Undo brought the organisation back');
  });

  it('deletes it, and brings it back from the list of deleted organisations', async () => {
    const { browser } = app;
    await fromMenu(browser, 'Delete');
    await notice(browser, /^Deleted/);
    await fromMenu(browser, 'Deleted organisations…');
    const list = await byRole(browser, 'list', 'Deleted organisations');
    const text = await textOf(browser, list);
    assert.match(text, /Contoso Retail\s+deleted \S/, 'the list names the organisation and when it was deleted');
    for (const size of [
      [1280, 800],
      [1920, 1080],
    ]) {
      await browser.setWindowSize(...size);
      await saveScreenshot(browser, `org-deleted-list-${size[0]}-light`);
    }
    await browser.setWindowSize(1280, 800);
    await (await byRole(browser, 'button', 'Restore Contoso Retail')).click();
    await waitForOrganisation(browser, 'Contoso Retail', 'the restored organisation is the active one');
    const said = await notice(browser, /^(Deleted|Restored)/);
    assert.equal(said, 'Restored “Contoso Retail”.', "the delete's Undo is gone: it would now take back the restore");
    const outside = await browser.execute(() =>
      [...document.querySelectorAll('header.topbar button, header.topbar select, header.topbar summary')]
        .filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5)
        .map((e) => e.getAttribute('aria-label') ?? e.textContent.trim()),
    );
    assert.deepEqual(outside, [], 'every header control stays inside a 1280 px window');
  });

  it('writes the name set in Preferences into the history of the next change', async () => {
    const { browser } = app;
    await (await byRole(browser, 'button', 'Preferences')).click();
    const name = await byRole(browser, 'textbox', 'Your name in the history');
    assert.equal(
      await browser.execute((f) => document.activeElement === f, name),
      true,
      'the dialog opens with the keyboard in the name',
    );
    const placeholder = await name.getAttribute('placeholder');
    assert.ok(
      placeholder && placeholder.toLowerCase() !== 'unknown',
      `the default author is a name, not "${placeholder}"`,
    );
    const folder = await browser.execute(() => document.querySelector('dialog[open] .folder')?.innerText ?? '');
    assert.ok(folder.trim().startsWith('/'), `the export folder is shown: ${folder}`);
    await name.setValue('Grace Hopper');
    for (const [w, h] of [
      [1280, 800],
      [1920, 1080],
    ]) {
      await browser.setWindowSize(w, h);
      await saveScreenshot(browser, `preferences-${w}-light`);
    }
    await browser.setWindowSize(1280, 800);
    await (await byRole(browser, 'button', 'Save')).click();
    await browser.waitUntil(async () => browser.execute(() => !document.querySelector('dialog[open]')), {
      timeout: 5000,
      timeoutMsg: `Preferences did not save: ${await browser.execute(() => document.querySelector('dialog[open]')?.innerText)}`,
    });

    const nodes = await byRole(browser, 'list', 'Nodes in the graph');
    const button = await byRole(browser, 'button', 'Data curation', {
      within: nodes,
    });
    await browser.execute((b) => b.focus(), button);
    await browser.keys('Enter');
    await saveScreenshot(browser, 'preferences-then-capability');
    const editor = await byRole(browser, 'region', 'Assessment', {
      timeout: 10000,
    });
    const current = await byRole(browser, 'combobox', 'Current maturity', {
      within: editor,
    });
    await current.selectByIndex(2);
    let authors = [];
    await browser.waitUntil(
      async () => {
        authors = await browser.execute(
          (e) => [...e.querySelectorAll('.timeline .author')].map((a) => a.textContent.trim()),
          editor,
        );
        return authors.length > 0;
      },
      {
        timeout: 5000,
        timeoutMsg: 'the change never reached the history timeline',
      },
    );
    assert.equal(authors[0], 'Grace Hopper', 'the newest change is attributed to the name chosen in Preferences');
  });

  it('shows the dialogs in the dark theme too', async () => {
    const { browser } = app;
    await (await byRole(browser, 'combobox', 'Theme')).selectByVisibleText('Dark');
    for (const [w, h] of [
      [1280, 800],
      [1920, 1080],
    ]) {
      await browser.setWindowSize(w, h);
      await (await byRole(browser, 'button', 'Preferences')).click();
      await byRole(browser, 'textbox', 'Your name in the history');
      await saveScreenshot(browser, `preferences-${w}-dark`);
      await (await byRole(browser, 'button', 'Cancel')).click();
      await fromMenu(browser, 'Deleted organisations…');
      await byRole(browser, 'heading', 'Deleted organisations');
      await saveScreenshot(browser, `org-deleted-list-${w}-dark`);
      await (await byRole(browser, 'button', 'Close')).click();
      await (await byRole(browser, 'button', 'New organisation')).click();
      await (await byRole(browser, 'textbox', 'Organisation name')).setValue('CONTOSO RETAIL');
      await (await byRole(browser, 'button', 'Create')).click();
      await browser.waitUntil(async () => (await refusalPlace(browser)).alert !== null, { timeout: 5000 });
      const place = await refusalPlace(browser);
      assert.match(place.text, /already exists/, `at ${w} px, dark`);
      assertBesideTheField(place, `at ${w} px, dark`);
      await browser.pause(300);
      await saveScreenshot(browser, `org-create-refused-${w}-dark`);
      await (await byRole(browser, 'button', 'Cancel')).click();
    }
    await browser.setWindowSize(1920, 1080);
    await (await byRole(browser, 'combobox', 'Theme')).selectByVisibleText('Light');
    await (await byRole(browser, 'button', 'New organisation')).click();
    await (await byRole(browser, 'textbox', 'Organisation name')).setValue('contoso retail');
    await (await byRole(browser, 'button', 'Create')).click();
    await browser.waitUntil(async () => (await refusalPlace(browser)).alert !== null, { timeout: 5000 });
    assertBesideTheField(await refusalPlace(browser), 'at 1920×1080');
    await saveScreenshot(browser, 'org-create-refused-1920-light');
    await (await byRole(browser, 'button', 'Cancel')).click();
  });
});
