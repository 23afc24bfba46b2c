import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import RestoreDialog from './RestoreDialog.svelte';
import { FakePlatform } from '../platform/fake';

function withBackups() {
  const platform = new FakePlatform();
  platform.backups = [
    {
      name: 'manual-2026-12-01T04-05-23Z.db',
      written: '2026-12-01T04:05:23Z',
      bytes: 90_112,
      organisations: ['Acme', 'Zenith'],
      last_change: '2026-12-01T04:01:00Z',
      last_author: 'Ada',
      problem: null,
    },
    {
      name: 'stray.db',
      written: '2026-11-30T09:00:00Z',
      bytes: 12,
      organisations: [],
      last_change: null,
      last_author: null,
      problem: 'it is not a Capability Atlas database',
    },
  ];
  const onrestored = vi.fn(async () => {});
  render(RestoreDialog, { platform, onrestored, onclose: vi.fn() });
  return { platform, onrestored };
}

describe('RestoreDialog', () => {
  it('lists each backup with its date, size and contents, and one that cannot be restored with why', async () => {
    withBackups();
    const list = await screen.findByRole('list', { name: 'Backups' });
    const [good, bad] = within(list).getAllByRole('listitem');
    expect(good.textContent).toContain('2026-12-01 04:05:23 UTC');
    expect(good.textContent).toContain('88 KB');
    expect(good.textContent).toContain('2 organisations: Acme, Zenith');
    expect(good.textContent).toContain('Last change 2026-12-01 04:01:00 UTC by Ada');
    expect(bad.textContent).toContain('Cannot be restored: it is not a Capability Atlas database');
    expect((within(bad).getByRole('button') as HTMLButtonElement).disabled).toBe(true);
  });

  it('asks before restoring, then restores, says where the replaced data went and lists it', async () => {
    const { platform, onrestored } = withBackups();
    await fireEvent.click(await screen.findByRole('button', { name: 'Restore the backup of 2026-12-01 04:05:23 UTC' }));
    expect(platform.restored, 'nothing is restored before the person confirms').toEqual([]);
    const confirm = screen.getByRole('button', { name: 'Restore this backup' });
    expect(document.activeElement).toBe(confirm);
    await fireEvent.click(confirm);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/kept as before-restore-1\.db/));
    expect(platform.restored).toEqual(['manual-2026-12-01T04-05-23Z.db']);
    expect(onrestored).toHaveBeenCalledOnce();
    const items = within(screen.getByRole('list', { name: 'Backups' })).getAllByRole('listitem');
    expect(items[0].textContent, 'the copy of the replaced database leads the list').toContain('Kept before a restore');
  });

  it('cancelling the question restores nothing', async () => {
    const { platform } = withBackups();
    await fireEvent.click(await screen.findByRole('button', { name: 'Restore the backup of 2026-12-01 04:05:23 UTC' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('button', { name: 'Restore this backup' })).toBeNull();
    expect(platform.restored).toEqual([]);
  });
});
