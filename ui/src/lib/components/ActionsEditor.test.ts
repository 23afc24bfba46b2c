import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import ActionsEditor from './ActionsEditor.svelte';
import { fakeFramework } from '../platform/fake';
import type { Action } from '../platform';

const stakeholders = fakeFramework.nodes.filter((n) => n.kind === 'stakeholder');
const TODAY = '2026-03-10';

const action = (over: Partial<Action>): Action => ({
  id: '1',
  title: 'Train the team',
  owner: null,
  due: null,
  status: 'open',
  note: '',
  ...over,
});

function setup(actions: Action[] = []) {
  const onchange = vi.fn();
  const onflush = vi.fn();
  const view = render(ActionsEditor, { actions, stakeholders, onchange, onflush, today: TODAY });
  return { onchange, onflush, view };
}

describe('ActionsEditor', () => {
  it('gives the new title the keyboard, adds the action open on Enter, and stays ready for the next', async () => {
    const { onchange } = setup();
    await fireEvent.click(screen.getByRole('button', { name: 'Add action' }));
    const title = screen.getByRole('textbox', { name: 'New action title' });
    expect(document.activeElement, 'typing goes straight into the new title').toBe(title);
    await fireEvent.input(title, { target: { value: ' Train the team ' } });
    await fireEvent.submit(title.closest('form')!);
    expect(onchange).toHaveBeenCalledWith(
      [{ id: '', title: 'Train the team', owner: null, due: null, status: 'open', note: '' }],
      false,
    );
    expect((title as HTMLInputElement).value, 'the field is cleared for the next action').toBe('');
    expect(document.activeElement).toBe(title);
  });

  it('adds nothing for an empty title', async () => {
    const { onchange } = setup();
    await fireEvent.click(screen.getByRole('button', { name: 'Add action' }));
    await fireEvent.submit(screen.getByRole('form', { name: 'New action' }));
    expect(onchange).not.toHaveBeenCalled();
  });

  it('closes the new action on Esc without leaving the assessment, and gives the keyboard back to Add', async () => {
    setup();
    await fireEvent.click(screen.getByRole('button', { name: 'Add action' }));
    const title = screen.getByRole('textbox', { name: 'New action title' });
    const esc = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    title.dispatchEvent(esc);
    expect(esc.defaultPrevented, 'the form takes a handled Esc as not its own').toBe(true);
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Add action'));
    expect(screen.queryByRole('textbox', { name: 'New action title' })).toBeNull();
  });

  it('stores a stakeholder picked as owner by its id and shows its title; a free name as typed', async () => {
    const boss = stakeholders.find((s) => s.id === 'boss')!;
    const { onchange, view } = setup([action({})]);
    const owner = screen.getByRole('combobox', { name: 'Owner of Train the team' }) as HTMLInputElement;
    expect(owner.list?.querySelectorAll('option').length, 'every stakeholder is suggested').toBe(stakeholders.length);
    await fireEvent.change(owner, { target: { value: boss.title } });
    expect(onchange).toHaveBeenLastCalledWith([action({ owner: 'boss' })], false);
    await view.rerender({ actions: [action({ owner: 'boss' })] });
    expect(owner.value, 'the owner reads as the role, not its id').toBe(boss.title);
    await fireEvent.change(owner, { target: { value: 'Dana Whitfield' } });
    expect(onchange).toHaveBeenLastCalledWith([action({ owner: 'Dana Whitfield' })], false);
  });

  it('says in words that an open action past its due date is overdue, and not a done one', () => {
    setup([
      action({ title: 'Late one', due: '2026-03-01' }),
      action({ id: '2', title: 'Finished', due: '2026-03-01', status: 'done' }),
      action({ id: '3', title: 'Due today', due: TODAY }),
    ]);
    expect(screen.getAllByText('Overdue')).toHaveLength(1);
    const late = screen.getByLabelText('Due date of Late one');
    expect(late.getAttribute('aria-describedby'), 'a screen reader hears it on the due date').toBeTruthy();
    expect(document.getElementById(late.getAttribute('aria-describedby')!)?.textContent).toBe('Overdue');
    expect(screen.getByRole('heading', { name: /Actions/ }).textContent).toContain('3, 1 overdue');
  });

  it('changes status, due date and note, the note after a pause like the assessment notes', async () => {
    const { onchange, onflush } = setup([action({})]);
    await fireEvent.change(screen.getByRole('combobox', { name: 'Status of Train the team' }), {
      target: { value: 'done' },
    });
    expect(onchange).toHaveBeenLastCalledWith([action({ status: 'done' })], false);
    await fireEvent.change(screen.getByLabelText('Due date of Train the team'), { target: { value: '2026-06-30' } });
    expect(onchange).toHaveBeenLastCalledWith([action({ due: '2026-06-30' })], false);
    const note = screen.getByRole('textbox', { name: 'Note on Train the team' });
    await fireEvent.input(note, { target: { value: 'Two *sessions*' } });
    expect(onchange).toHaveBeenLastCalledWith([action({ note: 'Two *sessions*' })], true);
    await fireEvent.blur(note);
    expect(onflush).toHaveBeenCalled();
  });

  it('puts an emptied title back instead of sending an untitled action', async () => {
    const { onchange } = setup([action({})]);
    const title = screen.getByRole('textbox', { name: 'Title of action 1' }) as HTMLInputElement;
    await fireEvent.change(title, { target: { value: '  ' } });
    expect(onchange).not.toHaveBeenCalled();
    expect(title.value).toBe('Train the team');
  });

  it('deletes one action and keeps the others', async () => {
    const { onchange } = setup([action({}), action({ id: '2', title: 'Write the policy' })]);
    await fireEvent.click(screen.getByRole('button', { name: 'Delete action Train the team' }));
    expect(onchange).toHaveBeenLastCalledWith([action({ id: '2', title: 'Write the policy' })], false);
  });
});
