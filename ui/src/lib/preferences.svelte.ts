// The person's preferences as the core keeps them in the data folder: the author's display
// name written into the history, the theme, and the export folder (shown; choosing another
// comes with the system's folder dialog). The theme is applied from here once read, and every
// theme a person picks, in the header or in Preferences, is saved here.
import type { Platform, PreferencesView, ThemeChoice } from './platform';
import { onThemeChosen, setThemeChoice, themeChoice } from './theme';

export class PreferencesData {
  readonly #platform: Platform;
  /** What is saved and the defaults, once read. Raw: only ever replaced whole. */
  view = $state.raw<PreferencesView | null>(null);
  /** The folder exports are written to. */
  exportFolder = $state<string | null>(null);
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

  /** Reads where exports go (for the Preferences dialog). */
  async loadExportFolder(): Promise<void> {
    this.exportFolder = await this.#platform.call('export_folder', {});
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
