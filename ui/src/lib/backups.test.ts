import { describe, expect, it } from 'vitest';
import type { BackupSummary } from './platform';
import { contents, kindOf, lastChange, size, when } from './backups';

const backup = (over: Partial<BackupSummary> = {}): BackupSummary => ({
  name: 'manual-2026-12-01T04-05-23Z.db',
  written: '2026-12-01T04:05:23Z',
  bytes: 90_112,
  organisations: ['Acme', 'Zenith'],
  last_change: '2026-12-01T04:01:00Z',
  last_author: 'Ada',
  problem: null,
  ...over,
});

describe('how the Restore list describes a backup', () => {
  it('names what made each kind of backup the core writes', () => {
    expect(kindOf('manual-x.db')).toBe('Backed up by hand');
    expect(kindOf('daily-2026-12-01.db')).toBe('Daily backup');
    expect(kindOf('before-restore-x.db')).toBe('Kept before a restore');
    expect(kindOf('pre-migration-v3-x.db')).toBe('Kept before an upgrade');
    expect(kindOf('mine.db')).toBe('Backup');
  });

  it('says when in UTC to the second, so two backups a minute apart differ', () => {
    expect(when('2026-12-01T04:05:23Z')).toBe('2026-12-01 04:05:23 UTC');
    expect(when('yesterday')).toBe('yesterday');
  });

  it('gives sizes in the unit a person reads', () => {
    expect(size(900)).toBe('900 B');
    expect(size(90_112)).toBe('88 KB');
    expect(size(5 * 1024 * 1024)).toBe('5.0 MB');
  });

  it('counts the organisations and names the first few', () => {
    expect(contents(backup())).toBe('2 organisations: Acme, Zenith');
    expect(contents(backup({ organisations: ['Acme'] }))).toBe('1 organisation: Acme');
    expect(contents(backup({ organisations: [] }))).toBe('No organisations');
    expect(contents(backup({ organisations: ['A', 'B', 'C', 'D', 'E', 'F'] }))).toBe(
      '6 organisations: A, B, C, D and 2 more',
    );
  });

  it('says who made the last change and when, or that there was none', () => {
    expect(lastChange(backup())).toBe('Last change 2026-12-01 04:01:00 UTC by Ada');
    expect(lastChange(backup({ last_change: null, last_author: null }))).toBe('No changes recorded');
  });
});
