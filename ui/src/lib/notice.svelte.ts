// A passing notice: what the app just did for the person ("Undid: Data curation, notes …").
// It matters while they look for what changed and goes once that moment has passed, so an old
// notice never sits beside newer work claiming to be news. A newer notice replaces it.

/** How long a confirmation stays: long enough to read a line twice. */
export const NOTICE_MS = 8000;

/** How long the editor's "Saved" stays after the last save. */
export const SAVED_MS = 4000;

/** What a notice offers to do about what it says: "Undo" after a delete. */
export interface NoticeAction {
  label: string;
  run: () => void | Promise<void>;
}

export class Notice {
  text = $state<string | null>(null);
  action = $state.raw<NoticeAction | null>(null);
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Shows `text` for `ms`, replacing whatever was shown, with `action` offered beside it. */
  show(text: string, ms = NOTICE_MS, action: NoticeAction | null = null): void {
    clearTimeout(this.#timer);
    this.text = text;
    this.action = action;
    this.#timer = setTimeout(() => this.clear(), ms);
  }

  /** Runs the offered action once; the notice goes, since what it said is no longer so. */
  async act(): Promise<void> {
    const action = this.action;
    this.clear();
    await action?.run();
  }

  clear(): void {
    clearTimeout(this.#timer);
    this.text = null;
    this.action = null;
  }
}
