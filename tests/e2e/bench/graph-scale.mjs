// The graph with a pack of 5,000 nodes, measured in the real app: time to the first drawn graph
// (first start, when the layout is computed and saved, and the next start, which reuses it),
// and the longest main-thread task while panning and zooming once laid out. The built-in pack,
// run the same way in the same command, is the baseline. Prints a table; never fails on timing.
// Run with `make bench` (needs the built app and a display or Xvfb).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchApp, repoRoot, waitForGraph } from '../support.mjs';

const NODES = Number(process.env.BENCH_NODES ?? 5000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const pack = mkdtempSync(join(tmpdir(), 'atlas-pack-'));
execFileSync('cargo', ['run', '-q', '--release', '-p', 'atlas-core', '--bin', 'synthetic-pack', '--', pack, String(NODES)], {
  cwd: repoRoot,
  stdio: 'inherit',
});

// Installed in the page before the gestures: a Long Tasks observer where the webview has one,
// and in any case a frame-gap monitor (the time between two animation frames is at least the
// longest task that ran between them).
const START_MONITOR = `
  const m = { longest: 0, tasks: 0, frames: 0, worstGap: 0, last: performance.now(), api: 'frame gaps' };
  window.__stalls = m;
  if (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
    m.api = 'Long Tasks API';
    m.observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) { m.tasks++; m.longest = Math.max(m.longest, e.duration); }
    });
    m.observer.observe({ type: 'longtask' });
  }
  const tick = (t) => { m.frames++; m.worstGap = Math.max(m.worstGap, t - m.last); m.last = t; if (!m.stop) requestAnimationFrame(tick); };
  requestAnimationFrame((t) => { m.last = t; requestAnimationFrame(tick); });
`;

async function panAndZoom(browser) {
  const canvas = await browser.$('section[aria-label="Framework graph"] [role="img"]');
  const box = await browser.execute((c) => {
    const r = c.getBoundingClientRect();
    return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
  }, canvas);
  await browser.execute(START_MONITOR);
  for (let i = 0; i < 6; i++) {
    // Zoom in and out with the wheel, then drag the view around.
    await browser.action('wheel').scroll({ x: box.x, y: box.y, deltaY: -240, duration: 200 }).perform();
    await browser.action('wheel').scroll({ x: box.x, y: box.y, deltaY: 240, duration: 200 }).perform();
    await browser
      .action('pointer', { parameters: { pointerType: 'mouse' } })
      .move({ x: box.x, y: box.y, origin: 'viewport' })
      .down({ button: 0 })
      .move({ x: box.x + 160, y: box.y + 90, duration: 300, origin: 'viewport' })
      .move({ x: box.x - 120, y: box.y - 60, duration: 300, origin: 'viewport' })
      .up({ button: 0 })
      .perform();
  }
  await browser.pause(300);
  return browser.execute(() => {
    const m = window.__stalls;
    m.stop = true;
    m.observer?.disconnect();
    return { api: m.api, longest: m.longest, tasks: m.tasks, frames: m.frames, worstGap: m.worstGap };
  });
}

async function measure(label, args, dataDir) {
  const app = await launchApp({ dataDir, args });
  try {
    await waitForGraph(app.browser, 120000);
    const firstGraph = performance.now() - app.started;
    const layout = await app.browser.execute(
      () => performance.getEntriesByName('graph: build and lay out')[0]?.duration ?? null,
    );
    const nodes = await app.browser.execute(
      () => document.querySelectorAll('[data-node-id]').length,
    );
    const stalls = await panAndZoom(app.browser);
    return { label, firstGraph, layout, nodes, stalls, dataDir: app.dataDir };
  } finally {
    await app.close();
  }
}

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)];
const rows = [];
for (const [name, args] of [
  ['built-in pack', []],
  [`${NODES}-node pack`, ['--content', pack]],
]) {
  const first = [];
  const again = [];
  for (let r = 0; r < ROUNDS; r++) {
    // A fresh data folder: the first start computes and saves the layout, the second reuses it.
    const data = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
    first.push(await measure(`${name}, first start`, args, data));
    again.push(await measure(`${name}, saved layout`, args, data));
  }
  for (const runs of [first, again]) {
    rows.push({
      label: runs[0].label,
      nodes: runs[0].nodes,
      firstGraph: median(runs.map((r) => r.firstGraph)),
      layout: median(runs.map((r) => r.layout ?? NaN)),
      longest: Math.max(...runs.map((r) => Math.max(r.stalls.longest, 0))),
      worstGap: median(runs.map((r) => r.stalls.worstGap)),
      api: runs[0].stalls.api,
    });
  }
}

console.log(`\nGraph at scale (median of ${ROUNDS} starts each; ms)`);
console.log(
  'run'.padEnd(32),
  'nodes'.padStart(6),
  'start→graph'.padStart(12),
  'build+layout'.padStart(13),
  'longest task'.padStart(13),
  'worst frame gap'.padStart(16),
);
for (const r of rows) {
  console.log(
    r.label.padEnd(32),
    String(r.nodes).padStart(6),
    r.firstGraph.toFixed(0).padStart(12),
    r.layout.toFixed(0).padStart(13),
    (r.api === 'Long Tasks API' ? r.longest.toFixed(0) : 'n/a').padStart(13),
    r.worstGap.toFixed(0).padStart(16),
  );
}
const base = rows[0].firstGraph;
for (const r of rows.slice(1)) console.log(`${r.label}: ${(r.firstGraph / base).toFixed(2)}× the built-in pack's first graph`);
console.log(`main-thread stalls measured with: ${rows[0].api} (pan and zoom: 6 × wheel in/out and a drag)`);
const big = rows.filter((r) => r.nodes >= NODES / 2);
const worst = Math.max(...big.map((r) => (r.api === 'Long Tasks API' ? r.longest : r.worstGap)));
console.log(`goal: first graph ≤ 3000 ms with ${NODES} nodes: ${Math.max(...big.map((r) => r.firstGraph)) <= 3000 ? 'met' : 'missed'}`);
console.log(`goal: no main-thread task over 100 ms while panning and zooming: ${worst <= 100 ? 'met' : 'missed'} (worst ${worst.toFixed(0)} ms)`);
