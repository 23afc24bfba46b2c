// The Report dialog without its drawing: the person's choices (profile, since which snapshot,
// scores on a handout, format), the preview that follows them, and saving. The preview is the
// core's own HTML report, asked for a moment after the choices settle; an answer to older
// choices never replaces a newer one. What a report says, and which formats there are, is the
// core's: a format it learns is offered here unchanged.
import type { Platform, ReportFormatChoice, SavedFile } from './platform';

export type ProfileName = 'board' | 'full' | 'handout';

/** The profiles, each with the line that says who it is for. */
export const PROFILES: { id: ProfileName; label: string; description: string }[] = [
  {
    id: 'board',
    label: 'Board',
    description: 'At most four pages: headline, charts, the largest gaps with their actions, roadmap, sign-off.',
  },
  {
    id: 'full',
    label: 'Full',
    description: 'Everything: every capability with its notes, evidence and actions, workshops and what moved.',
  },
  {
    id: 'handout',
    label: 'Handout',
    description: "For a workshop's participants: no private notes, and no scores unless you include them.",
  },
];

/** How long the choices must rest before the preview is asked for again. */
export const PREVIEW_DELAY_MS = 250;

/** Formats offered first when the core has them, in this order; otherwise its first. */
const PREFERRED = ['pdf', 'html'];

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** "Saved Acme – actions – 2026-11-30.csv", and where, and why it did not open if it did not. */
export function savedMessage(saved: SavedFile): { title: string; detail: string } {
  const folder = saved.path.endsWith(saved.name) ? saved.path.slice(0, -saved.name.length) : saved.path;
  const where = `in ${folder.replace(/[\\/]+$/, '') || folder}`;
  return {
    title: `Saved ${saved.name}`,
    detail: saved.not_opened ? `${where}; ${saved.not_opened}.` : where,
  };
}

export class ReportChoices {
  readonly #platform: Platform;
  readonly org: number;
  profile = $state<ProfileName>('board');
  /** The snapshot to say what moved since, by name; '' for none. */
  since = $state('');
  /** Handout only: the board and full reports always carry scores. */
  includeScores = $state(false);
  /** The chosen format's extension. */
  format = $state('');
  formats = $state.raw<ReportFormatChoice[]>([]);
  /** The report as HTML, for the current choices; null while none is known. */
  preview = $state<string | null>(null);
  /** Why there is no preview (the core's message: nothing assessed, an unknown snapshot…). */
  problem = $state<string | null>(null);
  loading = $state(false);
  saving = $state(false);
  saved = $state.raw<SavedFile | null>(null);
  saveError = $state<string | null>(null);
  #asked = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(platform: Platform, org: number) {
    this.#platform = platform;
    this.org = org;
  }

  /** What the commands are sent: the choices as the core reads them. */
  get request() {
    return {
      org: this.org,
      profile: this.profile,
      since: this.since === '' ? null : this.since,
      include_scores: this.profile === 'handout' && this.includeScores,
    };
  }

  /** Save is offered once there is a report to save, in a known format, and none is saving. */
  get canSave(): boolean {
    return this.preview !== null && this.problem === null && this.format !== '' && !this.saving;
  }

  /** Asks the core which formats there are, and picks one. */
  async loadFormats(): Promise<void> {
    try {
      this.formats = await this.#platform.call('report_formats', {});
      const offered = this.formats.map((f) => f.extension);
      this.format = PREFERRED.find((p) => offered.includes(p)) ?? offered[0] ?? '';
    } catch (e) {
      this.saveError = messageOf(e);
    }
  }

  /** The choices changed: the preview follows once they have rested `PREVIEW_DELAY_MS`. */
  schedule(delay = PREVIEW_DELAY_MS): void {
    clearTimeout(this.#timer);
    // Whatever arrives for the earlier choices is already out of date.
    this.#asked++;
    this.loading = true;
    this.#timer = setTimeout(() => void this.refresh(), delay);
  }

  /** Asks for the preview of the current choices now. */
  async refresh(): Promise<void> {
    clearTimeout(this.#timer);
    const ask = ++this.#asked;
    this.loading = true;
    try {
      const html = await this.#platform.call('report_preview', this.request);
      if (ask !== this.#asked) return;
      this.preview = html;
      this.problem = null;
    } catch (e) {
      if (ask !== this.#asked) return;
      this.preview = null;
      this.problem = messageOf(e);
    } finally {
      if (ask === this.#asked) this.loading = false;
    }
  }

  /** Saves the report through the shell's save dialog; a cancelled dialog says nothing. */
  async save(): Promise<void> {
    if (!this.canSave) return;
    this.saving = true;
    this.saveError = null;
    this.saved = null;
    try {
      this.saved = await this.#platform.call('save_report', { ...this.request, format: this.format });
    } catch (e) {
      this.saveError = messageOf(e);
    } finally {
      this.saving = false;
    }
  }

  /** The dialog closed: no preview is asked for after it. */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#asked++;
  }
}
