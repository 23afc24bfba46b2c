import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import Outline from './Outline.svelte';
import { fakeFramework } from '../platform/fake';
import type { FrameworkView } from '../platform';
import { levelHeat, NOT_ASSESSED } from '../heat';

// The mini pack has three capabilities under Alpha, so moving inside a perspective can be
// tested, and two stakeholders and four stages for the groups.
const framework: FrameworkView = fakeFramework;

const item = (name: string | RegExp) => screen.getByRole('treeitem', { name });
const focused = () => (document.activeElement as HTMLElement).dataset.key;
const press = (key: string) => fireEvent.keyDown(document.activeElement!, { key });

function setup(selected: string | null = null) {
  const onopen = vi.fn();
  const result = render(Outline, { framework, selected, onopen });
  return { onopen, ...result };
}

describe('Outline', () => {
  it('is a labelled tree of perspectives, then collapsed groups for the other kinds', () => {
    setup();
    expect(screen.getByRole('tree', { name: 'Framework outline' })).toBeTruthy();
    const top = screen.getAllByRole('treeitem').map((t) => t.getAttribute('aria-label'));
    expect(top).toEqual(['Alpha', 'Beta', 'Stakeholders (2)', 'Adoption stages (4)']);
    expect(item('Alpha').getAttribute('aria-expanded')).toBe('false');
    expect(item('Stakeholders (2)').getAttribute('aria-expanded')).toBe('false');
  });

  it('has one tab stop, on the first item when nothing is selected', () => {
    setup();
    const stops = screen.getAllByRole('treeitem').filter((t) => t.tabIndex === 0);
    expect(stops.map((t) => t.dataset.key)).toEqual(['alpha']);
  });

  it('reveals and marks the selected node, and makes it the tab stop', () => {
    setup('a-two');
    const selected = item('Alpha two');
    expect(selected.getAttribute('aria-selected')).toBe('true');
    expect(selected.tabIndex).toBe(0);
    expect(item('Alpha one').getAttribute('aria-selected')).toBe('false');
    expect(item('Alpha').getAttribute('aria-expanded')).toBe('true');
  });

  it('moves with Up/Down, expands and enters with Right, collapses and climbs with Left', async () => {
    setup();
    item('Alpha').focus();
    await press('ArrowRight');
    expect(item('Alpha').getAttribute('aria-expanded')).toBe('true');
    expect(focused()).toBe('alpha');
    await press('ArrowRight');
    expect(focused()).toBe('a-one');
    await press('ArrowDown');
    expect(focused()).toBe('a-two');
    await press('ArrowDown');
    expect(focused()).toBe('a-three');
    await press('ArrowDown');
    expect(focused()).toBe('beta');
    await press('ArrowUp');
    expect(focused()).toBe('a-three');
    await press('ArrowLeft');
    expect(focused()).toBe('alpha');
    await press('ArrowLeft');
    expect(item('Alpha').getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('treeitem', { name: 'Alpha one' })).toBeNull();
    // Collapsed, Down goes straight to the next perspective.
    await press('ArrowDown');
    expect(focused()).toBe('beta');
    expect((document.activeElement as HTMLElement).tabIndex).toBe(0);
    expect(item('Alpha').tabIndex).toBe(-1);
  });

  it('goes to the first and last visible item with Home and End', async () => {
    setup();
    item('Alpha').focus();
    await press('End');
    expect(focused()).toBe('group:stage');
    await press('ArrowRight');
    await press('End');
    expect(focused()).toBe('scale');
    await press('Home');
    expect(focused()).toBe('alpha');
  });

  it('opens a node with Enter, and toggles a group with it', async () => {
    const { onopen } = setup();
    item('Beta').focus();
    await press('Enter');
    expect(onopen).toHaveBeenCalledWith('beta');
    await press('ArrowDown');
    await press('Enter');
    expect(onopen).toHaveBeenCalledTimes(1);
    expect(item('Stakeholders (2)').getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByRole('treeitem', { name: /Aide|Boss/ }).map((t) => t.dataset.key)).toEqual(['aide', 'boss']);
  });

  it('jumps to the next visible item starting with a typed letter', async () => {
    setup('a-one');
    item('Alpha one').focus();
    await press('a');
    expect(focused()).toBe('a-two');
    await press('b');
    expect(focused()).toBe('beta');
    await press('z');
    expect(focused()).toBe('beta');
  });

  it('lets the perspective of the selected node be collapsed', async () => {
    setup('a-one');
    item('Alpha').focus();
    await press('ArrowLeft');
    expect(item('Alpha').getAttribute('aria-expanded')).toBe('false');
    // The selected node is hidden, so the focused perspective keeps the tab stop.
    expect(item('Alpha').tabIndex).toBe(0);
  });

  it('opens a node on click', async () => {
    const { onopen } = setup('a-one');
    await fireEvent.click(item('Alpha two'));
    expect(onopen).toHaveBeenCalledWith('a-two');
  });

  it('shows a heat dot with its label for capabilities when heat is given', () => {
    render(Outline, {
      framework,
      selected: 'a-one',
      onopen: () => {},
      heat: { 'a-one': levelHeat(1, framework.maturity), 'a-two': NOT_ASSESSED },
    });
    const one = item('Alpha one, Level 1 · Initial');
    expect(one.querySelector('.dot')?.getAttribute('title')).toBe('Level 1 · Initial');
    expect(item('Alpha two, Not assessed').querySelector('.dot')).toBeTruthy();
    expect(item('Alpha').querySelector(':scope > .row .dot')).toBeNull();
  });
});
