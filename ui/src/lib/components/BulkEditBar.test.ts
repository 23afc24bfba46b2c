import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import BulkEditBar from './BulkEditBar.svelte';
import { FakePlatform, fakeFramework } from '../platform/fake';
import { OrganisationData } from '../organisation.svelte';

describe('BulkEditBar', () => {
  it('offers the scale and the priorities, and sets a level on every selected capability at once', async () => {
    const platform = new FakePlatform('acme');
    const [org] = await platform.call('organisations', {});
    const data = new OrganisationData(platform, org);
    // The edit is followed by the one refresh every view reads from.
    const onchanged = vi.spyOn(data, 'refresh');
    render(BulkEditBar, {
      data,
      framework: fakeFramework,
      org,
      selected: ['a-one', 'b-one'],
      onclear: vi.fn(),
    });
    const current = screen.getByRole('combobox', { name: 'Current maturity' }) as HTMLSelectElement;
    expect([...current.options].map((o) => o.text)).toEqual([
      'Choose…',
      '0 — Not started',
      '1 — Initial',
      '2 — Developing',
      '3 — Defined',
      '4 — Managed',
      'Not assessed',
    ]);
    const priority = screen.getByRole('combobox', { name: 'Priority' }) as HTMLSelectElement;
    expect([...priority.options].map((o) => o.value)).toEqual(['', 'low', 'medium', 'high', 'critical', 'clear']);
    await fireEvent.change(current, { target: { value: '1' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Apply current maturity' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Current set to 1 for 2 capabilities'));
    expect(await platform.call('assessments', { org: org.id })).toMatchObject({
      'a-one': { current: 1 },
      'b-one': { current: 1 },
    });
    expect(platform.calls.filter((c) => c.command === 'save_assessments')).toHaveLength(1);
    expect(onchanged).toHaveBeenCalledTimes(1);
  });

  it('without an organisation asks for one, and can still clear the selection', async () => {
    const onclear = vi.fn();
    render(BulkEditBar, {
      data: new OrganisationData(new FakePlatform()),
      framework: fakeFramework,
      org: null,
      selected: ['a-one'],
      onclear,
    });
    expect(screen.getByRole('toolbar', { name: 'Bulk edit' }).textContent).toMatch(
      /1 selected.*Pick or create an organisation/,
    );
    await fireEvent.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(onclear).toHaveBeenCalled();
  });
});
