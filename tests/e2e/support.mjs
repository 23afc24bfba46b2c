// Starting the real app under tauri-driver and finding things in it the way a person would:
// by accessible role and name, never by internal ids or classes.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { remote } from 'webdriverio';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../..');
export const appBinary = process.env.ATLAS_APP ?? join(repoRoot, 'target/debug/atlas');
export const artifacts = join(here, 'artifacts');

async function freePort() {
  return new Promise((ok, fail) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
    srv.on('error', fail);
  });
}

async function waitForPort(port, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const open = await new Promise((ok) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end();
        ok(true);
      });
      s.on('error', () => ok(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tauri-driver did not listen on ${port} within ${ms} ms`);
}

function stopGroup(child) {
  for (const signal of ['SIGTERM', 'SIGKILL']) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  }
  child.stderr?.destroy();
  child.unref();
}

const EXIT_MARK = '--- atlas exited with status';

/**
 * The app behind a small launcher that keeps what it prints in a log under artifacts/logs,
 * and notes when and how it ended: tauri-driver drops the app's output, and a crashed app
 * shows up in WebDriver only as an "invalid session id".
 */
function loggedApp() {
  const logs = join(artifacts, 'logs');
  mkdirSync(logs, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'atlas-launch-'));
  const appLog = join(logs, `app-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}.log`);
  writeFileSync(appLog, '');
  const application = join(dir, 'atlas');
  const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
  writeFileSync(
    application,
    `#!/bin/sh\nRUST_BACKTRACE=1 ${quote(appBinary)} "$@" >>${quote(appLog)} 2>&1\n` +
      `echo "${EXIT_MARK} $? at $(date -u +%T)" >>${quote(appLog)}\n`,
    { mode: 0o755 },
  );
  return { application, appLog };
}

/**
 * Launches the app through tauri-driver with its own empty data folder.
 * Returns the WebDriver session, the time the launch was requested, and a `close` function.
 */
export async function launchApp({ dataDir, args = [] } = {}) {
  const port = await freePort();
  const nativePort = await freePort();
  const driver = spawn(
    process.env.TAURI_DRIVER ?? 'tauri-driver',
    ['--port', String(port), '--native-port', String(nativePort)],
    // Its own process group, so closing can stop the driver, WebKitWebDriver and the app
    // together: a straggler holding the stderr pipe would keep the test file from exiting.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  let driverErr = '';
  driver.stderr.on('data', (d) => (driverErr += d));
  await waitForPort(port, 15000);
  const data = dataDir ?? mkdtempSync(join(tmpdir(), 'atlas-e2e-'));
  const { application, appLog } = loggedApp();
  const started = performance.now();
  let browser;
  try {
    browser = await remote({
      hostname: '127.0.0.1',
      port,
      logLevel: 'error',
      connectionRetryTimeout: 60000,
      capabilities: {
        'tauri:options': { application, args: ['--data-dir', data, ...args] },
      },
    });
  } catch (e) {
    stopGroup(driver);
    throw new Error(`could not start the app: ${e.message}\n${driverErr}`);
  }
  return {
    browser,
    started,
    dataDir: data,
    appLog,
    async close() {
      // An app that ended before we closed it crashed or quit: say so, with what it printed,
      // since WebDriver only reports the session as gone.
      const printed = readFileSync(appLog, 'utf8');
      if (printed.includes(EXIT_MARK)) {
        console.error(`# the app ended before the test closed it; the end of its output (${appLog}):`);
        console.error(printed.split('\n').slice(-40).map((l) => `#   ${l}`).join('\n'));
      }
      const grace = new Promise((r) => setTimeout(r, 10000));
      await Promise.race([browser.deleteSession().catch(() => {}), grace]);
      stopGroup(driver);
    },
  };
}

/** Implicit ARIA roles of the elements the app uses, for matching by role. */
const FIND_BY_ROLE = `
  const [role, name, within] = arguments;
  const implicit = {
    button: 'button', h1: 'heading', h2: 'heading', h3: 'heading', h4: 'heading',
    aside: 'complementary', main: 'main', nav: 'navigation', dialog: 'dialog',
    ul: 'list', ol: 'list', li: 'listitem', article: 'article', a: 'link', header: 'banner',
    select: 'combobox', textarea: 'textbox', input: 'textbox', table: 'table', form: 'form',
  };
  const roleOf = (el) => el.getAttribute('role') ||
    (el.tagName === 'SECTION' && (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby')) ? 'region' : implicit[el.tagName.toLowerCase()]);
  const nameOf = (el) => {
    if (el.hasAttribute('aria-label')) return el.getAttribute('aria-label');
    if (el.hasAttribute('aria-labelledby')) {
      return el.getAttribute('aria-labelledby').split(/\\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    }
    // A form control is named by its <label>s, without the text of controls inside them.
    if (el.labels && el.labels.length > 0) {
      return [...el.labels].map((l) => {
        const copy = l.cloneNode(true);
        copy.querySelectorAll('select, input, textarea, button').forEach((c) => c.remove());
        return copy.textContent;
      }).join(' ');
    }
    return el.textContent ?? '';
  };
  const norm = (s) => s.replace(/\\s+/g, ' ').trim();
  const root = within || document;
  return [...root.querySelectorAll('*')].filter((el) => roleOf(el) === role &&
    (name === null || norm(nameOf(el)) === name));
`;

/** All elements with `role` whose accessible name is exactly `name` (any name when null). */
export async function allByRole(browser, role, name = null, within = undefined) {
  return browser.execute(FIND_BY_ROLE, role, name, within ?? null);
}

/** Waits for exactly one element with `role` and `name`, and returns it. */
export async function byRole(browser, role, name = null, { within, timeout = 5000 } = {}) {
  let found = [];
  await browser.waitUntil(
    async () => {
      found = await allByRole(browser, role, name, within);
      return found.length === 1;
    },
    {
      timeout,
      timeoutMsg: `expected one ${role} named ${JSON.stringify(name)}, found ${found.length}`,
    },
  );
  return browser.$(found[0]);
}

/** The text a person would read in an element. */
export async function textOf(browser, el) {
  return browser.execute((e) => e.innerText, el);
}

/**
 * Sizes the window so that the page itself is `width`×`height`: the native menu bar takes its
 * height from the window, so a window of that size shows a shorter page.
 */
export async function setPageSize(browser, width, height) {
  await browser.setWindowSize(width, height);
  const [w, h] = await browser.execute(() => [window.innerWidth, window.innerHeight]);
  if (w !== width || h !== height) await browser.setWindowSize(2 * width - w, 2 * height - h);
  await browser.waitUntil(
    async () => {
      const [w2, h2] = await browser.execute(() => [window.innerWidth, window.innerHeight]);
      return w2 === width && h2 === height;
    },
    { timeout: 3000, timeoutMsg: `the page did not become ${width}×${height}` },
  );
}

export async function saveScreenshot(browser, name) {
  mkdirSync(artifacts, { recursive: true });
  const png = await browser.takeScreenshot();
  writeFileSync(join(artifacts, `${name}.png`), Buffer.from(png, 'base64'));
}

/** Waits until the graph has been laid out and drawn. */
export async function waitForGraph(browser, timeout = 15000) {
  let canvas;
  await browser.waitUntil(
    async () => {
      canvas = await browser.$('section[aria-label="Framework graph"] [role="img"]');
      // Laid out and drawn: Cytoscape has painted its first frame.
      return (
        (await canvas.isExisting()) &&
        (await canvas.getAttribute('data-ready')) === 'true' &&
        (await canvas.getAttribute('data-painted')) === 'true'
      );
    },
    {
      timeout,
      timeoutMsg: 'the graph was not drawn',
    },
  );
  return canvas;
}

/** Clicks on the graph canvas where the node with this visible title is drawn. */
export async function clickNodeInGraph(browser, title) {
  const list = await byRole(browser, 'list', 'Nodes in the graph');
  const button = await byRole(browser, 'button', title, { within: list });
  const point = await browser.execute((b) => {
    const canvas = document.querySelector('section[aria-label="Framework graph"] [role="img"]').getBoundingClientRect();
    return { x: canvas.left + Number(b.dataset.x), y: canvas.top + Number(b.dataset.y) };
  }, button);
  await browser
    .action('pointer', { parameters: { pointerType: 'mouse' } })
    .move({ x: Math.round(point.x), y: Math.round(point.y), origin: 'viewport' })
    .down({ button: 0 })
    .up({ button: 0 })
    .perform();
}

/** Switches to the view tab `name` and waits until it is the selected one. */
export async function tab(browser, name) {
  await (await byRole(browser, 'tab', name)).click();
  await browser.waitUntil(
    async () => (await (await byRole(browser, 'tab', name)).getAttribute('aria-selected')) === 'true',
  );
}

/** The accessible name of whatever has the keyboard. */
export const focusedName = (browser) =>
  browser.execute(() => {
    const el = document.activeElement;
    return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? null;
  });

/** Waits until the assessment editor says its last change is saved. */
export async function saved(browser, editor) {
  const status = await byRole(browser, 'status', null, { within: editor });
  await browser.waitUntil(async () => (await textOf(browser, status)).trim() === 'Saved', {
    timeout: 5000,
    timeoutMsg: 'the assessment never said "Saved"',
  });
}

/** The organisation the header's picker shows, or null when none is active. */
export const selectedOrganisation = (browser) =>
  browser.execute(() => {
    const select = document.querySelector('select[aria-label="Organisation"]');
    return select?.selectedOptions[0]?.textContent ?? null;
  });

/** Waits until the header's organisation picker shows `name`; `why` says what that proves. */
export async function waitForOrganisation(browser, name, why = 'the app opens on it') {
  await browser.waitUntil(async () => (await selectedOrganisation(browser)) === name, {
    timeout: 5000,
    timeoutMsg: `${why}: the header shows ${JSON.stringify(await selectedOrganisation(browser))}, not ${JSON.stringify(name)}`,
  });
}
