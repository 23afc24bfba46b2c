import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import Reader from './Reader.svelte';
import { FakePlatform, fakeFramework } from '../platform/fake';

describe('Reader', () => {
  it('shows the title, tagline and rendered body of the node', async () => {
    const node = await new FakePlatform().call('node', { id: 'a-one' });
    render(Reader, { node, framework: fakeFramework, onopen: () => {} });
    expect(screen.getByRole('heading', { level: 2, name: 'Alpha one' })).toBeTruthy();
    expect(screen.getByText('Does one thing.')).toBeTruthy();
    expect(screen.getByText('The body of Alpha one.')).toBeTruthy();
    expect(screen.getByText('New')).toBeTruthy();
  });

  it('lists outgoing references and backlinks as buttons that open the node', async () => {
    const node = await new FakePlatform().call('node', { id: 'b-one' });
    const onopen = vi.fn();
    render(Reader, { node, framework: fakeFramework, onopen });
    const backlinks = screen.getByRole('region', { name: 'Linked from' });
    expect(backlinks.textContent).toContain('refers to this');
    await fireEvent.click(screen.getByRole('button', { name: 'Alpha one' }));
    expect(onopen).toHaveBeenCalledWith('a-one');
  });
});
