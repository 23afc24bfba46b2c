/// <reference types="vite/client" />
// The platform seam holds: only src/lib/platform/ may import @tauri-apps, so every other
// module runs in unit tests against the fake platform.
import { describe, expect, it } from 'vitest';

const sources = import.meta.glob<string>('/src/**/*.{ts,svelte}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('the platform seam', () => {
  it('is the only place that imports @tauri-apps', () => {
    const offenders = Object.entries(sources)
      .filter(([path]) => !path.startsWith('/src/lib/platform/'))
      .filter(([, text]) => /from\s+['"]@tauri-apps\//.test(text))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });

  it('reads the real sources, including the real platform', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(10);
    expect(sources['/src/lib/platform/tauri.ts']).toMatch(/@tauri-apps\/api\/core/);
  });
});
