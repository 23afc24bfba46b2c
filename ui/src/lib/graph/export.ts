// Saving the graph as a picture: PNG from Cytoscape's own renderer, SVG from the scene in svg.ts.
// The file is named after the pack and written by the platform's `export_file`, which answers
// with where it was saved.

import type { Core } from 'cytoscape';
import type { Platform } from '../platform';
import { sceneOf, toSvg } from './svg';

export type ExportFormat = 'png' | 'svg';

/** The largest PNG side, in pixels: bigger canvases fail to allocate in the webview. */
const MAX_PNG_SIDE = 16000;

/** The page background of the current theme, so the picture looks as the graph did on screen. */
export function graphBackground(dark: boolean): string {
  const fromTheme = getComputedStyle(document.documentElement).getPropertyValue('--bg').trim();
  return fromTheme || (dark ? '#12141a' : '#f7f8fa');
}

/** The graph as file contents: base64 for PNG, text for SVG. */
export function graphPicture(cy: Core, format: ExportFormat, background: string, title: string): string {
  if (format === 'svg') return toSvg(sceneOf(cy, background), title);
  return cy.png({
    output: 'base64',
    full: true,
    scale: 2,
    bg: background,
    maxWidth: MAX_PNG_SIDE,
    maxHeight: MAX_PNG_SIDE,
  }) as unknown as string;
}

/** Exports the whole graph as `<pack>-graph.<format>` and returns where it was saved. */
export async function exportGraph(
  platform: Platform,
  cy: Core,
  format: ExportFormat,
  opts: { pack: string; title: string; dark: boolean },
): Promise<string> {
  const data = graphPicture(cy, format, graphBackground(opts.dark), opts.title);
  return platform.call('export_file', { name: `${opts.pack}-graph.${format}`, data, base64: format === 'png' });
}

/** What the graph says after an export: where the file went, or why there is none. */
export interface ExportOutcome {
  status: string | null;
  problem: string | null;
}

/** Exports the graph as `exportGraph` does, answering in the words the graph shows. */
export async function exportOutcome(
  platform: Platform | null,
  cy: Core,
  format: ExportFormat,
  opts: { pack: string; title: string; dark: boolean },
): Promise<ExportOutcome> {
  if (!platform) return { status: null, problem: 'Export is not available here.' };
  try {
    return { status: `Saved to ${await exportGraph(platform, cy, format, opts)}`, problem: null };
  } catch (e) {
    return { status: null, problem: `The ${format.toUpperCase()} could not be saved: ${(e as Error).message}` };
  }
}
