import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import Reader from './Reader.svelte';
import { FakePlatform, fakeFramework } from '../platform/fake';
import type { FrameworkView, NodeDetail } from '../platform';

const read = (id: string) => new FakePlatform().call('node', { id });

// The mini pack plus a concept, so every group has members.
const richer: FrameworkView = {
  ...fakeFramework,
  kinds: [...fakeFramework.kinds, { id: 'concept', label: 'Concept', plural: 'Concepts' }],
  edge_kinds: [...fakeFramework.edge_kinds, { id: 'mentions', label: 'mentions' }],
  nodes: [
    ...fakeFramework.nodes,
    { id: 'drift', kind: 'concept', title: 'Drift', tagline: '', status: null, order: null, parent: null },
  ],
};

const link = (id: string, kind: string, title: string, edge: string) => ({
  id,
  kind,
  title,
  edge,
  source: { section: 'Test', page: 1 },
});

describe('Reader', () => {
  it('shows the title, tagline and rendered body of the node', async () => {
    const node = await read('a-one');
    render(Reader, { node, framework: fakeFramework, onopen: () => {} });
    expect(screen.getByRole('heading', { level: 2, name: 'Alpha one' })).toBeTruthy();
    expect(screen.getByText('Does one thing.')).toBeTruthy();
    expect(screen.getByText('The body of Alpha one.')).toBeTruthy();
    expect(screen.getByText('New')).toBeTruthy();
  });

  it("names another framework's node as such, and only then", async () => {
    const node = await read('a-one');
    const { unmount } = render(Reader, { node, framework: fakeFramework, onopen: () => {} });
    expect(screen.queryByTitle(/not the framework in effect/)).toBeNull();
    unmount();
    render(Reader, { node: { ...node, framework: 'AI RMF' }, framework: fakeFramework, onopen: () => {} });
    expect(screen.getByTitle('From AI RMF, not the framework in effect').textContent).toBe('AI RMF');
  });

  it('lists outgoing references and backlinks under readable headings, as buttons that open the node', async () => {
    const node = await read('b-one');
    const onopen = vi.fn();
    render(Reader, { node, framework: fakeFramework, onopen });
    const referredBy = screen.getByRole('list', { name: 'Referred to by' });
    await fireEvent.click(within(referredBy).getByRole('button', { name: 'Alpha one' }));
    expect(onopen).toHaveBeenCalledWith('a-one');
    const partOf = screen.getByRole('list', { name: 'Part of' });
    expect(within(partOf).getByRole('button', { name: 'Beta' })).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Refers to' })).toBeNull();
  });

  it('groups stakeholders and concepts by kind whichever way the edge runs, and lists contents by kind', async () => {
    const node: NodeDetail = {
      ...(await read('alpha')),
      links: [link('mini', 'framework', 'Mini', 'part_of'), link('drift', 'concept', 'Drift', 'mentions')],
      backlinks: [
        link('boss', 'stakeholder', 'Boss', 'concerns'),
        link('aide', 'stakeholder', 'Aide', 'concerns'),
        link('a-one', 'capability', 'Alpha one', 'part_of'),
        link('b-one', 'capability', 'Beta one', 'references'),
      ],
    };
    render(Reader, { node, framework: richer, onopen: () => {} });
    const headings = screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent);
    expect(headings).toEqual(['Stakeholders', 'Concepts', 'Capabilities', 'Part of', 'Referred to by']);
    expect(
      within(screen.getByRole('list', { name: 'Stakeholders' }))
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Boss', 'Aide']);
    expect(
      within(screen.getByRole('list', { name: 'Capabilities' })).getByRole('button', { name: 'Alpha one' }),
    ).toBeTruthy();
  });

  it('has Back and Forward buttons, disabled when there is nowhere to go', async () => {
    const node = await read('a-one');
    const onback = vi.fn();
    const onforward = vi.fn();
    const { rerender } = render(Reader, { node, framework: fakeFramework, onopen: () => {}, onback, onforward });
    const back = screen.getByRole('button', { name: 'Back' }) as HTMLButtonElement;
    const forward = screen.getByRole('button', { name: 'Forward' }) as HTMLButtonElement;
    expect(back.disabled).toBe(true);
    expect(forward.disabled).toBe(true);
    expect(back.getAttribute('aria-keyshortcuts')).toBe('Alt+ArrowLeft');
    expect(forward.getAttribute('aria-keyshortcuts')).toBe('Alt+ArrowRight');
    await rerender({ canBack: true, canForward: true });
    expect(back.disabled).toBe(false);
    await fireEvent.click(back);
    expect(onback).toHaveBeenCalledOnce();
    await fireEvent.click(forward);
    expect(onforward).toHaveBeenCalledOnce();
  });

  it('lists what concerns a stakeholder being read, grouped by perspective', async () => {
    const framework: FrameworkView = { ...richer, edges: [...richer.edges] };
    const node = await read('boss');
    const onopen = vi.fn();
    render(Reader, { node, framework, onopen });
    const lens = screen.getByRole('region', { name: 'What concerns Boss (3)' });
    // Boss is concerned with the Alpha perspective, so its capabilities are listed under it.
    const alpha = within(lens).getByRole('list', { name: 'Alpha' });
    expect(
      within(alpha)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Alpha one', 'Alpha two', 'Alpha three']);
    await fireEvent.click(within(lens).getByRole('button', { name: 'Alpha' }));
    expect(onopen).toHaveBeenCalledWith('alpha');
    await fireEvent.click(within(alpha).getByRole('button', { name: 'Alpha two' }));
    expect(onopen).toHaveBeenCalledWith('a-two');
  });

  it('lists the active lens on any node, and none without one', async () => {
    const node = await read('b-one');
    const lens = { stakeholder: 'aide', title: 'Aide', ids: ['aide', 'b-one', 'a-two'] };
    const { rerender } = render(Reader, { node, framework: richer, onopen: () => {}, lens });
    const region = screen.getByRole('region', { name: 'What concerns Aide (2)' });
    expect(
      within(region)
        .getAllByRole('heading', { level: 4 })
        .map((h) => h.textContent?.trim()),
    ).toEqual(['Alpha', 'Beta']);
    // A perspective that is not itself in the lens is a heading, not a button.
    expect(within(region).queryByRole('button', { name: 'Alpha' })).toBeNull();
    await rerender({ lens: null });
    expect(screen.queryByRole('region', { name: /What concerns/ })).toBeNull();
  });

  it('takes digits and A for the capability being read while focus is anywhere in it, naming them in a hint', async () => {
    const node = await read('a-one');
    const onlevel = vi.fn();
    const onassess = vi.fn();
    render(Reader, {
      node,
      framework: fakeFramework,
      onopen: () => {},
      assessing: { levels: [0, 1, 2, 3, 4], message: 'Alpha one: current 3 — Defined', onlevel, onassess },
    });
    const title = screen.getByRole('heading', { level: 2, name: 'Alpha one' });
    expect(screen.getByText(/0–4 sets the current level, Shift\+0–4 the target/)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Alpha one: current 3 — Defined');
    const three = new KeyboardEvent('keydown', { key: '3', code: 'Digit3', bubbles: true, cancelable: true });
    title.dispatchEvent(three);
    expect(onlevel).toHaveBeenCalledWith({ field: 'current', level: 3 });
    expect(three.defaultPrevented, 'the graph beside must not take 3 as a focus depth').toBe(true);
    // From a link in the reader too.
    await fireEvent.keyDown(screen.getAllByRole('button', { name: 'Alpha' })[0], {
      key: '$',
      code: 'Digit4',
      shiftKey: true,
    });
    expect(onlevel).toHaveBeenLastCalledWith({ field: 'target', level: 4 });
    await fireEvent.keyDown(title, { key: 'a', code: 'KeyA' });
    expect(onassess).toHaveBeenCalledTimes(1);
    await fireEvent.keyDown(title, { key: '9', code: 'Digit9' });
    expect(onlevel, '9 is past the scale').toHaveBeenCalledTimes(2);
  });

  it('leaves digits to the graph when there is nothing to assess', async () => {
    const node = await read('alpha');
    render(Reader, { node, framework: fakeFramework, onopen: () => {} });
    expect(screen.queryByText(/sets the current level/)).toBeNull();
    const two = new KeyboardEvent('keydown', { key: '2', code: 'Digit2', bubbles: true, cancelable: true });
    screen.getByRole('heading', { level: 2, name: 'Alpha' }).dispatchEvent(two);
    expect(two.defaultPrevented).toBe(false);
  });
});
