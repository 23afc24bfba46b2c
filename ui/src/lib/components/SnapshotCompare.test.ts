import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import SnapshotCompare from './SnapshotCompare.svelte';
import { FakePlatform, fakeFramework } from '../platform/fake';
import { OrganisationData } from '../organisation.svelte';

const framework = fakeFramework;

// Acme (scenario `acme`), or Acme with two snapshots (scenario `snapshots`):
//   a-one 1 → 3, b-one 2 → 2; snapshot "Spring"
//   a-one 2 → 2 with notes "Better now"; snapshot "Summer"
//   b-one 3 → 1 now
async function setup(scenario: 'acme' | 'snapshots' = 'acme') {
  const platform = new FakePlatform(scenario);
  const [org] = await platform.call('organisations', {});
  const onopen = vi.fn();
  return { platform, org, onopen };
}

const select = (name: string) => screen.getByRole('combobox', { name }) as HTMLSelectElement;
const optionTexts = (s: HTMLSelectElement) => [...s.options].map((o) => o.text);

describe('SnapshotCompare', () => {
  it('takes a named snapshot and lists it; says so when there are none', async () => {
    const { platform, org, onopen } = await setup();
    render(SnapshotCompare, { data: new OrganisationData(platform, org), onopen });
    await screen.findByText(/No snapshots yet/);
    await fireEvent.input(screen.getByRole('textbox', { name: 'Snapshot name' }), { target: { value: ' Baseline ' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Take snapshot' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Baseline'));
    expect(platform.calls.find((c) => c.command === 'take_snapshot')?.args).toEqual({ org: org.id, name: 'Baseline' });
    expect(within(screen.getByRole('list', { name: 'Saved snapshots' })).getByText('Baseline')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Snapshot name' }) as HTMLInputElement).value).toBe('');
  });

  it('kept "Give the snapshot a name" on screen while a name was being typed', async () => {
    const { platform, org, onopen } = await setup();
    render(SnapshotCompare, { data: new OrganisationData(platform, org), onopen });
    await screen.findByText(/No snapshots yet/);
    await fireEvent.click(screen.getByRole('button', { name: 'Take snapshot' }));
    expect(screen.getByRole('alert').textContent).toBe('Give the snapshot a name.');
    await fireEvent.input(screen.getByRole('textbox', { name: 'Snapshot name' }), { target: { value: 'B' } });
    expect(screen.queryByRole('alert'), 'the error goes once the person acts on it').toBeNull();
  });

  it('compares the latest snapshot with now by default, marking ups and downs with arrows and signs', async () => {
    const { platform, org, onopen } = await setup('snapshots');
    render(SnapshotCompare, { data: new OrganisationData(platform, org), onopen, framework });

    await waitFor(() => expect(select('Compare').value).not.toBe('now'));
    expect(optionTexts(select('Compare'))).toEqual(['Summer', 'Spring', 'Now']);
    expect(optionTexts(select('with'))).toEqual(['Summer', 'Spring', 'Now']);
    expect(select('Compare').selectedOptions[0].text).toBe('Summer');
    expect(select('with').selectedOptions[0].text).toBe('Now');

    const table = await screen.findByRole('table');
    expect(table.querySelector('caption')?.textContent).toMatch(/from Acme \(Summer\) to\s+Acme \(now\)/);
    let rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    const [cap, cur, tgt, changes] = [...rows[0].querySelectorAll('th, td')];
    expect(cap.textContent?.trim()).toBe('Beta one');
    expect(cur.textContent).toBe('▲ +1');
    expect(cur.classList.contains('up')).toBe(true);
    expect(tgt.textContent).toBe('▼ −1');
    expect(tgt.classList.contains('down')).toBe(true);
    expect(changes.textContent).toMatch(/Current:\s*2 → 3/);

    await fireEvent.change(select('Compare'), { target: { value: select('Compare').options[1].value } });
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(3));
    rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows[0].textContent).toContain('Alpha one');
    expect(rows[0].textContent).toContain('Better now');
    await fireEvent.click(within(rows[0]).getByRole('button', { name: 'Alpha one' }));
    expect(onopen).toHaveBeenCalledWith('a-one');
  });

  it('says "No differences" when both sides agree', async () => {
    const { platform, org, onopen } = await setup();
    await platform.call('save_assessment', { org: org.id, capability: 'a-one', changes: { current: 1 } });
    await platform.call('take_snapshot', { org: org.id, name: 'Only' });
    render(SnapshotCompare, { data: new OrganisationData(platform, org), onopen });
    expect((await screen.findByText(/No differences/)).textContent).toContain('Only');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it("redoes a comparison with now when the organisation's data is refreshed", async () => {
    const { platform, org, onopen } = await setup();
    await platform.call('take_snapshot', { org: org.id, name: 'Empty' });
    const data = new OrganisationData(platform, org);
    render(SnapshotCompare, { data, onopen });
    await screen.findByText(/No differences/);
    await platform.call('save_assessment', { org: org.id, capability: 'a-one', changes: { current: 1 } });
    await data.refresh();
    expect(await screen.findByRole('table')).toBeTruthy();
  });

  it('shows the reason a snapshot was refused', async () => {
    const { platform, org, onopen } = await setup();
    render(SnapshotCompare, { data: new OrganisationData(platform, org), onopen });
    await screen.findByText(/No snapshots yet/);
    await fireEvent.click(screen.getByRole('button', { name: 'Take snapshot' }));
    expect((await screen.findByRole('alert')).textContent).toContain('name');
    expect(platform.calls.some((c) => c.command === 'take_snapshot')).toBe(false);
  });
});
