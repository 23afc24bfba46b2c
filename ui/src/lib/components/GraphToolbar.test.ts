import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import GraphToolbar from './GraphToolbar.svelte';
import { fakeFramework } from '../platform/fake';
import { NO_FILTERS, type GraphFilters } from '../graph/filters';

function mount(props: Record<string, unknown> = {}) {
  const handlers = {
    onfilters: vi.fn(),
    ondepth: vi.fn(),
    onfit: vi.fn(),
    onzoomselection: vi.fn(),
    onrelayout: vi.fn(),
    onexport: vi.fn(),
  };
  render(GraphToolbar, { view: fakeFramework, filters: NO_FILTERS, depth: 0, canFocus: true, ...handlers, ...props });
  return handlers;
}

describe('GraphToolbar', () => {
  it('is a labelled toolbar whose buttons do what they say', async () => {
    const h = mount();
    expect(screen.getByRole('toolbar', { name: 'Graph tools' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Zoom to fit' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Zoom to selection' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Re-layout' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Export SVG' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Export PNG' }));
    expect(h.onfit).toHaveBeenCalledOnce();
    expect(h.onzoomselection).toHaveBeenCalledOnce();
    expect(h.onrelayout).toHaveBeenCalledOnce();
    expect(h.onexport.mock.calls).toEqual([['svg'], ['png']]);
  });

  it('shows the focus depth as pressed buttons, and pressing the active one turns focus off', async () => {
    const h = mount({ depth: 2 });
    const two = screen.getByRole('button', { name: 'Focus depth 2' });
    expect(two.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Focus depth 1' }).getAttribute('aria-pressed')).toBe('false');
    await fireEvent.click(two);
    await fireEvent.click(screen.getByRole('button', { name: 'Focus depth 3' }));
    expect(h.ondepth.mock.calls).toEqual([[0], [3]]);
  });

  it('disables focus and zoom to selection when nothing is selected', () => {
    mount({ canFocus: false });
    expect((screen.getByRole('button', { name: 'Focus depth 1' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Zoom to selection' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('filters by node kind, link kind, perspective and stakeholder', async () => {
    const h = mount();
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Capabilities' }));
    expect(h.onfilters).toHaveBeenLastCalledWith({ ...NO_FILTERS, hiddenKinds: ['capability'] });
    await fireEvent.click(screen.getByRole('checkbox', { name: 'refers to' }));
    expect(h.onfilters).toHaveBeenLastCalledWith({ ...NO_FILTERS, hiddenEdgeKinds: ['references'] });
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Beta' }));
    expect(h.onfilters).toHaveBeenLastCalledWith({ ...NO_FILTERS, hiddenPerspectives: ['beta'] });
    await fireEvent.change(screen.getByRole('combobox', { name: 'Stakeholder' }), { target: { value: 'boss' } });
    expect(h.onfilters).toHaveBeenLastCalledWith({ ...NO_FILTERS, stakeholder: 'boss' });
  });

  it('shows hidden things unchecked, counts active filters, and resets them', async () => {
    const filters: GraphFilters = { ...NO_FILTERS, hiddenKinds: ['stakeholder'], stakeholder: 'boss' };
    const h = mount({ filters });
    expect((screen.getByRole('checkbox', { name: 'Stakeholders' }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('checkbox', { name: 'Capabilities' }) as HTMLInputElement).checked).toBe(true);
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Stakeholders' }));
    expect(h.onfilters).toHaveBeenLastCalledWith({ ...filters, hiddenKinds: [] });
    expect(document.querySelector('summary')!.getAttribute('aria-label')).toBe('Filters, 2 active');
    await fireEvent.click(screen.getByRole('button', { name: 'Show everything' }));
    expect(h.onfilters).toHaveBeenLastCalledWith(NO_FILTERS);
  });

  it('moves along the bar with the arrow keys, skipping disabled buttons', async () => {
    mount({ canFocus: false });
    const fit = screen.getByRole('button', { name: 'Zoom to fit' });
    fit.focus();
    await fireEvent.keyDown(fit, { key: 'ArrowRight' });
    // Selection and the depth buttons are disabled; the filter menu is next.
    expect(document.activeElement?.tagName).toBe('SUMMARY');
    await fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Export SVG' }));
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(fit);
    await fireEvent.keyDown(fit, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Export SVG' }));
  });

  it('closes the filter menu with Esc and returns to its button, keeping Esc from the graph', async () => {
    mount();
    const details = document.querySelector('details')!;
    details.open = true;
    const box = screen.getByRole('checkbox', { name: 'Capabilities' });
    box.focus();
    const reachedWindow = vi.fn();
    window.addEventListener('keydown', reachedWindow);
    await fireEvent.keyDown(box, { key: 'Escape' });
    window.removeEventListener('keydown', reachedWindow);
    expect(details.open).toBe(false);
    expect(document.activeElement?.tagName).toBe('SUMMARY');
    expect(reachedWindow).not.toHaveBeenCalled();
  });
});
