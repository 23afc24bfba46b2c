// Reading history for the reader, like a browser's: Back and Forward stacks of node ids, and
// the recently read nodes. Reactive (runes), so buttons bound to `canBack`/`canForward` update.

const RECENT_LIMIT = 15;

export class ReadingHistory {
  #back = $state<string[]>([]);
  #forward = $state<string[]>([]);
  #current = $state<string | null>(null);
  #recent = $state<string[]>([]);

  /** The node being read, or null before the first visit. */
  get current(): string | null {
    return this.#current;
  }
  get canBack(): boolean {
    return this.#back.length > 0;
  }
  get canForward(): boolean {
    return this.#forward.length > 0;
  }
  /** The last distinct nodes read, newest first (the current one included). */
  get recent(): readonly string[] {
    return this.#recent;
  }

  /** Records opening `id`. Re-opening the node already shown changes nothing. */
  visit(id: string): void {
    if (id === this.#current) return;
    if (this.#current !== null) this.#back.push(this.#current);
    this.#forward = [];
    this.#arrive(id);
  }

  /** Steps back; returns the id to open, or null when there is nothing behind. */
  back(): string | null {
    const id = this.#back.pop();
    if (id === undefined) return null;
    if (this.#current !== null) this.#forward.push(this.#current);
    this.#arrive(id);
    return id;
  }

  /** Steps forward again; returns the id to open, or null when there is nothing ahead. */
  forward(): string | null {
    const id = this.#forward.pop();
    if (id === undefined) return null;
    if (this.#current !== null) this.#back.push(this.#current);
    this.#arrive(id);
    return id;
  }

  #arrive(id: string) {
    this.#current = id;
    this.#recent = [id, ...this.#recent.filter((r) => r !== id)].slice(0, RECENT_LIMIT);
  }
}

/** The app's one reading history. */
export const nav = new ReadingHistory();
