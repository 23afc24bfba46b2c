// Parses the theme tokens out of app.css and checks WCAG AA contrast for every text colour on
// every background, in both themes, so a colour change that hurts legibility fails here.
import { describe, expect, it } from 'vitest';
import { DARK_GAP_FILLS, DARK_LEVEL_FILLS, GAP_FILLS, LEVEL_FILLS, NOT_APPLICABLE, heatOf } from './heat';
// Read from disk: Vitest blanks CSS imports, even `?raw` ones.
type Fs = { readFileSync(path: string, encoding: 'utf8'): string };
const node = (globalThis as unknown as { process: { getBuiltinModule(id: string): unknown } }).process;
const css = (node.getBuiltinModule('node:fs') as Fs).readFileSync(
  expect.getState().testPath!.replace(/lib\/[^/]+$/, 'app.css'),
  'utf8',
);

type Tokens = Record<string, string>;

/** The custom properties of the first rule (after `within`, if given) that lists `selector`. */
function tokens(source: string, selector: string, within?: string): Tokens {
  let text = source.replace(/\/\*[\s\S]*?\*\//g, '');
  if (within) {
    const at = text.indexOf(within);
    expect(at, `${within} is in app.css`).toBeGreaterThanOrEqual(0);
    text = text.slice(at + within.length);
  }
  for (const [, selectors, body] of text.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (!selectors.split(',').some((s) => s.trim() === selector)) continue;
    const out: Tokens = {};
    for (const [, name, value] of body.matchAll(/--([\w-]+)\s*:\s*([^;]+);/g)) out[name] = value.trim();
    return out;
  }
  throw new Error(`app.css has no rule for ${selector}`);
}

function luminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`${hex} is not a #rrggbb colour`);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(m[1].slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

const light = tokens(css, ":root[data-theme='light']");
const dark = tokens(css, ":root[data-theme='dark']");
const darkMedia = tokens(css, ':root', '@media (prefers-color-scheme: dark)');

const TEXT = ['text', 'muted', 'link', 'accent', 'up', 'down', 'danger'];
const BACKGROUNDS = ['bg', 'surface', 'surface-2', 'selected-bg'];
// What heat is painted on: the page, cards and panels, and the map's columns.
const HEAT_GROUNDS = ['bg', 'surface', 'surface-2'];

describe('theme tokens', () => {
  it('computes contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
  });

  it('keeps the system-dark default identical to the explicit dark theme', () => {
    expect(darkMedia).toEqual(dark);
  });

  it('declares the same tokens in both themes', () => {
    expect(Object.keys(dark).sort()).toEqual(Object.keys(light).sort());
  });

  for (const [name, theme] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    for (const fg of TEXT) {
      for (const bg of BACKGROUNDS) {
        it(`${name}: --${fg} on --${bg} meets AA (4.5:1)`, () => {
          expect(theme[fg], `--${fg}`).toBeDefined();
          expect(theme[bg], `--${bg}`).toBeDefined();
          expect(contrast(theme[fg], theme[bg])).toBeGreaterThanOrEqual(4.5);
        });
      }
    }
    // Heat is a graphic (WCAG 1.4.11): every colour of the scale must stand out from the page
    // and the cards by 3:1, so no level (in the dark theme, the highest ones were) reads as
    // unpainted; the words on it are text, 4.5:1.
    for (const scale of ['level', 'gap'] as const) {
      for (let i = 0; i <= 5; i++) {
        const fill = `heat-${scale}-${i}`;
        it(`${name}: --${fill} stands out from every ground it is painted on (3:1), its ink reads on it (4.5:1)`, () => {
          expect(theme[fill], `--${fill}`).toBeDefined();
          for (const bg of HEAT_GROUNDS) {
            expect(contrast(theme[fill], theme[bg]), `--${fill} on --${bg}`).toBeGreaterThanOrEqual(3);
          }
          expect(contrast(theme[`heat-${scale}-ink-${i}`], theme[fill]), `ink on --${fill}`).toBeGreaterThanOrEqual(
            4.5,
          );
        });
      }
    }
    it(`${name}: not applicable stands out from every ground it is painted on (3:1)`, () => {
      for (const bg of HEAT_GROUNDS) expect(contrast(theme['heat-na'], theme[bg])).toBeGreaterThanOrEqual(3);
      expect(contrast(theme['heat-na-ink'], theme['heat-na'])).toBeGreaterThanOrEqual(4.5);
    });
    it(`${name}: the focus ring stands out from every background (3:1)`, () => {
      for (const bg of BACKGROUNDS) expect(contrast(theme.focus, theme[bg])).toBeGreaterThanOrEqual(3);
    });
  }
});

describe('heat scale', () => {
  it('paints the graph, which cannot read CSS, in the light theme colours app.css declares', () => {
    expect(LEVEL_FILLS).toEqual([0, 1, 2, 3, 4, 5].map((i) => light[`heat-level-${i}`]));
    expect(GAP_FILLS).toEqual([0, 1, 2, 3, 4, 5].map((i) => light[`heat-gap-${i}`]));
    expect(NOT_APPLICABLE.fill).toBe(light['heat-na']);
  });

  it('paints the graph in the dark theme colours app.css declares, when the theme is dark', () => {
    expect(DARK_LEVEL_FILLS).toEqual([0, 1, 2, 3, 4, 5].map((i) => dark[`heat-level-${i}`]));
    expect(DARK_GAP_FILLS).toEqual([0, 1, 2, 3, 4, 5].map((i) => dark[`heat-gap-${i}`]));
    const na = { not_applicable: 'no' } as Parameters<typeof heatOf>[0];
    expect(heatOf(na, 'maturity', [], 'dark')?.fill).toBe(dark['heat-na']);
  });

  it('runs light with the level in the dark theme, so the highest maturity is the most visible', () => {
    const onPage = [0, 1, 2, 3, 4, 5].map((i) => contrast(dark[`heat-level-${i}`], dark.bg));
    expect(
      onPage.every((c, i) => i === 0 || c > onPage[i - 1]),
      `level contrast on the dark page: ${onPage.map((c) => c.toFixed(1))}`,
    ).toBe(true);
  });
});
