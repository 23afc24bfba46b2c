// A passing notice: what the app just did for the person ("Undid: Data curation, notes …").
// It matters while they look for what changed and goes once that moment has passed, so an old
// notice never sits beside newer work claiming to be news. A newer notice replaces it.

/** How long a confirmation stays: long enough to read a line twice. */
export const NOTICE_MS = 8000;

/** How long the editor's "Saved" stays after the last save. */
export const SAVED_MS = 4000;

export class Notice {
  text = $state<string | null>(null);
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Shows `text` for `ms`, replacing whatever was shown. */
  show(text: string, ms = NOTICE_MS): void {
    clearTimeout(this.#timer);
    this.text = text;
    this.#timer = setTimeout(() => (this.text = null), ms);
  }

  clear(): void {
    clearTimeout(this.#timer);
    this.text = null;
  }
}
