// Links inside rendered markdown never navigate. Node bodies, notes and talking points come
// from packs, imported organisations and imported tours, and the sanitiser keeps their links;
// the app is offline, so a followed link could only take a window away from the app (the
// shell refuses that too, but a click should not even try). `node:ID` links open the node
// where the component says; any other link is inert and shows its address as a tooltip.
import type { ActionReturn } from 'svelte/action';

export type LinkOptions = {
  /** Opens a node from a `node:ID` link; without it, node links are inert too. */
  onnode?: (id: string) => void;
};

const NODE = 'node:';

function anchorIn(root: HTMLElement, target: EventTarget | null): HTMLAnchorElement | null {
  if (!(target instanceof Element)) return null;
  const anchor = target.closest('a');
  return anchor && root.contains(anchor) ? anchor : null;
}

/** `use:inertLinks={{ onnode }}` on every element that inserts rendered HTML. */
export function inertLinks(root: HTMLElement, options: LinkOptions = {}): ActionReturn<LinkOptions> {
  let current = options;
  const click = (event: MouseEvent) => {
    const anchor = anchorIn(root, event.target);
    if (!anchor) return;
    event.preventDefault();
    const href = anchor.getAttribute('href') ?? '';
    if (event.type === 'click' && href.startsWith(NODE)) current.onnode?.(href.slice(NODE.length));
  };
  // A middle click asks for a new window, and a dragged link dropped on a window opens it.
  const refuse = (event: Event) => {
    if (anchorIn(root, event.target)) event.preventDefault();
  };
  // The address is shown where a person points at the link, so a link is not a mystery.
  const explain = (event: Event) => {
    const anchor = anchorIn(root, event.target);
    const href = anchor?.getAttribute('href');
    if (anchor && href && !href.startsWith(NODE) && !anchor.title) anchor.title = href;
  };
  const listeners: [string, EventListener][] = [
    ['click', click as EventListener],
    ['auxclick', click as EventListener],
    ['dragstart', refuse],
    ['mouseover', explain],
    ['focusin', explain],
  ];
  for (const [type, listener] of listeners) root.addEventListener(type, listener);
  return {
    update(next: LinkOptions = {}) {
      current = next;
    },
    destroy() {
      for (const [type, listener] of listeners) root.removeEventListener(type, listener);
    },
  };
}

/** Why `url` cannot be an evidence link, or null: the core's rule (http(s), a host, no spaces). */
export function urlProblem(url: string): string | null {
  const m = /^https?:\/\/([^/?#]*)/.exec(url);
  if (!m) return `\`${url}\` must start with https:// or http://`;
  if (m[1] === '' || /[\s\p{Cc}]/u.test(url)) return `\`${url}\` is not a valid web address`;
  return null;
}
