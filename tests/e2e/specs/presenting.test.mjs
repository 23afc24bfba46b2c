// Presenting to a room, as a facilitator meets it: nothing of the organisation is in the projected
// page while the view is private (not even hidden), what the room decides is captured on whichever
// capability it is looking at, and a long note written in markdown is shown formatted without
// pushing the caption off the screen. Saves the projector private and revealed at 1920×1080 and
// 1280×800, light and dark.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appBinary, byRole, launchApp, saveScreenshot, textOf, waitForGraph } from '../support.mjs';
import { northwind } from '../fixtures/seed.mjs';

const ORG = 'Northwind Health';
const SECRET = 'Quokka ledger';
const LAST = 'Closing line of the long note: zebra crossing audit.';
// A 20 KB note in markdown: bold first, many paragraphs, a last line only the presenter sees.
const LONG_NOTE = [
  `**${SECRET}** reconciled by hand every quarter.`,
  ...Array.from(
    { length: 280 },
    (_, i) => `Paragraph ${i + 1}: the lineage review of the claims warehouse found a gap in feed ${i + 1}.`,
  ),
  LAST,
].join('\n\n');

const dataDir = mkdtempSync(join(tmpdir(), 'atlas-e2e-presenting-'));
{
  const org = northwind();
  org.organisations[0].assessments['data-curation'].notes = LONG_NOTE;
  const file = join(dataDir, 'org.json');
  writeFileSync(file, JSON.stringify(org));
  execFileSync(appBinary, ['--data-dir', dataDir, 'import', file], { stdio: 'pipe' });
}

const bar = async (browser) => {
  const group = await byRole(browser, 'group', 'Presentation').catch(() => null);
  return group ? textOf(browser, group) : '';
};
const html = (browser) => browser.execute(() => document.documentElement.outerHTML);

/** The heat on the graph's nodes, read back from Cytoscape: classes and colours alike. */
const graphHeat = (browser) =>
  browser.execute(() => {
    const cy = document.querySelector('section[aria-label="Framework graph"] [role="img"]')._cyreg.cy;
    return cy
      .nodes()
      .filter((n) => n.hasClass('heat') || n.hasClass('heat-none') || n.hasClass('heat-na') || n.data('heat') !== undefined)
      .map((n) => n.id());
  });

/** What of the organisation's data is in the projected page, by what gives each away. */
async function leaks(browser) {
  const page = await html(browser);
  const found = [];
  const check = (what, present) => present && found.push(what);
  check('the private note', page.includes(SECRET) || page.includes('lineage review'));
  check("the organisation's name", page.includes(ORG));
  check('a not-applicable reason', page.includes('We do not sell data'));
  check('levels on a card', /\d → \d|current \d, target \d/.test(page));
  check("a column's mean maturity", /mean \d/.test(page));
  check('heat on a card', /data-heat=|--fill:/.test(page));
  check('levels in the caption', /Current <strong>|Target <strong>/.test(page));
  check('a dot count', /Dots <strong>|Dots on [^<]*: \d/.test(page));
  check('heat on the graph', (await graphHeat(browser)).length > 0);
  return found;
}

async function endPresenting(browser, { workshop = true } = {}) {
  await browser.keys(['Escape']);
  if (!workshop) {
    await browser.waitUntil(async () => !(await browser.execute(() => document.documentElement.hasAttribute('data-present'))), {
      timeoutMsg: 'presenting did not end',
    });
    return;
  }
  const end = await byRole(browser, 'dialog', null, { timeout: 8000 });
  await (await byRole(browser, 'button', 'End workshop', { within: end })).click();
  await browser
    .waitUntil(async () => !(await browser.execute(() => !!document.querySelector('dialog[open]'))), {
      timeoutMsg: 'presenting did not end',
    })
    .catch(async (e) => {
      await saveScreenshot(browser, 'present-end-failed');
      console.log(await browser.execute(() => [...document.querySelectorAll('dialog[open]')].map((d) => d.outerHTML).join('\n')));
      throw e;
    });
}

async function projector(browser, name) {
  for (const [w, h] of [
    [1920, 1080],
    [1280, 800],
  ]) {
    await browser.setWindowSize(w, h);
    await browser.pause(900);
    await saveScreenshot(browser, `${name}-${w}x${h}`);
    // Every title on the projected map is whole: no card is wider than its column, no title runs
    // past its card's edge or is clamped, and none is set smaller than the projector's type.
    const cut = await browser.execute(() =>
      [...document.querySelectorAll('.presenting button.card .name')]
        .filter(
          (n) =>
            n.closest('button.card').getBoundingClientRect().right > n.closest('.column').getBoundingClientRect().right + 1 ||
            n.scrollWidth > n.clientWidth + 1 ||
            n.scrollHeight > n.clientHeight + 1 ||
            parseFloat(getComputedStyle(n).fontSize) < 20,
        )
        .map((n) => `${n.textContent} (${n.scrollWidth}/${n.clientWidth} × ${n.scrollHeight}/${n.clientHeight})`),
    );
    assert.deepEqual(cut, [], `projected map titles are cut at ${w}×${h}`);
  }
}

/** Checks at 1920×1080 and 1280×800 that the long note fits the stage, bold and without asterisks. */
async function noteFits(browser, where) {
  for (const [w, h] of [
    [1920, 1080],
    [1280, 800],
  ]) {
    await browser.setWindowSize(w, h);
    await browser.pause(900);
    const m = await browser.execute(() => {
      const box = (sel) => document.querySelector(sel)?.getBoundingClientRect() ?? null;
      const caption = box('[aria-label="On screen"]');
      const title = box('[aria-label="On screen"] h2');
      const steps = box('[aria-label="Presentation"]');
      const notes = box('[data-private-notes]');
      return {
        vh: window.innerHeight,
        caption: { top: caption.top, bottom: caption.bottom, height: caption.height },
        title: { top: title.top, bottom: title.bottom },
        steps: steps.top,
        // How much of the note the room can read: what of it lies inside the caption.
        noteShown: notes ? Math.min(notes.bottom, caption.bottom) - Math.max(notes.top, caption.top) : 0,
        strong: document.querySelector('[data-private-notes] strong')?.textContent ?? null,
        raw: document.querySelector('[data-private-notes]')?.textContent.includes('**') ?? true,
        more: document.body.innerText.includes('More in the presenter window'),
      };
    });
    const at = `${where} at ${w}×${h}`;
    assert.ok(m.caption.height <= 0.4 * m.vh, `${at} the caption is ${m.caption.height}px tall, more than 40% of ${m.vh}px`);
    assert.ok(
      m.title.top >= Math.max(0, m.caption.top) && m.title.bottom <= Math.min(m.caption.bottom, m.steps),
      `${at} the title is not wholly in view: ${JSON.stringify(m)}`,
    );
    assert.ok(m.noteShown >= 22, `${at} less than a line of the note is in view: ${JSON.stringify(m)}`);
    assert.equal(m.strong, SECRET, `${at} **bold** is shown bold`);
    assert.equal(m.raw, false, `${at} no markdown asterisks on the stage`);
    // The map's band has no line to spare for it; its fade says the same.
    if (where === 'over the graph') assert.ok(m.more, `${at} the room is told the note goes on`);
  }
}

describe('presenting to a room', () => {
  let app;
  let browser;
  let main;
  before(async () => {
    app = await launchApp({ dataDir });
    browser = app.browser;
    main = await browser.getWindowHandle();
    await waitForGraph(browser);
    await (await byRole(browser, 'combobox', 'Organisation')).selectByVisibleText(ORG);
  });
  after(async () => app?.close());

  it('renders none of the organisation on the projector while private, and all of it once revealed', async () => {
    await browser.waitUntil(async () => (await graphHeat(browser)).length > 0, {
      timeoutMsg: 'the graph shows no heat before presenting, so its absence would prove nothing',
    });
    await (await byRole(browser, 'tab', 'Map')).click();
    await (await browser.$('button[data-capability="data-curation"]')).click();
    await browser.waitUntil(async () => /2 → 4/.test(await html(browser)), { timeoutMsg: 'the map shows no levels before presenting' });

    await browser.keys(['F5']);
    const dialog = await byRole(browser, 'dialog', 'Present');
    await (await byRole(browser, 'combobox', 'Tour', { within: dialog })).selectByAttribute('value', '');
    await (await byRole(browser, 'button', 'Start presenting', { within: dialog })).click();
    await browser.waitUntil(async () => (await bar(browser)).includes('Private'), { timeout: 20000, timeoutMsg: 'presenting did not start' });
    await browser.waitUntil(
      async () => (await browser.execute(() => document.querySelector('[aria-label="On screen"]')?.dataset.node)) === 'data-curation',
    );
    // The room puts seven dots on it while the view is private.
    await browser.keys(['v', '7']);
    await browser.waitUntil(async () => (await bar(browser)).includes('Dots on Data curation recorded'), {
      timeoutMsg: 'the dots were not confirmed without their count',
    });
    await browser.pause(500);
    assert.deepEqual(await leaks(browser), [], 'the projected page holds organisation data while private');
    await projector(browser, 'present-private');

    await browser.keys(['r']);
    await browser.waitUntil(async () => (await bar(browser)).includes('Revealed to the room'));
    await browser.waitUntil(async () => (await leaks(browser)).length >= 5, { timeoutMsg: 'revealing did not show the data' });
    const shown = await leaks(browser);
    for (const what of ['the private note', 'levels on a card', 'heat on a card', 'levels in the caption', 'a dot count', 'heat on the graph']) {
      assert.ok(shown.includes(what), `revealed, the room sees ${what} (saw: ${shown.join(', ')})`);
    }
    const caption = await byRole(browser, 'region', 'On screen');
    assert.match(await textOf(browser, caption), /Dots\s*7/, 'the dots counted while private are there once revealed');
  });

  it('shows a long note formatted, cut to fit the stage, and whole in the presenter window', async () => {
    await noteFits(browser, 'on the map');
    await projector(browser, 'present-revealed');

    await browser.waitUntil(async () => (await browser.getWindowHandles()).length === 2, { timeoutMsg: 'no presenter window' });
    const presenter = (await browser.getWindowHandles()).find((h) => h !== main);
    await browser.switchToWindow(presenter);
    try {
      const notes = await byRole(browser, 'region', 'Organisation’s notes (private)', { timeout: 10000 });
      await browser.waitUntil(async () => (await textOf(browser, notes)).includes(LAST), {
        timeoutMsg: 'the presenter window does not show the whole note',
      });
      const bold = await browser.execute((n) => n.querySelector('strong')?.textContent ?? null, notes);
      assert.equal(bold, SECRET, 'the presenter window shows the note formatted');
      assert.ok(!(await textOf(browser, notes)).includes('**'), 'no markdown asterisks in the presenter window');
    } finally {
      await browser.switchToWindow(main);
    }
  });

  it('fits a long note in the caption over the graph, on a dark projector too', async () => {
    await endPresenting(browser);
    await (await byRole(browser, 'combobox', 'Theme')).selectByAttribute('value', 'dark');
    await (await byRole(browser, 'tab', 'Graph')).click();
    await browser.keys(['F5']);
    const dialog = await byRole(browser, 'dialog', 'Present');
    await (await byRole(browser, 'combobox', 'Tour', { within: dialog })).selectByAttribute('value', '');
    // Not a workshop this time: the day's first one already took the day's snapshot name.
    await browser.execute((d) => d.querySelector('input[type="checkbox"]').click(), dialog);
    await (await byRole(browser, 'button', 'Start presenting', { within: dialog })).click();
    await browser.waitUntil(async () => (await bar(browser)).includes('Private'));
    await projector(browser, 'present-private-dark');
    assert.deepEqual(await leaks(browser), [], 'dark or light, nothing private is on the page');
    await browser.keys(['r']);
    await browser.waitUntil(async () => (await bar(browser)).includes('Revealed to the room'));
    await noteFits(browser, 'over the graph');
    await projector(browser, 'present-revealed-dark');
    await endPresenting(browser, { workshop: false });
    await (await byRole(browser, 'combobox', 'Theme')).selectByAttribute('value', 'light');
  });

  it('captures on the capability clicked on the map during the ten-minute tour, and names it', async () => {
    await browser.keys(['F5']);
    await byRole(browser, 'dialog', 'Present');
    await browser.keys(['Enter']);
    await browser.waitUntil(async () => (await bar(browser)).includes('CAF-AI in ten minutes'), {
      timeoutMsg: 'the ten-minute tour did not start',
    });
    // Its last step shows the map, on the framework: no capability is in focus yet.
    await browser.keys(['End']);
    await browser.waitUntil(async () => /Step (\d+) of \1/.test(await bar(browser)));
    await browser.keys(['c', '3']);
    await browser.waitUntil(async () => /click a capability on the map or graph/.test(await bar(browser)), {
      timeoutMsg: 'a capture with no capability in focus does not say what to do',
    });

    const card = await browser.$('button[data-capability="data-curation"]');
    await card.waitForDisplayed({ timeout: 8000 });
    await card.click();
    await browser.waitUntil(
      async () => (await browser.execute(() => document.querySelector('[aria-label="On screen"]')?.dataset.node)) === 'data-curation',
      { timeoutMsg: 'the clicked capability is not the one on screen' },
    );
    await browser.keys(['c', '3']);
    await browser.waitUntil(async () => (await bar(browser)).includes('Current maturity of Data curation recorded'), {
      timeoutMsg: 'the capture does not name the capability it changed',
    });
    await endPresenting(browser);

    const reader = await byRole(browser, 'complementary', 'Reader');
    const editor = await byRole(browser, 'region', 'Assessment', { within: reader, timeout: 10000 });
    assert.match(await textOf(browser, reader), /Data curation/);
    const current = await byRole(browser, 'combobox', 'Current maturity', { within: editor });
    assert.equal(await current.getValue(), '3', 'the level captured in the tour is stored (it was 2)');
  });
});
