// The rules of presenting, shared by the projected window and the presenter's window: how a
// step moves, which keys a clicker sends, and the two-keystroke live capture. Pure functions,
// so both windows move the same way and the rules are tested without a webview.
import type { Presentation, Priority, TourView } from './platform';

export type View = 'graph' | 'map';

export function newPresentation(
  view: View,
  org: number | null,
  workshop: number | null,
  now = new Date(),
): Presentation {
  return {
    active: true,
    tour: null,
    step: 0,
    node: null,
    view,
    revealed: false,
    blackout: false,
    org,
    workshop,
    started_at: now.toISOString(),
  };
}

/** The presentation at step `index` of `tour` (clamped), with that step's node and view. */
export function stepTo(p: Presentation, tour: TourView | null, index: number): Presentation {
  if (!tour || tour.steps.length === 0) return p;
  const step = Math.max(0, Math.min(tour.steps.length - 1, index));
  const s = tour.steps[step];
  return { ...p, tour: tour.id, step, node: s.node, view: s.view ?? p.view, blackout: false };
}

export type Move = 'next' | 'previous' | 'first' | 'last';

/** What a key means while presenting. Clickers send Page Up/Down (some send arrows). */
export function moveOf(key: string): Move | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    default:
      return null;
  }
}

export function move(p: Presentation, tour: TourView | null, m: Move): Presentation {
  if (!tour) return p;
  const index = { next: p.step + 1, previous: p.step - 1, first: 0, last: tour.steps.length - 1 }[m];
  return stepTo(p, tour, index);
}

/** "m:ss" (or "h:mm:ss") since the presentation started. */
export function elapsed(startedAt: string, now: number): string {
  const secs = Math.max(0, Math.floor((now - Date.parse(startedAt)) / 1000));
  const h = Math.floor(secs / 3600);
  const m = Math.floor((secs % 3600) / 60);
  const s = String(secs % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** What the room decided about the capability on screen, captured in two keystrokes. */
export type Capture =
  | { field: 'current' | 'target'; level: number | null }
  | { field: 'priority'; priority: Priority | null }
  | { field: 'votes'; delta: number | 'clear' };

const PREFIXES: Record<string, Capture['field']> = { c: 'current', t: 'target', p: 'priority', v: 'votes' };
const PRIORITIES: Priority[] = ['low', 'medium', 'high', 'critical'];

/** Names the first key of a capture, for the hint shown while the second is awaited. */
export function captureField(key: string): Capture['field'] | null {
  return PREFIXES[key.toLowerCase()] ?? null;
}

/**
 * The capture made by `digit` after the prefix `field`, or null when the digit does not fit:
 * c/t + 0–5 set a maturity level (Backspace clears it); p + 1–4 sets Low … Critical
 * (0 clears); v + 1–9 adds that many dots (0 clears them, Backspace takes one back).
 */
export function capture(field: Capture['field'], key: string, maxLevel: number): Capture | null {
  const clear = key === 'Backspace' || key === 'Delete';
  const digit = /^[0-9]$/.test(key) ? Number(key) : null;
  switch (field) {
    case 'current':
    case 'target':
      if (clear) return { field, level: null };
      return digit !== null && digit <= maxLevel ? { field, level: digit } : null;
    case 'priority':
      if (clear || digit === 0) return { field, priority: null };
      return digit !== null && digit >= 1 && digit <= 4 ? { field, priority: PRIORITIES[digit - 1] } : null;
    case 'votes':
      if (digit === 0) return { field, delta: 'clear' };
      if (clear) return { field, delta: -1 };
      return digit !== null ? { field, delta: digit } : null;
  }
}

/** What a capture is recorded on: the capability on screen, or what to do when there is none. */
export function captureTarget(
  node: { id: string; title: string; kind: string } | null,
): { id: string; title: string } | { problem: string } {
  if (node?.kind === 'capability') return { id: node.id, title: node.title };
  return {
    problem: node
      ? `${node.title} is not a capability: click a capability on the map or graph, then press C, T, P or V and a digit.`
      : 'Click a capability on the map or graph, then press C, T, P or V and a digit.',
  };
}

/**
 * What the facilitator is told after a capture, naming the capability. While the room's view is
 * private the projected window must not show organisation data, so the value (or the dots now
 * on it) is said only once revealed.
 */
export function recordedMessage(c: Capture, title: string, revealed: boolean, dots = 0): string {
  if (c.field === 'votes') {
    if (revealed) return `Dots on ${title}: ${dots}`;
    return c.delta === 'clear' ? `Dots on ${title} cleared` : `Dots on ${title} recorded`;
  }
  const label = { current: 'Current maturity', target: 'Target maturity', priority: 'Priority' }[c.field];
  if (!revealed) return `${label} of ${title} recorded`;
  const value = c.field === 'priority' ? (c.priority ?? 'none') : (c.level ?? 'cleared');
  return `${label} of ${title}: ${value}`;
}
