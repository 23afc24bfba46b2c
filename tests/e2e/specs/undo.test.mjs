// Undo a person can trust, and charts and colours that tell the truth: a note typed with pauses
// is one change, Ctrl+Z says what it undid and shows it, notices go once they stop mattering,
// the radar leaves an unassessed perspective as a gap, and the dark map shows every level.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { byRole, launchApp, saveScreenshot, textOf, waitForGraph } from '../support.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'atlas-e2e-undo-'));
// Longer than the editor's pause before it saves (400 ms), so every word is its own save.
const PAUSE_MS = 900;

async function openCapability(browser, title) {
  const list = await byRole(browser, 'list', 'Nodes in the graph');
  const button = await byRole(browser, 'button', title, { within: list });
  await browser.execute((b) => b.focus(), button);
  await browser.keys('Enter');
  const reader = await byRole(browser, 'complementary', 'Reader');
  await browser.waitUntil(
    async () => (await browser.execute(() => document.getElementById('reader-title')?.textContent ?? '')) === title,
    { timeout: 5000, timeoutMsg: `the reader did not show ${title}` },
  );
  return byRole(browser, 'region', 'Assessment', {
    within: reader,
    timeout: 10000,
  });
}

/** The texts of every live status line on screen. */
const statuses = (browser) =>
  browser.execute(() => [...document.querySelectorAll('[role="status"]')].map((e) => e.innerText.trim()));

async function undoNotice(browser) {
  let found = '';
  await browser.waitUntil(
    async () => {
      found = (await statuses(browser)).find((t) => /^(Undid|Redid): /.test(t)) ?? '';
      return found !== '';
    },
    { timeout: 5000, timeoutMsg: 'no notice said what was undone' },
  );
  return found;
}

describe('undo you can trust', () => {
  let app;
  before(async () => {
    app = await launchApp({ dataDir });
    const { browser } = app;
    await browser.setWindowSize(1280, 800);
    await waitForGraph(browser);
    await (await byRole(browser, 'button', 'New organisation')).click();
    await (await byRole(browser, 'textbox', 'Organisation name')).setValue('Acme');
    await (await byRole(browser, 'button', 'Create')).click();
    await byRole(browser, 'combobox', 'Organisation');
  });
  after(async () => app?.close());

  it('records a sentence typed with pauses as one change, and Ctrl+Z elsewhere says and shows what it undid', async () => {
    const { browser } = app;
    let editor = await openCapability(browser, 'Data curation');
    const notes = await byRole(browser, 'textbox', 'Notes', { within: editor });
    await notes.click();
    const words = ['We', ' keep', ' a', ' catalogue', ' of', ' every', ' dataset.'];
    for (const w of words) {
      // One key at a time: keys sent together are held together, and a doubled letter is lost.
      for (const key of w) await browser.keys(key);
      await browser.pause(PAUSE_MS);
    }
    const status = await byRole(browser, 'status', null, { within: editor });
    await browser.waitUntil(async () => (await textOf(browser, status)).trim() === 'Saved', {
      timeout: 5000,
      timeoutMsg: 'the editor never said "Saved"',
    });
    let history = '';
    await browser.waitUntil(
      async () => {
        history = await browser.execute((e) => e.querySelector('details.history summary')?.innerText ?? '', editor);
        return history.trim() !== '' && history.trim() !== 'History (0 changes)';
      },
      { timeout: 5000, timeoutMsg: 'the history never showed the note' },
    );
    assert.equal(
      history.trim(),
      'History (1 change)',
      `${words.length} saves of one sentence typed in one sitting are one change in the history`,
    );

    // "Saved" answered that save; a few seconds later it is no longer news.
    await browser.waitUntil(async () => (await textOf(browser, status)).trim() === '', {
      timeout: 8000,
      timeoutMsg: '"Saved" stayed on screen long after the save',
    });

    editor = await openCapability(browser, 'Data architecture');
    await browser.keys(['Control', 'z']);
    await browser.keys(['Control']);
    const notice = await undoNotice(browser);
    assert.equal(
      notice,
      'Undid: Data curation, notes “We keep a catalogue of every dataset.” → empty',
      'the notice names the capability, the field and the text before and after',
    );
    await browser.waitUntil(
      async () =>
        (await browser.execute(() => document.getElementById('reader-title')?.textContent)) === 'Data curation',
      {
        timeout: 5000,
        timeoutMsg: 'the reader did not show the capability the undo changed',
      },
    );
    editor = await byRole(browser, 'region', 'Assessment');
    const after = await byRole(browser, 'textbox', 'Notes', { within: editor });
    await browser.waitUntil(async () => (await after.getValue()) === '', {
      timeout: 5000,
      timeoutMsg: 'one undo did not take the whole sentence back',
    });
    await saveScreenshot(browser, 'undo-notice-1280');
    // Focus stayed on the node the person had picked in the graph's list; its label shows beside
    // that node, not over the graph's tools.
    const focus = await browser.execute(() => {
      const box = (e) => e?.getBoundingClientRect();
      const label = box(document.activeElement);
      const tools = box(document.querySelector('[role="toolbar"][aria-label="Graph tools"]'));
      return {
        node: document.activeElement?.dataset.nodeId ?? null,
        width: label?.width ?? 0,
        overlaps: !!label && !!tools && label.left < tools.right && tools.left < label.right && label.top < tools.bottom && tools.top < label.bottom,
      };
    });
    assert.equal(focus.node, 'data-architecture', 'focus is still on the node the person picked');
    assert.ok(focus.width > 20, 'the focused node shows its label');
    assert.equal(focus.overlaps, false, "the focused node's label covers the graph's tools");

    await browser.waitUntil(async () => !(await statuses(browser)).some((t) => t.startsWith('Undid: ')), {
      timeout: 12000,
      timeoutMsg: 'the undo notice stayed on screen after its moment',
    });

    await browser.setWindowSize(1920, 1080);
    await (await byRole(browser, 'combobox', 'Theme')).selectByVisibleText('Light');
    await browser.execute(() => document.getElementById('reader-title')?.focus());
    await browser.keys(['Control', 'Shift', 'z']);
    assert.equal(
      await undoNotice(browser),
      'Redid: Data curation, notes empty → “We keep a catalogue of every dataset.”',
      'redo says what it brought back',
    );
    await browser.waitUntil(async () => (await after.getValue()) === 'We keep a catalogue of every dataset.', {
      timeout: 5000,
      timeoutMsg: 'redo did not bring the sentence back',
    });
    await saveScreenshot(browser, 'redo-notice-1920-light');
    await (await byRole(browser, 'combobox', 'Theme')).selectByVisibleText('Dark');
    await browser.setWindowSize(1280, 800);
  });

  it('leaves an unassessed perspective out of the radar and says so', async () => {
    const { browser } = app;
    const editor = await openCapability(browser, 'Data curation');
    await (
      await byRole(browser, 'combobox', 'Current maturity', { within: editor })
    ).selectByVisibleText('2 — Developing');
    await (await byRole(browser, 'combobox', 'Target maturity', { within: editor })).selectByVisibleText('4 — Managed');
    await (await byRole(browser, 'tab', 'Dashboard')).click();
    const table = await byRole(browser, 'table', 'Current and target by perspective', { timeout: 10000 });
    const rows = await browser.execute(
      (t) => [...t.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.innerText.trim())),
      table,
    );
    const unassessed = rows.filter((r) => r[1] === '—').map((r) => r[0]);
    assert.ok(unassessed.length > 0, `some perspective is unassessed: ${JSON.stringify(rows)}`);
    const note = await browser.execute(() => document.querySelector('.gap-note')?.innerText ?? '');
    assert.equal(
      note.trim(),
      `Not assessed: ${unassessed.join(', ')}. The radar leaves a gap there; a gap is not level 0.`,
      'the radar says which perspectives it leaves out, the ones the table shows as "—"',
    );
    for (const [size, w, h] of [
      ['1280', 1280, 800],
      ['1920', 1920, 1080],
    ]) {
      await browser.setWindowSize(w, h);
      for (const theme of ['Light', 'Dark']) {
        await (await byRole(browser, 'combobox', 'Theme')).selectByVisibleText(theme);
        await browser.pause(600);
        await saveScreenshot(browser, `radar-unassessed-${theme.toLowerCase()}-${size}`);
      }
    }
    await browser.setWindowSize(1280, 800);
  });

  it('shows the highest levels on the dark map as clearly as the others, and titles whole', async () => {
    const { browser } = app;
    await (await byRole(browser, 'combobox', 'Theme')).selectByVisibleText('Dark');
    await (await byRole(browser, 'tab', 'Map')).click();
    await browser.waitUntil(async () => (await browser.$$('button.card')).length > 0, {
      timeout: 10000,
      timeoutMsg: 'the map was not drawn',
    });
    // The contrast a person sees between each level's card and the page, as the webview paints it.
    const ratios = await browser.execute(() => {
      const rgb = (s) => (s.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
      const lum = ([r, g, b]) =>
        [r, g, b]
          .map((c) => c / 255)
          .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
          .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
      const page = lum(rgb(getComputedStyle(document.querySelector('.column')).backgroundColor));
      return [...document.querySelectorAll('.legend .swatch')]
        .filter((s) => s.classList.contains('heat-level'))
        .map((s) => {
          const l = lum(rgb(getComputedStyle(s).backgroundColor));
          return (Math.max(l, page) + 0.05) / (Math.min(l, page) + 0.05);
        });
    });
    assert.equal(ratios.length, 6, 'the legend shows six levels');
    for (const [level, ratio] of ratios.entries()) {
      assert.ok(ratio >= 3, `level ${level} stands out from the dark column it sits in by 3:1 (${ratio.toFixed(2)})`);
    }
    assert.ok(ratios[5] >= ratios[0], 'the highest maturity is at least as visible as the lowest');

    await saveScreenshot(browser, 'map-dark-1280');
    // No title is cut mid-word: none runs past its card, and one clamped to its lines (ending
    // in an ellipsis after a whole word) is whole in the card's tooltip.
    const cut = await browser.execute(() =>
      [...document.querySelectorAll('button.card .name')]
        .filter((n) => {
          const card = n.closest('button.card');
          const overflows = n.scrollWidth > n.clientWidth + 1;
          const clamped = n.scrollHeight > n.clientHeight + 1;
          return overflows || (clamped && !card.title.startsWith(n.textContent));
        })
        .map((n) => `${n.textContent} (${n.scrollWidth}/${n.clientWidth} × ${n.scrollHeight}/${n.clientHeight})`),
    );
    assert.deepEqual(
      cut,
      [],
      'no map card title is cut mid-word at 1280 px, and a clamped one is whole in its tooltip',
    );
    await browser.setWindowSize(1920, 1080);
    await browser.pause(400);
    await saveScreenshot(browser, 'map-dark-1920');
    await (await byRole(browser, 'combobox', 'Theme')).selectByVisibleText('Light');
    await browser.pause(400);
    await saveScreenshot(browser, 'map-light-1920');
    await browser.setWindowSize(1280, 800);
    await browser.pause(400);
    await saveScreenshot(browser, 'map-light-1280');

    // The graph paints heat on a canvas, which cannot read the theme's CSS: it must take the
    // dark theme's colours too.
    await (await byRole(browser, 'combobox', 'Theme')).selectByVisibleText('Dark');
    await (await byRole(browser, 'tab', 'Graph')).click();
    const list = await byRole(browser, 'list', 'Nodes in the graph');
    const node = await byRole(browser, 'button', 'Data curation', { within: list });
    await browser.waitUntil(async () => (await node.getAttribute('data-fill')) === '#6da7db', {
      timeout: 5000,
      timeoutMsg: 'the graph did not paint level 2 in the dark theme colour',
    });
    await browser.pause(600);
    await saveScreenshot(browser, 'graph-dark-heat-1280');
  });
});
