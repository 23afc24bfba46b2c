// Which of the window's own dialogs is open. The header, the keyboard and the menu bar all open
// the same ones, so their flags live in one place that `App.svelte` and `AppDialogs.svelte`
// share; each dialog closes itself by clearing its flag.
import type { SearchPlace } from './components/SearchPalette.svelte';

export class Dialogs {
  about = $state(false);
  report = $state(false);
  restore = $state(false);
  shortcuts = $state(false);
  search = $state(false);
  /** The search to show again when the palette reopens (coming back from an assessment). */
  searchAgain = $state<SearchPlace | null>(null);
  /** The review of assessments the open pack no longer has a capability for. */
  review = $state(false);

  closeSearch(): void {
    this.search = false;
    this.searchAgain = null;
  }
}
