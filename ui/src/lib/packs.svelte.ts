// The framework pack in effect and the orphan review of the active organisation. Opening a
// pack asks the shell, which shows the desktop's folder dialog and loads the folder whole: the
// answer is the pack now in effect, or every problem of one that could not be loaded (the
// current pack then stays). The review lists the assessments whose capability the pack no
// longer has, with the decision taken on each.
import type { OrphanReview, PackStatus, Platform, Problem } from './platform';

export type Opened = 'opened' | 'failed' | 'cancelled';

export class Packs {
  status = $state<PackStatus | null>(null);
  /** The problems of the pack that could not be opened, until dismissed. */
  problems = $state<Problem[] | null>(null);
  review = $state<OrphanReview | null>(null);
  /** Why opening or the review failed, when it did. */
  problem = $state<string | null>(null);
  #platform: Platform;
  #reviewAsked = 0;

  constructor(platform: Platform) {
    this.#platform = platform;
  }

  async loadStatus(): Promise<PackStatus | null> {
    try {
      this.status = await this.#platform.call('pack_status', {});
    } catch (e) {
      this.problem = (e as Error).message;
    }
    return this.status;
  }

  /** Asks for a folder and opens it; says what happened. */
  async open(): Promise<Opened> {
    this.problem = null;
    try {
      const answer = await this.#platform.call('open_pack', {});
      if (!answer) return 'cancelled';
      this.status = answer.status;
      if (answer.problems.length > 0) {
        this.problems = answer.problems;
        return 'failed';
      }
      this.problems = null;
      return 'opened';
    } catch (e) {
      this.problem = (e as Error).message;
      return 'failed';
    }
  }

  /** The orphan review of `org` (none without an organisation). */
  async loadReview(org: number | null): Promise<void> {
    const ask = ++this.#reviewAsked;
    if (org === null) {
      this.review = null;
      return;
    }
    try {
      const review = await this.#platform.call('orphan_review', { org });
      if (ask === this.#reviewAsked) this.review = review;
    } catch {
      // The store's own warning says why it cannot be read; the banner just stays away.
      if (ask === this.#reviewAsked) this.review = null;
    }
  }

  async map(org: number, capability: string, target: string): Promise<void> {
    this.review = await this.#platform.call('map_orphan', { org, capability, target });
  }

  async archive(org: number, capability: string): Promise<void> {
    this.review = await this.#platform.call('archive_orphan', { org, capability });
  }

  /** How many orphans still wait for a decision. */
  get unreviewed(): number {
    return this.review ? this.review.total - this.review.reviewed : 0;
  }
}

/** "1 assessment points" / "3 assessments point". */
export function orphanBanner(n: number): string {
  return n === 1
    ? '1 assessment points to a capability this pack no longer has'
    : `${n} assessments point to capabilities this pack no longer has`;
}

/** `file:line: message`, as an author finds it in their editor. */
export function problemLine(p: Problem): string {
  return p.line === null ? `${p.file}: ${p.message}` : `${p.file}:${p.line}: ${p.message}`;
}
