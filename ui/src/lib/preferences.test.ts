import { describe, expect, it } from 'vitest';
import { FakePlatform } from './platform/fake';
import type { Args, Command, Result } from './platform';
import { PreferencesData } from './preferences.svelte';

describe('PreferencesData', () => {
  it('shows the folder just chosen even when the folder asked for earlier is answered after it', async () => {
    const platform = new FakePlatform();
    const prefs = new PreferencesData(platform);
    // The first read of the export folder is answered late, with the folder as it was then.
    let release: () => void = () => {};
    const call = platform.call.bind(platform);
    platform.call = (async <K extends Command>(command: K, args: Args<K>): Promise<Result<K>> => {
      if (command === 'export_folder') {
        const before = await call(command, args);
        await new Promise<void>((r) => (release = r));
        return before;
      }
      return call(command, args);
    }) as FakePlatform['call'];
    const reading = prefs.loadExportFolder();
    await prefs.chooseExportFolder();
    expect(prefs.exportFolder).toBe('/chosen');
    release();
    await reading;
    expect(prefs.exportFolder, 'the late answer must not put the earlier folder back').toBe('/chosen');
  });
});
