import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import OrphanReview from './OrphanReview.svelte';
import { emptyAssessment, type OrphanReview as Review, type Platform } from '../platform';
import { fakeFramework } from '../platform/fake';
import { Packs, orphanBanner, problemLine } from '../packs.svelte';

const pending: Review = {
  reviewed: 0,
  total: 1,
  orphans: [
    {
      capability: 'a-old',
      title: 'Alpha old',
      assessment: { ...emptyAssessment(), current: 2, target: 4 },
      candidates: [
        { id: 'a-two', title: 'Alpha two', reason: 'same title' },
        { id: 'a-one', title: 'Alpha one', reason: 'similar id' },
      ],
      decision: null,
    },
  ],
};

/** A platform answering the review's commands; `refuse` makes a mapping fail with that text. */
function platformWith(refuse: string | null = null) {
  const calls: { command: string; args: unknown }[] = [];
  const platform = {
    async call(command: string, args: unknown) {
      calls.push({ command, args });
      if (command === 'map_orphan') {
        if (refuse) throw new Error(refuse);
        const { target } = args as { target: string };
        return {
          ...pending,
          reviewed: 1,
          orphans: [{ ...pending.orphans[0], candidates: [], decision: { decision: 'mapped', target } }],
        };
      }
      if (command === 'archive_orphan')
        return { ...pending, reviewed: 1, orphans: [{ ...pending.orphans[0], decision: { decision: 'archived' } }] };
      throw new Error(`unexpected ${command}`);
    },
    listen: async () => () => {},
  } as unknown as Platform;
  return { platform, calls };
}

function show(refuse: string | null = null) {
  const { platform, calls } = platformWith(refuse);
  const packs = new Packs(platform);
  packs.review = structuredClone(pending);
  const onchanged = vi.fn();
  render(OrphanReview, { packs, framework: fakeFramework, org: 1, onchanged, onclose: () => {} });
  return { calls, onchanged };
}

describe('the orphan review', () => {
  it('maps an orphan to its first candidate and counts it reviewed', async () => {
    const { calls, onchanged } = show();
    expect(screen.getByRole('status').textContent).toBe('Reviewed 0 of 1');
    expect(document.body.textContent).toContain('Current 2 Developing, target 4 Managed');
    const candidates = screen.getByRole('list', { name: 'Candidates for a-old' });
    expect(candidates.querySelector('button')?.textContent).toBe('Map to Alpha two');
    await fireEvent.click(screen.getByRole('button', { name: 'Map to Alpha two' }));
    expect(calls).toContainEqual({ command: 'map_orphan', args: { org: 1, capability: 'a-old', target: 'a-two' } });
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('Reviewed 1 of 1'));
    expect(document.body.textContent).toContain('Mapped to Alpha two (a-two)');
    expect(onchanged).toHaveBeenCalled();
  });

  it('maps to any capability named in the picker, and refuses text that names none', async () => {
    const { calls } = show();
    const picker = screen.getByRole('combobox', { name: 'Map to another capability' });
    await fireEvent.input(picker, { target: { value: 'no such thing' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Map to…' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Choose a capability from the list');
    expect(calls).toHaveLength(0);
    await fireEvent.input(picker, { target: { value: 'Beta one (b-one)' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Map to…' }));
    expect(calls).toContainEqual({ command: 'map_orphan', args: { org: 1, capability: 'a-old', target: 'b-one' } });
  });

  it('shows a refused mapping beside its orphan and changes nothing on screen', async () => {
    const { onchanged } = show('`a-old` cannot be mapped to `a-two`: `a-two` already has an assessment');
    await fireEvent.click(screen.getByRole('button', { name: 'Map to Alpha two' }));
    expect((await screen.findByRole('alert')).textContent).toContain('already has an assessment');
    expect(screen.getByRole('status').textContent).toBe('Reviewed 0 of 1');
    expect(onchanged).not.toHaveBeenCalled();
  });

  it('keeps an orphan archived', async () => {
    const { calls } = show();
    await fireEvent.click(screen.getByRole('button', { name: 'Keep archived' }));
    expect(calls).toContainEqual({ command: 'archive_orphan', args: { org: 1, capability: 'a-old' } });
    await vi.waitFor(() => expect(document.body.textContent).toContain('Kept archived'));
  });

  it('words the banner and the problems as a person reads them', () => {
    expect(orphanBanner(1)).toBe('1 assessment points to a capability this pack no longer has');
    expect(orphanBanner(3)).toBe('3 assessments point to capabilities this pack no longer has');
    expect(problemLine({ kind: 'bad_manifest', file: 'framework.toml', line: 4, message: 'no id' })).toBe(
      'framework.toml:4: no id',
    );
    expect(problemLine({ kind: 'unreadable', file: 'nodes', line: null, message: 'denied' })).toBe('nodes: denied');
  });
});
