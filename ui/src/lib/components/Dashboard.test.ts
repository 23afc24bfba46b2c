import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import Dashboard from './Dashboard.svelte';
import { FakePlatform, fakeFramework } from '../platform/fake';
import { OrganisationData } from '../organisation.svelte';

vi.mock('chart.js', () => import('../chart-stub'));

// The `dashboard` scenario: Acme has assessed the mini pack as
//   a-one current 1, target 4, critical, planned for Launch
//   a-two current 2, target 2
//   b-one current 0, target 2, low
//   b-two not applicable (out of scope)
const framework = fakeFramework;

async function setup() {
  const platform = new FakePlatform('dashboard');
  const [org] = await platform.call('organisations', {});
  platform.calls.length = 0;
  const onopen = vi.fn();
  return { platform, org, onopen };
}

describe('Dashboard', () => {
  it('invites the user to pick or create an organisation when none is active', () => {
    const platform = new FakePlatform();
    render(Dashboard, { data: new OrganisationData(platform), framework, onopen: vi.fn() });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/dashboard/i);
    expect(screen.getByText(/New organisation/)).toBeTruthy();
    expect(platform.calls.some((c) => c.command === 'dashboard')).toBe(false);
  });

  it('shows the totals and the mean current and target per perspective in the radar table', async () => {
    const { platform, org, onopen } = await setup();
    render(Dashboard, { data: new OrganisationData(platform, org), framework, onopen });
    const table = await screen.findByRole('table', { name: 'Current and target by perspective' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.querySelectorAll('th, td')].slice(0, 3).map((c) => c.textContent));
    expect(rows).toEqual([
      ['Alpha', '1.5', '3.0'],
      ['Beta', '0.0', '2.0'],
    ]);
    const progress = screen.getByRole('article', { name: 'Progress' });
    expect(progress.textContent).toMatch(/3\s*of 5 assessed/);
    expect(within(progress).getByText('Not applicable').nextElementSibling?.textContent).toBe('1');
  });

  it('lists the largest gaps first and opens one from its title', async () => {
    const { platform, org, onopen } = await setup();
    render(Dashboard, { data: new OrganisationData(platform, org), framework, onopen });
    const gaps = await screen.findByRole('article', { name: 'Largest gaps' });
    const items = within(gaps).getAllByRole('listitem');
    expect(items.map((li) => within(li).getByRole('button').textContent)).toEqual(['Alpha one', 'Beta one']);
    expect(items[0].textContent).toContain('Gap 3');
    expect(items[0].textContent).toContain('1 → 4');
    expect(items[0].textContent).toContain('Critical');
    await fireEvent.click(within(gaps).getByRole('button', { name: 'Alpha one' }));
    expect(onopen).toHaveBeenCalledWith('a-one');
  });

  it('lays the roadmap out by stage, then what is not yet planned', async () => {
    const { platform, org, onopen } = await setup();
    render(Dashboard, { data: new OrganisationData(platform, org), framework, onopen });
    const roadmap = await screen.findByRole('article', { name: 'Roadmap' });
    const columns = within(roadmap).getAllByRole('region');
    expect(columns.map((c) => c.getAttribute('aria-label'))).toEqual([
      'Envision',
      'Align',
      'Launch',
      'Scale',
      'Not yet planned',
    ]);
    expect(within(columns[2]).getByRole('button').textContent).toBe('Alpha one');
    expect(within(columns[4]).getByRole('button').textContent).toBe('Beta one');
    await fireEvent.click(within(columns[4]).getByRole('button', { name: 'Beta one' }));
    expect(onopen).toHaveBeenCalledWith('b-one');
  });

  it("reloads when the organisation's data is refreshed", async () => {
    const { platform, org, onopen } = await setup();
    const data = new OrganisationData(platform, org);
    render(Dashboard, { data, framework, onopen });
    await screen.findByRole('table', { name: 'Current and target by perspective' });
    await platform.call('save_assessment', { org: org.id, capability: 'a-two', changes: { current: 4, target: 4 } });
    await data.refresh();
    await waitFor(() => expect(screen.getByRole('row', { name: /Alpha/ }).textContent).toContain('2.5'));
    expect(platform.calls.filter((c) => c.command === 'dashboard')).toHaveLength(2);
  });

  it('says why the dashboard could not be loaded', async () => {
    const { platform, org, onopen } = await setup();
    platform.call = (async () => {
      throw new Error('the database is damaged');
    }) as typeof platform.call;
    render(Dashboard, { data: new OrganisationData(platform, org), framework, onopen });
    expect((await screen.findByRole('alert')).textContent).toContain('damaged');
  });
});
