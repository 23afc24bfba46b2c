import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import ReportDialog from './ReportDialog.svelte';
import { FakePlatform } from '../platform/fake';
import { OrganisationData } from '../organisation.svelte';

async function open(scenario: 'dashboard' | 'snapshots' | 'empty' = 'dashboard') {
  const platform = new FakePlatform(scenario);
  const org =
    scenario === 'empty'
      ? await platform.call('create_organisation', { name: 'Acme' })
      : (await platform.call('organisations', {}))[0];
  const data = new OrganisationData(platform, org);
  const onclose = vi.fn();
  render(ReportDialog, { platform, data, org, onclose });
  return { platform, onclose };
}

const preview = () => screen.findByTitle('Report preview') as Promise<HTMLIFrameElement>;

describe('ReportDialog', () => {
  it('says who each profile is for, and offers scores only on a handout', async () => {
    await open();
    expect(screen.getByRole('heading', { name: 'Report on Acme' })).toBeTruthy();
    expect(screen.getByText(/At most four pages/)).toBeTruthy();
    expect(screen.queryByRole('checkbox'), 'board reports always carry scores').toBeNull();
    await fireEvent.click(screen.getByRole('radio', { name: 'Handout' }));
    expect(screen.getByText(/no private notes/)).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /Include scores/ })).toBeTruthy();
  });

  it('previews the report and offers the core’s formats', async () => {
    await open();
    const frame = await preview();
    expect(frame.getAttribute('srcdoc')).toContain('Train the data team');
    expect(frame.getAttribute('sandbox'), 'no script runs in the report').toBe('allow-same-origin');
    const format = screen.getByRole('combobox', { name: 'Format' }) as HTMLSelectElement;
    await waitFor(() => expect(format.value).toBe('pdf'));
    expect([...format.options].map((o) => o.value)).toEqual(expect.arrayContaining(['pdf', 'md', 'html', 'docx']));
  });

  it('lists the organisation’s snapshots, newest first, as what moved since', async () => {
    await open('snapshots');
    const since = screen.getByRole('combobox', { name: 'What moved since' }) as HTMLSelectElement;
    await waitFor(() => expect([...since.options].map((o) => o.text)).toEqual(['No snapshot', 'Summer', 'Spring']));
  });

  it('saves, and says which file was written and where', async () => {
    const { platform } = await open();
    await preview();
    const save = screen.getByRole('button', { name: 'Save…' }) as HTMLButtonElement;
    await waitFor(() => expect(save.disabled).toBe(false));
    await fireEvent.click(save);
    const status = await screen.findByRole('status');
    expect(status.textContent).toContain('Saved report 1.pdf');
    expect(status.textContent).toContain('in /exports');
    expect(platform.saved).toHaveLength(1);
  });

  it('shows the core’s message instead of a preview when nothing is assessed, and Save is off', async () => {
    await open('empty');
    expect((await screen.findByRole('alert')).textContent).toMatch(/Acme/);
    expect(screen.queryByTitle('Report preview')).toBeNull();
    expect((screen.getByRole('button', { name: 'Save…' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('closes from its Close button', async () => {
    const { onclose } = await open();
    await fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onclose).toHaveBeenCalled();
  });
});
