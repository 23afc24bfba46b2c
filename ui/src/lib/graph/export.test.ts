import { describe, expect, it, vi } from 'vitest';
import cytoscape from 'cytoscape';
import type { Platform } from '../platform';
import { graphStyle } from './elements';
import { exportGraph, exportOutcome, graphBackground } from './export';

function graph() {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    style: graphStyle(false),
    elements: [
      {
        group: 'nodes',
        data: { id: 'a', label: 'Alpha & co', kind: 'capability', shape: 'ellipse', color: '#3366aa' },
        position: { x: 0, y: 0 },
      },
      {
        group: 'nodes',
        data: { id: 'b', label: 'Beta', kind: 'capability', shape: 'ellipse', color: '#3366aa' },
        position: { x: 100, y: 0 },
      },
      { group: 'edges', data: { id: 'a-b', source: 'a', target: 'b', kind: 'depends_on' } },
    ],
  });
}

function platform() {
  const call = vi.fn(async (_command: string, args: { name: string }) => `/exports/${args.name}`);
  return { call, platform: { call } as unknown as Platform };
}

describe('exportGraph', () => {
  it('saves an SVG named after the pack, with the labels escaped, and answers where', async () => {
    const p = platform();
    const path = await exportGraph(p.platform, graph(), 'svg', { pack: 'mini', title: 'Mini graph', dark: false });
    expect(path).toBe('/exports/mini-graph.svg');
    const [command, args] = p.call.mock.calls[0] as unknown as [
      string,
      { name: string; data: string; base64: boolean },
    ];
    expect(command).toBe('export_file');
    expect(args.base64, 'SVG is text and must not be decoded as base64').toBe(false);
    expect(args.data).toMatch(/^<svg /);
    expect(args.data).toContain('Alpha &amp; co');
  });

  it('saves a PNG as base64 data, without a data: URL prefix', async () => {
    const p = platform();
    const cy = graph();
    const png = vi.spyOn(cy, 'png').mockReturnValue('iVBORw0KGgo=' as never);
    await exportGraph(p.platform, cy, 'png', { pack: 'mini', title: 'Mini graph', dark: true });
    expect(png).toHaveBeenCalledWith(expect.objectContaining({ output: 'base64', full: true }));
    expect(p.call).toHaveBeenCalledWith('export_file', { name: 'mini-graph.png', data: 'iVBORw0KGgo=', base64: true });
  });
});

describe('exportOutcome', () => {
  const opts = { pack: 'mini', title: 'Mini graph', dark: false };

  it('says where the file went, or why there is none', async () => {
    expect(await exportOutcome(platform().platform, graph(), 'svg', opts)).toEqual({
      status: 'Saved to /exports/mini-graph.svg',
      problem: null,
    });
    expect(await exportOutcome(null, graph(), 'svg', opts)).toEqual({
      status: null,
      problem: 'Export is not available here.',
    });
    const full = { call: async () => Promise.reject(new Error('the disk is full')) } as unknown as Platform;
    expect((await exportOutcome(full, graph(), 'svg', opts)).problem).toBe(
      'The SVG could not be saved: the disk is full',
    );
  });
});

describe('graphBackground', () => {
  it('takes the theme background, else the default of the light or dark theme', () => {
    expect(graphBackground(true)).toBe('#12141a');
    document.documentElement.style.setProperty('--bg', '#abcdef');
    expect(graphBackground(true)).toBe('#abcdef');
    document.documentElement.style.removeProperty('--bg');
  });
});
