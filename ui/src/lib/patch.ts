// Saving only what a person changed. The core applies a patch to the assessment as stored at
// that moment, so a window that sends just the fields it edited never writes back a stale copy
// of fields the command line (or another window) changed meanwhile.
import { emptyAssessment, type Assessment, type AssessmentPatch } from './platform';

const FIELDS = Object.keys(emptyAssessment()) as (keyof Assessment)[];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields that differ from `base` to `next`, with their values in `next`. */
export function patchBetween(base: Assessment, next: Assessment): AssessmentPatch {
  const patch: Record<string, unknown> = {};
  for (const f of FIELDS) if (!same(base[f], next[f])) patch[f] = structuredClone(next[f]);
  return patch as AssessmentPatch;
}

export function isEmptyPatch(patch: AssessmentPatch): boolean {
  return Object.keys(patch).length === 0;
}

/** `stored` with the patch's fields set. */
export function applyPatch(stored: Assessment, patch: AssessmentPatch): Assessment {
  return { ...structuredClone(stored), ...structuredClone(patch) } as Assessment;
}

/**
 * What the form shows when a save returns: the stored value of every field the person left
 * alone since `sent` was taken, and their newer edit of every field they touched meanwhile
 * (`edited` says whether there is any, so it can be saved in turn).
 */
export function rebase(stored: Assessment, sent: Assessment, now: Assessment): { form: Assessment; edited: boolean } {
  const form = structuredClone(stored);
  let edited = false;
  for (const f of FIELDS) {
    if (!same(sent[f], now[f])) {
      (form as Record<string, unknown>)[f] = structuredClone(now[f]);
      edited = true;
    }
  }
  return { form, edited };
}
