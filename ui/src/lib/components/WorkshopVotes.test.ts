import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import WorkshopVotes from './WorkshopVotes.svelte';
import { FakePlatform, fakeFramework } from '../platform/fake';
import { OrganisationData } from '../organisation.svelte';

describe('WorkshopVotes', () => {
  it('invites a first workshop when there is none', async () => {
    const platform = new FakePlatform('acme');
    const [org] = await platform.call('organisations', {});
    render(WorkshopVotes, { data: new OrganisationData(platform, org), framework: fakeFramework, onopen: () => {} });
    expect(await screen.findByText(/No workshops yet/)).toBeTruthy();
  });

  it('lists each workshop with where the room put its dots, most first, and opens one', async () => {
    const platform = new FakePlatform('acme');
    const [org] = await platform.call('organisations', {});
    const w = await platform.call('start_workshop', { org: org.id, title: 'Offsite', tour: null });
    await platform.call('vote', { workshop: w.id, capability: 'a-one', delta: 2 });
    await platform.call('vote', { workshop: w.id, capability: 'b-one', delta: 5 });
    const onopen = vi.fn();
    render(WorkshopVotes, { data: new OrganisationData(platform, org), framework: fakeFramework, onopen });
    const votes = await screen.findByRole('list', { name: 'Dots in Offsite' });
    const items = within(votes)
      .getAllByRole('listitem')
      .map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(items).toEqual(['Beta one ●●●●● 5 dots', 'Alpha one ●● 2 dots']);
    expect(screen.getByText(/running · 7 dots/)).toBeTruthy();
    await fireEvent.click(within(votes).getByRole('button', { name: 'Alpha one' }));
    expect(onopen).toHaveBeenCalledWith('a-one');
  });
});
