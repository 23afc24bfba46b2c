import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import AssessmentEditor from './AssessmentEditor.svelte';
import OrgPicker from './OrgPicker.svelte';
import { FakePlatform, fakeFramework } from '../platform/fake';

async function withOrg() {
  const platform = new FakePlatform();
  const org = await platform.call('create_organisation', { name: 'Acme' });
  return { platform, org };
}

describe('AssessmentEditor', () => {
  it('saves a maturity as soon as it is picked and says "Saved"', async () => {
    const { platform, org } = await withOrg();
    render(AssessmentEditor, { platform, framework: fakeFramework, org, capability: 'a-one' });
    const current = await screen.findByRole('combobox', { name: 'Current maturity' });
    await fireEvent.change(current, { target: { value: '1' } });
    await screen.findByText('Saved');
    expect(platform.assessments.get(`${org.id}:a-one`)?.current).toBe(1);
  });

  it('saves notes after typing pauses', async () => {
    const { platform, org } = await withOrg();
    render(AssessmentEditor, { platform, framework: fakeFramework, org, capability: 'a-one' });
    const notes = await screen.findByRole('textbox', { name: 'Notes' });
    await fireEvent.input(notes, { target: { value: 'We have a plan.' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Saved'), { timeout: 2000 });
    expect(platform.assessments.get(`${org.id}:a-one`)?.notes).toBe('We have a plan.');
  });

  it('shows what was saved before; Ctrl+Z undoes the last change and Ctrl+Shift+Z redoes it', async () => {
    const { platform, org } = await withOrg();
    await platform.call('save_assessment', {
      org: org.id,
      capability: 'a-one',
      assessment: { ...(await platform.call('assessment', { org: org.id, capability: 'a-one' })), current: 1 },
    });
    render(AssessmentEditor, { platform, framework: fakeFramework, org, capability: 'a-one' });
    const current = (await screen.findByRole('combobox', { name: 'Current maturity' })) as HTMLSelectElement;
    await waitFor(() => expect(current.value).toBe('1'));
    await fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(current.value).toBe(''));
    await fireEvent.keyDown(window, { key: 'Z', ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(current.value).toBe('1'));
  });

  it('keeps what is typed while an earlier save is still in flight', async () => {
    const { platform, org } = await withOrg();
    const real = platform.call.bind(platform);
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    let first = true;
    platform.call = (async (command: string, args: unknown) => {
      if (command === 'save_assessment' && first) {
        first = false;
        await held;
      }
      return real(command as never, args as never);
    }) as typeof platform.call;
    render(AssessmentEditor, { platform, framework: fakeFramework, org, capability: 'a-one' });
    await fireEvent.change(await screen.findByRole('combobox', { name: 'Target maturity' }), { target: { value: '1' } });
    const notes = screen.getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement;
    await fireEvent.input(notes, { target: { value: 'Typed during the save' } });
    release();
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Saved'), { timeout: 2000 });
    expect(notes.value).toBe('Typed during the save');
    expect(platform.assessments.get(`${org.id}:a-one`)).toMatchObject({ target: 1, notes: 'Typed during the save' });
  });

  it('says why a save was refused', async () => {
    const { platform, org } = await withOrg();
    platform.call = (async (command: string, args: unknown) => {
      if (command === 'save_assessment') throw new Error('the disk is full; the last change was not saved');
      return FakePlatform.prototype.call.call(platform, command as never, args as never);
    }) as typeof platform.call;
    render(AssessmentEditor, { platform, framework: fakeFramework, org, capability: 'a-one' });
    const target = await screen.findByRole('combobox', { name: 'Target maturity' });
    await fireEvent.change(target, { target: { value: '1' } });
    expect((await screen.findByRole('alert')).textContent).toContain('disk is full');
    expect(screen.getByRole('status').textContent).toContain('Not saved');
  });
});

describe('OrgPicker', () => {
  it('offers "New organisation" when there is none, and selects the one created', async () => {
    const platform = new FakePlatform();
    let active: unknown = null;
    render(OrgPicker, { platform, active: null, onchange: (o: unknown) => (active = o) });
    await fireEvent.click(await screen.findByRole('button', { name: 'New organisation' }));
    await fireEvent.input(screen.getByRole('textbox', { name: 'Organisation name' }), { target: { value: 'Acme' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(active).toMatchObject({ name: 'Acme' }));
  });

  it('shows why organisation data is unavailable', async () => {
    const platform = new FakePlatform();
    platform.storeStatus = { error: 'the database is damaged', read_only: null };
    render(OrgPicker, { platform, active: null, onchange: () => {} });
    expect((await screen.findByRole('alert')).textContent).toContain('damaged');
  });
});
