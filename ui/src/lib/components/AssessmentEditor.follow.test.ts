// The editor follows changes made elsewhere (a bulk edit on the map, a capture while
// presenting) without being remounted, and keeps what the person is typing.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import AssessmentEditor from './AssessmentEditor.svelte';
import { FakePlatform, fakeFramework } from '../platform/fake';
import { OrganisationData } from '../organisation.svelte';

async function setup() {
  const platform = new FakePlatform('acme');
  const [org] = await platform.call('organisations', {});
  const data = new OrganisationData(platform, org);
  return { platform, org, data };
}

/** What the store holds, as the app would read it back. */
const stored = (platform: FakePlatform, org: number) => platform.call('assessments', { org });

const select = (name: string) => screen.getByRole('combobox', { name }) as HTMLSelectElement;

describe('AssessmentEditor following the organisation', () => {
  it('shows a bulk edit made on the map while a note is being typed, and keeps the note', async () => {
    const { platform, org, data } = await setup();
    render(AssessmentEditor, { data, framework: fakeFramework, capability: 'a-one' });
    const notes = (await screen.findByRole('textbox', { name: 'Notes' })) as HTMLTextAreaElement;
    await fireEvent.input(notes, { target: { value: 'Half a thought' } });
    await data.bulkEdit(['a-one', 'b-one'], { field: 'target', value: 1 });
    await waitFor(() => expect(select('Target maturity').value, 'the bulk edit shows at once').toBe('1'));
    expect(notes.value, 'the note being typed is not thrown away').toBe('Half a thought');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Saved'), { timeout: 2000 });
    expect((await stored(platform, org.id))['a-one']).toMatchObject({ target: 1, notes: 'Half a thought' });
  });

  it('writes nothing to the next capability when a save for the last one returns after it was opened', async () => {
    const { platform, org, data } = await setup();
    const real = platform.call.bind(platform);
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    let first = true;
    platform.call = (async (command: string, args: unknown) => {
      if (command === 'save_assessment' && first) {
        first = false;
        await held;
      }
      return real(command as never, args as never);
    }) as typeof platform.call;
    const view = render(AssessmentEditor, { data, framework: fakeFramework, capability: 'a-one' });
    await fireEvent.change(await screen.findByRole('combobox', { name: 'Current maturity' }), {
      target: { value: '1' },
    });
    await view.rerender({ capability: 'b-one' });
    release();
    await waitFor(async () => expect((await stored(platform, org.id))['a-one']?.current).toBe(1));
    await new Promise((r) => setTimeout(r, 50));
    const sentToBeta = platform.calls.filter(
      (c) => c.command === 'save_assessment' && (c.args as { capability: string }).capability === 'b-one',
    );
    expect(sentToBeta, "Alpha one's late answer must not turn into a save of Beta one").toEqual([]);
    expect(select('Current maturity').value, 'Beta one is not assessed').toBe('');
    await fireEvent.change(select('Current maturity'), { target: { value: '1' } });
    await waitFor(async () => expect((await stored(platform, org.id))['b-one']?.current).toBe(1));
  });
});
