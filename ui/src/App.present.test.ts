// Workshop mode through the whole frame, against the fake platform: F5, a tour, the clicker,
// privacy, live capture and ending the workshop.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import App from './App.svelte';
import { FakePlatform } from './lib/platform/fake';
import { installCanvasStub } from './lib/graph/canvas-stub';

installCanvasStub();

afterEach(() => {
  vi.useRealTimers();
});

/** The recorded workshop is named after the tour and the day it starts on: this one. */
const TODAY = '2026-01-01';

const key = (k: string) => fireEvent.keyDown(document.body, { key: k });
const bar = () => screen.getByRole('group', { name: 'Presentation' }).textContent ?? '';

describe('presenting from the app', () => {
  it('walks a tour with the clicker, keeps notes private, captures, and ends the workshop', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${TODAY}T09:00:00Z`));
    const platform = new FakePlatform('acme');
    const [org] = await platform.call('organisations', {});
    await platform.call('save_assessment', {
      org: org.id,
      capability: 'a-one',
      changes: { current: 0, notes: 'Only the board knows.' },
    });
    render(App, { platform });
    await screen.findByRole('tab', { name: 'Graph' });
    const picker = (await screen.findByRole('combobox', { name: 'Organisation' })) as HTMLSelectElement;
    // The only organisation is chosen on its own.
    await waitFor(() => expect(picker.value).toBe(String(org.id)));

    await key('F5');
    const dialog = await screen.findByRole('dialog', { name: 'Present' });
    expect((screen.getByRole('combobox', { name: 'Tour' }) as HTMLSelectElement).value).toBe('mini-intro');
    await fireEvent.click(screen.getByRole('button', { name: 'Start presenting' }));
    await waitFor(() => expect(bar()).toContain('Step 1 of 3'));
    expect(dialog.isConnected).toBe(false);
    expect(document.documentElement.hasAttribute('data-present')).toBe(true);
    expect(platform.opened).toEqual(['presenter']);
    const workshops = () => platform.call('workshops', { org: org.id });
    expect(await workshops()).toMatchObject([{ title: `Mini in three steps · ${TODAY}`, ended_at: null }]);

    await key('PageDown');
    await key('PageDown');
    await waitFor(() => expect(bar()).toContain('Step 3 of 3'));
    await screen.findByRole('heading', { name: 'Alpha one', level: 2 });
    expect(document.body.textContent).not.toContain('Only the board knows.');
    await key('r');
    await waitFor(() => expect(document.body.textContent).toContain('Only the board knows.'));

    // c then 1: the room sets the current maturity; v then 2: two dots.
    await key('c');
    await key('1');
    await waitFor(() => expect(bar()).toContain('Current maturity of Alpha one: 1'));
    expect((await platform.call('assessment', { org: org.id, capability: 'a-one' })).current).toBe(1);
    const history = await platform.call('history', { org: org.id, capability: null });
    expect(history[history.length - 1]?.workshop, 'a change made in a workshop is attributed to it').toBe(
      `Mini in three steps · ${TODAY}`,
    );
    await key('v');
    await key('2');
    await waitFor(() => expect(bar()).toContain('Dots on Alpha one: 2'));

    // A digit after an unknown prefix reaches nothing; the graph's own keys are off.
    await key('3');
    expect(bar()).toContain('Step 3 of 3');

    await key('Escape');
    const end = await screen.findByRole('dialog', { name: /End the workshop/ });
    expect(document.documentElement.hasAttribute('data-present')).toBe(false);
    expect(end.textContent).toContain('2 dots');
    await fireEvent.click(screen.getByRole('button', { name: 'End workshop' }));
    await waitFor(async () => expect((await workshops())[0].ended_at).not.toBeNull());
    const snapshots = await platform.call('snapshots', { org: org.id });
    expect(snapshots.map((s) => s.name)).toEqual([`Mini in three steps · ${TODAY}`]);
  }, 20_000); // a whole workshop through the real App: slow on a busy machine

  it('follows moves made in the presenter window', async () => {
    const platform = new FakePlatform();
    render(App, { platform });
    await screen.findByRole('tab', { name: 'Graph' });
    await key('F5');
    await screen.findByRole('dialog', { name: 'Present' });
    await fireEvent.click(screen.getByRole('button', { name: 'Start presenting' }));
    await waitFor(() => expect(bar()).toContain('Step 1 of 3'));
    platform.emit('presentation', { ...platform.presentation!, step: 1, node: 'alpha' });
    await waitFor(() => expect(bar()).toContain('Step 2 of 3'));
    await screen.findByRole('heading', { name: 'Alpha', level: 2 });
    platform.emit('presentation', { ...platform.presentation!, active: false });
    await waitFor(() => expect(document.documentElement.hasAttribute('data-present')).toBe(false));
  });
});
