import { describe, expect, it } from 'vitest';
import {
  FIRST_COST_MS,
  FRAME_BUDGET_MS,
  FrameScheduler,
  learnCost,
  MIN_BATCH,
  MIN_COST_MS,
  nextBatch,
  type Change,
  type FrameClock,
} from './frames';

/** A clock that moves only when the fake work says so, and frames that run when the test says. */
function fakeClock() {
  let t = 0;
  const frames: (() => void)[] = [];
  const clock: FrameClock = { now: () => t, nextFrame: (run) => void frames.push(run) };
  return {
    clock,
    spend: (ms: number) => (t += ms),
    pending: () => frames.length,
    /** Runs the frames due now; returns how many ran. */
    tick() {
      const due = frames.splice(0);
      for (const run of due) run();
      return due.length;
    },
  };
}

const shows = (n: number, prefix = 'm'): Change[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, off: false }));
const hides = (n: number): Change[] => Array.from({ length: n }, (_, i) => ({ id: `h${i}`, off: true }));

describe('nextBatch', () => {
  it('takes as many shows as the budget allows at the believed cost', () => {
    expect(nextBatch(shows(100), 0, 0.5).end).toBe(FRAME_BUDGET_MS / 0.5);
  });

  it('counts a hide at a tenth of a show', () => {
    const batch = nextBatch(hides(500), 0, 0.5);
    expect(batch.end, 'taking nodes out is cheap, so a frame takes ten times as many').toBe(320);
    expect(batch.shows).toBe(0);
  });

  it('always takes a few, however dear the last frame was', () => {
    expect(nextBatch(shows(100), 10, 1000)).toMatchObject({ end: 10 + MIN_BATCH, shows: MIN_BATCH });
  });
});

describe('learnCost', () => {
  it('believes a dearer frame at once and a cheaper one only halfway', () => {
    expect(learnCost(0.5, 2)).toBe(2);
    expect(learnCost(0.5, 0.1)).toBeCloseTo(0.3);
    expect(learnCost(MIN_COST_MS, 0)).toBe(MIN_COST_MS);
  });
});

describe('FrameScheduler', () => {
  it('waits a frame before the first batch, spreads the rest over frames, then says it is done', () => {
    const f = fakeClock();
    const scheduler = new FrameScheduler(f.clock);
    const batches: { hide: string[]; show: string[] }[] = [];
    let done = 0;
    scheduler.start(
      [...hides(3), ...shows(60)],
      (hide, show) => {
        batches.push({ hide, show });
        f.spend(0.5 * show.length);
      },
      () => done++,
    );
    expect(batches, 'working the changes out is a task of its own; none is applied in it').toEqual([]);
    while (f.tick());
    expect(done).toBe(1);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches[0].hide).toEqual(['h0', 'h1', 'h2']);
    expect(batches.flatMap((b) => b.show)).toEqual(shows(60).map((c) => c.id));
  });

  it('takes fewer members in the frames after a frame that cost more than believed', () => {
    const f = fakeClock();
    const scheduler = new FrameScheduler(f.clock);
    const sizes: number[] = [];
    scheduler.start(
      shows(200),
      (_, show) => {
        sizes.push(show.length);
        f.spend(2 * show.length);
      },
      () => {},
    );
    while (f.tick());
    expect(sizes[0]).toBe(FRAME_BUDGET_MS / FIRST_COST_MS);
    expect(sizes[1], 'the next frame must fit its budget at the cost just measured').toBe(FRAME_BUDGET_MS / 2);
    expect(scheduler.costPerShow).toBe(2);
  });

  it('drops a run that a newer one supersedes', () => {
    const f = fakeClock();
    const scheduler = new FrameScheduler(f.clock);
    const applied: string[] = [];
    const done: string[] = [];
    scheduler.start(
      shows(100, 'old'),
      (_, show) => applied.push(...show),
      () => done.push('old'),
    );
    f.tick();
    scheduler.start(
      shows(3, 'new'),
      (_, show) => applied.push(...show),
      () => done.push('new'),
    );
    while (f.tick());
    expect(done, 'only the newest run may report the detail settled').toEqual(['new']);
    expect(applied.filter((id) => id.startsWith('old')).length).toBeLessThan(100);
  });

  it('applies nothing more once cancelled', () => {
    const f = fakeClock();
    const scheduler = new FrameScheduler(f.clock);
    let calls = 0;
    scheduler.start(
      shows(10),
      () => calls++,
      () => calls++,
    );
    scheduler.cancel();
    while (f.tick());
    expect(calls, 'a graph that is gone must not be touched').toBe(0);
  });
});
