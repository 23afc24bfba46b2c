// The active organisation and everything the store says about it, in one place: its
// assessments, and the pieces only some views show (dashboard, snapshots, a comparison,
// workshops, a capability's history). Views read from here instead of fetching on their own,
// and every change made through here (a save, a bulk edit, undo or redo, a live capture, a
// vote, a snapshot, a workshop begun or ended) ends in one refresh that reloads whatever is on
// screen and marks the rest stale, so no view can show an older state than another.
//
// Components receive this as a prop rather than through Svelte context: the tree that uses it
// is two levels deep, and a prop puts the dependency in the component's signature, so a unit
// test mounts the component with an instance and nothing else.
import { untrack } from 'svelte';
import type {
  Assessment,
  AssessmentPatch,
  BulkEdit,
  Comparison,
  Dashboard,
  DeletedOrganisation,
  HistoryEntry,
  ImportChoice,
  ImportDone,
  Organisation,
  Platform,
  Resolution,
  SavedFile,
  Side,
  Snapshot,
  UndoOutcome,
  Workshop,
} from './platform';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A side of a comparison as the snapshot picker names it: `now`, or a snapshot id. */
export const NOW = 'now';

/**
 * One piece of the organisation's data that some views show. It is loaded while a view uses
 * it; a refresh reloads it if it is in use and otherwise marks it stale, so the next view to
 * use it loads it again. The newest request wins: an older answer never replaces a newer one.
 */
export class Piece<T> {
  value = $state.raw<T | null>(null);
  problem = $state<string | null>(null);
  loading = $state(false);
  #users = 0;
  #stale = true;
  #asked = 0;
  readonly #owner: OrganisationData;
  readonly #load: (org: number) => Promise<T>;
  readonly #index: { map: Map<string, Piece<T>>; key: string } | null;

  /** `index`: where a keyed piece is found, so that it is listed exactly while it is in use. */
  constructor(
    owner: OrganisationData,
    load: (org: number) => Promise<T>,
    index: { map: Map<string, Piece<T>>; key: string } | null = null,
  ) {
    this.#owner = owner;
    this.#load = load;
    this.#index = index;
  }

  get used(): boolean {
    return this.#users > 0;
  }

  /**
   * Marks the piece as shown, loading it unless it is current, until the returned function is
   * called. Meant to be returned from an `$effect`, so it is released when the view goes.
   */
  use(): () => void {
    return untrack(() => {
      this.#users++;
      const index = this.#index;
      if (index && !index.map.has(index.key)) index.map.set(index.key, this);
      if (this.#stale) void this.reload();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        this.#users--;
        if (index && this.#users === 0 && index.map.get(index.key) === this) index.map.delete(index.key);
      };
    });
  }

  /** Loads the piece for the active organisation now. */
  async reload(): Promise<void> {
    const org = this.#owner.active;
    const ask = ++this.#asked;
    this.#stale = false;
    if (!org) {
      this.value = null;
      this.problem = null;
      this.loading = false;
      return;
    }
    this.loading = true;
    try {
      const value = await this.#load(org.id);
      if (ask !== this.#asked) return;
      this.value = value;
      this.problem = null;
    } catch (e) {
      if (ask !== this.#asked) return;
      this.problem = messageOf(e);
      // Asked again by the next view that shows it, as a view opened afresh would.
      this.#stale = true;
    } finally {
      if (ask === this.#asked) this.loading = false;
    }
  }

  /** What changed may show here: reload now if a view shows it, else when one next does. */
  refresh(): Promise<void> | null {
    if (this.used) return this.reload();
    this.#stale = true;
    return null;
  }

  /** Another organisation was chosen: nothing of the previous one may show. */
  reset(): void {
    this.#asked++;
    this.value = null;
    this.problem = null;
    this.loading = false;
    this.#stale = true;
  }
}

export class OrganisationData {
  readonly #platform: Platform;

  /** The organisations in the store, by name. */
  organisations = $state<Organisation[]>([]);
  /** Why organisation data cannot be read or written, when it cannot. */
  warning = $state<string | null>(null);
  /** The organisation being assessed, chosen in the header. */
  active = $state<Organisation | null>(null);
  /** Its assessments by capability id. Raw: only ever replaced whole. */
  assessments = $state.raw<Record<string, Assessment>>({});

  readonly dashboard: Piece<Dashboard>;
  readonly snapshots: Piece<Snapshot[]>;
  /** Newest first, with their dot-votes. */
  readonly workshops: Piece<Workshop[]>;
  readonly #histories = new Map<string, Piece<HistoryEntry[]>>();
  readonly #comparisons = new Map<string, Piece<Comparison>>();
  #assessmentsAsked = 0;

  constructor(platform: Platform, org: Organisation | null = null) {
    this.#platform = platform;
    this.dashboard = new Piece(this, (org) => platform.call('dashboard', { org }));
    this.snapshots = new Piece(this, (org) => platform.call('snapshots', { org }));
    this.workshops = new Piece(this, (org) => platform.call('workshops', { org }));
    if (org) void this.choose(org);
  }

  /** The timeline of one capability's assessment, oldest first. */
  history(capability: string): Piece<HistoryEntry[]> {
    return this.#keyed(this.#histories, capability, (org) => this.#platform.call('history', { org, capability }));
  }

  /** What differs between two sides, each `NOW` or a snapshot id. */
  comparison(a: string, b: string): Piece<Comparison> {
    const side = (value: string, org: number): Side =>
      value === NOW ? { kind: 'current', org } : { kind: 'snapshot', snapshot: Number(value) };
    return this.#keyed(this.#comparisons, `${a}|${b}`, (org) =>
      this.#platform.call('compare', { a: side(a, org), b: side(b, org) }),
    );
  }

  #keyed<T>(map: Map<string, Piece<T>>, key: string, load: (org: number) => Promise<T>): Piece<T> {
    let piece = map.get(key);
    if (!piece) {
      piece = new Piece(this, load, { map, key });
      map.set(key, piece);
    }
    return piece;
  }

  #pieces(): Piece<unknown>[] {
    return [this.dashboard, this.snapshots, this.workshops, ...this.#histories.values(), ...this.#comparisons.values()];
  }

  /** Reads whether the store can be used, and the organisations in it. */
  async open(): Promise<void> {
    try {
      const status = await this.#platform.call('store_status', {});
      this.warning = status.error ?? (status.read_only ? `Read-only: ${status.read_only}` : null);
      if (status.error) return;
      this.organisations = await this.#platform.call('organisations', {});
    } catch (e) {
      this.warning = messageOf(e);
    }
  }

  /**
   * After the whole database was replaced (a restore): the list again, the active organisation
   * kept if the restored data has it (by id, with its record as restored), else the first; all
   * it shows is read again. Returns the organisation now active.
   */
  async reopen(): Promise<Organisation | null> {
    await this.open();
    const next = this.organisations.find((o) => o.id === this.active?.id) ?? this.organisations[0] ?? null;
    this.active = null;
    await this.choose(next);
    return next;
  }

  /** Creates an organisation (names are unique); the caller chooses it. */
  async create(name: string): Promise<Organisation> {
    const org = await this.#platform.call('create_organisation', { name });
    this.organisations = [...this.organisations, org].sort((a, b) => a.name.localeCompare(b.name));
    return org;
  }

  /** Renames the active organisation (names are unique ignoring case and spaces). */
  async rename(name: string): Promise<Organisation> {
    const org = await this.#platform.call('rename_organisation', { org: this.#org().id, name });
    await this.#relist(org);
    return org;
  }

  /** Replaces the active organisation's description. */
  async describe(description: string): Promise<Organisation> {
    const org = await this.#platform.call('describe_organisation', { org: this.#org().id, description });
    await this.#relist(org);
    return org;
  }

  /**
   * Deletes the active organisation (its data is kept) and returns it, for an Undo; the caller
   * chooses the next one.
   */
  async remove(): Promise<Organisation> {
    const org = this.#org();
    await this.#platform.call('delete_organisation', { org: org.id });
    this.organisations = await this.#platform.call('organisations', {});
    return org;
  }

  /** Undoes the delete of `org` (the last change it had); returns it as it is back. */
  async undoRemove(org: Organisation): Promise<Organisation> {
    await this.#platform.call('undo', { org: org.id });
    this.organisations = await this.#platform.call('organisations', {});
    return this.organisations.find((o) => o.id === org.id) ?? org;
  }

  /** Shows the open dialog and what the file chosen would change; `null` when cancelled. */
  chooseImport(): Promise<ImportChoice | null> {
    return this.#platform.call('choose_import_file', {});
  }

  /** Imports the file chosen as previewed, then shows what it changed. */
  async applyImport(token: string, merge: boolean, resolutions: Resolution[]): Promise<ImportDone> {
    const done = await this.#platform.call('apply_import', { token, merge, resolutions });
    await this.#afterImport();
    return done;
  }

  /** Undoes the latest import whole. */
  async undoImport(token: string): Promise<void> {
    await this.#platform.call('undo_import', { token });
    await this.#afterImport();
  }

  /** The list again, and the active organisation's data; the caller chooses another if it went. */
  async #afterImport(): Promise<void> {
    this.organisations = await this.#platform.call('organisations', {});
    if (this.active && this.organisations.some((o) => o.id === this.active?.id)) await this.refresh();
  }

  /** Saves the active organisation (or all) as JSON or CSV where the person chooses. */
  saveExport(all: boolean, format: 'json' | 'csv'): Promise<SavedFile | null> {
    return this.#platform.call('save_export', { org: all ? null : this.#org().id, format });
  }

  /** The deleted organisations, newest first, with when each was deleted. */
  deleted(): Promise<DeletedOrganisation[]> {
    return this.#platform.call('deleted_organisations', {});
  }

  /** Brings a deleted organisation back; the caller chooses it. */
  async restore(id: number): Promise<Organisation> {
    const org = await this.#platform.call('restore_organisation', { org: id });
    this.organisations = await this.#platform.call('organisations', {});
    return org;
  }

  /** The list again, and the active organisation's record as it now is. */
  async #relist(org: Organisation): Promise<void> {
    this.organisations = await this.#platform.call('organisations', {});
    if (this.active?.id === org.id) this.active = org;
    await this.refresh();
  }

  /** Makes `org` the active organisation and loads what the views on screen show of it. */
  choose(org: Organisation | null): Promise<void> {
    // The same organisation again (its record may be newer): nothing of its data changed.
    if (org && org.id === this.active?.id) {
      this.active = org;
      return Promise.resolve();
    }
    this.active = org;
    this.assessments = {};
    for (const piece of this.#pieces()) piece.reset();
    return this.refresh();
  }

  /** Reloads the assessments and every piece a view shows; marks the others stale. */
  async refresh(): Promise<void> {
    await Promise.all([this.#loadAssessments(), ...this.#pieces().map((p) => p.refresh())]);
  }

  async #loadAssessments(): Promise<void> {
    const org = this.active;
    const ask = ++this.#assessmentsAsked;
    if (!org) {
      this.assessments = {};
      return;
    }
    try {
      const all = await this.#platform.call('assessments', { org: org.id });
      if (ask === this.#assessmentsAsked) this.assessments = all;
    } catch {
      // The editor and the dashboard say what is wrong where it shows; the overlay keeps the
      // last colours it had rather than going blank mid-session.
    }
  }

  /** Reads one capability's assessment as stored now (another writer may have changed it). */
  async reread(capability: string): Promise<void> {
    const org = this.active;
    if (!org) return;
    const stored = await this.#platform.call('assessment', { org: org.id, capability });
    if (this.active?.id === org.id) this.assessments = { ...this.assessments, [capability]: stored };
  }

  #org(): Organisation {
    if (!this.active) throw new Error('Choose an organisation first.');
    return this.active;
  }

  /** Applies just the fields in `changes` to the stored assessment; returns it as stored. */
  async save(capability: string, changes: AssessmentPatch): Promise<Assessment> {
    const stored = await this.#platform.call('save_assessment', { org: this.#org().id, capability, changes });
    await this.refresh();
    return stored;
  }

  /** Sets one field on many capabilities as one change (one undo step). */
  async bulkEdit(capabilities: string[], edit: BulkEdit): Promise<void> {
    await this.#platform.call('save_assessments', { org: this.#org().id, capabilities, edit });
    await this.refresh();
  }

  /** Reverts (or re-applies) the organisation's last change; says what it changed. */
  async step(command: 'undo' | 'redo'): Promise<UndoOutcome> {
    const outcome = await this.#platform.call(command, { org: this.#org().id });
    await this.refresh();
    return outcome;
  }

  async takeSnapshot(name: string): Promise<Snapshot> {
    const snap = await this.#platform.call('take_snapshot', { org: this.#org().id, name });
    await this.refresh();
    return snap;
  }

  /** The organisation's workshop still running (after a break or a restart), if any. */
  async runningWorkshop(): Promise<Workshop | null> {
    if (!this.active) return null;
    await this.workshops.reload();
    if (this.workshops.problem) return null;
    return this.workshops.value?.find((w) => w.ended_at === null) ?? null;
  }

  async startWorkshop(title: string, tour: string | null): Promise<Workshop> {
    const workshop = await this.#platform.call('start_workshop', { org: this.#org().id, title, tour });
    await this.refresh();
    return workshop;
  }

  /** Ends a workshop, first keeping a snapshot under `snapshot` when one is named. */
  async endWorkshop(id: number, snapshot: string | null): Promise<void> {
    await this.#platform.call('end_workshop', { id, snapshot });
    await this.refresh();
  }

  /** Adds (or with a negative delta takes back) dots; returns the workshop with its new count. */
  async vote(workshop: Workshop, capability: string, delta: number): Promise<Workshop> {
    const count = await this.#platform.call('vote', { workshop: workshop.id, capability, delta });
    await this.refresh();
    return { ...workshop, votes: { ...workshop.votes, [capability]: count } };
  }
}
