import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import SearchPalette from './SearchPalette.svelte';
import { FakePlatform } from '../platform/fake';

async function typeInto(input: HTMLElement, text: string) {
  await fireEvent.input(input, { target: { value: text } });
  await new Promise((r) => setTimeout(r, 0));
}

// What the core ranks for "alpha" in the mini pack: the titles that say it, then the nodes
// linked to Alpha.
const ALPHA = ['Alpha', 'Alpha one', 'Alpha three', 'Alpha two', 'Boss', 'Mini'];

describe('SearchPalette', () => {
  it('shows results while typing, with the matched words marked', async () => {
    render(SearchPalette, { platform: new FakePlatform(), onopen: () => {}, onclose: () => {} });
    const input = screen.getByRole('combobox', { name: 'Search' });
    await typeInto(input, 'alpha');
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.getAttribute('aria-label'))).toEqual(ALPHA);
    expect(options[0].innerHTML).toContain('<mark>Alpha</mark>');
  });

  it('moves with the arrow keys and opens the chosen result with Enter', async () => {
    const onopen = vi.fn();
    render(SearchPalette, { platform: new FakePlatform(), onopen, onclose: () => {} });
    const input = screen.getByRole('combobox', { name: 'Search' });
    await typeInto(input, 'alpha');
    await screen.findAllByRole('option');
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(screen.getAllByRole('option')[1].getAttribute('aria-selected')).toBe('true');
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(onopen).toHaveBeenCalledWith('a-one', { assess: false, from: { query: 'alpha', active: 1 } });
  });

  it('opens the chosen result at its assessment with Shift+Enter', async () => {
    const onopen = vi.fn();
    render(SearchPalette, { platform: new FakePlatform(), onopen, onclose: () => {} });
    const input = screen.getByRole('combobox', { name: 'Search' });
    await typeInto(input, 'alpha');
    await screen.findAllByRole('option');
    expect(screen.getByText(/Shift\+Enter opens a capability at its assessment/)).toBeTruthy();
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    await fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    expect(onopen).toHaveBeenCalledWith('a-one', { assess: true, from: { query: 'alpha', active: 1 } });
  });

  it('shows a search again as it stood, the chosen result still selected (the way back from an assessment)', async () => {
    render(SearchPalette, {
      platform: new FakePlatform(),
      onopen: () => {},
      onclose: () => {},
      initial: { query: 'alpha', active: 1 },
    });
    const input = screen.getByRole('combobox', { name: 'Search' }) as HTMLInputElement;
    expect(input.value).toBe('alpha');
    await waitFor(() => expect(screen.getAllByRole('option')[1].getAttribute('aria-selected')).toBe('true'));
    expect(document.activeElement, 'the keyboard is back in the search').toBe(input);
  });

  it('says so when nothing matches', async () => {
    render(SearchPalette, { platform: new FakePlatform(), onopen: () => {}, onclose: () => {} });
    await typeInto(screen.getByRole('combobox', { name: 'Search' }), 'zzz');
    expect((await screen.findByRole('status')).textContent).toContain('No results');
  });

  it('answers what was typed while the index was still being prepared, once it is ready', async () => {
    const platform = new FakePlatform();
    platform.searchesBeforeReady = 2;
    render(SearchPalette, { platform, onopen: () => {}, onclose: () => {} });
    await typeInto(screen.getByRole('combobox', { name: 'Search' }), 'alpha');
    expect((await screen.findByRole('status')).textContent).toContain('getting ready');
    expect(screen.queryByRole('alert')).toBeNull();
    const options = await screen.findAllByRole('option', {}, { timeout: 3000 });
    expect(options.map((o) => o.getAttribute('aria-label'))).toEqual(ALPHA);
    expect(screen.queryByRole('status')).toBeNull();
    expect(platform.calls.filter((c) => c.command === 'search')).toHaveLength(3);
  });
});
