import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import OrgPicker from './OrgPicker.svelte';
import { FakePlatform } from '../platform/fake';
import { OrganisationData } from '../organisation.svelte';
import type { NoticeAction } from '../notice.svelte';
import type { Organisation } from '../platform';

function mount(scenario: 'empty' | 'acme' = 'acme') {
  const platform = new FakePlatform(scenario);
  const data = new OrganisationData(platform);
  const seen = { active: null as Organisation | null, notice: '', action: null as NoticeAction | null };
  render(OrgPicker, {
    data,
    onchange: (o: Organisation | null) => {
      seen.active = o;
      void data.choose(o);
    },
    onnotice: (text: string, _ms: number, action: NoticeAction | null) => {
      seen.notice = text;
      seen.action = action;
    },
  });
  return { platform, data, seen };
}

async function openMenu(item: string) {
  await fireEvent.click(screen.getByLabelText('Organisation menu'));
  await fireEvent.click(screen.getByRole('button', { name: item }));
}

describe('OrgPicker', () => {
  it('puts the keyboard in the name field after "+", and selects the organisation created', async () => {
    const { seen } = mount('empty');
    await fireEvent.click(await screen.findByRole('button', { name: 'New organisation' }));
    const field = screen.getByRole('textbox', { name: 'Organisation name' });
    expect(document.activeElement, 'typing a name must not start on the button (or fire view keys)').toBe(field);
    await fireEvent.input(field, { target: { value: 'Acme' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(seen.active).toMatchObject({ name: 'Acme' }));
  });

  it('says beside the field why a name differing only in case, or a blank one, is refused', async () => {
    mount('acme');
    await fireEvent.click(await screen.findByRole('button', { name: 'New organisation' }));
    const field = screen.getByRole('textbox', { name: 'Organisation name' });
    for (const [typed, said] of [
      ['acme', /`Acme` already exists/],
      ['  ', /name is required/],
    ] as const) {
      await fireEvent.input(field, { target: { value: typed } });
      await fireEvent.click(screen.getByRole('button', { name: 'Create' }));
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toMatch(said);
      expect(field.getAttribute('aria-invalid'), 'the field is marked as the one in error').toBe('true');
      expect(field.getAttribute('aria-describedby')?.split(' '), 'and is described by the message').toContain(alert.id);
      expect(field.parentElement?.contains(alert), 'the message sits with the field, in the dialog').toBe(true);
    }
  });

  it('renames and describes the active organisation', async () => {
    const { data } = mount('acme');
    await waitFor(() => expect(data.active?.name).toBe('Acme'));
    await openMenu('Rename…');
    const name = screen.getByRole('textbox', { name: 'Organisation name' }) as HTMLInputElement;
    expect(name.value, 'the rename starts from the current name').toBe('Acme');
    await fireEvent.input(name, { target: { value: 'Acme Bank' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    await waitFor(() => expect(data.active?.name).toBe('Acme Bank'));
    expect((screen.getByRole('combobox', { name: 'Organisation' }) as HTMLSelectElement).selectedOptions[0].text).toBe(
      'Acme Bank',
    );
  });

  it('deletes with an Undo in the notice that brings the organisation back', async () => {
    const { data, seen } = mount('acme');
    await waitFor(() => expect(data.active?.name).toBe('Acme'));
    await openMenu('Delete');
    await waitFor(() => expect(seen.notice).toBe('Deleted “Acme”.'));
    expect(data.organisations, 'gone from the list').toEqual([]);
    expect(seen.action?.label).toBe('Undo');
    await seen.action!.run();
    await waitFor(() => expect(seen.active).toMatchObject({ name: 'Acme' }));
    expect(data.organisations.map((o) => o.name)).toEqual(['Acme']);
  });

  it('lists the deleted organisations with when, and restores one', async () => {
    const { data, seen } = mount('acme');
    await waitFor(() => expect(data.active?.name).toBe('Acme'));
    await openMenu('Delete');
    await waitFor(() => expect(data.organisations).toEqual([]));
    await openMenu('Deleted organisations…');
    const list = await screen.findByRole('list', { name: 'Deleted organisations' });
    const row = within(list).getByRole('listitem');
    expect(row.textContent).toMatch(/Acme\s*deleted/);
    await fireEvent.click(within(row).getByRole('button', { name: 'Restore Acme' }));
    await waitFor(() => expect(seen.active).toMatchObject({ name: 'Acme' }));
    expect(seen.notice).toBe('Restored “Acme”.');
    expect(seen.action, "the delete's Undo went with its notice: it would take back the restore").toBeNull();
    expect(data.organisations.map((o) => o.name)).toEqual(['Acme']);
  });

  it('shows why organisation data is unavailable, and offers nothing to change', async () => {
    const platform = new FakePlatform();
    platform.storeStatus = { error: 'the database is damaged', read_only: null };
    render(OrgPicker, { data: new OrganisationData(platform), onchange: () => {}, onnotice: () => {} });
    expect((await screen.findByRole('alert')).textContent).toContain('damaged');
    expect(screen.queryByRole('button', { name: 'New organisation' })).toBeNull();
  });
});
