import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import PlanPanel from './PlanPanel.svelte';
import { fakeFramework } from '../platform/fake';
import type { Action, PlanFigures, PlanItem } from '../platform';

const item = (capability: string, over: Partial<Action>): PlanItem => ({
  capability,
  capability_title: fakeFramework.nodes.find((n) => n.id === capability)!.title,
  action: { id: '1', title: '', owner: null, due: null, status: 'open', note: '', ...over },
});
const late = item('a-one', { title: 'Write the policy', owner: 'boss', due: '2026-01-31' });
const plan: PlanFigures = {
  open: [late, item('b-one', { title: 'Train the team', owner: 'Dana', status: 'in_progress' })],
  overdue: [late],
  done_since: [item('a-two', { title: 'Pick a platform', status: 'done' })],
  since: 'Baseline',
};
const titleOf = (id: string) => fakeFramework.nodes.find((n) => n.id === id)!.title;

describe('PlanPanel', () => {
  it('lists an overdue action once, under Overdue, saying so in words, with its capability and owner', () => {
    render(PlanPanel, { plan, framework: fakeFramework, onopen: vi.fn() });
    const overdue = screen.getByRole('list', { name: /Overdue/ });
    expect(within(overdue).getByText('Overdue'), 'lateness is said, not only coloured').toBeTruthy();
    expect(overdue.textContent).toContain(titleOf('a-one'));
    expect(overdue.textContent, 'the owner reads as the role').toContain('Boss');
    const open = screen.getByRole('list', { name: /Open/ });
    expect(open.textContent, 'not counted twice').not.toContain('Write the policy');
    expect(open.textContent).toContain('Train the team');
    expect(open.textContent).toContain('In progress');
    expect(screen.getByRole('list', { name: /Done since “Baseline”/ }).textContent).toContain('Pick a platform');
  });

  it('opens the capability of the action clicked', async () => {
    const onopen = vi.fn();
    render(PlanPanel, { plan, framework: fakeFramework, onopen });
    await fireEvent.click(screen.getByRole('button', { name: 'Pick a platform' }));
    expect(onopen).toHaveBeenCalledWith('a-two');
  });

  it('says "Done", not "since", without a snapshot, and asks for one', () => {
    render(PlanPanel, {
      plan: { ...plan, since: null },
      framework: fakeFramework,
      onopen: vi.fn(),
    });
    expect(screen.getByRole('list', { name: /^Done 1$/ }).textContent).toContain('Pick a platform');
    expect(screen.getByText('Take a snapshot to count what gets done after it.')).toBeTruthy();
  });

  it('exports the plan as CSV through the save dialog, saying where, or why not', async () => {
    const onexport = vi
      .fn()
      .mockResolvedValueOnce({
        path: '/home/ada/Acme – actions – 2026-11-30.csv',
        name: 'Acme – actions – 2026-11-30.csv',
        not_opened: null,
      })
      .mockResolvedValueOnce(null)
      .mockRejectedValueOnce(new Error('/home/ada: permission denied; nothing was written'));
    render(PlanPanel, { plan, framework: fakeFramework, onopen: vi.fn(), onexport });
    const button = screen.getByRole('button', { name: 'Export plan as CSV' });
    await fireEvent.click(button);
    expect((await screen.findByRole('status')).textContent).toContain(
      'Saved Acme – actions – 2026-11-30.csv in /home/ada',
    );
    await fireEvent.click(button);
    await waitFor(() => expect(screen.queryByRole('status'), 'a cancelled dialog saved nothing to tell').toBeNull());
    await fireEvent.click(button);
    expect((await screen.findByRole('alert')).textContent).toContain('permission denied');
  });

  it('offers no export of an empty plan', () => {
    render(PlanPanel, {
      plan: { open: [], overdue: [], done_since: [], since: null },
      framework: fakeFramework,
      onopen: vi.fn(),
      onexport: vi.fn(),
    });
    expect(screen.queryByRole('button', { name: 'Export plan as CSV' })).toBeNull();
  });
});
