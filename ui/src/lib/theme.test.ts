import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import {
  THEME_KEY,
  currentTheme,
  initTheme,
  onThemeChosen,
  resetThemeForTests,
  setThemeChoice,
  subscribeTheme,
  themeChoice,
} from './theme';
import ThemeSwitch from './components/ThemeSwitch.svelte';

// jsdom has no matchMedia: a controllable stand-in for the system preference.
function fakeSystem(dark: boolean) {
  const handlers = new Set<(e: MediaQueryListEvent) => void>();
  const mql = {
    matches: dark,
    media: '(prefers-color-scheme: dark)',
    addEventListener: (_: string, h: (e: MediaQueryListEvent) => void) => handlers.add(h),
    removeEventListener: (_: string, h: (e: MediaQueryListEvent) => void) => handlers.delete(h),
  };
  window.matchMedia = vi.fn(() => mql as unknown as MediaQueryList);
  return {
    set(next: boolean) {
      mql.matches = next;
      for (const h of handlers) h({ matches: next } as MediaQueryListEvent);
    },
  };
}

describe('theme', () => {
  beforeEach(() => {
    localStorage.clear();
    resetThemeForTests();
    delete document.documentElement.dataset.theme;
  });
  afterEach(() => resetThemeForTests());

  it('follows the system by default, live', () => {
    const system = fakeSystem(true);
    initTheme();
    expect(themeChoice()).toBe('system');
    expect(document.documentElement.dataset.theme).toBe('dark');
    system.set(false);
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(currentTheme()).toBe('light');
  });

  it('keeps an explicit choice in localStorage and ignores the system while it holds', () => {
    const system = fakeSystem(false);
    initTheme();
    setThemeChoice('dark');
    expect(localStorage.getItem(THEME_KEY)).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    system.set(false);
    expect(document.documentElement.dataset.theme).toBe('dark');
    // A later start reads the stored choice.
    resetThemeForTests();
    delete document.documentElement.dataset.theme;
    initTheme();
    expect(themeChoice()).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('ignores a stored value that is not a choice', () => {
    fakeSystem(false);
    localStorage.setItem(THEME_KEY, 'purple');
    initTheme();
    expect(themeChoice()).toBe('system');
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('tells subscribers the resolved theme now and on each change, until they stop', () => {
    const system = fakeSystem(false);
    initTheme();
    const seen: string[] = [];
    const stop = subscribeTheme((t) => seen.push(t));
    system.set(true);
    setThemeChoice('dark'); // already dark: no repeat
    setThemeChoice('light');
    stop();
    setThemeChoice('dark');
    expect(seen).toEqual(['light', 'dark', 'light']);
  });
});

describe('ThemeSwitch', () => {
  beforeEach(() => {
    localStorage.clear();
    resetThemeForTests();
    fakeSystem(false);
  });

  it('is a select labelled "Theme" showing the stored choice, and applies a new one', async () => {
    localStorage.setItem(THEME_KEY, 'light');
    render(ThemeSwitch);
    const select = screen.getByRole('combobox', { name: 'Theme' }) as HTMLSelectElement;
    expect(select.value).toBe('light');
    expect([...select.options].map((o) => o.text)).toEqual(['System', 'Light', 'Dark']);
    await fireEvent.change(select, { target: { value: 'dark' } });
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem(THEME_KEY)).toBe('dark');
  });

  it('follows a choice made elsewhere (Preferences), and tells the saver only of choices made here', async () => {
    render(ThemeSwitch);
    const select = screen.getByRole('combobox', { name: 'Theme' }) as HTMLSelectElement;
    const saved: string[] = [];
    onThemeChosen((c) => saved.push(c));
    setThemeChoice('dark', false);
    await tick();
    expect(select.value, 'the header must not show a theme other than the one applied').toBe('dark');
    expect(saved, 'a theme read from the preferences is not saved back').toEqual([]);
    await fireEvent.change(select, { target: { value: 'light' } });
    expect(saved, 'a theme picked in the header is saved with the preferences').toEqual(['light']);
  });
});
