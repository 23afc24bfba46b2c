// The organisation's data through the whole frame, against the fake platform: a save in the
// editor reaches the dashboard beside it in one refresh, without remounting anything.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import App from './App.svelte';
import { FakePlatform } from './lib/platform/fake';
import { installCanvasStub } from './lib/graph/canvas-stub';

installCanvasStub();

vi.mock('chart.js', () => import('./lib/chart-stub'));

describe('the organisation in the app', () => {
  it('updates the dashboard beside the editor once per save, keeping the editor as it is', async () => {
    const platform = new FakePlatform('acme');
    render(App, { platform });
    const picker = (await screen.findByRole('combobox', { name: 'Organisation' })) as HTMLSelectElement;
    await waitFor(() => expect(picker.value).not.toBe(''));

    await fireEvent.click(screen.getByRole('tab', { name: 'Outline' }));
    const alpha = await screen.findByRole('treeitem', { name: 'Alpha' });
    alpha.focus();
    await fireEvent.keyDown(alpha, { key: 'ArrowRight' });
    await fireEvent.click(await screen.findByRole('treeitem', { name: /^Alpha one/ }));
    const editor = await screen.findByRole('region', { name: 'Assessment' });
    const notes = within(editor).getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement;
    await fireEvent.click(screen.getByRole('tab', { name: 'Dashboard' }));
    const progress = await screen.findByRole('article', { name: 'Progress' });
    expect(progress.textContent).toMatch(/0\s*of 5 assessed/);

    const dashboards = () => platform.calls.filter((c) => c.command === 'dashboard').length;
    const before = dashboards();
    await fireEvent.input(notes, { target: { value: 'Still typing' } });
    await fireEvent.change(within(editor).getByRole('combobox', { name: 'Current maturity' }), {
      target: { value: '1' },
    });
    await waitFor(() => expect(progress.textContent, 'the dashboard follows the save').toMatch(/1\s*of 5 assessed/));
    expect(dashboards(), 'one refresh, one dashboard load').toBe(before + 1);
    expect(editor.isConnected, 'the editor is not remounted to catch up').toBe(true);
    expect(notes.value).toBe('Still typing');
  });
});
