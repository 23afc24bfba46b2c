// Import and export from the window: which of their dialogs is open (so a menu anywhere — the
// organisation menu today, the native menu bar's `file.import` and `file.export` later — opens
// them with `openImport()` / `openExport()`), and the rules of the Import dialog's review: how
// the file goes in (new organisations or merged), the side kept per conflict, what the counts
// and the notice say. The shell holds the file; the review only ever names its token.
import type {
  ConflictDetail,
  ImportChoice,
  ImportCounts,
  ImportReport,
  OrgPreview,
  Resolution,
  Take,
} from './platform';

export type TransferDialog = 'import' | 'export' | null;

/** The transfer dialog open now, if any. */
export const transfer = $state<{ open: TransferDialog }>({ open: null });

/** Opens the Import dialog (it asks for the file at once). */
export function openImport(): void {
  transfer.open = 'import';
}

/** Opens the Export dialog. */
export function openExport(): void {
  transfer.open = 'export';
}

export function closeTransfer(): void {
  transfer.open = null;
}

const keyOf = (c: { organisation: string; capability: string; field: string }) =>
  `${c.organisation}\u0000${c.capability}\u0000${c.field}`;

/** The review of one chosen file, before it is imported. */
export class ImportReview {
  readonly choice: ImportChoice;
  /** Merge into organisations of the same name, rather than add every one as new. */
  merge = $state(false);
  /** The side chosen per conflict; a conflict not chosen keeps ours. */
  #taken = $state<Record<string, Take>>({});

  constructor(choice: ImportChoice) {
    this.choice = choice;
    // Added as new, an organisation that is already here would be refused: merging is then
    // what the person most likely came for.
    this.merge = choice.preview.organisations.some((o) => o.matches !== null);
  }

  get conflicts(): ConflictDetail[] {
    return this.merge ? this.choice.preview.conflicts : [];
  }

  take(conflict: ConflictDetail): Take {
    return this.#taken[keyOf(conflict)] ?? 'ours';
  }

  choose(conflict: ConflictDetail, side: Take): void {
    this.#taken = { ...this.#taken, [keyOf(conflict)]: side };
  }

  chooseAll(side: Take): void {
    this.#taken = Object.fromEntries(this.choice.preview.conflicts.map((c) => [keyOf(c), side]));
  }

  /** Every conflict's side, said outright (nothing left to a default the person never saw). */
  resolutions(): Resolution[] {
    return this.conflicts.map((c) => ({
      organisation: c.organisation,
      capability: c.capability,
      field: c.field,
      take: this.take(c),
    }));
  }

  /** What importing this organisation the chosen way writes. */
  counts(org: OrgPreview): ImportCounts {
    return this.merge && org.merged ? org.merged : org.as_new;
  }

  /** Why Import cannot go ahead as chosen, or `null`. */
  get refusal(): string | null {
    if (this.merge) return null;
    const taken = this.choice.preview.organisations.filter((o) => o.matches !== null);
    if (taken.length === 0) return null;
    const names = taken.map((o) => `“${o.matches}”`).join(', ');
    return `${names} already ${taken.length === 1 ? 'exists' : 'exist'} here: merge, or rename ${taken.length === 1 ? 'it' : 'them'} first.`;
  }

  /** What the organisation's row says it will become. */
  fate(org: OrgPreview): string {
    if (this.merge && org.matches !== null) return `merged into “${org.matches}”`;
    return 'added as new';
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The notice after an import: what changed, in a line. */
export function importSummary(report: ImportReport): string {
  const parts: string[] = [];
  if (report.organisations_added.length > 0) {
    parts.push(`added ${report.organisations_added.map((n) => `“${n}”`).join(', ')}`);
  }
  if (report.organisations_merged.length > 0) {
    const taken =
      report.conflicts.length > 0
        ? `, ${report.fields_taken} of ${plural(report.conflicts.length, 'conflict')} taken from the file`
        : '';
    parts.push(
      `merged into ${report.organisations_merged.map((n) => `“${n}”`).join(', ')} (${plural(report.fields_merged, 'field')} filled${taken})`,
    );
  }
  if (report.snapshots_added > 0) parts.push(plural(report.snapshots_added, 'snapshot'));
  return parts.length === 0 ? 'Imported: nothing was new.' : `Imported: ${parts.join('; ')}.`;
}

/** A field's value as the conflict table shows it: short, readable, never raw JSON for lists. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value
      .map((v) => {
        if (typeof v !== 'object' || v === null) return String(v);
        const o = v as Record<string, unknown>;
        return String(o.title ?? o.label ?? JSON.stringify(v));
      })
      .join(', ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** When a change was made, as a person reads it; the stored text when it is not a date. */
export function changedAt(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime())
    ? at
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The field's name as the editor labels it. */
export function fieldName(field: string): string {
  const names: Record<string, string> = {
    current: 'current maturity',
    target: 'target maturity',
    not_applicable: 'not applicable',
  };
  return names[field] ?? field.replace(/_/g, ' ');
}
