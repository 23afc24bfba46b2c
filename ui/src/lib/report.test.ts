import { describe, expect, it, vi } from 'vitest';
import { FakePlatform } from './platform/fake';
import type { Args, Command, Platform, Result } from './platform';
import { ReportChoices, savedMessage } from './report.svelte';

// The `dashboard` scenario: Acme has assessed the mini pack, with the action "Train the data
// team" on a-one. The `snapshots` scenario has the snapshots "Spring" and "Summer".
async function acme(scenario: 'dashboard' | 'snapshots' = 'dashboard') {
  const platform = new FakePlatform(scenario);
  const [org] = await platform.call('organisations', {});
  return { platform, choices: new ReportChoices(platform, org.id) };
}

/** A platform whose previews answer only when the test says so, in any order. */
function held(inner: Platform) {
  const pending: { args: Args<'report_preview'>; release: () => void }[] = [];
  const platform: Platform = {
    listen: inner.listen.bind(inner),
    call<K extends Command>(command: K, args: Args<K>): Promise<Result<K>> {
      if (command !== 'report_preview') return inner.call(command, args);
      return new Promise((ok, fail) => {
        pending.push({
          args: args as Args<'report_preview'>,
          release: () => inner.call(command, args).then(ok, fail),
        });
      });
    },
  };
  return { platform, pending };
}

describe('the Report dialog’s choices', () => {
  it('offers the formats the core lists, with their labels, and starts on the PDF', async () => {
    const { platform, choices } = await acme();
    await choices.loadFormats();
    const core = await platform.call('report_formats', {});
    expect(choices.formats, 'a format the core learns must appear without a change here').toEqual(core);
    expect(core.map((f) => f.extension)).toEqual(expect.arrayContaining(['pdf', 'html', 'md', 'docx']));
    expect(choices.format, 'what a board is handed').toBe('pdf');
  });

  it('previews the report the file will hold: the organisation and its action', async () => {
    const { choices } = await acme();
    await choices.refresh();
    expect(choices.problem).toBeNull();
    expect(choices.preview).toContain('Acme');
    expect(choices.preview, 'the largest gap carries its action').toContain('Train the data team');
    expect(choices.preview, 'the preview is the core’s own page, with no script').not.toMatch(/<script/i);
  });

  it('sends scores only for a handout, and what moved since the chosen snapshot', async () => {
    const { platform, choices } = await acme('snapshots');
    choices.includeScores = true;
    expect(choices.request.include_scores, 'board and full reports always carry scores').toBe(false);
    choices.profile = 'handout';
    expect(choices.request.include_scores).toBe(true);
    choices.profile = 'board';
    choices.since = 'Spring';
    await choices.refresh();
    expect(platform.calls[platform.calls.length - 1]).toEqual({
      command: 'report_preview',
      args: { org: 1, profile: 'board', since: 'Spring', include_scores: false },
    });
    expect(choices.preview).toContain('Spring');
  });

  it('asks for the preview once the choices rest, and never shows an answer to older choices', async () => {
    vi.useFakeTimers();
    try {
      const fake = new FakePlatform('dashboard');
      const { platform, pending } = held(fake);
      const choices = new ReportChoices(platform, 1);
      choices.profile = 'full';
      choices.schedule();
      choices.profile = 'handout';
      choices.schedule();
      await vi.advanceTimersByTimeAsync(300);
      expect(
        pending.map((p) => p.args.profile),
        'one request for the choices that rested',
      ).toEqual(['handout']);
      // The board is asked for and answered while the handout's answer is still on its way.
      choices.profile = 'board';
      const board = choices.refresh();
      pending[1].release();
      await board;
      const boardPage = await fake.call('report_preview', choices.request);
      expect(choices.preview).toBe(boardPage);
      pending[0].release();
      await vi.advanceTimersByTimeAsync(0);
      expect(choices.preview, 'the older handout must never replace the board').toBe(boardPage);
      expect(choices.loading).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows the core’s message and offers no Save when nothing is assessed', async () => {
    const platform = new FakePlatform('empty');
    const org = await platform.call('create_organisation', { name: 'Acme' });
    const choices = new ReportChoices(platform, org.id);
    await choices.loadFormats();
    await choices.refresh();
    expect(choices.preview).toBeNull();
    expect(choices.problem).toMatch(/Acme/);
    expect(choices.canSave).toBe(false);
    await choices.save();
    expect(platform.saved, 'nothing is saved for an empty report').toEqual([]);
  });

  it('saves through the shell with the choices and format, and says where', async () => {
    const { platform, choices } = await acme();
    await choices.loadFormats();
    await choices.refresh();
    choices.format = 'md';
    await choices.save();
    expect(platform.saved[0].args).toEqual({
      org: 1,
      profile: 'board',
      since: null,
      include_scores: false,
      format: 'md',
    });
    expect(savedMessage(choices.saved!)).toEqual({ title: 'Saved report 1.md', detail: 'in /exports' });
  });

  it('says nothing when the person cancels the save dialog, and the error when saving fails', async () => {
    const { platform, choices } = await acme();
    await choices.loadFormats();
    await choices.refresh();
    platform.saveDialogAnswer = null;
    await choices.save();
    expect(choices.saved).toBeNull();
    expect(choices.saveError).toBeNull();
    platform.saveDialogAnswer = '/exports';
    const { AppError } = await import('./platform');
    platform.saveError = new AppError({ code: null, message: '/exports: permission denied; nothing was written' });
    await choices.save();
    expect(choices.saveError).toBe('/exports: permission denied; nothing was written');
    expect(choices.saving, 'Save is offered again').toBe(false);
  });
});

describe('savedMessage', () => {
  it('names the file, its folder, and why it did not open', () => {
    expect(
      savedMessage({
        path: '/home/ada/Downloads/Acme – actions – 2026-11-30 (2).csv',
        name: 'Acme – actions – 2026-11-30 (2).csv',
        not_opened: 'it could not be opened here (no application for CSV)',
      }),
    ).toEqual({
      title: 'Saved Acme – actions – 2026-11-30 (2).csv',
      detail: 'in /home/ada/Downloads; it could not be opened here (no application for CSV).',
    });
  });
});
