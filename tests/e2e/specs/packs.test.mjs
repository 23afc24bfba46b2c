// Opening another framework pack from the window, and the orphan review. The app starts on a
// copy of the mini pack with "Acme" assessed on "Alpha two" (id `a-two`); a second copy in which
// that capability was renamed `alpha-two` is opened through the folder dialog's test seam
// (ATLAS_PACK_DIALOG_ANSWER answers it with a folder of ours; the code that loads it is the
// app's own). The review lists the orphan with the renamed capability first; mapping it moves
// every field, actions included, onto the renamed capability in the window. A broken pack is
// refused with every problem's file and line, and the pack that was open stays. The next start
// opens the folder opened last, or, when it no longer loads, the built-in pack with a notice.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appBinary, byRole, launchApp, repoRoot, saveScreenshot, textOf, waitForGraph, waitForOrganisation } from '../support.mjs';

const ORG = 'Acme';
const root = mkdtempSync(join(tmpdir(), 'atlas-e2e-packs-'));
const mini = join(repoRoot, 'content/examples/mini');
const start = join(root, 'start');
const renamed = join(root, 'renamed');
const broken = join(root, 'broken');
// The folder the dialog answers with: a copy of `renamed` first, then of `broken`.
const chosen = join(root, 'chosen');

function edit(pack, rel, from, to) {
  const file = join(pack, rel);
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes(from), `${rel} must contain ${from} to edit it`);
  writeFileSync(file, text.replace(from, to));
}

cpSync(mini, start, { recursive: true });
cpSync(mini, renamed, { recursive: true });
edit(renamed, 'nodes/a-two.md', 'id = "a-two"', 'id = "alpha-two"');
edit(renamed, 'nodes/aide.md', '"a-two"', '"alpha-two"');
edit(renamed, 'framework.toml', 'version = "1"', 'version = "2"');
cpSync(mini, broken, { recursive: true });
edit(broken, 'nodes/a-two.md', 'kind = "capability"', 'kind = "capabilty"');
edit(broken, 'nodes/b-one.md', '+++\n', '+++\nnonsense = [\n');
cpSync(renamed, chosen, { recursive: true });

const ASSESSED = {
  current: 2,
  target: 4,
  priority: 'high',
  stage: 'align',
  owner: 'aide',
  not_applicable: null,
  notes: 'Quarterly zeppelin review with the board.',
  evidence: [{ label: 'Policy', url: 'https://example.com/policy' }],
  tags: ['risk'],
  confidence: 'medium',
  actions: [
    { id: '1', title: 'Write the data policy', owner: 'boss', due: '2027-03-01', status: 'in_progress', note: 'Ask the board.' },
  ],
};

const dataDir = mkdtempSync(join(tmpdir(), 'atlas-e2e-packs-data-'));
{
  const file = join(dataDir, 'acme.json');
  writeFileSync(
    file,
    JSON.stringify({
      format: 'capability-atlas/organisations',
      version: 1,
      organisations: [
        {
          id: 1,
          name: ORG,
          description: '',
          created_at: '2026-09-01T09:00:00Z',
          assessments: { 'a-two': ASSESSED },
          snapshots: [],
          history: [],
        },
      ],
    }),
  );
  execFileSync(appBinary, ['--content', start, '--data-dir', dataDir, 'import', file], { stdio: 'pipe' });
}
process.env.ATLAS_PACK_DIALOG_ANSWER = chosen;
// Lets the page click the native menu's items (File > Open framework pack…).
process.env.ATLAS_TEST_MENU = '1';

/** Opens About and chooses "Open framework pack…" there. */
async function openPackFromAbout(browser) {
  await (await byRole(browser, 'button', 'About')).click();
  await (await byRole(browser, 'button', 'Open framework pack…')).click();
}

/** What the assessment editor of the capability on screen holds, field by field. */
async function editorFields(browser) {
  const reader = await byRole(browser, 'complementary', 'Reader');
  const editor = await byRole(browser, 'region', 'Assessment', { within: reader, timeout: 10000 });
  return browser.execute((e) => {
    const field = (label) => e.querySelector(`[aria-label="${label}"]`);
    const chosen = (label) => field(label)?.selectedOptions?.[0]?.textContent?.trim() ?? null;
    const list = (label) => [...(e.querySelectorAll(`ul[aria-label="${label}"] li`) ?? [])].map((li) => li.innerText.trim());
    return {
      current: chosen('Current maturity'),
      target: chosen('Target maturity'),
      priority: chosen('Priority'),
      stage: chosen('Journey stage'),
      owner: chosen('Owner'),
      confidence: chosen('Confidence'),
      notes: field('Notes')?.value ?? null,
      tags: list('Tags').join(' '),
      evidence: list('Evidence').join(' '),
      action: e.querySelector('[aria-label="Title of action 1"]')?.value ?? null,
    };
  }, editor);
}

describe('framework packs', () => {
  let app;

  before(async () => {
    app = await launchApp({ dataDir, args: ['--content', start] });
    await app.browser.setWindowSize(1280, 800);
    await waitForGraph(app.browser);
    await waitForOrganisation(app.browser, ORG);
  });

  after(async () => app?.close());

  it('opens a pack in which an assessed capability was renamed, and says its assessment is orphaned', async () => {
    const { browser } = app;
    await openPackFromAbout(browser);
    await browser.waitUntil(
      async () =>
        browser.execute(() =>
          [...document.querySelectorAll('[aria-label="Nodes in the graph"] button')].some(
            (b) => b.textContent.trim() === 'Alpha two',
          ),
        ),
      { timeout: 15000, timeoutMsg: 'the graph was never rebuilt on the opened pack' },
    );
    await waitForGraph(browser);
    const banner = await browser.waitUntil(
      async () =>
        browser.execute(() =>
          [...document.querySelectorAll('[role="status"]')]
            .map((s) => s.innerText.trim())
            .find((t) => t.includes('no longer has')),
        ),
      { timeout: 10000, timeoutMsg: 'no banner said an assessment points to a capability the pack no longer has' },
    );
    assert.match(banner, /^1 assessment points to a capability this pack no longer has/);
    await (await byRole(browser, 'button', 'About')).click();
    const about = await byRole(browser, 'dialog', 'About Capability Atlas');
    const said = await textOf(browser, about);
    assert.match(said, /Version 2,/, 'About names the opened pack');
    assert.ok(said.includes(chosen), `About says which folder the pack was opened from: ${said}`);
    await browser.keys('Escape');
  });

  it('lists the orphan with the renamed capability first, light and dark at 1280×800 and 1920×1080', async () => {
    const { browser } = app;
    await (await byRole(browser, 'button', 'Review')).click();
    const dialog = await byRole(browser, 'dialog', 'Assessments this pack no longer has a capability for');
    assert.equal(await textOf(browser, await byRole(browser, 'status', null, { within: dialog })), 'Reviewed 0 of 1');
    const item = await textOf(browser, dialog);
    assert.ok(item.includes('a-two') && item.includes('Alpha two'), `the orphan is named by its id and old title: ${item}`);
    assert.ok(item.includes('Current 2 Developing, target 4 Managed, 1 action'), `its levels and plan are shown: ${item}`);
    const candidates = await byRole(browser, 'list', 'Candidates for a-two', { within: dialog });
    const first = await browser.execute((l) => l.querySelector('li')?.innerText.replace(/\s+/g, ' ').trim(), candidates);
    assert.match(first, /^Map to Alpha two alpha-two · same title/, 'the renamed capability is the first candidate');
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ]) {
      await browser.setWindowSize(width, height);
      for (const theme of ['Light', 'Dark']) {
        // The theme is chosen in the header, behind the modal review: set it as that choice does.
        await browser.execute((t) => (document.documentElement.dataset.theme = t), theme.toLowerCase());
        const inside = await browser.execute((d) => {
          const r = d.getBoundingClientRect();
          return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
        }, dialog);
        assert.ok(inside, `the review fits the ${width}×${height} window`);
        await browser.pause(300);
        await saveScreenshot(browser, `orphan-review-${theme.toLowerCase()}-${width}x${height}`);
      }
    }
    await browser.execute(() => (document.documentElement.dataset.theme = 'light'));
    await browser.setWindowSize(1280, 800);
  });

  it('maps the orphan: every field, its action included, shows on the renamed capability', async () => {
    const { browser } = app;
    const dialog = await byRole(browser, 'dialog', 'Assessments this pack no longer has a capability for');
    await (await byRole(browser, 'button', 'Map to Alpha two', { within: dialog })).click();
    const status = await byRole(browser, 'status', null, { within: dialog });
    await browser.waitUntil(async () => (await textOf(browser, status)) === 'Reviewed 1 of 1', {
      timeoutMsg: 'the count never said "Reviewed 1 of 1"',
    });
    assert.ok((await textOf(browser, dialog)).includes('Mapped to Alpha two (alpha-two)'));
    await browser.keys('Escape');
    await browser.waitUntil(async () => !(await browser.execute(() => !!document.querySelector('dialog[open]'))), {
      timeoutMsg: 'Esc must close the review',
    });
    const bannerLeft = await browser.execute(() =>
      [...document.querySelectorAll('[role="status"]')].some((s) => s.innerText.includes('no longer has')),
    );
    assert.equal(bannerLeft, false, 'nothing is left to review, so the banner goes');

    const nodes = await byRole(browser, 'list', 'Nodes in the graph');
    const node = await byRole(browser, 'button', 'Alpha two', { within: nodes });
    await browser.execute((b) => b.focus(), node);
    await browser.keys('Enter');
    await browser.waitUntil(async () => (await editorFields(browser)).notes === ASSESSED.notes, {
      timeout: 10000,
      timeoutMsg: 'the assessment never showed on the renamed capability',
    });
    const fields = await editorFields(browser);
    assert.match(fields.current, /^2/);
    assert.match(fields.target, /^4/);
    assert.match(fields.priority, /high/i);
    assert.equal(fields.stage, 'Align');
    assert.match(fields.owner, /aide/i);
    assert.match(fields.confidence, /medium/i);
    assert.ok(fields.tags.includes('risk'), `tags: ${fields.tags}`);
    assert.ok(fields.evidence.includes('Policy'), `evidence: ${fields.evidence}`);
    assert.equal(fields.action, 'Write the data policy', 'the action moved with the assessment');
  });

  it('refuses a broken pack with every problem and its file and line, and keeps the pack that was open', async () => {
    const { browser } = app;
    rmSync(chosen, { recursive: true, force: true });
    cpSync(broken, chosen, { recursive: true });
    // This time from the menu bar: File > Open framework pack… runs what About's button runs.
    const failed = await browser.executeAsync((done) => {
      window.__TAURI_INTERNALS__.invoke('menu_activate', { id: 'file.open-pack' }).then(
        () => done(null),
        (e) => done(JSON.stringify(e)),
      );
    });
    assert.equal(failed, null, 'the shell refused File > Open framework pack…');
    const dialog = await byRole(browser, 'dialog', 'The framework pack could not be opened', { timeout: 10000 });
    const problems = await browser.execute(
      (d) => [...d.querySelectorAll('ol[aria-label="Problems"] li')].map((li) => li.innerText.trim()),
      dialog,
    );
    assert.ok(
      problems.some((p) => /^nodes\/a-two\.md:\d+: /.test(p)) && problems.some((p) => p.startsWith('nodes/b-one.md')),
      `every problem is listed with its file and line: ${JSON.stringify(problems)}`,
    );
    assert.match(await textOf(browser, dialog), /Mini framework 2 stays open/);
    await saveScreenshot(browser, 'pack-problems-light-1280x800');
    await browser.keys('Escape');
    const nodes = await byRole(browser, 'list', 'Nodes in the graph');
    await byRole(browser, 'button', 'Alpha two', { within: nodes });
    await (await byRole(browser, 'button', 'About')).click();
    assert.match(await textOf(browser, await byRole(browser, 'dialog', 'About Capability Atlas')), /Version 2,/);
    await browser.keys('Escape');
  });
});

describe('the pack remembered from the last run', () => {
  let app;

  before(async () => {
    // The folder opened last now holds the broken pack: the next start cannot load it.
    app = await launchApp({ dataDir });
    await waitForGraph(app.browser);
  });

  after(async () => {
    await app?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('falls back to the built-in pack and says why', async () => {
    const { browser } = app;
    let said = '';
    await browser.waitUntil(
      async () => {
        said = await browser.execute(() =>
          [...document.querySelectorAll('[role="status"]')].map((s) => s.innerText.trim()).join('\n'),
        );
        return said.includes('could not be loaded');
      },
      { timeout: 10000, timeoutMsg: 'no notice said the remembered pack could not be loaded' },
    );
    assert.ok(said.includes(chosen) && said.includes('the built-in pack is open instead'), said);
    await (await byRole(browser, 'button', 'About')).click();
    const about = await textOf(browser, await byRole(browser, 'dialog', 'About Capability Atlas'));
    assert.ok(!about.includes('Mini framework') && about.includes('The pack built into the app.'), about);
    await browser.keys('Escape');
  });
});
