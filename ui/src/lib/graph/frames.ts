// Spreads a big pack's level-of-detail changes (members put into the graph or taken out) over
// animation frames, so that no frame waits for all of them. How many a frame takes comes from
// what the last frames cost: Cytoscape styles and measures a node in its next frame, not when it
// is added, so the caller flushes that work inside each batch and its cost is timed here. Kept
// apart from the view so the cost model can be tested with a fake clock and fake work.

/** One member to put into the graph (`off` false) or take out of it (`off` true). */
export interface Change {
  id: string;
  off: boolean;
}

/** The time and the frames the scheduler runs on: the browser's, or a test's. */
export interface FrameClock {
  now(): number;
  nextFrame(run: () => void): void;
}

export const browserClock: FrameClock = {
  now: () => performance.now(),
  nextFrame: (run) => void requestAnimationFrame(run),
};

/** Work on members per frame, in ms: the rest of a 60 Hz frame is left for drawing. */
export const FRAME_BUDGET_MS = 16;
/** What taking a node out costs next to putting one in, which styles and measures it. */
export const HIDE_WEIGHT = 0.1;
/** The fewest changes a frame takes, so a run always ends however dear the last frame was. */
export const MIN_BATCH = 4;
/** The cheapest a show is ever believed to be, in ms, so one idle frame cannot open the floodgates. */
export const MIN_COST_MS = 0.02;
/** What a show is believed to cost before anything has been measured, in ms. */
export const FIRST_COST_MS = 0.5;

/**
 * Where the frame that starts at `from` ends: as many changes as the budget allows at
 * `costPerShow`, hides counted light. `weight` is the work taken in units of one show.
 */
export function nextBatch(changes: readonly Change[], from: number, costPerShow: number) {
  const allowance = Math.max(MIN_BATCH, FRAME_BUDGET_MS / costPerShow);
  let end = from;
  let weight = 0;
  let shows = 0;
  while (end < changes.length && weight < allowance) {
    const off = changes[end++].off;
    weight += off ? HIDE_WEIGHT : 1;
    if (!off) shows++;
  }
  return { end, weight, shows };
}

/**
 * The cost per show to believe after a frame measured at `measured` per unit of work: a dearer
 * frame is believed at once and a cheaper one only halfway, so one cheap frame does not let the
 * next take more than it can style in time.
 */
export function learnCost(believed: number, measured: number): number {
  return Math.max(MIN_COST_MS, measured, (believed + measured) / 2);
}

export class FrameScheduler {
  /** The cost of putting one node in, in ms, as last measured; kept from one run to the next. */
  costPerShow = FIRST_COST_MS;
  private run = 0;

  constructor(private readonly clock: FrameClock = browserClock) {}

  /**
   * Applies `changes` in order, a batch per frame, starting on the next frame (working them out
   * was a task of its own). `apply` gets each batch's hides and shows and must finish their
   * work (flush the styles) before it returns; `done` runs once the last batch is in. A newer
   * run supersedes one still under way, which then never calls `done`.
   */
  start(changes: readonly Change[], apply: (hide: string[], show: string[]) => void, done: () => void) {
    const run = ++this.run;
    let from = 0;
    const step = () => {
      if (run !== this.run) return;
      const began = this.clock.now();
      const { end, weight, shows } = nextBatch(changes, from, this.costPerShow);
      const part = changes.slice(from, end);
      from = end;
      apply(
        part.filter((c) => c.off).map((c) => c.id),
        part.filter((c) => !c.off).map((c) => c.id),
      );
      const measured = (this.clock.now() - began) / Math.max(1, weight);
      if (shows) this.costPerShow = learnCost(this.costPerShow, measured);
      if (from < changes.length) this.clock.nextFrame(step);
      else done();
    };
    this.clock.nextFrame(step);
  }

  /** Drops the run under way (the view is going away). */
  cancel() {
    this.run++;
  }
}
