/// <reference types="vite/client" />
// The platform unit tests run on. It holds no domain rule: every answer about the framework and
// the store is looked up in `fixtures/recorded.json`, which `src-tauri/src/fixtures.rs` records
// by calling the real commands on `content/examples/mini`, following `fixtures/scenarios.json`.
// A test therefore asserts what the app really answers, and fails when the core changes until
// the recording is made again. What this class keeps itself is what the shell, not the core,
// owns: the calls made, the presentation and its event, exported files, files saved through the
// save dialog (which the person answers, not the core), graph layouts, whether the search index
// is ready yet, and forced failures of the store or the pack.
import recordedText from './fixtures/recorded.json?raw';
import type {
  ApiError,
  BackupSummary,
  FrameworkView,
  PackOpening,
  Presentation,
  SavedFile,
  SavedLayout,
  StoreStatus,
} from './bindings';
import { AppError, type Args, type Command, type Events, type Platform, type Result } from './index';

type Answer = { ok: unknown } | { error: ApiError };

/** One recorded state of a scenario: answers to reads, and each write's answer and next state. */
interface State {
  reads: Record<string, number>;
  writes: Record<string, [answer: number, next: number]>;
}

interface Recording {
  answers: Answer[];
  static: Record<string, number>;
  scenarios: Record<string, State[]>;
}

const recording: Recording = JSON.parse(recordedText);

/** The names of the recorded scenarios (see `fixtures/scenarios.json`). */
export type Scenario = 'empty' | 'acme' | 'dashboard' | 'snapshots';

/** JSON with object keys sorted, as the recorder writes its lookup keys. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}

function answer(index: number): unknown {
  const a = structuredClone(recording.answers[index]);
  if ('error' in a) throw new AppError(a.error);
  return a.ok;
}

/** The mini pack as the core sends it. */
export const fakeFramework = answer(recording.static['framework {}']) as FrameworkView;

/** What the core answers a search while its index is still being built after start-up. */
const NOT_READY_KEY = 'search (index not built yet)';

export class FakePlatform implements Platform {
  readonly calls: { command: Command; args: unknown }[] = [];
  readonly scenario: Scenario;
  /** The recorded state the store is in; each recorded write moves it on. */
  state = 0;
  /** When set, the pack failed to load: `framework` answers this. */
  frameworkError: AppError | null = null;
  /** When set, what `store_status` answers instead of the recording (a damaged database…). */
  storeStatus: StoreStatus | null = null;
  /** How many more searches answer that the index is still being prepared, as at start-up. */
  searchesBeforeReady = 0;
  /** Calls that were not recorded; each also fails the test run (see `miss`). */
  readonly misses: string[] = [];
  layouts = new Map<string, SavedLayout>();
  exports: { name: string; data: string; base64: boolean }[] = [];
  presentation: Presentation | null = null;
  opened: string[] = [];
  /** What the save dialog answers: a folder (the file keeps its proposed name) or null, as
   *  when the person cancels. */
  saveDialogAnswer: string | null = '/exports';
  /** When set, a save fails with this, as when the folder chosen cannot be written. */
  saveError: AppError | null = null;
  /** What the folder dialog answers (null: cancelled), and the export folder chosen there. */
  folderDialogAnswer: string | null = '/chosen';
  exportFolder: string | null = null;
  /** The backups folder: dated by the shell's clock, so kept here rather than recorded. */
  backups: BackupSummary[] = [];
  /** The backups restored, by name. */
  restored: string[] = [];
  /** Every file saved through the save dialog, with what it was asked for. */
  saved: { command: 'save_report' | 'save_actions_csv'; args: unknown; file: SavedFile }[] = [];
  /** What the folder dialog of "Open framework pack…" leads to; null, as when cancelled. */
  packOpening: PackOpening | null = null;
  private listeners = new Map<string, Set<(payload: never) => void>>();

  /** Starts in `scenario`'s state after its setup writes (`empty`: a new, empty store). */
  constructor(scenario: Scenario = 'empty') {
    if (!recording.scenarios[scenario]) throw new Error(`no scenario \`${scenario}\` was recorded`);
    this.scenario = scenario;
  }

  /** Broadcasts as the shell does, to every listener of `event`. */
  emit<E extends keyof Events>(event: E, payload: Events[E]) {
    for (const h of this.listeners.get(event) ?? []) (h as (p: Events[E]) => void)(structuredClone(payload));
  }

  async listen<E extends keyof Events>(event: E, handler: (payload: Events[E]) => void) {
    const set = this.listeners.get(event) ?? new Set();
    set.add(handler as (payload: never) => void);
    this.listeners.set(event, set);
    return () => void set.delete(handler as (payload: never) => void);
  }

  async call<K extends Command>(command: K, args: Args<K>): Promise<Result<K>> {
    this.calls.push({ command, args });
    const shell = this.shell(command, args);
    return (shell ? shell.value : this.recorded(command, args)) as Result<K>;
  }

  /** The commands the shell answers without the core; `undefined` for every other command. */
  private shell(command: Command, args: unknown): { value: unknown } | undefined {
    switch (command) {
      case 'framework':
        if (this.frameworkError) throw this.frameworkError;
        return undefined;
      case 'store_status':
        return this.storeStatus ? { value: structuredClone(this.storeStatus) } : undefined;
      case 'search':
        if (this.searchesBeforeReady <= 0) return undefined;
        this.searchesBeforeReady--;
        return { value: answer(recording.static[NOT_READY_KEY]) };
      case 'layout':
        return { value: structuredClone(this.layouts.get((args as Args<'layout'>).pack) ?? null) };
      case 'save_layout': {
        const { pack, layout } = args as Args<'save_layout'>;
        this.layouts.set(pack, structuredClone(layout));
        return { value: null };
      }
      case 'export_file': {
        const file = args as Args<'export_file'>;
        this.exports.push(file);
        return { value: `/exports/${file.name}` };
      }
      case 'export_tour': {
        const { id } = args as Args<'export_tour'>;
        this.exports.push({ name: `${id}.toml`, data: id, base64: false });
        return { value: `/exports/${id}.toml` };
      }
      case 'presentation':
        return { value: structuredClone(this.presentation) };
      case 'set_presentation': {
        const { state } = args as Args<'set_presentation'>;
        this.presentation = structuredClone(state);
        this.emit('presentation', state);
        return { value: null };
      }
      case 'data_folder':
        return { value: '/data' };
      case 'export_folder':
        return this.exportFolder === null ? undefined : { value: this.exportFolder };
      case 'choose_export_folder':
        if (this.folderDialogAnswer !== null) this.exportFolder = this.folderDialogAnswer;
        return { value: this.exportFolder ?? '/exports' };
      case 'backups':
        return { value: structuredClone(this.backups) };
      case 'backup_now': {
        const name = `manual-${this.backups.length + 1}.db`;
        this.backups.unshift({
          name,
          written: '2026-12-01T04:00:00Z',
          bytes: 4096,
          organisations: [],
          last_change: null,
          last_author: null,
          problem: null,
        });
        return { value: name };
      }
      case 'restore_backup': {
        const { name } = args as Args<'restore_backup'>;
        this.restored.push(name);
        const kept = `before-restore-${this.restored.length}.db`;
        this.backups.unshift({ ...this.backups[0], name: kept });
        return { value: kept };
      }
      case 'open_presenter':
        this.opened.push('presenter');
        return { value: null };
      case 'open_pack':
        return { value: structuredClone(this.packOpening) };
      case 'save_report':
      case 'save_actions_csv': {
        if (this.saveError) throw this.saveError;
        if (this.saveDialogAnswer === null) return { value: null };
        // As the shell never overwrites, each save gets a name of its own.
        const ext = command === 'save_report' ? (args as Args<'save_report'>).format : 'csv';
        const name = `${command === 'save_report' ? 'report' : 'actions'} ${this.saved.length + 1}.${ext}`;
        const file: SavedFile = { path: `${this.saveDialogAnswer}/${name}`, name, not_opened: null };
        this.saved.push({ command, args: structuredClone(args), file });
        return { value: structuredClone(file) };
      }
      default:
        return undefined;
    }
  }

  /** The core's recorded answer; a recorded write moves the store to its next state. */
  private recorded(command: Command, args: unknown): unknown {
    const key = `${command} ${canonical(args)}`;
    const state = recording.scenarios[this.scenario][this.state];
    const write = state.writes[key];
    if (write) {
      this.state = write[1];
      return answer(write[0]);
    }
    const read = state.reads[key] ?? recording.static[key];
    if (read === undefined) throw this.miss(command, canonical(args));
    return answer(read);
  }

  /** A call nobody recorded. Components show errors rather than throw them, so the miss is
   *  also raised as an unhandled rejection, which fails the test run instead of passing quietly. */
  private miss(command: Command, args: string): AppError {
    const message =
      `the fake platform has no recorded answer to \`${command}\` with ${args} in scenario ` +
      `\`${this.scenario}\`, state ${this.state}: add the call to ` +
      'ui/src/lib/platform/fixtures/scenarios.json and re-record with ' +
      '`UPDATE_FIXTURES=1 cargo test -p atlas --lib fixtures`';
    this.misses.push(message);
    void Promise.reject(new Error(message));
    return new AppError({ code: null, message });
  }
}
