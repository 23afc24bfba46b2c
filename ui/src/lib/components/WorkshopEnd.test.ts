import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import WorkshopEnd from './WorkshopEnd.svelte';
import type { Workshop } from '../platform';

const workshop: Workshop = {
  id: 1,
  org_id: 1,
  title: 'Offsite',
  tour: null,
  started_at: '',
  ended_at: null,
  votes: { x: 2, y: 3 },
};

describe('WorkshopEnd', () => {
  it('offers a snapshot named after the workshop and reports a refused name', async () => {
    const onend = vi
      .fn()
      .mockResolvedValueOnce('a snapshot named `Offsite` already exists')
      .mockResolvedValueOnce(null);
    const onclose = vi.fn();
    render(WorkshopEnd, { workshop, onend, onclose });
    expect(document.body.textContent).toContain('the room cast 5 dots');
    expect((screen.getByRole('textbox', { name: 'Snapshot name' }) as HTMLInputElement).value).toBe('Offsite');
    await fireEvent.click(screen.getByRole('button', { name: 'End workshop' }));
    expect(onend).toHaveBeenLastCalledWith('Offsite');
    expect((await screen.findByRole('alert')).textContent).toContain('already exists');
    expect(onclose).not.toHaveBeenCalled();
    await fireEvent.input(screen.getByRole('textbox', { name: 'Snapshot name' }), {
      target: { value: 'Offsite, day 1' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'End workshop' }));
    expect(onend).toHaveBeenLastCalledWith('Offsite, day 1');
    await vi.waitFor(() => expect(onclose).toHaveBeenCalled());
  });

  it('can end without a snapshot', async () => {
    const onend = vi.fn().mockResolvedValue(null);
    render(WorkshopEnd, { workshop, onend, onclose: () => {} });
    await fireEvent.click(screen.getByRole('checkbox'));
    await fireEvent.click(screen.getByRole('button', { name: 'End workshop' }));
    expect(onend).toHaveBeenCalledWith(null);
  });
});
