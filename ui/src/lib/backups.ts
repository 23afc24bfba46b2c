// How the Restore list describes a backup: when, how big, what kind, and what it holds. Pure,
// so the wording is unit-tested; the list itself is `components/RestoreDialog.svelte`.
import type { BackupSummary } from './platform';

/** What made a backup, read from the name the core gives it. */
export function kindOf(name: string): string {
  if (name.startsWith('manual-')) return 'Backed up by hand';
  if (name.startsWith('daily-')) return 'Daily backup';
  if (name.startsWith('before-restore-')) return 'Kept before a restore';
  if (name.startsWith('pre-migration-')) return 'Kept before an upgrade';
  return 'Backup';
}

/** `2026-12-01T04:05:23Z` as `2026-12-01 04:05:23 UTC`; anything else as it came. */
export function when(stamp: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})Z$/.exec(stamp);
  return m ? `${m[1]} ${m[2]} UTC` : stamp;
}

/** A file size as a person reads it. */
export function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "2 organisations: Acme, Zenith" (the first few names, then how many more). */
export function contents(backup: BackupSummary, shown = 4): string {
  const n = backup.organisations.length;
  if (n === 0) return 'No organisations';
  const names = backup.organisations.slice(0, shown).join(', ');
  const more = n > shown ? ` and ${n - shown} more` : '';
  return `${n} organisation${n === 1 ? '' : 's'}: ${names}${more}`;
}

/** "Last change 2026-12-01 04:05:23 UTC by Ada", or that there was none. */
export function lastChange(backup: BackupSummary): string {
  if (!backup.last_change) return 'No changes recorded';
  return `Last change ${when(backup.last_change)}${backup.last_author ? ` by ${backup.last_author}` : ''}`;
}
