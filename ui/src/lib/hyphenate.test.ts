import { describe, expect, it } from 'vitest';
import { SHY, hyphenateOverwide, softHyphens } from './hyphenate';

const shown = (text: string) => text.split(SHY).join('-');

describe('softHyphens', () => {
  it('offers breaks inside the long words of capability titles, between syllables', () => {
    expect(shown(softHyphens('Transformational leadership'))).toBe('Trans-for-ma-tion-al lead-er-ship');
    expect(shown(softHyphens('Infrastructure protection'))).toBe('In-fra-struc-ture pro-tec-tion');
  });

  it('leaves words under eight letters alone, and the letters a reader sees unchanged', () => {
    expect(softHyphens('Threat model review')).toBe('Threat model review');
    expect(softHyphens('Cloud Financial Management').replaceAll(SHY, '')).toBe('Cloud Financial Management');
  });
});

describe('hyphenateOverwide', () => {
  // A stand-in for measuring: words of up to ten letters fit the card.
  const fits = (word: string) => word.length <= 10;

  it('hyphenates only the words too wide for a line, so "curation" moves down whole', () => {
    expect(shown(hyphenateOverwide('Data curation', fits))).toBe('Data curation');
    expect(shown(hyphenateOverwide('Transformational leadership', fits))).toBe('Trans-for-ma-tion-al leadership');
  });

  it('keeps the spacing of the title as it was', () => {
    expect(hyphenateOverwide('Event  management (AIOps)', fits).replaceAll(SHY, '')).toBe('Event  management (AIOps)');
  });
});
