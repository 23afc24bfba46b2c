import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import Crosswalk from './Crosswalk.svelte';
import { FakePlatform } from '../platform/fake';
import type { CrosswalkView, Platform } from '../platform';

// Two perspectives against two functions: three links, one capability and one subcategory
// left unmapped on purpose.
const view: CrosswalkView = {
  title: 'CAF-AI and the AI RMF',
  summary: 'Which outcomes each capability serves.',
  ours: {
    framework: 'CAF-AI',
    unit_plural: 'Capabilities',
    group_label: 'Perspective',
    groups: [
      { id: 'business', title: 'Business', linked: 1, total: 2 },
      { id: 'governance', title: 'Governance', linked: 1, total: 1 },
    ],
    units: [
      { id: 'insights', title: 'Business insights', group: 'business', unmapped: null },
      { id: 'monetise', title: 'Data monetization', group: 'business', unmapped: 'No risk outcome speaks to it.' },
      { id: 'risk', title: 'Risk management', group: 'governance', unmapped: null },
    ],
  },
  theirs: {
    framework: 'AI RMF',
    unit_plural: 'Subcategories',
    group_label: 'Function',
    groups: [
      { id: 'govern', title: 'GOVERN', linked: 1, total: 1 },
      { id: 'map', title: 'MAP', linked: 1, total: 2 },
    ],
    units: [
      { id: 'gv-1', title: 'GOVERN 1.1', group: 'govern', unmapped: null },
      { id: 'mp-1', title: 'MAP 1.1', group: 'map', unmapped: null },
      { id: 'mp-2', title: 'MAP 1.2', group: 'map', unmapped: 'Too narrow for any capability.' },
    ],
  },
  links: [
    {
      ours: 'insights',
      theirs: 'mp-1',
      relation: 'intersect',
      status: 'proposed',
      rationale: 'Both weigh what a model adds.',
    },
    {
      ours: 'risk',
      theirs: 'gv-1',
      relation: 'superset',
      status: 'reviewed',
      rationale: 'Risk management sets the rules.',
    },
    {
      ours: 'risk',
      theirs: 'mp-1',
      relation: 'intersect',
      status: 'proposed',
      rationale: 'Context feeds the risk register.',
    },
  ],
};

const platform = (views: CrosswalkView[]): Platform =>
  ({ call: vi.fn(async () => views), listen: vi.fn(async () => () => {}) }) as unknown as Platform;

describe('Crosswalk', () => {
  it('counts each side and each cell, and lists the links of the cell chosen with their relation and reason', async () => {
    const onopen = vi.fn();
    render(Crosswalk, { platform: platform([view]), packId: 'caf-ai', onopen });
    await screen.findByRole('heading', { name: 'CAF-AI against AI RMF' });
    const coverage = screen.getByRole('list', { name: 'Coverage' }).textContent?.replace(/\s+/g, ' ') ?? '';
    expect(coverage).toMatch(/2 of 3 CAF-AI capabilities linked/);
    expect(coverage).toMatch(/2 of 3 AI RMF subcategories linked/);
    expect(coverage).toMatch(/3 links, 2 proposed/);

    const cell = (name: string) => screen.getByRole('button', { name });
    expect(cell('1 links between Business and MAP').hasAttribute('disabled')).toBe(false);
    expect(cell('0 links between Business and GOVERN').hasAttribute('disabled')).toBe(true);
    await fireEvent.click(cell('1 links between Governance and MAP'));
    expect(cell('1 links between Governance and MAP').getAttribute('aria-pressed')).toBe('true');
    const chosen = screen.getByRole('list', { name: 'Links in the chosen cell' });
    const items = within(chosen).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0].textContent).toContain('Risk management');
    expect(items[0].textContent).toContain('Overlaps');
    expect(items[0].textContent).toContain('MAP 1.1');
    expect(items[0].textContent).toContain('Context feeds the risk register.');
    await fireEvent.click(within(items[0]).getByRole('button', { name: 'Risk management' }));
    expect(onopen).toHaveBeenCalledWith('risk');

    await fireEvent.click(cell('1 links between Governance and GOVERN'));
    const reviewed = within(screen.getByRole('list', { name: 'Links in the chosen cell' })).getByRole('listitem');
    expect(reviewed.textContent).toContain('Covers');
    expect(reviewed.textContent).not.toContain('proposed');
  });

  it('lists what was left unmapped on purpose, with the reason, on both sides', async () => {
    render(Crosswalk, { platform: platform([view]), packId: 'caf-ai', onopen: () => {} });
    await screen.findByRole('heading', { name: 'CAF-AI against AI RMF' });
    expect(screen.getByText('CAF-AI capabilities (1)')).toBeTruthy();
    expect(screen.getByText('AI RMF subcategories (1)')).toBeTruthy();
    expect(screen.getByText(/No risk outcome speaks to it/)).toBeTruthy();
    expect(screen.getByText(/Too narrow for any capability/)).toBeTruthy();
  });

  it('says so when no mapping reaches the pack in effect, as the recorded core answers for the mini pack', async () => {
    render(Crosswalk, { platform: new FakePlatform(), packId: 'mini', onopen: () => {} });
    expect(await screen.findByText('No built-in mapping links this framework to another one.')).toBeTruthy();
  });
});
