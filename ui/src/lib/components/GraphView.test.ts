import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import GraphView from './GraphView.svelte';
import { FakePlatform, fakeFramework } from '../platform/fake';
import { installCanvasStub } from '../graph/canvas-stub';
import { layoutFingerprint as fingerprint } from '../graph/arrange';
import { levelHeat, NOT_APPLICABLE, NOT_ASSESSED } from '../heat';

beforeAll(() => installCanvasStub());
afterEach(() => cleanup());

function mount(props: Record<string, unknown> = {}, platform = new FakePlatform()) {
  const onselect = vi.fn();
  const result = render(GraphView, { view: fakeFramework, onselect, platform, packId: 'mini', ...props });
  return { ...result, platform, onselect };
}

/** Waits for the graph to be drawn and its node list aimed (which waits for the first frame). */
async function ready() {
  const canvas = screen.getByRole('img');
  await waitFor(() => expect(canvas.getAttribute('data-ready')).toBe('true'));
  await waitFor(() => expect(canvas.getAttribute('data-painted')).toBe('true'));
  if (document.querySelector('[data-node-id]'))
    await waitFor(() => expect(document.querySelector('[data-node-id][data-x]')).not.toBeNull());
  return canvas;
}

const button = (id: string) => document.querySelector<HTMLButtonElement>(`[data-node-id="${id}"]`)!;
const at = (id: string) => ({ x: button(id).dataset.x, y: button(id).dataset.y });
const ids = fakeFramework.nodes.map((n) => n.id);
/** What the graph opens on: the framework, its perspectives and their capabilities. */
const scene = fakeFramework.nodes
  .filter((n) => ['framework', 'perspective', 'capability'].includes(n.kind))
  .map((n) => n.id);

describe('GraphView layout', () => {
  it('lays the graph out, gives every node a position and saves the layout for the pack', async () => {
    const { platform } = mount();
    const canvas = await ready();
    expect(canvas.dataset.nodes).toBe(String(fakeFramework.nodes.length));
    for (const id of scene) expect(Number.isFinite(Number(at(id).x)), `${id} is drawn`).toBe(true);
    expect(button('boss').dataset.hidden, 'a role waits outside the scene until asked for').toBe('true');
    await waitFor(() => expect(platform.layouts.get('mini')).toBeDefined());
    const saved = platform.layouts.get('mini')!;
    expect(saved.fingerprint).toBe(fingerprint(ids));
    // Perspectives are drawn round their capabilities: they have no position of their own.
    const grouped = fakeFramework.nodes.filter((n) => n.kind !== 'perspective').map((n) => n.id);
    expect(Object.keys(saved.positions).sort()).toEqual(grouped.sort());
    expect(saved.pinned).toEqual([]);
  });

  it('lays out the same way every time', async () => {
    const first = mount();
    await ready();
    await waitFor(() => expect(first.platform.layouts.get('mini')).toBeDefined());
    const a = first.platform.layouts.get('mini')!.positions;
    cleanup();
    const second = mount();
    await ready();
    await waitFor(() => expect(second.platform.layouts.get('mini')).toBeDefined());
    expect(second.platform.layouts.get('mini')!.positions).toEqual(a);
  });

  it('opens a saved layout as it was, without laying out or saving again', async () => {
    const platform = new FakePlatform();
    const positions = {
      mini: { x: 0, y: -400 },
      'a-one': { x: -300, y: 0 },
      'b-one': { x: 300, y: 0 },
      boss: { x: 0, y: 400 },
    };
    platform.layouts.set('mini', { fingerprint: fingerprint(ids), positions, pinned: ['boss'] });
    mount({}, platform);
    await ready();
    expect(Number(at('b-one').x)).toBeGreaterThan(Number(at('a-one').x));
    expect(at('b-one').y).toBe(at('a-one').y);
    expect(platform.calls.some((c) => c.command === 'save_layout')).toBe(false);
  });

  it('lays out afresh when the saved layout was for other nodes', async () => {
    const platform = new FakePlatform();
    platform.layouts.set('mini', { fingerprint: 'stale', positions: {}, pinned: [] });
    mount({}, platform);
    await ready();
    await waitFor(() => expect(platform.layouts.get('mini')!.fingerprint).toBe(fingerprint(ids)));
  });

  it('still draws when the layout cannot be read or saved', async () => {
    const platform = new FakePlatform();
    platform.call = (async (command: string, args: unknown) => {
      if (command === 'layout' || command === 'save_layout') throw new Error('store is read-only');
      return FakePlatform.prototype.call.call(platform, command as never, args as never);
    }) as typeof platform.call;
    mount({}, platform);
    await ready();
    expect(at('a-one').x).toBeDefined();
    expect((await screen.findByRole('alert')).textContent).toContain('store is read-only');
  });
});

describe('GraphView overlays', () => {
  it('marks each node with its heat, and tells not assessed from not applicable from level 0', async () => {
    const heat = { 'a-one': levelHeat(0, fakeFramework.maturity), 'b-one': NOT_ASSESSED, boss: NOT_APPLICABLE };
    mount({ heat, heatMode: 'maturity' });
    await ready();
    expect(button('a-one').dataset.heat).toBe('Level 0 · Not started');
    expect(button('a-one').dataset.fill).toBe(levelHeat(0).fill);
    expect(button('b-one').dataset.heat).toBe('Not assessed');
    expect(button('b-one').dataset.fill).not.toBe(button('a-one').dataset.fill);
    expect(button('boss').dataset.heat).toBe('Not applicable');
    expect(button('alpha').dataset.heat).toBeUndefined();
    // The legend shows the scale.
    expect(screen.getByText('Current maturity')).toBeTruthy();
  });

  it('highlights a stakeholder lens and says how many concern the role', async () => {
    mount({ lens: { stakeholder: 'boss', ids: new Set(['alpha', 'a-one', 'boss']) } });
    await ready();
    expect(button('a-one').dataset.lens).toBe('true');
    expect(button('boss').dataset.lens).toBe('true');
    expect(button('b-one').dataset.lens).toBeUndefined();
    expect(button('b-one').dataset.faded).toBe('true');
    expect(button('a-one').dataset.faded).toBeUndefined();
    // Capabilities are counted; the role and its perspective are not.
    expect(
      screen
        .getByText(/concerns? Boss/)
        .textContent!.replace(/\s+/g, ' ')
        .trim(),
    ).toBe('1 concerns Boss');
  });
});

describe('GraphView filters and focus', () => {
  it('brings a kind outside the scene in, and hides it again, without moving anything else', async () => {
    mount();
    await ready();
    const before = at('a-one');
    const outside = new Set(fakeFramework.nodes.map((n) => n.kind)).size - 3;
    expect(document.querySelector('summary')!.getAttribute('aria-label')).toBe(`Filters, ${outside} active`);
    await fireEvent.click(screen.getByText('Filters'));
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Stakeholders' }));
    await waitFor(() => expect(button('boss').dataset.x).toBeDefined());
    expect(button('boss').dataset.hidden).toBeUndefined();
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Stakeholders' }));
    await waitFor(() => expect(button('boss').dataset.hidden).toBe('true'));
    await waitFor(() => expect(button('boss').dataset.x).toBeUndefined());
    expect(at('a-one')).toEqual(before);
  });

  it('focuses on the selection with keys 1-3, announces it, and clears with Esc', async () => {
    mount({ selected: 'boss' });
    await ready();
    await fireEvent.keyDown(window, { key: '1' });
    // Boss, the perspective it is concerned with, and that perspective's frame, the framework.
    expect(screen.getByRole('status').textContent).toContain('Focus on Boss, 1 step: 3 nodes shown');
    expect(button('boss').dataset.hidden, 'the focus brings its role into the scene').toBeUndefined();
    expect(button('b-one').dataset.faded).toBe('true');
    expect(button('alpha').dataset.faded).toBeUndefined();
    expect(screen.getByRole('button', { name: 'Focus depth 1' }).getAttribute('aria-pressed')).toBe('true');
    await fireEvent.keyDown(window, { key: '2' });
    expect(button('a-one').dataset.faded).toBeUndefined();
    expect(button('b-one').dataset.faded).toBe('true');
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(button('b-one').dataset.faded).toBeUndefined();
    expect(screen.getByRole('status').textContent).toContain('Focus cleared');
  });

  it('ignores the keys while typing, and leaves Esc to an open dialog', async () => {
    mount({ selected: 'boss' });
    await ready();
    const input = document.createElement('input');
    document.body.append(input);
    await fireEvent.keyDown(input, { key: '1' });
    expect(button('b-one').dataset.faded).toBeUndefined();
    input.remove();
    // Not while the graph is kept hidden behind another view.
    const canvas = screen.getByRole('img');
    canvas.style.visibility = 'hidden';
    await fireEvent.keyDown(window, { key: '1' });
    expect(button('b-one').dataset.faded).toBeUndefined();
    canvas.style.visibility = '';
    await fireEvent.keyDown(window, { key: '1' });
    expect(button('b-one').dataset.faded).toBe('true');
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    document.body.append(dialog);
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(button('b-one').dataset.faded).toBe('true');
    dialog.remove();
  });

  it('zooms with + and - and keeps the click targets in step', async () => {
    mount();
    await ready();
    const before = at('a-one');
    await fireEvent.keyDown(window, { key: '+' });
    await waitFor(() => expect(at('a-one')).not.toEqual(before));
  });
});

describe('GraphView re-layout', () => {
  it('lays out again on request, saves the result and says so', async () => {
    const { platform } = mount();
    await ready();
    await waitFor(() => expect(platform.layouts.get('mini')).toBeDefined());
    const saves = () => platform.calls.filter((c) => c.command === 'save_layout').length;
    const before = saves();
    await fireEvent.click(screen.getByRole('button', { name: 'Re-layout' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Laid out again.'));
    expect(saves()).toBe(before + 1);
    for (const id of scene) expect(at(id).x).toBeDefined();
  });

  it('keeps pinned nodes where they are', async () => {
    const platform = new FakePlatform();
    const positions = {
      mini: { x: 0, y: -400 },
      'a-one': { x: -300, y: 0 },
      'b-one': { x: 300, y: 0 },
      boss: { x: 900, y: 900 },
    };
    platform.layouts.set('mini', { fingerprint: fingerprint(ids), positions, pinned: ['boss'] });
    mount({}, platform);
    await ready();
    await fireEvent.click(screen.getByRole('button', { name: 'Re-layout' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Laid out again; 1 dragged node kept in place.'),
    );
    const saved = platform.layouts.get('mini')!;
    expect(saved.pinned).toEqual(['boss']);
    expect(saved.positions.boss).toEqual({ x: 900, y: 900 });
    expect(saved.positions['a-one']).not.toEqual({ x: -300, y: 0 });
  });
});

describe('GraphView export', () => {
  it('exports the visible graph as SVG and says where it was saved', async () => {
    const { platform } = mount();
    await ready();
    // Roles are outside the scene: not drawn, so not exported.
    await fireEvent.click(screen.getByRole('button', { name: 'Export SVG' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved to /exports/mini-graph.svg'));
    const file = platform.exports[0];
    expect(file.base64).toBe(false);
    expect(file.data).toMatch(/^<svg /);
    expect(file.data).toContain('>Alpha one</text>');
    expect(file.data).not.toContain('>Boss</text>');
  });

  it('exports PNG as base64', async () => {
    const { platform } = mount();
    await ready();
    await fireEvent.click(screen.getByRole('button', { name: 'Export PNG' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved to /exports/mini-graph.png'));
    expect(platform.exports[0]).toMatchObject({ name: 'mini-graph.png', base64: true });
    expect(platform.exports[0].data).not.toMatch(/^data:/);
  });
});

describe('GraphView with a big pack', () => {
  // Two groups of 800 capabilities each: over the size at which members are kept out of
  // Cytoscape while far from the view (see graph/members.ts).
  const big = (() => {
    const nodes = [...fakeFramework.nodes.filter((n) => n.kind !== 'capability')];
    const kept = new Set(nodes.map((n) => n.id));
    const edges = fakeFramework.edges.filter((e) => kept.has(e.from) && kept.has(e.to));
    for (const group of ['alpha', 'beta']) {
      for (let i = 0; i < 800; i++) {
        const id = `${group}-${i}`;
        nodes.push({
          id,
          kind: 'capability',
          title: `${group} ${i}`,
          tagline: '',
          status: null,
          order: i,
          parent: group,
        });
        edges.push({ from: id, to: group, kind: 'part_of' });
      }
    }
    return { ...fakeFramework, nodes, edges };
  })();

  it('takes every member of a dragged group along, drawn or not, and keeps them pinned', async () => {
    const { platform } = mount({ view: big, packId: 'big' });
    const canvas = await ready();
    await waitFor(() => expect(platform.layouts.get('big')).toBeDefined());
    const before = structuredClone(platform.layouts.get('big')!.positions);
    const cy = (canvas as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
    const group = cy.getElementById('alpha');
    // Members are not Cytoscape children of their group: its anchors are.
    expect(group.children().map((c) => c.data('kind'))).toEqual(['anchor', 'anchor']);
    // A drag in two steps, as Cytoscape reports one: grab, moves, release.
    group.emit('grab');
    for (const step of [
      { x: 30, y: 0 },
      { x: 30, y: 10 },
    ]) {
      group.children().shift(step);
      group.emit('drag');
    }
    group.emit('dragfree');
    await waitFor(() => expect(platform.layouts.get('big')!.pinned.length).toBe(800));
    const after = platform.layouts.get('big')!.positions;
    for (const id of ['alpha-0', 'alpha-399', 'alpha-799']) {
      expect(after[id].x).toBeCloseTo(before[id].x + 60, 0);
      expect(after[id].y).toBeCloseTo(before[id].y + 10, 0);
    }
    // The other group stayed where it was.
    expect(after['beta-0']).toEqual(before['beta-0']);
  });
});
