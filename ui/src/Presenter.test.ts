import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import Presenter from './Presenter.svelte';
import { FakePlatform } from './lib/platform/fake';
import type { Events, Presentation, TourView } from './lib/platform';
import { newPresentation, stepTo } from './lib/present';

/** The mini pack's tour: three steps, each with talking points. */
let tour: TourView;
beforeAll(async () => {
  [tour] = await new FakePlatform().call('tours', {});
});

const fake = (scenario: 'empty' | 'acme' = 'empty') => new FakePlatform(scenario);

function at(step: number, extra: Partial<Presentation> = {}): Presentation {
  return { ...stepTo(newPresentation('graph', null, null), tour, step), ...extra };
}

const current = () => screen.getByRole('heading', { level: 2, name: 'Mini' }).closest('section') as HTMLElement;
const nextBox = () => screen.getByRole('heading', { name: 'Next' }).closest('section') as HTMLElement;
const last = <T>(list: T[]): T | undefined => list[list.length - 1];
const sets = (p: FakePlatform) =>
  p.calls.filter((c) => c.command === 'set_presentation').map((c) => (c.args as { state: Presentation }).state);

afterEach(() => {
  vi.useRealTimers();
});

describe('Presenter', () => {
  it('says it is not presenting when there is no presentation', async () => {
    render(Presenter, { platform: fake() });
    expect(await screen.findByRole('heading', { name: 'Not presenting.' })).toBeTruthy();
    expect(screen.getByText('Press F5 in the main window to start.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Next/ })).toBeNull();
  });

  it('shows the current step, its position, and the next step with its talking points', async () => {
    const platform = fake();
    platform.presentation = at(0);
    render(Presenter, { platform });
    expect(await screen.findByRole('heading', { level: 2, name: 'Mini' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Mini in three steps' })).toBeTruthy();
    expect(screen.getByText('Step 1 of 3')).toBeTruthy();
    expect(current().textContent).toContain('Framework');
    expect(within(current()).getByText('Start here.').closest('li')).toBeTruthy();
    expect(within(nextBox()).getByText('Alpha')).toBeTruthy();
    expect(within(nextBox()).getByText('both').tagName).toBe('EM');
    expect(screen.getByText('Private: hidden from the room')).toBeTruthy();
    expect(screen.getByText('Screen showing')).toBeTruthy();
  });

  it('moves on with Next, and follows the state the core sends back', async () => {
    const platform = fake();
    platform.presentation = at(0);
    render(Presenter, { platform });
    await screen.findByText('Step 1 of 3');
    await fireEvent.click(screen.getByRole('button', { name: /Next/ }));
    expect(last(sets(platform))).toMatchObject({ step: 1, node: 'alpha', tour: 'mini-intro' });
    expect(await screen.findByText('Step 2 of 3')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Alpha' })).toBeTruthy();
    expect(within(nextBox()).getByText('Alpha one')).toBeTruthy();
    // The keys a clicker sends do the same; Home goes back to the start.
    await fireEvent.keyDown(window, { key: 'PageDown' });
    expect(await screen.findByText('Step 3 of 3')).toBeTruthy();
    expect(within(nextBox()).getByText('End of tour')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Next/ }).getAttribute('aria-disabled')).toBe('true');
    await fireEvent.keyDown(window, { key: 'Home' });
    expect(await screen.findByText('Step 1 of 3')).toBeTruthy();
  });

  it('follows a presentation event from the other window', async () => {
    const platform = fake();
    platform.presentation = at(0);
    render(Presenter, { platform });
    await screen.findByText('Step 1 of 3');
    platform.emit('presentation', at(2, { revealed: true, blackout: true }));
    expect(await screen.findByText('Step 3 of 3')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Alpha one' })).toBeTruthy();
    expect(screen.getByText('Revealed to the room')).toBeTruthy();
    expect(screen.getByText('Screen blacked out')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reveal to room' }).getAttribute('aria-pressed')).toBe('true');
    platform.emit('presentation', { ...at(2), active: false });
    expect(await screen.findByRole('heading', { name: 'Not presenting.' })).toBeTruthy();
  });

  it('toggles reveal and blackout (also with B) through the shared state', async () => {
    const platform = fake();
    platform.presentation = at(1);
    render(Presenter, { platform });
    const reveal = await screen.findByRole('button', { name: 'Reveal to room' });
    expect(reveal.getAttribute('aria-pressed')).toBe('false');
    await fireEvent.click(reveal);
    expect(last(sets(platform))).toMatchObject({ revealed: true, step: 1 });
    await waitFor(() => expect(reveal.getAttribute('aria-pressed')).toBe('true'));
    await fireEvent.keyDown(window, { key: 'b' });
    expect(last(sets(platform))).toMatchObject({ revealed: true, blackout: true });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Blackout' }).getAttribute('aria-pressed')).toBe('true'),
    );
    // Moving lifts the blackout, as in the main window.
    await fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(last(sets(platform))).toMatchObject({ step: 2, blackout: false, revealed: true });
  });

  it('shows the organisation’s private notes and the workshop’s votes for a capability, rendered and sanitised by the core', async () => {
    const platform = fake('acme');
    const [org] = await platform.call('organisations', {});
    await platform.call('save_assessment', {
      org: org.id,
      capability: 'a-one',
      changes: { current: 0, target: 1, priority: 'high', notes: 'Line one\n<b>not bold</b>' },
    });
    const w = await platform.call('start_workshop', { org: org.id, title: 'Kick-off', tour: 'mini-intro' });
    await platform.call('vote', { workshop: w.id, capability: 'a-one', delta: 3 });
    platform.presentation = at(1, { org: org.id, workshop: w.id });
    render(Presenter, { platform });
    await screen.findByText('Step 2 of 3');
    // A perspective: no private notes.
    expect(screen.queryByRole('heading', { name: /Organisation’s notes/ })).toBeNull();

    await fireEvent.click(screen.getByRole('button', { name: /Next/ }));
    const box = (await screen.findByRole('heading', { name: /Organisation’s notes/ })).closest(
      'section',
    ) as HTMLElement;
    await waitFor(() => expect(box.textContent).toContain('0 · Not started'));
    expect(box.textContent).toContain('1 · Initial');
    expect(box.textContent).toContain('High');
    const notes = within(box).getByText(/Line one/);
    expect(notes.textContent, 'raw HTML in a note is dropped by the core, its words kept').toBe('Line one\nnot bold');
    expect(notes.querySelector('b')).toBeNull();
    expect(platform.calls).toContainEqual({ command: 'notes_html', args: { org: org.id, capability: 'a-one' } });
    await waitFor(() => expect(box.textContent).toMatch(/Dot-votes\s*3/));
    expect(platform.calls).toContainEqual({ command: 'assessment', args: { org: org.id, capability: 'a-one' } });

    // A vote cast in the main window shows with the next presentation event.
    await platform.call('vote', { workshop: w.id, capability: 'a-one', delta: 1 });
    platform.emit('presentation', platform.presentation!);
    await waitFor(() => expect(box.textContent).toMatch(/Dot-votes\s*4/));
  });

  it('shows the elapsed time as m:ss and keeps it ticking', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-03-01T10:01:05Z'));
    const platform = fake();
    platform.presentation = at(0, { started_at: '2026-03-01T10:00:00Z' });
    render(Presenter, { platform });
    const clock = await screen.findByRole('timer', { name: 'Elapsed time' });
    expect(clock.textContent).toMatch(/^\d+:\d{2}$/);
    expect(clock.textContent).toBe('1:05');
    vi.advanceTimersByTime(2000);
    await waitFor(() => expect(clock.textContent).toBe('1:07'));
  });

  it('stops listening when closed', async () => {
    class Counting extends FakePlatform {
      stopped = 0;
      override async listen<E extends keyof Events>(event: E, handler: (payload: Events[E]) => void) {
        const stop = await super.listen(event, handler);
        return () => {
          this.stopped++;
          return stop();
        };
      }
    }
    const platform = new Counting();
    const view = render(Presenter, { platform });
    await screen.findByRole('heading', { name: 'Not presenting.' });
    view.unmount();
    expect(platform.stopped).toBe(1);
  });
});
