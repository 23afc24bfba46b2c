import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import Counterparts from './Counterparts.svelte';
import type { CounterpartView } from '../platform';

const counterpart = (over: Partial<CounterpartView>): CounterpartView => ({
  framework: 'AI RMF',
  id: 'govern-1-2',
  title: 'GOVERN 1.2 — Trustworthy AI in policy',
  relation: 'intersect',
  status: 'proposed',
  rationale: 'Both ask for the rules people follow.',
  ...over,
});

describe('Counterparts', () => {
  it('lists each framework apart, every link with how it relates, why, and whether it is reviewed', async () => {
    const onopen = vi.fn();
    render(Counterparts, {
      onopen,
      counterparts: [
        counterpart({}),
        counterpart({
          id: 'map-1-1',
          title: 'MAP 1.1 — Context',
          relation: 'subset',
          status: 'reviewed',
          rationale: 'Context first.',
        }),
        counterpart({ framework: 'ISO 42001', id: 'a-6', title: 'A.6 — Life cycle', relation: 'superset' }),
      ],
    });
    const rmf = screen.getByRole('list', { name: 'Counterparts in AI RMF' });
    const items = within(rmf).getAllByRole('listitem');
    expect(items.map((i) => i.querySelector('.title')?.textContent)).toEqual([
      'GOVERN 1.2 — Trustworthy AI in policy',
      'MAP 1.1 — Context',
    ]);
    expect(within(items[0]).getByText('Overlaps')).toBeTruthy();
    expect(within(items[0]).getByText('proposed')).toBeTruthy();
    expect(within(items[0]).getByText('Both ask for the rules people follow.')).toBeTruthy();
    // "subset" read from this node's side: it is part of the other.
    expect(within(items[1]).getByText('Part of')).toBeTruthy();
    expect(within(items[1]).queryByText('proposed')).toBeNull();
    expect(screen.getByRole('heading', { name: 'In AI RMF (2)' })).toBeTruthy();
    const iso = screen.getByRole('list', { name: 'Counterparts in ISO 42001' });
    expect(within(iso).getByText('Covers')).toBeTruthy();
    // A counterpart opens where it is listed.
    await fireEvent.click(within(items[1]).getByRole('button', { name: 'MAP 1.1 — Context' }));
    expect(onopen).toHaveBeenCalledWith('map-1-1');
  });

  it('shows nothing when no mapping reaches the node', () => {
    const { container } = render(Counterparts, { counterparts: [], onopen: () => {} });
    expect(container.querySelector('section')).toBeNull();
  });
});
