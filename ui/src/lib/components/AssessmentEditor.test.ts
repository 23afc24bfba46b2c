import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import AssessmentEditor from './AssessmentEditor.svelte';
import OrgPicker from './OrgPicker.svelte';
import { FakePlatform, fakeFramework } from '../platform/fake';
import { OrganisationData } from '../organisation.svelte';
import { SAVED_MS } from '../notice.svelte';

async function withOrg() {
  const platform = new FakePlatform('acme');
  const [org] = await platform.call('organisations', {});
  return { platform, org };
}

/** What the core has stored for Alpha one. */
const stored = (platform: FakePlatform, org: { id: number }) =>
  platform.call('assessment', { org: org.id, capability: 'a-one' });

describe('AssessmentEditor', () => {
  it('saves a maturity as soon as it is picked and says "Saved"', async () => {
    const { platform, org } = await withOrg();
    render(AssessmentEditor, {
      data: new OrganisationData(platform, org),
      framework: fakeFramework,
      capability: 'a-one',
    });
    const current = await screen.findByRole('combobox', { name: 'Current maturity' });
    await fireEvent.change(current, { target: { value: '1' } });
    await screen.findByText('Saved');
    expect((await stored(platform, org)).current).toBe(1);
  });

  it('saves notes after typing pauses', async () => {
    const { platform, org } = await withOrg();
    render(AssessmentEditor, {
      data: new OrganisationData(platform, org),
      framework: fakeFramework,
      capability: 'a-one',
    });
    const notes = await screen.findByRole('textbox', { name: 'Notes' });
    await fireEvent.input(notes, { target: { value: 'We have a plan.' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Saved'), { timeout: 2000 });
    expect((await stored(platform, org)).notes).toBe('We have a plan.');
  });

  it('shows what was saved before; Ctrl+Z undoes the last change and Ctrl+Shift+Z redoes it', async () => {
    const { platform, org } = await withOrg();
    await platform.call('save_assessment', { org: org.id, capability: 'a-one', changes: { current: 1 } });
    const stepped: string[] = [];
    render(AssessmentEditor, {
      data: new OrganisationData(platform, org),
      framework: fakeFramework,
      capability: 'a-one',
      onstepped: (command, outcome) => stepped.push(`${command}: ${outcome.summary}`),
    });
    const current = (await screen.findByRole('combobox', { name: 'Current maturity' })) as HTMLSelectElement;
    await waitFor(() => expect(current.value).toBe('1'));
    await fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(current.value).toBe(''));
    await fireEvent.keyDown(window, { key: 'Z', ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(current.value).toBe('1'));
    await waitFor(() => expect(stepped).toHaveLength(2));
    expect(stepped, 'the frame is told what each step changed, in words, to say it').toEqual([
      'undo: Alpha one, current maturity 1 → none',
      'redo: Alpha one, current maturity none → 1',
    ]);
    expect(screen.getByRole('status').textContent?.trim(), 'an undo is not a save: no "Saved"').toBe('');
  });

  it('kept saying "Saved" long after the save', async () => {
    const { platform, org } = await withOrg();
    render(AssessmentEditor, {
      data: new OrganisationData(platform, org),
      framework: fakeFramework,
      capability: 'a-one',
    });
    const current = await screen.findByRole('combobox', { name: 'Current maturity' });
    await fireEvent.change(current, { target: { value: '1' } });
    await screen.findByText('Saved');
    await waitFor(() => expect(screen.getByRole('status').textContent?.trim()).toBe(''), {
      timeout: SAVED_MS + 1000,
    });
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
    render(AssessmentEditor, {
      data: new OrganisationData(platform, org),
      framework: fakeFramework,
      capability: 'a-one',
    });
    await fireEvent.change(await screen.findByRole('combobox', { name: 'Target maturity' }), {
      target: { value: '1' },
    });
    const notes = screen.getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement;
    await fireEvent.input(notes, { target: { value: 'Typed during the save' } });
    release();
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Saved'), { timeout: 2000 });
    expect(notes.value).toBe('Typed during the save');
    expect(await stored(platform, org)).toMatchObject({ target: 1, notes: 'Typed during the save' });
  });

  it('sends only the field edited, so a change stored meanwhile by another writer is not reverted', async () => {
    const { platform, org } = await withOrg();
    render(AssessmentEditor, {
      data: new OrganisationData(platform, org),
      framework: fakeFramework,
      capability: 'a-one',
    });
    const current = (await screen.findByRole('combobox', { name: 'Current maturity' })) as HTMLSelectElement;
    // The command line changes the notes and the target after the editor loaded the assessment.
    await platform.call('save_assessment', {
      org: org.id,
      capability: 'a-one',
      changes: { notes: 'Set from the command line', target: 0 },
    });
    await fireEvent.change(current, { target: { value: '1' } });
    await screen.findByText('Saved');
    const saves = platform.calls.filter((c) => c.command === 'save_assessment');
    const sent = saves[saves.length - 1]?.args;
    expect(sent, 'the editor must send the one field the person changed, nothing it merely loaded').toEqual({
      org: org.id,
      capability: 'a-one',
      changes: { current: 1 },
    });
    expect(
      await stored(platform, org),
      "the other writer's notes and target must survive the editor's save",
    ).toMatchObject({ current: 1, target: 0, notes: 'Set from the command line' });
    const target = screen.getByRole('combobox', { name: 'Target maturity' }) as HTMLSelectElement;
    await waitFor(() => expect(target.value, 'the form shows what is stored after the save').toBe('0'));
  });

  it('takes the stored value of untouched fields when a save returns, and keeps what was typed meanwhile', async () => {
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
    render(AssessmentEditor, {
      data: new OrganisationData(platform, org),
      framework: fakeFramework,
      capability: 'a-one',
    });
    await fireEvent.change(await screen.findByRole('combobox', { name: 'Target maturity' }), {
      target: { value: '1' },
    });
    const notes = screen.getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement;
    await fireEvent.input(notes, { target: { value: 'Typed during the save' } });
    // Meanwhile another writer sets the priority.
    await real('save_assessment', { org: org.id, capability: 'a-one', changes: { priority: 'high' } });
    release();
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Saved'), { timeout: 2000 });
    expect(notes.value, 'keystrokes typed during the save are kept').toBe('Typed during the save');
    const priority = screen.getByRole('combobox', { name: 'Priority' }) as HTMLSelectElement;
    expect(priority.value, "the other writer's priority is shown, not the form's stale empty one").toBe('high');
    expect(await real('assessment', { org: org.id, capability: 'a-one' })).toMatchObject({
      target: 1,
      priority: 'high',
      notes: 'Typed during the save',
    });
  });

  it('says why a save was refused', async () => {
    const { platform, org } = await withOrg();
    platform.call = (async (command: string, args: unknown) => {
      if (command === 'save_assessment') throw new Error('the disk is full; the last change was not saved');
      return FakePlatform.prototype.call.call(platform, command as never, args as never);
    }) as typeof platform.call;
    render(AssessmentEditor, {
      data: new OrganisationData(platform, org),
      framework: fakeFramework,
      capability: 'a-one',
    });
    const target = await screen.findByRole('combobox', { name: 'Target maturity' });
    await fireEvent.change(target, { target: { value: '1' } });
    expect((await screen.findByRole('alert')).textContent).toContain('disk is full');
    expect(screen.getByRole('status').textContent).toContain('Not saved');
  });
});

describe('AssessmentEditor: every field', () => {
  it('lists stages by order and stakeholders by title, and saves the picked stage and owner', async () => {
    const { platform, org } = await withOrg();
    render(AssessmentEditor, {
      data: new OrganisationData(platform, org),
      framework: fakeFramework,
      capability: 'a-one',
    });
    const stage = (await screen.findByRole('combobox', { name: 'Journey stage' })) as HTMLSelectElement;
    expect([...stage.options].map((o) => o.text)).toEqual(['None', 'Envision', 'Align', 'Launch', 'Scale']);
    await fireEvent.change(stage, { target: { value: 'launch' } });
    await waitFor(async () => expect((await stored(platform, org)).stage).toBe('launch'));
    const owner = screen.getByRole('combobox', { name: 'Owner' }) as HTMLSelectElement;
    expect([...owner.options].map((o) => o.text)).toEqual(['None', 'Aide', 'Boss']);
    await fireEvent.change(owner, { target: { value: 'boss' } });
    await waitFor(async () => expect((await stored(platform, org)).owner).toBe('boss'));
    await fireEvent.change(stage, { target: { value: '' } });
    await waitFor(async () => expect((await stored(platform, org)).stage).toBeNull());
    await screen.findByText('Saved');
  });

  it('saves the confidence as the core spells it', async () => {
    const { platform, org } = await withOrg();
    render(AssessmentEditor, {
      data: new OrganisationData(platform, org),
      framework: fakeFramework,
      capability: 'a-one',
    });
    await fireEvent.change(await screen.findByRole('combobox', { name: 'Confidence' }), {
      target: { value: 'medium' },
    });
    await waitFor(async () => expect((await stored(platform, org)).confidence).toBe('medium'));
  });

  it('saves "not applicable" only once a reason is given, and unchecking clears it', async () => {
    const { platform, org } = await withOrg();
    render(AssessmentEditor, {
      data: new OrganisationData(platform, org),
      framework: fakeFramework,
      capability: 'a-one',
    });
    const box = (await screen.findByRole('checkbox', { name: 'Not applicable' })) as HTMLInputElement;
    await fireEvent.click(box);
    const reason = await screen.findByRole('textbox', { name: 'Reason not applicable' });
    expect(platform.calls.some((c) => c.command === 'save_assessment')).toBe(false);
    await fireEvent.input(reason, { target: { value: 'We do not train models' } });
    await waitFor(async () => expect((await stored(platform, org)).not_applicable).toBe('We do not train models'), {
      timeout: 2000,
    });
    await fireEvent.click(box);
    await waitFor(async () => expect((await stored(platform, org)).not_applicable).toBeNull());
    expect(screen.queryByRole('textbox', { name: 'Reason not applicable' })).toBeNull();
  });

  it('adds comma-separated tags on Enter, trimmed and de-duplicated, and removes one', async () => {
    const { platform, org } = await withOrg();
    render(AssessmentEditor, {
      data: new OrganisationData(platform, org),
      framework: fakeFramework,
      capability: 'a-one',
    });
    const tags = await screen.findByRole('textbox', { name: 'Tags' });
    await fireEvent.input(tags, { target: { value: ' data , risk,data,' } });
    await fireEvent.keyDown(tags, { key: 'Enter' });
    await waitFor(async () => expect((await stored(platform, org)).tags).toEqual(['data', 'risk']));
    expect((tags as HTMLInputElement).value).toBe('');
    await fireEvent.click(screen.getByRole('button', { name: 'Remove tag data' }));
    await waitFor(async () => expect((await stored(platform, org)).tags).toEqual(['risk']));
  });

  it('adds and removes an evidence link', async () => {
    const { platform, org } = await withOrg();
    render(AssessmentEditor, {
      data: new OrganisationData(platform, org),
      framework: fakeFramework,
      capability: 'a-one',
    });
    await fireEvent.input(await screen.findByRole('textbox', { name: 'Evidence label' }), {
      target: { value: 'Policy' },
    });
    await fireEvent.input(screen.getByRole('textbox', { name: 'Evidence URL' }), {
      target: { value: 'https://example.org/policy' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Add evidence' }));
    await waitFor(async () =>
      expect((await stored(platform, org)).evidence).toEqual([{ label: 'Policy', url: 'https://example.org/policy' }]),
    );
    expect(screen.getByText('https://example.org/policy').closest('a')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Remove evidence Policy' }));
    await waitFor(async () => expect((await stored(platform, org)).evidence).toEqual([]));
  });

  it('refuses an evidence link that is not a web address, and says why', async () => {
    const { platform, org } = await withOrg();
    render(AssessmentEditor, {
      data: new OrganisationData(platform, org),
      framework: fakeFramework,
      capability: 'a-one',
    });
    await fireEvent.input(await screen.findByRole('textbox', { name: 'Evidence label' }), { target: { value: 'Bad' } });
    await fireEvent.input(screen.getByRole('textbox', { name: 'Evidence URL' }), {
      target: { value: 'javascript:alert(1)' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Add evidence' }));
    expect((await screen.findByRole('alert')).textContent).toContain('must start with https:// or http://');
    expect(platform.calls.some((c) => c.command === 'save_assessment')).toBe(false);
  });

  it("shows the core's message when it refuses evidence", async () => {
    const { platform, org } = await withOrg();
    platform.call = (async (command: string, args: unknown) => {
      if (command === 'save_assessment') throw new Error('evidence[0].url: refused by the core');
      return FakePlatform.prototype.call.call(platform, command as never, args as never);
    }) as typeof platform.call;
    render(AssessmentEditor, {
      data: new OrganisationData(platform, org),
      framework: fakeFramework,
      capability: 'a-one',
    });
    await fireEvent.input(await screen.findByRole('textbox', { name: 'Evidence label' }), { target: { value: 'X' } });
    await fireEvent.input(screen.getByRole('textbox', { name: 'Evidence URL' }), {
      target: { value: 'https://x.test' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Add evidence' }));
    expect((await screen.findByRole('alert')).textContent).toContain('refused by the core');
    expect(screen.queryByRole('button', { name: 'Remove evidence X' })).toBeNull();
  });
});

describe('OrgPicker', () => {
  it('offers "New organisation" when there is none, and selects the one created', async () => {
    const platform = new FakePlatform();
    let active: unknown = null;
    render(OrgPicker, { data: new OrganisationData(platform), onchange: (o: unknown) => (active = o) });
    await fireEvent.click(await screen.findByRole('button', { name: 'New organisation' }));
    await fireEvent.input(screen.getByRole('textbox', { name: 'Organisation name' }), { target: { value: 'Acme' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(active).toMatchObject({ name: 'Acme' }));
  });

  it('shows why organisation data is unavailable', async () => {
    const platform = new FakePlatform();
    platform.storeStatus = { error: 'the database is damaged', read_only: null };
    render(OrgPicker, { data: new OrganisationData(platform), onchange: () => {} });
    expect((await screen.findByRole('alert')).textContent).toContain('damaged');
  });
});

describe('AssessmentEditor: history', () => {
  it('shows the timeline under the form and reloads it after each save and undo', async () => {
    const { platform, org } = await withOrg();
    render(AssessmentEditor, {
      data: new OrganisationData(platform, org),
      framework: fakeFramework,
      capability: 'a-one',
    });
    await screen.findByText('History (0 changes)');
    await fireEvent.change(await screen.findByRole('combobox', { name: 'Current maturity' }), {
      target: { value: '1' },
    });
    expect(await screen.findByText('History (1 change)')).toBeTruthy();
    expect(screen.getByText(/not set → Initial \(1\)/)).toBeTruthy();
    const loads = () => platform.calls.filter((c) => c.command === 'history').length;
    const before = loads();
    await fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(loads()).toBe(before + 1));
  });

  it('takes the keyboard to the current level when asked, and Esc from any field hands it back', async () => {
    const { platform, org } = await withOrg();
    const onleave = vi.fn();
    const { component } = render(AssessmentEditor, {
      data: new OrganisationData(platform, org),
      framework: fakeFramework,
      capability: 'a-one',
      onleave,
    });
    const current = await screen.findByRole('combobox', { name: 'Current maturity' });
    component.focusFirst();
    expect(document.activeElement).toBe(current);
    await fireEvent.keyDown(current, { key: 'Escape' });
    expect(onleave).toHaveBeenCalledTimes(1);
    await fireEvent.keyDown(screen.getByRole('textbox', { name: 'Notes' }), { key: 'Escape' });
    expect(onleave).toHaveBeenCalledTimes(2);
  });
});

describe('AssessmentEditor: the plan', () => {
  const planned = {
    id: '',
    title: 'Train the data team',
    owner: 'boss',
    due: '2020-01-31',
    status: 'open' as const,
    note: 'Two *half-day* sessions.',
  };

  it('shows a stored action under the assessment, late and owned by a role, and marking it done saves and clears "Overdue"', async () => {
    const { platform, org } = await withOrg();
    await platform.call('save_assessment', { org: org.id, capability: 'a-one', changes: { actions: [planned] } });
    render(AssessmentEditor, {
      data: new OrganisationData(platform, org),
      framework: fakeFramework,
      capability: 'a-one',
    });
    const title = (await screen.findByRole('textbox', { name: 'Title of action 1' })) as HTMLInputElement;
    expect(title.value).toBe('Train the data team');
    const owner = screen.getByRole('combobox', { name: 'Owner of Train the data team' }) as HTMLInputElement;
    expect(owner.value, 'the stakeholder id reads as its title').toBe('Boss');
    expect(screen.getByText('Overdue'), 'due in 2020 and still open').toBeTruthy();
    await fireEvent.change(screen.getByRole('combobox', { name: 'Status of Train the data team' }), {
      target: { value: 'done' },
    });
    await screen.findByText('Saved');
    const [stored] = (await platform.call('assessment', { org: org.id, capability: 'a-one' })).actions;
    expect(stored, 'only the status changed, on the action the store numbered').toEqual({
      ...planned,
      id: '1',
      status: 'done',
    });
    expect(screen.queryByText('Overdue'), 'a done action is never late').toBeNull();
  });
});
