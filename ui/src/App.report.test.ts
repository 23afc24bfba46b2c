// Ctrl/Cmd+P in the whole frame: it opens the Report dialog on the active organisation instead
// of printing the window, gives the keyboard back where it was on close, and without an
// organisation says to choose one.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import App from './App.svelte';
import { FakePlatform } from './lib/platform/fake';
import { installCanvasStub } from './lib/graph/canvas-stub';

installCanvasStub();

vi.mock('chart.js', () => import('./lib/chart-stub'));

describe('Ctrl/Cmd+P', () => {
  it('opens the Report dialog on the organisation instead of printing, and Close gives the keyboard back', async () => {
    const platform = new FakePlatform('dashboard');
    render(App, { platform });
    const picker = (await screen.findByRole('combobox', { name: 'Organisation' })) as HTMLSelectElement;
    await waitFor(() => expect(picker.value).not.toBe(''));
    const search = screen.getByRole('button', { name: /Search/ });
    search.focus();
    const press = new KeyboardEvent('keydown', { key: 'p', ctrlKey: true, bubbles: true, cancelable: true });
    search.dispatchEvent(press);
    expect(press.defaultPrevented, 'the webview must not print the window').toBe(true);
    const dialog = await screen.findByRole('dialog', { name: 'Report on Acme' });
    expect(dialog).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Report on Acme' })).toBeNull());
    expect(document.activeElement, 'the keyboard returns where it was').toBe(search);
  });

  it('says to choose an organisation when none is active', async () => {
    const platform = new FakePlatform('empty');
    render(App, { platform });
    await screen.findByRole('tab', { name: 'Graph' });
    await fireEvent.keyDown(document.body, { key: 'P', metaKey: true });
    expect(await screen.findByText('Choose an organisation first: a report is about one.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
