import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import HistoryTimeline from './HistoryTimeline.svelte';
import { FakePlatform, fakeFramework } from '../platform/fake';
import { OrganisationData } from '../organisation.svelte';
import type { HistoryEntry } from '../platform';

const org = { id: 1, name: 'Acme', description: '', created_at: '2026-01-01T00:00:00Z' };

const entry = (change_set: number, field: string, old: unknown, now: unknown, action = 'edit'): HistoryEntry => ({
  change_set,
  at: `2026-03-0${change_set}T10:00:00Z`,
  author: 'sam',
  action,
  workshop: null,
  capability: 'a-one',
  field,
  old,
  new: now,
});

describe('HistoryTimeline', () => {
  it('loads the history of the capability and shows change sets newest first, in words', async () => {
    const platform = new FakePlatform();
    platform.history = [
      entry(1, 'current', null, 1),
      entry(1, 'priority', null, 'high'),
      entry(2, 'notes', 'a', 'b'),
      entry(2, 'tags', ['data'], ['data', 'risk']),
      entry(3, 'current', 1, null, 'undo'),
    ];
    render(HistoryTimeline, {
      data: new OrganisationData(platform, org),
      framework: fakeFramework,
      capability: 'a-one',
    });
    expect(await screen.findByText('History (3 changes)')).toBeTruthy();
    expect(platform.calls).toContainEqual({ command: 'history', args: { org: 1, capability: 'a-one' } });
    const sets = within(screen.getByRole('list', { name: 'Changes, newest first' }))
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('set'));
    expect(sets.map((s) => s.querySelector('.action')?.textContent)).toEqual(['Undone', 'Edited', 'Edited']);
    expect(sets[0].textContent).toContain('Current maturity: Initial (1) → not set');
    expect(sets[1].textContent).toContain('Notes: edited');
    expect(sets[1].textContent).toContain('Tags: added “risk”');
    expect(sets[2].textContent).toContain('Current maturity: not set → Initial (1)');
    expect(sets[2].textContent).toContain('Priority: none → High');
    expect(sets[2].textContent).toContain('sam');
    expect(sets[2].querySelector('time')?.getAttribute('datetime')).toBe('2026-03-01T10:00:00Z');
  });

  it('is collapsed until opened', async () => {
    const platform = new FakePlatform();
    platform.history = [entry(1, 'current', null, 1)];
    const { container } = render(HistoryTimeline, {
      data: new OrganisationData(platform, org),
      framework: fakeFramework,
      capability: 'a-one',
    });
    await screen.findByText('History (1 change)');
    expect(container.querySelector('details')?.open).toBe(false);
  });

  it('names stages and owners, and summarises evidence', async () => {
    const platform = new FakePlatform();
    platform.history = [
      entry(1, 'owner', null, 'boss'),
      entry(1, 'evidence', [{ label: 'Policy', url: 'https://x.test' }], []),
      entry(1, 'not_applicable', null, 'No models'),
    ];
    render(HistoryTimeline, {
      data: new OrganisationData(platform, org),
      framework: fakeFramework,
      capability: 'a-one',
    });
    await screen.findByText('History (1 change)');
    expect(screen.getByText(/none → Boss/)).toBeTruthy();
    expect(screen.getByText(/removed “Policy”/)).toBeTruthy();
    expect(screen.getByText(/marked not applicable: No models/)).toBeTruthy();
  });

  it("reloads when the organisation's data is refreshed", async () => {
    const platform = new FakePlatform();
    const data = new OrganisationData(platform, org);
    render(HistoryTimeline, { data, framework: fakeFramework, capability: 'a-one' });
    await screen.findByText('History (0 changes)');
    platform.history = [entry(1, 'current', null, 1)];
    await data.refresh();
    await screen.findByText('History (1 change)');
    expect(platform.calls.filter((c) => c.command === 'history')).toHaveLength(2);
  });

  it('says when the history cannot be loaded, without raising an alert', async () => {
    const platform = new FakePlatform();
    platform.call = (async () => {
      throw new Error('the store is locked');
    }) as typeof platform.call;
    render(HistoryTimeline, {
      data: new OrganisationData(platform, org),
      framework: fakeFramework,
      capability: 'a-one',
    });
    await waitFor(() => expect(screen.getByText(/the store is locked/)).toBeTruthy());
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
