// Hostile content in the real app: every vector of fixtures/xss-vectors.json is put where a
// pack, an imported organisation or a tour can put text — node bodies, notes, evidence labels,
// talking points, organisation names — and shown in every place that displays it: the reader,
// the assessment editor, search snippets, the tour manager, the projector with notes revealed,
// and the presenter window. The links the sanitiser left are clicked. Traps installed before
// anything hostile is shown prove that nothing ran, nothing was fetched from outside the app,
// no window left the app's page and no window was opened.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allByRole, appBinary, byRole, launchApp, repoRoot, textOf, waitForGraph } from '../support.mjs';

const { vectors: raw } = JSON.parse(readFileSync(new URL('../fixtures/xss-vectors.json', import.meta.url), 'utf8'));
// `XSS()` records which vector ran; the rest call alert(), which is trapped as well.
const VECTORS = raw.map((v, i) => v.replaceAll('XSS()', `__xss(${i + 1})`));
const PER_NODE = 10;
const CHUNKS = [];
for (let i = 0; i < VECTORS.length; i += PER_NODE) CHUNKS.push(VECTORS.slice(i, i + PER_NODE));
const pad = (n) => String(n).padStart(2, '0');
const NODES = CHUNKS.map((_, i) => ({ id: `hostile-${pad(i + 1)}`, title: `Hostile ${pad(i + 1)}` }));
const ORG = 'Vector Holdings';
const TOUR = 'Hostile talking points';
// Organisation names are one line; the shorter vectors make a few hostile organisations.
const HOSTILE_NAMES = VECTORS.filter((v) => !v.includes('\n') && v.trim() === v && v.length <= 60).slice(0, 8);

/** The kitchen pack, with a `capability` kind so that organisations can assess the hostile nodes. */
function hostilePack() {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-e2e-xss-pack-'));
  cpSync(join(repoRoot, 'content/examples/kitchen'), dir, { recursive: true });
  const manifest = readFileSync(join(dir, 'framework.toml'), 'utf8');
  const widened = manifest
    .replace('from = ["practice"]\nto = ["area"]', 'from = ["practice", "capability"]\nto = ["area"]')
    .replace('required_for = ["practice"]', 'required_for = ["practice", "capability"]');
  assert.notEqual(widened, manifest, 'the kitchen manifest still has the area link this test widens');
  writeFileSync(
    join(dir, 'framework.toml'),
    `${widened}\n[[kinds]]\nid = "capability"\nlabel = "Capability"\nplural = "Capabilities"\n`,
  );
  NODES.forEach((node, i) => {
    const front = [
      `id = "${node.id}"`,
      'kind = "capability"',
      `title = "${node.title}"`,
      `tagline = "Vectors ${i * PER_NODE + 1} to ${i * PER_NODE + CHUNKS[i].length}."`,
      'area = "hygiene"',
      `order = ${10 + i}`,
      'source = { section = "Hostile", page = 1 }',
    ].join('\n');
    writeFileSync(join(dir, 'nodes', `${node.id}.md`), `+++\n${front}\n+++\n\n${CHUNKS[i].join('\n\n')}\n`);
  });
  // JSON strings are TOML basic strings for everything these vectors hold.
  const steps = NODES.map((n, i) => `[[steps]]\nnode = "${n.id}"\nnotes = ${JSON.stringify(CHUNKS[i].join('\n\n'))}\n`);
  mkdirSync(join(dir, 'tours'), { recursive: true });
  writeFileSync(
    join(dir, 'tours', 'hostile.toml'),
    `id = "hostile"\ntitle = "${TOUR}"\nsummary = ${JSON.stringify(VECTORS[0])}\n\n${steps.join('\n')}`,
  );
  return dir;
}

function assessment(i) {
  return {
    current: 1,
    target: 2,
    priority: 'high',
    stage: null,
    owner: null,
    not_applicable: null,
    notes: `hostile notes\n\n${CHUNKS[i].join('\n\n')}`,
    // Imports take evidence as the editor saves it: trimmed, one line.
    evidence: CHUNKS[i]
      .filter((v) => !v.includes('\n') && v.trim())
      .map((v, j) => ({ label: v.trim(), url: `https://example.com/evidence/${i}/${j}` })),
    tags: [],
    confidence: null,
  };
}

/** The organisations, imported through the command line against the hostile pack. */
function seed(pack, dataDir) {
  const org = (id, name, assessments = {}) => ({
    id,
    name,
    description: VECTORS[id % VECTORS.length],
    created_at: '2026-09-01T09:00:00Z',
    assessments,
    snapshots: [],
    history: [],
  });
  const doc = {
    format: 'capability-atlas/organisations',
    version: 1,
    organisations: [
      org(1, ORG, Object.fromEntries(NODES.map((n, i) => [n.id, assessment(i)]))),
      ...HOSTILE_NAMES.map((name, i) => org(i + 2, name)),
    ],
  };
  const file = join(dataDir, 'hostile.json');
  writeFileSync(file, JSON.stringify(doc));
  execFileSync(appBinary, ['--content', pack, '--data-dir', dataDir, 'import', file], { stdio: 'pipe' });
}

/** Installed in each window before anything hostile is shown there. */
function installTraps() {
  if (window.__xssTrapped) return;
  window.__xssTrapped = true;
  window.__xssHits = [];
  window.__xss = function xssMarker(n) {
    window.__xssHits.push(`vector ${n}`);
  };
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = (...args) => {
      window.__xssHits.push(`${name}(${args.join(', ')})`);
      return null;
    };
  }
  // A vector that throws while running still ran.
  window.addEventListener('error', (e) => {
    if (String(e.message).includes('__xss')) window.__xssHits.push(`error: ${e.message}`);
  });
  performance.setResourceTimingBufferSize(100000);
}

/** What the traps and the page say in the current window. */
function verdict() {
  const root = location.href.slice(0, location.href.indexOf('/', location.href.indexOf('://') + 3) + 1);
  return {
    href: location.href,
    trapped: window.__xssTrapped === true && window.__xss?.name === 'xssMarker',
    hits: window.__xssHits ?? ['the traps are gone: the page was replaced'],
    // The app's own files and its IPC endpoint, and nothing else.
    outside: performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((u) => !u.startsWith(root) && !u.startsWith('ipc://localhost/') && !u.startsWith('http://ipc.localhost/')),
    stray: [...document.body.querySelectorAll('iframe, object, embed, frame, base, meta[http-equiv], form[action], portal')].map((e) =>
      e.outerHTML.slice(0, 80),
    ),
  };
}

async function assertClean(browser, where, page) {
  const v = await browser.execute(verdict);
  assert.equal(v.trapped, true, `the traps are still in place in the ${where}: the page was not replaced`);
  assert.deepEqual(v.hits, [], `no vector ran in the ${where}`);
  assert.deepEqual(v.outside, [], `nothing was fetched from outside the app in the ${where}`);
  assert.deepEqual(v.stray, [], `no frame, object, base, refresh or form survived into the ${where}`);
  assert.equal(v.href, page, `the ${where} still shows the app's own page`);
}

/**
 * Clicks every link inside `container` the way a person would (the ones that cannot be
 * pointed at are activated from script), except `node:` links. Returns how many it clicked.
 */
async function clickLinks(browser, container) {
  const links = await browser.execute(
    (c) => [...c.querySelectorAll('a')].filter((a) => !(a.getAttribute('href') ?? '').startsWith('node:')),
    container,
  );
  for (const link of links) {
    const el = await browser.$(link);
    await browser.execute((a) => a.scrollIntoView({ block: 'center' }), link);
    if (await el.isDisplayed()) {
      await el.click().catch(() => browser.execute((a) => a.click(), link));
    } else {
      await browser.execute((a) => a.click(), link);
    }
  }
  // A navigation, had one been allowed, would have begun by now.
  await browser.pause(300);
  return links.length;
}

async function openNode(browser, title) {
  const list = await byRole(browser, 'list', 'Nodes in the graph');
  const button = await byRole(browser, 'button', title, { within: list });
  await browser.execute((b) => b.focus(), button);
  await browser.keys('Enter');
  const reader = await byRole(browser, 'complementary', 'Reader');
  await browser.waitUntil(async () => (await allByRole(browser, 'heading', title, reader)).length > 0, {
    timeout: 8000,
    timeoutMsg: `the reader never showed "${title}"`,
  });
  return reader;
}

describe('hostile content', () => {
  const pack = hostilePack();
  const dataDir = mkdtempSync(join(tmpdir(), 'atlas-e2e-xss-'));
  seed(pack, dataDir);
  let app;
  let browser;
  let main;
  let mainPage;
  let presenterPage;
  let linksClicked = 0;

  before(async () => {
    app = await launchApp({ dataDir, args: ['--content', pack] });
    browser = app.browser;
    main = await browser.getWindowHandle();
    await waitForGraph(browser);
    // Before any vector is on screen: the graph shows titles only.
    await browser.execute(installTraps);
    mainPage = await browser.execute(() => location.href);
  });
  after(async () => app?.close());

  it('shows hostile organisation names as text', async () => {
    const picker = await byRole(browser, 'combobox', 'Organisation');
    const names = await browser.execute((s) => [...s.options].map((o) => o.text), picker);
    for (const name of HOSTILE_NAMES) assert.ok(names.includes(name), `the organisation named ${name} is listed by its name, as text`);
    for (const name of HOSTILE_NAMES) {
      await picker.selectByVisibleText(name);
      await browser.pause(150);
    }
    await picker.selectByVisibleText(ORG);
    await assertClean(browser, 'main window', mainPage);
  });

  it('renders every hostile node body, notes and evidence without running anything', async () => {
    for (const [i, node] of NODES.entries()) {
      const reader = await openNode(browser, node.title);
      const editor = await byRole(browser, 'region', 'Assessment', { within: reader, timeout: 10000 });
      const notes = await byRole(browser, 'textbox', 'Notes', { within: editor });
      await browser.waitUntil(async () => (await notes.getValue()).startsWith('hostile notes'), {
        timeout: 8000,
        timeoutMsg: `the notes of ${node.title} were not shown`,
      });
      const evidence = await byRole(browser, 'list', 'Evidence', { within: editor });
      const flat = (t) => t.replace(/\s+/g, ' ').trim();
      const labels = flat(await textOf(browser, evidence));
      for (const e of assessment(i).evidence) {
        assert.ok(labels.includes(flat(e.label)), `the evidence label ${e.label} is shown as text`);
      }
      const body = await browser.execute((r) => r.querySelector('.body'), reader);
      linksClicked += await clickLinks(browser, body);
      await assertClean(browser, `main window after ${node.title}`, mainPage);
    }
    assert.ok(linksClicked > 10, `the sanitiser keeps ordinary links, and each was clicked (${linksClicked})`);
  });

  it('still opens node: links in the reader', async () => {
    const reader = await openNode(browser, NODES.find((_, i) => CHUNKS[i].some((v) => v.includes('node:stock-list'))).title);
    const link = await browser.execute((r) => r.querySelector('.body a[href="node:stock-list"]'), reader);
    assert.ok(link, 'the sanitiser keeps node links');
    await browser.execute((a) => a.scrollIntoView({ block: 'center' }), link);
    await browser.$(link).click();
    await browser.waitUntil(async () => (await allByRole(browser, 'heading', 'Stock list', reader)).length > 0, {
      timeout: 8000,
      timeoutMsg: 'a node link no longer opens its node',
    });
    await assertClean(browser, 'main window', mainPage);
  });

  it('shows hostile notes in search snippets as text', async () => {
    await browser.keys(['Control', 'k']);
    const input = await byRole(browser, 'combobox', 'Search');
    await input.setValue('hostile script img onerror');
    await browser.waitUntil(async () => (await allByRole(browser, 'option')).length > 0, {
      timeout: 8000,
      timeoutMsg: 'the search found none of the hostile notes',
    });
    await browser.pause(300);
    await assertClean(browser, 'main window with search results', mainPage);
    await browser.keys('Escape');
  });

  it('shows hostile talking points in the tour manager', async () => {
    await (await byRole(browser, 'button', 'Tours')).click();
    const dialog = await byRole(browser, 'dialog', 'Tours');
    const list = await byRole(browser, 'list', 'Tours', { within: dialog, timeout: 8000 });
    const button = await browser.execute(
      (l, title) => [...l.querySelectorAll('button')].find((b) => b.querySelector('.name')?.textContent === title),
      list,
      TOUR,
    );
    assert.ok(button, 'the pack’s hostile tour is listed');
    await browser.$(button).click();
    const steps = await byRole(browser, 'list', 'Steps', { within: dialog, timeout: 8000 });
    await browser.waitUntil(async () => (await textOf(browser, steps)).includes(NODES.at(-1).title), {
      timeoutMsg: 'the tour’s steps were not shown',
    });
    linksClicked += await clickLinks(browser, steps);
    await assertClean(browser, 'main window with the tour manager', mainPage);
    await (await byRole(browser, 'button', 'Close', { within: dialog })).click();
  });

  it('presents the hostile tour with notes revealed, on the projector and the presenter window', async () => {
    await browser.keys(['F5']);
    const start = await byRole(browser, 'dialog', 'Present');
    await (await byRole(browser, 'combobox', 'Tour', { within: start })).selectByAttribute('value', 'hostile');
    await (await byRole(browser, 'button', 'Start presenting', { within: start })).click();
    const bar = () => byRole(browser, 'group', 'Presentation').then((b) => textOf(browser, b));
    await browser.waitUntil(async () => (await bar()).includes(`Step 1 of ${NODES.length}`), { timeoutMsg: 'the tour did not start' });
    await browser.keys(['r']);
    await browser.waitUntil(async () => (await bar()).includes('Revealed to the room'), { timeoutMsg: 'the notes were not revealed' });
    for (let step = 2; step <= NODES.length; step++) {
      await browser.keys(['PageDown']);
      await browser.waitUntil(async () => (await bar()).includes(`Step ${step} of ${NODES.length}`));
      await browser.waitUntil(async () => (await browser.execute(() => document.body.innerText)).includes('hostile notes'), {
        timeout: 8000,
        timeoutMsg: `the revealed notes were not on the projector at step ${step}`,
      });
    }
    await assertClean(browser, 'projector', mainPage);

    await browser.waitUntil(async () => (await browser.getWindowHandles()).length === 2, { timeoutMsg: 'no presenter window' });
    const presenter = (await browser.getWindowHandles()).find((h) => h !== main);
    await browser.switchToWindow(presenter);
    try {
      await byRole(browser, 'region', 'Next', { timeout: 10000 });
      await browser.execute(installTraps);
      presenterPage = await browser.execute(() => location.href);
      // Back to the first step from here, so each step's talking points are drawn anew after
      // the traps are in place.
      await browser.keys(['Home']);
      for (let step = 1; step <= NODES.length; step++) {
        if (step > 1) await browser.keys(['PageDown']);
        await browser.waitUntil(async () => (await browser.execute(() => document.body.innerText)).includes(`Step ${step} of ${NODES.length}`), {
          timeoutMsg: `the presenter did not reach step ${step}`,
        });
        const current = await byRole(browser, 'region', NODES[step - 1].title, { timeout: 8000 });
        await browser.waitUntil(async () => (await browser.execute((c) => !!c.querySelector('.talk'), current)), {
          timeout: 8000,
          timeoutMsg: `the talking points of step ${step} are not shown`,
        });
        linksClicked += await clickLinks(browser, await byRole(browser, 'main'));
      }
      await assertClean(browser, 'presenter window', presenterPage);
    } finally {
      await browser.switchToWindow(main);
    }
  });

  it('keeps every window on the app’s page even when a page itself tries to leave', async () => {
    const attempts = () => {
      window.open('https://example.com/opened');
      location.href = 'https://example.com/navigated';
    };
    await browser.execute(attempts);
    await browser.pause(1000);
    await assertClean(browser, 'main window', mainPage);
    const presenter = (await browser.getWindowHandles()).find((h) => h !== main);
    await browser.switchToWindow(presenter);
    try {
      await browser.execute(attempts);
      await browser.pause(1000);
      await assertClean(browser, 'presenter window', presenterPage);
    } finally {
      await browser.switchToWindow(main);
    }
    assert.deepEqual(
      (await browser.getWindowHandles()).sort(),
      [main, presenter].sort(),
      'no window was opened: the projector and the presenter are the only two',
    );
  });
});
