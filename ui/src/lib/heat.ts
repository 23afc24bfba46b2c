// The heat scale shared by the graph overlay, the capability map and the dashboard, so a level
// has one colour everywhere and the legends agree. Kept free of the DOM: unit-tested.
import type { Assessment, MaturityLevel } from './platform';
import type { Theme } from './theme';

export type HeatMode = 'none' | 'maturity' | 'gap';

/** How one capability is painted: a fill, the text colour that reads on it, and words for it. */
export interface Heat {
  /** The light theme's colour as a hex value, for what cannot read CSS (the graph's canvas, SVG). */
  fill: string;
  ink: string;
  /**
   * The same colour as a CSS value that follows the theme (app.css declares one per theme: in
   * the dark theme the scale runs light with the level, so the highest maturity stands out
   * rather than sinking into the page). Everything drawn with CSS paints with these.
   */
  swatch: string;
  swatchInk: string;
  /** Short text for legends, tooltips and screen readers: "Level 3", "Gap 2", "Not assessed". */
  label: string;
  /** `level` and `gap` are painted by value; the other two are told apart by pattern too. */
  state: 'level' | 'gap' | 'not_assessed' | 'not_applicable';
}

// A sequential blue scale (colour-blind safe: it varies in lightness as well as hue), one step
// per maturity level, 0 to 5; longer scales reuse the last step. Every step, in both themes, is
// at least 3:1 against the page and the cards, so a card of any level is seen as painted, and
// its ink is 4.5:1 on it (theme.contrast.test.ts checks app.css, and that these agree with it).
export const LEVEL_FILLS = ['#418fc8', '#2c73b1', '#215d9a', '#174881', '#10376f', '#0a2758'];
const LEVEL_INKS = ['#1a202c', '#ffffff', '#ffffff', '#ffffff', '#ffffff', '#ffffff'];
// Gap to target: 0 is met (green), growing gaps warm up to deep red.
export const GAP_FILLS = ['#579849', '#c27810', '#b45714', '#a43b17', '#901f15', '#6e0606'];
const GAP_INKS = ['#1a202c', '#1a202c', '#ffffff', '#ffffff', '#ffffff', '#ffffff'];
const NA_FILL = '#7e8a9a';

// The dark theme's scale, for the graph's canvas: lighter with the level, as in app.css.
export const DARK_LEVEL_FILLS = ['#4375b0', '#5890c7', '#6da7db', '#8abfe6', '#aad4f0', '#cee8f8'];
const DARK_LEVEL_INKS = ['#ffffff', '#1a202c', '#1a202c', '#1a202c', '#1a202c', '#1a202c'];
export const DARK_GAP_FILLS = ['#3e823e', '#b88214', '#ec8219', '#ff6b57', '#ff4d6d', '#ff8fb8'];
const DARK_GAP_INKS = ['#ffffff', '#1a202c', '#1a202c', '#1a202c', '#1a202c', '#1a202c'];
const DARK_NA_FILL = '#8c96a4';

const PALETTES = {
  light: { level: LEVEL_FILLS, levelInk: LEVEL_INKS, gap: GAP_FILLS, gapInk: GAP_INKS, na: NA_FILL },
  dark: {
    level: DARK_LEVEL_FILLS,
    levelInk: DARK_LEVEL_INKS,
    gap: DARK_GAP_FILLS,
    gapInk: DARK_GAP_INKS,
    na: DARK_NA_FILL,
  },
};

export const NOT_ASSESSED: Heat = {
  fill: 'transparent',
  ink: 'inherit',
  swatch: 'transparent',
  swatchInk: 'inherit',
  label: 'Not assessed',
  state: 'not_assessed',
};
export const NOT_APPLICABLE: Heat = notApplicable('light');

function notApplicable(theme: Theme): Heat {
  return {
    fill: PALETTES[theme].na,
    ink: '#1a202c',
    swatch: 'var(--heat-na)',
    swatchInk: 'var(--heat-na-ink)',
    label: 'Not applicable',
    state: 'not_applicable',
  };
}

const clampIndex = (n: number, len: number) => Math.max(0, Math.min(len - 1, n));

export function levelHeat(level: number, scale: MaturityLevel[] = [], theme: Theme = 'light'): Heat {
  const i = clampIndex(level, LEVEL_FILLS.length);
  const p = PALETTES[theme];
  const name = scale.find((m) => m.level === level)?.name;
  return {
    fill: p.level[i],
    ink: p.levelInk[i],
    swatch: `var(--heat-level-${i})`,
    swatchInk: `var(--heat-level-ink-${i})`,
    label: name ? `Level ${level} · ${name}` : `Level ${level}`,
    state: 'level',
  };
}

export function gapHeat(gap: number, theme: Theme = 'light'): Heat {
  const i = clampIndex(gap, GAP_FILLS.length);
  const p = PALETTES[theme];
  const label = gap <= 0 ? 'Target met' : `Gap ${gap}`;
  return {
    fill: p.gap[i],
    ink: p.gapInk[i],
    swatch: `var(--heat-gap-${i})`,
    swatchInk: `var(--heat-gap-ink-${i})`,
    label,
    state: 'gap',
  };
}

/**
 * The colour of one capability for the mode. A capability with no current level is "not
 * assessed" (not level 0); one marked not applicable says so. In gap mode both levels are
 * needed; without a target the capability reads as not assessed for that purpose. `theme`
 * picks the hex `fill` (what CSS cannot paint); `swatch` follows the theme by itself.
 */
export function heatOf(
  a: Assessment | undefined,
  mode: HeatMode,
  scale: MaturityLevel[] = [],
  theme: Theme = 'light',
): Heat | null {
  if (mode === 'none') return null;
  if (a?.not_applicable != null) return notApplicable(theme);
  if (!a || a.current === null) return NOT_ASSESSED;
  if (mode === 'maturity') return levelHeat(a.current, scale, theme);
  if (a.target === null) return { ...NOT_ASSESSED, label: 'No target' };
  return gapHeat(Math.max(0, a.target - a.current), theme);
}

/** The legend for a mode: one entry per value, then the two states that are not values. */
export function heatLegend(mode: HeatMode, scale: MaturityLevel[]): Heat[] {
  if (mode === 'none') return [];
  const levels = scale.length ? scale.map((m) => m.level) : [0, 1, 2, 3, 4, 5];
  const values = mode === 'maturity' ? levels.map((l) => levelHeat(l, scale)) : levels.map((l) => gapHeat(l));
  return [...values, NOT_ASSESSED, NOT_APPLICABLE];
}
