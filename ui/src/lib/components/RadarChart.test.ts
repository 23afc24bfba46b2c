import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import RadarChart from './RadarChart.svelte';
import type { PerspectiveScore } from '../platform';
import { resetThemeForTests, setThemeChoice } from '../theme';

// jsdom has no canvas: a stand-in Chart records what the component gives it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the stub stands in for Chart.js's untyped config
type Stub = { data: any; options: any; update: () => void; destroy: () => void };
const charts = vi.hoisted(() => [] as Stub[]);
vi.mock('chart.js', async () => {
  const { vi } = await import('vitest');
  class Chart {
    static register = vi.fn();
    data: unknown;
    options: unknown;
    update = vi.fn();
    destroy = vi.fn();
    constructor(
      public canvas: unknown,
      public config: { data: unknown; options: unknown },
    ) {
      this.data = config.data;
      this.options = config.options;
      charts.push(this as never);
    }
  }
  return {
    Chart,
    RadarController: {},
    RadialLinearScale: {},
    PointElement: {},
    LineElement: {},
    Filler: {},
    Tooltip: {},
    Legend: {},
  };
});

const score = (id: string, title: string, current: number | null, target: number | null): PerspectiveScore => ({
  id,
  title,
  capabilities: 3,
  assessed: current === null ? 0 : 2,
  not_applicable: 0,
  current,
  target,
});

describe('RadarChart', () => {
  it('lists the same numbers in a table, one decimal or a dash, and summarises them for screen readers', () => {
    charts.length = 0;
    render(RadarChart, { scores: [score('a', 'Business', 1.25, 3), score('b', 'People', null, 2.5)], max: 5 });
    const table = screen.getByRole('table', { name: 'Current and target by perspective' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Business', '1.3', '3.0', '2/3'],
      ['People', '—', '2.5', '0/3'],
    ]);
    const img = screen.getByRole('img');
    expect(img.getAttribute('aria-label')).toContain('Business current 1.3, target 3.0');
    expect(img.getAttribute('aria-label')).toContain('0 to 5');
    expect(charts).toHaveLength(1);
    expect(charts[0].data.labels).toEqual(['Business', 'People (not assessed)']);
    expect(charts[0].data.datasets.map((d: { data: unknown }) => d.data)).toEqual([
      [1.25, null],
      [3, 2.5],
    ]);
    expect(charts[0].options.scales.r).toMatchObject({ min: 0, max: 5 });
  });

  it('drew an unassessed perspective at level 0 while the table said "—"', () => {
    charts.length = 0;
    render(RadarChart, { scores: [score('a', 'Business', 2, 3), score('b', 'People', null, 2)], max: 5 });
    expect(charts[0].options.spanGaps, 'no line is drawn across the missing value').toBe(false);
    expect(charts[0].data.datasets[0].data, 'the missing mean stays missing, never 0').toEqual([2, null]);
    expect(charts[0].data.labels[1], 'its axis says so').toBe('People (not assessed)');
    expect(screen.getByText(/Not assessed: People\. The radar leaves a gap there/)).toBeTruthy();
  });

  it('adds no note when every perspective is assessed', () => {
    render(RadarChart, { scores: [score('a', 'Business', 2, 3)], max: 5 });
    expect(screen.queryByText(/Not assessed:/)).toBeNull();
  });

  it('updates the chart in place when the data changes and destroys it on unmount', async () => {
    charts.length = 0;
    const view = render(RadarChart, { scores: [score('a', 'Business', 1, 2)], max: 3 });
    expect(charts[0].update).not.toHaveBeenCalled();
    await view.rerender({ scores: [score('a', 'Business', 2, 3)], max: 3 });
    expect(charts).toHaveLength(1);
    expect(charts[0].update).toHaveBeenCalledTimes(1);
    expect(charts[0].data.datasets[0].data).toEqual([2]);
    expect(screen.getByRole('row', { name: /Business/ }).textContent).toContain('2.0');
    view.unmount();
    expect(charts[0].destroy).toHaveBeenCalledTimes(1);
  });

  it('recolours from the CSS variables when the theme changes', async () => {
    charts.length = 0;
    resetThemeForTests();
    setThemeChoice('light');
    render(RadarChart, { scores: [score('a', 'Business', 1, 2)], max: 3 });
    document.documentElement.style.setProperty('--link', '#123456');
    try {
      setThemeChoice('dark');
      expect(charts[0].update).toHaveBeenCalledTimes(1);
      expect(charts[0].data.datasets[0].borderColor).toBe('#123456');
    } finally {
      document.documentElement.style.removeProperty('--link');
      resetThemeForTests();
      localStorage.clear();
    }
  });

  it('turns animation off when reduced motion is asked for', () => {
    charts.length = 0;
    const original = window.matchMedia;
    window.matchMedia = ((q: string) => ({
      matches: q.includes('reduced-motion'),
      addEventListener() {},
      removeEventListener() {},
    })) as never;
    try {
      render(RadarChart, { scores: [score('a', 'Business', 1, 2)], max: 3 });
      expect(charts[0].options.animation).toBe(false);
    } finally {
      window.matchMedia = original;
    }
  });
});
