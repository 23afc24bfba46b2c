// Assessing from a map card by keyboard: its own keys set its levels, A goes to its assessment,
// and Tab from the selected cards reaches the bulk edit bar.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import CapabilityMap from './CapabilityMap.svelte';
import { FakePlatform, fakeFramework } from '../platform/fake';
import { OrganisationData } from '../organisation.svelte';
import type { Organisation } from '../platform';

const acme: Organisation = { id: 1, name: 'Acme', description: '', created_at: '2026-01-01T00:00:00Z' };

function setup(org: Organisation | null = acme) {
  const platform = new FakePlatform('acme');
  const onassess = vi.fn();
  render(CapabilityMap, {
    data: new OrganisationData(platform, org),
    framework: fakeFramework,
    org,
    assessments: {},
    heatMode: 'maturity',
    // Alpha two is open in the reader: a card's keys must not reach it.
    selected: 'a-two',
    lens: null,
    onopen: vi.fn(),
    onassess,
  });
  const saves = () => platform.calls.filter((c) => c.command === 'save_assessment').map((c) => c.args);
  return { platform, onassess, saves };
}

const card = (title: string) => screen.getByRole('button', { name: title });

/** The element Tab moves to from `from`, as the document orders what can take focus. */
function nextTabStop(from: Element): Element | undefined {
  const stops = [...document.querySelectorAll<HTMLElement>('button, select, input, textarea, [tabindex]')].filter(
    (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled,
  );
  return stops[stops.indexOf(from as HTMLElement) + 1];
}

describe('CapabilityMap by keyboard', () => {
  it('sets the current level of the focused card with a digit, and of that card only', async () => {
    const { saves } = setup();
    // Beta one is selected for a bulk edit; the digit is still for the card in focus.
    await fireEvent.keyDown(card('Beta one'), { key: ' ' });
    card('Alpha one').focus();
    await fireEvent.keyDown(card('Alpha one'), { key: '1', code: 'Digit1' });
    await waitFor(() => expect(screen.getByText('Alpha one: current 1 — Initial')).toBeTruthy());
    expect(saves(), 'one save, of Alpha one, naming only its current level').toEqual([
      { org: 1, capability: 'a-one', changes: { current: 1 } },
    ]);
  });

  it('sets the target with Shift and a digit', async () => {
    const { platform, saves } = setup();
    await fireEvent.keyDown(card('Alpha one'), { key: '!', code: 'Digit1', shiftKey: true });
    await waitFor(() => expect(screen.getByText('Alpha one: target 1 — Initial')).toBeTruthy());
    expect(saves()).toEqual([{ org: 1, capability: 'a-one', changes: { target: 1 } }]);
    expect((await platform.call('assessment', { org: 1, capability: 'a-one' })).target).toBe(1);
  });

  it('says which keys assess a card, and leaves digits alone without an organisation', async () => {
    const { saves, onassess } = setup(null);
    expect(screen.queryByText(/Shift\+0–4 the target/)).toBeNull();
    await fireEvent.keyDown(card('Alpha one'), { key: '1', code: 'Digit1' });
    await fireEvent.keyDown(card('Alpha one'), { key: 'a', code: 'KeyA' });
    expect(saves(), 'nothing to save into').toEqual([]);
    expect(onassess).not.toHaveBeenCalled();
  });

  it('names the keys in the hint when an organisation is chosen', () => {
    setup();
    expect(
      screen.getByText(
        'Keys: 0–4 sets the current level, Shift+0–4 the target; A goes to the assessment, Esc comes back.',
      ),
    ).toBeTruthy();
  });

  it("goes to the card's assessment with A, and the way back focuses that card", async () => {
    const { onassess, saves } = setup();
    card('Beta two').focus();
    await fireEvent.keyDown(card('Beta two'), { key: 'a', code: 'KeyA' });
    expect(onassess).toHaveBeenCalledTimes(1);
    expect(onassess.mock.calls[0][0]).toBe('b-two');
    card('Alpha one').focus();
    expect(onassess.mock.calls[0][1](), 'the card is there to come back to').toBe(true);
    expect(document.activeElement, 'back where the person pressed A').toBe(card('Beta two'));
    expect(saves()).toEqual([]);
  });

  it('reaches the bulk edit bar with one Tab from the selected cards', async () => {
    setup();
    await fireEvent.keyDown(card('Alpha one'), { key: ' ' });
    await fireEvent.keyDown(card('Alpha one'), { key: 'ArrowDown' });
    await fireEvent.keyDown(card('Alpha two'), { key: ' ' });
    const bar = screen.getByRole('toolbar', { name: 'Bulk edit' });
    expect(bar.textContent).toContain('2 selected');
    expect(nextTabStop(card('Alpha two')), 'Tab goes from the cards to the bar, not past it to the reader').toBe(
      within(bar).getByRole('combobox', { name: 'Current maturity' }),
    );
  });
});
