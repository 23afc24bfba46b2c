import { hyphenateSync } from 'hyphen/en';

const SHY = '\u00AD';

/**
 * The text with soft hyphens at the syllable breaks of its long words (Liang's patterns, as TeX
 * uses). The browser shows a hyphen only where it breaks a line there.
 */
export function softHyphens(text: string): string {
  return hyphenateSync(text, { minWordLength: 8 });
}

/**
 * The text with soft hyphens only inside the words that `fits` says cannot stand on a line of
 * their own. A browser breaks at every soft hyphen it is offered ("Data cura-tion" though
 * "curation" fits the next line), so only a word that would otherwise run past the edge gets them.
 */
export function hyphenateOverwide(text: string, fits: (word: string) => boolean): string {
  return text
    .split(/(\s+)/)
    .map((part) => (/^\s*$/.test(part) || fits(part) ? part : softHyphens(part)))
    .join('');
}

/**
 * Svelte action: fills `node` with `title`, hyphenating only the words too wide for the width of
 * its parent in the parent's font, and again whenever that width changes (a projector resized).
 */
export function fitWords(node: HTMLElement, title: string) {
  const box = node.parentElement ?? node;
  const context = document.createElement('canvas').getContext?.('2d') ?? null;
  const apply = () => {
    if (!context) {
      node.textContent = title;
      return;
    }
    const style = getComputedStyle(box);
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const width = box.clientWidth;
    node.textContent = hyphenateOverwide(title, (word) => context.measureText(word).width <= width);
  };
  const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(apply);
  resized?.observe(box);
  apply();
  return {
    update(next: string) {
      title = next;
      apply();
    },
    destroy() {
      resized?.disconnect();
    },
  };
}

export { SHY };
