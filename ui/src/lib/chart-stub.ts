// Chart.js without a canvas, for tests that mount the dashboard in jsdom (which has none):
// `vi.mock('chart.js', () => import('./lib/chart-stub'))`. The radar itself is drawn and
// checked in RadarChart.test.ts, which records its charts with a stub of its own.
import { vi } from 'vitest';

export class Chart {
  static register = vi.fn();
  update = vi.fn();
  destroy = vi.fn();
}

export const RadarController = {};
export const RadialLinearScale = {};
export const PointElement = {};
export const LineElement = {};
export const Filler = {};
export const Tooltip = {};
export const Legend = {};
