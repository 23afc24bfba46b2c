import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import TourManager from './TourManager.svelte';
import { FakePlatform, fakeFramework } from '../platform/fake';
import type { TourView } from '../platform';

function setup(currentNode: string | null = null) {
  const platform = new FakePlatform();
  const onpresent = vi.fn();
  const onclose = vi.fn();
  render(TourManager, { platform, framework: fakeFramework, currentNode, onpresent, onclose });
  return { platform, onpresent, onclose };
}

const tourList = () => screen.getByRole('list', { name: 'Tours' });
const saves = (p: FakePlatform) => p.calls.filter((c) => c.command === 'save_tour');
/** One of the user's tours as the core now has it. */
const userTour = async (p: FakePlatform, title: string) =>
  (await p.call('tours', {})).find((t) => !t.builtin && t.title === title);

/** Makes a tour of the user's in the fake, as if saved in an earlier session. */
async function seed(platform: FakePlatform, title: string, nodes: string[]): Promise<TourView> {
  return platform.call('save_tour', {
    tour: {
      id: '',
      title,
      summary: '',
      order: null,
      steps: nodes.map((node) => ({ node, depth: 1, view: null, notes: '' })),
    },
  });
}

describe('TourManager', () => {
  it('lists the built-in tour as built-in and shows it read-only, with present and export', async () => {
    const { platform, onpresent } = setup();
    const item = await within(tourList()).findByRole('button', { name: /Mini in three steps/ });
    expect(item.textContent).toContain('Built-in');
    expect(item.textContent).toContain('3 steps');
    expect(item.getAttribute('aria-current')).toBe('true');

    // Read-only: its steps are listed, nothing can be edited or deleted.
    const steps = screen.getByRole('list', { name: 'Steps' });
    const items = [...steps.children].map((li) => li.querySelector('.title')?.textContent);
    expect(items).toEqual(['Mini', 'Alpha', 'Alpha one']);
    // Talking points arrive as sanitised HTML and are shown as such.
    expect(within(steps).getByText('Ask').tagName).toBe('STRONG');
    expect(steps.textContent).toContain('Perspective · depth 2 · view: Keep current');
    expect(screen.queryByRole('textbox', { name: 'Title' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Delete/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Move/ })).toBeNull();

    await fireEvent.click(screen.getByRole('button', { name: 'Present' }));
    expect(onpresent).toHaveBeenCalledWith(expect.objectContaining({ id: 'mini-intro', builtin: true }));

    await fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved to /exports/mini-intro.toml'));
    expect(platform.calls.find((c) => c.command === 'export_tour')?.args).toEqual({ id: 'mini-intro' });
  });

  it('duplicates a built-in tour into an editable copy with the same steps, and selects it', async () => {
    const { platform } = setup();
    await fireEvent.click(await screen.findByRole('button', { name: 'Duplicate' }));
    const title = (await screen.findByRole('textbox', { name: 'Title' })) as HTMLInputElement;
    expect(title.value).toBe('Mini in three steps (copy)');
    expect(saves(platform)[0].args).toEqual({
      tour: {
        id: '',
        title: 'Mini in three steps (copy)',
        summary: 'A walk for tests.',
        order: null,
        steps: [
          { node: 'mini', depth: 1, view: 'graph', notes: '- Start here.' },
          { node: 'alpha', depth: 2, view: null, notes: 'Name *both* views.' },
          { node: 'a-one', depth: 1, view: 'map', notes: '**Ask** the room.' },
        ],
      },
    });
    const copy = within(tourList()).getByRole('button', { name: /\(copy\)/ });
    expect(copy.getAttribute('aria-current')).toBe('true');
    expect(copy.textContent).not.toContain('Built-in');
    expect(screen.getByRole('button', { name: 'Move Alpha up' })).toBeTruthy();
  });

  it('creates a tour from the current node, adds a step, reorders it and changes its depth, saving each edit', async () => {
    const { platform } = setup('alpha');
    await fireEvent.click(await screen.findByRole('button', { name: 'New tour' }));
    const form = screen.getByRole('form', { name: 'New tour' });
    await fireEvent.input(within(form).getByRole('textbox', { name: 'Title of the new tour' }), {
      target: { value: 'My walk' },
    });
    await fireEvent.click(within(form).getByRole('button', { name: 'Create' }));

    await waitFor(async () =>
      expect((await userTour(platform, 'My walk'))?.steps.map((s) => s.node)).toEqual(['alpha']),
    );
    expect(((await screen.findByRole('textbox', { name: 'Title' })) as HTMLInputElement).value).toBe('My walk');

    await fireEvent.change(screen.getByRole('combobox', { name: 'Node to add' }), { target: { value: 'a-one' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add step' }));
    await waitFor(async () =>
      expect((await userTour(platform, 'My walk'))?.steps.map((s) => s.node)).toEqual(['alpha', 'a-one']),
    );

    await fireEvent.click(screen.getByRole('button', { name: 'Move Alpha one up' }));
    await waitFor(async () =>
      expect((await userTour(platform, 'My walk'))?.steps.map((s) => s.node)).toEqual(['a-one', 'alpha']),
    );
    // Focus stays with the moved step (its own button is disabled at the top, so the other one).
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Alpha one down' }));

    const row = screen.getByRole('group', { name: 'Step 1: Alpha one' });
    await fireEvent.change(within(row).getByRole('combobox', { name: 'Depth' }), { target: { value: '3' } });
    await fireEvent.change(within(row).getByRole('combobox', { name: 'View' }), { target: { value: 'map' } });
    await waitFor(async () =>
      expect((await userTour(platform, 'My walk'))?.steps[0]).toMatchObject({ node: 'a-one', depth: 3, view: 'map' }),
    );

    // The whole tour goes with every save.
    const all = saves(platform);
    const last = all[all.length - 1].args as { tour: unknown };
    expect(last.tour).toEqual({
      id: 'my-walk',
      title: 'My walk',
      summary: '',
      order: null,
      steps: [
        { node: 'a-one', depth: 3, view: 'map', notes: '' },
        { node: 'alpha', depth: 1, view: null, notes: '' },
      ],
    });
    expect(within(tourList()).getByRole('button', { name: /My walk/ }).textContent).toContain('2 steps');
  });

  it('moves a focused step with Alt+arrows, saves talking points, and adds and removes steps', async () => {
    const platform = new FakePlatform();
    await seed(platform, 'Walk', ['mini', 'alpha', 'beta']);
    render(TourManager, {
      platform,
      framework: fakeFramework,
      currentNode: 'b-one',
      onpresent: vi.fn(),
      onclose: vi.fn(),
    });
    await fireEvent.click(await within(tourList()).findByRole('button', { name: /Walk/ }));

    const row = screen.getByRole('group', { name: 'Step 1: Mini' });
    row.focus();
    await fireEvent.keyDown(row, { key: 'ArrowDown', altKey: true });
    await waitFor(async () =>
      expect((await userTour(platform, 'Walk'))?.steps.map((s) => s.node)).toEqual(['alpha', 'mini', 'beta']),
    );
    expect(document.activeElement).toBe(screen.getByRole('group', { name: 'Step 2: Mini' }));
    // Without Alt, arrows leave the order alone.
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(screen.getByRole('group', { name: 'Step 2: Mini' })).toBeTruthy();

    const notes = within(screen.getByRole('group', { name: 'Step 3: Beta' })).getByRole('textbox', {
      name: /Talking points/,
    });
    await fireEvent.input(notes, { target: { value: '<b>Ask</b> about beta' } });
    await fireEvent.change(notes);
    await waitFor(async () => expect((await userTour(platform, 'Walk'))?.steps[2].notes).toBe('<b>Ask</b> about beta'));

    await fireEvent.click(screen.getByRole('button', { name: /Add current node/ }));
    await waitFor(async () =>
      expect((await userTour(platform, 'Walk'))?.steps.map((s) => s.node)).toEqual(['alpha', 'mini', 'beta', 'b-one']),
    );
    await fireEvent.click(screen.getByRole('button', { name: 'Remove Mini' }));
    await waitFor(async () =>
      expect((await userTour(platform, 'Walk'))?.steps.map((s) => s.node)).toEqual(['alpha', 'beta', 'b-one']),
    );
  });

  it('renames a tour on Enter, once, and the list follows', async () => {
    const platform = new FakePlatform();
    await seed(platform, 'Old name', ['mini']);
    render(TourManager, {
      platform,
      framework: fakeFramework,
      currentNode: null,
      onpresent: vi.fn(),
      onclose: vi.fn(),
    });
    await fireEvent.click(await within(tourList()).findByRole('button', { name: /Old name/ }));
    const before = saves(platform).length;
    const title = screen.getByRole('textbox', { name: 'Title' });
    await fireEvent.input(title, { target: { value: 'New name' } });
    await fireEvent.keyDown(title, { key: 'Enter' });
    await fireEvent.change(title);
    await waitFor(() => expect(within(tourList()).getByRole('button', { name: /New name/ })).toBeTruthy());
    expect(saves(platform).length).toBe(before + 1);
    expect((await platform.call('tours', {})).find((t) => t.id === 'old-name')?.title).toBe('New name');
  });

  it('deletes a tour only after the inline confirmation', async () => {
    const platform = new FakePlatform();
    await seed(platform, 'Doomed', ['mini']);
    render(TourManager, {
      platform,
      framework: fakeFramework,
      currentNode: null,
      onpresent: vi.fn(),
      onclose: vi.fn(),
    });
    await fireEvent.click(await within(tourList()).findByRole('button', { name: /Doomed/ }));
    await fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    expect(platform.calls.some((c) => c.command === 'delete_tour')).toBe(false);
    const confirm = screen.getByRole('group', { name: /Delete “Doomed”\?/ });
    await fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('button', { name: 'Delete tour' })).toBeNull();

    await fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Delete tour' }));
    await waitFor(() => expect(within(tourList()).queryByRole('button', { name: /Doomed/ })).toBeNull());
    expect(platform.calls.find((c) => c.command === 'delete_tour')?.args).toEqual({ id: 'doomed' });
    expect((await platform.call('tours', {})).map((t) => t.id)).toEqual(['mini-intro']);
    expect(screen.getByRole('status').textContent).toContain('Deleted “Doomed”');
  });

  it('imports a tour from a chosen file and selects it', async () => {
    const { platform } = setup();
    await screen.findByRole('button', { name: /Mini in three steps/ });
    const text = 'id = "imported-walk"\ntitle = "Imported walk"\n\n[[steps]]\nnode = "beta"\ndepth = 1\n';
    // jsdom's File lacks text(); the webview's has it.
    const file = Object.assign(new File([text], 'walk.toml'), { text: async () => text });
    await fireEvent.change(screen.getByLabelText('Tour file to import'), { target: { files: [file] } });
    await waitFor(() =>
      expect(
        within(tourList())
          .getByRole('button', { name: /Imported walk/ })
          .getAttribute('aria-current'),
      ).toBe('true'),
    );
    expect(platform.calls.find((c) => c.command === 'import_tour')?.args).toEqual({ text });
    expect(screen.getByRole('group', { name: 'Step 1: Beta' })).toBeTruthy();
  });

  it('shows the core’s reason when an edit or import is refused, keeping the edit in the form', async () => {
    const platform = new FakePlatform();
    await seed(platform, 'Keep me', ['mini']);
    render(TourManager, {
      platform,
      framework: fakeFramework,
      currentNode: null,
      onpresent: vi.fn(),
      onclose: vi.fn(),
    });
    await fireEvent.click(await within(tourList()).findByRole('button', { name: /Keep me/ }));
    const title = screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement;
    await fireEvent.input(title, { target: { value: '  ' } });
    await fireEvent.change(title);
    expect((await screen.findByRole('alert')).textContent).toBe('tour `keep-me`: title: a tour needs a title');
    expect(title.value).toBe('  ');
    expect((await platform.call('tours', {})).find((t) => t.id === 'keep-me')?.title).toBe('Keep me');
    // Clicking the open tour again does not throw the refused edit away.
    await fireEvent.click(within(tourList()).getByRole('button', { name: /Keep me/ }));
    expect((screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe('  ');

    // Fixing it saves and clears the message.
    await fireEvent.input(title, { target: { value: 'Kept' } });
    await fireEvent.change(title);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect((await platform.call('tours', {})).find((t) => t.id === 'keep-me')?.title).toBe('Kept');

    const bad = Object.assign(new File(['nonsense'], 'bad.toml'), { text: async () => 'nonsense' });
    await fireEvent.change(screen.getByLabelText('Tour file to import'), { target: { files: [bad] } });
    expect((await screen.findByRole('alert')).textContent).toContain('tour file: line 1: key with no value');
  });

  it('closes', async () => {
    const { onclose } = setup();
    await fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onclose).toHaveBeenCalled();
  });
});
