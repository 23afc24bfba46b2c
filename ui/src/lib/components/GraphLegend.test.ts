import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import GraphLegend from './GraphLegend.svelte';
import { fakeFramework } from '../platform/fake';
import { levelHeat } from '../heat';

async function openLegend() {
  await fireEvent.click(screen.getByRole('button', { name: 'Legend' }));
}

const items = (name: string) =>
  [...screen.getByRole('list', { name }).querySelectorAll('li')].map((li) => li.textContent!.trim());

describe('GraphLegend', () => {
  it('lists the node kinds, link kinds and statuses the graph draws', async () => {
    render(GraphLegend, { view: fakeFramework });
    await openLegend();
    expect(items('Nodes')).toEqual(['Framework', 'Perspective', 'Capability', 'Stakeholder', 'Stage']);
    // The nested part_of links are drawn as groups; the ones to the root are still lines.
    expect(items('Links')).toEqual(['is part of', 'is concerned with', 'refers to']);
    expect(items('Status')).toEqual(['New', 'Enriched', 'Inherited']);
    expect(screen.queryByRole('list', { name: 'Current maturity' })).toBeNull();
  });

  it('draws each link kind with its own line', async () => {
    render(GraphLegend, { view: fakeFramework });
    await openLegend();
    const line = (kind: string) => document.querySelector(`[data-edge-kind="${kind}"] line`)!;
    expect(line('concerns').getAttribute('stroke-dasharray')).toBeTruthy();
    expect(line('part_of').getAttribute('stroke-dasharray')).toBeNull();
    expect(line('concerns').getAttribute('stroke')).not.toBe(line('references').getAttribute('stroke'));
    expect(document.querySelector('[data-edge-kind="references"] path')).not.toBeNull();
  });

  it('lists the heat scale, not assessed and not applicable told apart', async () => {
    render(GraphLegend, { view: fakeFramework, heatMode: 'maturity' });
    await openLegend();
    expect(items('Current maturity')).toEqual([
      'Level 0 · Not started',
      'Level 1 · Initial',
      'Level 2 · Developing',
      'Level 3 · Defined',
      'Level 4 · Managed',
      'Not assessed',
      'Not applicable',
    ]);
    const rect = (state: string) => document.querySelector(`[data-state="${state}"] rect`)!;
    // Painted with the theme's colour, as the graph's nodes are.
    expect((rect('level') as SVGElement).style.getPropertyValue('fill')).toBe(levelHeat(0).swatch);
    expect((rect('not_assessed') as SVGElement).style.getPropertyValue('fill')).toBe('none');
    expect(rect('not_assessed').getAttribute('stroke-dasharray')).not.toBe(
      rect('not_applicable').getAttribute('stroke-dasharray'),
    );
  });

  it('names the gap scale in gap mode', async () => {
    render(GraphLegend, { view: fakeFramework, heatMode: 'gap' });
    await openLegend();
    expect(items('Gap to target')[0]).toBe('Target met');
  });

  it('starts closed, and opens and closes from its button', async () => {
    render(GraphLegend, { view: fakeFramework });
    const toggle = screen.getByRole('button', { name: 'Legend' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('list', { name: 'Nodes' })).toBeNull();
    expect(document.getElementById(toggle.getAttribute('aria-controls')!)!.hidden).toBe(true);
    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('list', { name: 'Nodes' })).toBeTruthy();
    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows the overlay scale as a strip while closed, so colours always have their key', async () => {
    const { rerender } = render(GraphLegend, { view: fakeFramework, heatMode: 'none' });
    expect(screen.queryByRole('list', { name: 'Gap to target scale' })).toBeNull();
    await rerender({ view: fakeFramework, heatMode: 'gap' });
    expect(screen.getByRole('button', { name: 'Legend' }).getAttribute('aria-expanded')).toBe('false');
    const strip = screen.getByRole('list', { name: 'Gap to target scale' });
    expect([...strip.querySelectorAll('li')].map((li) => li.getAttribute('aria-label'))).toContain('Not applicable');
    await openLegend();
    expect(screen.queryByRole('list', { name: 'Gap to target scale' })).toBeNull();
  });
});
