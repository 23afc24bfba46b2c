import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import PresentStage from './PresentStage.svelte';
import { fakeFramework } from '../platform/fake';
import { emptyAssessment, type NodeDetail, type TourView } from '../platform';
import { newPresentation, stepTo } from '../present';

const tour: TourView = {
  id: 't',
  title: 'Walk',
  summary: '',
  builtin: true,
  steps: ['mini', 'alpha', 'a-one'].map((node) => ({
    node,
    title: node,
    kind: '',
    depth: 1,
    view: null,
    notes: '',
    notes_html: '',
  })),
};

const node: NodeDetail = {
  id: 'a-one',
  kind: 'capability',
  kind_label: 'Capability',
  title: 'Alpha one',
  tagline: 'Does one thing.',
  status: null,
  aliases: [],
  source: { section: 'Test', page: 1 },
  html: '',
  links: [],
  backlinks: [],
  counterparts: [],
  framework: null,
};

const assessment = { ...emptyAssessment(), current: 1, target: 1, notes: 'Only the board knows this.' };

describe('PresentStage', () => {
  it('shows the step and keeps the organisation private until revealed', async () => {
    const p = stepTo(newPresentation('graph', 1, null), tour, 2);
    const { rerender } = render(PresentStage, {
      presentation: p,
      tour,
      node,
      framework: fakeFramework,
      assessment,
      notesHtml: '<p><strong>Only</strong> the board knows this.</p>',
      votes: 4,
    });
    expect(screen.getByRole('heading', { name: 'Alpha one' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Presentation' }).textContent).toContain('Step 3 of 3');
    expect(screen.getByText('Private · R reveals')).toBeTruthy();
    expect(document.body.innerHTML, 'private notes are not in the page at all').not.toContain('the board knows');
    expect(document.body.textContent).not.toContain('Dots');
    expect(document.body.textContent).not.toContain('Initial');

    await rerender({
      presentation: { ...p, revealed: true },
      tour,
      node,
      framework: fakeFramework,
      assessment,
      notesHtml: '<p><strong>Only</strong> the board knows this.</p>',
      votes: 4,
    });
    expect(document.body.textContent).toContain('Only the board knows this.');
    expect(document.querySelector('[data-private-notes] strong')?.textContent, 'markdown is shown formatted').toBe(
      'Only',
    );
    expect(document.body.textContent).toContain('Current 1 · Initial');
    expect(document.body.textContent).toContain('Dots 4');
    expect(screen.getByText('Revealed to the room')).toBeTruthy();
  });

  it('blacks the screen out, and says what a pending capture awaits', () => {
    const p = { ...stepTo(newPresentation('graph', 1, null), tour, 0), blackout: true };
    render(PresentStage, { presentation: p, tour, node, framework: fakeFramework, pending: 'current' });
    expect(screen.getByRole('status', { name: 'Screen blacked out; press B to return' })).toBeTruthy();
    expect(screen.getByText('Current maturity: press 0–5')).toBeTruthy();
  });
});
