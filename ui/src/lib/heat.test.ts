import { describe, expect, it } from 'vitest';
import { gapHeat, heatLegend, heatOf, levelHeat, NOT_APPLICABLE, NOT_ASSESSED } from './heat';
import { emptyAssessment } from './platform';

const scale = [0, 1, 2, 3, 4, 5].map((level) => ({ level, name: `L${level}`, definition: '' }));

function luminance(hex: string) {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

describe('the heat scale', () => {
  it('tells not assessed and not applicable apart from level 0', () => {
    expect(heatOf(undefined, 'maturity', scale)).toEqual(NOT_ASSESSED);
    expect(heatOf({ ...emptyAssessment(), current: 0 }, 'maturity', scale)?.label).toBe('Level 0 · L0');
    expect(heatOf({ ...emptyAssessment(), current: 0, not_applicable: 'n/a' }, 'maturity', scale)).toEqual(
      NOT_APPLICABLE,
    );
  });

  it('colours the gap to target, and needs both levels for it', () => {
    expect(heatOf({ ...emptyAssessment(), current: 1, target: 4 }, 'gap', scale)?.label).toBe('Gap 3');
    expect(heatOf({ ...emptyAssessment(), current: 4, target: 3 }, 'gap', scale)?.label).toBe('Target met');
    expect(heatOf({ ...emptyAssessment(), current: 1 }, 'gap', scale)?.label).toBe('No target');
    expect(heatOf({ ...emptyAssessment(), current: 1 }, 'none', scale)).toBeNull();
  });

  it('keeps card text readable (WCAG AA, 4.5:1) on every colour', () => {
    for (const h of [
      ...scale.map((m) => levelHeat(m.level, scale)),
      ...[0, 1, 2, 3, 4, 5].map((g) => gapHeat(g)),
      NOT_APPLICABLE,
    ]) {
      expect(contrast(h.fill, h.ink), `${h.label}: ${h.ink} on ${h.fill}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('lists every value and both non-values in the legend', () => {
    const legend = heatLegend('maturity', scale);
    expect(legend.map((h) => h.state)).toEqual([...scale.map(() => 'level'), 'not_assessed', 'not_applicable']);
    expect(heatLegend('none', scale)).toEqual([]);
  });
});
