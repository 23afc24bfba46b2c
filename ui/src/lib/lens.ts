// The stakeholder lens as every view applies it: the role, its title and the nodes it keeps
// (its perspectives, the capabilities it concerns directly and through them, and the role
// itself). The lens picker and a saved view putting its lens back both build it here.
import type { FrameworkView, Lens, Platform } from './platform';

export type ActiveLens = { stakeholder: string; title: string; ids: Set<string> };

/** The lens of `stakeholder` from the core's answer `found`. */
export function activeLens(framework: FrameworkView | null, stakeholder: string, found: Lens): ActiveLens {
  const title = framework?.nodes.find((n) => n.id === stakeholder)?.title ?? stakeholder;
  return {
    stakeholder,
    title,
    ids: new Set([...found.perspectives, ...found.direct, ...found.via_perspective, stakeholder]),
  };
}

/** Asks the core for `stakeholder`'s lens. */
export async function fetchActiveLens(
  platform: Platform,
  framework: FrameworkView | null,
  stakeholder: string,
): Promise<ActiveLens> {
  return activeLens(framework, stakeholder, await platform.call('lens', { stakeholder }));
}
