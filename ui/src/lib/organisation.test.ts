// The organisation's data against the fake platform: one refresh after a change reloads what
// is on screen and only that, an organisation switch never shows the previous one's data, and
// a piece that failed is asked again.
import { describe, expect, it } from 'vitest';
import { FakePlatform } from './platform/fake';
import { NOW, OrganisationData } from './organisation.svelte';
import type { Command } from './platform';

async function setup() {
  const platform = new FakePlatform('acme');
  const [acme] = await platform.call('organisations', {});
  const data = new OrganisationData(platform);
  await data.choose(acme);
  const count = (command: Command) => platform.calls.filter((c) => c.command === command).length;
  return { platform, acme, data, count };
}

/** Waits for the loads a piece's `use()` started. */
const settled = () => new Promise((r) => setTimeout(r, 0));

describe('OrganisationData', () => {
  it('after a save, reloads in one refresh every piece a view shows and only those', async () => {
    const { data, count } = await setup();
    const releases = [data.dashboard.use(), data.history('a-one').use()];
    await settled();
    const before = { dashboard: count('dashboard'), history: count('history'), snapshots: count('snapshots') };

    await data.save('a-one', { current: 1, target: 1 });

    expect(data.assessments['a-one']?.current, 'the heat overlay and the map read the saved level').toBe(1);
    expect(count('dashboard'), 'the dashboard on screen is reloaded once').toBe(before.dashboard + 1);
    expect(count('history'), 'the timeline on screen is reloaded once').toBe(before.history + 1);
    expect(data.dashboard.value?.assessed, 'the dashboard counts the new assessment').toBe(1);
    expect(data.history('a-one').value?.map((h) => h.field)).toEqual(['current', 'target']);
    expect(count('snapshots'), 'nothing shows the snapshots, so they are not fetched').toBe(before.snapshots);
    releases.forEach((release) => release());
  });

  it('loads a piece no view showed during a change when a view next shows it', async () => {
    const { data, count } = await setup();
    const release = data.dashboard.use();
    await settled();
    release();
    await data.save('b-one', { current: 1 });
    expect(count('dashboard'), 'a dashboard nobody looks at is not fetched').toBe(1);
    expect(data.dashboard.value?.assessed, 'until it is shown again, the old figures are kept').toBe(0);
    const again = data.dashboard.use();
    await settled();
    expect(data.dashboard.value?.assessed, 'shown again, it is current').toBe(1);
    again();
  });

  it("never shows the previous organisation's dashboard when its answer arrives after a switch", async () => {
    const { platform, data } = await setup();
    const globex = await platform.call('create_organisation', { name: 'Globex' });
    await platform.call('save_assessment', { org: globex.id, capability: 'a-one', changes: { current: 1 } });
    const real = platform.call.bind(platform);
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    platform.call = (async (command: string, args: unknown) => {
      const answer = real(command as never, args as never);
      // Acme's dashboard is slow to arrive.
      if (command === 'dashboard' && (args as { org: number }).org !== globex.id) await held;
      return answer;
    }) as typeof platform.call;
    const stop = data.dashboard.use();
    await data.choose(globex);
    release();
    await settled();
    expect(data.active?.name).toBe('Globex');
    expect(data.dashboard.value?.assessed, "Globex's figures, not Acme's late answer").toBe(1);
    stop();
  });

  it('asks again for a piece that failed, when a view next shows it', async () => {
    const { platform, data } = await setup();
    const real = platform.call.bind(platform);
    let fail = true;
    platform.call = (async (command: string, args: unknown) => {
      if (command === 'snapshots' && fail) throw new Error('the database is locked');
      return real(command as never, args as never);
    }) as typeof platform.call;
    const first = data.snapshots.use();
    await settled();
    expect(data.snapshots.problem).toContain('locked');
    first();
    fail = false;
    const second = data.snapshots.use();
    await settled();
    expect(data.snapshots.problem, 'the problem is gone once the store answers').toBeNull();
    expect(data.snapshots.value).toEqual([]);
    second();
  });

  it('compares a snapshot with now again after a change, as the snapshot list shows', async () => {
    const { data } = await setup();
    const snap = await data.takeSnapshot('Baseline');
    const comparison = data.comparison(String(snap.id), NOW);
    const stop = comparison.use();
    await settled();
    expect(comparison.value?.capabilities).toEqual([]);
    await data.bulkEdit(['a-one', 'b-one'], { field: 'target', value: 1 });
    expect(comparison.value?.capabilities.map((c) => c.capability)).toEqual(['a-one', 'b-one']);
    stop();
  });

  it('undo and redo reach every view through the assessments', async () => {
    const { data } = await setup();
    await data.save('a-one', { current: 1 });
    await data.step('undo');
    expect(data.assessments['a-one'], 'undone: the capability is not assessed').toBeUndefined();
    await data.step('redo');
    expect(data.assessments['a-one']?.current).toBe(1);
  });
});
