import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import PlanPanel from './PlanPanel.svelte';
import { fakeFramework } from '../platform/fake';
import type { Plan } from '../actions';

const late = {
  capability: 'a-one',
  title: 'Write the policy',
  owner: 'boss',
  due: '2026-01-31',
  status: 'open',
} as const;
const plan: Plan = {
  open: [late, { capability: 'b-one', title: 'Train the team', owner: 'Dana', due: null, status: 'in_progress' }],
  overdue: [late],
  done_since_snapshot: [{ capability: 'a-two', title: 'Pick a platform', owner: null, due: null, status: 'done' }],
  snapshot: 'Baseline',
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

  it('asks for a snapshot before it can say what was done since one', () => {
    render(PlanPanel, {
      plan: { ...plan, done_since_snapshot: [], snapshot: null },
      framework: fakeFramework,
      onopen: vi.fn(),
    });
    expect(screen.getByText('Take a snapshot to see what gets done after it.')).toBeTruthy();
  });
});
