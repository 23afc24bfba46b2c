import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import App from './App.svelte';
import { FakePlatform } from './lib/platform/fake';
import { AppError } from './lib/platform';

describe('App', () => {
  it('shows every problem of a pack that failed to load instead of an empty graph', async () => {
    const platform = new FakePlatform();
    platform.frameworkError = new AppError({
      code: null,
      message: 'nodes/a.md:3: unknown kind `capabilty`',
    });
    render(App, { platform });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('nodes/a.md:3: unknown kind');
  });
});
