import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import HistoryTimeline from './HistoryTimeline.svelte';
import { FakePlatform, fakeFramework } from '../platform/fake';
import type { AssessmentPatch, Organisation } from '../platform';
import { OrganisationData } from '../organisation.svelte';

/** Acme, with the changes the core records for the saves (and undo) made here. */
async function acme(...changes: (AssessmentPatch | 'undo')[]) {
  const platform = new FakePlatform('acme');
  const [org] = await platform.call('organisations', {});
  for (const c of changes) {
    if (c === 'undo') await platform.call('undo', { org: org.id });
    else await platform.call('save_assessment', { org: org.id, capability: 'a-one', changes: c });
  }
  platform.calls.length = 0;
  return { platform, org };
}

const timeline = (platform: FakePlatform, org: Organisation, data = new OrganisationData(platform, org)) =>
  render(HistoryTimeline, { data, framework: fakeFramework, capability: 'a-one' });

describe('HistoryTimeline', () => {
  it('loads the history of the capability and shows change sets newest first, in words', async () => {
    const { platform, org } = await acme(
      { current: 1, priority: 'high' },
      { notes: 'a', tags: ['data'] },
      { notes: 'b', tags: ['data', 'risk'] },
      'undo',
    );
    timeline(platform, org);
    expect(await screen.findByText('History (4 changes)')).toBeTruthy();
    expect(platform.calls).toContainEqual({ command: 'history', args: { org: org.id, capability: 'a-one' } });
    const sets = within(screen.getByRole('list', { name: 'Changes, newest first' }))
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('set'));
    expect(sets.map((s) => s.querySelector('.action')?.textContent)).toEqual(['Undone', 'Edited', 'Edited', 'Edited']);
    expect(sets[0].textContent).toContain('Tags: removed “risk”');
    expect(sets[1].textContent).toContain('Notes: edited');
    expect(sets[1].textContent).toContain('Tags: added “risk”');
    expect(sets[3].textContent).toContain('Current maturity: not set → Initial (1)');
    expect(sets[3].textContent).toContain('Priority: none → High');
    expect(sets[3].textContent).toContain('Tester');
    expect(sets[3].querySelector('time')?.getAttribute('datetime')).toBe('2026-01-01T00:00:00Z');
  });

  it('is collapsed until opened', async () => {
    const { platform, org } = await acme({ current: 1 });
    const { container } = timeline(platform, org);
    await screen.findByText('History (1 change)');
    expect(container.querySelector('details')?.open).toBe(false);
  });

  it('names stages and owners, and summarises evidence', async () => {
    const { platform, org } = await acme(
      { evidence: [{ label: 'Policy', url: 'https://x.test' }] },
      { owner: 'boss', evidence: [], not_applicable: 'No models' },
    );
    timeline(platform, org);
    await screen.findByText('History (2 changes)');
    expect(screen.getByText(/none → Boss/)).toBeTruthy();
    expect(screen.getByText(/removed “Policy”/)).toBeTruthy();
    expect(screen.getByText(/marked not applicable: No models/)).toBeTruthy();
  });

  it("reloads when the organisation's data is refreshed", async () => {
    const { platform, org } = await acme();
    const data = new OrganisationData(platform, org);
    timeline(platform, org, data);
    await screen.findByText('History (0 changes)');
    await platform.call('save_assessment', { org: org.id, capability: 'a-one', changes: { current: 1 } });
    await data.refresh();
    await screen.findByText('History (1 change)');
    expect(platform.calls.filter((c) => c.command === 'history')).toHaveLength(2);
  });

  it('says when the history cannot be loaded, without raising an alert', async () => {
    const { platform, org } = await acme();
    platform.call = (async () => {
      throw new Error('the store is locked');
    }) as typeof platform.call;
    timeline(platform, org);
    await waitFor(() => expect(screen.getByText(/the store is locked/)).toBeTruthy());
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
