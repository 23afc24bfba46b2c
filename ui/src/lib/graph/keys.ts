// The graph's keyboard: which key does what, and when a key is not the graph's to take. Pure
// functions over the key and the view's state, so the map is tested without a canvas.
import { isTyping } from '../typing';

/** What a key asks of the graph. */
export type GraphCommand =
  | { kind: 'depth'; depth: number }
  | { kind: 'zoom'; factor: number }
  | { kind: 'fit' }
  | { kind: 'zoom-to-selection' }
  | { kind: 'path' }
  | { kind: 'clear-path' };

/** One press of + or − zooms by this much. */
export const ZOOM_STEP = 1.25;

/**
 * The command for `key`, or null when it means nothing now: focus depths, zoom to selection and
 * a path need a selection; Esc clears a path first, then a focus, and only when there is one
 * (else it is left to others).
 */
export function commandFor(
  key: string,
  state: { selected: boolean; depth: number; path?: boolean },
): GraphCommand | null {
  switch (key) {
    case '1':
    case '2':
    case '3':
      return state.selected ? { kind: 'depth', depth: Number(key) } : null;
    case 'Escape':
      if (state.path) return { kind: 'clear-path' };
      return state.depth ? { kind: 'depth', depth: 0 } : null;
    case 'p':
    case 'P':
      return state.selected ? { kind: 'path' } : null;
    case '+':
    case '=':
      return { kind: 'zoom', factor: ZOOM_STEP };
    case '-':
    case '_':
      return { kind: 'zoom', factor: 1 / ZOOM_STEP };
    case '0':
      return { kind: 'fit' };
    case 'f':
    case 'F':
      return state.selected ? { kind: 'zoom-to-selection' } : null;
    default:
      return null;
  }
}

/** Whether `el` is on screen: the app keeps views mounted, invisible, behind the one shown. */
export function onScreen(el: Element): boolean {
  if (typeof el.checkVisibility === 'function') return el.checkVisibility({ visibilityProperty: true });
  return getComputedStyle(el).visibility !== 'hidden';
}

/**
 * Whether a key press belongs to something else: a shortcut with a modifier, one already
 * handled, typing in a field, or an open dialog (Esc above all closes the dialog).
 */
export function belongsElsewhere(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return true;
  if (isTyping(event)) return true;
  return document.querySelector('dialog[open], [role="dialog"], [role="alertdialog"]') !== null;
}

/** Where the arrow, Home or End key moves in a list of `count` from `at`; -1 for another key. */
export function listMove(key: string, at: number, count: number): number {
  if (key === 'ArrowDown') return Math.min(at + 1, count - 1);
  if (key === 'ArrowUp') return Math.max(at - 1, 0);
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return -1;
}
