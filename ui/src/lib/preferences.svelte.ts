// The person's preferences as the core keeps them in the data folder: the author's display
// name written into the history, the theme, and the export folder (choosing another opens the
// desktop's folder dialog, shown by the shell: the window never names a path). The theme is applied from here once read, and every
// theme a person picks, in the header or in Preferences, is saved here.
import type { Platform, PreferencesView, ThemeChoice } from './platform';
import { onThemeChosen, setThemeChoice, themeChoice } from './theme';

export class PreferencesData {
  readonly #platform: Platform;
  /** What is saved and the defaults, once read. Raw: only ever replaced whole. */
  view = $state.raw<PreferencesView | null>(null);
  /** The folder exports are written to. */
  exportFolder = $state<string | null>(null);
  /** The data folder, where the database and its backups are. */
  dataFolder = $state<string | null>(null);
  problem = $state<string | null>(null);

  constructor(platform: Platform) {
    this.#platform = platform;
  }

  /** Reads the preferences and applies the saved theme; then saves every theme picked. */
  async load(): Promise<() => void> {
    try {
      this.view = await this.#platform.call('preferences', {});
      this.problem = this.view.problem;
      const theme = this.view.saved.theme;
      if (theme && theme !== themeChoice()) setThemeChoice(theme, false);
    } catch (e) {
      this.problem = (e as Error).message;
    }
    return onThemeChosen((theme) => void this.save(this.view?.saved.author ?? '', theme).catch(() => {}));
  }

  /** Which answer about the export folder is the newest asked for. */
  #folderAsked = 0;

  /** Reads where exports go (for the Preferences dialog). */
  async loadExportFolder(): Promise<void> {
    const ask = ++this.#folderAsked;
    const folder = await this.#platform.call('export_folder', {});
    // A folder chosen while this was being answered is newer than this answer.
    if (ask === this.#folderAsked) this.exportFolder = folder;
  }

  /** Asks the shell for another export folder (its folder dialog); shows the one in use. */
  async chooseExportFolder(): Promise<void> {
    const ask = ++this.#folderAsked;
    const folder = await this.#platform.call('choose_export_folder', {});
    if (ask === this.#folderAsked) this.exportFolder = folder;
    this.view = await this.#platform.call('preferences', {});
  }

  /** Reads where the data is (for the Preferences dialog). */
  async loadDataFolder(): Promise<void> {
    this.dataFolder = await this.#platform.call('data_folder', {});
  }

  /** The name changes are attributed to now. */
  get author(): string {
    return this.view?.saved.author ?? this.view?.system_author ?? '';
  }

  /** Saves the author (blank: the system's full name) and the theme, and applies the theme. */
  async save(author: string, theme: ThemeChoice): Promise<void> {
    this.view = await this.#platform.call('save_preferences', { author, theme });
    this.problem = null;
    if (theme !== themeChoice()) setThemeChoice(theme, false);
  }
}
