import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import LensPicker from './LensPicker.svelte';
import { FakePlatform, fakeFramework } from '../platform/fake';

// In the mini pack Aide is concerned with one capability directly and with the Beta
// perspective (whose two capabilities come in through it); Boss with Alpha and its three.
const framework = fakeFramework;

function setup(active: { stakeholder: string } | null = null) {
  const platform = new FakePlatform();
  const onchange = vi.fn();
  const result = render(LensPicker, { platform, framework, active, onchange });
  return { platform, onchange, ...result };
}

describe('LensPicker', () => {
  it('offers None and every stakeholder, by title', () => {
    setup();
    const select = screen.getByRole('combobox', { name: 'Stakeholder lens' }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.text)).toEqual(['None', 'Aide', 'Boss']);
    expect(select.value).toBe('');
  });

  it('asks the core for the lens and passes on every node in it, the stakeholder included', async () => {
    const { platform, onchange, rerender } = setup();
    await fireEvent.change(screen.getByRole('combobox', { name: 'Stakeholder lens' }), { target: { value: 'aide' } });
    await waitFor(() => expect(onchange).toHaveBeenCalledOnce());
    expect(platform.calls).toContainEqual({ command: 'lens', args: { stakeholder: 'aide' } });
    const lens = onchange.mock.calls[0][0];
    expect(lens.stakeholder).toBe('aide');
    expect(lens.title).toBe('Aide');
    expect([...lens.ids].sort()).toEqual(['a-two', 'aide', 'b-one', 'b-two', 'beta']);
    await rerender({ active: { stakeholder: 'aide' } });
    expect(screen.getByText('3 capabilities')).toBeTruthy();
    // The count came with the pick: no second request.
    expect(platform.calls.filter((c) => c.command === 'lens')).toHaveLength(1);
  });

  it('clears the lens with None', async () => {
    const { onchange } = setup({ stakeholder: 'boss' });
    await screen.findByText('3 capabilities');
    await fireEvent.change(screen.getByRole('combobox', { name: 'Stakeholder lens' }), { target: { value: '' } });
    expect(onchange).toHaveBeenCalledWith(null);
  });

  it('shows the count of a lens made active elsewhere', async () => {
    setup({ stakeholder: 'boss' });
    expect((screen.getByRole('combobox', { name: 'Stakeholder lens' }) as HTMLSelectElement).value).toBe('boss');
    expect(await screen.findByText('3 capabilities')).toBeTruthy();
  });

  it('says why a lens could not be loaded', async () => {
    const { platform, onchange } = setup();
    platform.call = (async () => {
      throw new Error('the framework changed');
    }) as typeof platform.call;
    await fireEvent.change(screen.getByRole('combobox', { name: 'Stakeholder lens' }), { target: { value: 'boss' } });
    expect((await screen.findByRole('alert')).textContent).toContain('the framework changed');
    expect(onchange).not.toHaveBeenCalled();
  });
});
