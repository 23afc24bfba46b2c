// The heat scale shared by the graph overlay, the capability map and the dashboard, so a level
// has one colour everywhere and the legends agree. Kept free of the DOM: unit-tested.
import type { Assessment, MaturityLevel } from './platform';

export type HeatMode = 'none' | 'maturity' | 'gap';

/** How one capability is painted: a fill, the text colour that reads on it, and words for it. */
export interface Heat {
  fill: string;
  ink: string;
  /** Short text for legends, tooltips and screen readers: "Level 3", "Gap 2", "Not assessed". */
  label: string;
  /** `level` and `gap` are painted by value; the other two are told apart by pattern too. */
  state: 'level' | 'gap' | 'not_assessed' | 'not_applicable';
}

// A sequential blue-to-green scale (colour-blind safe: it varies in lightness as well as hue),
// one step per maturity level, 0 to 5. Longer scales reuse the last step.
const LEVEL_FILLS = ['#f1eef6', '#c6dbef', '#6baed6', '#1f78b4', '#08589e', '#023858'];
const LEVEL_INKS = ['#1a202c', '#1a202c', '#1a202c', '#ffffff', '#ffffff', '#ffffff'];
// Gap to target: 0 is met (pale green), growing gaps warm up to deep red.
const GAP_FILLS = ['#d9f0d3', '#fee8c8', '#fdbb84', '#fc8d59', '#d7301f', '#7f0000'];
const GAP_INKS = ['#1a202c', '#1a202c', '#1a202c', '#1a202c', '#ffffff', '#ffffff'];

export const NOT_ASSESSED: Heat = { fill: 'transparent', ink: 'inherit', label: 'Not assessed', state: 'not_assessed' };
export const NOT_APPLICABLE: Heat = {
  fill: '#a0aec0',
  ink: '#1a202c',
  label: 'Not applicable',
  state: 'not_applicable',
};

const clampIndex = (n: number, len: number) => Math.max(0, Math.min(len - 1, n));

export function levelHeat(level: number, scale: MaturityLevel[] = []): Heat {
  const i = clampIndex(level, LEVEL_FILLS.length);
  const name = scale.find((m) => m.level === level)?.name;
  return {
    fill: LEVEL_FILLS[i],
    ink: LEVEL_INKS[i],
    label: name ? `Level ${level} · ${name}` : `Level ${level}`,
    state: 'level',
  };
}

export function gapHeat(gap: number): Heat {
  const i = clampIndex(gap, GAP_FILLS.length);
  const label = gap <= 0 ? 'Target met' : `Gap ${gap}`;
  return { fill: GAP_FILLS[i], ink: GAP_INKS[i], label, state: 'gap' };
}

/**
 * The colour of one capability for the mode. A capability with no current level is "not
 * assessed" (not level 0); one marked not applicable says so. In gap mode both levels are
 * needed; without a target the capability reads as not assessed for that purpose.
 */
export function heatOf(a: Assessment | undefined, mode: HeatMode, scale: MaturityLevel[] = []): Heat | null {
  if (mode === 'none') return null;
  if (a?.not_applicable != null) return NOT_APPLICABLE;
  if (!a || a.current === null) return NOT_ASSESSED;
  if (mode === 'maturity') return levelHeat(a.current, scale);
  if (a.target === null) return { ...NOT_ASSESSED, label: 'No target' };
  return gapHeat(Math.max(0, a.target - a.current));
}

/** The legend for a mode: one entry per value, then the two states that are not values. */
export function heatLegend(mode: HeatMode, scale: MaturityLevel[]): Heat[] {
  if (mode === 'none') return [];
  const levels = scale.length ? scale.map((m) => m.level) : [0, 1, 2, 3, 4, 5];
  const values = mode === 'maturity' ? levels.map((l) => levelHeat(l, scale)) : levels.map((l) => gapHeat(l));
  return [...values, NOT_ASSESSED, NOT_APPLICABLE];
}
