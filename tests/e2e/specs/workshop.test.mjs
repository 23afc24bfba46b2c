// Workshop mode end to end: a facilitator presents a built-in tour to the room with a clicker,
// keeps the organisation's notes private until revealing them, captures what the room decides,
// and has talking points on a second window. Saves the projector at 1920×1080 as an artefact.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { byRole, launchApp, saveScreenshot, textOf, waitForGraph } from '../support.mjs';
import { seedNorthwind } from '../fixtures/seed.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'atlas-e2e-workshop-'));
seedNorthwind(dataDir);

const NOTES = 'Board pack still built by hand each month';
const TOUR = 'business-perspective';

async function stepText(browser) {
  const bar = await byRole(browser, 'group', 'Presentation').catch(() => null);
  return bar ? textOf(browser, bar) : '';
}

async function onScreen(browser) {
  return browser.execute(() => document.querySelector('[aria-label="On screen"]')?.getAttribute('data-node') ?? null);
}

describe('workshop mode', () => {
  let app;
  let browser;
  let main;
  before(async () => {
    app = await launchApp({ dataDir });
    browser = app.browser;
    main = await browser.getWindowHandle();
    await waitForGraph(browser);
    await (await byRole(browser, 'combobox', 'Organisation')).selectByVisibleText('Northwind Health');
  });
  after(async () => app?.close());

  it('starts a built-in tour with F5 and follows the clicker step by step', async () => {
    await browser.keys(['F5']);
    const dialog = await byRole(browser, 'dialog', 'Present');
    await (await byRole(browser, 'combobox', 'Tour', { within: dialog })).selectByAttribute('value', TOUR);
    await saveScreenshot(browser, 'present-start');
    await (await byRole(browser, 'button', 'Start presenting', { within: dialog })).click();
    await browser.waitUntil(async () => (await stepText(browser)).includes('Step 1 of 11'), { timeoutMsg: 'step 1 is not shown' });
    assert.equal(await onScreen(browser), 'business');
    assert.equal(await browser.execute(() => document.documentElement.hasAttribute('data-present')), true);

    // What presentation clickers send: Page Down, three times.
    for (let i = 0; i < 3; i++) {
      await browser.keys(['PageDown']);
      await browser.waitUntil(async () => (await stepText(browser)).includes(`Step ${i + 2} of 11`));
    }
    await browser.waitUntil(async () => (await onScreen(browser)) === 'business-insights', { timeoutMsg: 'the caption did not follow' });
    const graphSelected = await browser.execute(
      () => document.querySelector('[aria-label="Nodes in the graph"] button[aria-pressed="true"]')?.dataset.nodeId,
    );
    assert.equal(graphSelected, 'business-insights', 'the graph focuses the step node');
    const depth = await browser.execute(() => document.querySelector('section[aria-label="Framework graph"] [role="img"]').dataset.focusDepth);
    assert.equal(depth, '1', 'at the step focus depth');
    await browser.keys(['PageUp']);
    await browser.waitUntil(async () => (await stepText(browser)).includes('Step 3 of 11'));
    await browser.keys(['PageDown']);
    await browser.waitUntil(async () => (await stepText(browser)).includes('Step 4 of 11'));
  });

  it('keeps private notes off the page until the facilitator reveals them', async () => {
    const page = () => browser.execute(() => document.body.innerText);
    assert.ok(!(await page()).includes(NOTES), 'notes are hidden while private');
    assert.ok((await stepText(browser)).includes('Private'));
    await browser.keys(['r']);
    await browser.waitUntil(async () => (await page()).includes(NOTES), { timeoutMsg: 'reveal did not show the notes' });
    assert.ok((await stepText(browser)).includes('Revealed to the room'));
  });

  it('blacks the screen out and back with B', async () => {
    await browser.keys(['b']);
    await byRole(browser, 'status', 'Screen blacked out; press B to return');
    await browser.keys(['b']);
    await browser.waitUntil(async () => !(await browser.execute(() => !!document.querySelector('.blackout'))));
  });

  it('captures a maturity in two keystrokes', async () => {
    await browser.keys(['c']);
    await browser.waitUntil(async () => (await stepText(browser)).includes('Current maturity: press 0–5'));
    await browser.keys(['4']);
    await browser.waitUntil(async () => (await stepText(browser)).includes('Current maturity of Business insights: 4'), {
      timeoutMsg: 'the capture was not confirmed',
    });
    await browser.keys(['v']);
    await browser.keys(['3']);
    await browser.waitUntil(async () => (await stepText(browser)).includes('Dots on Business insights: 3'));
  });

  it('shows the next step and its talking points in the presenter window', async () => {
    await browser.waitUntil(async () => (await browser.getWindowHandles()).length === 2, { timeoutMsg: 'no presenter window' });
    const presenter = (await browser.getWindowHandles()).find((h) => h !== main);
    await browser.switchToWindow(presenter);
    try {
      const next = await byRole(browser, 'region', 'Next', { timeout: 10000 });
      await browser.waitUntil(async () => (await textOf(browser, next)).includes('Portfolio management'), {
        timeoutMsg: 'the presenter does not show the next step',
      });
      // The next step's talking points, written in the tour file.
      assert.match(await textOf(browser, next), /Ask the room/);
      const body = await browser.execute(() => document.body.innerText);
      assert.match(body, /Step 4 of 11/);
      assert.ok(body.includes(NOTES), 'the facilitator sees the private notes');
      await saveScreenshot(browser, 'present-presenter');
    } finally {
      await browser.switchToWindow(main);
    }
  });

  it('shows the projector at 1920×1080', async () => {
    await browser.setWindowSize(1920, 1080);
    await browser.pause(1200);
    const size = await browser.execute(() => [window.innerWidth, window.innerHeight]);
    assert.deepEqual(size, [1920, 1080]);
    // No text on the projector is smaller than 20 px.
    const small = await browser.execute(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => el.offsetParent !== null && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
        .filter((el) => !el.closest('.sr-only, [aria-label="Nodes in the graph"], [hidden]'))
        .filter((el) => parseFloat(getComputedStyle(el).fontSize) < 20)
        .map((el) => `${el.tagName}.${el.className}: ${el.textContent.trim().slice(0, 30)}`),
    );
    assert.deepEqual(small, [], 'text smaller than 20 px on the projector');
    await saveScreenshot(browser, 'present-projector');
  });

  it('ends the workshop with a snapshot, and the capture is in the organisation', async () => {
    await browser.keys(['Escape']);
    const dialog = await byRole(browser, 'dialog', null, { timeout: 8000 });
    await (await byRole(browser, 'button', 'End workshop', { within: dialog })).click();
    await browser.waitUntil(async () => !(await browser.execute(() => !!document.querySelector('dialog[open]'))));
    assert.equal(await browser.execute(() => document.documentElement.hasAttribute('data-present')), false);
    await browser.setWindowSize(1280, 800);

    const reader = await byRole(browser, 'complementary', 'Reader');
    const editor = await byRole(browser, 'region', 'Assessment', { within: reader, timeout: 10000 });
    assert.match(await textOf(browser, reader), /Business insights/);
    const current = await byRole(browser, 'combobox', 'Current maturity', { within: editor });
    assert.equal(await current.getValue(), '4', 'the captured level is saved');
    // The history says the change was made in the workshop.
    await browser.execute((e) => e.querySelector('details.history > summary').click(), editor);
    await browser.waitUntil(async () => /in workshop “The Business perspective/.test(await textOf(browser, editor)), {
      timeout: 8000,
      timeoutMsg: 'the history does not attribute the change to the workshop',
    });
    // The dashboard keeps where the room put its dots.
    await (await byRole(browser, 'tab', 'Dashboard')).click();
    await browser.waitUntil(
      async () =>
        (await browser.execute(() => document.querySelector('[aria-label^="Dots in The Business perspective"]')?.textContent ?? '')).includes(
          'Business insights',
        ),
      { timeout: 8000, timeoutMsg: 'the dashboard does not show the workshop dots' },
    );
    await saveScreenshot(browser, 'dashboard-workshops');
    await (await byRole(browser, 'tab', 'Graph')).click();
  });

  it('lets a facilitator build a tour of their own and present it', async () => {
    await (await byRole(browser, 'button', 'Tours')).click();
    const dialog = await byRole(browser, 'dialog', 'Tours');
    await (await byRole(browser, 'button', 'New tour', { within: dialog })).click();
    await (await byRole(browser, 'textbox', 'Title of the new tour', { within: dialog })).setValue('Board offsite');
    await (await byRole(browser, 'button', 'Create', { within: dialog })).click();
    await byRole(browser, 'heading', 'Steps', { within: dialog, timeout: 8000 });
    await (await byRole(browser, 'combobox', 'Node to add', { within: dialog })).selectByAttribute('value', 'data-curation');
    await (await byRole(browser, 'button', 'Add step', { within: dialog })).click();
    await (await byRole(browser, 'combobox', 'Node to add', { within: dialog })).selectByAttribute('value', 'security');
    await (await byRole(browser, 'button', 'Add step', { within: dialog })).click();
    await (await byRole(browser, 'button', 'Move Security up', { within: dialog, timeout: 8000 })).click();
    const steps = await byRole(browser, 'list', 'Steps', { within: dialog }).catch(() => dialog);
    await browser.waitUntil(async () => /Security[\s\S]*Data curation/.test(await textOf(browser, steps)), {
      timeoutMsg: 'the step did not move up',
    });
    // The last step shows the capability map.
    const last = await byRole(browser, 'group', 'Step 3: Data curation', { within: dialog });
    await (await byRole(browser, 'combobox', 'View', { within: last })).selectByAttribute('value', 'map');
    await browser.pause(400);
    await saveScreenshot(browser, 'tours-manager');
    await (await byRole(browser, 'button', 'Present', { within: dialog })).click();
    const start = await byRole(browser, 'dialog', 'Present', { timeout: 8000 });
    await (await byRole(browser, 'button', 'Start presenting', { within: start })).click();
    await browser.waitUntil(async () => (await stepText(browser)).includes('Board offsite'), { timeoutMsg: 'the own tour is not presented' });
    await browser.keys(['End']);
    await browser.waitUntil(async () => (await stepText(browser)).includes('Step 3 of 3'));
    assert.equal(await onScreen(browser), 'data-curation');
    const map = await byRole(browser, 'region', 'Capability map', { timeout: 8000 });
    assert.ok(await map.isDisplayed(), 'the step switches to the map');
    await browser.setWindowSize(1920, 1080);
    await browser.pause(1200);
    await saveScreenshot(browser, 'present-map');
    await browser.setWindowSize(1280, 800);
    await browser.keys(['Home']);
    await browser.waitUntil(async () => (await stepText(browser)).includes('Step 1 of 3'));
    await browser.keys(['Escape']);
    const end = await byRole(browser, 'dialog', null, { timeout: 8000 });
    await (await byRole(browser, 'button', 'End workshop', { within: end })).click();
    await browser.waitUntil(async () => !(await browser.execute(() => document.documentElement.hasAttribute('data-present'))));
  });

  it('runs the ten-minute tour from the keyboard alone, as with a clicker', async () => {
    await browser.keys(['F5']);
    await byRole(browser, 'dialog', 'Present');
    // Start has the focus: Enter starts the first tour, "CAF-AI in ten minutes".
    await browser.keys(['Enter']);
    await browser.waitUntil(async () => (await stepText(browser)).includes('CAF-AI in ten minutes'), {
      timeoutMsg: 'Enter did not start the ten-minute tour',
    });
    const total = Number((await stepText(browser)).match(/Step 1 of (\d+)/)[1]);
    for (let step = 2; step <= total; step++) {
      await browser.keys(['PageDown']);
      await browser.waitUntil(async () => (await stepText(browser)).includes(`Step ${step} of ${total}`));
    }
    await browser.keys(['PageDown']);
    assert.ok((await stepText(browser)).includes(`Step ${total} of ${total}`), 'the last step stays put');
    await browser.keys(['Escape']);
    await byRole(browser, 'dialog', null, { timeout: 8000 });
    // End workshop has the focus: Enter ends it and keeps the snapshot.
    await browser.keys(['Enter']);
    await browser.waitUntil(async () => !(await browser.execute(() => !!document.querySelector('dialog[open]'))), {
      timeoutMsg: 'Enter did not end the workshop',
    });
  });
});
