import { describe, expect, it } from 'vitest';
import type { ConflictDetail, ImportChoice, ImportCounts, ImportReport } from './platform';
import {
  ImportReview,
  importSummary,
  openExport,
  openImport,
  closeTransfer,
  transfer,
  valueText,
} from './importing.svelte';

const counts = (n: Partial<ImportCounts> = {}): ImportCounts => ({
  assessments_added: 0,
  assessments_changed: 0,
  actions: 0,
  snapshots: 0,
  fields_filled: 0,
  conflicts: 0,
  ...n,
});

const conflict = (field: string): ConflictDetail => ({
  organisation: 'Acme',
  capability: 'data-curation',
  title: 'Data curation',
  field,
  ours: 'mine',
  theirs: 'theirs',
  ours_changed: { author: 'Ada', at: '2026-11-30T10:00:00Z' },
  theirs_changed: null,
});

function choice(matches: string | null): ImportChoice {
  return {
    token: 'import-1',
    preview: {
      file_name: 'acme.json',
      format: 'json',
      checksum: 'x',
      organisations: [
        {
          name: 'Acme',
          matches,
          as_new: counts({ assessments_added: 3, actions: 2, snapshots: 1 }),
          merged: matches ? counts({ assessments_changed: 1, conflicts: 2 }) : null,
        },
      ],
      conflicts: matches ? [conflict('notes'), conflict('target')] : [],
    },
  };
}

describe('ImportReview', () => {
  it('offered to add a file whose organisation is already here, which the store refuses', () => {
    const review = new ImportReview(choice('acme'));
    expect(review.merge, 'an organisation already here is merged into by default').toBe(true);
    expect(review.refusal).toBeNull();
    review.merge = false;
    expect(review.refusal, 'adding it as new is refused before Import is pressed').toBe(
      '“acme” already exists here: merge, or rename it first.',
    );
    expect(review.conflicts, 'no conflict table when nothing is merged').toEqual([]);
  });

  it('counted the merge as if everything were added', () => {
    const review = new ImportReview(choice('acme'));
    const org = review.choice.preview.organisations[0];
    expect(review.counts(org).conflicts).toBe(2);
    expect(review.fate(org)).toBe('merged into “acme”');
    review.merge = false;
    expect(review.counts(org).assessments_added).toBe(3);
    expect(review.fate(org)).toBe('added as new');
  });

  it('sent a side for every conflict, each as chosen, and all at once', () => {
    const review = new ImportReview(choice('acme'));
    const [notes, target] = review.conflicts;
    expect(
      review.resolutions().map((r) => r.take),
      'a conflict nobody touched keeps mine, said outright',
    ).toEqual(['ours', 'ours']);
    review.choose(target, 'theirs');
    expect(review.resolutions()).toEqual([
      { organisation: 'Acme', capability: 'data-curation', field: 'notes', take: 'ours' },
      { organisation: 'Acme', capability: 'data-curation', field: 'target', take: 'theirs' },
    ]);
    review.chooseAll('theirs');
    expect(review.take(notes)).toBe('theirs');
    review.chooseAll('ours');
    expect(review.take(target)).toBe('ours');
  });
});

describe('transfer dialogs', () => {
  it('opened from any menu through one state', () => {
    openImport();
    expect(transfer.open).toBe('import');
    openExport();
    expect(transfer.open, 'one transfer dialog at a time').toBe('export');
    closeTransfer();
    expect(transfer.open).toBeNull();
  });
});

describe('importSummary', () => {
  it('said what an import changed in one line', () => {
    const report: ImportReport = {
      organisations_added: ['Globex'],
      organisations_merged: ['Acme'],
      fields_merged: 2,
      fields_taken: 1,
      snapshots_added: 1,
      conflicts: [
        { organisation: 'Acme', capability: 'c', field: 'notes', ours: 'a', theirs: 'b' },
        { organisation: 'Acme', capability: 'c', field: 'target', ours: 1, theirs: 2 },
      ],
    };
    expect(importSummary(report)).toBe(
      'Imported: added “Globex”; merged into “Acme” (2 fields filled, 1 of 2 conflicts taken from the file); 1 snapshot.',
    );
  });
});

describe('valueText', () => {
  it('showed lists by their titles and an empty value as a dash, never as raw JSON', () => {
    expect(valueText(null)).toBe('—');
    expect(valueText([])).toBe('—');
    expect(
      valueText([
        { title: 'Train the team', status: 'open' },
        { label: 'Policy', url: 'https://x' },
      ]),
    ).toBe('Train the team, Policy');
    expect(valueText(['a', 'b'])).toBe('a, b');
    expect(valueText(3)).toBe('3');
  });
});
