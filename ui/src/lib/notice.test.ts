import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Notice, NOTICE_MS } from './notice.svelte';

describe('Notice', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('stayed on screen long after what it confirmed', () => {
    const notice = new Notice();
    notice.show('Undid: Alpha one, notes “x” → empty');
    vi.advanceTimersByTime(NOTICE_MS - 1);
    expect(notice.text, 'still there while the person looks for the change').toBe(
      'Undid: Alpha one, notes “x” → empty',
    );
    vi.advanceTimersByTime(1);
    expect(notice.text, 'gone once its moment has passed').toBeNull();
  });

  it('let an older notice clear a newer one early', () => {
    const notice = new Notice();
    notice.show('Undid: first');
    vi.advanceTimersByTime(NOTICE_MS - 100);
    notice.show('Redid: first');
    vi.advanceTimersByTime(200);
    expect(notice.text, "the first notice's timer does not clear the second").toBe('Redid: first');
    vi.advanceTimersByTime(NOTICE_MS);
    expect(notice.text).toBeNull();
  });

  it('offered an Undo that could run after what it undid was no longer news, or twice', async () => {
    const notice = new Notice();
    let runs = 0;
    notice.show('Deleted Acme', NOTICE_MS, { label: 'Undo', run: () => void runs++ });
    expect(notice.action?.label).toBe('Undo');
    await notice.act();
    await notice.act();
    expect(runs, 'one Undo undoes one delete').toBe(1);
    expect(notice.text, 'the notice goes once its offer is taken').toBeNull();
    notice.show('Deleted Acme', NOTICE_MS, { label: 'Undo', run: () => void runs++ });
    vi.advanceTimersByTime(NOTICE_MS);
    expect(notice.action, 'the offer goes with the notice').toBeNull();
  });
});
