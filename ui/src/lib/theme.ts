// The colour theme: the user's choice (system, light or dark) is kept in localStorage, so the
// first paint has it, and saved with the preferences (`preferences.svelte.ts`), which win once
// read; it is applied as `data-theme` on <html>, which app.css lets win over the system's preference.
// "System" follows prefers-color-scheme live. The graph cannot read CSS variables as they
// change, so it subscribes here to restyle.

export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export const THEME_KEY = 'atlas.theme';
const CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
const DARK_QUERY = '(prefers-color-scheme: dark)';

type Listener = (theme: Theme) => void;
const listeners = new Set<Listener>();
let choice: ThemeChoice | null = null;
let applied: Theme | null = null;
let media: MediaQueryList | null = null;

function isChoice(value: unknown): value is ThemeChoice {
  return CHOICES.includes(value as ThemeChoice);
}

/** The stored choice; 'system' when none is stored or storage is unavailable. */
export function themeChoice(): ThemeChoice {
  if (choice) return choice;
  try {
    const stored = localStorage.getItem(THEME_KEY);
    return isChoice(stored) ? stored : 'system';
  } catch {
    return 'system';
  }
}

function systemTheme(): Theme {
  const query = media ?? (typeof window !== 'undefined' ? window.matchMedia?.(DARK_QUERY) : undefined);
  return query?.matches ? 'dark' : 'light';
}

/** The theme in effect now, with 'system' resolved. */
export function currentTheme(): Theme {
  const c = themeChoice();
  return c === 'system' ? systemTheme() : c;
}

function apply() {
  const theme = currentTheme();
  document.documentElement.dataset.theme = theme;
  if (theme === applied) return;
  applied = theme;
  for (const listener of [...listeners]) listener(theme);
}

function onSystemChange() {
  if (themeChoice() === 'system') apply();
}

/**
 * Applies the stored choice and starts following the system preference. Safe to call more than
 * once; call it before mounting the app so the first paint already has the right colours.
 */
export function initTheme(): void {
  choice = themeChoice();
  if (!media && typeof window !== 'undefined' && window.matchMedia) {
    media = window.matchMedia(DARK_QUERY);
    media.addEventListener?.('change', onSystemChange);
  }
  apply();
}

type ChoiceListener = (choice: ThemeChoice) => void;
const choosers = new Set<ChoiceListener>();

/**
 * Calls `listener` with every choice a person makes (not the ones applied from saved
 * preferences), so it can be saved where it outlasts this webview's storage; returns the
 * function that stops it.
 */
export function onThemeChosen(listener: ChoiceListener): () => void {
  choosers.add(listener);
  return () => choosers.delete(listener);
}

const watchers = new Set<ChoiceListener>();

/** Calls `listener` with every new choice, whoever made it (the header's switch follows). */
export function watchThemeChoice(listener: ChoiceListener): () => void {
  watchers.add(listener);
  return () => watchers.delete(listener);
}

/** Records and applies a choice; `chosen` is false when it comes from saved preferences. */
export function setThemeChoice(next: ThemeChoice, chosen = true): void {
  if (!isChoice(next)) return;
  if (chosen) for (const listener of [...choosers]) listener(next);
  for (const watcher of [...watchers]) watcher(next);
  if (!media) initTheme();
  choice = next;
  try {
    localStorage.setItem(THEME_KEY, next);
  } catch {
    // Storage can be unavailable (private mode); the choice still holds for this session.
  }
  apply();
}

/**
 * Calls `listener` with the resolved theme now and whenever it changes; returns the function
 * that stops it. Follows the Svelte store contract, so `themeStore` works with `$`.
 */
export function subscribeTheme(listener: Listener): () => void {
  listeners.add(listener);
  listener(currentTheme());
  return () => listeners.delete(listener);
}

export const themeStore = { subscribe: subscribeTheme };

/** Forgets module state between tests. */
export function resetThemeForTests(): void {
  media?.removeEventListener?.('change', onSystemChange);
  media = null;
  choice = null;
  applied = null;
  listeners.clear();
  choosers.clear();
  watchers.clear();
}
