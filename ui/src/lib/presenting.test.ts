// Presenting without a window around it: the round trip through the shell's broadcast, and
// captures written through the organisation's data so the stage and every view agree.
import { describe, expect, it } from 'vitest';
import { FakePlatform, fakeFramework } from './platform/fake';
import { OrganisationData } from './organisation.svelte';
import { Presenting, type Frame } from './presenting.svelte';
import type { NodeDetail } from './platform';

async function setup() {
  const platform = new FakePlatform('acme');
  const [org] = await platform.call('organisations', {});
  const data = new OrganisationData(platform);
  await data.choose(org);
  const frame: Frame & { current: NodeDetail | null; opened: string[] } = {
    framework: fakeFramework,
    current: null as NodeDetail | null,
    view: 'graph',
    opened: [],
    async open(id: string) {
      this.opened.push(id);
      this.current = await platform.call('node', { id });
    },
    fail(message: string) {
      throw new Error(message);
    },
  };
  const presenting = new Presenting(platform, data, frame);
  const stop = presenting.listen();
  await presenting.loadTours();
  return { platform, org, data, frame, presenting, stop };
}

const settled = () => new Promise((r) => setTimeout(r, 0));
const key = (k: string) => new KeyboardEvent('keydown', { key: k, cancelable: true });

describe('Presenting', () => {
  it('moves only on what the shell broadcasts, opening each step at its view', async () => {
    const { platform, frame, presenting, stop } = await setup();
    const tour = presenting.tours[0];
    await presenting.start({ tour, workshop: null, presenter: false });
    await settled();
    expect(presenting.presentation?.step).toBe(0);
    presenting.onKey(key('End'));
    await settled();
    expect(platform.presentation?.step, 'the move went to the shell').toBe(2);
    expect(presenting.presentation?.step, 'and came back as its broadcast').toBe(2);
    expect(frame.opened[frame.opened.length - 1]).toBe('a-one');
    expect(frame.view, "the last step's view is the map").toBe('map');
    expect(presenting.spotlight).toEqual({ id: 'a-one', depth: 1 });
    stop();
  });

  it("writes a capture through the organisation's data, so the stage and the views show it", async () => {
    const { data, presenting, stop } = await setup();
    const tour = presenting.tours[0];
    await presenting.start({ tour, workshop: { title: 'Offsite' }, presenter: false });
    presenting.onKey(key('End'));
    await settled();
    presenting.onKey(key('c'));
    presenting.onKey(key('1'));
    await settled();
    await settled();
    expect(data.assessments['a-one']?.current, 'the map and the graph read the captured level').toBe(1);
    expect(presenting.assessment?.current, 'the stage shows it').toBe(1);
    expect(presenting.message).toBe('Current maturity of Alpha one recorded');
    presenting.onKey(key('v'));
    presenting.onKey(key('3'));
    await settled();
    await settled();
    expect(presenting.votesHere).toBe(3);
    expect(presenting.message, 'the count of dots is not said while the view is private').toBe(
      'Dots on Alpha one recorded',
    );
    stop();
  });

  it('captures on a capability clicked away from the tour, and says what to do on a step without one', async () => {
    const { data, frame, platform, presenting, stop } = await setup();
    await presenting.start({ tour: presenting.tours[0], workshop: { title: 'Offsite' }, presenter: false });
    await settled();
    presenting.onKey(key('c'));
    presenting.onKey(key('1'));
    await settled();
    expect(presenting.message, 'the first step is the framework, not a capability').toMatch(
      /click a capability on the map or graph/,
    );
    // What the map or graph does when a card or node is clicked while presenting.
    await frame.open('a-one');
    await presenting.follow('a-one');
    await settled();
    expect(platform.presentation?.node, "the presenter's window follows the click").toBe('a-one');
    presenting.onKey(key('c'));
    presenting.onKey(key('1'));
    await settled();
    await settled();
    expect(data.assessments['a-one']?.current, 'the level is stored on the clicked capability').toBe(1);
    expect(presenting.message).toBe('Current maturity of Alpha one recorded');
    stop();
  });
});
