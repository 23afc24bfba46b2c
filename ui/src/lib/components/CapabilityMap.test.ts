import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import CapabilityMap from './CapabilityMap.svelte';
import { FakePlatform, fakeFramework } from '../platform/fake';
import { OrganisationData } from '../organisation.svelte';
import { emptyAssessment, type Assessment, type FrameworkView, type Organisation } from '../platform';

// The mini pack: Alpha one to three (new, enriched, inherited) and Beta one and two.
const framework: FrameworkView = fakeFramework;

const org: Organisation = { id: 1, name: 'Acme', description: '', created_at: '2026-01-01T00:00:00Z' };
const level = (current: number | null, target: number | null = null): Assessment => ({
  ...emptyAssessment(),
  current,
  target,
});

function setup(
  props: Partial<{
    org: Organisation | null;
    assessments: Record<string, Assessment>;
    lens: { stakeholder: string; ids: Set<string> } | null;
    selected: string | null;
  }> = {},
) {
  const platform = new FakePlatform('acme');
  const onopen = vi.fn();
  const data = new OrganisationData(platform, 'org' in props ? props.org! : org);
  // A bulk edit is followed by the one refresh every view reads from.
  const onchanged = vi.spyOn(data, 'refresh');
  render(CapabilityMap, {
    data,
    framework,
    org: 'org' in props ? props.org! : org,
    assessments: props.assessments ?? {},
    heatMode: 'maturity',
    selected: props.selected ?? null,
    lens: props.lens ?? null,
    onopen,
  });
  return { platform, onopen, onchanged };
}

const card = (title: string) => screen.getByRole('button', { name: title });
const pressed = () => screen.getAllByRole('button', { pressed: true }).map((b) => b.getAttribute('data-capability'));

describe('CapabilityMap', () => {
  it('draws one column per perspective with its capabilities in order, counts and mean maturity', () => {
    setup({ assessments: { 'a-one': level(1), 'a-two': level(2), 'b-one': { ...level(3), not_applicable: 'No' } } });
    const alpha = screen.getByRole('region', { name: 'Alpha' });
    expect(
      within(alpha)
        .getAllByRole('button')
        .map((b) => b.getAttribute('data-capability')),
    ).toEqual(['a-one', 'a-two', 'a-three']);
    expect(alpha.querySelector('h3')!.textContent).toMatch(/3 capabilities\s*mean 1\.5/);
    // Not applicable does not count towards the mean.
    expect(screen.getByRole('region', { name: 'Beta' }).querySelector('h3')!.textContent).toContain('mean —');
    expect(card('Alpha two').getAttribute('data-heat')).toBe('Level 2 · Developing');
    expect(card('Alpha three').getAttribute('data-heat')).toBe('Not assessed');
    expect(card('Beta one').getAttribute('data-heat')).toBe('Not applicable');
    expect(card('Alpha one').textContent).toContain('New');
    expect(card('Alpha two').textContent).toContain('Enriched');
    expect(card('Alpha three').textContent).toContain('Inherited');
    expect(screen.getByRole('list', { name: 'Maturity legend' }).textContent).toContain('Not applicable');
  });

  it('shows current → target on a card and leaves cards unpainted without an organisation', () => {
    setup({ org: null, assessments: { 'a-one': level(1, 3) } });
    expect(card('Alpha one').getAttribute('data-heat')).toBeNull();
    expect(card('Alpha one').textContent).not.toContain('→');
    expect(screen.queryByRole('list', { name: 'Maturity legend' })).toBeNull();
  });

  it('shows current → target when set', () => {
    setup({ assessments: { 'a-one': level(1, 3) } });
    expect(card('Alpha one').textContent).toContain('1 → 3');
  });

  it('opens a card on click; Ctrl-click toggles it in the selection without opening', async () => {
    const { onopen } = setup();
    await fireEvent.click(card('Alpha two'));
    expect(onopen).toHaveBeenCalledWith('a-two');
    expect(screen.queryAllByRole('button', { pressed: true })).toHaveLength(0);
    await fireEvent.click(card('Beta one'), { ctrlKey: true });
    await fireEvent.click(card('Alpha one'), { metaKey: true });
    expect(pressed()).toEqual(['a-one', 'b-one']);
    await fireEvent.click(card('Beta one'), { ctrlKey: true });
    expect(pressed()).toEqual(['a-one']);
    expect(onopen).toHaveBeenCalledTimes(1);
  });

  it('Shift-click selects the range in reading order from the last clicked card, across columns', async () => {
    setup();
    await fireEvent.click(card('Alpha two'), { ctrlKey: true });
    await fireEvent.click(card('Beta one'), { shiftKey: true });
    expect(pressed()).toEqual(['a-two', 'a-three', 'b-one']);
    // Backwards from the same anchor replaces the range.
    await fireEvent.click(card('Alpha one'), { shiftKey: true });
    expect(pressed()).toEqual(['a-one', 'a-two']);
    expect(screen.getByRole('toolbar', { name: 'Bulk edit' }).textContent).toContain('2 selected');
  });

  it('moves with the arrow keys (one card in the tab order), selects with Space, opens with Enter, clears with Escape', async () => {
    const { onopen } = setup();
    expect(
      screen
        .getAllByRole('button')
        .filter((b) => b.tabIndex === 0)
        .map((b) => b.dataset.capability),
    ).toEqual(['a-one']);
    card('Alpha one').focus();
    await fireEvent.keyDown(card('Alpha one'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(card('Alpha two'));
    await fireEvent.keyDown(card('Alpha two'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(card('Beta two'));
    expect(card('Beta two').tabIndex).toBe(0);
    expect(card('Alpha one').tabIndex).toBe(-1);
    await fireEvent.keyDown(card('Beta two'), { key: ' ' });
    await fireEvent.keyDown(card('Beta two'), { key: 'ArrowUp' });
    expect(document.activeElement).toBe(card('Beta one'));
    await fireEvent.keyDown(card('Beta one'), { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(card('Alpha one'));
    await fireEvent.keyDown(card('Alpha one'), { key: ' ' });
    expect(pressed()).toEqual(['a-one', 'b-two']);
    expect(card('Alpha one').textContent).toContain('✓');
    expect(onopen).not.toHaveBeenCalled();
    await fireEvent.keyDown(card('Alpha one'), { key: ' ' });
    expect(pressed()).toEqual(['b-two']);
    await fireEvent.keyDown(card('Alpha one'), { key: 'Enter' });
    expect(onopen).toHaveBeenCalledWith('a-one');
    await fireEvent.keyDown(card('Alpha one'), { key: 'Escape' });
    expect(screen.queryAllByRole('button', { pressed: true })).toHaveLength(0);
    expect(screen.queryByRole('toolbar', { name: 'Bulk edit' })).toBeNull();
  });

  it('Shift+Space selects the range from the last toggled card to the focused one', async () => {
    setup();
    await fireEvent.keyDown(card('Alpha three'), { key: ' ' });
    await fireEvent.keyDown(card('Beta two'), { key: ' ', shiftKey: true });
    expect(pressed()).toEqual(['a-three', 'b-one', 'b-two']);
  });

  it('applies a bulk edit to the selection as one save_assessments call, announces it, then asks for a reload', async () => {
    const { platform, onchanged } = setup();
    await fireEvent.click(card('Beta one'), { ctrlKey: true });
    await fireEvent.click(card('Alpha one'), { ctrlKey: true });
    await fireEvent.click(card('Alpha three'), { ctrlKey: true });
    const bar = screen.getByRole('toolbar', { name: 'Bulk edit' });
    expect(bar.textContent).toContain('3 selected');
    const apply = within(bar).getByRole('button', { name: 'Apply target maturity' }) as HTMLButtonElement;
    expect(apply.disabled).toBe(true);
    await fireEvent.change(within(bar).getByRole('combobox', { name: 'Target maturity' }), { target: { value: '3' } });
    await fireEvent.click(apply);
    await waitFor(() => expect(within(bar).getByRole('status').textContent).toBe('Target set to 3 for 3 capabilities'));
    const saves = platform.calls.filter((c) => c.command === 'save_assessments');
    expect(saves).toEqual([
      {
        command: 'save_assessments',
        args: { org: 1, capabilities: ['a-one', 'a-three', 'b-one'], edit: { field: 'target', value: 3 } },
      },
    ]);
    expect((await platform.call('assessment', { org: 1, capability: 'a-three' })).target).toBe(3);
    expect(onchanged).toHaveBeenCalledTimes(1);
  });

  it('sets and clears priority in bulk', async () => {
    const { platform } = setup();
    await fireEvent.click(card('Alpha one'), { ctrlKey: true });
    const bar = screen.getByRole('toolbar', { name: 'Bulk edit' });
    await fireEvent.change(within(bar).getByRole('combobox', { name: 'Priority' }), { target: { value: 'high' } });
    await fireEvent.click(within(bar).getByRole('button', { name: 'Apply priority' }));
    await waitFor(() =>
      expect(within(bar).getByRole('status').textContent).toBe('Priority set to high for 1 capability'),
    );
    await fireEvent.change(within(bar).getByRole('combobox', { name: 'Current maturity' }), {
      target: { value: 'clear' },
    });
    await fireEvent.click(within(bar).getByRole('button', { name: 'Apply current maturity' }));
    await waitFor(() => expect(within(bar).getByRole('status').textContent).toBe('Current cleared for 1 capability'));
    expect(await platform.call('assessment', { org: 1, capability: 'a-one' })).toMatchObject({
      priority: 'high',
      current: null,
    });
  });

  it('asks for an organisation before bulk editing', async () => {
    setup({ org: null });
    await fireEvent.click(card('Alpha one'), { ctrlKey: true });
    const bar = screen.getByRole('toolbar', { name: 'Bulk edit' });
    expect(bar.textContent).toMatch(/organisation/);
    expect(within(bar).queryByRole('combobox')).toBeNull();
  });

  it('says why a bulk edit was refused', async () => {
    const { platform, onchanged } = setup();
    platform.call = (async () => {
      throw new Error('the store is read-only');
    }) as typeof platform.call;
    await fireEvent.click(card('Alpha one'), { ctrlKey: true });
    const bar = screen.getByRole('toolbar', { name: 'Bulk edit' });
    await fireEvent.change(within(bar).getByRole('combobox', { name: 'Target maturity' }), { target: { value: '2' } });
    await fireEvent.click(within(bar).getByRole('button', { name: 'Apply target maturity' }));
    expect((await within(bar).findByRole('alert')).textContent).toContain('read-only');
    expect(onchanged).not.toHaveBeenCalled();
  });

  it('highlights the capabilities a stakeholder is concerned with and fades the rest', () => {
    setup({ lens: { stakeholder: 'boss', ids: new Set(['a-one', 'b-two']) } });
    expect(screen.getByText(/concern Boss/).textContent).toMatch(/2\s*concern Boss/);
    expect(card('Alpha one').classList.contains('lensed')).toBe(true);
    expect(card('Alpha two').classList.contains('faded')).toBe(true);
    expect(card('Beta two').classList.contains('faded')).toBe(false);
  });

  it('marks the open capability', () => {
    setup({ selected: 'b-two' });
    expect(card('Beta two').getAttribute('aria-current')).toBe('true');
    expect(card('Beta two').tabIndex).toBe(0);
  });
});
